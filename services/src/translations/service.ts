import { type Db, schema } from '@tsunagu/db';
import {
  acceptedCount,
  bilingual,
  type Clock,
  ConflictError,
  checkTranslationChange,
  checkTranslationChangeAnswer,
  type DocumentCountUnit,
  ForbiddenError,
  found,
  mayActOn,
  NotFoundError,
  nextTranslationJobState,
  parseInput,
  type TranslationChange,
  type TranslationJobState,
  type Viewer,
  withdrawalSchema,
} from '@tsunagu/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { loadDispatchRequest, noticeFor, notify, requesterOf, volunteersById } from '../dispatch/notices';
import type { Dispatcher } from '../dispatch/port';
import { createTranslationFeeLines } from '../expenses/service';
import type { Logger } from '../logger';
import { latestTranslationJob, moveTranslationJob, type TranslationJobRow } from './jobs';

const commentSchema = z
  .string()
  .trim()
  .min(1, bilingual({ en: 'Say what should be revised.', ja: '修正してほしい点を入力してください。' }))
  .max(2000, bilingual({ en: 'Use at most 2,000 characters.', ja: '2,000文字以内で入力してください。' }));

const atMost2000 = bilingual({ en: 'Use at most 2,000 characters.', ja: '2,000文字以内で入力してください。' });
/** The proposer's note to the translator, optional. */
const changeNoteSchema = z.string().trim().max(2000, atMost2000).nullish();
/** A translator who declines a change says why; the requester reads it. */
const declineReasonSchema = z
  .string()
  .trim()
  .min(1, bilingual({ en: 'Say why you decline the change.', ja: '変更を断る理由を入力してください。' }))
  .max(2000, atMost2000);

type Tx = Db;

/**
 * The translation job's use cases: the booked translator submits a version or gives the job back,
 * the requesting organization (or a coordinator for it) accepts a version or asks for a revision,
 * and the download endpoint records the translator's first download of the source. Each is one
 * transaction that locks the request first (as dispatch's steps do) and writes its messages to the
 * outbox; the job's workflow is told afterwards.
 */
