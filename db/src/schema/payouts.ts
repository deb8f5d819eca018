import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, timestamps } from './columns';
import { bankAccountTypes, payoutRunStatuses } from './domain-values';
import { expenseLines } from './expenses';
import { associations, users, volunteers } from './people';

export const bankAccountType = pgEnum('bank_account_type', bankAccountTypes);
export const payoutRunStatus = pgEnum('payout_run_status', payoutRunStatuses);

/**
 * Where a volunteer is paid, or that they decline payment (then nothing is withheld or transferred).
 * One per volunteer, whichever associations pay them. Bank and branch were found in the bank code
 * data when written; their kana names are its.
 */
export const payoutAccounts = pgTable(
  'payout_accounts',
  {
    volunteerId: uuid('volunteer_id')
      .primaryKey()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    declinesPayment: boolean('declines_payment').notNull().default(false),
    bankCode: text('bank_code'),
    bankKana: text('bank_kana'),
    branchCode: text('branch_code'),
    branchKana: text('branch_kana'),
    accountType: bankAccountType('account_type'),
    accountNumber: text('account_number'),
    holderKana: text('holder_kana'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    check(
      'payout_accounts_complete',
      sql`${table.declinesPayment} or (${table.bankCode} is not null and ${table.branchCode} is not null and ${table.accountType} is not null and ${table.accountNumber} is not null and ${table.holderKana} is not null)`,
    ),
  ],
);

/**
 * A volunteer's individual number (マイナンバー), encrypted under a data key of its own (AES-256-GCM),
 * the data key wrapped under the master key of the configuration. Only a payout role reads it, and
 * every read is audited.
 */
export const individualNumbers = pgTable('individual_numbers', {
  volunteerId: uuid('volunteer_id')
    .primaryKey()
    .references(() => volunteers.id, { onDelete: 'cascade' }),
  /** The master key's identifier, so that keys can be rotated. */
  keyId: text('key_id').notNull(),
  wrappedKey: bytea('wrapped_key').notNull(),
  ciphertext: bytea('ciphertext').notNull(),
  /** The address the payment statement names, given with the number (the statement needs both). */
  address: text('address'),
  ...timestamps,
});

/** An association's side of its payouts: its bank account for the Zengin header, and its withholding setting. */
export const payoutSettings = pgTable('payout_settings', {
  associationId: uuid('association_id')
    .primaryKey()
    .references(() => associations.id, { onDelete: 'cascade' }),
  /** The association's code at its bank for transfer files (委託者コード). */
  requesterCode: text('requester_code').notNull(),
  requesterKana: text('requester_kana').notNull(),
  bankCode: text('bank_code').notNull(),
  bankKana: text('bank_kana').notNull(),
  branchCode: text('branch_code').notNull(),
  branchKana: text('branch_kana').notNull(),
  accountType: bankAccountType('account_type').notNull(),
  accountNumber: text('account_number').notNull(),
  /** Whether fares paid to volunteers count in the withheld payment (所得税基本通達 204-2; off only when the association pays carriers directly, 204-4). */
  withholdOnTransport: boolean('withhold_on_transport').notNull().default(true),
  /** The payer on the yearly payment statements (支払者): its address, telephone and 法人番号 (13 digits). */
  payerAddress: text('payer_address'),
  payerPhone: text('payer_phone'),
  corporateNumber: text('corporate_number'),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
});

/** The association staff an admin allowed to build, approve and confirm payout runs and to read individual numbers. */
export const payoutStaff = pgTable(
  'payout_staff',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.associationId, table.userId] }), index().on(table.userId)],
);

/**
 * A month's payments to volunteers. Built, it may be rebuilt; approved, its Zengin file is fixed;
 * confirmed, its lines are paid and it never changes again (a correction is a new run that reverses it).
 */
export const payoutRuns = pgTable(
  'payout_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    status: payoutRunStatus('status').notNull().default('built'),
    transferDate: date('transfer_date', { mode: 'string' }).notNull(),
    /** The confirmed run this one corrects: its payments are negative and reverse some of that run's lines. */
    reversesRunId: uuid('reverses_run_id').references((): AnyPgColumn => payoutRuns.id),
    /** Why the correction was made, in the staff's words. */
    reason: text('reason'),
    linesCount: integer('lines_count').notNull(),
    grossYen: integer('gross_yen').notNull(),
    withheldYen: integer('withheld_yen').notNull(),
    netYen: integer('net_yen').notNull(),
    builtBy: uuid('built_by').references(() => users.id, { onDelete: 'set null' }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index().on(table.associationId, table.year, table.month),
    index().on(table.reversesRunId),
    check('payout_runs_correction', sql`(${table.reversesRunId} is null) = (${table.reason} is null)`),
    check('payout_runs_month', sql`${table.month} between 1 and 12`),
    check('payout_runs_totals', sql`${table.grossYen} = ${table.netYen} + ${table.withheldYen}`),
  ],
);

/** One volunteer's payment in a run: the gross, the part withheld on, the tax withheld, the net transferred. */
export const payoutPayments = pgTable(
  'payout_payments',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => payoutRuns.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    grossYen: integer('gross_yen').notNull(),
    subjectYen: integer('subject_yen').notNull(),
    withheldYen: integer('withheld_yen').notNull(),
    netYen: integer('net_yen').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.volunteerId] }),
    index().on(table.volunteerId),
    check('payout_payments_totals', sql`${table.grossYen} = ${table.netYen} + ${table.withheldYen}`),
  ],
);

/**
 * The lines a run pays. A line is in one run at most that is not reversed: the partial unique index
 * holds even when two runs are built at the same moment (the second's insert fails, and the service
 * says the lines were taken). A correction marks the lines it reverses; once it is confirmed they are
 * reversed, and free for a run again.
 */
export const payoutRunLines = pgTable(
  'payout_run_lines',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => payoutRuns.id, { onDelete: 'cascade' }),
    lineId: uuid('line_id')
      .notNull()
      .references(() => expenseLines.id),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    /** The correction that reverses this line (a discarded correction lets go of it). */
    reversedByRunId: uuid('reversed_by_run_id').references(() => payoutRuns.id, { onDelete: 'set null' }),
    /** Its correction is confirmed: the line was paid back, and may be paid again. */
    reversed: boolean('reversed').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.lineId] }),
    uniqueIndex('payout_run_lines_once').on(table.lineId).where(sql`not ${table.reversed}`),
    index().on(table.reversedByRunId),
    check('payout_run_lines_reversed', sql`not ${table.reversed} or ${table.reversedByRunId} is not null`),
  ],
);
