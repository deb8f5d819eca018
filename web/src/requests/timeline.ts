import type { ResultOf } from '../graphql';
import type { RequestDetailFields } from './documents';

type Status = ResultOf<typeof RequestDetailFields>['status'];

export type Step = 'filed' | 'screened' | 'offered' | 'confirmed' | 'done' | 'cancelled' | 'rejected';
export type StepState = 'done' | 'current' | 'waiting';

/** What a request went through before it closed: a cancelled one keeps the steps it had reached. */
export interface Reached {
  /** A coordinator approved it (or policy did). */
  screened: boolean;
  /** Someone was booked for it, whatever became of the booking. */
  booked: boolean;
}

/**
 * The steps of a request as the requester follows it. The API tells the status only, so
 * "offered" (and the reminders) wait for the dispatch workflow's answers; until then a request
 * the association has screened is shown as waiting to be offered.
 */
const reached: Record<Exclude<Status, 'cancelled' | 'rejected'>, Step[]> = {
  filed: ['filed'],
  open: ['filed', 'screened'],
  filled: ['filed', 'screened', 'offered', 'confirmed'],
  completed: ['filed', 'screened', 'offered', 'confirmed', 'done'],
};

export const steps: readonly Step[] = ['filed', 'screened', 'offered', 'confirmed', 'done'];

/**
 * Each step's state for a status: done, the one under way, or still to come. A cancelled or
 * rejected request shows the steps it had reached, then how it ended; the steps that will never
 * come are not shown.
 */
export function timeline(
  status: Status,
  before: Reached = { screened: false, booked: false },
): Array<{ step: Step; state: StepState }> {
  if (status === 'cancelled' || status === 'rejected') {
    const done: Step[] = before.booked
      ? reached.filled
      : before.screened && status === 'cancelled'
        ? reached.open
        : reached.filed;
    return [...done.map((step) => ({ step, state: 'done' as const })), { step: status, state: 'current' }];
  }
  const done = reached[status];
  return steps.map((step, index) => ({
    step,
    state: done.includes(step) ? 'done' : status !== 'completed' && index === done.length ? 'current' : 'waiting',
  }));
}
