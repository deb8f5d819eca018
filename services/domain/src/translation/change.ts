import { ConflictError } from '../errors';
import { endedTranslationJobStates, type TranslationJobState } from './job';

/**
 * A change to a booked translation job (its deadline, its source documents) is a proposal: the
 * requester or a coordinator proposes, the translator accepts or declines, and until they accept
 * the job keeps its deadline and documents.
 */
export const translationChangeStatuses = ['proposed', 'accepted', 'declined'] as const;
export type TranslationChangeStatus = (typeof translationChangeStatuses)[number];

export interface TranslationChange {
  /** The new deadline (ISO 8601), or null to keep it. */
  deadline: string | null;
  /** Sources the organization uploaded, not yet on the request, that the job is to include. */
  addDocumentIds: readonly string[];
  /** Sources of the request that the job is to leave out. */
  removeDocumentIds: readonly string[];
}

/** Whether a job may still be changed: booked and not yet accepted or ended (an accepted translation has nothing left to change). */
export const isTranslationChangeable = (state: TranslationJobState) =>
  !endedTranslationJobStates.has(state) && state !== 'accepted';

/**
 * Whether this change may be proposed now: the job must be booked and not yet accepted or ended
 * (an accepted translation has nothing left to change), with no other proposal waiting for the
 * translator, and the change must change something, its deadline still ahead.
 */
export function checkTranslationChange(input: {
  state: TranslationJobState;
  pending: boolean;
  currentDeadline: string | null;
  change: TranslationChange;
  now: string;
}): void {
  const { state, change } = input;
  if (!isTranslationChangeable(state)) throw new ConflictError('translation_change_closed');
  if (input.pending) throw new ConflictError('translation_change_pending');
  const movesDeadline =
    change.deadline !== null &&
    (input.currentDeadline === null || Date.parse(change.deadline) !== Date.parse(input.currentDeadline));
  if (!movesDeadline && change.addDocumentIds.length === 0 && change.removeDocumentIds.length === 0) {
    throw new ConflictError('translation_change_empty');
  }
  if (change.deadline !== null && Date.parse(change.deadline) <= Date.parse(input.now)) {
    throw new ConflictError('translation_change_deadline_past');
  }
}

/** Whether the translator may still answer a proposal: it waits, and the job has not ended meanwhile. */
export function checkTranslationChangeAnswer(input: {
  status: TranslationChangeStatus;
  state: TranslationJobState;
}): void {
  if (input.status !== 'proposed') throw new ConflictError('translation_change_answered');
  if (!isTranslationChangeable(input.state)) throw new ConflictError('translation_change_closed');
}
