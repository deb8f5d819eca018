import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Db, schema } from '@tsunagu/db';
import { insertTestDocument, openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { type ConflictError, fixedClock } from '@tsunagu/domain';
import { createLogger, createServices, type Dispatcher, type Services } from '@tsunagu/services';
import { dispatchWorkflowId, translationJobQuery, translationJobWorkflowId } from '@tsunagu/workflows';
import { recordHistory } from '@tsunagu/workflows/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertAvailableVolunteer, insertDispatchWorld, insertFiledTranslation } from '../support/dispatch-world';
import { type DispatchHarness, startDispatchHarness } from '../support/temporal';

/**
 * A translation job's workflow (a child of the request's dispatch workflow) on the time-skipping
 * test server, with its steps on a real database: the reminders before the deadline, the overdue
 * escalation, the revision limit, and a translator giving the job back while cover is found.
 */
describe('the translation job, across days', () => {
  let env: TestWorkflowEnvironment;
  let testDb: TestDatabase;
  let db: Db;
  let harness: DispatchHarness;
  let dispatcher: Dispatcher;
  let services: Services;
  let clock: ReturnType<typeof fixedClock>;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    db = testDb.database.db;
    harness = await startDispatchHarness(testDb.database);
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
  const sleepUntil = async (instant: Date) => {
    const ms = instant.getTime() - (await env.currentTimeMs());
    if (ms > 0) await env.sleep(ms);
    await sync();
  };
  /** That day, `days` ahead of the test server's today in Japan, at `hour` in Japan. */
  const dayAhead = async (days: number, hour: number) => {
    const date = new Date((await env.currentTimeMs()) + days * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 10);
    return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+09:00`);
  };
  const eventually = async <T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const templates = async (requestId: string) =>
    (await db.select().from(schema.outbox))
      .filter((row) => (row.payload as { requestId?: string }).requestId === requestId)
      .map((row) => row.template);
  const count = (list: string[], template: string) => list.filter((each) => each === template).length;
  const jobsOf = (requestId: string) =>
    db.select().from(schema.translationJobs).where(eq(schema.translationJobs.requestId, requestId));

  /** A translator of Vietnamese from Japanese. */
  const translator = async (world: { associationId: string }, name: string) => {
    const volunteer = await insertAvailableVolunteer(db, world.associationId, name);
    await db
      .update(schema.volunteerLanguages)
      .set({ directions: ['translation_from_japanese'] })
      .where(eq(schema.volunteerLanguages.volunteerId, volunteer.volunteer.id));
    return volunteer;
  };

  const fileTranslation = async (world: Awaited<ReturnType<typeof insertDispatchWorld>>, deadline: Date) => {
    const request = await insertFiledTranslation(db, world, deadline);
    const source = await insertTestDocument(db, {
      associationId: world.associationId,
      organizationId: world.organizationId,
      requestId: request.id,
      role: 'source',
      uploadedBy: world.requesterUser.id,
      countUnit: 'pages',
      counted: 4,
    });
    return { request, source };
  };

  const upload = (
    world: { associationId: string; organizationId: string },
    requestId: string,
    by: string,
    version: number,
  ) =>
    insertTestDocument(db, {
      associationId: world.associationId,
      organizationId: world.organizationId,
      requestId,
      role: 'translation',
      uploadedBy: by,
      version,
      countUnit: 'pages',
      counted: 4,
    });

  test('reminded three days and one day before, overdue at the deadline (coordinators asked, the city told), revised twice, a third round refused, accepted late and done', async () => {
    const world = await insertDispatchWorld(db, { trusted: true });
    const an = await translator(world, 'Nguyen Van An');
    const deadline = await dayAhead(10, 17);
    const { request, source } = await fileTranslation(world, deadline);

    await dispatcher.start(request.id);
    const offer = await eventually(async () => {
      const [open] = await db.select().from(schema.offers).where(eq(schema.offers.requestId, request.id));
      if (!open) throw new Error('no offer yet');
      return open;
    });
    await sync();
    const accepted = await services.dispatch.acceptOffer(an.viewer, offer.id);
    expect(accepted.outcome).toBe('won');
    const assignmentId = accepted.assignment?.id ?? '';
    const job = env.client.workflow.getHandle(translationJobWorkflowId(assignmentId));
    await eventually(async () => expect((await job.describe()).status.name).toBe('RUNNING'));

    // Three days before: the job reminds the translator (dispatch's own reminders stay silent).
    await sleepUntil(new Date(deadline.getTime() - 71 * 3600_000));
    await eventually(async () => expect(count(await templates(request.id), 'translationDue')).toBe(1));
    await sleepUntil(new Date(deadline.getTime() - 23 * 3600_000));
    await eventually(async () => expect(count(await templates(request.id), 'translationDue')).toBe(2));
    expect(count(await templates(request.id), 'reminder')).toBe(0);

    // Nothing submitted by the deadline: the coordinators are asked to step in, the requester told.
    await sleepUntil(new Date(deadline.getTime() + 3600_000));
    await eventually(async () => expect(count(await templates(request.id), 'translationLate')).toBe(1));
    expect(count(await templates(request.id), 'translationOverdue')).toBe(1);
    expect((await jobsOf(request.id))[0]).toMatchObject({ state: 'overdue' });

    // Late, the work still comes: fetched, submitted, revised twice, a third round refused.
    await services.translations.sourceDownloaded({ documentId: source.id, userId: an.user.id });
    for (const version of [1, 2, 3]) {
      const document = await upload(world, request.id, an.user.id, version);
      await services.translations.submitTranslation(an.viewer, request.id, document.id);
      if (version < 3)
        await services.translations.askForRevision(world.requester, request.id, `第${version}版の修正点`);
    }
    await expect(services.translations.askForRevision(world.requester, request.id, 'もう一度')).rejects.toMatchObject({
      reason: 'revision_rounds_used',
    } satisfies Partial<ConflictError>);
    expect(count(await templates(request.id), 'revisionAsked')).toBe(2);
    await services.translations.acceptTranslation(world.requester, request.id);

    await expect(job.result()).resolves.toBe('done');
    expect((await jobsOf(request.id))[0]).toMatchObject({ state: 'done', roundsUsed: 2 });
    await eventually(async () => expect(count(await templates(request.id), 'translationAccepted')).toBe(1));

    // The reports close the request; the fee came with the acceptance, the report adds the fare only.
    await sync();
    await services.dispatch.fileActivityReport(an.viewer, assignmentId, {
      volunteer: {
        actualStart: new Date(deadline.getTime() - 48 * 3600_000),
        actualEnd: new Date(deadline.getTime() + 3600_000),
        transportFareYen: 0,
        notes: '遅れて申し訳ありません',
      },
    });
    await services.dispatch.approveActivityReports(world.coordinator, request.id);
    const dispatch = env.client.workflow.getHandle(dispatchWorkflowId(request.id));
    await expect(dispatch.result()).resolves.toBe('completed');
    const lines = await db.select().from(schema.expenseLines).where(eq(schema.expenseLines.assignmentId, assignmentId));
    expect(lines.map((line) => [line.kind, line.amountYen])).toEqual([['translation_fee', 6000]]);
    await recordHistory('translation-job-overdue-revised-accepted', job);
    await recordHistory('dispatch-translation-overdue-accepted', dispatch);
  }, 120_000);

  test('a translator gives the job back: released, and the next translator is offered it at once and gets a job of their own', async () => {
    const world = await insertDispatchWorld(db, { trusted: true, policy: { offers: { waveSize: 1, maxWaves: 3 } } });
    const [binh, cuong] = [await translator(world, 'Tran Thi Binh'), await translator(world, 'Le Van Cuong')];
    const deadline = await dayAhead(12, 17);
    const { request } = await fileTranslation(world, deadline);
    await dispatcher.start(request.id);
    const first = await eventually(async () => {
      const [open] = await db.select().from(schema.offers).where(eq(schema.offers.requestId, request.id));
      if (!open) throw new Error('no offer yet');
      return open;
    });
    const [taker, cover] = first.volunteerId === binh.volunteer.id ? [binh, cuong] : [cuong, binh];
    await sync();
    const booked = await services.dispatch.acceptOffer(taker.viewer, first.id);
    const firstJob = env.client.workflow.getHandle(translationJobWorkflowId(booked.assignment?.id ?? ''));
    await eventually(async () => expect((await firstJob.describe()).status.name).toBe('RUNNING'));

    await sleepUntil(new Date((await env.currentTimeMs()) + 24 * 3600_000));
    const given = await services.translations.giveBackTranslation(taker.viewer, request.id, {
      reason: 'schedule_conflict',
    });
    expect(given.state).toBe('given_back');
    await expect(firstJob.result()).resolves.toBe('given_back');

    const second = await eventually(async () => {
      const open = (await db.select().from(schema.offers).where(eq(schema.offers.requestId, request.id))).find(
        (offer) => offer.volunteerId === cover.volunteer.id && offer.status === 'offered',
      );
      if (!open) throw new Error('no cover offer yet');
      return open;
    });
    const coverTemplates = await templates(request.id);
    expect(count(coverTemplates, 'coverNeeded')).toBeGreaterThan(0);
    await sync();
    const covered = await services.dispatch.acceptOffer(cover.viewer, second.id);
    expect(covered.outcome).toBe('won');
    const coverJob = env.client.workflow.getHandle(translationJobWorkflowId(covered.assignment?.id ?? ''));
    await eventually(async () => expect((await coverJob.describe()).status.name).toBe('RUNNING'));
    expect((await jobsOf(request.id)).map((job) => job.state).sort()).toEqual(['booked', 'given_back']);
    await recordHistory('translation-job-given-back', firstJob);
  }, 120_000);

  test('a later deadline the translator accepts moves the overdue timer: not overdue at the old deadline, overdue at the new one', async () => {
    const world = await insertDispatchWorld(db, { trusted: true });
    const lan = await translator(world, 'Pham Thi Lan');
    const deadline = await dayAhead(6, 17);
    const later = new Date(deadline.getTime() + 4 * 24 * 3600_000);
    const { request } = await fileTranslation(world, deadline);
    await dispatcher.start(request.id);
    const offer = await eventually(async () => {
      const [open] = await db.select().from(schema.offers).where(eq(schema.offers.requestId, request.id));
      if (!open) throw new Error('no offer yet');
      return open;
    });
    await sync();
    const booked = await services.dispatch.acceptOffer(lan.viewer, offer.id);
    const job = env.client.workflow.getHandle(translationJobWorkflowId(booked.assignment?.id ?? ''));
    await eventually(async () => expect((await job.describe()).status.name).toBe('RUNNING'));

    await sleepUntil(new Date((await env.currentTimeMs()) + 24 * 3600_000));
    await services.translations.proposeTranslationChange(world.requester, request.id, {
      deadline: later.toISOString(),
      addDocumentIds: [],
      removeDocumentIds: [],
    });
    // Proposed only: the job still runs to the old deadline until the translator accepts.
    const [proposed] = await db.select().from(schema.requests).where(eq(schema.requests.id, request.id));
    expect(proposed?.deadline).toEqual(deadline);
    const before = (await job.query(translationJobQuery)).nextWakeAt;
    await services.translations.answerTranslationChange(lan.viewer, request.id, true);
    // Told by the answer, the workflow reads the job again and sets its timers from the new deadline.
    await eventually(async () => expect((await job.query(translationJobQuery)).nextWakeAt).not.toBe(before));

    await sleepUntil(new Date(deadline.getTime() + 3600_000));
    expect((await jobsOf(request.id))[0]).toMatchObject({ state: 'booked' });
    expect(count(await templates(request.id), 'translationOverdue')).toBe(0);

    await sleepUntil(new Date(later.getTime() + 3600_000));
    await eventually(async () => expect((await jobsOf(request.id))[0]).toMatchObject({ state: 'overdue' }));
    expect(count(await templates(request.id), 'translationOverdue')).toBe(1);
  }, 120_000);
  test('an overdue job given a later deadline goes back to its work and leaves the overdue list; the reminder already past is not sent late, the next one is, and it is overdue again at the new deadline', async () => {
    const world = await insertDispatchWorld(db, { trusted: true });
    const minh = await translator(world, 'Hoang Van Minh');
    const deadline = await dayAhead(5, 17);
    const later = new Date(deadline.getTime() + 2 * 24 * 3600_000);
    const { request, source } = await fileTranslation(world, deadline);
    await dispatcher.start(request.id);
    const offer = await eventually(async () => {
      const [open] = await db.select().from(schema.offers).where(eq(schema.offers.requestId, request.id));
      if (!open) throw new Error('no offer yet');
      return open;
    });
    await sync();
    const booked = await services.dispatch.acceptOffer(minh.viewer, offer.id);
    const job = env.client.workflow.getHandle(translationJobWorkflowId(booked.assignment?.id ?? ''));
    await eventually(async () => expect((await job.describe()).status.name).toBe('RUNNING'));
    await services.translations.sourceDownloaded({ documentId: source.id, userId: minh.user.id });
    const overdueList = async () =>
      (
        await db
          .select()
          .from(schema.translationJobs)
          .where(eq(schema.translationJobs.associationId, world.associationId))
      )
        .filter((row) => row.state === 'overdue')
        .map((row) => row.requestId);

    await sleepUntil(new Date(deadline.getTime() + 3600_000));
    await eventually(async () => expect((await jobsOf(request.id))[0]).toMatchObject({ state: 'overdue' }));
    expect(await overdueList()).toEqual([request.id]);
    expect(count(await templates(request.id), 'translationDue')).toBe(2);

    await services.translations.proposeTranslationChange(world.requester, request.id, {
      deadline: later.toISOString(),
      addDocumentIds: [],
      removeDocumentIds: [],
      note: '担当課の確認が遅れています',
    });
    const answered = await services.translations.answerTranslationChange(minh.viewer, request.id, true);
    expect(answered).toMatchObject({ state: 'source_downloaded', overdueAt: null });
    expect(await overdueList()).toEqual([]);
    await eventually(async () =>
      expect((await job.query(translationJobQuery)).nextWakeAt).toBe(
        new Date(later.getTime() - 24 * 3600_000).toISOString(),
      ),
    );

    // Three days before the new deadline was already past when it was accepted: only the day-before reminder comes.
    await sleepUntil(new Date(later.getTime() - 23 * 3600_000));
    await eventually(async () => expect(count(await templates(request.id), 'translationDue')).toBe(3));
    expect((await jobsOf(request.id))[0]).toMatchObject({ state: 'source_downloaded' });

    await sleepUntil(new Date(later.getTime() + 3600_000));
    await eventually(async () => expect((await jobsOf(request.id))[0]).toMatchObject({ state: 'overdue' }));
    expect(count(await templates(request.id), 'translationOverdue')).toBe(2);
    expect(count(await templates(request.id), 'translationDue')).toBe(3);
    expect(await overdueList()).toEqual([request.id]);
    await recordHistory('translation-job-overdue-deadline-moved', job);
  }, 120_000);
});
