import { type Db, schema } from '@tsunagu/db';
import {
  answerDueAt,
  busyRange,
  byHandRefusal,
  cancellationTerms,
  confirmedSchedule,
  type DispatchReason,
  type DispatchStage,
  finalStages,
  isDoubleBooking,
  needsReconfirmation,
  nextWaveStep,
  offerDeadline,
  pickWave,
  reportReminderTimes,
  type StatedReason,
  screeningDecision,
  tokyo,
} from '@tsunagu/domain';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { rankCandidates } from '../matching/candidates';
import {
  type Assignment,
  book,
  confirmedAssignments,
  missingReports,
  openOffers,
  releaseForCover,
  setStage,
  withdrawOpenOffers,
} from './bookings';
import {
  appointmentOf,
  type DispatchRequest,
  loadDispatchRequest,
  noticeFor,
  notify,
  notifyCoordinators,
  particularsOf,
  requesterOf,
  volunteersById,
} from './notices';

/**
 * The steps of dispatch that the workflow runs as activities. Each step is one transaction that
 * locks the request row first, so steps on one request never interleave; each writes its messages
 * to the outbox in that transaction; and each is safe to run again (a retried activity), because
 * it looks at what is already done before doing anything.
 *
 * Time is the workflow's (`at`, an ISO instant), so that a step decides as of the moment the
 * workflow acted, on the real clock as on the time-skipping test server.
 */

/** What the workflow needs to know of a request to time its waits. */
export interface DispatchFacts {
  stage: DispatchStage;
  /** When the work starts (a translation: its deadline) and ends. */
  startsAt: string;
  endsAt: string;
  /** When the requester must be told that nobody is confirmed yet; null without an answer date. */
  answerDueAt: string | null;
}

export type ScreeningResult =
  | { result: 'approved' }
  | { result: 'rejected' }
  | { result: 'not_screening'; stage: string };

export type WaveOutcome =
  | { kind: 'offered'; wave: number; offers: number; nextDeadline: string }
  | { kind: 'waiting'; nextDeadline: string }
  | { kind: 'escalated' }
  | { kind: 'filled' }
  | { kind: 'closed' };

/** What a volunteer learns at once when they accept an offer. */
export type AcceptOutcome =
  | { result: 'won'; assignmentId: string }
  /** Somebody else took the last place first. */
  | { result: 'taken' }
  | { result: 'expired' }
  /** The volunteer is booked elsewhere at that time. */
  | { result: 'busy' }
  /** The request was cancelled or is otherwise closed. */
  | { result: 'closed' };

export type DeclineOutcome = { result: 'declined' } | { result: 'not_open' };

export type ManualOfferOutcome =
  | { result: 'offered'; offerId: string; deadline: string }
  | { result: 'already_offered' }
  | { result: 'already_assigned' }
  | { result: 'full' }
  | { result: 'closed' };

export type AssignOutcome =
  | { result: 'assigned'; assignmentId: string }
  | { result: 'already_assigned' }
  | { result: 'full' }
  | { result: 'busy' }
  | { result: 'closed' };

export type ReconfirmOutcome = { result: 'reconfirmed' } | { result: 'not_confirmed' };
export type ReleaseOutcome = { result: 'released' } | { result: 'not_confirmed' } | { result: 'started' };
/** Who ended a booking before its day: a coordinator, or the volunteer themselves. */
export type ReleaseReason = Extract<DispatchReason, 'coordinator' | 'withdrew'>;

export interface ConfirmedPlan {
  startsAt: string;
  endsAt: string;
  reminders: Array<{ hoursBefore: number; at: string }>;
  reconfirmation: { askAt: string; cutoffAt: string } | null;
  reportReminders: string[];
  reportsOverdueAt: string;
  /** The bookings whose translation jobs run workflows of their own (which remind the translators). */
  translationJobs: string[];
}

export interface ReportStatus {
  /** Reports still to be filed, of both kinds. */
  missing: number;
  stage: DispatchStage;
}

type Tx = Db;

const open = (status: string) => status === 'open';
const iso = (date: Date) => date.toISOString();

/** The stage of a request that never went through dispatch, by its status. */
const stageOfStatus: Record<DispatchRequest['status'], DispatchStage> = {
  filed: 'screening',
  open: 'offering',
  filled: 'confirmed',
  completed: 'completed',
  cancelled: 'cancelled',
  rejected: 'rejected',
};

