/**
 * The decisions of dispatch, as pure functions of the facts and the association's policy: when an
 * offer's answer is due, what happens when a wave runs out, when reminders and reconfirmation
 * fall, what a late cancellation owes. Time comes in as instants; Japan keeps +09:00 all year.
 */
import type { AssociationPolicy } from '../associations/policy';

const hourMs = 60 * 60 * 1000;

/** Where the dispatch workflow has carried a request (mirrored in `requests.dispatch_stage`). */
export const dispatchStages = [
  'screening',
  'offering',
  'escalated',
  'confirmed',
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
