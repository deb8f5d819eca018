import { PeriodClosedError } from '@tsunagu/domain';
import { acceptResults, assignmentStatuses, offerStatuses } from '@tsunagu/services';
import { builder } from '../builder';
import type { Context } from '../context';
import { own } from '../tenancy';
import { auditRead } from './audit';
import { CancellationInput, CancellationPartyEnum, CancellationReasonEnum, WithdrawalReasonEnum } from './cancellation';
import { DispatchStageEnum } from './dispatch-stage';
import {
  auditRequestRead,
  ModalityEnum,
  Request,
  RequestPurposeEnum,
  TranslationDirectionEnum,
  VolumeUnitEnum,
} from './request';
import { selected } from './selection';
import { SpecialtyEnum, Volunteer } from './volunteer';

const OfferStatusEnum = builder.enumType('OfferStatus', { values: offerStatuses });
const AssignmentStatusEnum = builder.enumType('AssignmentStatus', { values: assignmentStatuses });
const AcceptResultEnum = builder.enumType('AcceptResult', {
  values: acceptResults,
  description:
    'won: you are booked. taken: someone accepted first. expired: the answer came after the deadline. busy: you are booked elsewhere then. closed: the request was cancelled.',
});

/**
 * A request as the volunteer it is offered to (or who is booked for it) reads it: the work, the
 * day and the place, without the contact or the notes, which stay with the organization and the
 * coordinators; the booked volunteer receives the particulars in the confirmation.
 */
export const OfferedRequest = builder.drizzleObject('requests', {
  variant: 'OfferedRequest',
  description: 'A request as a volunteer who was offered it sees it.',
  fields: (t) => ({
    modality: t.expose('modality', { type: ModalityEnum }),
    language: t.relation('language'),
    pairLanguage: t.relation('pairLanguage'),
    translationDirection: t.expose('translationDirection', { type: TranslationDirectionEnum, nullable: true }),
    startsAt: t.expose('startsAt', { type: 'DateTime', nullable: true }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
    deadline: t.expose('deadline', { type: 'DateTime', nullable: true }),
    volume: t.exposeInt('volume', { nullable: true }),
    volumeUnit: t.expose('volumeUnit', { type: VolumeUnitEnum, nullable: true }),
    localGovernment: t.relation('localGovernment', { nullable: true }),
    venue: t.exposeString('venue', { nullable: true }),
    purpose: t.expose('purpose', { type: RequestPurposeEnum }),
    specialty: t.expose('specialty', { type: SpecialtyEnum, nullable: true }),
    interpretersNeeded: t.exposeInt('interpretersNeeded'),
    urgent: t.exposeBoolean('urgent'),
    cancelledBy: t.expose('cancelledBy', { type: CancellationPartyEnum, nullable: true }),
    cancellationReason: t.expose('cancellationReason', { type: CancellationReasonEnum, nullable: true }),
    cancellationNote: t.exposeString('cancellationNote', { nullable: true }),
  }),
});

/** A volunteer's reason for withdrawing may be private (illness): theirs and the coordinators' only. */
const withdrawalSelection = {
  columns: { volunteerId: true, withdrawalReason: true, withdrawalNote: true },
  with: { request: { columns: { associationId: true } } },
} as const;
const withdrawalReaders = (assignment: { volunteerId: string; request: { associationId: string } }) => ({
  volunteerSelf: assignment.volunteerId,
  coordinatorOf: assignment.request.associationId,
});

export const Offer = builder.drizzleNode('offers', {
  name: 'Offer',
  description: 'A request offered to one volunteer. Seen by that volunteer and the coordinators of its association.',
  id: { column: (offer) => offer.id },
  select: { columns: { volunteerId: true }, with: { request: { columns: { associationId: true } } } },
  authScopes: (offer) => ({ volunteerSelf: offer.volunteerId, coordinatorOf: offer.request.associationId }),
  fields: (t) => ({
    wave: t.exposeInt('wave', { description: 'The wave it went out in; 0 when a coordinator offered it by hand.' }),
    status: t.expose('status', { type: OfferStatusEnum }),
    deadline: t.expose('deadline', { type: 'DateTime', description: 'Answer by then.' }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    request: t.relation('request', { type: OfferedRequest }),
    volunteer: t.relation('volunteer'),
  }),
});

const ActivityReportKindEnum = builder.enumType('ActivityReportKind', { values: ['volunteer', 'requester'] as const });

/** A report's free text may name the resident served: reads by anyone but its author are audited. */
function auditReportRead(
  context: Context,
  report: { id: string; filedBy: string | null; assignment: { request: { associationId: string } } },
  field: string,
) {
  return context.viewer.userId !== null && context.viewer.userId === report.filedBy
    ? Promise.resolve()
    : auditRead(
        context,
        { type: 'activityReport', id: report.id, associationIds: [report.assignment.request.associationId] },
        field,
      );
}

builder.drizzleObject('activityReports', {
  name: 'ActivityReport',
  description: 'A report after the activity: the volunteer’s (times, fare, notes) or the requester’s (how it went).',
  select: {
    columns: { id: true, filedBy: true },
    with: { assignment: { columns: {}, with: { request: { columns: { associationId: true } } } } },
  },
  fields: (t) => ({
    kind: t.expose('kind', { type: ActivityReportKindEnum }),
    actualStart: t.expose('actualStart', { type: 'DateTime', nullable: true }),
    actualEnd: t.expose('actualEnd', { type: 'DateTime', nullable: true }),
    transportFareYen: t.exposeInt('transportFareYen', { nullable: true }),
    notes: t.string({
      nullable: true,
      select: { columns: { notes: true } },
      resolve: async (report, _args, context) => {
        await auditReportRead(context, report, 'notes');
        return report.notes;
      },
    }),
    tookPlace: t.exposeBoolean('tookPlace', { nullable: true }),
    satisfaction: t.exposeInt('satisfaction', { nullable: true, description: '1 (poor) to 5 (excellent).' }),
    remarks: t.string({
      nullable: true,
      select: { columns: { remarks: true } },
      resolve: async (report, _args, context) => {
        await auditReportRead(context, report, 'remarks');
        return report.remarks;
      },
    }),
    filedAt: t.expose('filedAt', { type: 'DateTime' }),
    approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true }),
  }),
});

