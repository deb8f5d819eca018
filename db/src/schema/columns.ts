import { timestamp } from 'drizzle-orm/pg-core';

/** Creation and last-change times, spread into every table that records them. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
