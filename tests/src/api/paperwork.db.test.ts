import { type Db, schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { defaultPolicy, type Viewer } from '@tsunagu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId, startTestApi, type TestApi } from '../support/api';
import {
  insertAssociation,
  insertAvailableVolunteer,
  insertCoordinatorWorld,
  insertRequest,
  insertStaffMember,
  insertVolunteer,
} from '../support/fixtures';

const signed = new Date('2026-04-01T10:00:00+09:00');

describe('paperwork: matching by policy, and who may see and record it', () => {
  let testDb: TestDatabase;
  let db: Db;
  let api: TestApi;
  let associationId: string;
  let organizationId: string;
  let coordinator: Viewer;
  let coordinatorSession: string;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    db = testDb.database.db;
    api = await startTestApi(testDb.database);
    ({ associationId, organizationId, coordinator } = await insertCoordinatorWorld(db, 'ja'));
    if (!coordinator.userId) throw new Error('a coordinator signs in');
    coordinatorSession = await api.sessionFor(coordinator.userId);
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });

  const setPaperworkPolicy = (paperwork: typeof defaultPolicy.paperwork) =>
    db.update(schema.associations).set({ policy: { paperwork } }).where(eq(schema.associations.id, associationId));

  const candidateIds = async (requestId: string) => {
    const result = await api.graphql<{ request: { candidates: { volunteer: { id: string } }[] } }>(
      /* GraphQL */ `
        query Candidates($id: ID!) { request: node(id: $id) { ... on Request { candidates(limit: 200) { volunteer { id } } } } }
      `,
      { id: globalId('Request', requestId) },
      { session: coordinatorSession },
    );
    expect(result.errors).toBeUndefined();
    return result.data?.request.candidates.map((candidate) => candidate.volunteer.id) ?? [];
  };

  test('an association that requires the papers leaves out those whose papers do not cover the day of the work', async () => {
    // Work on Tuesday 2 February 2027 (the fixtures' request).
    const inOrder = await insertAvailableVolunteer(db, associationId, {
      values: {
        registrationExpiresOn: '2027-02-02',
        insuranceEnrolledUntil: '2027-03-31',
        confidentialityPledgeSignedAt: signed,
      },
    });
    const lapsesTheDayBefore = await insertAvailableVolunteer(db, associationId, {
      values: {
        registrationExpiresOn: '2027-02-01',
        insuranceEnrolledUntil: '2027-03-31',
        confidentialityPledgeSignedAt: signed,
      },
    });
    const uninsured = await insertAvailableVolunteer(db, associationId, {
      values: { registrationExpiresOn: '2027-12-31', confidentialityPledgeSignedAt: signed },
    });
    const unsigned = await insertAvailableVolunteer(db, associationId, {
      values: { registrationExpiresOn: '2027-12-31', insuranceEnrolledUntil: '2027-03-31' },
    });
    const request = await insertRequest(db, associationId, organizationId);
    const ids = [inOrder, lapsesTheDayBefore, uninsured, unsigned].map(({ volunteer }) =>
      globalId('Volunteer', volunteer.id),
    );
    const [inOrderId, lapsedId, uninsuredId, unsignedId] = ids;

    // By default nothing is required: all four are candidates.
    expect(await candidateIds(request.id)).toEqual(expect.arrayContaining(ids));

    await setPaperworkPolicy({ requireRegistration: true, requireInsurance: false, requirePledge: false });
    let found = await candidateIds(request.id);
    expect(found).toEqual(expect.arrayContaining([inOrderId, uninsuredId, unsignedId]));
    expect(found).not.toContain(lapsedId);

    await setPaperworkPolicy({ requireRegistration: false, requireInsurance: true, requirePledge: true });
    found = await candidateIds(request.id);
    expect(found).toEqual(expect.arrayContaining([inOrderId, lapsedId]));
    expect(found).not.toContain(uninsuredId);
    expect(found).not.toContain(unsignedId);

    // The coordinator reads why on the volunteer's paperwork, in Japanese.
    const why = await api.graphql<{
      node: { paperwork: { holds: { associationName: string; items: string[]; reasons: string[] }[] } };
    }>(
      /* GraphQL */ `
        query Why($id: ID!) { node(id: $id) { ... on Volunteer { paperwork { holds { associationName items reasons } } } } }
      `,
      { id: uninsuredId },
      { session: coordinatorSession },
    );
    expect(why.data?.node.paperwork.holds).toEqual([
      {
        associationName: expect.any(String),
        items: ['insurance'],
        reasons: ['ボランティア保険の期限が切れている（または加入の記録がない）ため、依頼の候補になりません。'],
      },
    ]);
    await setPaperworkPolicy(defaultPolicy.paperwork);
  });

  test('a volunteer held back for lapsed papers is listed apart with why, and offering or assigning them by hand is refused', async () => {
    const lapsed = await insertAvailableVolunteer(db, associationId, {
      values: {
        registrationExpiresOn: '2027-12-31',
        insuranceEnrolledUntil: '2027-01-31',
        confidentialityPledgeSignedAt: signed,
      },
    });
    const inOrder = await insertAvailableVolunteer(db, associationId, {
      values: {
        registrationExpiresOn: '2027-12-31',
        insuranceEnrolledUntil: '2027-03-31',
        confidentialityPledgeSignedAt: signed,
      },
    });
    const request = await insertRequest(db, associationId, organizationId);
    const [lapsedId, inOrderId] = [lapsed, inOrder].map(({ volunteer }) => globalId('Volunteer', volunteer.id));
    await setPaperworkPolicy({ requireRegistration: true, requireInsurance: true, requirePledge: false });
    try {
      const held = await api.graphql<{
        request: { heldBackCandidates: { volunteer: { id: string }; items: string[]; heldBecause: string[] }[] };
      }>(
        /* GraphQL */ `
          query Held($id: ID!) {
            request: node(id: $id) { ... on Request { heldBackCandidates { volunteer { id } items heldBecause } } }
          }
        `,
        { id: globalId('Request', request.id) },
        { session: coordinatorSession },
      );
      expect(held.errors).toBeUndefined();
      const heldBack = held.data?.request.heldBackCandidates ?? [];
      expect(heldBack).toContainEqual({
        volunteer: { id: lapsedId },
        items: ['insurance'],
        heldBecause: ['ボランティア保険の期限が切れている（または加入の記録がない）ため、依頼の候補になりません。'],
      });
      expect(heldBack.map((candidate) => candidate.volunteer.id)).not.toContain(inOrderId);
      expect(await candidateIds(request.id)).not.toContain(lapsedId);

      for (const mutation of ['offerToVolunteer', 'assignVolunteer']) {
        const answer = await api.graphql<Record<string, { __typename: string; reason?: string; message?: string }>>(
          /* GraphQL */ `
            mutation ByHand($requestId: ID!, $volunteerId: ID!) {
              ${mutation}(requestId: $requestId, volunteerId: $volunteerId) {
                __typename
                ... on ConflictError { reason message }
              }
            }
          `,
          { requestId: globalId('Request', request.id), volunteerId: lapsedId },
          { session: coordinatorSession },
        );
        expect(answer.data?.[mutation]).toEqual({
          __typename: 'ConflictError',
          reason: 'paperwork_lapsed',
          message:
            'このボランティアは書類（ボランティア保険）の期限切れか未提出のため、協会の方針により打診も割り当てもできません。書類を更新してからにしてください。',
        });
      }
      const offers = await db.select().from(schema.offers).where(eq(schema.offers.requestId, request.id));
      const assignments = await db
        .select()
        .from(schema.assignments)
        .where(eq(schema.assignments.requestId, request.id));
      expect([...offers, ...assignments]).toEqual([]);
    } finally {
      await setPaperworkPolicy(defaultPolicy.paperwork);
    }
  });

  const record = /* GraphQL */ `
    mutation Paperwork($id: ID!, $input: VolunteerPaperworkInput!) {
      recordVolunteerPaperwork(volunteerId: $id, input: $input) {
        __typename
        ... on MutationRecordVolunteerPaperworkSuccess {
          data { registrationExpiresOn insuranceEnrolledUntil confidentialityPledgeSignedAt
            paperwork { standing { item state validUntil daysLeft } } }
        }
        ... on ValidationError { problems { path message } }
        ... on Error { message }
      }
    }
  `;
  type Recorded = {
    recordVolunteerPaperwork: {
      __typename: string;
      message?: string;
      problems?: { path: string[]; message: string }[];
      data?: {
        registrationExpiresOn: string | null;
        insuranceEnrolledUntil: string | null;
        confidentialityPledgeSignedAt: string | null;
        paperwork: { standing: { item: string; state: string; validUntil: string | null; daysLeft: number | null }[] };
      };
    };
  };

  test('a coordinator records a renewal, the insurance and a paper pledge, and reads the new standing at once', async () => {
    const { volunteer } = await insertVolunteer(db, associationId, { status: 'active' });
    const result = await api.graphql<Recorded>(
      record,
      {
        id: globalId('Volunteer', volunteer.id),
        // Friday 15 January 2027 is the test's today.
        input: {
          registrationRenewedOn: '2026-02-01',
          insuranceEnrolledUntil: '2027-03-31',
          confidentialityPledgeSignedOn: '2026-04-01',
        },
      },
      { session: coordinatorSession },
    );
    expect(result.data?.recordVolunteerPaperwork.data).toEqual({
      registrationExpiresOn: '2027-02-01',
      insuranceEnrolledUntil: '2027-03-31',
      confidentialityPledgeSignedAt: '2026-03-31T15:00:00.000Z',
      paperwork: {
        standing: [
          { item: 'registration', state: 'dueSoon', validUntil: '2027-02-01', daysLeft: 17 },
          { item: 'insurance', state: 'valid', validUntil: '2027-03-31', daysLeft: 75 },
          { item: 'pledge', state: 'valid', validUntil: null, daysLeft: null },
        ],
      },
    });
  });

  test('an empty form and a pledge in the future are refused beside their fields, in the reader’s language', async () => {
    const { volunteer } = await insertVolunteer(db, associationId, { status: 'active' });
    const id = globalId('Volunteer', volunteer.id);
    const empty = await api.graphql<Recorded>(record, { id, input: {} }, { session: coordinatorSession });
    expect(empty.data?.recordVolunteerPaperwork.problems).toEqual([
      {
        path: ['input', 'registrationRenewedOn'],
        message: '更新日・保険の期限・誓約の日付のいずれかを入力してください。',
      },
    ]);
    const future = await api.graphql<Recorded>(
      record,
      { id, input: { confidentialityPledgeSignedOn: '2027-02-01' } },
      { session: coordinatorSession },
    );
    expect(future.data?.recordVolunteerPaperwork.problems).toEqual([
      { path: ['input', 'confidentialityPledgeSignedOn'], message: '誓約の日付に未来の日は指定できません。' },
    ]);
    const [row] = await db.select().from(schema.volunteers).where(eq(schema.volunteers.id, volunteer.id));
    expect(row?.confidentialityPledgeSignedAt).toBeNull();
  });

  test('a coordinator of another association may neither see nor record a volunteer’s paperwork', async () => {
    const { volunteer } = await insertVolunteer(db, associationId, {
      status: 'active',
      registrationExpiresOn: '2027-04-01',
    });
    const id = globalId('Volunteer', volunteer.id);
    const elsewhere = await insertAssociation(db);
    const outsider = await api.sessionFor((await insertStaffMember(db, elsewhere.id, 'coordinator')).id);

    const recorded = await api.graphql<Recorded>(
      record,
      { id, input: { registrationRenewedOn: '2027-01-10' } },
      { session: outsider },
    );
    expect(recorded.data?.recordVolunteerPaperwork.__typename).toBe('ForbiddenError');
    const [row] = await db.select().from(schema.volunteers).where(eq(schema.volunteers.id, volunteer.id));
    expect(row?.registrationExpiresOn).toBe('2027-04-01');

    const read = await api.graphql<{ node: { paperwork: unknown } | null }>(
      /* GraphQL */ `query Read($id: ID!) { node(id: $id) { ... on Volunteer { paperwork { standing { state } } } } }`,
      { id },
      { session: outsider },
    );
    expect(read.data?.node?.paperwork ?? null).toBeNull();
  });

  test('the volunteer reads their own paperwork and what holds them back, and may not record it', async () => {
    const { user, volunteer } = await insertVolunteer(db, associationId, {
      status: 'active',
      registrationExpiresOn: '2027-01-10',
    });
    await setPaperworkPolicy({ requireRegistration: true, requireInsurance: false, requirePledge: false });
    const session = await api.sessionFor(user.id);
    const own = await api.graphql<{
      node: { paperwork: { standing: { item: string; state: string }[]; holds: { items: string[] }[] } };
    }>(
      /* GraphQL */ `query Own($id: ID!) { node(id: $id) { ... on Volunteer { paperwork { standing { item state } holds { items } } } } }`,
      { id: globalId('Volunteer', volunteer.id) },
      { session },
    );
    expect(own.data?.node.paperwork.standing[0]).toEqual({ item: 'registration', state: 'lapsed' });
    expect(own.data?.node.paperwork.holds).toEqual([{ items: ['registration'] }]);
    const recorded = await api.graphql<Recorded>(
      record,
      { id: globalId('Volunteer', volunteer.id), input: { registrationRenewedOn: '2027-01-15' } },
      { session },
    );
    expect(recorded.data?.recordVolunteerPaperwork.__typename ?? recorded.errors?.[0]?.extensions?.code).toMatch(
      /Forbidden|FORBIDDEN|UNAUTHORIZED/,
    );
    await setPaperworkPolicy(defaultPolicy.paperwork);
  });
});
