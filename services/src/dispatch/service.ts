import { type Db, schema } from '@tsunagu/db';
import {
  bilingual,
  type Clock,
  ConflictError,
  cancellationSchema,
  ForbiddenError,
  finalStages,
  found,
  mayActOn,
  parseInput,
  readPolicy,
  reasonSchema,
  reportedTimesProblems,
  requesterReportSchema,
  type StatedReason,
  ValidationError,
  type Viewer,
  volunteerReportSchema,
  withdrawalSchema,
} from '@tsunagu/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { associationsReachedBy } from '../associations/partnerships';
import { createExpenseLinesForReport } from '../expenses/service';
import type { Logger } from '../logger';
import { paperworkHoldsFor } from '../matching/candidates';
import { missingReports } from './bookings';

import type { Dispatcher, DispatchSignal } from './port';

import type { AcceptOutcome } from './steps';

export const offerStatuses = schema.offerStatus.enumValues;
export const assignmentStatuses = schema.assignmentStatus.enumValues;
export const acceptResults = ['won', 'taken', 'expired', 'busy', 'closed'] as const satisfies AcceptOutcome['result'][];

export type VolunteerReportInput = z.input<typeof volunteerReportSchema>;
export type RequesterReportInput = z.input<typeof requesterReportSchema>;