interface BookingParticulars {
  venue: string | null;
  address: string | null;
  remoteJoinInstructions: string | null;
  contactName: string;
  contactPhone: string | null;
}

const BookingParticularsRef = builder.objectRef<BookingParticulars>('BookingParticulars').implement({
  description: 'Where to go (or how to join) and whom to ask on the day.',
  fields: (t) => ({
    venue: t.exposeString('venue', { nullable: true }),
    address: t.exposeString('address', { nullable: true }),
    remoteJoinInstructions: t.exposeString('remoteJoinInstructions', { nullable: true }),
    contactName: t.exposeString('contactName'),
    contactPhone: t.exposeString('contactPhone', { nullable: true }),
  }),
});

/** A booking that stands (or was carried out) gives its volunteer the particulars. */
const bookingStands = new Set(['confirmed', 'completed']);

export const Assignment = builder.drizzleNode('assignments', {
  name: 'Assignment',
  description:
    'A volunteer booked for a request. Seen by that volunteer, the requesting organization and the coordinators.',
  id: { column: (assignment) => assignment.id },
  select: {
    columns: { volunteerId: true },
    with: { request: { columns: { associationId: true, organizationId: true } } },
  },
  authScopes: (assignment) => ({
    volunteerSelf: assignment.volunteerId,
    staffOf: assignment.request,
    coordinatorOf: assignment.request.associationId,
  }),
  fields: (t) => ({
    status: t.expose('status', { type: AssignmentStatusEnum }),
    volunteerName: t.string({
      description:
        'Who goes: the requesting organization learns the name once the volunteer is booked. Reads by others than the volunteer are audited.',
      select: { with: { volunteer: { columns: { id: true, fullName: true } } } },
      resolve: async ({ volunteer, request }, _args, context) => {
        // Reached through the booking: the request's association's admins read the audit row.
        if (context.viewer.volunteerId !== volunteer.id) {
          await auditRead(
            context,
            { type: 'volunteer', id: volunteer.id, associationIds: [request.associationId] },
            'fullName',
          );
        }
        return volunteer.fullName;
      },
    }),
    reconfirmedAt: t.expose('reconfirmedAt', { type: 'DateTime', nullable: true }),
    reconfirmBy: t.expose('reconfirmBy', {
      type: 'DateTime',
      nullable: true,
      description: 'The cutoff the volunteer was asked to reconfirm by; null until asked.',
    }),
    releaseReason: t.exposeString('releaseReason', {
      nullable: true,
      description:
        'not_reconfirmed, no_longer_fits (after a change of time), coordinator, or withdrew (the volunteer withdrew).',
    }),
    releasedAt: t.expose('releasedAt', { type: 'DateTime', nullable: true }),
    releaseCause: t.expose('releaseCause', {
      type: CancellationReasonEnum,
      nullable: true,
      description: 'Why a coordinator released the volunteer, as they chose; releaseNote in their words.',
    }),
    releaseNote: t.exposeString('releaseNote', { nullable: true }),
    withdrawalReason: t.field({
      type: WithdrawalReasonEnum,
      nullable: true,
      description: 'Why the volunteer withdrew. The volunteer and the association’s coordinators; null for others.',
      select: withdrawalSelection,
      authScopes: withdrawalReaders,
      unauthorizedResolver: () => null,
      resolve: (assignment) => assignment.withdrawalReason,
    }),
    withdrawalNote: t.string({
      nullable: true,
      description: 'The volunteer’s own words on withdrawing. The volunteer and the coordinators; null for others.',
      select: withdrawalSelection,
      authScopes: withdrawalReaders,
      unauthorizedResolver: () => null,
      resolve: (assignment) => assignment.withdrawalNote,
    }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    cancellationNoticeHours: t.exposeInt('cancellationNoticeHours', { nullable: true }),
    cancellationFeePercent: t.exposeInt('cancellationFeePercent', {
      nullable: true,
      description: 'The share of the honorarium a late cancellation owes, by the association’s policy.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    request: t.relation('request', { type: OfferedRequest }),
    volunteerId: t.globalID({
      description: 'The volunteer booked, whom the requesting organization may decline for later requests.',
      resolve: ({ volunteerId }) => ({ type: 'Volunteer', id: volunteerId }),
    }),
    organizationId: t.globalID({
      description: 'The requesting organization, which the volunteer may decline for later requests.',
      resolve: ({ request }) => ({ type: 'Organization', id: request.organizationId }),
    }),
    organizationName: t.string({
      description: 'The requesting public body’s name.',
      select: {
        with: { request: { columns: { organizationId: true }, with: { organization: { columns: { name: true } } } } },
      },
      resolve: ({ request }) => request.organization.name,
    }),
    particulars: t.field({
      type: BookingParticularsRef,
      nullable: true,
      description:
        'The address and the contact person, while the booking stands: null once it is released or cancelled. Reads by anyone outside the requesting organization are audited.',
      select: {
        columns: { status: true },
        with: {
          request: {
            columns: {
              id: true,
              organizationId: true,
              venue: true,
              address: true,
              remoteJoinInstructions: true,
              contactName: true,
              contactPhone: true,
            },
          },
        },
      },
      resolve: async ({ status, request }, _args, context) => {
        if (!bookingStands.has(status)) return null;
        await Promise.all(
          ['address', 'contactName', 'contactPhone'].map((field) => auditRequestRead(context, request, field)),
        );
        return request;
      },
    }),
    reports: t.relation('reports'),
    storedId: t.exposeString('id', {
      description:
        'The id as stored, which expense lines name (ExpenseLine.assignmentId, ExpenseLineInput.assignmentId).',
    }),
    expenseLines: t.relation('expenseLines', {
      description:
        'The booking’s expense lines, reversals included, oldest first. For coordinators of its association; null for anyone else.',
      nullable: true,
      authScopes: (assignment) => ({ coordinatorOf: assignment.request.associationId }),
      query: { orderBy: { createdAt: 'asc', id: 'asc' } },
    }),
  }),
});

builder.drizzleObjectFields(Request, (t) => ({
  dispatchStage: t.expose('dispatchStage', { type: DispatchStageEnum }),
  dispatchWave: t.exposeInt('dispatchWave', { description: 'The wave of offers last sent; 0 before the first.' }),
  widenedAt: t.expose('widenedAt', { type: 'DateTime', nullable: true }),
  escalatedAt: t.expose('escalatedAt', { type: 'DateTime', nullable: true }),
  rejectionReason: t.exposeString('rejectionReason', { nullable: true }),
  offers: t.relation('offers', {
    description: 'Every offer made for this request, newest first. For coordinators of its association.',
    authScopes: (request) => ({ coordinatorOf: request.associationId }),
    query: { orderBy: { createdAt: 'desc' } },
  }),
  assignments: t.relation('assignments', { query: { orderBy: { createdAt: 'asc' } } }),
}));

builder.queryField('myOffers', (t) =>
  t.drizzleConnection({
    type: 'offers',
    description: 'Volunteers: the offers waiting for their answer, the most urgent first.',
    authScopes: { volunteer: true },
    resolve: (query, _root, _args, { db, viewer }) =>
      db.query.offers.findMany(
        query({
          where: { volunteerId: own(viewer.volunteerId), status: 'offered' },
          orderBy: { deadline: 'asc', id: 'asc' },
        }),
      ),
  }),
);

builder.queryField('myAssignments', (t) =>
  t.drizzleConnection({
    type: 'assignments',
    description: 'Volunteers: their bookings, the soonest first (to reconfirm and to report on).',
    authScopes: { volunteer: true },
    resolve: (query, _root, _args, { db, viewer }) =>
      db.query.assignments.findMany(
        query({
          where: { volunteerId: own(viewer.volunteerId) },
          orderBy: { createdAt: 'desc', id: 'asc' },
        }),
      ),
  }),
);

builder.mutationField('approveRequest', (t) =>
  t.drizzleField({
    type: 'requests',
    description: 'A coordinator approves a filed request: offers go out.',
    authScopes: { coordinator: true },
    args: { requestId: t.arg.globalID({ required: true, for: Request }) },
    errors: {},
    resolve: async (query, _root, { requestId }, { db, services, viewer }) => {
      const row = await services.dispatch.approve(viewer, requestId.id);
      return selected(db.query.requests.findFirst(query({ where: { id: row.id } })), 'Request', row.id);
    },
  }),
);

builder.mutationField('rejectRequest', (t) =>
  t.drizzleField({
    type: 'requests',
    description: 'A coordinator rejects a filed request, saying why; the requester is told.',
    authScopes: { coordinator: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      reason: t.arg.string({ required: true }),
    },
    errors: {},
    resolve: async (query, _root, { requestId, reason }, { db, services, viewer }) => {
      const row = await services.dispatch.reject(viewer, requestId.id, reason);
      return selected(db.query.requests.findFirst(query({ where: { id: row.id } })), 'Request', row.id);
    },
  }),
);

const AcceptOfferResult = builder
  .objectRef<{ outcome: (typeof acceptResults)[number]; assignment: { id: string } | null }>('AcceptOfferResult')
  .implement({
    description: 'Whether the volunteer got it, at once.',
    fields: (t) => ({
      outcome: t.expose('outcome', { type: AcceptResultEnum }),
      assignment: t.drizzleField({
        type: 'assignments',
        nullable: true,
        description: 'The booking, when won.',
        resolve: (query, result, _args, { db }) =>
          result.assignment
            ? selected(
                db.query.assignments.findFirst(query({ where: { id: result.assignment.id } })),
                'Assignment',
                result.assignment.id,
              )
            : null,
      }),
    }),
  });

builder.mutationField('acceptOffer', (t) =>
  t.field({
    type: AcceptOfferResult,
    description: 'The volunteer accepts an offer; the first acceptance wins, and the answer says at once who won.',
    authScopes: { volunteer: true },
    args: { offerId: t.arg.globalID({ required: true, for: Offer }) },
    errors: {},
    resolve: (_root, { offerId }, { services, viewer }) => services.dispatch.acceptOffer(viewer, offerId.id),
  }),
);

builder.mutationField('declineOffer', (t) =>
  t.drizzleField({
    type: 'offers',
    description: 'The volunteer declines an offer.',
    authScopes: { volunteer: true },
    args: { offerId: t.arg.globalID({ required: true, for: Offer }) },
    errors: {},
    resolve: async (query, _root, { offerId }, { db, services, viewer }) => {
      const row = await services.dispatch.declineOffer(viewer, offerId.id);
      return selected(db.query.offers.findFirst(query({ where: { id: row.id } })), 'Offer', row.id);
    },
  }),
);

builder.mutationField('offerToVolunteer', (t) =>
  t.drizzleField({
    type: 'offers',
    description: 'A coordinator offers a request to a volunteer of their choice, at any time.',
    authScopes: { coordinator: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      volunteerId: t.arg.globalID({ required: true, for: Volunteer }),
    },
    errors: {},
    resolve: async (query, _root, { requestId, volunteerId }, { db, services, viewer }) => {
      const row = await services.dispatch.offerToVolunteer(viewer, requestId.id, volunteerId.id);
      return selected(db.query.offers.findFirst(query({ where: { id: row.id } })), 'Offer', row.id);
    },
  }),
);

builder.mutationField('assignVolunteer', (t) =>
  t.drizzleField({
    type: 'assignments',
    description: 'A coordinator books a volunteer by hand, at any time; a double booking is refused.',
    authScopes: { coordinator: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      volunteerId: t.arg.globalID({ required: true, for: Volunteer }),
    },
    errors: {},
    resolve: async (query, _root, { requestId, volunteerId }, { db, services, viewer }) => {
      const row = await services.dispatch.assignVolunteer(viewer, requestId.id, volunteerId.id);
      return selected(db.query.assignments.findFirst(query({ where: { id: row.id } })), 'Assignment', row.id);
    },
  }),
);

builder.mutationField('reconfirmAssignment', (t) =>
  t.drizzleField({
    type: 'assignments',
    description: 'The booked volunteer confirms again, a day or two before, that they will go.',
    authScopes: { volunteer: true },
    args: { assignmentId: t.arg.globalID({ required: true, for: Assignment }) },
    errors: {},
    resolve: async (query, _root, { assignmentId }, { db, services, viewer }) => {
      const row = await services.dispatch.reconfirmAssignment(viewer, assignmentId.id);
      return selected(db.query.assignments.findFirst(query({ where: { id: row.id } })), 'Assignment', row.id);
    },
  }),
);

builder.mutationField('releaseAssignment', (t) =>
  t.drizzleField({
    type: 'assignments',
    description:
      'Before the day, the booked volunteer withdraws, or a coordinator of the association releases them: both are told, and cover is sought at once.',
    authScopes: { volunteer: true, coordinator: true },
    args: {
      assignmentId: t.arg.globalID({ required: true, for: Assignment }),
      cancellation: t.arg({
        type: CancellationInput,
        required: true,
        description: 'Why: the volunteer from WithdrawalReason, a coordinator from CancellationReason.',
      }),
    },
    errors: {},
    resolve: async (query, _root, { assignmentId, cancellation }, { db, services, viewer }) => {
      const row = await services.dispatch.releaseAssignment(viewer, assignmentId.id, cancellation);
      return selected(db.query.assignments.findFirst(query({ where: { id: row.id } })), 'Assignment', row.id);
    },
  }),
);

const VolunteerReportInput = builder.inputType('VolunteerReportInput', {
  fields: (t) => ({
    actualStart: t.field({ type: 'DateTime', required: true }),
    actualEnd: t.field({ type: 'DateTime', required: true }),
    transportFareYen: t.int({ required: true }),
    notes: t.string({ required: false }),
  }),
});

const RequesterReportInput = builder.inputType('RequesterReportInput', {
  fields: (t) => ({
    tookPlace: t.boolean({ required: true, description: 'Whether it took place as planned.' }),
    satisfaction: t.int({ required: true, description: '1 (poor) to 5 (excellent).' }),
    remarks: t.string({ required: false }),
  }),
});

const ActivityReportInput = builder.inputType('ActivityReportInput', {
  description: 'One of the two: the volunteer files `volunteer`, the requesting organization `requester`.',
  fields: (t) => ({
    volunteer: t.field({ type: VolunteerReportInput, required: false }),
    requester: t.field({ type: RequesterReportInput, required: false }),
  }),
});

builder.mutationField('fileActivityReport', (t) =>
  t.drizzleField({
    type: 'activityReports',
    description: 'After the activity, the volunteer or the requesting organization files its report.',
    authScopes: { volunteer: true, requester: true },
    args: {
      assignmentId: t.arg.globalID({ required: true, for: Assignment }),
      input: t.arg({ type: ActivityReportInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, { assignmentId, input }, { db, services, viewer }) => {
      const row = await services.dispatch.fileActivityReport(viewer, assignmentId.id, input);
      return selected(db.query.activityReports.findFirst(query({ where: { id: row.id } })), 'ActivityReport', row.id);
    },
  }),
);

builder.mutationField('approveActivityReports', (t) =>
  t.drizzleField({
    type: 'requests',
    description: 'A coordinator approves the reports of a request; the request is completed.',
    authScopes: { coordinator: true },
    args: { requestId: t.arg.globalID({ required: true, for: Request }) },
    // The expense lines of the reports go into the activity's month, which may be closed.
    errors: { types: [PeriodClosedError] },
    resolve: async (query, _root, { requestId }, { db, services, viewer }) => {
      const row = await services.dispatch.approveActivityReports(viewer, requestId.id);
      return selected(db.query.requests.findFirst(query({ where: { id: row.id } })), 'Request', row.id);
    },
  }),
);

builder.mutationField('recordNoShow', (t) =>
  t.drizzleField({
    type: 'assignments',
    description: 'A coordinator records that the booked volunteer did not turn up; it counts against reliability.',
    authScopes: { coordinator: true },
    args: { assignmentId: t.arg.globalID({ required: true, for: Assignment }) },
    errors: {},
    resolve: async (query, _root, { assignmentId }, { db, services, viewer }) => {
      const row = await services.dispatch.recordNoShow(viewer, assignmentId.id);
      return selected(db.query.assignments.findFirst(query({ where: { id: row.id } })), 'Assignment', row.id);
    },
  }),
);
