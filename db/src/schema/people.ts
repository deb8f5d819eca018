import { sql } from 'drizzle-orm';
import {
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
import { int4multirange, timestamps } from './columns';
import { organizationTypes } from './domain-values';
import { languages, localGovernments } from './reference';

export const locale = pgEnum('locale', ['ja', 'en']);

/** Everyone who signs in. What they may do follows from their links below, not from a role column. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    locale: locale('locale').notNull().default('ja'),
    /** argon2id; null until the person sets a password (an invitation not yet accepted). */
    passwordHash: text('password_hash'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /**
     * When the person's personal data was erased (on request, or after the retention period): the
     * row stays, under a pseudonym, so that the expense lines and the audit log keep pointing at it.
     */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [uniqueIndex('users_email_idx').on(table.email)],
);

/** Per-association settings; the domain reads and validates them (services/domain/src/associations). */
export type AssociationPolicy = Record<string, unknown>;

/** A dispatching body: a prefectural or municipal international association, say. */
export const associations = pgTable('associations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  localGovernmentCode: text('local_government_code')
    .notNull()
    .references(() => localGovernments.code),
  policy: jsonb('policy').$type<AssociationPolicy>().notNull().default({}),
  ...timestamps,
});

export const partnershipStatus = pgEnum('partnership_status', ['proposed', 'accepted']);

/**
 * A partnership: the association may open its requests to the partner's volunteers (disaster mode
 * does so). Its admin proposes; only once the partner's admin accepts does it open anything.
 * Declining or ending it removes the row.
 */
export const associationPartners = pgTable(
  'association_partners',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    status: partnershipStatus('status').notNull().default('proposed'),
    /** The admin who proposed it; null once they are gone, or for a row older than consent. */
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.associationId, table.partnerId] }),
    check('association_partners_not_self', sql`${table.associationId} <> ${table.partnerId}`),
    check(
      'association_partners_accepted_when',
      sql`(${table.status} = 'accepted') = (${table.acceptedAt} is not null)`,
    ),
    index().on(table.partnerId),
  ],
);

export const staffRole = pgEnum('staff_role', ['coordinator', 'admin']);

/** The foundation's staff: coordinators, and admins (who may also coordinate). */
export const associationStaff = pgTable(
  'association_staff',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: staffRole('role').notNull(),
  },
  (table) => [primaryKey({ columns: [table.associationId, table.userId] }), index().on(table.userId)],
);

export const organizationType = pgEnum('organization_type', organizationTypes);

export const organizationStatus = pgEnum('organization_status', [
  'applied',
  'approved',
  'rejected',
  'suspended',
  /** No longer served: its contact is anonymised after the association's retention period. */
  'closed',
]);

/** A public body that requests interpreters, served by one association. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    name: text('name').notNull(),
    type: organizationType('type').notNull(),
    localGovernmentCode: text('local_government_code')
      .notNull()
      .references(() => localGovernments.code),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    address: text('address'),
    status: organizationStatus('status').notNull().default('applied'),
    /** Requests from a trusted organization may skip screening, if the association's policy says so. */
    trusted: boolean('trusted').notNull().default(false),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When its contact and its staff were anonymised, a retention period after it closed. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index().on(table.associationId, table.status), index().on(table.localGovernmentCode)],
);

/** Requesting staff: a user belongs to at most one organization. */
export const organizationStaff = pgTable(
  'organization_staff',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
  },
  (table) => [index().on(table.organizationId)],
);

export const volunteerStatus = pgEnum('volunteer_status', ['applied', 'active', 'suspended', 'retired']);

export const specialty = pgEnum('specialty', [
  'medical',
  'legal',
  'education',
  'disaster',
  'welfare',
  'residence_procedures',
]);

/** One profile per volunteer, whatever the number of associations they serve. */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    phone: text('phone'),
    /** The municipality travel distance is measured from. */
    homeLocalGovernmentCode: text('home_local_government_code')
      .notNull()
      .references(() => localGovernments.code),
    maxTravelKm: integer('max_travel_km'),
    remoteCapable: boolean('remote_capable').notNull().default(false),
    specialties: specialty('specialties').array().notNull().default(sql`'{}'`),
    /** Assignments per calendar month at most; null for no cap. */
    monthlyCap: smallint('monthly_cap'),
    holidaysOff: boolean('holidays_off').notNull().default(false),
    status: volunteerStatus('status').notNull().default('applied'),
    /** When the status became `retired`: the retention period runs from here. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    /** Signed once; the duty of confidentiality outlives the membership. */
    confidentialityPledgeSignedAt: timestamp('confidentiality_pledge_signed_at', { withTimezone: true }),
    insuranceEnrolledUntil: date('insurance_enrolled_until', { mode: 'string' }),
    registrationExpiresOn: date('registration_expires_on', { mode: 'string' }),
    ...timestamps,
  },
  (table) => [
    index().on(table.status),
    index().on(table.homeLocalGovernmentCode),
    // The coordinators' list pages newest first (createdAt, then id, into the cursor): walking this
    // index backwards stops after a page instead of sorting every volunteer. Ascending, because its
    // backward order is `desc nulls first`, the order the list query asks for.
    index().on(table.createdAt, table.id),
    check('volunteers_monthly_cap_positive', sql`${table.monthlyCap} is null or ${table.monthlyCap} > 0`),
    check('volunteers_max_travel_positive', sql`${table.maxTravelKm} is null or ${table.maxTravelKm} >= 0`),
  ],
);

