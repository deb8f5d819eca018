import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { documents } from './documents';
import { translationChangeStatuses, translationJobStates } from './domain-values';
import { associations, users } from './people';
import { assignments, requests } from './requests';

export const translationJobState = pgEnum('translation_job_state', translationJobStates);
export const translationChangeStatus = pgEnum('translation_change_status', translationChangeStatuses);
export const translationReviewDecision = pgEnum('translation_review_decision', ['accepted', 'revision_asked']);

/**
 * The work of one booked translator on a translation request, from the booking to the fee (the
 * domain's `nextTranslationJobState` says which step may follow which). A cover booked after a
 * give-back gets a job of its own; the request's versions stay in `documents`.
 */
export const translationJobs = pgTable(
  'translation_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    state: translationJobState('state').notNull().default('booked'),
    /** The revision rounds the policy allowed when the job was booked, and how many the requester used. */
    roundsAllowed: smallint('rounds_allowed').notNull(),
    roundsUsed: smallint('rounds_used').notNull().default(0),
    /** The version last submitted for review (the accepted one, once accepted). */
    submittedDocumentId: uuid('submitted_document_id').references(() => documents.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    sourceDownloadedAt: timestamp('source_downloaded_at', { withTimezone: true }),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    /** Where the work stood when the job went overdue (moved on by a download or an upload since), to go back to if the deadline moves later. */
    overdueFrom: translationJobState('overdue_from'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('translation_jobs_assignment_key').on(table.assignmentId),
    index('translation_jobs_request_idx').on(table.requestId),
    /** The coordinators' list of overdue jobs. */
    index('translation_jobs_overdue_idx').on(table.associationId).where(sql`${table.state} = 'overdue'`),
    check('translation_jobs_rounds', sql`${table.roundsUsed} >= 0 and ${table.roundsUsed} <= ${table.roundsAllowed}`),
  ],
);

/** The requester's verdict on one submitted version: accepted, or a revision asked with a comment. */
export const translationReviews = pgTable(
  'translation_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => translationJobs.id, { onDelete: 'cascade' }),
    /** 1 for the first review of the job, 2 for the next… */
    round: integer('round').notNull(),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    /** When the translator submitted the version reviewed. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decision: translationReviewDecision('decision').notNull(),
    comment: text('comment'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('translation_reviews_round_key').on(table.jobId, table.round)],
);

/**
 * A change to a booked job proposed by the requester's side (a new deadline, sources added or
 * removed), which the translator accepts or declines; the job keeps its deadline and documents
 * until they accept. One proposal waits at a time.
 */
export const translationJobChanges = pgTable(
  'translation_job_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => translationJobs.id, { onDelete: 'cascade' }),
    status: translationChangeStatus('status').notNull().default('proposed'),
    /** The deadline proposed; null keeps the request's. */
    deadline: timestamp('deadline', { withTimezone: true }),
    addDocumentIds: uuid('add_document_ids').array().notNull().default(sql`'{}'`),
    removeDocumentIds: uuid('remove_document_ids').array().notNull().default(sql`'{}'`),
    /** The proposer's note to the translator. */
    note: text('note'),
    /** The translator's reason, when they declined. */
    declineReason: text('decline_reason'),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('translation_job_changes_pending_key').on(table.jobId).where(sql`${table.status} = 'proposed'`),
    index('translation_job_changes_job_idx').on(table.jobId, table.proposedAt),
  ],
);
