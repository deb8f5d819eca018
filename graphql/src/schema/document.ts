import {
  documentCountProblems,
  documentCountStatuses,
  documentCountUnits,
  documentRoles,
  manuscriptPagesOfVolume,
} from '@tsunagu/domain';
import { builder } from '../builder';
import { selected } from './selection';

export const DocumentRoleEnum = builder.enumType('DocumentRole', { values: documentRoles });
export const DocumentCountUnitEnum = builder.enumType('DocumentCountUnit', { values: documentCountUnits });
export const DocumentCountProblemEnum = builder.enumType('DocumentCountProblem', {
  values: documentCountProblems,
  description: 'Why no count came from the text: the requester enters it (correctDocumentCount).',
});
export const DocumentCountStatusEnum = builder.enumType('DocumentCountStatus', {
  values: documentCountStatuses,
  description:
    'counting: a .docx or a .pdf is counted by the worker after its upload; cannot_count: no count came from the text (countProblem says why).',
});

export const Document = builder.drizzleNode('documents', {
  name: 'Document',
  description:
    'A file of a translation request: a source, or a version of the translation. Read by the requesting organization’s staff, the association’s coordinators and the translator once booked (mayReadDocument).',
  id: { column: (document) => document.id },
  select: { columns: { id: true, associationId: true, organizationId: true, requestId: true } },
  authScopes: (document) => ({ readsDocument: document }),
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    mediaType: t.exposeString('mediaType', { description: 'Found from the bytes, not from the name.' }),
    sizeBytes: t.exposeInt('sizeBytes'),
    sha256: t.exposeString('sha256'),
    role: t.expose('role', { type: DocumentRoleEnum }),
    version: t.exposeInt('version', { description: '1 for a source; a translation’s versions count 1, 2, …' }),
    countUnit: t.expose('countUnit', { type: DocumentCountUnitEnum, nullable: true }),
    counted: t.exposeInt('counted', { nullable: true, description: 'The volume counted from the text.' }),
    correctedCount: t.exposeInt('correctedCount', {
      nullable: true,
      description: 'The requester’s correction, which the fee follows.',
    }),
    manuscriptPages: t.int({
      nullable: true,
      description: '400-character manuscript pages (原稿用紙換算) of a count in characters, the correction first.',
      select: { columns: { countUnit: true, counted: true, correctedCount: true } },
      resolve: (document) => manuscriptPagesOfVolume(document),
    }),
    pageCount: t.exposeInt('pageCount', { nullable: true, description: 'A PDF’s pages.' }),
    countProblem: t.expose('countProblem', { type: DocumentCountProblemEnum, nullable: true }),
    countStatus: t.expose('countStatus', { type: DocumentCountStatusEnum }),
    downloadUrl: t.string({
      description: 'Where the bytes are downloaded (GET, with the session cookie); each download is audited.',
      resolve: (document) => `/documents/${document.id}`,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.mutationField('correctDocumentCount', (t) =>
  t.drizzleField({
    type: 'documents',
    description:
      'The requester (or a coordinator) corrects the count of a document; null goes back to the counted one.',
    authScopes: { requester: true, coordinator: true },
    args: {
      documentId: t.arg.globalID({ required: true, for: Document }),
      count: t.arg.int({ required: false }),
    },
    errors: {},
    resolve: async (query, _root, { documentId, count }, { db, services, viewer }) => {
      const row = await services.documents.correctCount(viewer, documentId.id, count ?? null);
      return selected(db.query.documents.findFirst(query({ where: { id: row.id } })), 'Document', row.id);
    },
  }),
);
