import { randomUUID } from 'node:crypto';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertAvailableVolunteer, insertDispatchWorld } from '../support/dispatch-world';
import { insertAssignment, insertAssociation, insertRequest, setLocale } from '../support/fixtures';
import { inlineDispatcher } from '../support/inline-dispatcher';

/** What a hostile or merely unlucky client sends, and the typed answer it gets instead of a 500. */
let testDb: TestDatabase;
let api: TestApi;
const clock = fixedClock('2027-01-15T09:00');

beforeAll(async () => {
  testDb = await openTestDatabase();
  api = await startTestApi(testDb.database, { clock, dispatcher: inlineDispatcher(testDb.database.db, clock) });
});
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

describe('cookies of other applications on the same host', () => {
  test('a foreign cookie that is not percent-encoded does not break the request, and the session still counts', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const session = await api.sessionFor(world.requesterUser.id);
    const { data, errors, response } = await api.graphql<{ me: { displayName: string } | null }>(
      '{ me { displayName } }',
      undefined,
      { headers: { cookie: `other_app=50%off; tsunagu_session=${session}; theme="dark"` } },
    );
    expect(response.status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data?.me?.displayName).toBe('依頼 次郎');
  });
});

describe('a coordinator offers or books by hand', () => {
  test('a successful offer answers with the offer, not "Unexpected error."', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const request = await insertRequest(db, world.associationId, world.organizationId);
    const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const session = await api.sessionFor(world.coordinator.userId ?? '');
    const { data, errors } = await api.graphql<{
      offerToVolunteer: { __typename: string; data?: { status: string; volunteer: { fullName: string } } };
    }>(
      `mutation ($r: ID!, $v: ID!) {
        offerToVolunteer(requestId: $r, volunteerId: $v) {
          __typename ... on MutationOfferToVolunteerSuccess { data { status volunteer { fullName } } }
        }
      }`,
      { r: globalId('Request', request.id), v: globalId('Volunteer', lan.volunteer.id) },
      { session },
    );
    expect(errors).toBeUndefined();
    expect(data?.offerToVolunteer).toEqual({
      __typename: 'MutationOfferToVolunteerSuccess',
      data: { status: 'offered', volunteer: { fullName: 'Lan' } },
    });
  });

  test('a successful booking by hand answers with the booking, not "Unexpected error."', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const request = await insertRequest(db, world.associationId, world.organizationId);
    const minh = await insertAvailableVolunteer(db, world.associationId, 'Minh');
    const session = await api.sessionFor(world.coordinator.userId ?? '');
    const { data, errors } = await api.graphql<{
      assignVolunteer: { __typename: string; data?: { status: string; volunteerName: string } };
    }>(
      `mutation ($r: ID!, $v: ID!) {
        assignVolunteer(requestId: $r, volunteerId: $v) {
          __typename ... on MutationAssignVolunteerSuccess { data { status volunteerName } }
        }
      }`,
      { r: globalId('Request', request.id), v: globalId('Volunteer', minh.volunteer.id) },
      { session },
    );
    expect(errors).toBeUndefined();
    expect(data?.assignVolunteer).toEqual({
      __typename: 'MutationAssignVolunteerSuccess',
      data: { status: 'confirmed', volunteerName: 'Minh' },
    });
  });
});

interface Problems {
  __typename: string;
  problems?: Array<{ path: string[]; message: string }>;
}

const applyForOrganization = `mutation ($input: OrganizationApplicationInput!) {
  applyForOrganization(input: $input) { __typename ... on ValidationError { problems { path message } } }
}`;

function organizationApplication(associationId: string, name: string) {
  return {
    associationId: globalId('Association', associationId),
    name,
    type: 'municipality',
    localGovernmentCode: '272035',
    contactName: '窓口 一郎',
    contactEmail: 'kokusai@city.suita.example.jp',
    staff: {
      displayName: '窓口 一郎',
      email: `${randomUUID()}@city.suita.example.jp`,
      password: 'correct horse battery',
    },
  };
}

async function organizationsNamed(name: string) {
  return testDb.database.db
    .select({ id: schema.organizations.id })
    .from(schema.organizations)
    .where(eq(schema.organizations.name, name));
}

