import type { AddressInfo } from 'node:net';
import { type Db, schema } from '@tsunagu/db';
import { SMTPServer } from 'smtp-server';
import { shortReason } from '../health';
import type { Logger } from '../logger';
import { parseMailMessage } from './mime';

export interface MailCatcher {
  /** Where to send: `smtp://127.0.0.1:<port>`. */
  url: string;
  stop(): Promise<void>;
}

/** Larger than anything Tsunagu writes; a bigger message is refused rather than stored. */
const maxMessageBytes = 1024 * 1024;

const outboxMessageId = /^<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>]*>$/i;

/**
 * The association a message is about and the account it was sent to, from the outbox row its
 * Message-ID names (delivery sets it), or from the address when the row does not say (a password
 * reset, which stays out of the in-app inbox). A message Tsunagu did not write is about nothing.
 */
async function whatItIsAbout(db: Db, messageId: string | null, toAddresses: string[]) {
  const outboxId = messageId?.match(outboxMessageId)?.[1];
  const row = outboxId
    ? await db.query.outbox.findFirst({
        where: { id: outboxId },
        columns: { associationId: true, recipientUserId: true, toAddress: true },
      })
    : undefined;
  if (!row) return { associationId: null, recipientUserId: null };
  const account =
    row.recipientUserId === null && toAddresses.length === 1 && toAddresses[0] === row.toAddress
      ? await db.query.users.findFirst({ where: { email: row.toAddress }, columns: { id: true } })
      : undefined;
  return { associationId: row.associationId, recipientUserId: row.recipientUserId ?? account?.id ?? null };
}

/**
 * The embedded default's mail server: an SMTP server on a free port of 127.0.0.1 that keeps every
 * message it receives in `caught_emails`, where admins read them in the app. Nothing leaves the
 * machine. It answers only after the message is stored, so an accepted message is never lost.
 */
export async function startMailCatcher({ db, logger }: { db: Db; logger: Logger }): Promise<MailCatcher> {
  const server = new SMTPServer({
    // Local only: no TLS to set up and no accounts to check.
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    size: maxMessageBytes,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
          return;
        }
        const from = session.envelope.mailFrom;
        const toAddresses = session.envelope.rcptTo.map((recipient) => recipient.address);
        parseMailMessage(Buffer.concat(chunks))
          .then(async (mail) =>
            db.insert(schema.caughtEmails).values({
              ...(await whatItIsAbout(db, mail.messageId, toAddresses)),
              fromAddress: from ? from.address : '',
              toAddresses,
              subject: mail.subject,
              body: mail.text,
            }),
          )
          .then(
            () => callback(),
            (error: unknown) => {
              // The first line names the statement; its parameters (addresses, body) stay out of the log.
              logger.error({ reason: shortReason(error) }, 'mail catcher could not read or store a message');
              callback(Object.assign(new Error('Could not store the message'), { responseCode: 451 }));
            },
          );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors of single connections (a client that hangs up) must not stop the process.
  server.on('error', (error) => logger.warn({ code: (error as NodeJS.ErrnoException).code }, 'mail catcher error'));
  const { port } = server.server.address() as AddressInfo;
  logger.info({ port }, 'mail catcher listening: e-mails are kept in the app, not sent');
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