export function createDispatchService({
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
  async function requestFor(requestId: string) {
    return found(
      await db.query.requests.findFirst({
        where: { id: requestId },
        columns: {
          id: true,
          associationId: true,
          organizationId: true,
          status: true,
          startsAt: true,
          deadline: true,
          openToPartners: true,
          widenedAt: true,
        },
      }),
      'Request',
      requestId,
    );
  }

  async function coordinatedRequest(viewer: Viewer, requestId: string) {
    const request = await requestFor(requestId);
    if (!mayActOn(viewer, { associationId: request.associationId }, 'coordinator')) {
      throw new ForbiddenError('coordinators_only');
    }
    return request;
  }

  /**
   * A coordinator may offer or book only a member of the request's association, or of a partner
   * that accepted its partnership when the request is opened to partners (or dispatch widened it).
   */
  async function requireReachable(
    request: { associationId: string; openToPartners: boolean; widenedAt: Date | null },
    volunteerId: string,
  ) {
    found(
      await db.query.volunteers.findFirst({ where: { id: volunteerId }, columns: { id: true } }),
      'Volunteer',
      volunteerId,
    );
    const reached = await associationsReachedBy(db, request, request.openToPartners || request.widenedAt !== null);
    const membership = await db.query.volunteerMemberships.findFirst({
      where: { volunteerId, associationId: { in: reached } },
      columns: { volunteerId: true },
    });
    if (!membership) {
      throw ValidationError.of(['volunteerId'], {
        en: 'This volunteer is a member neither of the request’s association nor of a partner it opened the request to.',
        ja: 'このボランティアは、依頼の協会にも、依頼を公開した連携先の協会にも所属していません。',
      });
    }
  }

  /** By hand as by matching: papers the association's policy requires, lapsed or missing, hold a volunteer back. */
  async function requirePapers(requestId: string, volunteerId: string) {
    const items = (await paperworkHoldsFor(db, requestId, [volunteerId])).get(volunteerId) ?? [];
    if (items.length > 0) throw new ConflictError('paperwork_lapsed', items);
  }

  async function assignmentFor(assignmentId: string) {
    return found(
      await db.query.assignments.findFirst({
        where: { id: assignmentId },
        with: {
          request: {
            columns: {
              id: true,
              associationId: true,
              organizationId: true,
              startsAt: true,
              endsAt: true,
              deadline: true,
            },
            with: { association: { columns: { policy: true } } },
          },
        },
      }),
      'Assignment',
      assignmentId,
    );
  }

  /** The viewer's own offer, whatever its state. */
  async function ownOffer(viewer: Viewer, offerId: string) {
    const offer = found(await db.query.offers.findFirst({ where: { id: offerId } }), 'Offer', offerId);
    if (!viewer.volunteerId || offer.volunteerId !== viewer.volunteerId) {
      throw new ForbiddenError('offered_volunteer_only');
    }
    return offer;
  }

  /** Tells the workflow; the database already holds the change, so a failure is logged, not thrown. */
  async function signal(requestId: string, name: DispatchSignal) {
    try {
      await dispatcher.signal(requestId, name);
    } catch (error) {
      logger.warn({ requestId, signal: name, err: error }, 'dispatch workflow not signalled');
    }
  }

  const loadRequest = async (requestId: string) => {
    return found(await db.query.requests.findFirst({ where: { id: requestId } }), 'Request', requestId);
  };

  return {
    /**
     * Starts the workflow of each request still waiting to be dispatched (filed or open, not yet
     * begun) that has none: filing starts it, but Temporal may have been unreachable then. A
     * request whose workflow exists or has finished is left alone.
     */
    async resumeAll(): Promise<number> {
      const pending = await db
        .select({ id: schema.requests.id })
        .from(schema.requests)
        .where(
          and(
            inArray(schema.requests.status, ['filed', 'open']),
            sql`${schema.requests.dispatchStage} not in (${sql.join(
              [...finalStages].map((stage) => sql`${stage}`),
              sql`, `,
            )})`,
            sql`coalesce(${schema.requests.startsAt}, ${schema.requests.deadline}) > ${clock.now().toISO()}::timestamptz`,
          ),
        );
      for (const request of pending) await dispatcher.start(request.id);
      return pending.length;
    },

    /** A coordinator approves a filed request: offers go out. */
    async approve(viewer: Viewer, requestId: string) {
      await coordinatedRequest(viewer, requestId);
      const outcome = await dispatcher.approve(requestId, { by: viewer.userId ?? '' });
      if (outcome.result !== 'approved') throw new ConflictError('not_awaiting_screening');
      return loadRequest(requestId);
    },

    /** A coordinator rejects a filed request, saying why; the requester is told. */
    async reject(viewer: Viewer, requestId: string, reason: string) {
      const why = parseInput(reasonSchema, reason, ['reason']);
      await coordinatedRequest(viewer, requestId);
      const outcome = await dispatcher.reject(requestId, { by: viewer.userId ?? '', reason: why });
      if (outcome.result !== 'rejected') throw new ConflictError('not_awaiting_screening');
      return loadRequest(requestId);
    },

    /**
     * A volunteer accepts an offer and learns at once whether they got it: `won` (with the
     * booking), `taken` by someone quicker, `expired`, `busy` elsewhere then, or `closed`.
     */
    async acceptOffer(viewer: Viewer, offerId: string) {
      const offer = await ownOffer(viewer, offerId);
      const outcome: AcceptOutcome = await dispatcher.accept(offer.requestId, {
        offerId,
        volunteerId: offer.volunteerId,
      });
      const assignment =
        outcome.result === 'won'
          ? ((await db.query.assignments.findFirst({ where: { id: outcome.assignmentId } })) ?? null)
          : null;
      return { outcome: outcome.result, assignment };
    },

    async declineOffer(viewer: Viewer, offerId: string) {
      const offer = await ownOffer(viewer, offerId);
      const outcome = await dispatcher.decline(offer.requestId, { offerId, volunteerId: offer.volunteerId });
      if (outcome.result !== 'declined') throw new ConflictError('offer_not_open');
      return (await db.query.offers.findFirst({ where: { id: offerId } })) ?? offer;
    },

    /** A coordinator offers the request to a volunteer of their choice, at any time. */
    async offerToVolunteer(viewer: Viewer, requestId: string, volunteerId: string) {
      await requireReachable(await coordinatedRequest(viewer, requestId), volunteerId);
      await requirePapers(requestId, volunteerId);
      const outcome = await dispatcher.offer(requestId, { volunteerId, by: viewer.userId ?? '' });
      switch (outcome.result) {
        case 'offered': {
          return found(await db.query.offers.findFirst({ where: { id: outcome.offerId } }), 'Offer', outcome.offerId);
        }
        case 'already_offered':
          throw new ConflictError('offer_already_open');
        case 'already_assigned':
          throw new ConflictError('already_assigned');
        case 'full':
          throw new ConflictError('request_fully_booked');
        case 'closed':
          throw new ConflictError('no_more_offers');
      }
    },

    /** A coordinator books a volunteer by hand, at any time. */
    async assignVolunteer(viewer: Viewer, requestId: string, volunteerId: string) {
      await requireReachable(await coordinatedRequest(viewer, requestId), volunteerId);
      await requirePapers(requestId, volunteerId);
      const outcome = await dispatcher.assign(requestId, { volunteerId, by: viewer.userId ?? '' });
      switch (outcome.result) {
        case 'assigned': {
          return found(
            await db.query.assignments.findFirst({ where: { id: outcome.assignmentId } }),
            'Assignment',
            outcome.assignmentId,
          );
        }
        case 'already_assigned':
          throw new ConflictError('already_assigned');
        case 'full':
          throw new ConflictError('request_fully_booked');
        case 'busy':
          throw new ConflictError('double_booking');
        case 'closed':
          throw new ConflictError('no_more_volunteers');
      }
    },

    /** The booked volunteer confirms again, a day or two before, that they will go. */
    async reconfirmAssignment(viewer: Viewer, assignmentId: string) {
      const assignment = await assignmentFor(assignmentId);
      if (!viewer.volunteerId || assignment.volunteerId !== viewer.volunteerId) {
        throw new ForbiddenError('booked_volunteer_only');
      }
      const outcome = await dispatcher.reconfirm(assignment.requestId, {
        assignmentId,
        volunteerId: assignment.volunteerId,
      });
      if (outcome.result !== 'reconfirmed') throw new ConflictError('booking_not_confirmed');
      return (await db.query.assignments.findFirst({ where: { id: assignmentId } })) ?? assignment;
    },

    /**
     * Before the day, a coordinator of the request's association releases a booked volunteer, or the
     * volunteer withdraws: both are told, and the workflow looks for cover at once.
     */
    async releaseAssignment(viewer: Viewer, assignmentId: string, input: { reason: string; note?: string | null }) {
      const assignment = await assignmentFor(assignmentId);
      const bySelf = viewer.volunteerId !== null && viewer.volunteerId === assignment.volunteerId;
      if (!bySelf && !mayActOn(viewer, { associationId: assignment.request.associationId }, 'coordinator')) {
        throw new ForbiddenError('booked_volunteer_or_coordinators');
      }
      // The volunteer says why from their own list; a coordinator from the cancellation list.
      const stated: StatedReason = bySelf
        ? { by: 'volunteer', ...parseInput(withdrawalSchema, input, ['cancellation']) }
        : { by: 'coordinator', ...parseInput(cancellationSchema, input, ['cancellation']) };
      const outcome = await dispatcher.release(assignment.requestId, {
        assignmentId,
        reason: bySelf ? 'withdrew' : 'coordinator',
        by: viewer.userId ?? '',
        stated,
      });
      if (outcome.result === 'started') throw new ConflictError('activity_begun_record_no_show');
      if (outcome.result !== 'released') throw new ConflictError('booking_not_confirmed');
      return (await db.query.assignments.findFirst({ where: { id: assignmentId } })) ?? assignment;
    },

    /**
     * After the activity, the booked volunteer files their report (actual times, transport fare,
     * notes) or the requesting organization's staff theirs (took place, satisfaction, remarks).
     * Filing again replaces the report until a coordinator approves it.
     */
    async fileActivityReport(
      viewer: Viewer,
      assignmentId: string,
      report: { volunteer?: VolunteerReportInput | null; requester?: RequesterReportInput | null },
    ) {
      const assignment = await assignmentFor(assignmentId);
      const kind = report.volunteer ? 'volunteer' : report.requester ? 'requester' : null;
      if (!kind || (report.volunteer && report.requester)) {
        throw ValidationError.of(['input'], {
          en: 'File either the volunteer’s report or the requester’s.',
          ja: 'ボランティアの報告か依頼者の報告のどちらか一方を提出してください。',
        });
      }
      if (kind === 'volunteer' && (!viewer.volunteerId || viewer.volunteerId !== assignment.volunteerId)) {
        throw new ForbiddenError('booked_volunteer_only');
      }
      if (kind === 'requester' && !mayActOn(viewer, assignment.request, 'requester')) {
        throw new ForbiddenError('requesting_organization_only');
      }
      const now = clock.now().toJSDate();
      const { request } = assignment;
      const startedAt = request.startsAt ?? request.deadline;
      if (startedAt && startedAt.getTime() > now.getTime()) {
        throw ValidationError.of(['input', kind], {
          en: 'The activity has not started yet: report on it once it has.',
          ja: '活動はまだ始まっていません。活動の後に報告してください。',
        });
      }
      if (!['confirmed', 'completed', 'no_show'].includes(assignment.status)) {
        throw new ConflictError('booking_takes_no_report', assignment.status);
      }
      if (kind === 'volunteer' && assignment.status === 'no_show') {
        throw new ConflictError('no_show_recorded');
      }
      const values =
        kind === 'volunteer'
          ? parseInput(volunteerReportSchema, report.volunteer, ['input', 'volunteer'])
          : parseInput(requesterReportSchema, report.requester, ['input', 'requester']);
      if ('actualStart' in values) {
        // The times decide the expense's month and fiscal year: they must be those of the booking.
        const booked = {
          from: request.startsAt ?? assignment.createdAt,
          until: request.endsAt ?? request.deadline ?? assignment.createdAt,
        };
        const problems = reportedTimesProblems(values, booked, readPolicy(request.association.policy).reports, now);
        if (problems.length > 0) {
          throw new ValidationError(
            problems.map((problem) => ({ ...problem, path: ['input', 'volunteer', ...problem.path] })),
          );
        }
      }
      const row = {
        actualStart: null,
        actualEnd: null,
        transportFareYen: null,
        notes: null,
        tookPlace: null,
        satisfaction: null,
        remarks: null,
        ...values,
        filedBy: viewer.userId,
        filedAt: now,
      };
      const [filed] = await db
        .insert(schema.activityReports)
        .values({ assignmentId, kind, ...row })
        .onConflictDoUpdate({
          target: [schema.activityReports.assignmentId, schema.activityReports.kind],
          set: row,
          setWhere: sql`${schema.activityReports.approvedAt} is null`,
        })
        .returning();
      if (!filed) throw new ConflictError('report_already_approved');
      await signal(assignment.requestId, 'reportFiled');
      return filed;
    },

    /**
     * A coordinator approves the reports of a request: the bookings are completed, the request
     * too, and its workflow ends. Every volunteer's report must be in; the requester's is welcome
     * but not waited for.
     */
    async approveActivityReports(viewer: Viewer, requestId: string) {
      await coordinatedRequest(viewer, requestId);
      const now = clock.now().toJSDate();
      await db.transaction(async (tx) => {
        const [request] = await tx
          .select({ status: schema.requests.status })
          .from(schema.requests)
          .where(eq(schema.requests.id, requestId))
          .for('update');
        // Open too: a request that needed several interpreters may have gone ahead with fewer.
        if (request?.status !== 'filled' && request?.status !== 'open') {
          throw new ConflictError('not_took_place');
        }
        const missing = (await missingReports(tx, requestId)).filter((report) => report.kind === 'volunteer');
        if (missing.length > 0) throw new ConflictError('report_missing');
        const booked = await tx
          .select({ id: schema.assignments.id })
          .from(schema.assignments)
          .where(
            and(
              eq(schema.assignments.requestId, requestId),
              inArray(schema.assignments.status, ['confirmed', 'completed', 'no_show']),
            ),
          );
        if (booked.length === 0) throw new ConflictError('nobody_booked');
        const ids = booked.map((assignment) => assignment.id);
        await tx
          .update(schema.activityReports)
          .set({ approvedAt: now, approvedBy: viewer.userId })
          .where(
            and(inArray(schema.activityReports.assignmentId, ids), sql`${schema.activityReports.approvedAt} is null`),
          );
        const completed = await tx
          .update(schema.assignments)
          .set({ status: 'completed', updatedAt: now })
          .where(and(inArray(schema.assignments.id, ids), eq(schema.assignments.status, 'confirmed')))
          .returning({ id: schema.assignments.id });
        // The approved reports are the expense claim: their lines go to the coordinators' approval.
        for (const assignment of completed) {
          await createExpenseLinesForReport(tx, assignment.id, { actorUserId: viewer.userId, now: clock.now() });
        }
        await tx
          .update(schema.requests)
          .set({ status: 'completed', dispatchStage: 'completed', updatedAt: now })
          .where(eq(schema.requests.id, requestId));
      });
      await signal(requestId, 'reportsApproved');
      return loadRequest(requestId);
    },

    /** A coordinator records that the booked volunteer did not turn up; it counts against reliability. */
    async recordNoShow(viewer: Viewer, assignmentId: string) {
      const assignment = await assignmentFor(assignmentId);
      if (!mayActOn(viewer, { associationId: assignment.request.associationId }, 'coordinator')) {
        throw new ForbiddenError('coordinators_only');
      }
      const startsAt = assignment.request.startsAt;
      if (!startsAt) throw new ConflictError('translation_has_no_appointment');
      if (startsAt.getTime() > clock.now().toMillis()) {
        throw new ConflictError('no_show_too_early');
      }
      const [updated] = await db
        .update(schema.assignments)
        .set({ status: 'no_show', updatedAt: clock.now().toJSDate() })
        .where(and(eq(schema.assignments.id, assignmentId), eq(schema.assignments.status, 'confirmed')))
        .returning();
      if (!updated) throw new ConflictError('no_show_not_possible', assignment.status);
      await signal(assignment.requestId, 'noShow');
      return updated;
    },
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
