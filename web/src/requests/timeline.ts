import type { ResultOf } from '../graphql';
import type { RequestDetailFields } from './documents';

type Status = ResultOf<typeof RequestDetailFields>['status'];

export type Step = 'filed' | 'screened' | 'offered' | 'confirmed' | 'done';
export type StepState = 'done' | 'current' | 'waiting';

/**
 * The steps of a request as the requester follows it. The API tells the status only, so
 * "offered" (and the reminders) wait for the dispatch workflow's answers; until then a request
 * the association has screened is shown as waiting to be offered.
 */
const reached: Record<Status, Step[]> = {
  filed: ['filed'],
  open: ['filed', 'screened'],
  filled: ['filed', 'screened', 'offered', 'confirmed'],
  completed: ['filed', 'screened', 'offered', 'confirmed', 'done'],
  cancelled: ['filed'],
  rejected: ['filed'],
};

export const steps: readonly Step[] = ['filed', 'screened', 'offered', 'confirmed', 'done'];

/** Each step's state for a status: done, the one under way, or still to come. */
export function timeline(status: Status): Array<{ step: Step; state: StepState }> {
  const done = reached[status];
  const closed = status === 'cancelled' || status === 'rejected' || status === 'completed';
  return steps.map((step, index) => ({
    step,
    state: done.includes(step) ? 'done' : !closed && index === done.length ? 'current' : 'waiting',
  }));
}
