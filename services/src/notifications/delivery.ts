import { type Db, schema } from '@tsunagu/db';
import { type Clock, type EmailMessage, isEmailTemplate, renderEmail, topicOf } from '@tsunagu/domain';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { createTransport, type Transporter } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Logger } from '../logger';
import { calendarEventOf, type RenderedCalendar, renderCalendarEvent } from './calendar-event';
import { announceInboxChange } from './inbox';

/** What delivery needs of a mail transport: nodemailer's `sendMail`. */
export type MailTransport = Pick<Transporter, 'sendMail'>;

export interface DeliveryDependencies {
  db: Db;
  transport: MailTransport;
  clock: Clock;
  logger: Logger;
  /** The From header, `Tsunagu <no-reply@example.jp>`. */
  from: string;
  /** Where the e-mailed links point. */
  publicUrl: string;
  /** Attempts before a message is given up as failed. */
  maxAttempts?: number;
  /** Rows taken per call. */
  batchSize?: number;
}

export const defaultMaxAttempts = 5;
export const defaultBatchSize = 20;

/**
 * How long a step may take to send a row before another step may take it again. Far longer than
 * the transport's own time-outs (see createMailTransport), so only a crashed step's rows come back.
 */
const leaseMinutes = 10;

/** Back-off after a failed attempt: 1, 2, 4, 8… minutes. */
export function retryDelayMinutes(attempts: number): number {
  return 2 ** Math.max(0, attempts - 1);
}

/** An SMTP transport for an `smtp://` or `smtps://` URL, with time-outs short enough for the lease above. */
export function createMailTransport(url: string): MailTransport {
  return createTransport(
    new SMTPTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
  );
}

/**
 * Sends the pending e-mails once each: rows are claimed by one UPDATE … RETURNING over rows locked
 * with SKIP LOCKED, which pushes their next attempt past a lease; so a concurrent step (another
 * process, or an overlapping call) never takes them, and no transaction stays open while SMTP
 * talks (PGlite has one connection). Only a crash between the server's acceptance and the update
 * that records it sends a message again, after the lease, with the same Message-ID. A message with
 * a recipient user is written to their in-app inbox at its first attempt, whatever SMTP answers,
 * and is not e-mailed when they asked for its topic in the inbox only (`withheld`). `sent` counts
 * both: each message reached its reader the way they asked.
 */
export async function deliverPending(deps: DeliveryDependencies): Promise<{ sent: number; failed: number }> {
  const now = deps.clock.now();
  const claimed = await claim(deps.db, now, deps.batchSize ?? defaultBatchSize);
  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    const outcome = await deliver(deps, row, now);
    if (outcome === 'sent') sent++;
    else failed++;
  }
  return { sent, failed };
}

type OutboxRow = typeof schema.outbox.$inferSelect;

async function claim(db: Db, now: DateTime, batchSize: number): Promise<OutboxRow[]> {
  const due = and(
    eq(schema.outbox.status, 'pending'),
    or(isNull(schema.outbox.nextAttemptAt), lte(schema.outbox.nextAttemptAt, now.toJSDate())),
  );
  const candidates = db
    .select({ id: schema.outbox.id })
    .from(schema.outbox)
    .where(due)
    .orderBy(asc(schema.outbox.createdAt))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  return (
    db
      .update(schema.outbox)
      .set({
        attempts: sql`${schema.outbox.attempts} + 1`,
        nextAttemptAt: now.plus({ minutes: leaseMinutes }).toJSDate(),
      })
      // `due` again: a row another step claimed meanwhile no longer qualifies when it is re-read.
      .where(and(inArray(schema.outbox.id, candidates), due))
      .returning()
  );
}

