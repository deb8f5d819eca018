import { bigserial, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people';

export const auditAction = pgEnum('audit_action', ['read', 'create', 'update', 'delete']);

/** Who read or changed personal data, and when (APPI). Names the fields, never their values. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: auditAction('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    fields: text('fields').array().notNull(),
    reason: text('reason'),
    /**
     * The associations whose admins read this row: those the subject belongs to, as the act
     * reached it. Empty for an account of no association (a password reset, say).
     */
    associationIds: uuid('association_ids').array().notNull().default([]),
  },
  (table) => [
    index().using('gin', table.associationIds),
    index().on(table.subjectType, table.subjectId),
    index().on(table.actorUserId, table.at),
    index().on(table.at),
  ],
);
