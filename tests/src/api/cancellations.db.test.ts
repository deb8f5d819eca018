import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock } from '@tsunagu/domain';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import {
  insertAssignment,
  insertAssociation,
  insertJapanese,
  insertLanguages,
  insertOrganization,
  insertRequest,
  insertRequester,
  insertStaffMember,
  insertVolunteer,
  setLocale,
} from '../support/fixtures';
import { inlineDispatcher } from '../support/inline-dispatcher';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const cancelRequest = /* GraphQL */ `
  mutation Cancel($id: ID!, $cancellation: CancellationInput!) {
    cancelRequest(requestId: $id, cancellation: $cancellation) {
      __typename
      ... on MutationCancelRequestSuccess { data { status cancelledBy cancellationReason cancellationNote } }
      ... on ValidationError { problems { path message } }
      ... on Error { message }
    }
  }
`;

const releaseAssignment = /* GraphQL */ `
  mutation Release($id: ID!, $cancellation: CancellationInput!) {
    releaseAssignment(assignmentId: $id, cancellation: $cancellation) {
      __typename
      ... on MutationReleaseAssignmentSuccess { data { status releaseCause releaseNote withdrawalReason withdrawalNote } }
      ... on ValidationError { problems { path message } }
      ... on Error { message }
    }
  }
`;

const requestSeen = /* GraphQL */ `
  query Seen($id: ID!) { node(id: $id) { ... on Request { status cancelledBy cancellationReason cancellationNote } } }
`;

const bookingSeen = /* GraphQL */ `
  query Booking($id: ID!) {
    node(id: $id) {
      ... on Assignment {
        status releaseCause withdrawalReason withdrawalNote
        request { cancelledBy cancellationReason cancellationNote }
      }
    }
  }
`;

const report = /* GraphQL */ `
  query Report($associationId: ID!, $fiscalYear: Int!) {
    cancellationReport(associationId: $associationId, fiscalYear: $fiscalYear) { organizationName kind reason count }
  }
`;

type Answer<Field extends string> = Record<
  Field,
  { __typename: string; data?: Record<string, unknown>; problems?: { path: string[]; message: string }[] }
>;