export const membershipStatus = pgEnum('membership_status', ['applied', 'active', 'suspended', 'left']);

export const volunteerMemberships = pgTable(
  'volunteer_memberships',
  {
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    status: membershipStatus('status').notNull().default('applied'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the status became `left`. */
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.volunteerId, table.associationId] }),
    index().on(table.associationId),
    // Matching checks each candidate's active memberships from the index alone.
    index('volunteer_memberships_active_index')
      .on(table.volunteerId, table.associationId)
      .where(sql`${table.status} = 'active'`),
  ],
);

export const languageLevel = pgEnum('language_level', ['native', 'fluent', 'business', 'conversational']);
export const languageDirection = pgEnum('language_direction', [
  'interpretation',
  'translation_into_japanese',
  'translation_from_japanese',
]);

export const volunteerLanguages = pgTable(
  'volunteer_languages',
  {
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    languageCode: text('language_code')
      .notNull()
      .references(() => languages.code),
    level: languageLevel('level').notNull(),
    directions: languageDirection('directions').array().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.volunteerId, table.languageCode] }),
    // Matching reads a language's speakers from this index alone (an index-only scan): the level
    // and directions it filters on are in it, and the volunteer it joins on.
    index('volunteer_languages_speakers_index').on(
      table.languageCode,
      table.level,
      table.volunteerId,
      table.directions,
    ),
    check('volunteer_languages_some_direction', sql`cardinality(${table.directions}) > 0`),
  ],
);

/** Where a volunteer goes: a municipality, or a whole prefecture by its code. */
export const volunteerRegions = pgTable(
  'volunteer_regions',
  {
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    localGovernmentCode: text('local_government_code')
      .notNull()
      .references(() => localGovernments.code),
  },
  (table) => [
    primaryKey({ columns: [table.volunteerId, table.localGovernmentCode] }),
    // Matching reads who covers a place from the index alone.
    index('volunteer_regions_coverage_index').on(table.localGovernmentCode, table.volunteerId),
  ],
);

export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    /** What matching checks a requirement against, e.g. `medical_interpreter`. */
    kind: text('kind').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    /** Valid through this day; null for no expiry. */
    expiresOn: date('expires_on', { mode: 'string' }),
    ...timestamps,
  },
  (table) => [index().on(table.volunteerId), index().on(table.kind)],
);

/** A weekly window, in minutes after midnight Asia/Tokyo; weekday 1 = Monday … 7 = Sunday. */
export const availabilityWindows = pgTable(
  'availability_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
  },
  (table) => [
    index().on(table.volunteerId, table.weekday),
    // Matching: who is free on a weekday at a time, from the index alone.
    index('availability_windows_free_index').on(table.weekday, table.volunteerId, table.startMinute, table.endMinute),
    check('availability_weekday', sql`${table.weekday} between 1 and 7`),
    check(
      'availability_minutes',
      sql`${table.startMinute} >= 0 and ${table.endMinute} <= 1440 and ${table.startMinute} < ${table.endMinute}`,
    ),
  ],
);

/** Dates a volunteer is away, inclusive. */
export const daysOff = pgTable(
  'days_off',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
  },
  (table) => [index().on(table.volunteerId), check('days_off_order', sql`${table.startsOn} <= ${table.endsOn}`)],
);

export const banDirection = pgEnum('ban_direction', [
  'organization_declines_volunteer',
  'volunteer_declines_organization',
]);

export const bans = pgTable(
  'bans',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    direction: banDirection('direction').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.volunteerId, table.direction] }),
    index().on(table.volunteerId),
  ],
);

/**
 * What matching reads a request's speakers from: one row per association a volunteer is an active
 * member of and language they speak, with their weekly free time. Kept by triggers from
 * volunteer_languages, volunteer_memberships and availability_windows (migration
 * matching_speakers) and never written by the application. Reading an association's speakers of a
 * language from one index range, with the free time beside them, replaced probing the memberships
 * and the windows of every speaker of the language (pnpm bench matching).
 */
export const matchingSpeakers = pgTable(
  'matching_speakers',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    languageCode: text('language_code')
      .notNull()
      .references(() => languages.code),
    level: languageLevel('level').notNull(),
    directions: languageDirection('directions').array().notNull(),
    /**
     * The weekly windows as minutes of the week from Monday 00:00 Asia/Tokyo, merged: windows that
     * touch are one (Saturday until midnight and Sunday from midnight hold a night's work).
     */
    weeklyFree: int4multirange('weekly_free').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.associationId, table.languageCode, table.volunteerId] }),
    // Read from this index alone (an index-only scan): every column matching filters on is in it.
    index('matching_speakers_read_index').on(
      table.associationId,
      table.languageCode,
      table.level,
      table.volunteerId,
      table.directions,
      table.weeklyFree,
    ),
    index().on(table.volunteerId),
  ],
);