describe('text that PostgreSQL cannot store, or that no form types', () => {
  test('a NUL in a text input is a field problem in the reader’s language, and nothing is filed', async () => {
    const { id } = await insertAssociation(testDb.database.db);
    const name = '吹田市役所\u0000国際交流課';
    const before = await testDb.database.db.$count(schema.organizations);
    for (const [language, expected] of [
      ['ja', '制御文字（NUL など）は使えません。タブと改行は使えます。'],
      ['en', 'Control characters (such as NUL) are not allowed; tabs and line breaks are fine.'],
    ] as const) {
      const { data, errors, response } = await api.graphql<{ applyForOrganization: Problems }>(
        applyForOrganization,
        { input: organizationApplication(id, name) },
        { headers: { 'accept-language': language } },
      );
      expect(response.status).toBe(200);
      expect(errors).toBeUndefined();
      expect(data?.applyForOrganization).toEqual({
        __typename: 'ValidationError',
        problems: [{ path: ['input', 'name'], message: expected }],
      });
    }
    expect(await testDb.database.db.$count(schema.organizations)).toBe(before);
  });

  test('a bell character is refused too, while tabs and line breaks are taken', async () => {
    const { id } = await insertAssociation(testDb.database.db);
    const bell = await api.graphql<{ applyForOrganization: Problems }>(applyForOrganization, {
      input: { ...organizationApplication(id, '吹田市役所'), contactName: '窓口\u0007一郎' },
    });
    expect(bell.data?.applyForOrganization.problems?.map((problem) => problem.path)).toEqual([
      ['input', 'contactName'],
    ]);
    const name = `吹田市役所\t国際交流課 ${randomUUID()}`;
    const tab = await api.graphql<{ applyForOrganization: Problems }>(applyForOrganization, {
      input: organizationApplication(id, name),
    });
    expect(tab.data?.applyForOrganization.__typename).toBe('MutationApplyForOrganizationSuccess');
    expect(await organizationsNamed(name)).toHaveLength(1);
  });

  test('text longer than any field takes is refused with the limit in the message', async () => {
    const { id } = await insertAssociation(testDb.database.db);
    const { data } = await api.graphql<{ applyForOrganization: Problems }>(
      applyForOrganization,
      { input: organizationApplication(id, '市'.repeat(10_001)) },
      { headers: { 'accept-language': 'en' } },
    );
    expect(data?.applyForOrganization.problems).toEqual([
      { path: ['input', 'name'], message: 'At most 10,000 characters.' },
    ]);
  });

  test('a NUL in a text filter is a typed error in the reader’s language', async () => {
    const { data, errors } = await api.graphql(
      '{ localGovernments(search: "大\\u0000") { nodes { code } } }',
      undefined,
      { headers: { 'accept-language': 'en' } },
    );
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Control characters (such as NUL) are not allowed; tabs and line breaks are fine.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });
});

describe('dates the calendar or the database has no room for', () => {
  /** Files an on-site request as a requester, with these fields changed; the answer and whether a request was written. */
  async function fileRequestWith(changes: Record<string, unknown>) {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const session = await api.sessionFor(world.requesterUser.id);
    const before = await db.$count(schema.requests);
    const answer = await api.graphql(
      'mutation ($input: RequestInput!) { fileRequest(input: $input) { __typename } }',
      {
        input: {
          modality: 'on_site',
          languageCode: 'vi',
          purpose: 'consultation_desk',
          contactName: '窓口 一郎',
          localGovernmentCode: '272035',
          startsAt: '2027-03-02T10:00:00+09:00',
          endsAt: '2027-03-02T12:00:00+09:00',
          ...changes,
        },
      },
      { session },
    );
    return { ...answer, written: (await db.$count(schema.requests)) - before };
  }

  test.each([
    '2027-02-30T10:00:00+09:00',
    '0000-01-01T10:00:00+09:00',
    '+275760-09-13T00:00:00Z',
    '2027-01-01T24:00:00Z',
  ])('a request starting at %s is refused in both languages, and nothing is filed', async (startsAt) => {
    const { data, errors, response, written } = await fileRequestWith({ startsAt });
    // A variable that does not parse is a bad request (GraphQL over HTTP), not a server error.
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('in the years 1900–2199');
    expect(errors?.[0]?.message).toContain('1900〜2199 年の実在する日時');
    expect(written).toBe(0);
  });

  test.each(['2027-02-30', '0000-02-01', '2027-2-1'])(
    'an answer date of %s is refused, and nothing is filed',
    async (answerBy) => {
      const { data, errors, written } = await fileRequestWith({ answerBy });
      expect(data).toBeUndefined();
      expect(errors?.[0]?.message).toContain('Date must be a calendar date, YYYY-MM-DD, in the years 1900–2199.');
      expect(written).toBe(0);
    },
  );
});

