import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users, volunteers } from './people';
import { assignments, requests } from './requests';

export const offerStatus = pgEnum('offer_status', ['offered', 'accepted', 'declined', 'expired', 'withdrawn']);

/**
 * A request offered to one volunteer, by the dispatch workflow (in waves) or by a coordinator by
 * hand. A volunteer holds at most one open offer per request.
 */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    /** The wave it went out in; 0 for an offer a coordinator made by hand. */
    wave: smallint('wave').notNull(),
    status: offerStatus('status').notNull().default('offered'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    offeredBy: uuid('offered_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('offers_one_open_per_volunteer_and_request')
      .on(table.requestId, table.volunteerId)
      .where(sql`${table.status} = 'offered'`),
    index().on(table.requestId, table.status),
    index().on(table.volunteerId, table.status, table.deadline),
  ],
);

/**
 * After the activity each side reports: the volunteer (actual times, transport fare, notes) and the
 * requester (whether it took place as planned, satisfaction, remarks). A coordinator approves them.
 * The expenses work reads this shape.
 */
export const activityReports = pgTable(
  'activity_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    kind: text('kind').$type<'volunteer' | 'requester'>().notNull(),
    actualStart: timestamp('actual_start', { withTimezone: true }),
    actualEnd: timestamp('actual_end', { withTimezone: true }),
    transportFareYen: integer('transport_fare_yen'),
    notes: text('notes'),
    tookPlace: boolean('took_place'),
    satisfaction: smallint('satisfaction'),
    remarks: text('remarks'),
    filedBy: uuid('filed_by').references(() => users.id),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
  },
  (table) => [
    unique('activity_reports_one_per_kind').on(table.assignmentId, table.kind),
    check('activity_reports_kind', sql`${table.kind} in ('volunteer', 'requester')`),
    check('activity_reports_satisfaction', sql`${table.satisfaction} between 1 and 5`),
  ],
);
