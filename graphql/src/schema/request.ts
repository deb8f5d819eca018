import { mayActOn, paperworkHoldReasons, requestPurposes } from '@tsunagu/domain';
import {
  type CandidateStanding,
  type HeldBackCandidate,
  type RequestChanges,
  requestModalities,
  requestRoutings,
  requestStatuses,
  translationDirections,
  volumeUnits,
} from '@tsunagu/services';
import { builder, type PothosTypes } from '../builder';
import type { Context } from '../context';
import { associationsOf, organizationsOf } from '../tenancy';
import { auditRead } from './audit';
import { CancellationInput, CancellationPartyEnum, CancellationReasonEnum } from './cancellation';
import { DispatchStageEnum } from './dispatch-stage';
import { Document } from './document';
import { selected } from './selection';
import { PaperworkItemEnum, SpecialtyEnum, Volunteer } from './volunteer';

const RequestStatusEnum = builder.enumType('RequestStatus', { values: requestStatuses });
export const ModalityEnum = builder.enumType('Modality', { values: requestModalities });
export const RequestPurposeEnum = builder.enumType('RequestPurpose', { values: requestPurposes });
const RequestRoutingEnum = builder.enumType('RequestRouting', {
  values: requestRoutings,
  description: 'Who a sensitive request is offered to, as its association decided.',
});
export const TranslationDirectionEnum = builder.enumType('TranslationDirection', { values: translationDirections });
export const VolumeUnitEnum = builder.enumType('VolumeUnit', { values: volumeUnits });

/** Contact and notes are personal data: reading them is audited unless the reader filed the request. */
export function auditRequestRead(
  context: Context,
  request: { id: string; organizationId: string; associationId: string },
  field: string,
) {
  return mayActOn(context.viewer, request, 'requester')
    ? Promise.resolve()
    : auditRead(context, { type: 'request', id: request.id, associationIds: [request.associationId] }, field);
}

export const RequestSeries = builder.drizzleNode('requestSeries', {
  name: 'RequestSeries',
  description: 'A weekly series of requests; each occurrence is a request that can be changed on its own.',
  id: { column: (series) => series.id },
  // Every occurrence belongs to the organization's association.
  select: {
    columns: { organizationId: true },
    with: { organization: { columns: { associationId: true } } },
  },
  authScopes: (series) => ({
    staffOf: { associationId: series.organization.associationId, organizationId: series.organizationId },
    coordinatorOf: series.organization.associationId,
  }),
  fields: (t) => ({
    weekday: t.exposeInt('weekday', { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }),
    startTime: t.exposeString('startTime'),
    endTime: t.exposeString('endTime'),
    firstDate: t.expose('firstDate', { type: 'Date' }),
    lastDate: t.expose('lastDate', { type: 'Date' }),
    requests: t.relation('requests', { query: { orderBy: { startsAt: 'asc' } } }),
  }),
});

