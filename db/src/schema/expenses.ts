import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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
import { timestamps } from './columns';
import {
  bearingBodyKinds,
  expenseKinds,
  expenseStatuses,
  grantTaxMeasures,
  lineEligibilities,
  payers,
} from './domain-values';
import { associations, users } from './people';
import { languages, localGovernments } from './reference';
import { assignments } from './requests';

export const expenseKind = pgEnum('expense_kind', expenseKinds);
export const expensePayer = pgEnum('expense_payer', payers);
export const expenseStatus = pgEnum('expense_status', expenseStatuses);
export const bearingBodyKind = pgEnum('bearing_body_kind', bearingBodyKinds);
export const grantTaxMeasure = pgEnum('grant_tax_measure', grantTaxMeasures);
/** What the grant-tax table says of a line's category and bearing body. */
export const expenseEligibility = pgEnum('expense_eligibility', lineEligibilities);
export const expenseSource = pgEnum('expense_source', ['rate_schedule', 'manual', 'reversal']);

/** Rules are validated by the domain (services/domain/src/expenses/rates.ts) before they are stored. */
export type StoredRateRules = Record<string, unknown>;

/** An association's rates from a date on, until a later schedule takes over. Admins edit them. */
export const rateSchedules = pgTable(
  'rate_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    rules: jsonb('rules').$type<StoredRateRules>().notNull(),
    /** Made-up rates (the demo's): every screen that shows them says so. */
    illustrative: boolean('illustrative').notNull().default(false),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [uniqueIndex('rate_schedules_association_from').on(table.associationId, table.effectiveFrom)],
);

/** The rates in force when an assignment was confirmed, copied so that later edits do not change it. */
export const assignmentRates = pgTable('assignment_rates', {
  assignmentId: uuid('assignment_id')
    .primaryKey()
    .references(() => assignments.id, { onDelete: 'cascade' }),
  rateScheduleId: uuid('rate_schedule_id').references(() => rateSchedules.id, { onDelete: 'set null' }),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  rules: jsonb('rules').$type<StoredRateRules>().notNull(),
  illustrative: boolean('illustrative').notNull().default(false),
  copiedAt: timestamp('copied_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One amount of one dispatch, recorded against a grant-tax category and the local government that
 * bears it. A line in a closed period never changes: triggers in the migration refuse it, and keep
 * `expense_totals` and `expense_dispatches` equal to the lines in the same statement.
 */
export const expenseLines = pgTable(
  'expense_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    kind: expenseKind('kind').notNull(),
    /** Whole yen; negative only on a reversing line. */
    amountYen: integer('amount_yen').notNull(),
    payer: expensePayer('payer').notNull(),
    bearingGovernmentCode: text('bearing_government_code')
      .notNull()
      .references(() => localGovernments.code),
    bearingKind: bearingBodyKind('bearing_kind').notNull(),
    /** The activity's date in Japan; the fiscal year follows from it. */
    activityDate: date('activity_date', { mode: 'string' }).notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    grantTaxCategory: text('grant_tax_category').notNull(),
    measure: grantTaxMeasure('measure'),
    eligibility: expenseEligibility('eligibility').notNull(),
    /** Set when a coordinator chose another category than the request suggests. */
    categoryOverrideReason: text('category_override_reason'),
    status: expenseStatus('status').notNull().default('draft'),
    /** The request's language, for the reconciliation's languages. */
    languageCode: text('language_code')
      .notNull()
      .references(() => languages.code),
    /** The dispatch's working time, the same on every line of one assignment. */
    activityMinutes: integer('activity_minutes').notNull().default(0),
    source: expenseSource('source').notNull(),
    /** Lines made from an activity report: one per kind and payer, so that making them twice does nothing. */
    sourceKey: text('source_key').unique(),
    reversesLineId: uuid('reverses_line_id').unique(),
    /** Another live line of the same assignment, kind, payer and amount, found when this one was written. */
    duplicateOfLineId: uuid('duplicate_of_line_id'),
    note: text('note'),
    /** How the rates reached a priced line's amount, in both languages; shown where no note was written. */
    basis: jsonb('basis').$type<{ ja: string; en: string }>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    index('expense_lines_cell').on(
      table.associationId,
      table.fiscalYear,
      table.bearingGovernmentCode,
      table.grantTaxCategory,
      table.activityDate,
      table.id,
    ),
    index('expense_lines_assignment').on(table.assignmentId),
    // The anomalies, listed by date: each index is in the order of the list, so a page of it stops early.
    index('expense_lines_flagged_by_date')
      .on(table.associationId, table.fiscalYear, table.activityDate, table.id)
      .where(sql`${table.eligibility} = 'flagged'`),
    index('expense_lines_unapproved_by_date')
      .on(table.associationId, table.fiscalYear, table.activityDate, table.id)
      .where(sql`${table.status} in ('draft', 'submitted')`),
    index('expense_lines_duplicates_by_date')
      .on(table.associationId, table.fiscalYear, table.activityDate, table.id)
      .where(sql`${table.duplicateOfLineId} is not null`),
    check('expense_lines_category', sql`${table.grantTaxCategory} in ('1','2','3','4','5','6','7','G','N')`),
    check(
      'expense_lines_sign',
      sql`(${table.reversesLineId} is null and ${table.amountYen} > 0) or (${table.reversesLineId} is not null and ${table.amountYen} < 0)`,
    ),
    check(
      'expense_lines_fiscal_year',
      sql`${table.fiscalYear} = extract(year from ${table.activityDate} - interval '3 months')`,
    ),
    check('expense_lines_minutes', sql`${table.activityMinutes} >= 0`),
  ],
);

export const expenseLineAction = pgEnum('expense_line_action', [
  'created',
  'edited',
  'submitted',
  'approved',
  'paid',
  'category_overridden',
  'reversed',
]);

/** Who changed a line, when, and how. */
export const expenseLineEvents = pgTable(
  'expense_line_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => expenseLines.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: expenseLineAction('action').notNull(),
    detail: text('detail'),
  },
  (table) => [index().on(table.lineId, table.at)],
);

/**
 * A fiscal year (month 0) or one calendar month of it (1–12) that a coordinator closed. A period is
 * closed while a closure without `reopened_at` exists; reopening is an admin's, with a reason.
 */
export const fiscalPeriodClosures = pgTable(
  'fiscal_period_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    fiscalYear: smallint('fiscal_year').notNull(),
    month: smallint('month').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedBy: uuid('reopened_by').references(() => users.id, { onDelete: 'set null' }),
    reopenReason: text('reopen_reason'),
  },
  (table) => [
    uniqueIndex('fiscal_period_closures_open')
      .on(table.associationId, table.fiscalYear, table.month)
      .where(sql`${table.reopenedAt} is null`),
    check('fiscal_period_closures_month', sql`${table.month} between 0 and 12`),
  ],
);

