/**
 * The decisions of dispatch, as pure functions of the facts and the association's policy: when an
 * offer's answer is due, what happens when a wave runs out, when reminders and reconfirmation
 * fall, what a late cancellation owes. Time comes in as instants; Japan keeps +09:00 all year.
 */
import type { AssociationPolicy } from '../associations/policy';
import type { FieldProblem, Localized } from '../errors';

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** Where the dispatch workflow has carried a request (mirrored in `requests.dispatch_stage`). */
export const dispatchStages = [
  /** Waiting for a coordinator to approve or reject it. */
  'screening',
  /** Offers are out (or about to go out) to ranked volunteers. */
  'offering',
  /** Nobody left or nobody answered: coordinators are asked to step in. */
  'escalated',
  /** Every interpreter needed is confirmed; reminders and reconfirmation run. */
  'confirmed',
  /** The activity is over; the reports are awaited and then approved. */
  'awaiting_reports',
  'completed',
  'cancelled',
  'rejected',
] as const;
export type DispatchStage = (typeof dispatchStages)[number];

export const finalStages: ReadonlySet<DispatchStage> = new Set(['completed', 'cancelled', 'rejected']);

/** Flags that always need a person's screening, whoever files the request. */
const sensitiveFlags = new Set(['medical', 'legal', 'emergency', 'infection_risk']);

/**
 * Whether a filed request goes straight to offers: only from a trusted organization, only when the
 * policy allows it, and never when it is flagged as sensitive.
 */
export function screeningDecision(
  request: { organizationTrusted: boolean; flags: readonly string[] },
  policy: AssociationPolicy['screening'],
): 'auto_approve' | 'screen' {
  if (!policy.autoApproveTrusted || !request.organizationTrusted) return 'screen';
  return request.flags.some((flag) => sensitiveFlags.has(flag)) ? 'screen' : 'auto_approve';
}

/** The shortest an offer stays open, however near the date. */
const minimumResponseMs = 15 * 60 * 1000;

/**
 * When the answer to an offer made `now` is due: the policy's hours for how near the work is (more
 * than a week ahead, within a week, within two days), but never past halfway to the start, so that
 * there is still time to ask someone else; and at least a quarter of an hour.
 */
export function offerDeadline(now: Date, startsAt: Date, offers: AssociationPolicy['offers']): Date {
  const aheadMs = startsAt.getTime() - now.getTime();
  const hours =
    aheadMs > 7 * 24 * hourMs
      ? offers.responseHoursMoreThanAWeekAhead
      : aheadMs > 48 * hourMs
        ? offers.responseHoursWithinAWeek
        : offers.responseHoursWithinTwoDays;
  const responseMs = Math.min(hours * hourMs, aheadMs / 2);
  return new Date(now.getTime() + Math.max(minimumResponseMs, responseMs));
}

export type WaveStep = { kind: 'offer'; wave: number } | { kind: 'widen' } | { kind: 'escalate' };

/**
 * What to do when no offer is open and places are still free. Up to `maxWaves` waves go to the
 * ranked candidates; when they or the candidates run out, the search widens (remote, neighbouring
 * areas) for as many waves again; after that, coordinators are asked to step in.
 */
export function nextWaveStep(facts: {
  wavesSent: number;
  maxWaves: number;
  candidatesLeft: number;
  widened: boolean;
}): WaveStep {
  const limit = facts.widened ? facts.maxWaves * 2 : facts.maxWaves;
  if (facts.candidatesLeft > 0 && facts.wavesSent < limit) return { kind: 'offer', wave: facts.wavesSent + 1 };
  return facts.widened ? { kind: 'escalate' } : { kind: 'widen' };
}

/** The next wave: the best-ranked candidates not yet asked, at most `size`. */
export function pickWave(ranked: readonly string[], alreadyAsked: ReadonlySet<string>, size: number): string[] {
  return ranked.filter((volunteerId) => !alreadyAsked.has(volunteerId)).slice(0, size);
}

/**
 * The instant an answer date falls due: 09:00 in Japan on that day, the start of the requester's
 * working day, when they must know whether someone goes.
 */
export function answerDueAt(answerBy: string): Date {
  return new Date(`${answerBy}T09:00:00+09:00`);
}

export interface ConfirmedSchedule {
  /** Reminders still ahead, earliest first. */
  reminders: Array<{ hoursBefore: number; at: Date }>;
  /** When the volunteers are asked to reconfirm and when an unanswered one is released; null when too late. */
  reconfirmation: { askAt: Date; cutoffAt: Date } | null;
}

/**
 * What runs on timers once a request is confirmed, as of `now`: the reminders not yet due, and the
 * reconfirmation (for interpreting only: a translation has no day to turn up on). Whatever has
 * passed is left out; a reconfirmation whose cutoff has passed is left out whole.
 */
export function confirmedSchedule(
  facts: { startsAt: Date; now: Date; interpreting: boolean },
  policy: AssociationPolicy['reminders'],
): ConfirmedSchedule {
  const start = facts.startsAt.getTime();
  const reminders = [...policy.hoursBeforeStart]
    .sort((a, b) => b - a)
    .map((hoursBefore) => ({ hoursBefore, at: new Date(start - hoursBefore * hourMs) }))
    .filter((reminder) => reminder.at.getTime() > facts.now.getTime());
  const cutoffAt = new Date(start - policy.reconfirmationCutoffHoursBefore * hourMs);
  const reconfirmation =
    facts.interpreting && cutoffAt.getTime() > facts.now.getTime()
      ? { askAt: new Date(start - policy.reconfirmationHoursBefore * hourMs), cutoffAt }
      : null;
  return { reminders, reconfirmation };
}

