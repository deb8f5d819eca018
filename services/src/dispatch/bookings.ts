import { type Db, schema } from '@tsunagu/db';
import type { DispatchReason, StatedReason } from '@tsunagu/domain';
import {
  busyRange,
  ConflictError,
  cancellationTerms,
  isDeadlock,
  isDoubleBooking,
  needsReconfirmation,
  PeriodClosedError,
  tokyo,
} from '@tsunagu/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { copyRatesForAssignment } from '../expenses/rate-schedules';
import { createCancellationFeeLines } from '../expenses/service';
import { endTranslationJobs, openTranslationJob } from '../translations/jobs';
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
 * Bookings: what books, releases and cancels a volunteer's assignment to a request, and what it
 * tells whom, in the caller's transaction (the request row already locked), and the reports a
 * booking still owes. The dispatch steps call into it, and so do the use cases: a requester's
 * cancellation settles here, and the dispatch service reads the reports still owed.
 */

type Tx = Db;
export type Assignment = typeof schema.assignments.$inferSelect;

/** A booking aborted to break a deadlock is tried this often before the error is let through. */
const deadlockAttempts = 3;

export async function setStage(
  tx: Tx,
  requestId: string,
  values: Partial<typeof schema.requests.$inferInsert>,
  now: Date,
) {
  await tx
    .update(schema.requests)
    .set({ ...values, updatedAt: now })
    .where(eq(schema.requests.id, requestId));
}

export async function confirmedAssignments(tx: Tx, requestId: string): Promise<Assignment[]> {
  return tx
    .select()
    .from(schema.assignments)
    .where(and(eq(schema.assignments.requestId, requestId), eq(schema.assignments.status, 'confirmed')))
    .orderBy(asc(schema.assignments.createdAt));
}

export async function openOffers(tx: Tx, requestId: string) {
  return tx
    .select()
    .from(schema.offers)
    .where(and(eq(schema.offers.requestId, requestId), eq(schema.offers.status, 'offered')))
    .orderBy(asc(schema.offers.deadline));
}

/** Takes back every open offer of the request and tells each volunteer why. */
export async function withdrawOpenOffers(tx: Tx, request: DispatchRequest, reason: DispatchReason, now: Date) {
  const withdrawn = await tx
    .update(schema.offers)
    .set({ status: 'withdrawn', respondedAt: now, updatedAt: now })
    .where(and(eq(schema.offers.requestId, request.id), eq(schema.offers.status, 'offered')))
    .returning();
  const recipients = await volunteersById(
    tx,
    withdrawn.map((offer) => offer.volunteerId),
  );
  for (const offer of withdrawn) {
    const volunteer = recipients.get(offer.volunteerId);
    if (volunteer)
      await notify(tx, `offerWithdrawn:${offer.id}`, volunteer, noticeFor(request, 'offerWithdrawn', { reason }));
  }
  return withdrawn.length;
}

/**
 * Books a volunteer, in the caller's transaction (the request row already locked). The insert runs
 * in a savepoint, so a double booking refused by the exclusion constraint leaves the transaction
 * usable and comes back as `busy`, and a deadlock between two overlapping inserts is tried again.
 */
export async function book(
  tx: Tx,
  request: DispatchRequest,
  volunteerId: string,
  { now, assignedBy, offerId }: { now: Date; assignedBy: string | null; offerId: string | null },
): Promise<
  | { kind: 'booked'; assignment: Assignment; filled: boolean }
  | { kind: 'full' }
  | { kind: 'busy' }
  | { kind: 'already_assigned' }