async function deliver(deps: DeliveryDependencies, row: OutboxRow, now: DateTime): Promise<'sent' | 'failed'> {
  const maxAttempts = deps.maxAttempts ?? defaultMaxAttempts;
  let subject: string;
  let text: string;
  let calendar: RenderedCalendar | null;
  try {
    if (!isEmailTemplate(row.template)) throw new Error(`unknown e-mail template "${row.template}"`);
    ({ subject, text } = renderEmail(
      { template: row.template, payload: row.payload } as EmailMessage,
      row.locale,
      deps.publicUrl,
    ));
    const event = calendarEventOf(row.payload);
    // Stamped with the row's creation, so every attempt sends the very same invitation.
    // An event's link may be a path (written without knowing the public URL): it is resolved here.
    calendar =
      event &&
      renderCalendarEvent(
        { ...event, url: event.url && new URL(event.url, deps.publicUrl).toString() },
        { stamp: row.createdAt, organizer: deps.from },
      );
  } catch (error) {
    // A message that cannot be written will not be written on a later attempt either.
    await finish(deps.db, row, { status: 'failed', lastError: describe(error) });
    deps.logger.error({ outboxId: row.id, template: row.template }, 'e-mail could not be rendered');
    return 'failed';
  }

  if (row.recipientUserId) {
    const recipient = row.recipientUserId;
    await deps.db.transaction(async (tx) => {
      const written = await tx
        .insert(schema.inboxMessages)
        .values({ outboxId: row.id, userId: recipient, subject, body: text, createdAt: now.toJSDate() })
        .onConflictDoNothing({ target: schema.inboxMessages.outboxId })
        .returning({ id: schema.inboxMessages.id });
      if (written.length > 0) await announceInboxChange(tx, recipient);
    });
    if (await optedOut(deps.db, recipient, row.template)) {
      await finish(deps.db, row, { status: 'withheld', nextAttemptAt: null, lastError: null });
      deps.logger.info({ outboxId: row.id, template: row.template }, 'e-mail withheld: inbox only, as asked');
      return 'sent';
    }
  }

  try {
    await deps.transport.sendMail({
      from: deps.from,
      to: row.toAddress,
      subject,
      text,
      // Confirmations, changes and cancellations carry the appointment for the recipient's calendar.
      ...(calendar
        ? { icalEvent: { method: calendar.method, filename: 'tsunagu.ics', content: calendar.content } }
        : {}),
      // The same id on every attempt lets a mail server drop a copy it already took.
      messageId: `<${row.id}@${new URL(deps.publicUrl).hostname}>`,
    });
  } catch (error) {
    const givingUp = row.attempts >= maxAttempts;
    await finish(deps.db, row, {
      status: givingUp ? 'failed' : 'pending',
      lastError: describe(error),
      nextAttemptAt: givingUp ? null : now.plus({ minutes: retryDelayMinutes(row.attempts) }).toJSDate(),
    });
    // Ids and codes only: an SMTP error message may quote the address.
    deps.logger.warn(
      { outboxId: row.id, attempts: row.attempts, code: errorCode(error), givingUp },
      'e-mail not delivered',
    );
    return 'failed';
  }
  await finish(deps.db, row, { status: 'sent', sentAt: now.toJSDate(), nextAttemptAt: null, lastError: null });
  deps.logger.info({ outboxId: row.id, template: row.template }, 'e-mail sent');
  return 'sent';
}

/** Whether the recipient asked to read messages of this kind in their inbox only. */
async function optedOut(db: Db, userId: string, template: string): Promise<boolean> {
  const topic = isEmailTemplate(template) ? topicOf(template) : null;
  if (!topic) return false;
  const [row] = await db
    .select({ topic: schema.emailOptOuts.topic })
    .from(schema.emailOptOuts)
    .where(and(eq(schema.emailOptOuts.userId, userId), eq(schema.emailOptOuts.topic, topic)));
  return row !== undefined;
}

function finish(db: Db, row: OutboxRow, values: Partial<typeof schema.outbox.$inferInsert>) {
  return db.update(schema.outbox).set(values).where(eq(schema.outbox.id, row.id));
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  return [code, responseCode].filter((part) => part !== undefined).join(' ') || undefined;
}
