import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { associations, locale, users, volunteers } from './people';

/** `withheld`: the recipient asked not to get this kind by e-mail; it went to their inbox only. */
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed', 'withheld']);

/**
 * Every message Tsunagu sends, written in the same transaction as the change that causes it. A
 * delivery step sends what is pending; the idempotency key makes a second write of the same
 * message a no-op.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    recipientUserId: uuid('recipient_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The association the message is about; null for an account's own (a password reset). */
    associationId: uuid('association_id').references(() => associations.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    locale: locale('locale').notNull(),
    template: text('template').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /**
     * Not to be taken before this instant: while a delivery step sends the row (its lease, so a
     * concurrent step skips it and a crashed one is retried), or after a failure (the back-off).
     */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [index().on(table.status, table.createdAt), index().on(table.recipientUserId)],
);

/** In-app messages: what was e-mailed, readable in the app too. */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: uuid('outbox_id')
      .notNull()
      .unique()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  // The second: the unread counts of the navigation, asked for on every page.
  (table) => [
    index().on(table.userId, table.createdAt),
    index('inbox_messages_unread_idx').on(table.userId).where(sql`${table.readAt} is null`),
  ],
);

/**
 * The kinds of message a person does not want by e-mail (services/src/notifications/topics.ts
 * names them). Their inbox gets every message all the same.
 */
export const emailOptOuts = pgTable(
  'email_opt_outs',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.topic] })],
);

/**
 * The embedded default's mail catcher: what its local SMTP server received, for the admins of the
 * association a message is about to read. Who it was sent to and what it is about come from the
 * outbox row its Message-ID names (null for a message Tsunagu did not write).
 */
export const caughtEmails = pgTable(
  'caught_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id').references(() => associations.id, { onDelete: 'cascade' }),
    /** The account of the address it was sent to, when there was one: only they see its links whole. */
    recipientUserId: uuid('recipient_user_id').references(() => users.id, { onDelete: 'cascade' }),
    fromAddress: text('from_address').notNull(),
    toAddresses: text('to_addresses').array().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.associationId, table.receivedAt)],
);

/**
 * A volunteer's calendar subscription: calendar programs fetch the feed without a session, so the
 * URL carries a secret token (kept here only as its SHA-256). Renewing it replaces the old one.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  volunteerId: uuid('volunteer_id')
    .primaryKey()
    .references(() => volunteers.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
