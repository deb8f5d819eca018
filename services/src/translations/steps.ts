import { type Db, schema } from '@tsunagu/db';
import {
  endedTranslationJobStates,
  isWithTranslator,
  type TranslationJobState,
  type TranslationJobTimer,
  translationJobTimers,
} from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import {
  type DispatchRequest,
  loadDispatchRequest,
  noticeFor,
  notify,
  notifyCoordinators,
  requesterOf,
  volunteersById,
} from '../dispatch/notices';
import { moveTranslationJob, type TranslationJobRow } from './jobs';

/** What the translation job's workflow needs to time its waits. */
export interface TranslationJobPlan {
  state: TranslationJobState;
  /** Whether nothing more will happen to the job. */
  ended: boolean;
  timers: TranslationJobTimer[];
}

/**
 * The steps of a translation job's workflow, each one transaction that locks the request (as
 * dispatch's steps do) and then the job, writes its messages to the outbox, and is safe to run
 * again. Time is the workflow's (`at`, ISO).
 */
export function createTranslationJobSteps({ db }: { db: Db }) {
  const onJob = <T>(
    assignmentId: string,
    gone: T,
    step: (tx: Db, job: TranslationJobRow, request: DispatchRequest) => Promise<T>,
  ) =>
    db.transaction(async (tx) => {
      const found = await tx.query.translationJobs.findFirst({
        where: { assignmentId },
        columns: { requestId: true },
      });
      if (!found) return gone;
      const request = await loadDispatchRequest(tx, found.requestId, { lock: true });
      const [job] = await tx
        .select()
        .from(schema.translationJobs)
        .where(eq(schema.translationJobs.assignmentId, assignmentId))
        .for('update');
      return request && job ? step(tx, job, request) : gone;
    });

  return {
    /**
     * The job's state and timers. A deadline the translator accepted moves them, with the
     * reminders from that moment on (one already past for the new deadline is not sent late).
     */
    translationJobPlan: (assignmentId: string) =>
      onJob(assignmentId, null, async (tx, job, request): Promise<TranslationJobPlan> => {
        const moved = await tx.query.translationJobChanges.findFirst({
          where: { jobId: job.id, status: 'accepted', deadline: { isNotNull: true } },
          orderBy: { answeredAt: 'desc' },
          columns: { answeredAt: true },
        });
        const since = moved?.answeredAt && moved.answeredAt > job.createdAt ? moved.answeredAt : job.createdAt;
        return {
          state: job.state,
          ended: endedTranslationJobStates.has(job.state),
          timers: translationJobTimers(
            request.workEndsAt.toISOString(),
            since.toISOString(),
            request.policy.translation,
          ),
        };
      }),

    /** Reminds the translator of the deadline while the work is theirs (once per job, deadline and reminder). */
    remindTranslator: (assignmentId: string, hoursBefore: number) =>
      onJob(assignmentId, false, async (tx, job, request) => {
        if (!isWithTranslator(job.state)) return false;
        const assignment = await tx.query.assignments.findFirst({
          where: { id: assignmentId },
          columns: { volunteerId: true },
        });
        const translator =
          assignment && (await volunteersById(tx, [assignment.volunteerId])).get(assignment.volunteerId);
        if (!translator) return false;
        await notify(
          tx,
          `translationDue:${job.id}:${hoursBefore}:${request.workEndsAt.toISOString()}`,
          translator,
          noticeFor(request, 'translationDue', { assignmentId, hoursBefore }),
        );
        return true;
      }),

    /**
     * At the deadline, a job whose work is still with the translator is overdue: the coordinators
     * are asked to step in and the requester is told. Answers the job's state.
     */
    translationDeadlinePassed: (assignmentId: string, at: string) =>
      onJob(assignmentId, null as TranslationJobState | null, async (tx, job, request) => {
        // A deadline moved later since the timer was set: not yet.
        if (request.workEndsAt.getTime() > Date.parse(at)) return job.state;
        if (!isWithTranslator(job.state) || job.state === 'overdue') return job.state;
        const now = new Date(at);
        const overdue = await moveTranslationJob(tx, job, { kind: 'deadline_passed' }, { overdueAt: now }, now);
        const key = `${job.id}:${request.workEndsAt.toISOString()}`;
        await notifyCoordinators(
          tx,
          request,
          `translationOverdue:${key}`,
          noticeFor(request, 'translationOverdue', { assignmentId }),
        );
        await notify(
          tx,
          `translationLate:${key}`,
          await requesterOf(tx, request),
          noticeFor(request, 'translationLate'),
        );
        return overdue.state;
      }),

    /** An accepted job (its fee written with the acceptance) is done. */
    finishTranslationJob: (assignmentId: string, at: string) =>
      onJob(assignmentId, null as TranslationJobState | null, async (tx, job) => {
        if (job.state !== 'accepted') return job.state;
        const now = new Date(at);
        return (await moveTranslationJob(tx, job, { kind: 'finish' }, { endedAt: now }, now)).state;
      }),
  };
}

export type TranslationJobSteps = ReturnType<typeof createTranslationJobSteps>;
