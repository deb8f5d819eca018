import { type Db, schema } from '@tsunagu/db';
import { insertTestDocument, openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { createDispatchSteps } from '@tsunagu/services';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi, testNow } from '../support/api';
import { insertAvailableVolunteer, insertDispatchWorld, insertFiledTranslation } from '../support/dispatch-world';
import { insertAssociation, insertOrganization, insertRequester, insertStaffMember } from '../support/fixtures';
import { inlineDispatcher } from '../support/inline-dispatcher';
import { countingStatements } from '../support/statements';

const jobFields = `__typename
  ... on Error { message }
  ... on ConflictError { reason }
  ... on ValidationError { problems { path message } }`;

const job =
  'state roundsUsed roundsAllowed deadline versions { id version fileName role countUnit counted downloadUrl } submittedVersion { id version } reviews { round decision comment }';

/**
 * The translation job's mutations over HTTP: each answers the job or a typed error in the reader's
 * language, writes nothing when it refuses, and shows nothing to another organization or association.
 */
describe('translation jobs over the API', () => {
  let testDb: TestDatabase;
  let db: Db;
  let api: TestApi;
  const clock = fixedClock(testNow);
  let world: Awaited<ReturnType<typeof insertDispatchWorld>>;
  let requestId: string;
  let sourceId: string;
  let translator: Awaited<ReturnType<typeof insertAvailableVolunteer>>;
  const sessions: Record<'requester' | 'translator' | 'coordinator' | 'neighbour' | 'otherCoordinator', string> = {
    requester: '',
    translator: '',
    coordinator: '',
    neighbour: '',
    otherCoordinator: '',
  };

  beforeAll(async () => {
    testDb = await openTestDatabase();
    db = testDb.database.db;
    api = await startTestApi(testDb.database, { clock, dispatcher: inlineDispatcher(db, clock) });
    world = await insertDispatchWorld(db);
    const request = await insertFiledTranslation(db, world, new Date('2027-01-22T17:00:00+09:00'), {
      status: 'open',
      volume: 2,
    });
    requestId = request.id;
    sourceId = (
      await insertTestDocument(db, {
        associationId: world.associationId,
        organizationId: world.organizationId,
        requestId,
        role: 'source',
        uploadedBy: world.requesterUser.id,
        countUnit: 'pages',
        counted: 2,
      })
    ).id;
    translator = await insertAvailableVolunteer(db, world.associationId, 'Nguyen Van An', { locale: 'en' });
    await createDispatchSteps({ db }).assignByHand(
      requestId,
      translator.volunteer.id,
      world.coordinator.userId ?? '',
      new Date().toISOString(),
    );
    const neighbour = await insertRequester(
      db,
      (await insertOrganization(db, world.associationId, { name: 'Suita' })).id,
    );
    const otherCoordinator = await insertStaffMember(db, (await insertAssociation(db)).id, 'coordinator');
    sessions.requester = await api.sessionFor(world.requesterUser.id);
    sessions.translator = await api.sessionFor(translator.user.id);
    sessions.coordinator = await api.sessionFor(world.coordinator.userId ?? '');
    sessions.neighbour = await api.sessionFor(neighbour.id);
    sessions.otherCoordinator = await api.sessionFor(otherCoordinator.id);
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  const jobRow = async () =>
    (await db.select().from(schema.translationJobs).where(eq(schema.translationJobs.requestId, requestId)))[0];
  const reviews = async () => {
    const current = await jobRow();
    return current
      ? db.select().from(schema.translationReviews).where(eq(schema.translationReviews.jobId, current.id))
      : [];
  };
  const call = async (as: keyof typeof sessions, mutation: string, args = '') => {
    const success = `Mutation${mutation[0]?.toUpperCase()}${mutation.slice(1)}Success`;
    const result = await api.graphql<Record<string, Record<string, unknown> & { data?: Record<string, unknown> }>>(
      `mutation ($id: ID!) { ${mutation}(requestId: $id${args}) { ${jobFields} ... on ${success} { data { ${job} } } } }`,
      { id: globalId('Request', requestId) },
      { session: sessions[as] },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const answer = result.data?.[mutation] ?? {};
    // A success answers the job itself, for the expectations below.
    return answer.data ? { __typename: 'TranslationJob', ...answer.data } : answer;
  };
  const uploadVersion = (version: number) =>
    insertTestDocument(db, {
      associationId: world.associationId,
      organizationId: world.organizationId,
      requestId,
      role: 'translation',
      uploadedBy: translator.user.id,
      version,
      countUnit: 'pages',
      counted: 2,
    });

  test('submitting before the source is fetched: refused in English for an English reader, nothing written', async () => {
    const version = await uploadVersion(1);
    const answer = await call('translator', 'submitTranslation', `, documentId: "${globalId('Document', version.id)}"`);
    expect(answer).toEqual({
      __typename: 'ConflictError',
      reason: 'source_not_downloaded',
      message: 'Download the source first.',
    });
    expect(await jobRow()).toMatchObject({ state: 'booked', submittedDocumentId: null });
  });

  test('submitted once the source is fetched; the requester sees the job, another organization and association do not', async () => {
    // The translator fetches the source as the web app does: the download itself moves the job on.
    const download = await fetch(`${api.url}/documents/${sourceId}`, {
      headers: { cookie: `tsunagu_session=${sessions.translator}` },
    });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('source 1');
    expect(await jobRow()).toMatchObject({ state: 'source_downloaded' });
    // A version uploaded as the web app uploads it moves the job on to "translation uploaded".
    const form = new FormData();
    form.append('role', 'translation');
    form.append('requestId', requestId);
    form.append('file', new Blob(['Bản dịch thứ hai.']), '訳文-v2.txt');
    const uploaded = await fetch(`${api.url}/documents`, {
      method: 'POST',
      headers: { cookie: `tsunagu_session=${sessions.translator}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    expect(await jobRow()).toMatchObject({ state: 'translation_uploaded' });
    const [version] = await db.select().from(schema.documents).where(eq(schema.documents.fileName, '訳文-v1.docx'));
    const answer = await call(
      'translator',
      'submitTranslation',
      `, documentId: "${globalId('Document', version?.id ?? '')}"`,
    );
    // The versions are the API's documents, with their counts and where to download them.
    expect(answer).toMatchObject({
      __typename: 'TranslationJob',
      state: 'submitted',
      roundsAllowed: 2,
      versions: [
        {
          id: globalId('Document', version?.id ?? ''),
          version: 1,
          fileName: '訳文-v1.docx',
          role: 'translation',
          countUnit: 'pages',
          counted: 2,
          downloadUrl: `/documents/${version?.id}`,
        },
        { version: 2, fileName: '訳文-v2.txt', countUnit: 'words', counted: 4 },
      ],
      submittedVersion: { id: globalId('Document', version?.id ?? ''), version: 1 },
    });

    const read = `query ($id: ID!) { node(id: $id) { ... on Request { translationJob { state versions { version } } } } }`;
    const own = await api.graphql(read, { id: globalId('Request', requestId) }, { session: sessions.requester });
    expect(own.data).toEqual({
      node: { translationJob: { state: 'submitted', versions: [{ version: 1 }, { version: 2 }] } },
    });
    for (const outsider of ['neighbour', 'otherCoordinator'] as const) {
      const seen = await api.graphql(read, { id: globalId('Request', requestId) }, { session: sessions[outsider] });
      expect(JSON.stringify(seen.data ?? {})).not.toContain('submitted');
      expect(await call(outsider, 'acceptTranslation')).toMatchObject({ __typename: 'NotFoundError' });
    }
    expect(await reviews()).toEqual([]);
  });

  test('a revision without a comment is a validation error in Japanese; nothing written', async () => {
    const answer = await call('requester', 'askForRevision', ', comment: "   "');
    expect(answer).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ path: ['input', 'comment'], message: '修正してほしい点を入力してください。' }],
    });
    expect(await jobRow()).toMatchObject({ state: 'submitted', roundsUsed: 0 });
    expect(await reviews()).toEqual([]);
  });

  test('the translator cannot review their own work, nor give back a job under review', async () => {
    const self = await api.graphql(
      'mutation ($id: ID!) { acceptTranslation(requestId: $id) { __typename } }',
      { id: globalId('Request', requestId) },
      { session: sessions.translator },
    );
    expect(self.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await call('translator', 'giveBackTranslation', ', cancellation: { reason: "illness" }')).toMatchObject({
      __typename: 'ConflictError',
      reason: 'translation_awaiting_review',
      message: 'The submitted translation is waiting for the requester’s review.',
    });
    // A reason off the translator's own list is refused beside its field before anything else.
    expect(await call('translator', 'giveBackTranslation', ', cancellation: { reason: "date_changed" }')).toMatchObject(
      {
        __typename: 'ValidationError',
        problems: [{ path: ['cancellation', 'reason'] }],
      },
    );
  });

  test('asked to revise, submitted again, accepted: the reviews are listed, the fee is a line, the translator reads their job', async () => {
    expect(await call('requester', 'askForRevision', ', comment: "表記をそろえてください"')).toMatchObject({
      state: 'revision_asked',
      roundsUsed: 1,
      reviews: [{ round: 1, decision: 'revision_asked', comment: '表記をそろえてください' }],
    });
    const second = await uploadVersion(3);
    await call('translator', 'submitTranslation', `, documentId: "${globalId('Document', second.id)}"`);
    expect(await call('requester', 'acceptTranslation')).toMatchObject({
      state: 'accepted',
      reviews: [{ round: 1 }, { round: 2, decision: 'accepted', comment: null }],
    });
    const current = await jobRow();
    const lines = await db
      .select()
      .from(schema.expenseLines)
      .where(eq(schema.expenseLines.assignmentId, current?.assignmentId ?? ''));
    expect(lines.map((line) => [line.kind, line.amountYen])).toEqual([['translation_fee', 3000]]);
    const mine = await api.graphql(
      '{ myAssignments { nodes { translationJob { state requestId sources { id role } } } } }',
      {},
      { session: sessions.translator },
    );
    // The translator names the request for uploads and reads what to translate, without reading the request.
    expect(mine.data).toEqual({
      myAssignments: {
        nodes: [
          {
            translationJob: {
              state: 'accepted',
              requestId: globalId('Request', requestId),
              sources: [{ id: globalId('Document', sourceId), role: 'source' }],
            },
          },
        ],
      },
    });
    expect(await call('requester', 'askForRevision', ', comment: "もう一度"')).toMatchObject({
      reason: 'translation_already_accepted',
      message: 'この翻訳はすでに検収済みです。',
    });
  });
});

/**
 * A change to a booked translation (a new deadline, a corrected source) is the translator's to
 * accept: proposed by the requester, it waits with the translator told, and the request keeps its
 * deadline and sources until they accept; declined, nothing changes and the requester is told.
 */
describe('changing a booked translation', () => {
  let testDb: TestDatabase;
  let db: Db;
  let api: TestApi;
  let counted: ReturnType<typeof countingStatements>;
  const clock = fixedClock(testNow);
  let world: Awaited<ReturnType<typeof insertDispatchWorld>>;
  let requestId: string;
  let oldSourceId: string;
  let translator: Awaited<ReturnType<typeof insertAvailableVolunteer>>;
  let requesterSession: string;
  let translatorSession: string;
  const deadline = new Date('2027-01-22T17:00:00+09:00');
  const later = '2027-01-29T17:00:00+09:00';

  beforeAll(async () => {
    testDb = await openTestDatabase();
    db = testDb.database.db;
    counted = countingStatements(testDb.database);
    api = await startTestApi(counted.database, { clock, dispatcher: inlineDispatcher(db, clock) });
    world = await insertDispatchWorld(db);
    requestId = (await insertFiledTranslation(db, world, deadline, { status: 'open', volume: 2 })).id;
    oldSourceId = (
      await insertTestDocument(db, {
        associationId: world.associationId,
        organizationId: world.organizationId,
        requestId,
        role: 'source',
        uploadedBy: world.requesterUser.id,
      })
    ).id;
    translator = await insertAvailableVolunteer(db, world.associationId, 'Tran Thi Mai', { locale: 'en' });
    await createDispatchSteps({ db }).assignByHand(
      requestId,
      translator.volunteer.id,
      world.coordinator.userId ?? '',
      new Date().toISOString(),
    );
    requesterSession = await api.sessionFor(world.requesterUser.id);
    translatorSession = await api.sessionFor(translator.user.id);
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  /** A corrected source the requester uploaded without a request, waiting to be proposed. */
  async function unattachedSource() {
    const document = await insertTestDocument(db, {
      associationId: world.associationId,
      organizationId: world.organizationId,
      requestId,
      role: 'source',
      uploadedBy: world.requesterUser.id,
      fileName: '原文（訂正版）.docx',
    });
    await db.update(schema.documents).set({ requestId: null }).where(eq(schema.documents.id, document.id));
    return document.id;
  }
  const requestRow = async () => (await db.select().from(schema.requests).where(eq(schema.requests.id, requestId)))[0];
  const sourcesOfRequest = async () =>
    (
      await db
        .select({ id: schema.documents.id })
        .from(schema.documents)
        .where(eq(schema.documents.requestId, requestId))
    )
      .map((row) => row.id)
      .sort();
  const outbox = async (template: string) =>
    db.select().from(schema.outbox).where(eq(schema.outbox.template, template));

  const propose = (
    variables: { deadline?: string; add?: string[]; remove?: string[]; note?: string },
    session = requesterSession,
  ) =>
    api.graphql<{ proposeTranslationChange: Record<string, unknown> }>(
      `mutation ($id: ID!, $deadline: DateTime, $add: [ID!], $remove: [ID!], $note: String) {
        proposeTranslationChange(requestId: $id, deadline: $deadline, addDocumentIds: $add, removeDocumentIds: $remove, note: $note) {
          __typename
          ... on ConflictError { reason message }
          ... on MutationProposeTranslationChangeSuccess { data { deadline changes { status deadline addDocumentIds removeDocumentIds addedFileNames note } } }
        }
      }`,
      { id: globalId('Request', requestId), ...variables },
      { session, headers: { 'accept-language': 'ja' } },
    );
  const answer = (accept: boolean, session = translatorSession, reason?: string) =>
    api.graphql<{ answerTranslationChange: Record<string, unknown> }>(
      `mutation ($id: ID!, $accept: Boolean!, $reason: String) {
        answerTranslationChange(requestId: $id, accept: $accept, reason: $reason) {
          __typename
          ... on ConflictError { reason message }
          ... on ValidationError { problems { path message } }
          ... on MutationAnswerTranslationChangeSuccess { data { deadline changes { status declineReason } } }
        }
      }`,
      { id: globalId('Request', requestId), accept, reason },
      { session },
    );

  test('a source uploaded straight to the booked request is refused: the change goes through the translator', async () => {
    const boundary = '----tsunagu-change-boundary';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="role"\r\n\r\nsource\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="requestId"\r\n\r\n${requestId}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="new.txt"\r\n\r\n新しい原文\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const before = await db.$count(schema.documents);
    const response = await fetch(`${api.url}/documents`, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: `tsunagu_session=${requesterSession}`,
        'accept-language': 'en',
      },
      body,
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe(
      'source_change_needs_translator',
    );
    expect(await db.$count(schema.documents)).toBe(before);
  });

  test('a later deadline and a corrected source are proposed; the job keeps the old ones and the translator is told', async () => {
    const added = await unattachedSource();
    const proposed = await propose({
      deadline: later,
      add: [globalId('Document', added)],
      remove: [globalId('Document', oldSourceId)],
      note: '固有名詞を直した版です',
    });
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data?.proposeTranslationChange).toEqual({
      __typename: 'MutationProposeTranslationChangeSuccess',
      data: {
        deadline: deadline.toISOString(),
        changes: [
          {
            status: 'proposed',
            deadline: new Date(later).toISOString(),
            addDocumentIds: [added],
            removeDocumentIds: [oldSourceId],
            addedFileNames: ['原文（訂正版）.docx'],
            note: '固有名詞を直した版です',
          },
        ],
      },
    });
    expect((await requestRow())?.deadline).toEqual(deadline);
    expect(await sourcesOfRequest()).toEqual([oldSourceId]);
    const told = await outbox('translationChangeProposed');
    expect(told.map((mail) => mail.recipientUserId)).toEqual([translator.user.id]);
    expect(JSON.stringify(told[0]?.payload)).toContain('固有名詞を直した版です');

    const second = await propose({ deadline: '2027-02-05T17:00:00+09:00' });
    expect(second.data?.proposeTranslationChange).toMatchObject({
      __typename: 'ConflictError',
      reason: 'translation_change_pending',
      message: '翻訳者の回答を待っている変更の提案があります。回答を待ってから、次の提案をしてください。',
    });
  });

  test('only the booked translator answers; accepted, the request takes the new deadline and sources, and the requester is told', async () => {
    const added = (await db.query.translationJobChanges.findFirst())?.addDocumentIds[0];
    const byRequester = await answer(true, requesterSession);
    expect(byRequester.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const accepted = await answer(true);
    expect(accepted.data?.answerTranslationChange).toEqual({
      __typename: 'MutationAnswerTranslationChangeSuccess',
      data: { deadline: new Date(later).toISOString(), changes: [{ status: 'accepted', declineReason: null }] },
    });
    expect((await requestRow())?.deadline).toEqual(new Date(later));
    expect(await sourcesOfRequest()).toEqual([added]);
    expect((await outbox('translationChangeAnswered')).map((mail) => mail.recipientUserId)).toEqual([
      world.requesterUser.id,
    ]);
    expect((await answer(true)).data?.answerTranslationChange).toMatchObject({
      reason: 'translation_change_answered',
      message: 'This proposed change has been answered already.',
    });
  });

  test('declined with a reason the requester reads: the deadline stays, and a deadline in the past or a change of nothing is refused at once', async () => {
    clock.advance({ hours: 2 });
    await propose({ deadline: '2027-02-05T17:00:00+09:00' });
    const unexplained = await answer(false, translatorSession, '  ');
    expect(unexplained.data?.answerTranslationChange).toEqual({
      __typename: 'ValidationError',
      problems: [{ path: ['input', 'reason'], message: 'Say why you decline the change.' }],
    });
    expect((await db.query.translationJobChanges.findFirst({ where: { status: 'proposed' } }))?.status).toBe(
      'proposed',
    );
    const declined = await answer(false, translatorSession, 'その日は別の仕事があります');
    expect(declined.data?.answerTranslationChange).toMatchObject({
      data: {
        deadline: new Date(later).toISOString(),
        changes: [{ status: 'declined', declineReason: 'その日は別の仕事があります' }, { status: 'accepted' }],
      },
    });
    const told = await outbox('translationChangeAnswered');
    expect(JSON.stringify(told.at(-1)?.payload)).toContain('その日は別の仕事があります');
    expect((await requestRow())?.deadline).toEqual(new Date(later));

    const past = await propose({ deadline: '2027-01-10T17:00:00+09:00' });
    expect(past.data?.proposeTranslationChange).toMatchObject({ reason: 'translation_change_deadline_past' });
    const nothing = await propose({});
    expect(nothing.data?.proposeTranslationChange).toMatchObject({ reason: 'translation_change_empty' });
    const foreign = await propose({
      remove: [globalId('Document', '00000000-0000-4000-8000-000000000000')],
    });
    expect(foreign.data?.proposeTranslationChange).toMatchObject({ reason: 'translation_change_documents' });
    expect(await db.$count(schema.translationJobChanges)).toBe(2);
  });

  test('the translator’s job with its two changes and their added file names is one statement, besides the session', async () => {
    const assignment = await db.query.assignments.findFirst({ where: { requestId }, columns: { id: true } });
    counted.statements.length = 0;
    const { data, errors } = await api.graphql<{
      node: { translationJob: { changes: Array<{ status: string; addedFileNames: string[] }> } };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Assignment { translationJob {
         state deadline changes { status deadline addedFileNames declineReason proposedAt } } } } }`,
      { id: globalId('Assignment', assignment?.id ?? '') },
      { session: translatorSession },
    );
    expect(errors).toBeUndefined();
    expect(data?.node.translationJob.changes.map((change) => [change.status, change.addedFileNames])).toEqual([
      ['declined', []],
      ['accepted', ['原文（訂正版）.docx']],
    ]);
    const [sessionLookup, ...rest] = counted.statements;
    expect(sessionLookup).toContain('"sessions"');
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatch(/^select/i);
  });
});