export function createTranslationService({
  db,
  clock,
  logger,
  dispatcher,
}: {
  db: Db;
  clock: Clock;
  logger: Logger;
  dispatcher: Dispatcher;
}) {
  /** The request locked and its latest job; refuses a request that is not a translation or has no job. */
  async function lockedJob(tx: Tx, requestId: string) {
    const request = await loadDispatchRequest(tx, requestId, { lock: true });
    if (!request) throw new NotFoundError('Request', requestId);
    return { request, job: await latestTranslationJob(tx, requestId) };
  }

  /** Nobody outside the request's tenancy learns more than "not found". */
  function mayRead(viewer: Viewer, request: { associationId: string; organizationId: string }, volunteerId?: string) {
    return (
      mayActOn(viewer, request, ['requester', 'coordinator']) ||
      (viewer.volunteerId !== null && viewer.volunteerId === volunteerId)
    );
  }

  async function bookedVolunteerOf(tx: Tx, job: TranslationJobRow) {
    const assignment = found(
      await tx.query.assignments.findFirst({ where: { id: job.assignmentId }, columns: { volunteerId: true } }),
      'Assignment',
      job.assignmentId,
    );
    return assignment.volunteerId;
  }

  /** The job of a translation request, for the translator (only the booked one) or the reviewers. */
  async function jobFor(tx: Tx, viewer: Viewer, requestId: string, as: 'translator' | 'reviewer') {
    const { request, job } = await lockedJob(tx, requestId);
    const volunteerId = job ? await bookedVolunteerOf(tx, job) : undefined;
    if (!mayRead(viewer, request, volunteerId)) throw new NotFoundError('Request', requestId);
    if (request.modality !== 'translation') throw new ConflictError('not_a_translation');
    if (!job) throw new NotFoundError('TranslationJob', requestId);
    if (as === 'translator' && viewer.volunteerId !== volunteerId) throw new ForbiddenError('booked_volunteer_only');
    if (as === 'reviewer' && !mayActOn(viewer, request, ['requester', 'coordinator'])) {
      throw new ForbiddenError('filer_or_coordinators');
    }
    return { request, job, volunteerId: volunteerId as string };
  }

  async function translatorOf(tx: Tx, volunteerId: string) {
    return (await volunteersById(tx, [volunteerId])).get(volunteerId) ?? null;
  }

  async function versionOf(tx: Tx, documentId: string | null) {
    if (!documentId) return null;
    return (await tx.query.documents.findFirst({ where: { id: documentId } })) ?? null;
  }

  /** Tells the job's workflow; the database already holds the change, so a failure is logged, not thrown. */
  async function tell(job: TranslationJobRow) {
    try {
      await dispatcher.translationJobChanged(job.assignmentId);
    } catch (error) {
      logger.warn({ assignmentId: job.assignmentId, err: error }, 'translation job workflow not signalled');
    }
  }

  return {
    /**
     * The download endpoint calls this after streaming a source: the booked translator's first
     * download moves their job on. Anyone else's download, a document that is no source, and a
     * job that has ended change nothing; a download never fails because of the job.
     */
    async sourceDownloaded(input: { documentId: string; userId: string }): Promise<void> {
      const document = await db.query.documents.findFirst({
        where: { id: input.documentId },
        columns: { requestId: true, role: true },
      });
      if (!document?.requestId || document.role !== 'source') return;
      const requestId = document.requestId;
      const moved = await db.transaction(async (tx) => {
        const { job } = await lockedJob(tx, requestId);
        // The first download, on time or late (an overdue job remembers it for a later deadline).
        if (!job || job.sourceDownloadedAt || (job.state !== 'booked' && job.state !== 'overdue')) return null;
        const volunteer = await tx.query.volunteers.findFirst({
          where: { id: await bookedVolunteerOf(tx, job) },
          columns: { userId: true },
        });
        if (volunteer?.userId !== input.userId) return null;
        const now = clock.now().toJSDate();
        return moveTranslationJob(tx, job, { kind: 'download_source' }, { sourceDownloadedAt: now }, now);
      });
      if (moved) await tell(moved);
    },

    /**
     * The upload endpoint calls this after keeping a translation: the booked translator's version
     * moves their job to "translation uploaded" where the job's state allows it (an upload before
     * the source was read, or while a version awaits review, is kept and leaves the job as it is).
     */
    async translationUploaded(input: { documentId: string; userId: string }): Promise<void> {
      const document = await db.query.documents.findFirst({
        where: { id: input.documentId },
        columns: { requestId: true, role: true, uploadedBy: true },
      });
      if (!document?.requestId || document.role !== 'translation' || document.uploadedBy !== input.userId) return;
      const requestId = document.requestId;
      const moved = await db.transaction(async (tx) => {
        const { job } = await lockedJob(tx, requestId);
        const next = job && stateAfterUpload(job.state);
        // A late upload leaves the job overdue, but where its work stands moves on.
        if (!job || !next || (next === job.state && job.state !== 'overdue')) return null;
        const volunteer = await tx.query.volunteers.findFirst({
          where: { id: await bookedVolunteerOf(tx, job) },
          columns: { userId: true },
        });
        if (volunteer?.userId !== input.userId) return null;
        const now = clock.now().toJSDate();
        return moveTranslationJob(tx, job, { kind: 'upload' }, {}, now);
      });
      if (moved) await tell(moved);
    },

    /**
     * The booked translator submits a version they uploaded (a `documents` row of role
     * translation on this request): the requester is asked to review it.
     */
    async submitTranslation(viewer: Viewer, requestId: string, documentId: string): Promise<TranslationJobRow> {
      const job = await db.transaction(async (tx) => {
        const { request, job } = await jobFor(tx, viewer, requestId, 'translator');
        const document = await versionOf(tx, documentId);
        if (
          !document ||
          document.requestId !== requestId ||
          document.role !== 'translation' ||
          document.uploadedBy !== viewer.userId
        ) {
          throw new ConflictError('not_a_version_of_this_job');
        }
        // What the job's state refuses comes first: it says what to do next.
        nextTranslationJobState(job.state, { kind: 'submit' });
        const reviewed = await tx.query.translationReviews.findFirst({
          where: { jobId: job.id, documentId },
          columns: { id: true },
        });
        if (reviewed || job.submittedDocumentId === documentId) throw new ConflictError('version_already_submitted');
        const now = clock.now().toJSDate();
        const submitted = await moveTranslationJob(
          tx,
          job,
          { kind: 'submit' },
          { submittedDocumentId: documentId, submittedAt: now },
          now,
        );
        await notify(
          tx,
          `translationSubmitted:${job.id}:${documentId}`,
          await requesterOf(tx, request),
          noticeFor(request, 'translationSubmitted', { version: document.version }),
        );
        return submitted;
      });
      await tell(job);
      return job;
    },

    /**
     * The requesting organization (or a coordinator) accepts the submitted version: the review is
     * kept, the fee written as expense lines on the count the rate schedule names, the translator
     * told. A fee that cannot be computed refuses the acceptance, and nothing is written.
     */
    async acceptTranslation(viewer: Viewer, requestId: string): Promise<TranslationJobRow> {
      const job = await db.transaction(async (tx) => {
        const { request, job, volunteerId } = await jobFor(tx, viewer, requestId, 'reviewer');
        const now = clock.now();
        const accepted = await moveTranslationJob(
          tx,
          job,
          { kind: 'accept' },
          { acceptedAt: now.toJSDate() },
          now.toJSDate(),
        );
        await recordReview(tx, job, { decision: 'accepted', comment: null, by: viewer.userId, at: now.toJSDate() });
        const [version, source] = await Promise.all([
          versionOf(tx, job.submittedDocumentId),
          tx.query.documents.findFirst({
            where: { requestId, role: 'source' },
            orderBy: { createdAt: 'desc' },
          }),
        ]);
        const countOf = (document: typeof version | undefined) => {
          const count = document ? acceptedCount(document) : null;
          return count !== null && document?.countUnit
            ? { count, unit: document.countUnit as DocumentCountUnit }
            : null;
        };
        await createTranslationFeeLines(tx, job.assignmentId, {
          counts: { source: countOf(source), target: countOf(version) },
          actorUserId: viewer.userId,
          now,
        });
        const translator = await translatorOf(tx, volunteerId);
        if (translator) {
          await notify(
            tx,
            `translationAccepted:${job.id}`,
            translator,
            noticeFor(request, 'translationAccepted', { assignmentId: job.assignmentId, version: version?.version }),
          );
        }
        return accepted;
      });
      await tell(job);
      return job;
    },

    /** The requesting organization (or a coordinator) asks for a revision, saying what; rounds are limited by policy. */
    async askForRevision(viewer: Viewer, requestId: string, comment: string): Promise<TranslationJobRow> {
      const text = parseInput(commentSchema, comment, ['input', 'comment']);
      const job = await db.transaction(async (tx) => {
        const { request, job, volunteerId } = await jobFor(tx, viewer, requestId, 'reviewer');
        const now = clock.now().toJSDate();
        const asked = await moveTranslationJob(
          tx,
          job,
          { kind: 'ask_revision', roundsUsed: job.roundsUsed, roundsAllowed: job.roundsAllowed },
          { roundsUsed: job.roundsUsed + 1 },
          now,
        );
        await recordReview(tx, job, { decision: 'revision_asked', comment: text, by: viewer.userId, at: now });
        const [version, translator] = await Promise.all([
          versionOf(tx, job.submittedDocumentId),
          translatorOf(tx, volunteerId),
        ]);
        if (translator) {
          await notify(
            tx,
            `revisionAsked:${job.id}:${job.roundsUsed + 1}`,
            translator,
            noticeFor(request, 'revisionAsked', {
              assignmentId: job.assignmentId,
              version: version?.version,
              comment: text,
            }),
          );
        }
        return asked;
      });
      await tell(job);
      return job;
    },

    /**
     * The requesting organization (or a coordinator) proposes a new deadline or a change of
     * sources to a booked job; the translator is told and answers (`answerTranslationChange`).
     * Until they accept, the request keeps its deadline and its sources.
     */
    async proposeTranslationChange(
      viewer: Viewer,
      requestId: string,
      change: TranslationChange & { note?: string | null },
    ): Promise<TranslationJobRow> {
      const note = parseInput(changeNoteSchema, change.note, ['input', 'note']) || null;
      const job = await db.transaction(async (tx) => {
        const { request, job, volunteerId } = await jobFor(tx, viewer, requestId, 'reviewer');
        const pending = await tx.query.translationJobChanges.findFirst({
          where: { jobId: job.id, status: 'proposed' },
          columns: { id: true },
        });
        const now = clock.now();
        checkTranslationChange({
          state: job.state,
          pending: Boolean(pending),
          currentDeadline: request.deadline?.toISOString() ?? null,
          change,
          now: now.toISO() ?? '',
        });
        const addDocumentIds = [...new Set(change.addDocumentIds)];
        const removeDocumentIds = [...new Set(change.removeDocumentIds)];
        const [adding, removing] = await Promise.all([
          sourcesWhere(tx, addDocumentIds, isNull(schema.documents.requestId), request.organizationId),
          sourcesWhere(tx, removeDocumentIds, eq(schema.documents.requestId, requestId), request.organizationId),
        ]);
        if (adding !== addDocumentIds.length || removing !== removeDocumentIds.length) {
          throw new ConflictError('translation_change_documents');
        }
        const [proposed] = await tx
          .insert(schema.translationJobChanges)
          .values({
            jobId: job.id,
            deadline: change.deadline ? new Date(change.deadline) : null,
            addDocumentIds,
            removeDocumentIds,
            note,
            proposedBy: viewer.userId,
            proposedAt: now.toJSDate(),
          })
          .returning({ id: schema.translationJobChanges.id });
        const translator = await translatorOf(tx, volunteerId);
        if (translator && proposed) {
          await notify(
            tx,
            `translationChangeProposed:${proposed.id}`,
            translator,
            noticeFor(request, 'translationChangeProposed', {
              assignmentId: job.assignmentId,
              change: {
                deadline: change.deadline ? new Date(change.deadline).toISOString() : null,
                documentsAdded: addDocumentIds.length,
                documentsRemoved: removeDocumentIds.length,
              },
              ...(note ? { comment: note } : {}),
            }),
          );
        }
        return job;
      });
      // The workflow sends the translator's notice now rather than at its next timer.
      await tell(job);
      return job;
    },

    /**
     * The booked translator accepts or declines the change waiting for them. Accepted, the
     * request takes the new deadline (the job's workflow moves its reminders and its overdue
     * timer) and its sources change, and an overdue job given a later deadline goes back to its
     * work; declined (saying why), nothing changes. The requester is told either way.
     */
    async answerTranslationChange(
      viewer: Viewer,
      requestId: string,
      accept: boolean,
      reason?: string | null,
    ): Promise<TranslationJobRow> {
      const declineReason = accept ? null : parseInput(declineReasonSchema, reason ?? '', ['input', 'reason']);
      const job = await db.transaction(async (tx) => {
        const { request, job } = await jobFor(tx, viewer, requestId, 'translator');
        const change =
          (await tx.query.translationJobChanges.findFirst({ where: { jobId: job.id, status: 'proposed' } })) ??
          (await tx.query.translationJobChanges.findFirst({
            where: { jobId: job.id },
            orderBy: { proposedAt: 'desc' },
          }));
        if (!change) throw new NotFoundError('TranslationJobChange', requestId);
        checkTranslationChangeAnswer({ status: change.status, state: job.state });
        const now = clock.now().toJSDate();
        await tx
          .update(schema.translationJobChanges)
          .set({ status: accept ? 'accepted' : 'declined', declineReason, answeredAt: now })
          .where(eq(schema.translationJobChanges.id, change.id));
        let answered = job;
        if (accept) {
          if (change.deadline && change.deadline > now && job.state === 'overdue') {
            answered = await moveTranslationJob(
              tx,
              job,
              {
                kind: 'deadline_moved',
                workingState: job.overdueFrom ?? (job.sourceDownloadedAt ? 'source_downloaded' : 'booked'),
              },
              { overdueAt: null },
              now,
            );
          }
          if (change.deadline) {
            await tx
              .update(schema.requests)
              .set({ deadline: change.deadline, updatedAt: now })
              .where(eq(schema.requests.id, requestId));
          }
          if (change.addDocumentIds.length > 0) {
            await tx
              .update(schema.documents)
              .set({ requestId })
              .where(and(inArray(schema.documents.id, change.addDocumentIds), isNull(schema.documents.requestId)));
          }
          if (change.removeDocumentIds.length > 0) {
            await tx
              .update(schema.documents)
              .set({ requestId: null })
              .where(
                and(inArray(schema.documents.id, change.removeDocumentIds), eq(schema.documents.requestId, requestId)),
              );
          }
        }
        await notify(
          tx,
          `translationChangeAnswered:${change.id}`,
          await requesterOf(tx, request),
          noticeFor(request, 'translationChangeAnswered', {
            changeAccepted: accept,
            ...(declineReason ? { comment: declineReason } : {}),
          }),
        );
        return answered;
      });
      await tell(job);
      return job;
    },

    /**
     * The booked translator gives the job back while the work is theirs: their booking is released
     * through the dispatch workflow (as a volunteer withdrawing, with a reason from their list that
     * the coordinators read), which ends the job and finds cover at once.
     */
    async giveBackTranslation(
      viewer: Viewer,
      requestId: string,
      input: { reason: string; note?: string | null },
    ): Promise<TranslationJobRow> {
      const stated = parseInput(withdrawalSchema, input, ['cancellation']);
      const { job } = await db.transaction(async (tx) => {
        const found = await jobFor(tx, viewer, requestId, 'translator');
        nextTranslationJobState(found.job.state, { kind: 'give_back' });
        return found;
      });
      const outcome = await dispatcher.release(requestId, {
        assignmentId: job.assignmentId,
        reason: 'withdrew',
        by: viewer.userId ?? '',
        stated: { by: 'volunteer', ...stated },
      });
      if (outcome.result === 'started') throw new ConflictError('translation_past_deadline');
      if (outcome.result !== 'released') throw new ConflictError('booking_not_confirmed');
      const ended = found(
        await db.query.translationJobs.findFirst({ where: { id: job.id } }),
        'TranslationJob',
        requestId,
      );
      await tell(ended);
      return ended;
    },
  };
}

