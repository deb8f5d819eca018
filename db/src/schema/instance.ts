import { sql } from 'drizzle-orm';
import { check, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row describing this installation: when its data was first created and, once demo data is
 * loaded, when. It lets a restart tell a fresh data folder from an existing one.
 */
export const instance = pgTable(
  'instance',
  {
    id: integer('id').primaryKey().default(1),
    installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
    seededAt: timestamp('seeded_at', { withTimezone: true }),
  },
  (table) => [check('instance_single_row', sql`${table.id} = 1`)],
);
