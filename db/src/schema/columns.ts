import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Creation and last-change times, spread into every table that records them. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A set of integer ranges, as PostgreSQL writes it: `{[540,1020),[1980,2460)}`. */
export const int4multirange = customType<{ data: string; driverData: string }>({
  dataType: () => 'int4multirange',
});

/** Raw bytes (postgres.js hands back a Buffer, PGlite a Uint8Array: both are Uint8Arrays). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
