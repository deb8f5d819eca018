import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import {
  insertAssociation,
  insertJapanese,
  insertLanguages,
  insertOrganization,
  insertRequest,
  insertRequester,
  insertStaffMember,
  setLocale,
} from '../support/fixtures';

const requestFields = `
  id status startsAt endsAt grantTaxCategory flags routing requiredCertificateKind urgent
  language { code } pairLanguage { code } localGovernment { nameJa } organization { name }
`;

const fileRequest = /* GraphQL */ `
  mutation File($input: RequestInput!) {
    fileRequest(input: $input) {
      __typename
      ... on MutationFileRequestSuccess { data { ${requestFields} } }
      ... on ValidationError { problems { path message } }
    }
  }
`;

const fileSeries = /* GraphQL */ `
  mutation FileSeries($input: RequestSeriesInput!) {
    fileRequestSeries(input: $input) {
      __typename
      ... on MutationFileRequestSeriesSuccess { data { id requests { id startsAt endsAt } } }
      ... on ValidationError { problems { path message } }
    }
  }
`;

const editRequest = /* GraphQL */ `
  mutation Edit($id: ID!, $changes: RequestChangesInput!) {
    editRequest(requestId: $id, changes: $changes) {
      __typename
      ... on MutationEditRequestSuccess { data { id startsAt endsAt } }
      ... on Error { message }
    }
  }
`;

const editSeriesFrom = /* GraphQL */ `
  mutation EditFrom($id: ID!, $from: Date!, $changes: RequestSeriesChangesInput!, $cancellation: CancellationInput) {
    editRequestSeriesFrom(seriesId: $id, fromDate: $from, changes: $changes, cancellation: $cancellation) {
      __typename
      ... on MutationEditRequestSeriesFromSuccess { data { id firstDate requests { id startsAt endsAt } } }
      ... on ValidationError { problems { path message } }
      ... on Error { message }
    }
  }
`;

const cancelRequest = /* GraphQL */ `
  mutation Cancel($id: ID!, $cancellation: CancellationInput! = { reason: "no_longer_needed" }) {
    cancelRequest(requestId: $id, cancellation: $cancellation) {
      __typename
      ... on MutationCancelRequestSuccess { data { status cancelledAt } }
      ... on Error { message }
      ... on ConflictError { explanation: message }
    }
  }
`;

const whatMayBeDone = /* GraphQL */ `
  query MayBeDone($id: ID!) {
    node(id: $id) { ... on Request { status canCancel canChange } }
  }
`;

const listRequests = /* GraphQL */ `
  query List($status: RequestStatus, $languageCode: String, $from: Date, $to: Date) {
    requests(status: $status, languageCode: $languageCode, from: $from, to: $to) {
      nodes { id startsAt notes organization { name } }
    }
  }
`;

interface RequestView {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  grantTaxCategory: string;
  flags: string[];
  routing: string;
  requiredCertificateKind: string | null;
  urgent: boolean;
  language: { code: string };
  pairLanguage: { code: string };
  localGovernment: { nameJa: string } | null;
}

interface FileResult {
  fileRequest: { __typename: string; data?: RequestView; problems?: Array<{ path: string[]; message: string }> };
}

interface Occurrence {
  id: string;
  startsAt: string;
  endsAt: string;
}

interface SeriesResult {
  __typename: string;
  data?: { id: string; requests: Occurrence[] };
  problems?: Array<{ path: string[]; message: string }>;
}

/** Tuesday 1 December 2026, 10:00 in Japan; the association asks for 3 business days' notice. */
const clock = fixedClock('2026-12-01T10:00:00+09:00');

/** A consultation at Toyonaka city hall on Monday 7 December, 13:00–15:00. */
const consultation = (overrides: Record<string, unknown> = {}) => ({
  modality: 'on_site',
  languageCode: 'vi',
  startsAt: '2026-12-07T13:00:00+09:00',
  endsAt: '2026-12-07T15:00:00+09:00',
  localGovernmentCode: '272035',
  venue: '豊中市役所 市民課 相談窓口',
  purpose: 'consultation_desk',
  contactName: '窓口 一郎',
  contactPhone: '06-0000-0000',
  notes: '相談者は妊娠中のため、座って話せる場所を用意します。',
  ...overrides,
});

