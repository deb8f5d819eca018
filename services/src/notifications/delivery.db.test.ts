import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import type { SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createLogger } from '../logger';
import { type DeliveryDependencies, deliverPending, type MailTransport } from './delivery';
import { enqueueEmail, type OutgoingEmail } from './outbox';

const association = { nameJa: '大阪国際交流センター', nameEn: 'Osaka International House' };

describe('the e-mail outbox', () => {
  let testDb: TestDatabase;
  let userId: string;
  const clock = fixedClock('2026-04-01T10:00:00');
  const sent: SendMailOptions[] = [];
  let failWith: Error | null = null;
  const transport: MailTransport = {
    sendMail: async (options: SendMailOptions) => {
      if (failWith) throw failWith;
      sent.push(options);
      return {};
    },
  };
  const deps = (): DeliveryDependencies => ({
    db: testDb.database.db,
    transport,
    clock,
    logger: createLogger({ level: 'silent' }),
    from: 'Tsunagu <no-reply@tsunagu.localhost>',
    publicUrl: 'https://tsunagu.example.jp',
    maxAttempts: 3,
  });
  const approval = (key: string): OutgoingEmail => ({
    idempotencyKey: key,
    to: 'volunteer@example.jp',
    locale: 'en',
    recipientUserId: userId,
    associationId: null,
    template: 'volunteerApplicationApproved',
    payload: { association },
  });

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const [user] = await testDb.database.db
      .insert(schema.users)
      .values({ email: 'volunteer@example.jp', displayName: 'Volunteer' })
      .returning();
    if (!user) throw new Error('no user');
    userId = user.id;
  });
  afterAll(async () => {
    await testDb?.dispose();
  });
  beforeEach(async () => {
    sent.length = 0;
    failWith = null;
    await testDb.database.db.delete(schema.outbox);
  });

  test('the same message enqueued twice is written and sent once, and lands in the recipient’s inbox', async () => {
    const db = testDb.database.db;
    await db.transaction(async (tx) => {
      await enqueueEmail(tx, approval('approved:1'));
      await enqueueEmail(tx, approval('approved:1'));
    });
    expect(await deliverPending(deps())).toEqual({ sent: 1, failed: 0 });
    expect(await deliverPending(deps())).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'volunteer@example.jp',
      from: 'Tsunagu <no-reply@tsunagu.localhost>',
      subject: '[Tsunagu] Your volunteer application is approved',
    });
    const [row] = await db.select().from(schema.outbox);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    const inbox = await db.select().from(schema.inboxMessages).where(eq(schema.inboxMessages.userId, userId));
    expect(inbox.find((message) => message.outboxId === row?.id)?.subject).toBe(
      '[Tsunagu] Your volunteer application is approved',
    );
  });

  test('an appointment goes along as the same .ics invitation on every attempt', async () => {
    const db = testDb.database.db;
    const calendar = {
      uid: 'assignment-1@tsunagu.example.jp',
      sequence: 1_000,
      cancelled: false,
      start: '2026-04-10T10:00:00+09:00',
      end: '2026-04-10T12:00:00+09:00',
      summary: 'Interpreting',
      location: null,
      description: null,
      // Written as a path, where the public URL is not known: delivery makes it absolute.
      url: '/volunteer/assignments/1',
    };
    await db.transaction((tx) => enqueueEmail(tx, { ...approval('approved:ics'), calendar }));
    failWith = Object.assign(new Error('try later'), { responseCode: 451 });
    await deliverPending(deps());
    failWith = null;
    await deliverPending({ ...deps(), clock: fixedClock('2026-04-01T10:05:00') });

    expect(sent).toHaveLength(1);
    const invitation = sent[0]?.icalEvent as { method: string; content: string };
    expect(invitation.method).toBe('REQUEST');
    expect(invitation.content).toContain('UID:assignment-1@tsunagu.example.jp');
    expect(invitation.content).toContain('DTSTART:20260410T010000Z');
    expect(invitation.content.replace(/\r\n[ \t]/g, '')).toContain(
      'URL;VALUE=URI:https://tsunagu.example.jp/volunteer/assignments/1',
    );
    // Stamped with the row's creation, not the attempt: a retry is the very same invitation.
    const [row] = await db.select().from(schema.outbox);
    expect(row?.status).toBe('sent');
    const stamp = `DTSTAMP:${row?.createdAt
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')}`;
    expect(invitation.content).toContain(stamp);
  });

  test('a message enqueued in a transaction that rolls back is never sent', async () => {
    await testDb.database.db
      .transaction(async (tx) => {
        await enqueueEmail(tx, approval('approved:rolled-back'));
        throw new Error('the change failed');
      })
      .catch(() => {});
    expect(await deliverPending(deps())).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(0);
  });

  test('a failing mail server is retried after a growing pause, then given up', async () => {
    const db = testDb.database.db;
    await enqueueEmail(db, approval('approved:2'));
    failWith = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNECTION' });

    expect(await deliverPending(deps())).toEqual({ sent: 0, failed: 1 });
    let [row] = await db.select().from(schema.outbox);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:25' });
    // Not again before the back-off has passed (1 minute after the first failure).
    expect(await deliverPending(deps())).toEqual({ sent: 0, failed: 0 });
    clock.advance({ minutes: 1 });
    expect(await deliverPending(deps())).toEqual({ sent: 0, failed: 1 });
    clock.advance({ minutes: 1 });
    expect(await deliverPending(deps())).toEqual({ sent: 0, failed: 0 });
    clock.advance({ minutes: 1 });
    expect(await deliverPending(deps())).toEqual({ sent: 0, failed: 1 });
    [row] = await db.select().from(schema.outbox);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    clock.advance({ hours: 1 });
    failWith = null;
    expect(await deliverPending(deps())).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(0);
  });

  test('a row a crashed step had taken is sent once its lease has run out', async () => {
    const db = testDb.database.db;
    await enqueueEmail(db, approval('approved:3'));
    // As a step that claimed the row and died before it could send or record anything.
    await db.update(schema.outbox).set({ attempts: 1, nextAttemptAt: clock.now().plus({ minutes: 10 }).toJSDate() });
    expect(await deliverPending(deps())).toEqual({ sent: 0, failed: 0 });
    clock.advance({ minutes: 10 });
    expect(await deliverPending(deps())).toEqual({ sent: 1, failed: 0 });
    expect(sent).toHaveLength(1);
  });
});
