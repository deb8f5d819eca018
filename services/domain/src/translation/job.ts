import type { AssociationPolicy } from '../associations/policy';
import type { DocumentCountUnit } from '../documents/kinds';
import { ConflictError } from '../errors';
import type { PricedVolume } from '../expenses/rates';

/**
 * A translation job, from the booking to the fee: the translator fetches the source, uploads
 * versions (each kept), submits one; the requester accepts it or asks for a revision (as many
 * rounds as the association's policy allows); an accepted job is priced and done. The translator
 * may give the job back while the work is theirs; a job past its deadline without a submitted
 * version is overdue, and may still be submitted. Pure: the services apply it in a transaction.
 */
export const translationJobStates = [
  'booked',
  'source_downloaded',
  'translation_uploaded',
  'submitted',
  'revision_asked',
  'overdue',
  'accepted',
  'done',
  'given_back',
  'released',
] as const;
export type TranslationJobState = (typeof translationJobStates)[number];

/** The states in which the work is with the translator (what the deadline and a give-back are about). */
const withTranslator: ReadonlySet<TranslationJobState> = new Set([
  'booked',
  'source_downloaded',
  'translation_uploaded',
  'revision_asked',
  'overdue',
]);
/** The states after which nothing more happens to the job. */
export const endedTranslationJobStates: ReadonlySet<TranslationJobState> = new Set(['done', 'given_back', 'released']);

export type TranslationJobEvent =
  | { kind: 'download_source' }
  | { kind: 'upload' }
  | { kind: 'submit' }
  | { kind: 'accept' }
  | { kind: 'ask_revision'; roundsUsed: number; roundsAllowed: number }
  | { kind: 'give_back' }
  | { kind: 'deadline_passed' }
  /** The translator accepted a later deadline; `workingState` is where the work stood under an overdue flag. */
  | { kind: 'deadline_moved'; workingState: TranslationJobState }
  | { kind: 'finish' }
  | { kind: 'release' };

export const isWithTranslator = (state: TranslationJobState) => withTranslator.has(state);

/**
 * The state after `event`, or a typed refusal saying why the step is not allowed now. Steps that
 * change nothing (a second download of the source, the deadline passing a submitted job) answer
 * the same state.
 */
export function nextTranslationJobState(state: TranslationJobState, event: TranslationJobEvent): TranslationJobState {
  if (endedTranslationJobStates.has(state)) {
    throw new ConflictError('translation_job_ended', state as 'done' | 'given_back' | 'released');
  }
  switch (event.kind) {
    case 'download_source':
      return state === 'booked' ? 'source_downloaded' : state;
    case 'upload':
      if (state === 'booked') throw new ConflictError('source_not_downloaded');
      if (state === 'submitted') throw new ConflictError('translation_awaiting_review');
      if (state === 'accepted') throw new ConflictError('translation_already_accepted');
      // Late work stays late: an upload after the deadline keeps the job overdue until submitted.
      return state === 'overdue' ? 'overdue' : 'translation_uploaded';
    case 'submit':
      if (state === 'booked') throw new ConflictError('source_not_downloaded');
      if (state === 'submitted') throw new ConflictError('translation_awaiting_review');
      if (state === 'accepted') throw new ConflictError('translation_already_accepted');
      return 'submitted';
    case 'accept':
      if (state === 'accepted') throw new ConflictError('translation_already_accepted');
      if (state !== 'submitted') throw new ConflictError('translation_not_submitted');
      return 'accepted';
    case 'ask_revision':
      if (state === 'accepted') throw new ConflictError('translation_already_accepted');
      if (state !== 'submitted') throw new ConflictError('translation_not_submitted');
      if (event.roundsUsed >= event.roundsAllowed) {
        throw new ConflictError('revision_rounds_used', event.roundsAllowed);
      }
      return 'revision_asked';
    case 'give_back':
      if (state === 'submitted') throw new ConflictError('translation_awaiting_review');
      if (state === 'accepted') throw new ConflictError('translation_already_accepted');
      return 'given_back';
    case 'deadline_passed':
      return withTranslator.has(state) ? 'overdue' : state;
    case 'deadline_moved':
      // Back to the work as it stood: the coordinators' overdue list is for jobs past their deadline.
      return state === 'overdue' && withTranslator.has(event.workingState) && event.workingState !== 'overdue'
        ? event.workingState
        : state;
    case 'finish':
      if (state !== 'accepted') throw new ConflictError('translation_not_submitted');
      return 'done';
    case 'release':
      return 'released';
  }
}

/**
 * Where the work of an overdue job stands after `event` (the state the job goes back to if its
 * deadline moves later): the state the deadline found, moved on by a download or an upload made
 * while overdue; null once the job is no longer overdue.
 */
export function overdueFromAfter(
  job: { state: TranslationJobState; overdueFrom: TranslationJobState | null },
  event: TranslationJobEvent,
  next: TranslationJobState,
): TranslationJobState | null {
  if (next !== 'overdue') return null;
  if (job.state !== 'overdue') return job.state;
  const before = job.overdueFrom ?? 'source_downloaded';
  if (event.kind === 'upload') return 'translation_uploaded';
  return event.kind === 'download_source' && before === 'booked' ? 'source_downloaded' : before;
}

/** What counts for the fee: the requester's correction of a document's count, else the count made from its text. */
export function acceptedCount(document: { counted: number | null; correctedCount: number | null }): number | null {
  return document.correctedCount ?? document.counted;
}

const hourMs = 60 * 60 * 1000;

/** One timer of a translation job; `key` tells the workflow which it has already acted on. */
export type TranslationJobTimer =
  | { key: string; kind: 'reminder'; hoursBefore: number; at: string }
  | { key: string; kind: 'deadline'; at: string };

/**
 * The timers of a job due at `deadline` (ISO), earliest first: a reminder the policy's hours before
 * it, while after `since` (the booking, or the moment a new deadline was accepted), then the
 * deadline itself.
 */
export function translationJobTimers(
  deadline: string,
  since: string,
  policy: AssociationPolicy['translation'],
): TranslationJobTimer[] {
  const due = Date.parse(deadline);
  const reminders = [...policy.reminderHoursBeforeDeadline]
    .sort((a, b) => b - a)
    .map((hoursBefore) => ({ hoursBefore, at: due - hoursBefore * hourMs }))
    .filter((reminder) => reminder.at > Date.parse(since))
    .map(
      (reminder): TranslationJobTimer => ({
        key: `reminder:${reminder.hoursBefore}:${deadline}`,
        kind: 'reminder',
        hoursBefore: reminder.hoursBefore,
        at: new Date(reminder.at).toISOString(),
      }),
    );
  return [...reminders, { key: `deadline:${deadline}`, kind: 'deadline', at: new Date(due).toISOString() }];
}

/**
 * A document's count as the volume the rate schedule prices: pages, characters (which it turns
 * into manuscript pages), or words (a source in another language than Japanese).
 */
export function volumeOfCount(count: number, unit: DocumentCountUnit): PricedVolume {
  return { volume: count, unit };
}
