import type { DateTime } from 'luxon';
import type { AssociationPolicy, ScopeRule } from '../associations/policy';
import { businessDaysBetween, type Holidays } from '../calendar';
import { tokyo } from '../clock';
import type { FieldProblem, Localized } from '../errors';

export const modalities = ['on_site', 'remote', 'translation'] as const;
export type Modality = (typeof modalities)[number];
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

/** What the policy can find wrong with a request, as a clerk reads it. */
const says = {
  noDeadline: { en: 'Give the date the translation is needed by.', ja: '納期を入力してください。' },
  deadlinePassed: { en: 'The deadline has passed.', ja: '納期が過ぎています。' },
  noStart: { en: 'Give the start.', ja: '開始日時を入力してください。' },
  noEnd: { en: 'Give the end.', ja: '終了日時を入力してください。' },
  endBeforeStart: { en: 'The end must be after the start.', ja: '終了時刻は開始時刻より後にしてください。' },
  tooShort: {
    en: `Ask for at least ${shortestWindowMinutes} minutes.`,
    ja: `${shortestWindowMinutes}分以上でご依頼ください。`,
  },
  tooLong: {
    en: `Ask for at most ${longestWindowHours} hours; split a longer day into two requests.`,
    ja: `${longestWindowHours}時間以内でご依頼ください。長くなる場合は2件の依頼に分けてください。`,
  },
  startPassed: { en: 'The start has passed.', ja: '開始日時が過ぎています。' },
  tooLittleNotice: (businessDays: number): Localized => ({
    en: `Requests need ${businessDays} business days' notice; mark it urgent if it cannot wait.`,
    ja: `依頼は${businessDays}営業日前までにお願いします。間に合わない場合は「至急」にしてください。`,
  }),
  answerDatePassed: { en: 'The answer date has passed.', ja: '回答期限が過ぎています。' },
  answerDateAfterDay: {
    en: 'The answer date must not be after the day itself.',
    ja: '回答期限は当日以前の日付にしてください。',
  },
} satisfies Record<string, Localized | ((businessDays: number) => Localized)>;

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
  const problem = (field: string, message: Localized) => problems.push({ path: ['input', field], message });

  let firstDay: DateTime | null = null;
  if (draft.modality === 'translation') {
    if (!draft.deadline) problem('deadline', says.noDeadline);
    else if (draft.deadline <= now) problem('deadline', says.deadlinePassed);
    else firstDay = draft.deadline;
  } else if (!draft.startsAt || !draft.endsAt) {
    if (!draft.startsAt) problem('startsAt', says.noStart);
    if (!draft.endsAt) problem('endsAt', says.noEnd);
  } else {
    const minutes = draft.endsAt.diff(draft.startsAt, 'minutes').minutes;
    if (minutes <= 0) problem('endsAt', says.endBeforeStart);
    else if (minutes < shortestWindowMinutes) problem('endsAt', says.tooShort);
    else if (minutes > longestWindowHours * 60) problem('endsAt', says.tooLong);
    if (draft.startsAt <= now) problem('startsAt', says.startPassed);
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
          says.tooLittleNotice(policy.leadTime.minimumBusinessDays),
        );
      }
    }
    if (draft.answerBy) {
      if (draft.answerBy < today) problem('answerBy', says.answerDatePassed);
      else if (draft.answerBy > day) problem('answerBy', says.answerDateAfterDay);
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

export type RequestStatus = 'filed' | 'open' | 'filled' | 'completed' | 'cancelled' | 'rejected';

/** A request in one of these states is finished whatever its date; any other, once its end has passed. */
export const finishedStatuses = ['cancelled', 'rejected', 'completed'] as const satisfies RequestStatus[];

/** Why a request can no longer be changed or cancelled. */
export type ClosedReason = 'cancelled' | 'rejected' | 'begun';

/**
 * Whether a request is closed to changes and cancellation at `now`, and why: cancelled, rejected, or
 * its time (a translation's deadline) has come. A confirmed request may still change: dispatch then
 * checks the booking against the new time. One rule for the API's refusal and the web's buttons.
 */
export function closedReason(
  request: { status: RequestStatus; startsAt: Date | null; deadline: Date | null },
  now: Date,
): ClosedReason | null {
  if (request.status === 'cancelled' || request.status === 'rejected') return request.status;
  if (request.status === 'completed') return 'begun';
  const begins = request.startsAt ?? request.deadline;
  return begins && begins.getTime() <= now.getTime() ? 'begun' : null;
}
