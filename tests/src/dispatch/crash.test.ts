import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { systemClock } from '@tsunagu/domain';
import { type DevServer, startTemporalDevServer } from '@tsunagu/server';
import { createLogger, createServices, type Dispatcher, type Services } from '@tsunagu/services';
import { createTemporalDispatcher, dispatchWorkflowId } from '@tsunagu/workflows';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertAvailableVolunteer, insertDispatchWorld, insertFiledRequest } from '../support/dispatch-world';
import { type ApiProcess, eventually, freePort, spawnApi } from '../support/processes';
import { type SmtpServer, startSmtpServer } from '../support/smtp';

/**
 * The worker is a real process on a real Temporal dev server, with PostgreSQL and a local SMTP
 * server; it is killed (SIGKILL, no goodbye) while offers wait for an answer and again while a
 * cancellation waits to be heard. The story still finishes, and every recipient gets each message
 * exactly once: what is counted is the mail that arrived, not log lines.
 */
describe('the dispatch worker killed mid-story', () => {
  let devServer: DevServer;
  let testDb: TestDatabase;
  let smtp: SmtpServer;
  let connection: Connection;
  let services: Services;
  let dispatcher: Dispatcher;
  const taskQueue = `crash-${randomUUID()}`;
  let worker: ApiProcess | null = null;

  beforeAll(async () => {
    const cliPath = process.env.TEMPORAL_CLI_PATH;
    if (!cliPath) throw new Error('TEMPORAL_CLI_PATH is not set: run the tests with npm test, which installs the CLI');
    devServer = await startTemporalDevServer({
      cliPath,
      port: await freePort(),
      uiPort: await freePort(),
      dbFile: null,
      namespace: 'default',
      logger: createLogger({ level: 'silent' }),
    });
    // The worker process and this test share the database: PostgreSQL, whatever the project.
    testDb = await openTestDatabase({ engine: 'postgres' });
    smtp = await startSmtpServer();
    connection = await Connection.connect({ address: devServer.address });
    dispatcher = createTemporalDispatcher(new Client({ connection }), taskQueue);
    services = createServices({
      db: testDb.database.db,
      // The real clock: a worker process and Temporal's timers run on the machine's.
      clock: systemClock,
      logger: createLogger({ level: 'silent' }),
      dispatcher,
    });
  });
  afterAll(async () => {
    await killWorker();
    await connection?.close();
    await smtp?.close();
    await testDb?.dispose();
    await devServer?.stop();
  });

  /** Starts the worker process (worker role: workflows, activities and mail delivery) and waits until it polls. */
  async function startWorker(): Promise<void> {
    worker = spawnApi({
      TSUNAGU_ROLE: 'worker',
      DATABASE_URL: testDb.url ?? '',
      TEMPORAL_ADDRESS: devServer.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://tsunagu.example.jp',
    });
    const started = worker;
    await eventually(
      'the worker to poll',
      async () => {
        if (!started.stdout().includes('worker polling')) throw new Error('not yet');
      },
      started,
    );
  }

  /**
   * Waits until every message written so far has been handed to the SMTP server and recorded as
   * sent (a kill between the two would resend after the lease: that window is not this test's).
   */
  async function outboxSent(): Promise<void> {
    await eventually('the outbox to be sent', async () => {
      const pending = await testDb.database.db.select().from(schema.outbox).where(eq(schema.outbox.status, 'pending'));
      expect(pending).toEqual([]);
    });
  }

  async function killWorker(): Promise<void> {
    if (!worker) return;
    worker.child.kill('SIGKILL');
    await worker.exited;
    worker = null;
  }

  test('killed between the offers and the acceptance, and before the cancellation is heard: one e-mail per recipient and event', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db, { trusted: true, policy: { offers: { waveSize: 2, maxWaves: 3 } } });
    const [lan, minh] = [
      await insertAvailableVolunteer(db, world.associationId, 'Lan'),
      await insertAvailableVolunteer(db, world.associationId, 'Minh'),
    ];
    // Ten days ahead, 10:00–12:00 in Japan: far enough that cancelling owes nothing.
    const day = systemClock.now().plus({ days: 10 }).toISODate();
    const request = await insertFiledRequest(db, world, {
      startsAt: new Date(`${day}T10:00:00+09:00`),
      endsAt: new Date(`${day}T12:00:00+09:00`),
    });
    const requesterEmail = world.requesterUser.email;

    await startWorker();
    await dispatcher.start(request.id);
    // The trusted organization's request goes straight to offers, and both volunteers hear of it.
    await eventually('the offers to arrive', async () => {
      expect(smtp.to(lan.user.email)).toHaveLength(1);
      expect(smtp.to(minh.user.email)).toHaveLength(1);
      expect(smtp.to(requesterEmail)).toHaveLength(1);
    });
    await outboxSent();

    await killWorker();
    const offers = await db.select().from(schema.offers).where(eq(schema.offers.requestId, request.id));
    const lansOffer = offers.find((offer) => offer.volunteerId === lan.volunteer.id);
    if (!lansOffer) throw new Error('no offer for Lan');
    // Lan accepts while no worker runs: the update waits for one, and answers once it is back.
    const accepting = services.dispatch.acceptOffer(lan.viewer, lansOffer.id);
    await startWorker();
    const accepted = await accepting;
    expect(accepted.outcome).toBe('won');
    await eventually('the confirmations to arrive', async () => {
      expect(smtp.to(lan.user.email)).toHaveLength(2);
      expect(smtp.to(minh.user.email)).toHaveLength(2);
      expect(smtp.to(requesterEmail)).toHaveLength(2);
    });
    await outboxSent();

    await killWorker();
    // The requester cancels while no worker runs; the workflow hears it once one is back.
    await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' });
    await startWorker();
    const handle = new Client({ connection }).workflow.getHandle(dispatchWorkflowId(request.id));
    await expect(handle.result()).resolves.toBe('cancelled');
    await outboxSent();
    // Anything sent twice would arrive within the delivery's next rounds.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const outbox = await db.select().from(schema.outbox);
    const templateOf = new Map(outbox.map((row) => [`<${row.id}@tsunagu.example.jp>`, row.template]));
    const arrived = smtp.received.map(
      (message) => `${message.to.join(',')} ${templateOf.get(message.mail.messageId ?? '')}`,
    );
    expect(arrived.sort()).toEqual(
      [
        `${requesterEmail} requestApproved`,
        `${requesterEmail} requestConfirmed`,
        `${lan.user.email} offerMade`,
        `${lan.user.email} assignmentConfirmed`,
        `${lan.user.email} assignmentCancelled`,
        `${minh.user.email} offerMade`,
        `${minh.user.email} offerWithdrawn`,
      ].sort(),
    );
    // Lan's calendar got the appointment, then its cancellation.
    const calendars = smtp.to(lan.user.email).flatMap((mail) => (mail.calendar ? [mail.calendar] : []));
    expect(calendars.map((calendar) => /METHOD:(\w+)/.exec(calendar)?.[1])).toEqual(['REQUEST', 'CANCEL']);
  }, 240_000);
});
