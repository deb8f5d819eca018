import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './columns';
import { documentCountProblems, documentCountStatuses, documentCountUnits, documentRoles } from './domain-values';
import { associations, organizations, users } from './people';
import { requests } from './requests';

export const documentRole = pgEnum('document_role', documentRoles);
export const documentCountUnit = pgEnum('document_count_unit', documentCountUnits);
export const documentCountProblem = pgEnum('document_count_problem', documentCountProblems);
export const documentCountStatus = pgEnum('document_count_status', documentCountStatuses);

/**
 * A file of a translation request, kept in the database with everything else (backed up with it,
 * erased with the person). The bytes are in `document_chunks`, so that an upload or a download
 * streams and never holds the whole file in memory.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    /** The requesting body whose staff uploaded it (a source) or whom it is for (a translation). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Null while a source waits for the request it is filed with. */
    requestId: uuid('request_id').references(() => requests.id, { onDelete: 'cascade' }),
    role: documentRole('role').notNull(),
    /** 1 for a source; a translation's versions count 1, 2, … in the order they were uploaded. */
    version: integer('version').notNull().default(1),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    /** The name as the uploader gave it (Japanese allowed), without any folder. */
    fileName: text('file_name').notNull(),
    /** Found from the bytes, not from the name. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Hex SHA-256 of the bytes. */
    sha256: text('sha256').notNull(),
    /** The volume counted from the text; both null when no count could be made (a scanned image). */
    countUnit: documentCountUnit('count_unit'),
    counted: integer('counted'),
    /** The requester's correction of the count, which the fee then follows. */
    correctedCount: integer('corrected_count'),
    /** A PDF's pages, counted apart from its text. */
    pageCount: integer('page_count'),
    /** Why no count could be made from the text (a scan, an image, a spreadsheet); null when one was. */
    countProblem: documentCountProblem('count_problem'),
    /** `counting` from the upload of a .docx or a .pdf until the worker has counted its text. */
    countStatus: documentCountStatus('count_status').notNull().default('counted'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('documents_request_idx').on(table.requestId, table.role, table.version),
    index('documents_organization_idx').on(table.organizationId),
    /** The documents a starting worker finds still to count. */
    index('documents_counting_idx').on(table.id).where(sql`${table.countStatus} = 'counting'`),
    /** A translation's versions are numbered once each. */
    uniqueIndex('documents_translation_version_key')
      .on(table.requestId, table.version)
      .where(sql`${table.role} = 'translation'`),
    check('documents_size_positive', sql`${table.sizeBytes} > 0`),
    check('documents_version_positive', sql`${table.version} > 0`),
    check(
      'documents_count_whole',
      sql`(${table.counted} is null or ${table.counted} >= 0)
      and (${table.correctedCount} is null or ${table.correctedCount} >= 0)`,
    ),
  ],
);

/** A document's bytes in order, a chunk (up to 1 MiB) per row. */
export const documentChunks = pgTable(
  'document_chunks',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.seq] })],
);