/** How many of these documents are sources of the organization that also meet `where`. */
async function sourcesWhere(tx: Tx, ids: string[], where: ReturnType<typeof eq>, organizationId: string) {
  if (ids.length === 0) return 0;
  return tx.$count(
    schema.documents,
    and(
      inArray(schema.documents.id, ids),
      eq(schema.documents.role, 'source'),
      eq(schema.documents.organizationId, organizationId),
      where,
    ),
  );
}

async function recordReview(
  tx: Tx,
  job: TranslationJobRow,
  review: { decision: 'accepted' | 'revision_asked'; comment: string | null; by: string | null; at: Date },
) {
  const reviews = await tx.query.translationReviews.findMany({ where: { jobId: job.id }, columns: { id: true } });
  await tx.insert(schema.translationReviews).values({
    jobId: job.id,
    round: reviews.length + 1,
    documentId: job.submittedDocumentId,
    submittedAt: job.submittedAt,
    decision: review.decision,
    comment: review.comment,
    reviewedBy: review.by,
    reviewedAt: review.at,
  });
}

/** The job's state after an upload, or null where the state machine refuses one (no error for the upload itself). */
function stateAfterUpload(state: TranslationJobState): TranslationJobState | null {
  try {
    return nextTranslationJobState(state, { kind: 'upload' });
  } catch (error) {
    if (error instanceof ConflictError) return null;
    throw error;
  }
}

export type TranslationService = ReturnType<typeof createTranslationService>;
