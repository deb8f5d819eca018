import { type Db, schema } from '@tsunagu/db';
import type { EmailMessage, Locale } from '@tsunagu/domain';
import type { CalendarEvent } from './calendar-event';

export type OutgoingEmail = EmailMessage & {
  /** Names this message for good: enqueueing the same key again does nothing. */
  idempotencyKey: string;
  to: string;
  locale: Locale;
  /** The user who also reads it in the app's inbox, when the recipient has an account. */
  recipientUserId: string | null;
  /** The association the message is about; null for an account's own (a password reset). */
  associationId: string | null;
  /** The appointment a confirmation, change or cancellation is about: sent along as an .ics invitation. */
  calendar?: CalendarEvent;
};

/**
 * Writes an e-mail to the outbox. Pass the transaction of the change that causes the message, so
 * that both are kept or neither; delivery sends it later. Whether it was new: false when a message
 * under the same key was written before.
 */
export async function enqueueEmail(tx: Db, message: OutgoingEmail): Promise<boolean> {
  const written = await tx
    .insert(schema.outbox)
    .values({
      idempotencyKey: message.idempotencyKey,
      recipientUserId: message.recipientUserId,
      associationId: message.associationId,
      toAddress: message.to,
      locale: message.locale,
      template: message.template,
      payload: { ...message.payload, ...(message.calendar ? { calendar: message.calendar } : {}) },
    })
    .onConflictDoNothing({ target: schema.outbox.idempotencyKey })
    .returning({ id: schema.outbox.id });
  return written.length > 0;
}
