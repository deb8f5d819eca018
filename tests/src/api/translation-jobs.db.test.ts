import { type Db, schema } from '@tsunagu/db';
import { insertTestDocument, openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { type ConflictError, DomainError, fixedClock, NotFoundError, type Viewer } from '@tsunagu/domain';
import { createLogger, createServices, type Services } from '@tsunagu/services';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  insertAvailableVolunteer,
  insertDispatchWorld,
  insertFiledTranslation,
  outboxMessages,
} from '../support/dispatch-world';
import { insertRateSchedule, insertRequest, yabuRates } from '../support/fixtures';
import { inlineDispatcher } from '../support/inline-dispatcher';

/**
 * The translation job's use cases on a real database (the dispatch steps in-process): a
 * translator booked for a Vietnamese document fetches the source, submits versions, the city
 * asks for revisions up to the policy's limit and accepts; the fee follows the counted pages.
 * The clock is pinned to Monday 1 February 2027, the deadline that Friday.
 */
describe('a translation job, from the booking to the fee', () => {
  let testDb: TestDatabase;
  let db: Db;
  let services: Services;
  let world: Awaited<ReturnType<typeof insertDispatchWorld>>;
  const clock = fixedClock('2027-02-01T09:00:00+09:00');
  const deadline = new Date('2027-02-05T17:00:00+09:00');

  beforeAll(async () => {
    testDb = await openTestDatabase();
    db = testDb.database.db;
    world = await insertDispatchWorld(db);
    services = createServices({
      db,
      clock,
      logger: createLogger({ level: 'silent' }),
      dispatcher: inlineDispatcher(db, clock),
    });
  });
  afterAll(async () => {
    await testDb?.dispose();
  });

  /** A translation request with its source (1,000 characters, corrected to 1,200) and a booked translator. */
  async function bookedJob(name: string) {
    const request = await insertFiledTranslation(db, world, deadline, { status: 'open' });
    const source = await insertTestDocument(db, {
      associationId: world.associationId,
      organizationId: world.organizationId,
      requestId: request.id,
      role: 'source',
      uploadedBy: world.requesterUser.id,
      countUnit: 'pages',
      counted: 4,
      correctedCount: 5,
    });
    const translator = await insertAvailableVolunteer(db, world.associationId, name);
    await services.dispatch.assignVolunteer(world.coordinator, request.id, translator.volunteer.id);
    return { request, source, translator };
  }

  const upload = (request: { id: string }, by: { id: string }, version: number, counted = 6) =>
    insertTestDocument(db, {
      associationId: world.associationId,
      organizationId: world.organizationId,
      requestId: request.id,
      role: 'translation',
      uploadedBy: by.id,
      version,
      countUnit: 'pages',
      counted,
    });

  const jobOf = async (requestId: string) => {
    const [job] = await db.select().from(schema.translationJobs).where(eq(schema.translationJobs.requestId, requestId));
    if (!job) throw new Error('no job');
    return job;
  };

  /** The refusal a use case answers, with what a Japanese and an English reader see. */
  async function refusal(run: () => Promise<unknown>) {
    try {
      await run();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('not refused');
  }

  test('the booking opens the job with the policy’s two revision rounds', async () => {
    const { request } = await bookedJob('Nguyen Van An');
    expect(await jobOf(request.id)).toMatchObject({ state: 'booked', roundsAllowed: 2, roundsUsed: 0 });
  });

  test('the whole story: source fetched, two revisions asked, the third version accepted, the fee on the source’s corrected pages', async () => {
    const { request, source, translator } = await bookedJob('Tran Thi Binh');
    const you = translator.viewer;

    // Submitting before the source is fetched is refused, in both languages.
    const early = await upload(request, translator.user, 1);
    const notYet = await refusal(() => services.translations.submitTranslation(you, request.id, early.id));
    expect((notYet as ConflictError).reason).toBe('source_not_downloaded');
    expect(notYet.localized).toEqual({ ja: '先に原文をダウンロードしてください。', en: 'Download the source first.' });

    // The requester's own download changes nothing; the translator's first one moves the job on.
    await services.translations.sourceDownloaded({ documentId: source.id, userId: world.requesterUser.id });
    expect((await jobOf(request.id)).state).toBe('booked');
    await services.translations.sourceDownloaded({ documentId: source.id, userId: translator.user.id });
    expect((await jobOf(request.id)).state).toBe('source_downloaded');

    expect((await services.translations.submitTranslation(you, request.id, early.id)).state).toBe('submitted');
    expect((await outboxMessages(db, request.id)).map((message) => message.template)).toContain('translationSubmitted');
    const again = await refusal(() => services.translations.submitTranslation(you, request.id, early.id));
    expect((again as ConflictError).reason).toBe('translation_awaiting_review');

    const empty = await refusal(() => services.translations.askForRevision(world.requester, request.id, '  '));
    expect(empty.localized.ja).toBe('修正してほしい点を入力してください。');
    await services.translations.askForRevision(world.requester, request.id, '固有名詞の表記をそろえてください。');

    const resubmitted = await refusal(() => services.translations.submitTranslation(you, request.id, early.id));
    expect((resubmitted as ConflictError).reason).toBe('version_already_submitted');
    const second = await upload(request, translator.user, 2);
    await services.translations.submitTranslation(you, request.id, second.id);
    await services.translations.askForRevision(world.requester, request.id, '日付の書き方を直してください。');
    const third = await upload(request, translator.user, 3);
    await services.translations.submitTranslation(you, request.id, third.id);

    // Two rounds used: a third is refused, and nothing is written.
    const limit = await refusal(() => services.translations.askForRevision(world.requester, request.id, 'もう一度'));
    expect((limit as ConflictError).reason).toBe('revision_rounds_used');
    expect(limit.localized.en).toBe(
      'Revisions are limited to 2 rounds: accept the translation, or talk to the association’s coordinators.',
    );
    expect(await jobOf(request.id)).toMatchObject({ state: 'submitted', roundsUsed: 2 });

    const accepted = await services.translations.acceptTranslation(world.requester, request.id);
    expect(accepted).toMatchObject({ state: 'accepted', submittedDocumentId: third.id });
    const reviews = await db.query.translationReviews.findMany({
      where: { jobId: accepted.id },
      orderBy: { round: 'asc' },
    });
    expect(reviews.map((review) => [review.round, review.decision, review.documentId])).toEqual([
      [1, 'revision_asked', early.id],
      [2, 'revision_asked', second.id],
      [3, 'accepted', third.id],
    ]);

    // Yabu City's ¥1,500 a page, counted on the source as the requester corrected it (5 pages).
    const lines = await db.query.expenseLines.findMany({ where: { assignmentId: accepted.assignmentId } });
    expect(lines.map((line) => [line.kind, line.amountYen, line.payer, line.grantTaxCategory, line.status])).toEqual([
      ['translation_fee', 7500, 'requester', '1', 'submitted'],
    ]);
    expect(lines[0]?.basis).toEqual({ ja: '5ページ × 1,500円', en: '5 pages × ¥1,500' });
    const twice = await refusal(() => services.translations.acceptTranslation(world.requester, request.id));
    expect((twice as ConflictError).reason).toBe('translation_already_accepted');
  });

  test('a rule that pays on the translation counts the accepted version', async () => {
    const schedule = await insertRateSchedule(db, world.associationId, {
      rules: { ...yabuRates, translation: { perPageYen: 1500, perManuscriptPageYen: null, countedOn: 'target' } },
      effectiveFrom: '2026-04-01',
    });
    try {
      const { request, source, translator } = await bookedJob('Le Van Cuong');
      await services.translations.sourceDownloaded({ documentId: source.id, userId: translator.user.id });
      const version = await upload(request, translator.user, 1, 8);
      await services.translations.submitTranslation(translator.viewer, request.id, version.id);
      const accepted = await services.translations.acceptTranslation(world.requester, request.id);
      const lines = await db.query.expenseLines.findMany({ where: { assignmentId: accepted.assignmentId } });
      expect(lines.map((line) => line.amountYen)).toEqual([12_000]);
    } finally {
      await db.delete(schema.rateSchedules).where(eq(schema.rateSchedules.id, schedule.id));
    }
  });

  test('a fee that cannot be counted refuses the acceptance and writes nothing', async () => {
    const { request, translator } = await bookedJob('Pham Thi Dung');
    await db
      .update(schema.documents)
      .set({ countUnit: null, counted: null, correctedCount: null })
      .where(eq(schema.documents.requestId, request.id));
    const [source] = await db.select().from(schema.documents).where(eq(schema.documents.requestId, request.id));
    await services.translations.sourceDownloaded({ documentId: source?.id ?? '', userId: translator.user.id });
    const version = await upload(request, translator.user, 1);
    await services.translations.submitTranslation(translator.viewer, request.id, version.id);
    const uncounted = await refusal(() => services.translations.acceptTranslation(world.requester, request.id));
    expect((uncounted as ConflictError).reason).toBe('translation_not_counted');
    const job = await jobOf(request.id);
    expect(job.state).toBe('submitted');
    expect(await db.query.translationReviews.findMany({ where: { jobId: job.id } })).toEqual([]);
    expect(await db.query.expenseLines.findMany({ where: { assignmentId: job.assignmentId } })).toEqual([]);
  });

  test('only the booked translator submits or gives back, only the requester’s side reviews, and other organizations see nothing', async () => {
    const { request, source, translator } = await bookedJob('Hoang Van Em');
    const stranger = await insertAvailableVolunteer(db, world.associationId, 'Vo Thi Phuong');
    await services.translations.sourceDownloaded({ documentId: source.id, userId: translator.user.id });
    const version = await upload(request, translator.user, 1);
    const foreign = await refusal(() =>
      services.translations.submitTranslation(stranger.viewer, request.id, version.id),
    );
    expect(foreign).toBeInstanceOf(NotFoundError);
    const theirs = await upload(request, stranger.user, 2);
    const notYours = await refusal(() =>
      services.translations.submitTranslation(translator.viewer, request.id, theirs.id),
    );
    expect((notYours as ConflictError).reason).toBe('not_a_version_of_this_job');
    await services.translations.submitTranslation(translator.viewer, request.id, version.id);
    const selfReview = await refusal(() => services.translations.acceptTranslation(translator.viewer, request.id));
    expect(selfReview.code).toBe('FORBIDDEN');
    const otherOrganization: Viewer = { ...world.requester, organizationId: '00000000-0000-4000-8000-000000000000' };
    const outsider = await refusal(() => services.translations.acceptTranslation(otherOrganization, request.id));
    expect(outsider).toBeInstanceOf(NotFoundError);
    const otherCoordinator: Viewer = { ...world.coordinator, coordinatorOf: ['00000000-0000-4000-8000-000000000001'] };
    expect(
      await refusal(() => services.translations.askForRevision(otherCoordinator, request.id, '直して')),
    ).toBeInstanceOf(NotFoundError);
    // A coordinator reviews for the organization.
    expect((await services.translations.acceptTranslation(world.coordinator, request.id)).state).toBe('accepted');
  });

  test('the translator gives the job back: the booking is released, the job ends, and the request reopens for cover', async () => {
    const { request, translator } = await bookedJob('Dang Van Giang');
    const given = await services.translations.giveBackTranslation(translator.viewer, request.id, { reason: 'illness' });
    expect(given.state).toBe('given_back');
    const [assignment] = await db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.id, given.assignmentId));
    expect(assignment).toMatchObject({ status: 'released', releaseReason: 'withdrew', withdrawalReason: 'illness' });
    const [reopened] = await db.select().from(schema.requests).where(eq(schema.requests.id, request.id));
    expect(reopened).toMatchObject({ status: 'open', dispatchStage: 'offering' });
    const ended = await refusal(() =>
      services.translations.giveBackTranslation(translator.viewer, request.id, { reason: 'illness' }),
    );
    expect(ended.localized.ja).toBe('「返上」の翻訳の仕事には、もう何もできません。');

    // The cover gets a job of their own.
    const cover = await insertAvailableVolunteer(db, world.associationId, 'Bui Thi Hoa');
    await services.dispatch.assignVolunteer(world.coordinator, request.id, cover.volunteer.id);
    const jobs = await db.select().from(schema.translationJobs).where(eq(schema.translationJobs.requestId, request.id));
    expect(jobs.map((job) => job.state).sort()).toEqual(['booked', 'given_back']);
  });

  test('a request that is no translation has no job', async () => {
    const request = await insertRequest(db, world.associationId, world.organizationId, {});
    const error = await refusal(() => services.translations.acceptTranslation(world.requester, request.id));
    expect((error as ConflictError).reason).toBe('not_a_translation');
  });
});
