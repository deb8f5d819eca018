import type { DateTime } from 'luxon';
import type { AssociationPolicy, ScopeRule } from '../associations/policy';
import { businessDaysBetween, type Holidays } from '../calendar';
import { tokyo } from '../clock';
import type { FieldProblem } from '../errors';

export type Modality = 'on_site' | 'remote' | 'translation';
export type Specialty = 'medical' | 'legal' | 'education' | 'disaster' | 'welfare' | 'residence_procedures';

/** The parts of a request that the association's policy rules on. */
export interface RequestDraft {
  modality: Modality;
  startsAt: DateTime | null;
  endsAt: DateTime | null;
  deadline: DateTime | null;
  answerBy: string | null;
  urgent: boolean;
  specialty: Specialty | null;
  emergency: boolean;
  infectionRisk: boolean;
}

export type RequestFlag = 'urgent_short_notice' | 'medical' | 'legal' | 'emergency' | 'infection_risk';

export interface PolicyOutcome {
  problems: FieldProblem[];
  /** What coordinators should look at. */
  flags: RequestFlag[];
  routing: ScopeRule;
  /** For `certified_only`: the certificate kind a volunteer must hold on the day. */
  requiredCertificateKind: string | null;
}

/** Interpreting shorter than this, or longer than this, is almost surely a typing error. */
export const shortestWindowMinutes = 15;
export const longestWindowHours = 12;

/** The certificate that `certified_only` asks for, by sensitive subject. */
export const certificateKinds: Record<Exclude<RequestFlag, 'urgent_short_notice'>, string> = {
  medical: 'medical_interpreter',
  legal: 'legal_interpreter',
  emergency: 'disaster_interpreter',
  infection_risk: 'medical_interpreter',
};

const strictness: Record<ScopeRule, number> = { normal: 0, certified_only: 1, not_offered: 2 };

/**
 * Checks a request against its association's policy at `now`: its times, the minimum lead time in
 * business days (an urgent request may come sooner and is flagged), the answer date, and how a
 * sensitive subject is routed.
 */
export function checkRequestPolicy(
  draft: RequestDraft,
  policy: AssociationPolicy,
  { now, holidays }: { now: DateTime; holidays: Holidays },
): PolicyOutcome {
  const problems: FieldProblem[] = [];
  const flags: RequestFlag[] = [];
  const problem = (field: string, message: string) => problems.push({ path: ['input', field], message });

  let firstDay: DateTime | null = null;
  if (draft.modality === 'translation') {
    if (!draft.deadline) problem('deadline', 'Give the date the translation is needed by.');
    else if (draft.deadline <= now) problem('deadline', 'The deadline has passed.');
    else firstDay = draft.deadline;
  } else if (!draft.startsAt || !draft.endsAt) {
    if (!draft.startsAt) problem('startsAt', 'Give the start.');
    if (!draft.endsAt) problem('endsAt', 'Give the end.');
  } else {
    const minutes = draft.endsAt.diff(draft.startsAt, 'minutes').minutes;
    if (minutes <= 0) problem('endsAt', 'The end must be after the start.');
    else if (minutes < shortestWindowMinutes) problem('endsAt', `Ask for at least ${shortestWindowMinutes} minutes.`);
    else if (minutes > longestWindowHours * 60)
      problem('endsAt', `Ask for at most ${longestWindowHours} hours; split a longer day into two requests.`);
    if (draft.startsAt <= now) problem('startsAt', 'The start has passed.');
    else firstDay = draft.startsAt;
  }

  if (firstDay) {
    const today = now.setZone(tokyo).toISODate() ?? '';
    const day = firstDay.setZone(tokyo).toISODate() ?? '';
    const counted = policy.leadTime.holidaysAreBusinessDays ? new Set<string>() : holidays;
    const lead = businessDaysBetween(today, day, counted);
    if (lead < policy.leadTime.minimumBusinessDays) {
      if (draft.urgent) flags.push('urgent_short_notice');
      else {
        problem(
          draft.modality === 'translation' ? 'deadline' : 'startsAt',
          `Requests need ${policy.leadTime.minimumBusinessDays} business days' notice; mark it urgent if it cannot wait.`,
        );
      }
    }
    if (draft.answerBy) {
      if (draft.answerBy < today) problem('answerBy', 'The answer date has passed.');
      else if (draft.answerBy > day) problem('answerBy', 'The answer date must not be after the day itself.');
    }
  }

  const sensitive: Array<[Exclude<RequestFlag, 'urgent_short_notice'>, ScopeRule]> = [];
  if (draft.specialty === 'medical') sensitive.push(['medical', policy.scope.medical]);
  if (draft.specialty === 'legal') sensitive.push(['legal', policy.scope.legal]);
  if (draft.emergency) sensitive.push(['emergency', policy.scope.emergency]);
  if (draft.infectionRisk) sensitive.push(['infection_risk', policy.scope.infectionRisk]);
  let routing: ScopeRule = 'normal';
  let requiredCertificateKind: string | null = null;
  for (const [flag, rule] of sensitive) {
    flags.push(flag);
    if (strictness[rule] > strictness[routing]) routing = rule;
    if (rule === 'certified_only' && !requiredCertificateKind) requiredCertificateKind = certificateKinds[flag];
  }
  return {
    problems,
    flags,
    routing,
    requiredCertificateKind: routing === 'certified_only' ? requiredCertificateKind : null,
  };
}