describe('cancellation reasons, said by whoever cancels and read by the other side', () => {
  // Monday 1 February 2027, 10:00 in Japan; the requests are on 2 March.
  const clock = fixedClock('2027-02-01T10:00:00+09:00');
  let testDb: TestDatabase;
  let api: TestApi;
  let associationId: string;
  let organizationId: string;
  let otherOrganizationId: string;
  let englishRequester: string;
  let japaneseRequester: string;
  let coordinator: string;
  let englishCoordinator: string;
  let strangerCoordinator: string;
  let volunteer: { id: string; session: string };

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { db } = testDb.database;
    api = await startTestApi(testDb.database, { clock, dispatcher: inlineDispatcher(db, clock) });
    await insertLanguages(db);
    await insertJapanese(db);
    associationId = (await insertAssociation(db)).id;
    organizationId = (await insertOrganization(db, associationId)).id;
    otherOrganizationId = (await insertOrganization(db, associationId, { name: '大阪市 教育委員会' })).id;
    const english = await insertRequester(db, organizationId);
    await setLocale(db, english.id, 'en');
    englishRequester = await api.sessionFor(english.id);
    japaneseRequester = await api.sessionFor((await insertRequester(db, organizationId)).id);
    coordinator = await api.sessionFor((await insertStaffMember(db, associationId, 'coordinator')).id);
    const englishStaff = await insertStaffMember(db, associationId, 'coordinator');
    await setLocale(db, englishStaff.id, 'en');
    englishCoordinator = await api.sessionFor(englishStaff.id);
    const otherAssociation = await insertAssociation(db);
    strangerCoordinator = await api.sessionFor((await insertStaffMember(db, otherAssociation.id, 'coordinator')).id);
    const booked = await insertVolunteer(db, associationId, { status: 'active' });
    volunteer = { id: booked.volunteer.id, session: await api.sessionFor(booked.user.id) };
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  const database = () => testDb.database.db;
  const aRequest = (organization = organizationId, day = '2027-03-02') =>
    insertRequest(database(), associationId, organization, {
      status: 'filled',
      startsAt: new Date(`${day}T10:00:00+09:00`),
      endsAt: new Date(`${day}T12:00:00+09:00`),
    });
  const booked = async (organization = organizationId, day = '2027-03-02') => {
    const request = await aRequest(organization, day);
    const assignment = await insertAssignment(database(), request, volunteer.id);
    return { request, assignment };
  };
  const rowOf = async (requestId: string) =>
    (await database().select().from(schema.requests).where(eq(schema.requests.id, requestId)))[0];

  test('the requester cancels with a reason: the coordinator reads it, and so does the booked volunteer, in the e-mail too', async () => {
    const { request, assignment } = await booked();
    const answer = await api.graphql<Answer<'cancelRequest'>>(
      cancelRequest,
      {
        id: globalId('Request', request.id),
        cancellation: { reason: 'client_did_not_come', note: '相談者から連絡あり' },
      },
      { session: japaneseRequester },
    );
    expect(answer.data?.cancelRequest.data).toEqual({
      status: 'cancelled',
      cancelledBy: 'requester',
      cancellationReason: 'client_did_not_come',
      cancellationNote: '相談者から連絡あり',
    });
    const seen = await api.graphql<{ node: unknown }>(
      requestSeen,
      { id: globalId('Request', request.id) },
      { session: coordinator },
    );
    expect(seen.data?.node).toMatchObject({ cancelledBy: 'requester', cancellationReason: 'client_did_not_come' });
    const booking = await api.graphql<{ node: { request: unknown } }>(
      bookingSeen,
      { id: globalId('Assignment', assignment.id) },
      { session: volunteer.session },
    );
    expect(booking.data?.node.request).toEqual({
      cancelledBy: 'requester',
      cancellationReason: 'client_did_not_come',
      cancellationNote: '相談者から連絡あり',
    });
    const [mail] = await database()
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.idempotencyKey, `assignmentCancelled:${assignment.id}`));
    expect(mail?.payload).toMatchObject({
      stated: { by: 'requester', reason: 'client_did_not_come', note: '相談者から連絡あり' },
    });
  });

  test('a coordinator cancels with a reason: the requester reads it as the coordinator’s, and is e-mailed', async () => {
    const request = await aRequest();
    await api.graphql(
      cancelRequest,
      {
        id: globalId('Request', request.id),
        cancellation: { reason: 'found_another_interpreter', note: '別の団体で手配' },
      },
      { session: coordinator },
    );
    // Filed by nobody still signed up: the organization's contact address hears of it, in Japanese.
    const [organization] = await database()
      .select()
      .from(schema.organizations)
      .where(eq(schema.organizations.id, organizationId));
    const mails = await database()
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.idempotencyKey, `requestCancelled:${request.id}`));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: 'requestCancelled',
      toAddress: organization?.contactEmail,
      locale: 'ja',
      payload: { stated: { by: 'coordinator', reason: 'found_another_interpreter', note: '別の団体で手配' } },
    });
    const seen = await api.graphql<{ node: unknown }>(
      requestSeen,
      { id: globalId('Request', request.id) },
      { session: englishRequester },
    );
    expect(seen.data?.node).toEqual({
      status: 'cancelled',
      cancelledBy: 'coordinator',
      cancellationReason: 'found_another_interpreter',
      cancellationNote: '別の団体で手配',
    });
  });

  test('a requester who cancels is not e-mailed about their own cancellation', async () => {
    const request = await aRequest();
    const answer = await api.graphql<Answer<'cancelRequest'>>(
      cancelRequest,
      { id: globalId('Request', request.id), cancellation: { reason: 'no_longer_needed' } },
      { session: englishRequester },
    );
    expect(answer.data?.cancelRequest.__typename).toBe('MutationCancelRequestSuccess');
    expect(
      await database()
        .select()
        .from(schema.outbox)
        .where(eq(schema.outbox.idempotencyKey, `requestCancelled:${request.id}`)),
    ).toEqual([]);
  });

  test.each([
    ['no reason', { reason: '' }, 'reason', '理由を選んでください。'],
    ['a reason off the list', { reason: 'weather' }, 'reason', 'Choose a reason.'],
    ['"other" without a note', { reason: 'other', note: ' ' }, 'note', '理由を簡単に入力してください。'],
    ['a note too long', { reason: 'other', note: 'x'.repeat(501) }, 'note', 'Use at most 500 characters.'],
  ])(
    'cancelling with %s is refused beside its field, and nothing changes',
    async (_case, cancellation, field, message) => {
      // The Japanese requester reads Japanese, the English one English.
      const session = /^[A-Za-z]/.test(message) ? englishRequester : japaneseRequester;
      const request = await aRequest();
      const answer = await api.graphql<Answer<'cancelRequest'>>(
        cancelRequest,
        { id: globalId('Request', request.id), cancellation },
        { session },
      );
      expect(answer.data?.cancelRequest).toMatchObject({
        __typename: 'ValidationError',
        problems: [{ path: ['cancellation', field], message }],
      });
      expect(await rowOf(request.id)).toMatchObject({ status: 'filled', cancellationReason: null, cancelledAt: null });
    },
  );

  test('a coordinator of another association may not cancel, with or without a reason', async () => {
    const request = await aRequest();
    const answer = await api.graphql<Answer<'cancelRequest'>>(
      cancelRequest,
      { id: globalId('Request', request.id), cancellation: { reason: 'no_longer_needed' } },
      { session: strangerCoordinator },
    );
    expect(answer.data?.cancelRequest.__typename).toBe('ForbiddenError');
    expect(await rowOf(request.id)).toMatchObject({ status: 'filled', cancellationReason: null });
  });

  test('a coordinator releases a booking with a reason; the volunteer reads it, and the e-mail says it', async () => {
    const { assignment } = await booked();
    const answer = await api.graphql<Answer<'releaseAssignment'>>(
      releaseAssignment,
      { id: globalId('Assignment', assignment.id), cancellation: { reason: 'date_changed', note: '午後に変更' } },
      { session: coordinator },
    );
    expect(answer.data?.releaseAssignment.data).toEqual({
      status: 'released',
      releaseCause: 'date_changed',
      releaseNote: '午後に変更',
      withdrawalReason: null,
      withdrawalNote: null,
    });
    const mine = await api.graphql<{ myAssignments: { nodes: Array<{ id: string }> } }>(
      `{ myAssignments(first: 50) { nodes { id status releaseCause releaseNote withdrawalReason withdrawalNote
          request { startsAt cancelledBy cancellationReason cancellationNote } } } }`,
      {},
      { session: volunteer.session },
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.myAssignments.nodes).toContainEqual(
      expect.objectContaining({ id: globalId('Assignment', assignment.id), releaseCause: 'date_changed' }),
    );
    const [mail] = await database()
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.idempotencyKey, `assignmentReleased:${assignment.id}`));
    expect(mail?.payload).toMatchObject({ stated: { by: 'coordinator', reason: 'date_changed', note: '午後に変更' } });
  });

  test('a volunteer withdraws with their own reason: the coordinator reads it, the requesting staff do not', async () => {
    const { assignment } = await booked();
    const refused = await api.graphql<Answer<'releaseAssignment'>>(
      releaseAssignment,
      { id: globalId('Assignment', assignment.id), cancellation: { reason: 'date_changed' } },
      { session: volunteer.session },
    );
    // A volunteer says why from their own list, not the requester's.
    expect(refused.data?.releaseAssignment).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ path: ['cancellation', 'reason'], message: '理由を選んでください。' }],
    });
    expect(
      (await database().select().from(schema.assignments).where(eq(schema.assignments.id, assignment.id)))[0],
    ).toMatchObject({ status: 'confirmed', withdrawalReason: null, releaseCause: null });

    await api.graphql(
      releaseAssignment,
      { id: globalId('Assignment', assignment.id), cancellation: { reason: 'illness', note: '発熱のため' } },
      { session: volunteer.session },
    );
    const asCoordinator = await api.graphql<{ node: unknown }>(
      bookingSeen,
      { id: globalId('Assignment', assignment.id) },
      { session: englishCoordinator },
    );
    expect(asCoordinator.data?.node).toMatchObject({
      status: 'released',
      withdrawalReason: 'illness',
      withdrawalNote: '発熱のため',
    });
    const asRequester = await api.graphql<{ node: unknown }>(
      bookingSeen,
      { id: globalId('Assignment', assignment.id) },
      { session: japaneseRequester },
    );
    expect(asRequester.data?.node).toMatchObject({ status: 'released', withdrawalReason: null, withdrawalNote: null });
    const asVolunteer = await api.graphql<{ node: unknown }>(
      bookingSeen,
      { id: globalId('Assignment', assignment.id) },
      { session: volunteer.session },
    );
    expect(asVolunteer.errors).toBeUndefined();
    expect(asVolunteer.data?.node).toMatchObject({ withdrawalReason: 'illness', withdrawalNote: '発熱のため' });
    const [cover] = await database()
      .select()
      .from(schema.outbox)
      .where(like(schema.outbox.idempotencyKey, `coverNeeded:${assignment.id}%`));
    expect(cover?.payload).toMatchObject({ stated: { by: 'volunteer', reason: 'illness', note: '発熱のため' } });
  });

  test('releasing without a reason is refused in the reader’s language, and the booking stays', async () => {
    const { assignment } = await booked();
    const answer = await api.graphql<Answer<'releaseAssignment'>>(
      releaseAssignment,
      { id: globalId('Assignment', assignment.id), cancellation: { reason: 'other' } },
      { session: englishCoordinator },
    );
    expect(answer.data?.releaseAssignment).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ path: ['cancellation', 'note'], message: 'Say why, in a few words.' }],
    });
    expect(
      (await database().select().from(schema.assignments).where(eq(schema.assignments.id, assignment.id)))[0],
    ).toMatchObject({ status: 'confirmed', releaseCause: null });
  });

  test('the report counts cancellations per reason and organization in the fiscal year, for its coordinators only', async () => {
    const inYear = await aRequest(otherOrganizationId);
    await api.graphql(
      cancelRequest,
      { id: globalId('Request', inYear.id), cancellation: { reason: 'no_longer_needed' } },
      { session: coordinator },
    );
    const { data } = await api.graphql<{ cancellationReport: unknown[] }>(
      report,
      { associationId: globalId('Association', associationId), fiscalYear: 2026 },
      { session: coordinator },
    );
    // Everything above happened on 1 February 2027: fiscal year 2026.
    expect(data?.cancellationReport).toEqual(
      expect.arrayContaining([
        { organizationName: '大阪市 教育委員会', kind: 'coordinator_cancelled', reason: 'no_longer_needed', count: 1 },
        expect.objectContaining({ kind: 'requester_cancelled', reason: 'client_did_not_come', count: 1 }),
        expect.objectContaining({ kind: 'coordinator_cancelled', reason: 'found_another_interpreter', count: 1 }),
        expect.objectContaining({ kind: 'coordinator_released', reason: 'date_changed', count: 1 }),
        expect.objectContaining({ kind: 'volunteer_withdrew', reason: 'illness', count: 1 }),
      ]),
    );
    const nextYear = await api.graphql<{ cancellationReport: unknown[] }>(
      report,
      { associationId: globalId('Association', associationId), fiscalYear: 2027 },
      { session: coordinator },
    );
    expect(nextYear.data?.cancellationReport).toEqual([]);
    const stranger = await api.graphql<{ cancellationReport: unknown[] }>(
      report,
      { associationId: globalId('Association', associationId), fiscalYear: 2026 },
      { session: strangerCoordinator },
    );
    expect(stranger.data?.cancellationReport).toEqual([]);
  });
});
