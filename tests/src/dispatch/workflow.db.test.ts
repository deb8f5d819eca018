import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Db, schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { ConflictError, fixedClock } from '@tsunagu/domain';
import { createLogger, createServices, type Dispatcher, type DispatchSteps, type Services } from '@tsunagu/services';
import { dispatchWorkflowId } from '@tsunagu/workflows';
import { recordHistory } from '@tsunagu/workflows/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  insertAvailableVolunteer,
  insertDispatchWorld,
  insertFiledRequest,
  outboxMessages,
} from '../support/dispatch-world';
import { type DispatchHarness, startDispatchHarness } from '../support/temporal';

/**
 * The dispatch workflow on the time-skipping test server, with its steps on a real database: days
 * pass in seconds, and every branch is seen from the outside, in the database and the outbox.
 */
describe('the dispatch workflow, across days', () => {
  let env: TestWorkflowEnvironment;
  let testDb: TestDatabase;
  let db: Db;
  let harness: DispatchHarness;
  let dispatcher: Dispatcher;
  let services: Services;
  /** The services read the test server's clock, synced before each use case. */
  let clock: ReturnType<typeof fixedClock>;
  /** Steps that fail on bad data for one request (by request id), and how often each step ran for it. */
  const poisoned = new Map<string, Set<keyof DispatchSteps>>();
  const attempts = new Map<string, number>();
  const attemptsOf = (requestId: string, step: keyof DispatchSteps) => attempts.get(`${requestId}:${step}`) ?? 0;
  /**
   * The real steps; a poisoned one first sends the database a text with a NUL in it, which
   * PostgreSQL refuses as it refuses any data it can never store (SQLSTATE 22021).
   */
  const withPoison = (real: DispatchSteps): DispatchSteps =>
    Object.fromEntries(
      Object.entries(real).map(([name, step]) => [
        name,
        async (...args: unknown[]) => {
          const requestId = String(args[0]);
          const key = `${requestId}:${name}`;
          attempts.set(key, (attempts.get(key) ?? 0) + 1);
          if (poisoned.get(requestId)?.has(name as keyof DispatchSteps)) {
            await db.execute(sql`select ${'\u0000'}::text`);
          }
          return (step as (...args: unknown[]) => Promise<unknown>)(...args);
        },
      ]),
    ) as DispatchSteps;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    db = testDb.database.db;
    harness = await startDispatchHarness(testDb.database, { steps: withPoison });
    ({ env, dispatcher } = harness);
    clock = fixedClock(new Date(await env.currentTimeMs()).toISOString());
    services = createServices({ db, clock, logger: createLogger({ level: 'silent' }), dispatcher });
  }, 120_000);
  afterAll(async () => {
    await harness?.stop();
    await testDb?.dispose();
  });

  const sync = async () => {
    clock.advance({ minutes: ((await env.currentTimeMs()) - clock.now().toMillis()) / 60_000 });
  };
  /** Lets the test server's time run until `instant` (timers fire on the way). */
  const sleepUntil = async (instant: Date) => {
    const ms = instant.getTime() - (await env.currentTimeMs());
    if (ms > 0) await env.sleep(ms);
    await sync();
  };
  /** The day `days` ahead of the test server's today in Japan, as YYYY-MM-DD. */
  const dateAhead = async (days: number) =>
    new Date((await env.currentTimeMs()) + days * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 10);
  /** That day at `hour` in Japan. */
  const dayAhead = async (days: number, hour: number) =>
    new Date(`${await dateAhead(days)}T${String(hour).padStart(2, '0')}:00:00+09:00`);
  /** Retries `check` until it passes: the workflow moves on its own after each step. */
  const eventually = async <T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const templates = async (requestId: string) =>
    (await db.select().from(schema.outbox))
      .filter((row) => (row.payload as { requestId?: string }).requestId === requestId)
      .map((row) => row.template);
  const count = (list: string[], template: string) => list.filter((each) => each === template).length;
  const offersOf = (requestId: string) => db.select().from(schema.offers).where(eq(schema.offers.requestId, requestId));
  const openOfferOf = async (requestId: string, volunteerId: string) => {
    const offer = (await offersOf(requestId)).find(
      (each) => each.volunteerId === volunteerId && each.status === 'offered',
    );
    if (!offer) throw new Error('no open offer yet');
    return offer;
  };
  const requestRow = async (requestId: string) =>
    (await db.select().from(schema.requests).where(eq(schema.requests.id, requestId)))[0];
  const assignmentsOf = (requestId: string) =>
    db.select().from(schema.assignments).where(eq(schema.assignments.requestId, requestId));
  const expenseLinesOf = async (assignmentId: string) =>
    (
      await db
        .select({
          kind: schema.expenseLines.kind,
          amountYen: schema.expenseLines.amountYen,
          status: schema.expenseLines.status,
        })
        .from(schema.expenseLines)
        .where(eq(schema.expenseLines.assignmentId, assignmentId))
    ).sort((a, b) => a.kind.localeCompare(b.kind));
  const handleOf = (requestId: string): WorkflowHandle => env.client.workflow.getHandle(dispatchWorkflowId(requestId));

  test('the whole story: screened, declined by the first wave, accepted from the second, reminded, reconfirmed, reported and approved', async () => {
    const world = await insertDispatchWorld(db, { policy: { offers: { waveSize: 2, maxWaves: 3 } } });
    const [lan, minh, thao] = [
      await insertAvailableVolunteer(db, world.associationId, 'Lan'),
      await insertAvailableVolunteer(db, world.associationId, 'Minh'),
      await insertAvailableVolunteer(db, world.associationId, 'Thao'),
    ];
    const startsAt = await dayAhead(10, 10);
    const endsAt = await dayAhead(10, 12);
    const request = await insertFiledRequest(db, world, { startsAt, endsAt });

    await dispatcher.start(request.id);
    const handle = handleOf(request.id);
    const firstRun = (await handle.describe()).runId;
    await dispatcher.start(request.id); // a second start does nothing
    expect((await handle.describe()).runId).toBe(firstRun);
    await eventually(async () => expect(await templates(request.id)).toContain('screeningNeeded'));

    await sync();
    await services.dispatch.approve(world.coordinator, request.id);
    await eventually(async () => expect((await offersOf(request.id)).length).toBe(2));
    const firstWave = await offersOf(request.id);
    const volunteerById = new Map([lan, minh, thao].map((each) => [each.volunteer.id, each]));
    for (const offer of firstWave) {
      const volunteer = volunteerById.get(offer.volunteerId);
      if (!volunteer) throw new Error('offer to a stranger');
      await services.dispatch.declineOffer(volunteer.viewer, offer.id);
    }
    // Everyone in the wave declined: the next wave goes out at once, to whoever is left.
    const last = [lan, minh, thao].find((each) => !firstWave.some((offer) => offer.volunteerId === each.volunteer.id));
    if (!last) throw new Error('three volunteers, two offers');
    const secondOffer = await eventually(() => openOfferOf(request.id, last.volunteer.id));
    expect(secondOffer.wave).toBe(2);
    const accepted = await services.dispatch.acceptOffer(last.viewer, secondOffer.id);
    expect(accepted.outcome).toBe('won');
    await eventually(async () => expect(await handle.query('state')).toMatchObject({ stage: 'confirmed' }));
    expect(await requestRow(request.id)).toMatchObject({ status: 'filled', dispatchStage: 'confirmed' });

    // Three days before: a reminder; two days before: the request to reconfirm, which she answers.
    await sleepUntil(new Date(startsAt.getTime() - 47 * 3600_000));
    await eventually(async () => expect(count(await templates(request.id), 'reconfirmationRequested')).toBe(1));
    expect(count(await templates(request.id), 'reminder')).toBe(1);
    const booking = accepted.assignment;
    if (!booking) throw new Error('no booking');
    await services.dispatch.reconfirmAssignment(last.viewer, booking.id);

    // Past the cutoff she stays booked; the day-before and two-hour reminders follow.
    await sleepUntil(new Date(endsAt.getTime() + 3600_000));
    await eventually(async () => expect(count(await templates(request.id), 'reportRequested')).toBe(2));
    expect(count(await templates(request.id), 'reminder')).toBe(3);
    expect((await assignmentsOf(request.id))[0]).toMatchObject({ status: 'confirmed' });
    expect(await requestRow(request.id)).toMatchObject({ dispatchStage: 'awaiting_reports' });

    // Two days on, both are reminded; then both file and the coordinator approves.
    await sleepUntil(new Date(endsAt.getTime() + 49 * 3600_000));
    await eventually(async () => expect(count(await templates(request.id), 'reportReminder')).toBe(2));
    await services.dispatch.fileActivityReport(last.viewer, booking.id, {
      volunteer: { actualStart: startsAt, actualEnd: endsAt, transportFareYen: 460, notes: '問題なし' },
    });
    await services.dispatch.fileActivityReport(world.requester, booking.id, {
      requester: { tookPlace: true, satisfaction: 5, remarks: 'ありがとうございました' },
    });
    await services.dispatch.approveActivityReports(world.coordinator, request.id);

    await expect(handle.result()).resolves.toBe('completed');
    await dispatcher.start(request.id); // nor does a start after the end
    expect((await handle.describe()).runId).toBe(firstRun);
    expect(await requestRow(request.id)).toMatchObject({ status: 'completed', dispatchStage: 'completed' });
    expect((await assignmentsOf(request.id))[0]).toMatchObject({ status: 'completed' });
    const reports = await db
      .select()
      .from(schema.activityReports)
      .where(eq(schema.activityReports.assignmentId, booking.id));
    expect(reports.map((report) => [report.kind, report.approvedAt !== null]).sort()).toEqual([
      ['requester', true],
      ['volunteer', true],
    ]);
    // The rates were fixed at the booking; the approved report is the claim: a 3-hour job and the fare.
    const [rates] = await db
      .select()
      .from(schema.assignmentRates)
      .where(eq(schema.assignmentRates.assignmentId, booking.id));
    expect(rates?.copiedAt.getTime()).toBe(booking.createdAt.getTime());
    expect(await expenseLinesOf(booking.id)).toEqual([
      { kind: 'honorarium', amountYen: 3500, status: 'submitted' },
      { kind: 'transport', amountYen: 460, status: 'submitted' },
    ]);
    // Every message went out through the workflow's own delivery (no sweeper runs here), once each,
    // the confirmation with its invitation.
    const outbox = await db.select().from(schema.outbox);
    const mine = outbox.filter((row) => (row.payload as { requestId?: string }).requestId === request.id);
    expect(mine.every((row) => row.status === 'sent')).toBe(true);
    const mailIds = harness.sent.map((mail) => mail.messageId);
    expect(new Set(mailIds).size).toBe(mailIds.length);
    const confirmation = harness.sent.find((mail) =>
      mail.messageId?.startsWith(`<${mine.find((row) => row.template === 'assignmentConfirmed')?.id}@`),
    );
    expect(confirmation?.icalEvent).toMatchObject({ method: 'REQUEST' });
    await recordHistory('dispatch-whole-story', handle);
  }, 120_000);

  test('nobody answers by the deadline: the search widens, then coordinators step in, the requester is told on the answer date, a coordinator assigns by hand, and a late cancellation owes a fee', async () => {
    const world = await insertDispatchWorld(db, {
      trusted: true,
      policy: {
        offers: { waveSize: 5, maxWaves: 1 },
        cancellation: { feeTiers: [{ withinHours: 24, feePercent: 100 }] },
      },
    });
    const only = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const startsAt = await dayAhead(6, 14);
    const answerBy = await dateAhead(4);
    const request = await insertFiledRequest(db, world, { startsAt, endsAt: await dayAhead(6, 16), answerBy });

    await dispatcher.start(request.id);
    // A trusted organization's request goes straight to offers.
    const offer = await eventually(() => openOfferOf(request.id, only.volunteer.id));
    expect(count(await templates(request.id), 'requestApproved')).toBe(1);
    expect(offer.deadline.getTime() - offer.createdAt.getTime()).toBe(24 * 3600_000); // within a week: a day

    await sleepUntil(new Date(offer.deadline.getTime() + 60_000));
    await eventually(async () => expect(await requestRow(request.id)).toMatchObject({ dispatchStage: 'escalated' }));
    expect((await offersOf(request.id)).map((each) => each.status)).toEqual(['expired']);
    expect((await requestRow(request.id))?.widenedAt).not.toBeNull();
    const told = await templates(request.id);
    expect(count(told, 'escalated')).toBe(1);
    expect(count(told, 'stillLooking')).toBe(1);

    await sleepUntil(new Date(`${answerBy}T09:01:00+09:00`));
    await eventually(async () => expect(count(await templates(request.id), 'answerDateReached')).toBe(1));

    const late = await insertAvailableVolunteer(db, world.associationId, 'Minh');
    await sync();
    const booking = await services.dispatch.assignVolunteer(world.coordinator, request.id, late.volunteer.id);
    expect(booking).toMatchObject({ status: 'confirmed', assignedBy: world.coordinator.userId });
    await eventually(async () => expect(await requestRow(request.id)).toMatchObject({ dispatchStage: 'confirmed' }));

    // Booked before the reconfirmation window, Minh is asked to reconfirm, and does.
    await sleepUntil(new Date(startsAt.getTime() - 47 * 3600_000));
    await eventually(async () => expect(count(await templates(request.id), 'reconfirmationRequested')).toBe(1));
    await services.dispatch.reconfirmAssignment(late.viewer, booking.id);

    // The evening before, the requester cancels.
    await sleepUntil(new Date(startsAt.getTime() - 18.5 * 3600_000));
    await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' });
    await expect(handleOf(request.id).result()).resolves.toBe('cancelled');
    expect((await assignmentsOf(request.id))[0]).toMatchObject({
      status: 'cancelled',
      cancellationNoticeHours: 18,
      cancellationFeePercent: 100,
    });
    expect(count(await templates(request.id), 'lateCancellation')).toBe(1);
    // Under 24 hours' notice the whole honorarium is owed, as an expense line for the coordinators.
    expect(await expenseLinesOf(booking.id)).toEqual([
      { kind: 'cancellation_fee', amountYen: 3500, status: 'submitted' },
    ]);
    await recordHistory('dispatch-escalated-assigned-cancelled-late', handleOf(request.id));
  }, 120_000);

  test('a cancellation before anyone is confirmed withdraws the offers and ends the workflow', async () => {
    const world = await insertDispatchWorld(db, { trusted: true });
    const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const request = await insertFiledRequest(db, world, {
      startsAt: await dayAhead(12, 10),
      endsAt: await dayAhead(12, 11),
    });
    await dispatcher.start(request.id);
    await eventually(() => openOfferOf(request.id, lan.volunteer.id));
    await sync();
    await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' });
    await expect(handleOf(request.id).result()).resolves.toBe('cancelled');
    expect((await offersOf(request.id)).map((offer) => offer.status)).toEqual(['withdrawn']);
    expect(count(await templates(request.id), 'offerWithdrawn')).toBe(1);
    expect(count(await templates(request.id), 'lateCancellation')).toBe(0);
    await recordHistory('dispatch-cancelled-before-confirmation', handleOf(request.id));
  }, 60_000);

  test('a coordinator rejects a request at screening', async () => {
    const world = await insertDispatchWorld(db);
    const request = await insertFiledRequest(db, world, {
      startsAt: await dayAhead(12, 10),
      endsAt: await dayAhead(12, 11),
    });
    await dispatcher.start(request.id);
    await eventually(async () => expect(await templates(request.id)).toContain('screeningNeeded'));
    await services.dispatch.reject(world.coordinator, request.id, '医療通訳は当協会では扱っていません。');
    await expect(handleOf(request.id).result()).resolves.toBe('rejected');
    expect(await requestRow(request.id)).toMatchObject({ status: 'rejected', dispatchStage: 'rejected' });
    expect(count(await templates(request.id), 'requestRejected')).toBe(1);
    await recordHistory('dispatch-rejected', handleOf(request.id));
  }, 60_000);

  test('no reconfirmation by the cutoff: the volunteer is released and cover is found at once', async () => {
    const world = await insertDispatchWorld(db, { trusted: true, policy: { offers: { waveSize: 1, maxWaves: 3 } } });
    const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const startsAt = await dayAhead(8, 10);
    const request = await insertFiledRequest(db, world, { startsAt, endsAt: await dayAhead(8, 12) });
    await dispatcher.start(request.id);
    const offer = await eventually(() => openOfferOf(request.id, lan.volunteer.id));
    await services.dispatch.acceptOffer(lan.viewer, offer.id);
    const cover = await insertAvailableVolunteer(db, world.associationId, 'Minh');

    // Lan never reconfirms: at the cutoff (a day before) she is released and Minh is asked.
    await sleepUntil(new Date(startsAt.getTime() - 24 * 3600_000 + 60_000));
    const coverOffer = await eventually(() => openOfferOf(request.id, cover.volunteer.id));
    const lanBooking = (await assignmentsOf(request.id)).find((each) => each.volunteerId === lan.volunteer.id);
    expect(lanBooking).toMatchObject({ status: 'released', releaseReason: 'not_reconfirmed' });
    expect(count(await templates(request.id), 'coverNeeded')).toBe(1);

    const accepted = await services.dispatch.acceptOffer(cover.viewer, coverOffer.id);
    expect(accepted.outcome).toBe('won');
    // Accepting inside the reconfirmation window is confirmation enough.
    expect(accepted.assignment?.reconfirmedAt).not.toBeNull();
    await eventually(async () => expect(await requestRow(request.id)).toMatchObject({ dispatchStage: 'confirmed' }));
    await sync();
    await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' });
    await expect(handleOf(request.id).result()).resolves.toBe('cancelled');
    await recordHistory('dispatch-not-reconfirmed-cover-found', handleOf(request.id));
  }, 120_000);

  test('a booked volunteer withdraws and cover is asked at once; then a coordinator releases the cover, and the search starts over', async () => {
    const world = await insertDispatchWorld(db, { trusted: true, policy: { offers: { waveSize: 1, maxWaves: 3 } } });
    const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const startsAt = await dayAhead(8, 10);
    const request = await insertFiledRequest(db, world, { startsAt, endsAt: await dayAhead(8, 12) });
    await dispatcher.start(request.id);
    const offer = await eventually(() => openOfferOf(request.id, lan.volunteer.id));
    const booked = await services.dispatch.acceptOffer(lan.viewer, offer.id);
    await eventually(async () =>
      expect(await handleOf(request.id).query('state')).toMatchObject({ stage: 'confirmed' }),
    );
    const cover = await insertAvailableVolunteer(db, world.associationId, 'Minh');

    // Days before, Lan withdraws: she is told, the coordinators are asked for cover, and Minh is offered it at once.
    await sleepUntil(await dayAhead(3, 9));
    const lanBooking = booked.assignment?.id ?? '';
    await expect(services.dispatch.releaseAssignment(cover.viewer, lanBooking, { reason: 'illness' })).rejects.toThrow(
      /booked volunteer/,
    );
    await services.dispatch.releaseAssignment(lan.viewer, lanBooking, { reason: 'illness' });
    const coverOffer = await eventually(() => openOfferOf(request.id, cover.volunteer.id));
    expect((await assignmentsOf(request.id)).find((each) => each.id === lanBooking)).toMatchObject({
      status: 'released',
      releaseReason: 'withdrew',
    });
    expect(count(await templates(request.id), 'assignmentReleased')).toBe(1);
    expect(count(await templates(request.id), 'coverNeeded')).toBe(1);
    await expect(services.dispatch.releaseAssignment(lan.viewer, lanBooking, { reason: 'illness' })).rejects.toThrow(
      ConflictError,
    );

    // Minh takes it; then a coordinator releases him: the request is open again and the waves start over.
    const accepted = await services.dispatch.acceptOffer(cover.viewer, coverOffer.id);
    expect(accepted.outcome).toBe('won');
    await eventually(async () => expect(await requestRow(request.id)).toMatchObject({ dispatchStage: 'confirmed' }));
    await sync();
    await services.dispatch.releaseAssignment(world.coordinator, accepted.assignment?.id ?? '', {
      reason: 'date_changed',
    });
    await eventually(async () => expect(await requestRow(request.id)).toMatchObject({ status: 'open' }));
    expect((await assignmentsOf(request.id)).find((each) => each.volunteerId === cover.volunteer.id)).toMatchObject({
      status: 'released',
      releaseReason: 'coordinator',
    });
    await eventually(async () => expect(count(await templates(request.id), 'coverNeeded')).toBe(2));
    // Nobody else is left to ask: the coordinators have it.
    await eventually(async () =>
      expect(await handleOf(request.id).query('state')).toMatchObject({ stage: 'escalated' }),
    );
    await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' });
    await expect(handleOf(request.id).result()).resolves.toBe('cancelled');
    await recordHistory('dispatch-withdrawn-and-released', handleOf(request.id));
  }, 120_000);

  test('a change of time that the booked volunteer cannot make releases her and finds someone who can', async () => {
    const world = await insertDispatchWorld(db, { trusted: true, policy: { offers: { waveSize: 1, maxWaves: 3 } } });
    const mornings = await insertAvailableVolunteer(db, world.associationId, 'Lan', {
      fromMinute: 8 * 60,
      toMinute: 13 * 60,
    });
    const request = await insertFiledRequest(db, world, {
      startsAt: await dayAhead(14, 10),
      endsAt: await dayAhead(14, 12),
    });
    await dispatcher.start(request.id);
    const offer = await eventually(() => openOfferOf(request.id, mornings.volunteer.id));
    await services.dispatch.acceptOffer(mornings.viewer, offer.id);
    await eventually(async () => expect(await requestRow(request.id)).toMatchObject({ dispatchStage: 'confirmed' }));
    const afternoons = await insertAvailableVolunteer(db, world.associationId, 'Minh');

    await sync();
    await services.requests.edit(world.requester, request.id, {
      startsAt: await dayAhead(14, 15),
      endsAt: await dayAhead(14, 17),
    });
    const coverOffer = await eventually(() => openOfferOf(request.id, afternoons.volunteer.id));
    expect((await assignmentsOf(request.id))[0]).toMatchObject({ status: 'released', releaseReason: 'no_longer_fits' });
    await services.dispatch.acceptOffer(afternoons.viewer, coverOffer.id);
    await eventually(async () => expect(await requestRow(request.id)).toMatchObject({ dispatchStage: 'confirmed' }));
    await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' });
    await expect(handleOf(request.id).result()).resolves.toBe('cancelled');
    await recordHistory('dispatch-time-changed-rematched', handleOf(request.id));
  }, 120_000);

  test('a no-show is recorded; only the requester reports, and the coordinator approves', async () => {
    const world = await insertDispatchWorld(db, { trusted: true });
    const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    // Within a day of the test server's now (whatever hour an earlier test left it at): no
    // reconfirmation and no day-before reminder, only the two-hour one.
    const hour = 3600_000;
    const startsAt = new Date(Math.ceil(((await env.currentTimeMs()) + 6 * hour) / hour) * hour);
    const endsAt = new Date(startsAt.getTime() + 2 * hour);
    const request = await insertFiledRequest(db, world, { startsAt, endsAt });
    await dispatcher.start(request.id);
    const offer = await eventually(() => openOfferOf(request.id, lan.volunteer.id));
    const accepted = await services.dispatch.acceptOffer(lan.viewer, offer.id);
    if (!accepted.assignment) throw new Error('not booked');

    await sleepUntil(new Date(endsAt.getTime() + 60_000));
    await eventually(async () => expect(count(await templates(request.id), 'reportRequested')).toBe(2));
    await services.dispatch.recordNoShow(world.coordinator, accepted.assignment.id);
    await services.dispatch.fileActivityReport(world.requester, accepted.assignment.id, {
      requester: { tookPlace: false, satisfaction: 1, remarks: '通訳者が来ませんでした。' },
    });
    await services.dispatch.approveActivityReports(world.coordinator, request.id);
    await expect(handleOf(request.id).result()).resolves.toBe('completed');
    expect((await assignmentsOf(request.id))[0]).toMatchObject({ status: 'no_show' });
    expect(count(await templates(request.id), 'reminder')).toBe(1);
    await recordHistory('dispatch-no-show', handleOf(request.id));
  }, 120_000);
  describe('poison: a step that can never accept its data fails for good, and the request waits for a coordinator', () => {
    const stepsFailed = async (requestId: string) =>
      (await outboxMessages(db, requestId))
        .filter((message) => message.template === 'stepFailed')
        .map((message) => `${message.payload.step}: ${message.payload.failure}`);

    test('a coordinator rejects with a NUL in the reason: the rejection answers at once with an error, the request waits among the escalations, the coordinators are told, and a rejection with a clean reason goes through', async () => {
      const world = await insertDispatchWorld(db);
      const request = await insertFiledRequest(db, world, {
        startsAt: await dayAhead(12, 10),
        endsAt: await dayAhead(12, 11),
      });
      await dispatcher.start(request.id);
      await eventually(async () => expect(await templates(request.id)).toContain('screeningNeeded'));
      const by = world.coordinator.userId ?? '';

      const started = Date.now();
      await expect(dispatcher.reject(request.id, { by, reason: '対象外\u0000です' })).rejects.toBeInstanceOf(
        ConflictError,
      );
      await expect(dispatcher.approve(request.id, { by: 'not-a-user-id' })).rejects.toBeInstanceOf(ConflictError);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(attemptsOf(request.id, 'rejectRequest')).toBe(1);
      expect(attemptsOf(request.id, 'approveRequest')).toBe(1);
      expect(await requestRow(request.id)).toMatchObject({ status: 'filed', dispatchStage: 'escalated' });
      expect((await requestRow(request.id))?.escalatedAt).not.toBeNull();
      expect(await stepsFailed(request.id)).toEqual(['rejectRequest: DataException', 'approveRequest: DataException']);

      await sync();
      await services.dispatch.reject(world.coordinator, request.id, '医療通訳は当協会では扱っていません。');
      await expect(handleOf(request.id).result()).resolves.toBe('rejected');
      expect(await requestRow(request.id)).toMatchObject({ status: 'rejected', dispatchStage: 'rejected' });
      // The coordinator read it in Japanese, delivered by the workflow.
      const [coordinator] = await db
        .select({ email: schema.users.email })
        .from(schema.users)
        .where(eq(schema.users.id, by));
      expect(
        harness.sent.filter(
          (mail) => mail.to === coordinator?.email && String(mail.subject).includes('処理が止まりました'),
        ),
      ).toHaveLength(2);
      await recordHistory('dispatch-rejection-failed-escalated', handleOf(request.id));
    }, 60_000);

    test('offering, assigning, accepting, declining and reconfirming on bad data each answer with an error and escalate; the request goes on', async () => {
      const world = await insertDispatchWorld(db, { trusted: true });
      const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
      const request = await insertFiledRequest(db, world, {
        startsAt: await dayAhead(12, 10),
        endsAt: await dayAhead(12, 11),
      });
      await dispatcher.start(request.id);
      const offer = await eventually(() => openOfferOf(request.id, lan.volunteer.id));
      const by = world.coordinator.userId ?? '';
      const nobody = randomUUID();
      const volunteerId = lan.volunteer.id;
      for (const decision of [
        () => dispatcher.offer(request.id, { volunteerId: nobody, by }),
        () => dispatcher.assign(request.id, { volunteerId: nobody, by }),
        () => dispatcher.accept(request.id, { offerId: 'not-an-offer-id', volunteerId }),
        () => dispatcher.decline(request.id, { offerId: 'not-an-offer-id', volunteerId }),
        () => dispatcher.reconfirm(request.id, { assignmentId: 'not-a-booking-id', volunteerId }),
      ]) {
        await expect(decision()).rejects.toBeInstanceOf(ConflictError);
      }
      expect(await stepsFailed(request.id)).toEqual([
        'offerByHand: IntegrityConstraintViolation',
        'assignByHand: IntegrityConstraintViolation',
        'acceptOffer: DataException',
        'declineOffer: DataException',
        'reconfirmAssignment: DataException',
      ]);
      expect(await requestRow(request.id)).toMatchObject({ status: 'open', dispatchStage: 'escalated' });
      expect(await assignmentsOf(request.id)).toEqual([]);

      // Nothing was half-written, and Lan's own offer still stands.
      await sync();
      expect((await services.dispatch.acceptOffer(lan.viewer, offer.id)).outcome).toBe('won');
      await eventually(async () => expect(await requestRow(request.id)).toMatchObject({ dispatchStage: 'confirmed' }));
      await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' });
      await expect(handleOf(request.id).result()).resolves.toBe('cancelled');
    }, 60_000);

    test('steps on timers that fail on bad data are told once each and the story goes on: reminders, the request to reconfirm (nobody is released for it), the request for reports', async () => {
      const world = await insertDispatchWorld(db, { trusted: true });
      const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
      const startsAt = await dayAhead(10, 10);
      const endsAt = await dayAhead(10, 12);
      const request = await insertFiledRequest(db, world, { startsAt, endsAt });
      poisoned.set(request.id, new Set(['remindVolunteers', 'askReconfirmation', 'requestReports']));
      await dispatcher.start(request.id);
      const offer = await eventually(() => openOfferOf(request.id, lan.volunteer.id));
      const accepted = await services.dispatch.acceptOffer(lan.viewer, offer.id);
      if (!accepted.assignment) throw new Error('not booked');

      await sleepUntil(new Date(endsAt.getTime() + 3600_000));
      await eventually(async () => expect(attemptsOf(request.id, 'requestReports')).toBe(1));
      // Three reminders, each tried once; one request to reconfirm; Lan is still booked.
      expect(attemptsOf(request.id, 'remindVolunteers')).toBe(3);
      expect(attemptsOf(request.id, 'askReconfirmation')).toBe(1);
      expect(attemptsOf(request.id, 'releaseUnreconfirmed')).toBe(0);
      expect((await assignmentsOf(request.id))[0]).toMatchObject({ status: 'confirmed' });
      expect(await stepsFailed(request.id)).toEqual([
        'remindVolunteers: DataException',
        'askReconfirmation: DataException',
        'requestReports: DataException',
      ]);
      expect(await requestRow(request.id)).toMatchObject({ status: 'filled', dispatchStage: 'escalated' });

      await sync();
      await services.dispatch.fileActivityReport(lan.viewer, accepted.assignment.id, {
        volunteer: { actualStart: startsAt, actualEnd: endsAt, transportFareYen: 0 },
      });
      await services.dispatch.approveActivityReports(world.coordinator, request.id);
      await expect(handleOf(request.id).result()).resolves.toBe('completed');
      await recordHistory('dispatch-timer-steps-failed-escalated', handleOf(request.id));
    }, 120_000);

    test('a wave that cannot go out escalates at once; tried again at the start, the request ends unfilled', async () => {
      const world = await insertDispatchWorld(db, { trusted: true });
      await insertAvailableVolunteer(db, world.associationId, 'Lan');
      const request = await insertFiledRequest(db, world, {
        startsAt: await dayAhead(3, 10),
        endsAt: await dayAhead(3, 12),
      });
      poisoned.set(request.id, new Set(['offerNextWave']));
      await dispatcher.start(request.id);
      await eventually(async () => expect(await stepsFailed(request.id)).toEqual(['offerNextWave: DataException']));
      expect(await requestRow(request.id)).toMatchObject({ status: 'open', dispatchStage: 'escalated' });
      expect(await handleOf(request.id).query('state')).toMatchObject({ stage: 'escalated' });
      expect(attemptsOf(request.id, 'offerNextWave')).toBe(1);

      await expect(handleOf(request.id).result()).resolves.toBe('unfilled');
      expect(attemptsOf(request.id, 'offerNextWave')).toBe(2);
      expect(await stepsFailed(request.id)).toEqual(['offerNextWave: DataException']);
    }, 60_000);

    test('a request that cannot even be taken in waits for somebody to act, and a cancellation ends it', async () => {
      const world = await insertDispatchWorld(db, { trusted: true });
      const request = await insertFiledRequest(db, world, {
        startsAt: await dayAhead(12, 10),
        endsAt: await dayAhead(12, 11),
      });
      poisoned.set(request.id, new Set(['beginDispatch']));
      await dispatcher.start(request.id);
      await eventually(async () => expect(await stepsFailed(request.id)).toEqual(['beginDispatch: DataException']));
      expect(await requestRow(request.id)).toMatchObject({ status: 'filed', dispatchStage: 'escalated' });
      await env.sleep('3 days');
      expect(attemptsOf(request.id, 'beginDispatch')).toBe(1);
      await sync();
      await services.requests.cancel(world.requester, request.id, { reason: 'no_longer_needed' });
      await expect(handleOf(request.id).result()).resolves.toBe('cancelled');
    }, 60_000);
  });
});