/** Every Tuesday 13:00–16:00 at the city hall desk, 8 December to 5 January: five occurrences. */
const tuesdayDesk = (series: Record<string, unknown> = {}) => ({
  modality: 'on_site',
  languageCode: 'zh',
  localGovernmentCode: '272035',
  venue: '豊中市役所 多言語相談窓口',
  purpose: 'one_stop_desk',
  contactName: '窓口 一郎',
  series: {
    weekday: 2,
    startTime: '13:00',
    endTime: '16:00',
    firstDate: '2026-12-08',
    lastDate: '2027-01-05',
    ...series,
  },
});

/** The row id inside a Relay global ID. */
const rowId = (id: string | undefined) =>
  Buffer.from(id ?? '', 'base64')
    .toString()
    .split(':')[1] ?? '';

const tokyoTime = (iso: string) =>
  new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).replace(' ', 'T').slice(0, 16);

describe('a public body asks for interpreters', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  let requester: string;
  let japaneseRequester: string;
  let neighbour: string;
  let coordinator: string;
  let strangerCoordinator: string;
  let coordinatorUserId: string;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    api = await startTestApi(testDb.database, { clock });
    const { db } = testDb.database;
    await insertLanguages(db);
    await insertJapanese(db);
    const association = await insertAssociation(db);
    const organization = await insertOrganization(db, association.id);
    const neighbourOrganization = await insertOrganization(db, association.id, { name: '大阪市 教育委員会' });
    const otherAssociation = await insertAssociation(db);
    const englishRequester = await insertRequester(db, organization.id);
    await setLocale(db, englishRequester.id, 'en');
    requester = await api.sessionFor(englishRequester.id);
    japaneseRequester = await api.sessionFor((await insertRequester(db, organization.id)).id);
    neighbour = await api.sessionFor((await insertRequester(db, neighbourOrganization.id)).id);
    const coordinatorUser = await insertStaffMember(db, association.id, 'coordinator');
    coordinatorUserId = coordinatorUser.id;
    coordinator = await api.sessionFor(coordinatorUser.id);
    strangerCoordinator = await api.sessionFor((await insertStaffMember(db, otherAssociation.id, 'coordinator')).id);
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  const requestCount = async () => (await testDb.database.db.select().from(schema.requests)).length;
  const file = (input: Record<string, unknown>, session = requester) =>
    api.graphql<FileResult>(fileRequest, { input }, { session });

  test('a filed request waits for screening and suggests the grant-tax category from its purpose', async () => {
    const { data, errors } = await file(consultation());
    expect(errors).toBeUndefined();
    expect(data?.fileRequest.data).toMatchObject({
      status: 'filed',
      grantTaxCategory: '1',
      flags: [],
      routing: 'normal',
      urgent: false,
      language: { code: 'vi' },
      pairLanguage: { code: 'ja' },
      localGovernment: { nameJa: '豊中市' },
      organization: { name: '豊中市役所 市民課' },
    });
  });

  test.each([
    [
      'too little notice',
      { startsAt: '2026-12-03T13:00:00+09:00', endsAt: '2026-12-03T15:00:00+09:00' },
      'startsAt',
      "Requests need 3 business days' notice; mark it urgent if it cannot wait.",
    ],
    ['an end before the start', { endsAt: '2026-12-07T12:00:00+09:00' }, 'endsAt', 'The end must be after the start.'],
    [
      'a window too long',
      { endsAt: '2026-12-08T02:00:00+09:00' },
      'endsAt',
      'Ask for at most 12 hours; split a longer day into two requests.',
    ],
    ['an unknown language', { languageCode: 'xx' }, 'languageCode', 'No such language.'],
    [
      'an unknown municipality',
      { localGovernmentCode: '999999' },
      'localGovernmentCode',
      'No local government has this code.',
    ],
    [
      'an answer date after the day',
      { answerBy: '2026-12-08' },
      'answerBy',
      'The answer date must not be after the day itself.',
    ],
  ])('%s is refused, naming the field, and nothing is written', async (_case, overrides, field, message) => {
    const before = await requestCount();
    const { data } = await file(consultation(overrides));
    expect(data?.fileRequest).toEqual({
      __typename: 'ValidationError',
      problems: [{ path: ['input', field], message }],
    });
    expect(await requestCount()).toBe(before);
  });

  test.each([
    [
      'too little notice',
      { startsAt: '2026-12-03T13:00:00+09:00', endsAt: '2026-12-03T15:00:00+09:00' },
      'startsAt',
      '依頼は3営業日前までにお願いします。間に合わない場合は「至急」にしてください。',
    ],
    [
      'an end before the start',
      { endsAt: '2026-12-07T12:00:00+09:00' },
      'endsAt',
      '終了時刻は開始時刻より後にしてください。',
    ],
    ['an unknown language', { languageCode: 'xx' }, 'languageCode', '該当する言語がありません。'],
    ['a contact left blank', { contactName: ' ' }, 'contactName', '担当者名を入力してください。'],
  ])('a Japanese clerk is told of %s in Japanese, beside the same field', async (_case, overrides, field, message) => {
    const { data } = await file(consultation(overrides), japaneseRequester);
    expect(data?.fileRequest).toEqual({
      __typename: 'ValidationError',
      problems: [{ path: ['input', field], message }],
    });
  });

  test('a Japanese clerk filing a series that starts too soon is told the date in Japanese', async () => {
    const { data } = await api.graphql<{ fileRequestSeries: SeriesResult }>(
      fileSeries,
      { input: tuesdayDesk({ firstDate: '2026-12-01' }) },
      { session: japaneseRequester },
    );
    expect(data?.fileRequestSeries.problems).toEqual([
      {
        path: ['input', 'series', 'firstDate'],
        message: '2026-12-01の回: 依頼は3営業日前までにお願いします。間に合わない場合は「至急」にしてください。',
      },
    ]);
  });

  test('an urgent request on short notice is accepted and flagged for coordinators', async () => {
    const { data } = await file(
      consultation({ startsAt: '2026-12-02T13:00:00+09:00', endsAt: '2026-12-02T14:00:00+09:00', urgent: true }),
    );
    expect(data?.fileRequest.data).toMatchObject({ status: 'filed', urgent: true, flags: ['urgent_short_notice'] });
  });

  test('a medical request goes to certified medical interpreters only', async () => {
    const { data } = await file(consultation({ specialty: 'medical', purpose: 'other_support' }));
    expect(data?.fileRequest.data).toMatchObject({
      flags: ['medical'],
      routing: 'certified_only',
      requiredCertificateKind: 'medical_interpreter',
      grantTaxCategory: 'G',
    });
  });

  test('a weekly series whose first occurrence comes too soon names that date and writes nothing', async () => {
    const before = await requestCount();
    const { data } = await api.graphql<{ fileRequestSeries: SeriesResult }>(
      fileSeries,
      { input: tuesdayDesk({ firstDate: '2026-12-01' }) },
      { session: requester },
    );
    expect(data?.fileRequestSeries).toEqual({
      __typename: 'ValidationError',
      problems: [
        {
          path: ['input', 'series', 'firstDate'],
          message: "On 2026-12-01: Requests need 3 business days' notice; mark it urgent if it cannot wait.",
        },
      ],
    });
    expect(await requestCount()).toBe(before);
  });

  test('a weekly series: one occurrence changes alone, and "from this date on" moves only the later ones', async () => {
    const { data } = await api.graphql<{ fileRequestSeries: SeriesResult }>(
      fileSeries,
      { input: tuesdayDesk() },
      { session: requester },
    );
    const series = data?.fileRequestSeries.data;
    const filed = series?.requests ?? [];
    expect(filed.map((occurrence) => tokyoTime(occurrence.startsAt))).toEqual([
      '2026-12-08T13:00',
      '2026-12-15T13:00',
      '2026-12-22T13:00',
      '2026-12-29T13:00',
      '2027-01-05T13:00',
    ]);

    const second = filed[1];
    const moved = await api.graphql<{ editRequest: { data: Occurrence } }>(
      editRequest,
      { id: second?.id, changes: { startsAt: '2026-12-15T14:00:00+09:00', endsAt: '2026-12-15T17:00:00+09:00' } },
      { session: requester },
    );
    expect(tokyoTime(moved.data?.editRequest.data.startsAt ?? '')).toBe('2026-12-15T14:00');

    const seriesId = series?.id;
    const times = async () => {
      const rows = await testDb.database.db.query.requests.findMany({
        where: { id: { in: filed.map((occurrence) => rowId(occurrence.id)) } },
        orderBy: { startsAt: 'asc' },
      });
      return rows.map(
        (row) =>
          `${tokyoTime(row.startsAt?.toISOString() ?? '')}–${tokyoTime(row.endsAt?.toISOString() ?? '').slice(11)}`,
      );
    };
    expect(await times()).toEqual([
      '2026-12-08T13:00–16:00',
      '2026-12-15T14:00–17:00',
      '2026-12-22T13:00–16:00',
      '2026-12-29T13:00–16:00',
      '2027-01-05T13:00–16:00',
    ]);

    const fromThen = await api.graphql<{
      editRequestSeriesFrom: { __typename: string; data: { firstDate: string; requests: Occurrence[] } };
    }>(
      editSeriesFrom,
      { id: seriesId, from: '2026-12-22', changes: { startTime: '10:00', endTime: '12:00' } },
      { session: requester },
    );
    expect(fromThen.data?.editRequestSeriesFrom.data.firstDate).toBe('2026-12-22');
    expect(fromThen.data?.editRequestSeriesFrom.data.requests.map((occurrence) => occurrence.id)).toEqual(
      filed.slice(2).map((occurrence) => occurrence.id),
    );
    expect(await times()).toEqual([
      '2026-12-08T13:00–16:00',
      '2026-12-15T14:00–17:00',
      '2026-12-22T10:00–12:00',
      '2026-12-29T10:00–12:00',
      '2027-01-05T10:00–12:00',
    ]);
  });

  test('a series shortened by a coordinator cancels the weeks it drops with the reason given, and tells the requester', async () => {
    const { data } = await api.graphql<{ fileRequestSeries: SeriesResult }>(
      fileSeries,
      // Thursdays in June 2027, out of the way of the lists below.
      { input: tuesdayDesk({ weekday: 4, firstDate: '2027-06-03', lastDate: '2027-06-24' }) },
      { session: requester },
    );
    const series = data?.fileRequestSeries.data;
    const [, , ...dropped] = series?.requests ?? [];
    expect(dropped).toHaveLength(2);
    const shorten = (cancellation?: Record<string, unknown>) =>
      api.graphql<{ editRequestSeriesFrom: { __typename: string; problems?: unknown } }>(
        editSeriesFrom,
        { id: series?.id, from: '2027-06-10', changes: { lastDate: '2027-06-10' }, cancellation },
        { session: coordinator },
      );
    const droppedRows = () =>
      testDb.database.db.query.requests.findMany({
        where: { id: { in: dropped.map((occurrence) => rowId(occurrence.id)) } },
      });

    // Dropping weeks cancels requests: without a reason, nothing changes.
    const refused = await shorten();
    expect(refused.data?.editRequestSeriesFrom).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ path: ['cancellation', 'reason'], message: '理由を選んでください。' }],
    });
    expect((await droppedRows()).map((row) => row.status)).toEqual(['filed', 'filed']);

    const shortened = await shorten({ reason: 'date_changed', note: '年末年始は窓口が休み' });
    expect(shortened.data?.editRequestSeriesFrom.__typename).toBe('MutationEditRequestSeriesFromSuccess');
    for (const row of await droppedRows()) {
      expect(row).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'coordinator',
        cancellationReason: 'date_changed',
        cancellationNote: '年末年始は窓口が休み',
      });
      const [mail] = await testDb.database.db
        .select()
        .from(schema.outbox)
        .where(eq(schema.outbox.idempotencyKey, `requestCancelled:${row.id}`));
      expect(mail).toMatchObject({
        locale: 'en',
        payload: { stated: { by: 'coordinator', reason: 'date_changed', note: '年末年始は窓口が休み' } },
      });
    }
  });

  test('a request filed in time can still have its contact corrected once the notice period has begun', async () => {
    const { data } = await file(consultation());
    const id = data?.fileRequest.data?.id;
    clock.advance({ days: 4 });
    try {
      const corrected = await api.graphql<{ editRequest: { __typename: string } }>(
        editRequest,
        { id, changes: { contactPhone: '06-1111-1111' } },
        { session: requester },
      );
      expect(corrected.data?.editRequest.__typename).toBe('MutationEditRequestSuccess');
      const moved = await api.graphql<{ editRequest: { __typename: string } }>(
        editRequest,
        { id, changes: { startsAt: '2026-12-07T12:00:00+09:00' } },
        { session: requester },
      );
      expect(moved.data?.editRequest.__typename).toBe('ValidationError');
    } finally {
      clock.advance({ days: -4 });
    }
    const changes = await testDb.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.subjectId, rowId(id)), eq(schema.auditLog.action, 'update')));
    expect(changes.map((entry) => entry.fields)).toEqual([['contactPhone']]);
  });

  test('requesters see only their organization’s requests; coordinators see their association’s', async () => {
    const neighbours = await file(consultation({ languageCode: 'jsl', purpose: 'school_enrollment' }), neighbour);
    const neighboursId = neighbours.data?.fileRequest.data?.id;
    expect(neighboursId).toBeDefined();

    type List = { requests: { nodes: Array<{ id: string; startsAt: string; organization: { name: string } }> } };
    const own = await api.graphql<List>(listRequests, {}, { session: requester });
    const ownNodes = own.data?.requests.nodes ?? [];
    expect(ownNodes.length).toBeGreaterThan(0);
    expect(new Set(ownNodes.map((node) => node.organization.name))).toEqual(new Set(['豊中市役所 市民課']));
    const starts = ownNodes.map((node) => node.startsAt);
    expect(starts).toEqual([...starts].sort());

    const all = await api.graphql<List>(listRequests, {}, { session: coordinator });
    expect(all.data?.requests.nodes.map((node) => node.id)).toContain(neighboursId);
    expect(all.data?.requests.nodes).toHaveLength(ownNodes.length + 1);

    const signLanguage = await api.graphql<List>(listRequests, { languageCode: 'jsl' }, { session: coordinator });
    expect(signLanguage.data?.requests.nodes.map((node) => node.id)).toEqual([neighboursId]);
    const christmasWeek = await api.graphql<List>(
      listRequests,
      { from: '2026-12-21', to: '2026-12-27' },
      { session: coordinator },
    );
    expect(christmasWeek.data?.requests.nodes.map((node) => tokyoTime(node.startsAt))).toEqual(['2026-12-22T10:00']);

    const stranger = await api.graphql<List>(listRequests, {}, { session: strangerCoordinator });
    expect(stranger.data?.requests.nodes).toEqual([]);
  });

  test('a coordinator reading the notes is audited; the filing organization reading them is not', async () => {
    const { data } = await file(consultation());
    const id = rowId(data?.fileRequest.data?.id);
    const readsOf = () =>
      testDb.database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.subjectId, id), eq(schema.auditLog.action, 'read')));
    await api.graphql(listRequests, {}, { session: requester });
    expect(await readsOf()).toEqual([]);
    await api.graphql(listRequests, {}, { session: coordinator });
    expect(await readsOf()).toEqual([expect.objectContaining({ actorUserId: coordinatorUserId, fields: ['notes'] })]);
  });

  test('the requester cancels; a coordinator of another association may not', async () => {
    const { data } = await file(consultation());
    const id = data?.fileRequest.data?.id;
    const refused = await api.graphql<{ cancelRequest: { __typename: string } }>(
      cancelRequest,
      { id },
      { session: strangerCoordinator },
    );
    expect(refused.data?.cancelRequest.__typename).toBe('ForbiddenError');

    const cancelled = await api.graphql<{ cancelRequest: { data: { status: string; cancelledAt: string } } }>(
      cancelRequest,
      { id },
      { session: requester },
    );
    expect(cancelled.data?.cancelRequest.data).toEqual({
      status: 'cancelled',
      cancelledAt: '2026-12-01T01:00:00.000Z',
    });
  });

  test('a cancelled request offers no cancelling or change, and trying again answers why in the reader’s language', async () => {
    const { data } = await file(consultation());
    const id = data?.fileRequest.data?.id;
    const mayBeDone = async () =>
      (await api.graphql<{ node: unknown }>(whatMayBeDone, { id }, { session: japaneseRequester })).data?.node;
    expect(await mayBeDone()).toEqual({ status: 'filed', canCancel: true, canChange: true });

    await api.graphql(cancelRequest, { id }, { session: requester });
    expect(await mayBeDone()).toEqual({ status: 'cancelled', canCancel: false, canChange: false });

    type Refusal = { __typename: string; explanation?: string | null };
    const again = await api.graphql<{ cancelRequest: Refusal }>(cancelRequest, { id }, { session: japaneseRequester });
    expect(again.data?.cancelRequest).toMatchObject({
      __typename: 'ConflictError',
      explanation: 'この依頼はすでに取り消されています。',
    });
    const changed = await api.graphql<{ editRequest: Refusal }>(
      editRequest.replace(
        '... on Error { message }',
        '... on Error { message } ... on ConflictError { explanation: message }',
      ),
      { id, changes: { venue: '豊中市役所 別館' } },
      { session: requester },
    );
    expect(changed.data?.editRequest).toMatchObject({
      __typename: 'ConflictError',
      explanation: 'This request is cancelled: it can no longer be changed.',
    });
  });

  test('a request whose time has come can no longer be cancelled: the API says so and the page is told not to offer it', async () => {
    const { data } = await file(consultation());
    const id = data?.fileRequest.data?.id ?? '';
    const plainId = Buffer.from(id, 'base64').toString('utf8').split(':')[1] ?? '';
    // Confirmed for yesterday morning: the activity is over, its reports are still to come.
    await testDb.database.db
      .update(schema.requests)
      .set({
        status: 'filled',
        startsAt: new Date('2026-11-30T10:00:00+09:00'),
        endsAt: new Date('2026-11-30T12:00:00+09:00'),
      })
      .where(eq(schema.requests.id, plainId));
    const { data: read } = await api.graphql<{ node: unknown }>(whatMayBeDone, { id }, { session: coordinator });
    expect(read?.node).toEqual({ status: 'filled', canCancel: false, canChange: false });

    const refused = await api.graphql<{ cancelRequest: { __typename: string; explanation?: string | null } }>(
      cancelRequest,
      { id },
      { session: japaneseRequester },
    );
    expect(refused.data?.cancelRequest).toMatchObject({
      __typename: 'ConflictError',
      explanation: 'この依頼はすでに始まっているか終わっているため、取り消せません。',
    });
    const [row] = await testDb.database.db.select().from(schema.requests).where(eq(schema.requests.id, plainId));
    expect(row?.status).toBe('filled');
  });
});