export const Request = builder.drizzleNode('requests', {
  name: 'Request',
  description: 'What a public body asks for. Seen by its organization’s staff and its association’s coordinators.',
  id: { column: (request) => request.id },
  select: { columns: { id: true, organizationId: true, associationId: true } },
  authScopes: (request) => ({
    staffOf: { associationId: request.associationId, organizationId: request.organizationId },
    coordinatorOf: request.associationId,
  }),
  fields: (t) => ({
    status: t.expose('status', { type: RequestStatusEnum }),
    modality: t.expose('modality', { type: ModalityEnum }),
    language: t.relation('language', { description: 'The language besides Japanese; for X ↔ Y, X.' }),
    pairLanguage: t.relation('pairLanguage', { description: 'Japanese for Japanese ↔ X; for X ↔ Y, Y.' }),
    translationDirection: t.expose('translationDirection', { type: TranslationDirectionEnum, nullable: true }),
    startsAt: t.expose('startsAt', { type: 'DateTime', nullable: true }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
    deadline: t.expose('deadline', { type: 'DateTime', nullable: true }),
    documents: t.relation('documents', {
      description: 'A translation request’s sources and the versions of its translation, in that order.',
      query: { orderBy: { role: 'asc', version: 'asc', createdAt: 'asc' } },
    }),
    volume: t.exposeInt('volume', { nullable: true }),
    volumeUnit: t.expose('volumeUnit', { type: VolumeUnitEnum, nullable: true }),
    localGovernment: t.relation('localGovernment', { nullable: true }),
    venue: t.exposeString('venue', { nullable: true }),
    address: t.string({
      nullable: true,
      description: 'May be a resident’s home (a school-enrollment home visit): reads by others are audited.',
      select: { columns: { address: true } },
      resolve: async (request, _args, context) => {
        await auditRequestRead(context, request, 'address');
        return request.address;
      },
    }),
    remoteJoinInstructions: t.exposeString('remoteJoinInstructions', { nullable: true }),
    purpose: t.expose('purpose', { type: RequestPurposeEnum }),
    specialty: t.expose('specialty', { type: SpecialtyEnum, nullable: true }),
    interpretersNeeded: t.exposeInt('interpretersNeeded'),
    contactName: t.string({
      select: { columns: { contactName: true } },
      resolve: async (request, _args, context) => {
        await auditRequestRead(context, request, 'contactName');
        return request.contactName;
      },
    }),
    contactPhone: t.string({
      nullable: true,
      select: { columns: { contactPhone: true } },
      resolve: async (request, _args, context) => {
        await auditRequestRead(context, request, 'contactPhone');
        return request.contactPhone;
      },
    }),
    notes: t.string({
      nullable: true,
      select: { columns: { notes: true } },
      resolve: async (request, _args, context) => {
        await auditRequestRead(context, request, 'notes');
        return request.notes;
      },
    }),
    urgent: t.exposeBoolean('urgent'),
    emergency: t.exposeBoolean('emergency'),
    infectionRisk: t.exposeBoolean('infectionRisk'),
    flags: t.exposeStringList('flags', {
      description: 'Why coordinators should look: urgent_short_notice, medical, legal, emergency, infection_risk.',
    }),
    routing: t.expose('routing', { type: RequestRoutingEnum }),
    requiredCertificateKind: t.exposeString('requiredCertificateKind', { nullable: true }),
    answerBy: t.expose('answerBy', { type: 'Date', nullable: true }),
    grantTaxCategory: t.exposeString('grantTaxCategory', { description: 'Suggested by the purpose.' }),
    openToPartners: t.exposeBoolean('openToPartners'),
    screenedAt: t.expose('screenedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a coordinator (or policy) approved or rejected it.',
    }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    cancelledBy: t.expose('cancelledBy', { type: CancellationPartyEnum, nullable: true }),
    cancellationReason: t.expose('cancellationReason', { type: CancellationReasonEnum, nullable: true }),
    cancellationNote: t.exposeString('cancellationNote', {
      nullable: true,
      description: 'The words of whoever cancelled, beside their reason.',
    }),
    canCancel: t.boolean({
      description:
        'Whether cancelling can succeed now (not cancelled, rejected or begun); cancelRequest refuses otherwise.',
      select: { columns: { status: true, startsAt: true, deadline: true } },
      resolve: (request, _args, { services }) => services.requests.closedReason(request) === null,
    }),
    canChange: t.boolean({
      description: 'Whether editRequest can succeed now: the same rule as cancelling.',
      select: { columns: { status: true, startsAt: true, deadline: true } },
      resolve: (request, _args, { services }) => services.requests.closedReason(request) === null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    organization: t.relation('organization'),
    series: t.relation('series', { nullable: true }),
  }),
});

export const Candidate = builder
  .objectRef<Omit<CandidateStanding, 'volunteerId'> & { volunteer: CandidateVolunteer }>('Candidate')
  .implement({
    description: 'A volunteer who passes every hard filter for a request, with why they rank where they do.',
    fields: (t) => ({
      volunteer: t.field({ type: Volunteer, resolve: (candidate) => candidate.volunteer }),
      score: t.exposeFloat('score', { description: 'Out of 100: level, specialty, distance, fairness, reliability.' }),
      reasons: t.exposeString('reasons', { description: 'In the viewer’s language.' }),
      distanceKm: t.exposeFloat('distanceKm', {
        nullable: true,
        description: 'From the volunteer’s home office to the request’s; null unless on site.',
      }),
      booked: t.exposeBoolean('booked', { description: 'Already booked (confirmed) for this request.' }),
      offered: t.exposeBoolean('offered', { description: 'Has an open offer of this request.' }),
      canOffer: t.exposeBoolean('canOffer', { description: 'Whether offerToVolunteer can succeed now.' }),
      canAssign: t.exposeBoolean('canAssign', { description: 'Whether assignVolunteer can succeed now.' }),
    }),
  });

const HeldBackCandidateRef = builder
  .objectRef<Omit<HeldBackCandidate, 'volunteerId'> & { volunteer: CandidateVolunteer; locale: 'ja' | 'en' }>(
    'HeldBackCandidate',
  )
  .implement({
    description:
      'A volunteer who would be a candidate but for papers the association’s policy requires, lapsed or missing on the day of the work: never offered it, and offerToVolunteer and assignVolunteer refuse them.',
    fields: (t) => ({
      volunteer: t.field({ type: Volunteer, resolve: (held) => held.volunteer }),
      score: t.exposeFloat('score'),
      reasons: t.exposeString('reasons', { description: 'Why they would fit, in the viewer’s language.' }),
      items: t.expose('items', { type: [PaperworkItemEnum] }),
      heldBecause: t.stringList({
        description: 'Why they are held back, one sentence per paper, in the viewer’s language.',
        resolve: (held) => held.items.map((item) => paperworkHoldReasons[item][held.locale]),
      }),
    }),
  });

export type CandidateVolunteer = Awaited<ReturnType<typeof candidateVolunteers>>[number];

/** The candidates' profiles in one query, with the memberships the Volunteer type checks access by. */
export function candidateVolunteers(context: Context, ids: string[]) {
  return context.db.query.volunteers.findMany({
    where: { id: { in: ids } },
    with: { memberships: { columns: { associationId: true } } },
  });
}

builder.drizzleObjectFields(Request, (t) => ({
  candidates: t.field({
    type: [Candidate],
    description: 'Who can take this request, best first. For coordinators of its association.',
    authScopes: (request) => ({ coordinatorOf: request.associationId }),
    args: { limit: t.arg.int({ required: false, description: 'At most this many; 50 unless told.' }) },
    resolve: async (request, { limit }, context) => {
      const ranked = await context.services.matching.candidates(context.viewer, request.id, limit ?? undefined);
      const profiles = new Map(
        (
          await candidateVolunteers(
            context,
            ranked.map((candidate) => candidate.volunteerId),
          )
        ).map((volunteer) => [volunteer.id, volunteer]),
      );
      return ranked.flatMap((candidate) => {
        const volunteer = profiles.get(candidate.volunteerId);
        return volunteer ? [{ ...candidate, volunteer }] : [];
      });
    },
  }),
  heldBackCandidates: t.field({
    type: [HeldBackCandidateRef],
    description:
      'Who would be a candidate but for lapsed or missing papers, best first, with why. For coordinators of its association.',
    authScopes: (request) => ({ coordinatorOf: request.associationId }),
    args: { limit: t.arg.int({ required: false, description: 'At most this many; 50 unless told.' }) },
    resolve: async (request, { limit }, context) => {
      const held = await context.services.matching.heldBack(context.viewer, request.id, limit ?? undefined);
      const profiles = new Map(
        (
          await candidateVolunteers(
            context,
            held.map((candidate) => candidate.volunteerId),
          )
        ).map((volunteer) => [volunteer.id, volunteer]),
      );
      return held.flatMap((candidate) => {
        const volunteer = profiles.get(candidate.volunteerId);
        return volunteer ? [{ ...candidate, volunteer, locale: context.viewer.locale }] : [];
      });
    },
  }),
}));

/** The start of a calendar day in Japan, which keeps +09:00 all year. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00+09:00`);
const startOfNextDay = (date: string) => new Date(startOfDay(date).getTime() + 24 * 60 * 60 * 1000);

builder.queryField('requests', (t) =>
  t.drizzleConnection({
    type: 'requests',
    description:
      'Requesting staff: their organization’s requests. Coordinators: all of their associations’. Earliest first (urgent ones before when asked).',
    authScopes: { requester: true, coordinator: true },
    args: {
      status: t.arg({ type: RequestStatusEnum, required: false }),
      dispatchStage: t.arg({
        type: DispatchStageEnum,
        required: false,
        description: 'Coordinators: escalated for the requests nobody took, that wait for them.',
      }),
      from: t.arg({ type: 'Date', required: false, description: 'Starting on or after this day.' }),
      to: t.arg({ type: 'Date', required: false, description: 'Starting on or before this day.' }),
      languageCode: t.arg.string({ required: false }),
      localGovernmentCode: t.arg.string({ required: false }),
      unfinishedOnly: t.arg.boolean({
        required: false,
        description:
          'Leave out what is finished: cancelled, rejected, done, or past its end (a translation: its deadline).',
      }),
      urgentFirst: t.arg.boolean({ required: false, description: 'Urgent requests first, each part earliest first.' }),
    },
    resolve: (query, _root, args, { db, viewer, services }) => {
      const visible = [
        { associationId: associationsOf(viewer, 'coordinator') },
        { organizationId: organizationsOf(viewer) },
      ];
      return db.query.requests.findMany(
        query({
          where: {
            AND: [{ OR: visible }, ...(args.unfinishedOnly ? [services.requests.unfinished()] : [])],
            ...(args.status ? { status: args.status } : {}),
            ...(args.dispatchStage ? { dispatchStage: args.dispatchStage } : {}),
            ...(args.languageCode ? { languageCode: args.languageCode } : {}),
            ...(args.localGovernmentCode ? { localGovernmentCode: args.localGovernmentCode } : {}),
            ...(args.from || args.to
              ? {
                  startsAt: {
                    ...(args.from ? { gte: startOfDay(args.from) } : {}),
                    ...(args.to ? { lt: startOfNextDay(args.to) } : {}),
                  },
                }
              : {}),
          },
          orderBy: args.urgentFirst ? { urgent: 'desc', startsAt: 'asc', id: 'asc' } : { startsAt: 'asc', id: 'asc' },
        }),
      );
    },
  }),
);

type InputFields = PothosSchemaTypes.InputFieldBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>,
  'InputObject'
>;

/** The fields of a request apart from its time; `required` is false for changes. */
const detailFields = <Required extends boolean>(t: InputFields, required: Required) => ({
  languageCode: t.string({ required }),
  pairLanguageCode: t.string({ required: false, description: 'Japanese (ja) unless told.' }),
  translationDirection: t.field({ type: TranslationDirectionEnum, required: false }),
  volume: t.int({ required: false }),
  volumeUnit: t.field({ type: VolumeUnitEnum, required: false }),
  localGovernmentCode: t.string({ required: false, description: 'The municipality of the place (on site).' }),
  venue: t.string({ required: false }),
  address: t.string({ required: false }),
  remoteJoinInstructions: t.string({ required: false }),
  purpose: t.field({ type: RequestPurposeEnum, required }),
  specialty: t.field({ type: SpecialtyEnum, required: false }),
  interpretersNeeded: t.int({ required: false }),
  contactName: t.string({ required }),
  contactPhone: t.string({ required: false }),
  notes: t.string({ required: false, description: 'May hold personal data: reads by others are audited.' }),
  urgent: t.boolean({ required: false, description: 'Cannot wait for the lead time: coordinators are told.' }),
  emergency: t.boolean({ required: false }),
  infectionRisk: t.boolean({ required: false }),
  answerBy: t.field({ type: 'Date', required: false, description: 'The day by which you must know.' }),
  openToPartners: t.boolean({ required: false }),
});

const timeFields = <Required extends boolean>(t: InputFields, required: Required) => ({
  modality: t.field({ type: ModalityEnum, required }),
  startsAt: t.field({ type: 'DateTime', required: false }),
  endsAt: t.field({ type: 'DateTime', required: false }),
  deadline: t.field({ type: 'DateTime', required: false, description: 'Translation: when it is due.' }),
});

/** Filing only: a change of purpose takes its suggestion, and a coordinator overrides with a reason. */
const categoryField = (t: InputFields) => ({
  grantTaxCategory: t.string({
    required: false,
    description:
      '1–7, G or N; left out, the purpose suggests it. A category the table does not allow for the organization’s body is refused (category_not_eligible).',
  }),
});

const RequestInput = builder.inputType('RequestInput', {
  fields: (t) => ({
    ...timeFields(t, true),
    ...detailFields(t, true),
    ...categoryField(t),
    documentIds: t.globalIDList({
      required: false,
      for: Document,
      description: 'Translation: sources uploaded before filing (POST /documents without a request), attached now.',
    }),
  }),
});

const RequestChangesInput = builder.inputType('RequestChangesInput', {
  description: 'Only the fields given change; null clears an optional field.',
  fields: (t) => ({ ...timeFields(t, false), ...detailFields(t, false) }),
});

const WeeklySeriesInput = builder.inputType('WeeklySeriesInput', {
  fields: (t) => ({
    weekday: t.int({ required: true, description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }),
    startTime: t.string({ required: true, description: 'HH:mm in Japan.' }),
    endTime: t.string({ required: true, description: 'HH:mm in Japan.' }),
    firstDate: t.field({ type: 'Date', required: true }),
    lastDate: t.field({ type: 'Date', required: true }),
  }),
});

const RequestSeriesInput = builder.inputType('RequestSeriesInput', {
  fields: (t) => ({
    modality: t.field({ type: ModalityEnum, required: true }),
    series: t.field({ type: WeeklySeriesInput, required: true }),
    ...detailFields(t, true),
    ...categoryField(t),
  }),
});

const SeriesChangesInput = builder.inputType('RequestSeriesChangesInput', {
  description: 'The new weekly times from a date on; what is left out stays.',
  fields: (t) => ({
    weekday: t.int({ required: false }),
    startTime: t.string({ required: false }),
    endTime: t.string({ required: false }),
    lastDate: t.field({ type: 'Date', required: false }),
  }),
});

/** GraphQL gives null for a field sent as null: to the service, that is a field left out. */
function withoutNulls<T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

/** Fields that cannot be cleared: null leaves them as they are. */
const notClearable = new Set([
  'modality',
  'languageCode',
  'pairLanguageCode',
  'purpose',
  'contactName',
  'interpretersNeeded',
  'urgent',
  'emergency',
  'infectionRisk',
  'openToPartners',
]);

builder.mutationField('fileRequest', (t) =>
  t.drizzleField({
    type: 'requests',
    description: 'Requesting staff of an approved organization file a request; it waits for screening.',
    authScopes: { requester: true },
    args: { input: t.arg({ type: RequestInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input: { documentIds, ...input } }, { db, services, viewer }) => {
      const row = await services.requests.file(viewer, withoutNulls(input), {
        documentIds: (documentIds ?? []).map((documentId) => documentId.id),
      });
      return selected(db.query.requests.findFirst(query({ where: { id: row.id } })), 'Request', row.id);
    },
  }),
);

builder.mutationField('fileRequestSeries', (t) =>
  t.drizzleField({
    type: 'requestSeries',
    description: 'Requesting staff file a weekly series: one request per occurrence, all or none.',
    authScopes: { requester: true },
    args: { input: t.arg({ type: RequestSeriesInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, context) => {
      const series = await context.services.requests.fileSeries(context.viewer, withoutNulls(input));
      // Read back as the query asks, in one statement: the access check needs an occurrence's association.
      return selected(
        context.db.query.requestSeries.findFirst(query({ where: { id: series.id } })),
        'RequestSeries',
        series.id,
      );
    },
  }),
);

builder.mutationField('editRequest', (t) =>
  t.drizzleField({
    type: 'requests',
    description: 'Changes one request, or one occurrence of a series; the policy checks it again.',
    authScopes: { requester: true, coordinator: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      changes: t.arg({ type: RequestChangesInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const changes = Object.fromEntries(
        Object.entries(args.changes).filter(([key, value]) => !(value === null && notClearable.has(key))),
      ) as RequestChanges;
      const row = await services.requests.edit(viewer, args.requestId.id, changes);
      return selected(db.query.requests.findFirst(query({ where: { id: row.id } })), 'Request', row.id);
    },
  }),
);

builder.mutationField('editRequestSeriesFrom', (t) =>
  t.drizzleField({
    type: 'requestSeries',
    description:
      'Changes a series from a date on: later occurrences still filed or open move; earlier ones stay. Returns the series that continues.',
    authScopes: { requester: true, coordinator: true },
    args: {
      seriesId: t.arg.globalID({ required: true, for: RequestSeries }),
      fromDate: t.arg({ type: 'Date', required: true }),
      changes: t.arg({ type: SeriesChangesInput, required: true }),
      cancellation: t.arg({
        type: CancellationInput,
        required: false,
        description: 'Why, when the change drops weeks: their requests are cancelled with it. Needed then.',
      }),
    },
    errors: {},
    resolve: async (query, _root, args, context) => {
      const changes = withoutNulls(args.changes);
      const series = await context.services.requests.editSeriesFrom(
        context.viewer,
        args.seriesId.id,
        args.fromDate,
        changes,
        args.cancellation ?? undefined,
      );
      // Read back as the query asks, in one statement: the access check needs an occurrence's association.
      return selected(
        context.db.query.requestSeries.findFirst(query({ where: { id: series.id } })),
        'RequestSeries',
        series.id,
      );
    },
  }),
);

builder.mutationField('cancelRequest', (t) =>
  t.drizzleField({
    type: 'requests',
    description:
      'The filing organization’s staff or a coordinator of the association cancel a request, saying why (shown to the other side and to the booked volunteers).',
    authScopes: { requester: true, coordinator: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      cancellation: t.arg({ type: CancellationInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const row = await services.requests.cancel(viewer, args.requestId.id, args.cancellation);
      return selected(db.query.requests.findFirst(query({ where: { id: row.id } })), 'Request', row.id);
    },
  }),
);