> {
  const confirmed = await confirmedAssignments(tx, request.id);
  if (confirmed.some((assignment) => assignment.volunteerId === volunteerId)) return { kind: 'already_assigned' };
  if (confirmed.length >= request.interpretersNeeded) return { kind: 'full' };
  const busy = busyRange(request);
  const interpreting = request.modality !== 'translation';
  const insertBooking = async () => {
    const [row] = await tx.transaction((savepoint) =>
      savepoint
        .insert(schema.assignments)
        .values({
          requestId: request.id,
          volunteerId,
          status: 'confirmed',
          busyFrom: busy?.from ?? null,
          busyUntil: busy?.until ?? null,
          assignedBy,
          // Booked inside the reconfirmation window: accepting was the confirmation.
          reconfirmedAt: needsReconfirmation(now, request.workStartsAt, request.policy.reminders, interpreting)
            ? null
            : now,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    );
    if (!row) throw new Error('insert returned no row');
    return row;
  };
  let assignment: Assignment | undefined;
  for (let attempt = 1; !assignment; attempt++) {
    try {
      assignment = await insertBooking();
    } catch (error) {
      if (isDoubleBooking(error)) return { kind: 'busy' };
      if (isDeadlock(error) && attempt < deadlockAttempts) continue;
      throw error;
    }
  }
  // What the booking pays is fixed the day it is confirmed: later edits of the schedule do not change it.
  await copyRatesForAssignment(tx, assignment.id, DateTime.fromJSDate(now, { zone: tokyo }));
  await openTranslationJob(tx, request, assignment.id, now);
  if (offerId) {
    await tx
      .update(schema.offers)
      .set({ status: 'accepted', respondedAt: now, updatedAt: now })
      .where(eq(schema.offers.id, offerId));
  }
  const filled = confirmed.length + 1 >= request.interpretersNeeded;
  await setStage(tx, request.id, filled ? { status: 'filled', dispatchStage: 'confirmed' } : {}, now);

  const [volunteers, requester] = await Promise.all([volunteersById(tx, [volunteerId]), requesterOf(tx, request)]);
  const volunteer = volunteers.get(volunteerId);
  if (volunteer) {
    await notify(
      tx,
      `assignmentConfirmed:${assignment.id}`,
      volunteer,
      noticeFor(request, 'assignmentConfirmed', { assignmentId: assignment.id, particulars: particularsOf(request) }),
      appointmentOf(request, assignment.id, volunteer, { changedAt: now }),
    );
    await notify(
      tx,
      `requestConfirmed:${assignment.id}`,
      requester,
      noticeFor(request, 'requestConfirmed', { assignmentId: assignment.id, volunteerName: volunteer.fullName }),
      appointmentOf(request, assignment.id, requester, { changedAt: now, forRequester: true }),
    );
  }
  if (filled) await withdrawOpenOffers(tx, request, 'taken', now);
  return { kind: 'booked', assignment, filled };
}

/** Releases bookings so that cover is found at once: the request reopens and the waves start over. */
export async function releaseForCover(
  tx: Tx,
  request: DispatchRequest,
  released: Assignment[],
  reason: DispatchReason,
  now: Date,
  stated?: StatedReason,
) {
  if (released.length === 0) return;
  await tx
    .update(schema.assignments)
    .set({ status: 'released', releaseReason: reason, releasedAt: now, ...statedColumns(stated), updatedAt: now })
    .where(
      inArray(
        schema.assignments.id,
        released.map((assignment) => assignment.id),
      ),
    );
  await endTranslationJobs(
    tx,
    released.map((assignment) => assignment.id),
    reason === 'withdrew' ? 'given_back' : 'released',
    now,
  );
  await setStage(
    tx,
    request.id,
    { status: 'open', dispatchStage: 'offering', dispatchWave: 0, widenedAt: null, escalatedAt: null },
    now,
  );
  const volunteers = await volunteersById(
    tx,
    released.map((assignment) => assignment.volunteerId),
  );
  for (const assignment of released) {
    const volunteer = volunteers.get(assignment.volunteerId);
    if (volunteer) {
      await notify(
        tx,
        `assignmentReleased:${assignment.id}`,
        volunteer,
        noticeFor(request, 'assignmentReleased', {
          assignmentId: assignment.id,
          reason,
          ...(stated ? { stated } : {}),
        }),
        appointmentOf(request, assignment.id, volunteer, { changedAt: now, cancelled: true }),
      );
    }
    await notifyCoordinators(
      tx,
      request,
      `coverNeeded:${assignment.id}`,
      noticeFor(request, 'coverNeeded', { assignmentId: assignment.id, reason, ...(stated ? { stated } : {}) }),
    );
  }
}

/** Where an assignment keeps the reason its booking ended with: a volunteer's columns, or a coordinator's. */
function statedColumns(stated: StatedReason | undefined): Partial<Assignment> {
  if (!stated) return {};
  return stated.by === 'volunteer'
    ? { withdrawalReason: stated.reason, withdrawalNote: stated.note }
    : { releaseCause: stated.reason, releaseNote: stated.note };
}

/**
 * What cancelling a request owes and whom it tells, in the cancelling transaction: open offers are
 * withdrawn; each booked volunteer is released with the notice they had and the fee the policy
 * sets (recorded on the assignment for the expenses), and told; a late cancellation is flagged to
 * the coordinators, and a coordinator's cancellation is told to the requester.
 */
export async function settleCancellation(tx: Tx, requestId: string, now: Date, stated?: StatedReason): Promise<void> {
  const request = await loadDispatchRequest(tx, requestId, { lock: true });
  if (!request) return;
  await withdrawOpenOffers(tx, request, 'cancelled', now);
  const terms = cancellationTerms(now, request.workStartsAt, request.policy.cancellation);
  const booked = await confirmedAssignments(tx, requestId);
  if (booked.length > 0) {
    await tx
      .update(schema.assignments)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        cancellationNoticeHours: terms.noticeHours,
        cancellationFeePercent: terms.feePercent,
        updatedAt: now,
      })
      .where(
        inArray(
          schema.assignments.id,
          booked.map((assignment) => assignment.id),
        ),
      );
    await endTranslationJobs(
      tx,
      booked.map((assignment) => assignment.id),
      'released',
      now,
    );
    const volunteers = await volunteersById(
      tx,
      booked.map((assignment) => assignment.volunteerId),
    );
    for (const assignment of booked) {
      const volunteer = volunteers.get(assignment.volunteerId);
      if (volunteer) {
        await notify(
          tx,
          `assignmentCancelled:${assignment.id}`,
          volunteer,
          noticeFor(request, 'assignmentCancelled', { assignmentId: assignment.id, ...(stated ? { stated } : {}) }),
          appointmentOf(request, assignment.id, volunteer, { changedAt: now, cancelled: true }),
        );
      }
    }
    if (terms.feePercent > 0) {
      for (const assignment of booked) await recordCancellationFee(tx, assignment.id, now);
      await notifyCoordinators(
        tx,
        request,
        `lateCancellation:${request.id}`,
        noticeFor(request, 'lateCancellation', { noticeHours: terms.noticeHours, feePercent: terms.feePercent }),
      );
    }
  }
  // The requester cancelled it themselves; a coordinator's cancellation is news to them.
  if (stated?.by === 'coordinator') {
    await notify(
      tx,
      `requestCancelled:${request.id}`,
      await requesterOf(tx, request),
      noticeFor(request, 'requestCancelled', { stated }),
    );
  }
  await setStage(tx, requestId, { dispatchStage: 'cancelled' }, now);
}

