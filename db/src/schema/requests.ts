import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import {
  cancellationParties,
  cancellationReasons,
  dispatchStages,
  modalities,
  requestPurposes,
  scopeRules,
  volumeUnits,
  withdrawalReasons,
} from './domain-values';
import { associations, organizations, specialty, users, volunteers } from './people';
import { languages, localGovernments } from './reference';

export const modality = pgEnum('modality', modalities);

export const requestPurpose = pgEnum('request_purpose', requestPurposes);

/** Why a request was cancelled or a booking released, as the one who did it chose (with a note). */
export const cancellationReason = pgEnum('cancellation_reason', cancellationReasons);
export const cancellationParty = pgEnum('cancellation_party', cancellationParties);
/** Why a booked volunteer withdrew, as they chose. */
export const withdrawalReason = pgEnum('withdrawal_reason', withdrawalReasons);

export const requestStatus = pgEnum('request_status', [
  /** Filed, waiting for a coordinator's screening. */
  'filed',
  /** Screened and open for offers. */
  'open',
  /** Every interpreter needed is confirmed. */
  'filled',
  'cancelled',
  'rejected',
  'completed',
]);

/**
 * Where the dispatch workflow has carried a request, mirrored from it so that lists and
 * dashboards read SQL, not Temporal.
 */
export const dispatchStage = pgEnum('dispatch_stage', dispatchStages);

/** How an association routes a sensitive request (medical, legal, emergency, infection risk). */
export const requestRouting = pgEnum('request_routing', scopeRules);

export const translationDirection = pgEnum('translation_direction', ['into_japanese', 'from_japanese']);
export const volumeUnit = pgEnum('volume_unit', volumeUnits);

/** A weekly series; each occurrence is a request of its own that can be changed on its own. */
export const requestSeries = pgTable('request_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  weekday: smallint('weekday').notNull(),
  startTime: text('start_time').notNull(),
  endTime: text('end_time').notNull(),
  firstDate: date('first_date', { mode: 'string' }).notNull(),
  lastDate: date('last_date', { mode: 'string' }).notNull(),
  /** Set when a change "from this date on" split it: the series it continues. */
  continuesSeriesId: uuid('continues_series_id'),
  ...timestamps,
});

