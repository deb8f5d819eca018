import { encodeGlobalID } from '@pothos/plugin-relay';
import { schema } from '@tsunagu/db';
import { translationChangeStatuses, translationJobStates } from '@tsunagu/domain';
import { sql } from 'drizzle-orm';
import { builder } from '../builder';
import { associationsOf } from '../tenancy';
import { CancellationInput } from './cancellation';
import { Assignment } from './dispatch';
import { Document } from './document';
import { Request } from './request';
import { selected } from './selection';

const TranslationJobStateEnum = builder.enumType('TranslationJobState', {
  values: translationJobStates,
  description:
    'booked → source_downloaded → translation_uploaded → submitted → accepted (→ done) or revision_asked; overdue past the deadline with nothing submitted; given_back by the translator; released by a coordinator or a cancellation.',
});
const TranslationReviewDecisionEnum = builder.enumType('TranslationReviewDecision', {
  values: ['accepted', 'revision_asked'] as const,
});

builder.drizzleObject('translationReviews', {
  name: 'TranslationReview',
  description: 'The requester’s verdict on one submitted version.',
  fields: (t) => ({
    round: t.exposeInt('round'),
    decision: t.expose('decision', { type: TranslationReviewDecisionEnum }),
    comment: t.exposeString('comment', { nullable: true, description: 'What to revise, when a revision was asked.' }),
    documentId: t.exposeString('documentId', { nullable: true }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime' }),
  }),
});

/**
 * The file names of a change's sources to add, oldest first: read in the statement that reads the
 * change (the proposal checked these are the organization's own sources).
 */
const addedFileNames = (change: typeof schema.translationJobChanges) =>
  sql<
    string[]
  >`coalesce((select array_agg(${schema.documents.fileName} order by ${schema.documents.createdAt}, ${schema.documents.id}) from ${schema.documents} where ${schema.documents.id} = any(${change.addDocumentIds})), '{}')`;

const TranslationChangeStatusEnum = builder.enumType('TranslationChangeStatus', {
  values: translationChangeStatuses,
});

builder.drizzleObject('translationJobChanges', {
  name: 'TranslationJobChange',
  description:
    'A change to a booked job proposed by the requester’s side, which the translator accepts or declines; the job keeps its deadline and sources until accepted.',
  fields: (t) => ({
    storedId: t.exposeString('id'),
    status: t.expose('status', { type: TranslationChangeStatusEnum }),
    deadline: t.expose('deadline', { type: 'DateTime', nullable: true, description: 'The deadline proposed.' }),
    addDocumentIds: t.exposeStringList('addDocumentIds', { description: 'Stored ids of the sources to add.' }),
    removeDocumentIds: t.exposeStringList('removeDocumentIds', {
      description: 'Stored ids of the sources to leave out.',
    }),
    note: t.exposeString('note', { nullable: true, description: 'The proposer’s note to the translator.' }),
    declineReason: t.exposeString('declineReason', {
      nullable: true,
      description: 'Why the translator declined, when they did.',
    }),
    addedFileNames: t.stringList({
      description:
        'The file names of the sources to add, for the translator to see what comes (they read the documents once the change is accepted).',
      select: { extras: { addedFileNames } },
      resolve: (change) => change.addedFileNames,
    }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime' }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
  }),
});

export const TranslationJob = builder.drizzleObject('translationJobs', {
  name: 'TranslationJob',
  description:
    'The booked translator’s work on a translation request. Seen by the requesting organization’s staff, the booked translator and the association’s coordinators.',
  select: {
    columns: { associationId: true },
    with: { request: { columns: { organizationId: true } }, assignment: { columns: { volunteerId: true } } },
  },
  authScopes: (job) => ({
    staffOf: { associationId: job.associationId, organizationId: job.request.organizationId },
    coordinatorOf: job.associationId,
    volunteerSelf: job.assignment.volunteerId,
  }),
  fields: (t) => ({
    storedId: t.exposeString('id'),
    requestId: t.field({
      type: 'ID',
      description:
        'The request’s global ID, for the job’s mutations and for uploading a version (POST /documents), which the translator names without reading the request itself.',
      select: { columns: { requestId: true } },
      resolve: (job) => encodeGlobalID('Request', job.requestId),
    }),
    sources: t.field({
      type: [Document],
      description: 'What to translate: the request’s sources, oldest first (the booked translator reads them).',
      select: (_args, _context, nestedSelection) => ({
        with: {
          request: {
            columns: {},
            with: { documents: nestedSelection({ where: { role: 'source' }, orderBy: { createdAt: 'asc' } }) },
          },
        },
      }),
      resolve: (job) => job.request.documents,
    }),
    state: t.expose('state', { type: TranslationJobStateEnum }),
    deadline: t.field({
      type: 'DateTime',
      nullable: true,
      select: { with: { request: { columns: { deadline: true } } } },
      resolve: (job) => job.request.deadline,
    }),
    roundsUsed: t.exposeInt('roundsUsed', { description: 'Revisions the requester has asked for.' }),
    roundsAllowed: t.exposeInt('roundsAllowed', { description: 'Revisions the policy allowed when it was booked.' }),
    sourceDownloadedAt: t.expose('sourceDownloadedAt', { type: 'DateTime', nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    overdueAt: t.expose('overdueAt', { type: 'DateTime', nullable: true }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    versions: t.field({
      type: [Document],
      description:
        'The versions this job’s translator uploaded, oldest first (a cover’s job leaves out the versions of whoever gave it back); `submittedAt` says which were submitted.',
      select: (_args, _context, nestedSelection) => ({
        with: {
          assignment: { columns: {}, with: { volunteer: { columns: { userId: true } } } },
          request: {
            columns: {},
            with: {
              documents: nestedSelection({
                where: { role: 'translation' },
                columns: { id: true, associationId: true, organizationId: true, requestId: true, uploadedBy: true },
                orderBy: { version: 'asc' },
              }),
            },
          },
        },
      }),
      resolve: (job) =>
        job.request.documents.filter((document) => document.uploadedBy === job.assignment.volunteer.userId),
    }),
    submittedVersion: t.relation('submittedDocument', {
      type: Document,
      nullable: true,
      description:
        'The version last submitted: the one under review while the job is submitted, the accepted one once accepted.',
    }),
    reviews: t.relation('reviews', { query: { orderBy: { round: 'asc' } } }),
    changes: t.relation('changes', {
      description: 'Changes proposed to the job (deadline, sources), newest first; one at a time waits as proposed.',
      query: { orderBy: { proposedAt: 'desc' } },
    }),
    request: t.relation('request', { type: Request }),
  }),
});

builder.drizzleObjectFields(Request, (t) => ({
  translationJob: t.relation('translationJob', {
    type: TranslationJob,
    nullable: true,
    description: 'A translation request’s current job (the cover’s, after a give-back); null before a booking.',
  }),
  translationJobs: t.relation('translationJobs', {
    type: TranslationJob,
    description: 'Every job of the request, given back or released ones too, newest first.',
    query: { orderBy: { createdAt: 'desc' } },
  }),
}));

builder.drizzleObjectFields(Assignment, (t) => ({
  translationJob: t.relation('translationJob', {
    type: TranslationJob,
    nullable: true,
    description: 'The booking’s translation job, for a translation request; null otherwise.',
  }),
}));

builder.queryField('overdueTranslationJobs', (t) =>
  t.drizzleField({
    type: [TranslationJob],
    description:
      'Coordinators: the translation jobs of their associations past the deadline with nothing submitted, oldest deadline first.',
    authScopes: { coordinator: true },
    resolve: (query, _root, _args, { db, viewer }) =>
      db.query.translationJobs.findMany(
        query({
          where: { associationId: associationsOf(viewer, 'coordinator'), state: 'overdue' },
          orderBy: { overdueAt: 'asc', id: 'asc' },
          limit: 200,
        }),
      ),
  }),
);

builder.mutationField('submitTranslation', (t) =>
  t.drizzleField({
    type: TranslationJob,
    description: 'The booked translator submits a version they uploaded; the requester is asked to review it.',
    authScopes: { volunteer: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      documentId: t.arg.globalID({ required: true, for: Document, description: 'The uploaded version.' }),
    },
    errors: {},
    resolve: async (query, _root, { requestId, documentId }, { db, services, viewer }) => {
      const row = await services.translations.submitTranslation(viewer, requestId.id, documentId.id);
      return selected(db.query.translationJobs.findFirst(query({ where: { id: row.id } })), 'TranslationJob', row.id);
    },
  }),
);

builder.mutationField('acceptTranslation', (t) =>
  t.drizzleField({
    type: TranslationJob,
    description:
      'The requesting organization (or a coordinator) accepts the submitted version; the fee is written as expense lines.',
    authScopes: { requester: true, coordinator: true },
    args: { requestId: t.arg.globalID({ required: true, for: Request }) },
    errors: {},
    resolve: async (query, _root, { requestId }, { db, services, viewer }) => {
      const row = await services.translations.acceptTranslation(viewer, requestId.id);
      return selected(db.query.translationJobs.findFirst(query({ where: { id: row.id } })), 'TranslationJob', row.id);
    },
  }),
);

builder.mutationField('askForRevision', (t) =>
  t.drizzleField({
    type: TranslationJob,
    description:
      'The requesting organization (or a coordinator) asks for a revision, saying what; rounds are limited by the association’s policy.',
    authScopes: { requester: true, coordinator: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      comment: t.arg.string({ required: true }),
    },
    errors: {},
    resolve: async (query, _root, { requestId, comment }, { db, services, viewer }) => {
      const row = await services.translations.askForRevision(viewer, requestId.id, comment);
      return selected(db.query.translationJobs.findFirst(query({ where: { id: row.id } })), 'TranslationJob', row.id);
    },
  }),
);

builder.mutationField('giveBackTranslation', (t) =>
  t.drizzleField({
    type: TranslationJob,
    description:
      'The booked translator gives the job back while the work is theirs, saying why (a WithdrawalReason and a note, read by the coordinators): released, and cover is sought at once.',
    authScopes: { volunteer: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      cancellation: t.arg({ type: CancellationInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, { requestId, cancellation }, { db, services, viewer }) => {
      const row = await services.translations.giveBackTranslation(viewer, requestId.id, cancellation);
      return selected(db.query.translationJobs.findFirst(query({ where: { id: row.id } })), 'TranslationJob', row.id);
    },
  }),
);

builder.mutationField('proposeTranslationChange', (t) =>
  t.drizzleField({
    type: TranslationJob,
    description:
      'The requesting organization (or a coordinator) proposes a new deadline or a change of sources to a booked translation; the translator is told, and nothing changes until they accept.',
    authScopes: { requester: true, coordinator: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      deadline: t.arg({ type: 'DateTime', required: false }),
      addDocumentIds: t.arg.globalIDList({
        required: false,
        for: Document,
        description: 'Sources uploaded without a request, to add.',
      }),
      removeDocumentIds: t.arg.globalIDList({
        required: false,
        for: Document,
        description: 'Sources of the request, to leave out.',
      }),
      note: t.arg.string({ required: false, description: 'A note to the translator.' }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const row = await services.translations.proposeTranslationChange(viewer, args.requestId.id, {
        deadline: args.deadline ? args.deadline.toISOString() : null,
        addDocumentIds: (args.addDocumentIds ?? []).map((id) => id.id),
        removeDocumentIds: (args.removeDocumentIds ?? []).map((id) => id.id),
        note: args.note,
      });
      return selected(db.query.translationJobs.findFirst(query({ where: { id: row.id } })), 'TranslationJob', row.id);
    },
  }),
);

builder.mutationField('answerTranslationChange', (t) =>
  t.drizzleField({
    type: TranslationJob,
    description:
      'The booked translator accepts or declines (saying why) the change proposed to their job; accepted, the request takes the new deadline and sources, and an overdue job given a later deadline goes back to its work.',
    authScopes: { volunteer: true },
    args: {
      requestId: t.arg.globalID({ required: true, for: Request }),
      accept: t.arg.boolean({ required: true }),
      reason: t.arg.string({ required: false, description: 'Why the translator declines (required to decline).' }),
    },
    errors: {},
    resolve: async (query, _root, { requestId, accept, reason }, { db, services, viewer }) => {
      const row = await services.translations.answerTranslationChange(viewer, requestId.id, accept, reason);
      return selected(db.query.translationJobs.findFirst(query({ where: { id: row.id } })), 'TranslationJob', row.id);
    },
  }),
);