/**
 * The fee a late cancellation owes, as expense lines. A cancellation is never refused for want of
 * a rate schedule: the coordinators are told of the late cancellation and price it by hand.
 */
async function recordCancellationFee(tx: Tx, assignmentId: string, now: Date): Promise<void> {
  try {
    await tx.transaction((savepoint) =>
      createCancellationFeeLines(savepoint, assignmentId, {
        actorUserId: null,
        now: DateTime.fromJSDate(now, { zone: tokyo }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ConflictError || error instanceof PeriodClosedError)) throw error;
  }
}

/**
 * The reports still owed: the volunteer's for each booking that went ahead (a no-show owes none)
 * and the requester's for each booking.
 */
export async function missingReports(tx: Tx, requestId: string) {
  const rows = await tx
    .select({
      assignmentId: schema.assignments.id,
      volunteerId: schema.assignments.volunteerId,
      status: schema.assignments.status,
      kind: schema.activityReports.kind,
    })
    .from(schema.assignments)
    .leftJoin(schema.activityReports, eq(schema.activityReports.assignmentId, schema.assignments.id))
    .where(
      and(
        eq(schema.assignments.requestId, requestId),
        inArray(schema.assignments.status, ['confirmed', 'completed', 'no_show']),
      ),
    );
  const filed = new Set(rows.filter((row) => row.kind).map((row) => `${row.assignmentId}:${row.kind}`));
  const missing: Array<{ assignmentId: string; volunteerId: string; kind: 'volunteer' | 'requester' }> = [];
  for (const row of new Map(rows.map((row) => [row.assignmentId, row])).values()) {
    if (row.status !== 'no_show' && !filed.has(`${row.assignmentId}:volunteer`)) {
      missing.push({ assignmentId: row.assignmentId, volunteerId: row.volunteerId, kind: 'volunteer' });
    }
    if (!filed.has(`${row.assignmentId}:requester`)) {
      missing.push({ assignmentId: row.assignmentId, volunteerId: row.volunteerId, kind: 'requester' });
    }
  }
  return missing;
}