describe('the grant-tax category a request is filed under', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  let associationId: string;
  let requester: string;
  let coordinator: string;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    api = await startTestApi(testDb.database, { clock });
    const { db } = testDb.database;
    await insertLanguages(db);
    await insertJapanese(db);
    associationId = (await insertAssociation(db)).id;
    const organization = await insertOrganization(db, associationId);
    requester = await api.sessionFor((await insertRequester(db, organization.id)).id);
    coordinator = await api.sessionFor((await insertStaffMember(db, associationId, 'coordinator')).id);
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  const file = (input: Record<string, unknown>, session = requester) =>
    api.graphql<FileResult>(fileRequest, { input }, { session });

  test('a prefectural office’s consultation is suggested category G, which a prefecture may claim, not 1, which it may not', async () => {
    const { db } = testDb.database;
    const prefecture = await insertOrganization(db, associationId, {
      name: '大阪府 府民文化部 国際課',
      type: 'prefecture',
      localGovernmentCode: '270008',
    });
    const prefecturalStaff = await api.sessionFor((await insertRequester(db, prefecture.id)).id);
    const { data } = await file(consultation(), prefecturalStaff);
    expect(data?.fileRequest.data?.grantTaxCategory).toBe('G');
  });

  test('an edit that keeps the purpose keeps the category a coordinator chose; a new purpose suggests anew', async () => {
    const { data } = await file(consultation());
    const id = data?.fileRequest.data?.id;
    const override = await api.graphql<{ overrideRequestCategory: { __typename: string } }>(
      `mutation ($id: ID!) { overrideRequestCategory(requestId: $id, category: "3", reason: "生活オリエンテーションの一環") { __typename } }`,
      { id },
      { session: coordinator },
    );
    expect(override.errors).toBeUndefined();
    const categoryOf = async () =>
      (await testDb.database.db.query.requests.findFirst({ where: { id: rowId(id) } }))?.grantTaxCategory;
    expect(await categoryOf()).toBe('3');
    const edited = await api.graphql(
      editRequest,
      { id, changes: { contactPhone: '06-1111-1111' } },
      { session: requester },
    );
    expect(edited.errors).toBeUndefined();
    expect(await categoryOf()).toBe('3');
    await api.graphql(editRequest, { id, changes: { purpose: 'school_enrollment' } }, { session: requester });
    expect(await categoryOf()).toBe('5');
  });
});