/**
 * Whether a volunteer booked at `bookedAt` must still reconfirm: not when they accepted after the
 * request to reconfirm would have gone out, since accepting so close to the date is confirmation
 * enough.
 */
export function needsReconfirmation(
  bookedAt: Date,
  startsAt: Date,
  policy: AssociationPolicy['reminders'],
  interpreting: boolean,
): boolean {
  return interpreting && bookedAt.getTime() < startsAt.getTime() - policy.reconfirmationHoursBefore * hourMs;
}

export interface CancellationTerms {
  /** Whole hours between the cancellation and the start (0 once it has started). */
  noticeHours: number;
  /** The share of the honorarium owed to a booked volunteer; 0 when the notice was long enough. */
  feePercent: number;
}

/** What cancelling at `now` owes for work starting at `startsAt`: the tier of the shortest notice that applies. */
export function cancellationTerms(
  now: Date,
  startsAt: Date,
  policy: AssociationPolicy['cancellation'],
): CancellationTerms {
  const aheadHours = (startsAt.getTime() - now.getTime()) / hourMs;
  const tier = [...policy.feeTiers]
    .sort((a, b) => a.withinHours - b.withinHours)
    .find((candidate) => aheadHours < candidate.withinHours);
  return { noticeHours: Math.max(0, Math.floor(aheadHours)), feePercent: tier?.feePercent ?? 0 };
}

/**
 * When the missing activity reports are asked for again after the end, and when, all reminders
 * spent, the coordinators are told they are overdue.
 */
export function reportReminderTimes(
  endsAt: Date,
  policy: AssociationPolicy['reports'],
): { reminders: Date[]; overdueAt: Date } {
  const every = policy.reminderEveryHours * hourMs;
  const reminders = Array.from(
    { length: policy.maxReminders },
    (_, index) => new Date(endsAt.getTime() + every * (index + 1)),
  );
  return { reminders, overdueAt: new Date(endsAt.getTime() + every * (policy.maxReminders + 1)) };
}

/** Midnight in Japan that begins the day of `instant`. */
const startOfJapanDay = (instant: Date) =>
  new Date(Math.floor((instant.getTime() + 9 * hourMs) / dayMs) * dayMs - 9 * hourMs);

const months = 'January February March April May June July August September October November December'.split(' ');

/** The Japan date of `instant`, as the reader writes it: 2027年2月1日, 1 February 2027. */
function japanDate(instant: Date, locale: 'ja' | 'en'): string {
  const inJapan = new Date(instant.getTime() + 9 * hourMs);
  const [year, month, day] = [inJapan.getUTCFullYear(), inJapan.getUTCMonth(), inJapan.getUTCDate()];
  return locale === 'ja' ? `${year}年${month + 1}月${day}日` : `${day} ${months[month]} ${year}`;
}

/**
 * What is wrong with the times a volunteer reports for a booking: both must lie on the booked
 * days (an interpreting request's start to end; a translation's booking to its deadline) or within
 * the policy's days either side, in Japan time, and neither may be after `now`. Paths are the
 * report's fields (`actualStart`, `actualEnd`).
 */
export function reportedTimesProblems(
  report: { actualStart: Date; actualEnd: Date },
  booked: { from: Date; until: Date },
  policy: AssociationPolicy['reports'],
  now: Date,
): FieldProblem[] {
  const windowDays = policy.activityWindowDays;
  const earliest = new Date(startOfJapanDay(booked.from).getTime() - windowDays * dayMs);
  const latest = new Date(startOfJapanDay(booked.until).getTime() + (windowDays + 1) * dayMs);
  const lastDay = new Date(latest.getTime() - dayMs);
  const around = {
    en: `Use a time from ${japanDate(earliest, 'en')} to ${japanDate(lastDay, 'en')} (Japan time): the booked ${
      windowDays === 0 ? 'days' : `days and ${windowDays === 1 ? 'a day' : `${windowDays} days`} either side`
    }.`,
    ja: `${japanDate(earliest, 'ja')}から${japanDate(lastDay, 'ja')}までの日時を入力してください（予約日${
      windowDays === 0 ? '' : `とその前後${windowDays}日`
    }）。`,
  };
  const future = { en: 'The activity cannot be reported ahead of time.', ja: 'これからの日時は報告できません。' };
  const problems: FieldProblem[] = [];
  for (const field of ['actualStart', 'actualEnd'] as const) {
    const time = report[field].getTime();
    if (time > now.getTime()) problems.push({ path: [field], message: future });
    else if (time < earliest.getTime() || time > latest.getTime()) problems.push({ path: [field], message: around });
  }
  return problems;
}

/** Why a coordinator's offer or booking by hand cannot go through. */
export type ByHandRefusal = 'already_offered' | 'already_assigned' | 'full' | 'closed' | 'busy';

/**
 * Whether a coordinator can offer a request to a volunteer by hand, or book them outright, and if
 * not why: only while the request is open, never to one already booked for it, and an offer not
 * twice (booking settles an open offer). The candidates' buttons and dispatch's steps both ask this.
 */
export function byHandRefusal(
  action: 'offer' | 'assign',
  status: string,
  volunteer: { booked: boolean; offered: boolean },
): Exclude<ByHandRefusal, 'busy'> | null {
  if (status === 'filled') return 'full';
  if (status !== 'open') return 'closed';
  if (volunteer.booked) return 'already_assigned';
  if (action === 'offer' && volunteer.offered) return 'already_offered';
  return null;
}
