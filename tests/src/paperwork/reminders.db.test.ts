import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Db, schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock, type Viewer } from '@tsunagu/domain';
import { createLogger, createServices, type Services } from '@tsunagu/services';
import { paperworkWorkflowId, startPaperworkReminders } from '@tsunagu/workflows';
import { recordHistory } from '@tsunagu/workflows/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertAssociation, insertStaffMember, insertVolunteer, setLocale } from '../support/fixtures';
import { eventually } from '../support/processes';
import { type DispatchHarness, startDispatchHarness } from '../support/temporal';

/**
 * The renewal reminders on the time-skipping test server, with the real activity on a real
 * database: a month passes in seconds, and what went out is read from the outbox and the mail sent.
 */
describe('renewal reminders, across a month', () => {
  let env: TestWorkflowEnvironment;
  let testDb: TestDatabase;
  let db: Db;
  let harness: DispatchHarness;
  let services: Services;
  let coordinator: Viewer;
  let associationId: string;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    db = testDb.database.db;
    harness = await startDispatchHarness(testDb.database);
    env = harness.env;
    services = createServices({
      db,
      clock: fixedClock(new Date(await env.currentTimeMs()).toISOString()),
      logger: createLogger({ level: 'silent' }),
    });
    associationId = (await insertAssociation(db)).id;
    const staff = await insertStaffMember(db, associationId, 'coordinator');
    coordinator = {
      userId: staff.id,
      locale: 'ja',
      organizationId: null,
      volunteerId: null,
      coordinatorOf: [associationId],
      adminOf: [],
    };
  }, 120_000);
  afterAll(async () => {
    await harness?.stop();
    await testDb?.dispose();
  });

  /** The day `days` from the test server's today in Japan, YYYY-MM-DD. */
  const dateAhead = async (days: number) =>
    new Date((await env.currentTimeMs()) + days * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 10);
  /** The reminders in the outbox by their keys (`<paper>-renewal:<volunteer>:<expiry>:<days>`), as "<name>:<paper>:<days>". */
  const reminders = async (names: Map<string, string>) =>
    (await db.select().from(schema.outbox).where(eq(schema.outbox.template, 'paperworkRenewalDue')))
      .map((row) => {
        const [kind = '', volunteerId = '', , days] = row.idempotencyKey.split(':');
        return `${names.get(volunteerId) ?? volunteerId}:${kind.replace('-renewal', '')}:${days}`;
      })
      .sort();
  test('each reminder goes once, 30 and 7 days before a lapse; none after a renewal or once lapsed', async () => {
    // Lan's registration ends in 32 days; Minh's insurance in 10 days, and he renews it today; Hoa's
    // registration lapsed yesterday; Tuan has left (retired) and is never reminded.
    const lan = await insertVolunteer(db, associationId, {
      status: 'active',
      registrationExpiresOn: await dateAhead(32),
    });
    await setLocale(db, lan.user.id, 'en');
    const minh = await insertVolunteer(db, associationId, {
      status: 'active',
      insuranceEnrolledUntil: await dateAhead(10),
    });
    const hoa = await insertVolunteer(db, associationId, {
      status: 'active',
      registrationExpiresOn: await dateAhead(-1),
    });
    const tuan = await insertVolunteer(db, associationId, {
      status: 'retired',
      registrationExpiresOn: await dateAhead(5),
    });
    const names = new Map([
      [lan.volunteer.id, 'Lan'],
      [minh.volunteer.id, 'Minh'],
      [hoa.volunteer.id, 'Hoa'],
      [tuan.volunteer.id, 'Tuan'],
    ]);

    await startPaperworkReminders(env.client, harness.taskQueue);
    // Started again by a second worker: the one run goes on.
    const first = await env.client.workflow.getHandle(paperworkWorkflowId).describe();
    await startPaperworkReminders(env.client, harness.taskQueue);
    expect((await env.client.workflow.getHandle(paperworkWorkflowId).describe()).runId).toBe(first.runId);

    // At once: Minh's insurance is within 30 days; Lan's registration is not yet.
    await eventually('the first reminder', async () => expect(await reminders(names)).toEqual(['Minh:insurance:30']));
    await services.volunteers.recordPaperwork(coordinator, minh.volunteer.id, {
      insuranceEnrolledUntil: await dateAhead(365),
    });

    // Three mornings later Lan is 30 days or fewer from her end date; Minh renewed, so no 7-day reminder.
    await env.sleep('3 days');
    await eventually('Lan’s first reminder', async () =>
      expect(await reminders(names)).toEqual(['Lan:registration:30', 'Minh:insurance:30']),
    );

    // A month on: Lan's 7-day reminder came once, though the workflow ran every morning up to her
    // last day and past it; nothing for Hoa (lapsed) or Tuan (retired).
    await env.sleep('31 days');
    await eventually('Lan’s second reminder', async () =>
      expect(await reminders(names)).toEqual(['Lan:registration:30', 'Lan:registration:7', 'Minh:insurance:30']),
    );
    const mail = harness.sent.filter((sent) => String(sent.subject).includes('registration'));
    expect(mail.map((sent) => sent.subject)).toEqual([
      '[Tsunagu] Your volunteer registration ends in 30 days',
      '[Tsunagu] Your volunteer registration ends in 7 days',
    ]);
    expect(String(mail[0]?.text)).toContain('https://tsunagu.example.jp/paperwork');
    // Each reminder reached the volunteer's in-app inbox too.
    const inbox = await db.select().from(schema.inboxMessages).where(eq(schema.inboxMessages.userId, lan.user.id));
    expect(inbox).toHaveLength(2);
    const handle = env.client.workflow.getHandle(paperworkWorkflowId);
    await handle.terminate('test over');
    await recordHistory('paperwork-reminders', handle);
  }, 120_000);
});