export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    filedBy: uuid('filed_by').references(() => users.id, { onDelete: 'set null' }),
    seriesId: uuid('series_id').references(() => requestSeries.id, { onDelete: 'set null' }),
    status: requestStatus('status').notNull().default('filed'),
    modality: modality('modality').notNull(),
    /** The language besides Japanese; for X ↔ Y, X. */
    languageCode: text('language_code')
      .notNull()
      .references(() => languages.code),
    /** `ja` for Japanese ↔ X; for X ↔ Y, Y. */
    pairLanguageCode: text('pair_language_code')
      .notNull()
      .default('ja')
      .references(() => languages.code),
    translationDirection: translationDirection('translation_direction'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** Translation: when the translated document is due, and how much there is. */
    deadline: timestamp('deadline', { withTimezone: true }),
    volume: integer('volume'),
    volumeUnit: volumeUnit('volume_unit'),
    localGovernmentCode: text('local_government_code').references(() => localGovernments.code),
    venue: text('venue'),
    address: text('address'),
    remoteJoinInstructions: text('remote_join_instructions'),
    purpose: requestPurpose('purpose').notNull(),
    specialty: specialty('specialty'),
    interpretersNeeded: smallint('interpreters_needed').notNull().default(1),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone'),
    /** May name the foreign resident served: personal data, audited when read. */
    notes: text('notes'),
    urgent: boolean('urgent').notNull().default(false),
    /** Why coordinators should look: `urgent_short_notice`, `medical`, `legal`, `emergency`, `infection_risk`. */
    flags: text('flags').array().notNull().default(sql`'{}'`),
    routing: requestRouting('routing').notNull().default('normal'),
    /** Set by routing `certified_only`: the certificate kind a volunteer must hold on the day. */
    requiredCertificateKind: text('required_certificate_kind'),
    emergency: boolean('emergency').notNull().default(false),
    infectionRisk: boolean('infection_risk').notNull().default(false),
    /** The day by which the requester must know whether someone goes. */
    answerBy: date('answer_by', { mode: 'string' }),
    /** Suggested by the purpose; a coordinator may override it (issue 6 audits that). */
    grantTaxCategory: text('grant_tax_category').notNull(),
    /** Partner associations' volunteers may be matched too. */
    openToPartners: boolean('open_to_partners').notNull().default(false),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Who cancelled, why (from the list) and in their words; shown to the other side, counted in a report. */
    cancelledBy: cancellationParty('cancelled_by'),
    cancellationReason: cancellationReason('cancellation_reason'),
    cancellationNote: text('cancellation_note'),
    dispatchStage: dispatchStage('dispatch_stage').notNull().default('screening'),
    /** The wave of offers last sent; 0 before the first. */
    dispatchWave: smallint('dispatch_wave').notNull().default(0),
    /** When the search was widened to remote and neighbouring areas. */
    widenedAt: timestamp('widened_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** Approval or rejection at screening; null by-user means the policy approved it. */
    screenedAt: timestamp('screened_at', { withTimezone: true }),
    screenedBy: uuid('screened_by').references(() => users.id, { onDelete: 'set null' }),
    rejectionReason: text('rejection_reason'),
    /** When the contact person and the notes were erased, a set time after the activity (policy). */
    particularsErasedAt: timestamp('particulars_erased_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index().on(table.organizationId, table.startsAt),
    index().on(table.associationId, table.dispatchStage),
    index().on(table.associationId, table.status, table.startsAt),
    index().on(table.seriesId),
    check('requests_window', sql`${table.startsAt} is null or ${table.endsAt} > ${table.startsAt}`),
    check('requests_interpreters', sql`${table.interpretersNeeded} between 1 and 20`),
    check(
      'requests_shape',
      sql`(${table.modality} = 'translation' and ${table.deadline} is not null)
        or (${table.modality} <> 'translation' and ${table.startsAt} is not null and ${table.endsAt} is not null)`,
    ),
  ],
);

export const assignmentStatus = pgEnum('assignment_status', [
  'confirmed',
  'released',
  'cancelled',
  'completed',
  'no_show',
]);

/**
 * A volunteer booked for a request. The busy range (the request's window widened by the travel
 * buffer; none for a translation) of a volunteer's confirmed assignments may never overlap: an exclusion constraint in
 * the migration guarantees it, whatever the code above it does.
 */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    status: assignmentStatus('status').notNull().default('confirmed'),
    /** Null for a translation: it is done at the volunteer's own pace and blocks no time. */
    busyFrom: timestamp('busy_from', { withTimezone: true }),
    busyUntil: timestamp('busy_until', { withTimezone: true }),
    /** The coordinator who assigned by hand; null when the volunteer accepted an offer. */
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    /** When the volunteer confirmed again, a day or two before. */
    reconfirmedAt: timestamp('reconfirmed_at', { withTimezone: true }),
    /** The cutoff the volunteer was asked to reconfirm by; null until asked (set by the workflow). */
    reconfirmBy: timestamp('reconfirm_by', { withTimezone: true }),
    /** Why a released assignment was let go: `not_reconfirmed`, `time_changed`, `coordinator`. */
    releaseReason: text('release_reason'),
    /** A coordinator's reason for releasing the volunteer before the day (from the list), and their words. */
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releaseCause: cancellationReason('release_cause'),
    releaseNote: text('release_note'),
    /** The volunteer's own reason for withdrawing before the day, and their words. */
    withdrawalReason: withdrawalReason('withdrawal_reason'),
    withdrawalNote: text('withdrawal_note'),
    /** When the request was cancelled while this volunteer was booked, and how many hours ahead. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancellationNoticeHours: integer('cancellation_notice_hours'),
    /** The share of the honorarium a late cancellation owes by the association's policy (0–100). */
    cancellationFeePercent: smallint('cancellation_fee_percent'),
    ...timestamps,
  },
  (table) => [
    index().on(table.volunteerId, table.busyFrom),
    index().on(table.requestId),
    // Matching counts a volunteer's work and no-shows by when they started, from these alone.
    index('assignments_worked_index')
      .on(table.volunteerId, table.busyFrom, table.requestId)
      .where(sql`${table.status} in ('confirmed', 'completed')`),
    index('assignments_no_shows_index')
      .on(table.volunteerId, table.busyFrom, table.requestId)
      .where(sql`${table.status} = 'no_show'`),
    uniqueIndex('assignments_one_active_per_volunteer_and_request')
      .on(table.requestId, table.volunteerId)
      .where(sql`${table.status} = 'confirmed'`),
    check('assignments_busy_order', sql`${table.busyUntil} > ${table.busyFrom}`),
    check('assignments_busy_whole', sql`(${table.busyFrom} is null) = (${table.busyUntil} is null)`),
    check('assignments_cancellation_fee', sql`${table.cancellationFeePercent} between 0 and 100`),
  ],
);

/** Volunteers who put themselves forward from the open board. */
export const applications = pgTable(
  'request_applications',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('request_applications_pk').on(table.requestId, table.volunteerId)],
);