/** The sums of the lines per cell of the reconciliation, kept by trigger in the statement that writes the lines. */
export const expenseTotals = pgTable(
  'expense_totals',
  {
    associationId: uuid('association_id').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    bearingGovernmentCode: text('bearing_government_code').notNull(),
    grantTaxCategory: text('grant_tax_category').notNull(),
    kind: expenseKind('kind').notNull(),
    status: expenseStatus('status').notNull(),
    amountYen: bigint('amount_yen', { mode: 'number' }).notNull(),
    lines: integer('lines').notNull(),
  },
  (table) => [
    primaryKey({
      columns: [
        table.associationId,
        table.fiscalYear,
        table.bearingGovernmentCode,
        table.grantTaxCategory,
        table.kind,
        table.status,
      ],
    }),
  ],
);

/** Each assignment with lines in a cell, once: the dispatches, hours and languages of the cell. Kept by trigger. */
export const expenseDispatches = pgTable(
  'expense_dispatches',
  {
    associationId: uuid('association_id').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    bearingGovernmentCode: text('bearing_government_code').notNull(),
    grantTaxCategory: text('grant_tax_category').notNull(),
    assignmentId: uuid('assignment_id').notNull(),
    languageCode: text('language_code').notNull(),
    activityMinutes: integer('activity_minutes').notNull(),
    lines: integer('lines').notNull(),
    /** What `lines` and `activity_minutes` were before the trigger's last change, for `expense_dispatch_totals`. */
    previousLines: integer('previous_lines').notNull().default(0),
    previousMinutes: integer('previous_minutes').notNull().default(0),
  },
  (table) => [
    primaryKey({
      columns: [
        table.associationId,
        table.fiscalYear,
        table.bearingGovernmentCode,
        table.grantTaxCategory,
        table.assignmentId,
      ],
    }),
  ],
);

/**
 * The dispatches and minutes per cell and language, summed from `expense_dispatches` by the same
 * trigger: a year's report reads a few thousand rows, not a row per dispatch.
 */
export const expenseDispatchTotals = pgTable(
  'expense_dispatch_totals',
  {
    associationId: uuid('association_id').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    bearingGovernmentCode: text('bearing_government_code').notNull(),
    grantTaxCategory: text('grant_tax_category').notNull(),
    languageCode: text('language_code').notNull(),
    dispatches: integer('dispatches').notNull(),
    minutes: bigint('minutes', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({
      columns: [
        table.associationId,
        table.fiscalYear,
        table.bearingGovernmentCode,
        table.grantTaxCategory,
        table.languageCode,
      ],
    }),
  ],
);

export const exportFormat = pgEnum('export_format', ['csv', 'xlsx']);
export const exportDetail = pgEnum('export_detail', ['summary', 'lines']);
export const exportStatus = pgEnum('export_status', ['ready', 'running', 'finished', 'failed']);

/**
 * A reconciliation export a coordinator asked for: what it holds, and how far its download got, so
 * that a web client can show progress whichever API process serves the download.
 */
export const reconciliationExports = pgTable(
  'reconciliation_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fiscalYear: smallint('fiscal_year').notNull(),
    bearingGovernmentCode: text('bearing_government_code'),
    format: exportFormat('format').notNull(),
    detail: exportDetail('detail').notNull(),
    headerLanguage: text('header_language').notNull(),
    rowsExpected: integer('rows_expected').notNull(),
    rowsWritten: integer('rows_written').notNull().default(0),
    status: exportStatus('status').notNull().default('ready'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index().on(table.requestedBy, table.createdAt)],
);
