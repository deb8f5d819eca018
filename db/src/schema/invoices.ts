import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { invoiceGroupings, invoiceStatuses, taxTreatments } from './domain-values';
import { expenseKind, expenseLines } from './expenses';
import { associations, organizations, users } from './people';
import { assignments } from './requests';

export const invoiceStatus = pgEnum('invoice_status', invoiceStatuses);
export const invoiceGrouping = pgEnum('invoice_grouping', invoiceGroupings);
export const taxTreatment = pgEnum('tax_treatment', taxTreatments);

/** The totals per tax rate, as the domain computed them when the invoice was issued. */
export type StoredRateTotals = Array<{ treatment: string; ratePercent: number; amountYen: number; taxYen: number }>;

/**
 * A qualified invoice (適格請求書) to a requesting organization, for a month of its lines or one
 * dispatch. Issued once and never edited: what it says (issuer, registration number, recipient,
 * items, totals) is copied into it. A correction is a new invoice that names the one it corrects,
 * which becomes superseded.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The fiscal year of the issue date, and the invoice's place in it: 1, 2, 3… without gaps. */
    numberingYear: smallint('numbering_year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    grouping: invoiceGrouping('grouping').notNull(),
    /** YYYY-MM of the lines' activity dates. */
    month: text('month').notNull(),
    /** The dispatch it bills, when invoices are per dispatch. */
    assignmentId: uuid('assignment_id').references(() => assignments.id),
    issuerNameJa: text('issuer_name_ja').notNull(),
    registrationNumber: text('registration_number').notNull(),
    recipientName: text('recipient_name').notNull(),
    taxTreatment: taxTreatment('tax_treatment').notNull(),
    totalYen: bigint('total_yen', { mode: 'number' }).notNull(),
    taxYen: bigint('tax_yen', { mode: 'number' }).notNull(),
    byRate: jsonb('by_rate').$type<StoredRateTotals>().notNull(),
    status: invoiceStatus('status').notNull().default('issued'),
    /** The invoice this one corrects (which is superseded by it). */
    correctsInvoiceId: uuid('corrects_invoice_id').unique(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paidBy: uuid('paid_by').references(() => users.id, { onDelete: 'set null' }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('invoices_number').on(table.associationId, table.numberingYear, table.sequence),
    index('invoices_organization').on(table.organizationId, table.issueDate),
    index('invoices_association_month').on(table.associationId, table.month),
    check('invoices_sequence', sql`${table.sequence} >= 1`),
    check('invoices_paid', sql`(${table.status} = 'paid') = (${table.paidAt} is not null)`),
  ],
);

/** An invoice's items: a copy of each line it bills, as it was when issued. */
export const invoiceItems = pgTable(
  'invoice_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    lineId: uuid('line_id')
      .notNull()
      .references(() => expenseLines.id),
    activityDate: date('activity_date', { mode: 'string' }).notNull(),
    kind: expenseKind('kind').notNull(),
    amountYen: integer('amount_yen').notNull(),
    taxTreatment: taxTreatment('tax_treatment').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [uniqueIndex('invoice_items_line').on(table.invoiceId, table.lineId), index().on(table.lineId)],
);

/**
 * Which live invoice bills a line: one row per line, so a line is invoiced once even when two
 * coordinators issue at the same moment. A correction moves its lines' rows to itself.
 */
export const invoicedLines = pgTable('invoiced_lines', {
  lineId: uuid('line_id')
    .primaryKey()
    .references(() => expenseLines.id),
  invoiceId: uuid('invoice_id')
    .notNull()
    .references(() => invoices.id),
});

/**
 * The last invoice number given per association and numbering year. Issuing bumps it in the
 * transaction that writes the invoice, holding the row's lock until commit: concurrent issues wait
 * their turn, and an issue that fails rolls its number back, so the numbers have no gaps.
 */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    numberingYear: smallint('numbering_year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (table) => [primaryKey({ columns: [table.associationId, table.numberingYear] })],
);
