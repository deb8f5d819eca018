import { type Db, schema } from '@tsunagu/db';
import {
  endedTranslationJobStates,
  nextTranslationJobState,
  overdueFromAfter,
  type TranslationJobState,
} from '@tsunagu/domain';
import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { DispatchRequest } from '../dispatch/notices';

/**
 * The translation job's rows as the booking steps see them, in the caller's transaction (the
 * request row already locked): a job opens with a translator's booking and ends with its release.
 */

export type TranslationJobRow = typeof schema.translationJobs.$inferSelect;

const ended = [...endedTranslationJobStates];

/** A booked translator's job, with the revision rounds the policy allows now. */
export async function openTranslationJob(tx: Db, request: DispatchRequest, assignmentId: string, now: Date) {
  if (request.modality !== 'translation') return;
  await tx
    .insert(schema.translationJobs)
    .values({
      associationId: request.associationId,
      requestId: request.id,
      assignmentId,
      roundsAllowed: request.policy.translation.revisionRounds,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
}

/** The jobs of released or cancelled bookings end: given back by the translator, or released. */
export async function endTranslationJobs(
  tx: Db,
  assignmentIds: string[],
  state: Extract<TranslationJobState, 'given_back' | 'released'>,
  now: Date,
) {
  if (assignmentIds.length === 0) return;
  await tx
    .update(schema.translationJobs)
    .set({ state, endedAt: now, updatedAt: now })
    .where(
      and(inArray(schema.translationJobs.assignmentId, assignmentIds), notInArray(schema.translationJobs.state, ended)),
    );
}

/** The request's latest job (a cover's, after a give-back), locked; the request row must be locked first. */
export async function latestTranslationJob(tx: Db, requestId: string): Promise<TranslationJobRow | null> {
  const [job] = await tx
    .select()
    .from(schema.translationJobs)
    .where(eq(schema.translationJobs.requestId, requestId))
    .orderBy(desc(schema.translationJobs.createdAt))
    .limit(1)
    .for('update');
  return job ?? null;
}

/**
 * Moves a locked job one step (the domain refuses a step not allowed), with the columns the step
 * sets; an overdue job keeps track of where its work stands beneath.
 */
export async function moveTranslationJob(
  tx: Db,
  job: TranslationJobRow,
  event: Parameters<typeof nextTranslationJobState>[1],
  values: Partial<typeof schema.translationJobs.$inferInsert>,
  now: Date,
): Promise<TranslationJobRow> {
  const state = nextTranslationJobState(job.state, event);
  const overdueFrom = overdueFromAfter(job, event, state);
  const [moved] = await tx
    .update(schema.translationJobs)
    .set({ ...values, state, overdueFrom, updatedAt: now })
    .where(eq(schema.translationJobs.id, job.id))
    .returning();
  if (!moved) throw new Error('the locked translation job is gone');
  return moved;
}