describe('the coordinators’ board', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  let coordinator: string;
  const names = new Map<string, string>();

  beforeAll(async () => {
    testDb = await openTestDatabase();
    api = await startTestApi(testDb.database, { clock });
    const { db } = testDb.database;
    await insertLanguages(db);
    await insertJapanese(db);
    const associationId = (await insertAssociation(db)).id;
    const organizationId = (await insertOrganization(db, associationId)).id;
    coordinator = await api.sessionFor((await insertStaffMember(db, associationId, 'coordinator')).id);
    const at = (day: string, hours: string) => new Date(`2026-${day}T${hours}:00+09:00`);
    const requests = {
      'next week': { startsAt: at('12-08', '10:00'), endsAt: at('12-08', '12:00') },
      'urgent, the week after': { startsAt: at('12-15', '10:00'), endsAt: at('12-15', '12:00'), urgent: true },
      'urgent, tomorrow': { startsAt: at('12-02', '10:00'), endsAt: at('12-02', '12:00'), urgent: true },
      'under way now': { status: 'filled', startsAt: at('12-01', '09:00'), endsAt: at('12-01', '11:00') },
      'yesterday, confirmed': { status: 'filled', startsAt: at('11-30', '10:00'), endsAt: at('11-30', '12:00') },
      'cancelled, next week': {
        status: 'cancelled',
        startsAt: at('12-09', '10:00'),
        endsAt: at('12-09', '12:00'),
        cancelledAt: at('11-30', '10:00'),
      },
      'rejected, next week': { status: 'rejected', startsAt: at('12-10', '10:00'), endsAt: at('12-10', '12:00') },
    } satisfies Record<string, Partial<typeof schema.requests.$inferInsert>>;
    for (const [name, values] of Object.entries(requests)) {
      const row = await insertRequest(db, associationId, organizationId, values);
      names.set(row.id, name);
    }
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  const board = async (args: { unfinishedOnly?: boolean; urgentFirst?: boolean }, first = 20, after?: string) => {
    const { data, errors } = await api.graphql<{
      requests: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string; hasNextPage: boolean } };
    }>(
      `query ($unfinishedOnly: Boolean, $urgentFirst: Boolean, $first: Int, $after: String) {
        requests(unfinishedOnly: $unfinishedOnly, urgentFirst: $urgentFirst, first: $first, after: $after) {
          nodes { id } pageInfo { endCursor hasNextPage }
        }
      }`,
      { ...args, first, after },
      { session: coordinator },
    );
    expect(errors).toBeUndefined();
    const plain = (id: string) => Buffer.from(id, 'base64').toString('utf8').split(':')[1] ?? '';
    return {
      names: data?.requests.nodes.map((node) => names.get(plain(node.id))) ?? [],
      pageInfo: data?.requests.pageInfo,
    };
  };

  test('urgent first, then by date; what is finished (past, cancelled, rejected) only when asked', async () => {
    expect((await board({ unfinishedOnly: true, urgentFirst: true })).names).toEqual([
      'urgent, tomorrow',
      'urgent, the week after',
      'under way now',
      'next week',
    ]);
    expect((await board({ urgentFirst: true })).names).toEqual([
      'urgent, tomorrow',
      'urgent, the week after',
      'yesterday, confirmed',
      'under way now',
      'next week',
      'cancelled, next week',
      'rejected, next week',
    ]);
  });

  test('the order holds across pages', async () => {
    const first = await board({ unfinishedOnly: true, urgentFirst: true }, 3);
    expect(first.pageInfo?.hasNextPage).toBe(true);
    const second = await board({ unfinishedOnly: true, urgentFirst: true }, 3, first.pageInfo?.endCursor);
    expect([...first.names, ...second.names]).toEqual([
      'urgent, tomorrow',
      'urgent, the week after',
      'under way now',
      'next week',
    ]);
  });
});