describe('ids and cursors that do not parse, and ids of nothing', () => {
  test('the node of an expense line that was deleted is null', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const session = await api.sessionFor(world.coordinator.userId ?? '');
    const { data, errors } = await api.graphql<{ node: null }>(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: globalId('ExpenseLine', randomUUID()) },
      { session },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ node: null });
  });

  test.each([
    ['not base64 at all', '%%%'],
    ['a global ID whose id is not a UUID', globalId('Request', '123')],
    ['a global ID of a type that is no node', globalId('Query', randomUUID())],
    ['no type at all', Buffer.from('just-a-string').toString('base64')],
  ])('node(id:) of %s is a typed error in the reader’s language', async (_what, id) => {
    const { data, errors } = await api.graphql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id },
      {
        headers: { 'accept-language': 'en' },
      },
    );
    expect(data).toEqual({ node: null });
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'This is not an ID that Tsunagu handed out.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  test('a mutation given the ID of another kind of thing answers with a field problem', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const session = await api.sessionFor(world.coordinator.userId ?? '');
    const { data } = await api.graphql<{ approveRequest: Problems }>(
      'mutation ($id: ID!) { approveRequest(requestId: $id) { __typename ... on ValidationError { problems { path message } } } }',
      { id: globalId('Volunteer', randomUUID()) },
      { session },
    );
    expect(data?.approveRequest).toEqual({
      __typename: 'ValidationError',
      problems: [{ path: ['requestId'], message: 'Request の ID ではありません。' }],
    });
  });

  test.each([
    ['garbage', 'garbage'],
    [
      'a cursor whose values are not of their columns',
      Buffer.from('GPC:J:["not a date","not a uuid"]').toString('base64'),
    ],
    ['a cursor with a NUL', Buffer.from('GPC:S:\u0000').toString('base64')],
  ])('a page after %s is a typed error, not "Unexpected error."', async (_what, after) => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const volunteer = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const session = await api.sessionFor(volunteer.user.id);
    const { errors, response } = await api.graphql(
      'query ($after: String) { myAssignments(after: $after) { nodes { id } } }',
      {
        after,
      },
      { session },
    );
    expect(response.status).toBeLessThan(500);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).not.toBe('Unexpected error.');
  });
});

describe('arguments out of range say so in the reader’s language', () => {
  test('a page size below zero', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const volunteer = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const session = await api.sessionFor(volunteer.user.id);
    await setLocale(db, volunteer.user.id, 'en');
    const { errors } = await api.graphql('{ myOffers(first: -1) { nodes { id } } }', undefined, { session });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('a page size below zero');
  });

  test('supply and demand of FY1999', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    await setLocale(db, world.coordinator.userId ?? '', 'en');
    const session = await api.sessionFor(world.coordinator.userId ?? '');
    const { errors } = await api.graphql('{ supplyAndDemand(fiscalYear: 1999) { month } }', undefined, { session });
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Give a fiscal year such as 2025.',
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          problems: [{ path: ['fiscalYear'], message: 'Give a fiscal year such as 2025.' }],
        }),
      }),
    ]);
  });

  test('no candidates at all', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const request = await insertRequest(db, world.associationId, world.organizationId);
    const session = await api.sessionFor(world.coordinator.userId ?? '');
    const { errors } = await api.graphql(
      'query ($id: ID!) { node(id: $id) { ... on Request { candidates(limit: 0) { score } } } }',
      { id: globalId('Request', request.id) },
      { session },
    );
    expect(errors?.[0]?.message).toBe('候補の数は1〜200件で指定してください。');
  });
});

describe('approving reports into a closed month', () => {
  test('answers that the month is closed, and approves nothing', async () => {
    const { db } = testDb.database;
    const world = await insertDispatchWorld(db);
    const request = await insertRequest(db, world.associationId, world.organizationId, {
      status: 'filled',
      startsAt: new Date('2027-01-12T10:00:00+09:00'),
      endsAt: new Date('2027-01-12T12:00:00+09:00'),
    });
    const lan = await insertAvailableVolunteer(db, world.associationId, 'Lan');
    const booking = await insertAssignment(db, request, lan.volunteer.id);
    await db.insert(schema.activityReports).values({
      assignmentId: booking.id,
      kind: 'volunteer',
      actualStart: new Date('2027-01-12T10:00:00+09:00'),
      actualEnd: new Date('2027-01-12T12:00:00+09:00'),
      transportFareYen: 440,
      filedBy: lan.user.id,
    });
    await db
      .insert(schema.fiscalPeriodClosures)
      .values({ associationId: world.associationId, fiscalYear: 2026, month: 1 });
    const session = await api.sessionFor(world.coordinator.userId ?? '');
    const { data, errors } = await api.graphql<{ approveActivityReports: { __typename: string; month?: number } }>(
      'mutation ($id: ID!) { approveActivityReports(requestId: $id) { __typename ... on PeriodClosedError { fiscalYear month } } }',
      { id: globalId('Request', request.id) },
      { session },
    );
    expect(errors).toBeUndefined();
    expect(data?.approveActivityReports).toEqual({ __typename: 'PeriodClosedError', fiscalYear: 2026, month: 1 });
    const [report] = await db
      .select()
      .from(schema.activityReports)
      .where(eq(schema.activityReports.assignmentId, booking.id));
    expect(report?.approvedAt).toBeNull();
    expect(await db.$count(schema.expenseLines, eq(schema.expenseLines.assignmentId, booking.id))).toBe(0);
  });
});