/** Offers that count as "already asked": everything but an offer we took back. */
const askedStatuses = ['offered', 'accepted', 'declined', 'expired'] as const;

function factsOf(request: DispatchRequest): DispatchFacts {
  return {
    stage: request.dispatchStage,
    startsAt: iso(request.workStartsAt),
    endsAt: iso(request.workEndsAt),
    answerDueAt: request.answerBy ? iso(answerDueAt(request.answerBy)) : null,
  };
}

export function createDispatchSteps({ db }: { db: Db }) {
  /** Runs `step` on the locked request, or answers `gone` when the request no longer exists. */
  const onRequest = <T, G>(requestId: string, gone: G, step: (tx: Tx, request: DispatchRequest) => Promise<T>) =>
    db.transaction(async (tx) => {
      const request = await loadDispatchRequest(tx, requestId, { lock: true });
      return request ? step(tx, request) : gone;
    });

  /** The offer with its request locked (request first, as every step locks), or null. */
  async function lockedOffer(tx: Tx, offerId: string) {
    const found = await tx.query.offers.findFirst({ where: { id: offerId }, columns: { requestId: true } });
    if (!found) return null;
    const request = await loadDispatchRequest(tx, found.requestId, { lock: true });
    const offer = await tx.query.offers.findFirst({ where: { id: offerId } });
    return request && offer ? { request, offer } : null;
  }

  async function escalate(tx: Tx, request: DispatchRequest, now: Date): Promise<WaveOutcome> {
    if (request.dispatchStage !== 'escalated') {
      await setStage(tx, request.id, { dispatchStage: 'escalated', escalatedAt: now }, now);
      const key = `${request.id}:${iso(now)}`;
      await notifyCoordinators(tx, request, `escalated:${key}`, noticeFor(request, 'escalated'));
      await notify(tx, `stillLooking:${key}`, await requesterOf(tx, request), noticeFor(request, 'stillLooking'));
    }
    return { kind: 'escalated' };
  }

  return {
    /**
     * The first step: screening. A request from a trusted organization may be approved by the
     * policy at once; otherwise the coordinators are asked to screen it.
     */
    beginDispatch: (requestId: string, at: string) =>
      onRequest(requestId, null, async (tx, request): Promise<DispatchFacts> => {
        const now = new Date(at);
        if (request.dispatchStage !== 'screening') return factsOf(request);
        if (request.status !== 'filed') {
          // Approved before dispatch ran (or by hand, in older data): straight to offers.
          const stage = stageOfStatus[request.status];
          await setStage(tx, request.id, { dispatchStage: stage }, now);
          return { ...factsOf(request), stage };
        }
        const decision = screeningDecision(
          { organizationTrusted: request.organization.trusted, flags: request.flags },
          request.policy.screening,
        );
        if (decision === 'auto_approve') {
          await setStage(tx, request.id, { status: 'open', dispatchStage: 'offering', screenedAt: now }, now);
          await notify(
            tx,
            `requestApproved:${request.id}`,
            await requesterOf(tx, request),
            noticeFor(request, 'requestApproved'),
          );
          return { ...factsOf(request), stage: 'offering' };
        }
        await notifyCoordinators(tx, request, `screeningNeeded:${request.id}`, noticeFor(request, 'screeningNeeded'));
        return factsOf(request);
      }),

    /**
     * A step failed for good, on data it can never accept (the workflow does not try it again):
     * the request waits for a coordinator among the escalations, and the coordinators are told
     * which step failed and how (once per step and failure). A request that has ended stays ended.
     */
    escalateFailedStep: (requestId: string, step: string, failure: string, at: string) =>
      onRequest(requestId, false, async (tx, request) => {
        if (finalStages.has(request.dispatchStage)) return false;
        const now = new Date(at);
        await setStage(tx, request.id, { dispatchStage: 'escalated', escalatedAt: now }, now);
        await notifyCoordinators(
          tx,
          request,
          `stepFailed:${request.id}:${step}:${failure}`,
          noticeFor(request, 'stepFailed', { step, failure }),
        );
        return true;
      }),

    /** The facts again, after a change of time. */
    dispatchFacts: (requestId: string) => onRequest(requestId, null, async (_tx, request) => factsOf(request)),

    approveRequest: (requestId: string, by: string, at: string) =>
      onRequest(
        requestId,
        { result: 'not_screening', stage: 'gone' } as ScreeningResult,
        async (tx, request): Promise<ScreeningResult> => {
          if (request.status !== 'filed') return { result: 'not_screening', stage: request.dispatchStage };
          const now = new Date(at);
          await setStage(
            tx,
            request.id,
            { status: 'open', dispatchStage: 'offering', screenedAt: now, screenedBy: by },
            now,
          );
          await notify(
            tx,
            `requestApproved:${request.id}`,
            await requesterOf(tx, request),
            noticeFor(request, 'requestApproved'),
          );
          return { result: 'approved' };
        },
      ),

    rejectRequest: (requestId: string, by: string, reason: string, at: string) =>
      onRequest(
        requestId,
        { result: 'not_screening', stage: 'gone' } as ScreeningResult,
        async (tx, request): Promise<ScreeningResult> => {
          if (request.status !== 'filed') return { result: 'not_screening', stage: request.dispatchStage };
          const now = new Date(at);
          await setStage(
            tx,
            request.id,
            { status: 'rejected', dispatchStage: 'rejected', screenedAt: now, screenedBy: by, rejectionReason: reason },
            now,
          );
          await notify(
            tx,
            `requestRejected:${request.id}`,
            await requesterOf(tx, request),
            noticeFor(request, 'requestRejected', { reason }),
          );
          return { result: 'rejected' };
        },
      ),

    /**
     * Expires the offers past their deadline; then, when no offer is open and places are free,
     * sends the next wave to the best candidates not yet asked, each offer with its deadline; or
     * widens the search; or asks the coordinators to step in and tells the requester. With offers
     * still open it only says until when to wait.
     */
    offerNextWave: (requestId: string, at: string) =>
      onRequest(requestId, { kind: 'closed' } as WaveOutcome, async (tx, request): Promise<WaveOutcome> => {
        const now = new Date(at);
        if (request.status === 'filled') return { kind: 'filled' };
        if (!open(request.status)) return { kind: 'closed' };
        // Offers past their deadline without an answer have expired.
        await tx
          .update(schema.offers)
          .set({ status: 'expired', updatedAt: now })
          .where(
            and(
              eq(schema.offers.requestId, request.id),
              eq(schema.offers.status, 'offered'),
              lte(schema.offers.deadline, now),
            ),
          );
        const pending = await openOffers(tx, request.id);
        if (pending[0]) return { kind: 'waiting', nextDeadline: iso(pending[0].deadline) };
        if (request.workStartsAt.getTime() <= now.getTime()) return escalate(tx, request, now);

        const asked = new Set(
          (
            await tx
              .select({ volunteerId: schema.offers.volunteerId })
              .from(schema.offers)
              .where(and(eq(schema.offers.requestId, request.id), inArray(schema.offers.status, [...askedStatuses])))
          ).map((row) => row.volunteerId),
        );
        for (const assignment of await tx
          .select({ volunteerId: schema.assignments.volunteerId })
          .from(schema.assignments)
          .where(eq(schema.assignments.requestId, request.id))) {
          asked.add(assignment.volunteerId);
        }
        const { waveSize, maxWaves } = request.policy.offers;
        const rank = async (widened: boolean) =>
          (
            await rankCandidates(tx, request.id, {
              now: DateTime.fromJSDate(now, { zone: tokyo }),
              locale: 'ja',
              limit: asked.size + waveSize,
              widened,
            })
          ).map((candidate) => candidate.volunteerId);

        let widened = request.widenedAt !== null;
        let wave = pickWave(await rank(widened), asked, waveSize);
        let step = nextWaveStep({ wavesSent: request.dispatchWave, maxWaves, candidatesLeft: wave.length, widened });
        if (step.kind === 'widen') {
          widened = true;
          await setStage(tx, request.id, { widenedAt: now }, now);
          wave = pickWave(await rank(true), asked, waveSize);
          step = nextWaveStep({ wavesSent: request.dispatchWave, maxWaves, candidatesLeft: wave.length, widened });
        }
        if (step.kind !== 'offer') return escalate(tx, request, now);

        const deadline = offerDeadline(now, request.workStartsAt, request.policy.offers);
        const offers = await tx
          .insert(schema.offers)
          .values(
            wave.map((volunteerId) => ({
              requestId: request.id,
              volunteerId,
              wave: step.wave,
              deadline,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .returning();
        await setStage(tx, request.id, { dispatchStage: 'offering', dispatchWave: step.wave }, now);
        const volunteers = await volunteersById(tx, wave);
        for (const offer of offers) {
          const volunteer = volunteers.get(offer.volunteerId);
          if (volunteer) {
            await notify(
              tx,
              `offerMade:${offer.id}`,
              volunteer,
              noticeFor(request, 'offerMade', { respondBy: iso(deadline) }),
            );
          }
        }
        return { kind: 'offered', wave: step.wave, offers: offers.length, nextDeadline: iso(deadline) };
      }),

    /**
     * A volunteer accepts an offer. The first acceptance wins: the request row is locked, the
     * confirmed bookings counted against the interpreters needed, the booking written, the offer
     * marked accepted and, once every place is taken, the other offers withdrawn, all in one
     * transaction. The exclusion constraint still refuses a double booking.
     */
    acceptOffer: (offerId: string, volunteerId: string, at: string) =>
      db.transaction(async (tx): Promise<AcceptOutcome> => {
        const now = new Date(at);
        const found = await lockedOffer(tx, offerId);
        if (!found || found.offer.volunteerId !== volunteerId) return { result: 'closed' };
        const { request, offer } = found;
        if (offer.status === 'accepted') {
          // A retry of an acceptance that won: the same answer again.
          const [mine] = (await confirmedAssignments(tx, request.id)).filter(
            (assignment) => assignment.volunteerId === volunteerId,
          );
          return mine ? { result: 'won', assignmentId: mine.id } : { result: 'closed' };
        }
        if (offer.status === 'expired') return { result: 'expired' };
        if (request.status === 'filled') return { result: 'taken' };
        if (offer.status !== 'offered' || !open(request.status)) return { result: 'closed' };
        if (offer.deadline.getTime() < now.getTime()) {
          await tx
            .update(schema.offers)
            .set({ status: 'expired', updatedAt: now })
            .where(eq(schema.offers.id, offer.id));
          return { result: 'expired' };
        }
        const booking = await book(tx, request, volunteerId, { now, assignedBy: null, offerId: offer.id });
        if (booking.kind === 'full') return { result: 'taken' };
        if (booking.kind === 'busy' || booking.kind === 'already_assigned') return { result: 'busy' };
        return { result: 'won', assignmentId: booking.assignment.id };
      }),

    declineOffer: (offerId: string, volunteerId: string, at: string) =>
      db.transaction(async (tx): Promise<DeclineOutcome> => {
        const now = new Date(at);
        const found = await lockedOffer(tx, offerId);
        if (!found || found.offer.volunteerId !== volunteerId || found.offer.status !== 'offered') {
          return { result: found?.offer.status === 'declined' ? 'declined' : 'not_open' };
        }
        await tx
          .update(schema.offers)
          .set({ status: 'declined', respondedAt: now, updatedAt: now })
          .where(eq(schema.offers.id, offerId));
        return { result: 'declined' };
      }),

    /** A coordinator offers the request to a volunteer of their choice, outside the waves. */
    offerByHand: (requestId: string, volunteerId: string, by: string, at: string) =>
      onRequest(
        requestId,
        { result: 'closed' } as ManualOfferOutcome,
        async (tx, request): Promise<ManualOfferOutcome> => {
          const now = new Date(at);
          const confirmed = await confirmedAssignments(tx, request.id);
          const pending = await openOffers(tx, request.id);
          const refusal = byHandRefusal('offer', request.status, {
            booked: confirmed.some((assignment) => assignment.volunteerId === volunteerId),
            offered: pending.some((offer) => offer.volunteerId === volunteerId),
          });
          if (refusal) return { result: refusal };
          const deadline = offerDeadline(now, request.workStartsAt, request.policy.offers);
          const [offer] = await tx
            .insert(schema.offers)
            .values({ requestId, volunteerId, wave: 0, deadline, offeredBy: by, createdAt: now, updatedAt: now })
            .returning();
          if (!offer) throw new Error('insert returned no row');
          const volunteer = (await volunteersById(tx, [volunteerId])).get(volunteerId);
          if (volunteer) {
            await notify(
              tx,
              `offerMade:${offer.id}`,
              volunteer,
              noticeFor(request, 'offerMade', { respondBy: iso(deadline) }),
            );
          }
          return { result: 'offered', offerId: offer.id, deadline: iso(deadline) };
        },
      ),

    /** A coordinator books a volunteer directly; an open offer of theirs is settled by it. */
    assignByHand: (requestId: string, volunteerId: string, by: string, at: string) =>
      onRequest(requestId, { result: 'closed' } as AssignOutcome, async (tx, request): Promise<AssignOutcome> => {
        const now = new Date(at);
        // Whether this volunteer is booked already, book() tells.
        const refusal = byHandRefusal('assign', request.status, { booked: false, offered: false });
        if (refusal === 'full' || refusal === 'closed') return { result: refusal };
        await tx
          .update(schema.offers)
          .set({ status: 'withdrawn', respondedAt: now, updatedAt: now })
          .where(
            and(
              eq(schema.offers.requestId, requestId),
              eq(schema.offers.volunteerId, volunteerId),
              eq(schema.offers.status, 'offered'),
            ),
          );
        const booking = await book(tx, request, volunteerId, { now, assignedBy: by, offerId: null });
        return booking.kind === 'booked'
          ? { result: 'assigned', assignmentId: booking.assignment.id }
          : { result: booking.kind };
      }),

    /** The timers of a confirmed request, as of `at`. */
    confirmedPlan: (requestId: string, at: string) =>
      onRequest(requestId, null, async (tx, request): Promise<ConfirmedPlan> => {
        const booked = await confirmedAssignments(tx, request.id);
        const jobs =
          request.modality === 'translation' && booked.length > 0
            ? await tx.query.translationJobs.findMany({
                where: { assignmentId: { in: booked.map((assignment) => assignment.id) } },
                columns: { assignmentId: true },
              })
            : [];
        const schedule = confirmedSchedule(
          { startsAt: request.workStartsAt, now: new Date(at), interpreting: request.modality !== 'translation' },
          request.policy.reminders,
        );
        const reports = reportReminderTimes(request.workEndsAt, request.policy.reports);
        return {
          startsAt: iso(request.workStartsAt),
          endsAt: iso(request.workEndsAt),
          reminders: schedule.reminders.map((reminder) => ({
            hoursBefore: reminder.hoursBefore,
            at: iso(reminder.at),
          })),
          reconfirmation: schedule.reconfirmation && {
            askAt: iso(schedule.reconfirmation.askAt),
            cutoffAt: iso(schedule.reconfirmation.cutoffAt),
          },
          reportReminders: reports.reminders.map(iso),
          reportsOverdueAt: iso(reports.overdueAt),
          translationJobs: jobs.map((job) => job.assignmentId),
        };
      }),

    /** Reminds every booked volunteer `hoursBefore` the start (once per booking, time and reminder). */
    remindVolunteers: (requestId: string, hoursBefore: number) =>
      onRequest(requestId, 0, async (tx, request) => {
        const booked = await confirmedAssignments(tx, request.id);
        const volunteers = await volunteersById(
          tx,
          booked.map((assignment) => assignment.volunteerId),
        );
        for (const assignment of booked) {
          const volunteer = volunteers.get(assignment.volunteerId);
          if (!volunteer) continue;
          await notify(
            tx,
            `reminder:${assignment.id}:${hoursBefore}:${iso(request.workStartsAt)}`,
            volunteer,
            noticeFor(request, 'reminder', {
              assignmentId: assignment.id,
              hoursBefore,
              particulars: particularsOf(request),
            }),
          );
        }
        return booked.length;
      }),

    /** Asks the booked volunteers who have not reconfirmed to do so by the cutoff. */
    askReconfirmation: (requestId: string, cutoffAt: string) =>
      onRequest(requestId, 0, async (tx, request) => {
        const waiting = (await confirmedAssignments(tx, request.id)).filter((assignment) => !assignment.reconfirmedAt);
        // Kept on the booking, so that the volunteer's app asks too, with the cutoff.
        if (waiting.length > 0) {
          await tx
            .update(schema.assignments)
            .set({ reconfirmBy: new Date(cutoffAt) })
            .where(
              inArray(
                schema.assignments.id,
                waiting.map((assignment) => assignment.id),
              ),
            );
        }
        const volunteers = await volunteersById(
          tx,
          waiting.map((assignment) => assignment.volunteerId),
        );
        for (const assignment of waiting) {
          const volunteer = volunteers.get(assignment.volunteerId);
          if (!volunteer) continue;
          await notify(
            tx,
            `reconfirmationRequested:${assignment.id}:${iso(request.workStartsAt)}`,
            volunteer,
            noticeFor(request, 'reconfirmationRequested', { assignmentId: assignment.id, respondBy: cutoffAt }),
          );
        }
        return waiting.length;
      }),

    reconfirmAssignment: (assignmentId: string, volunteerId: string, at: string) =>
      db.transaction(async (tx): Promise<ReconfirmOutcome> => {
        const now = new Date(at);
        const [updated] = await tx
          .update(schema.assignments)
          .set({
            reconfirmedAt: sql`coalesce(${schema.assignments.reconfirmedAt}, ${now.toISOString()}::timestamptz)`,
            updatedAt: now,
          })
          .where(
            and(
              eq(schema.assignments.id, assignmentId),
              eq(schema.assignments.volunteerId, volunteerId),
              eq(schema.assignments.status, 'confirmed'),
            ),
          )
          .returning({ id: schema.assignments.id });
        return updated ? { result: 'reconfirmed' } : { result: 'not_confirmed' };
      }),

    /**
     * A coordinator releases a booked volunteer, or the volunteer withdraws, before the start: the
     * volunteer and the coordinators are told, and the request reopens so that cover is found at once.
     */
    releaseBooking: (
      requestId: string,
      assignmentId: string,
      reason: ReleaseReason,
      at: string,
      stated?: StatedReason,
    ) =>
      onRequest(
        requestId,
        { result: 'not_confirmed' } as ReleaseOutcome,
        async (tx, request): Promise<ReleaseOutcome> => {
          const now = new Date(at);
          const booking = (await confirmedAssignments(tx, request.id)).find((one) => one.id === assignmentId);
          if (!booking) return { result: 'not_confirmed' };
          // Once it has begun, cover can no longer come: a no-show is recorded instead.
          if ((request.startsAt ?? request.deadline ?? now) <= now) return { result: 'started' };
          await releaseForCover(tx, request, [booking], reason, now, stated);
          return { result: 'released' };
        },
      ),

    /**
     * At the cutoff, the booked volunteers who did not reconfirm are released, the coordinators
     * told, and the request reopens so that cover is found at once.
     */
    releaseUnreconfirmed: (requestId: string, at: string) =>
      onRequest(requestId, 0, async (tx, request) => {
        const silent = (await confirmedAssignments(tx, request.id)).filter((assignment) => !assignment.reconfirmedAt);
        await releaseForCover(tx, request, silent, 'not_reconfirmed', new Date(at));
        return silent.length;
      }),

    /**
     * After a change of time: each booked volunteer who still fits the new window keeps the
     * booking (moved to the new time, and told); one who no longer fits is released and cover is
     * sought. Open offers were for the old time: they are withdrawn, and go out again.
     */
    recheckAfterChange: (requestId: string, at: string) =>
      onRequest(requestId, { kept: 0, released: 0 }, async (tx, request) => {
        const now = new Date(at);
        if (!open(request.status) && request.status !== 'filled') return { kept: 0, released: 0 };
        await withdrawOpenOffers(tx, request, 'changed', now);
        const booked = await confirmedAssignments(tx, request.id);
        // Matched volunteers must still pass matching for the new time; one a coordinator chose by
        // hand keeps the coordinator's judgement and must only be free.
        const matched = booked.filter((assignment) => !assignment.assignedBy);
        const stillCandidates = new Set(
          matched.length === 0
            ? []
            : (
                await rankCandidates(tx, request.id, {
                  now: DateTime.fromJSDate(now, { zone: tokyo }),
                  locale: 'ja',
                  limit: matched.length,
                  volunteerIds: matched.map((assignment) => assignment.volunteerId),
                })
              ).map((candidate) => candidate.volunteerId),
        );
        const busy = busyRange(request);
        const kept: Assignment[] = [];
        for (const assignment of booked) {
          if (!assignment.assignedBy && !stillCandidates.has(assignment.volunteerId)) continue;
          try {
            await tx.transaction((savepoint) =>
              savepoint
                .update(schema.assignments)
                .set({ busyFrom: busy?.from ?? null, busyUntil: busy?.until ?? null, updatedAt: now })
                .where(eq(schema.assignments.id, assignment.id)),
            );
            kept.push(assignment);
          } catch (error) {
            if (!isDoubleBooking(error)) throw error;
          }
        }
        const volunteers = await volunteersById(
          tx,
          kept.map((assignment) => assignment.volunteerId),
        );
        for (const assignment of kept) {
          const volunteer = volunteers.get(assignment.volunteerId);
          if (!volunteer) continue;
          await notify(
            tx,
            `requestChanged:${assignment.id}:${iso(request.workStartsAt)}:${iso(request.workEndsAt)}`,
            volunteer,
            noticeFor(request, 'requestChanged', { assignmentId: assignment.id, particulars: particularsOf(request) }),
            appointmentOf(request, assignment.id, volunteer, { changedAt: now }),
          );
        }
        const released = booked.filter((assignment) => !kept.includes(assignment));
        await releaseForCover(tx, request, released, 'no_longer_fits', now);
        if (released.length === 0 && kept.length < request.interpretersNeeded && open(request.status)) {
          // Still looking: the waves start over for the new time.
          await setStage(
            tx,
            request.id,
            { dispatchStage: 'offering', dispatchWave: 0, widenedAt: null, escalatedAt: null },
            now,
          );
        }
        return { kept: kept.length, released: released.length };
      }),

    /** On the answer date, a requester whose request is not confirmed yet is told so. */
    tellAnswerDateReached: (requestId: string) =>
      onRequest(requestId, false, async (tx, request) => {
        if (!open(request.status) && request.status !== 'filed') return false;
        await notify(
          tx,
          `answerDateReached:${request.id}:${request.answerBy}`,
          await requesterOf(tx, request),
          noticeFor(request, 'answerDateReached'),
        );
        return true;
      }),

    /**
     * After the end: each booked volunteer and the requester are asked for their reports. A
     * request that ended with nobody booked has nothing to report: the answer is 0.
     */
    requestReports: (requestId: string, at: string) =>
      onRequest(requestId, 0, async (tx, request) => {
        const now = new Date(at);
        const booked = await confirmedAssignments(tx, request.id);
        if (booked.length === 0) return 0;
        if (request.dispatchStage !== 'awaiting_reports') {
          await setStage(tx, request.id, { dispatchStage: 'awaiting_reports' }, now);
        }
        await askForReports(tx, request, 'reportRequested', 0);
        return booked.length;
      }),

    /** Reminds whoever has not filed a report yet; answers how many reports are missing. */
    remindReports: (requestId: string, round: number) =>
      onRequest(requestId, 0, (tx, request) => askForReports(tx, request, 'reportReminder', round)),

    reportsOverdue: (requestId: string) =>
      onRequest(requestId, 0, async (tx, request) => {
        const missing = await missingReports(tx, request.id);
        if (missing.length > 0) {
          await notifyCoordinators(tx, request, `reportsOverdue:${request.id}`, noticeFor(request, 'reportsOverdue'));
        }
        return missing.length;
      }),

    reportStatus: (requestId: string) =>
      onRequest(
        requestId,
        { missing: 0, stage: 'cancelled' } as ReportStatus,
        async (tx, request): Promise<ReportStatus> => ({
          missing: (await missingReports(tx, request.id)).length,
          stage: request.dispatchStage,
        }),
      ),
  };
}

export type DispatchSteps = ReturnType<typeof createDispatchSteps>;

async function askForReports(
  tx: Tx,
  request: DispatchRequest,
  event: 'reportRequested' | 'reportReminder',
  round: number,
): Promise<number> {
  const missing = await missingReports(tx, request.id);
  const volunteers = await volunteersById(
    tx,
    missing.filter((report) => report.kind === 'volunteer').map((report) => report.volunteerId),
  );
  for (const report of missing.filter((each) => each.kind === 'volunteer')) {
    const volunteer = volunteers.get(report.volunteerId);
    if (!volunteer) continue;
    await notify(
      tx,
      `${event}:${report.assignmentId}:volunteer:${round}`,
      volunteer,
      noticeFor(request, event, { assignmentId: report.assignmentId, reportKind: 'volunteer' }),
    );
  }
  if (missing.some((report) => report.kind === 'requester')) {
    await notify(
      tx,
      `${event}:${request.id}:requester:${round}`,
      await requesterOf(tx, request),
      noticeFor(request, event, { reportKind: 'requester' }),
    );
  }
  return missing.length;
}
