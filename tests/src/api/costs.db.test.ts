import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { createExpenseLinesForReport } from '@tsunagu/services';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertDispatch, insertExpenseWorld } from '../expenses/world';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertOrganization, insertRequester } from '../support/fixtures';

/** A requesting office reads its costs, and a volunteer their honoraria, through the API. */

let testDb: TestDatabase;
let api: TestApi;
let world: ExpenseWorld;
let dispatch: Awaited<ReturnType<typeof insertDispatch>>;
let officeSession: string;
let otherOfficeSession: string;
let volunteerSession: string;
let otherVolunteerSession: string;

beforeAll(async () => {
  testDb = await openTestDatabase();
  const { db } = testDb.database;
  world = await insertExpenseWorld(db, '2026-06-01T10:00:00');
  api = await startTestApi(testDb.database, { clock: world.clock });
  dispatch = await insertDispatch(db, world, {
    startsAt: '2026-05-12T13:00:00+09:00',
    endsAt: '2026-05-12T15:00:00+09:00',
    transportFareYen: 500,
  });
  const lines = await db.transaction((tx) =>
    createExpenseLinesForReport(tx, dispatch.assignment.id, { actorUserId: null, now: world.clock.now() }),
  );
  await world.services.expenses.advanceLines(
    world.coordinator,
    lines.map((line) => line.id),
    'approved',
  );
  const other = await insertDispatch(db, world, {
    startsAt: '2026-05-13T13:00:00+09:00',
    endsAt: '2026-05-13T15:00:00+09:00',
    organizationId: world.prefecturalOfficeId,
  });
  await db.transaction((tx) =>
    createExpenseLinesForReport(tx, other.assignment.id, { actorUserId: null, now: world.clock.now() }),
  );
  officeSession = await api.sessionFor((await insertRequester(db, world.organizationId)).id);
  const otherOffice = await insertOrganization(db, world.associationId, { name: '吹田市役所' });
  otherOfficeSession = await api.sessionFor((await insertRequester(db, otherOffice.id)).id);
  volunteerSession = await api.sessionFor(dispatch.volunteer.userId);
  otherVolunteerSession = await api.sessionFor(other.volunteer.userId);
});
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

const organizationCosts = `query ($id: ID!, $fiscalYear: Int!) {
  organizationCosts(organizationId: $id, fiscalYear: $fiscalYear) {
    fiscalYear
    totals { totalYen requesterYen associationYen }
    months { month totalYen }
    requests { request { id language { code } } firstDate lines totalYen requesterYen }
  }
}`;

describe('a requesting office’s costs', () => {
  test('the request page shows its lines and what the office pays', async () => {
    const result = await api.graphql<{ node: { costs: unknown } }>(
      `query ($id: ID!) { node(id: $id) { ... on Request {
        costs { lines { activityDate kind payer status amountYen reversal } totals { totalYen requesterYen associationYen personServedYen } }
      } } }`,
      { id: globalId('Request', dispatch.request.id) },
      { session: officeSession },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.node.costs).toEqual({
      lines: [
        {
          activityDate: '2026-05-12',
          kind: 'honorarium',
          payer: 'requester',
          status: 'approved',
          amountYen: 3500,
          reversal: false,
        },
        {
          activityDate: '2026-05-12',
          kind: 'transport',
          payer: 'requester',
          status: 'approved',
          amountYen: 500,
          reversal: false,
        },
      ],
      totals: { totalYen: 4000, requesterYen: 4000, associationYen: 0, personServedYen: 0 },
    });
  });

  test('the fiscal year per month and per request, linking to the request', async () => {
    const result = await api.graphql<{
      organizationCosts: {
        totals: unknown;
        months: Array<{ month: string; totalYen: number }>;
        requests: unknown[];
      };
    }>(
      organizationCosts,
      { id: globalId('Organization', world.organizationId), fiscalYear: 2026 },
      { session: officeSession },
    );
    expect(result.errors).toBeUndefined();
    const year = result.data?.organizationCosts;
    expect(year?.totals).toEqual({ totalYen: 4000, requesterYen: 4000, associationYen: 0 });
    expect(year?.months.filter((month) => month.totalYen !== 0)).toEqual([{ month: '2026-05', totalYen: 4000 }]);
    expect(year?.requests).toEqual([
      {
        request: { id: globalId('Request', dispatch.request.id), language: { code: 'vi' } },
        firstDate: '2026-05-12',
        lines: 2,
        totalYen: 4000,
        requesterYen: 4000,
      },
    ]);
  });

  test('requesting staff who name no organization read their own; a volunteer has none to read', async () => {
    const ownYear = `query { organizationCosts(fiscalYear: 2026) { totals { totalYen requesterYen } } }`;
    const own = await api.graphql<{ organizationCosts: { totals: unknown } }>(ownYear, {}, { session: officeSession });
    expect(own.errors).toBeUndefined();
    expect(own.data?.organizationCosts.totals).toEqual({ totalYen: 4000, requesterYen: 4000 });
    const other = await api.graphql<{ organizationCosts: { totals: unknown } }>(
      ownYear,
      {},
      { session: otherOfficeSession },
    );
    expect(other.data?.organizationCosts.totals).toEqual({ totalYen: 0, requesterYen: 0 });
    const volunteer = await api.graphql(ownYear, {}, { session: volunteerSession });
    expect(volunteer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  test('another office may not read it, nor may a volunteer', async () => {
    for (const session of [otherOfficeSession, volunteerSession]) {
      const result = await api.graphql(
        organizationCosts,
        { id: globalId('Organization', world.organizationId), fiscalYear: 2026 },
        { session },
      );
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  test('a fiscal year out of range is the caller’s mistake', async () => {
    const result = await api.graphql(
      organizationCosts,
      { id: globalId('Organization', world.organizationId), fiscalYear: 26 },
      { session: officeSession },
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a volunteer’s honoraria', () => {
  const myHonoraria = `query ($fiscalYear: Int!) {
    myHonoraria(fiscalYear: $fiscalYear) {
      fiscalYear totalYen paidYen approvedYen submittedYen
      lines { activityDate kind status amountYen work { modality venue language { code } localGovernment { code } } }
    }
  }`;

  test('their own lines, with the work each pays for', async () => {
    const result = await api.graphql<{ myHonoraria: unknown }>(
      myHonoraria,
      { fiscalYear: 2026 },
      { session: volunteerSession },
    );
    expect(result.errors).toBeUndefined();
    const work = {
      modality: 'on_site',
      venue: '豊中市役所 市民課窓口',
      language: { code: 'vi' },
      localGovernment: { code: '272035' },
    };
    expect(result.data?.myHonoraria).toEqual({
      fiscalYear: 2026,
      totalYen: 4000,
      paidYen: 0,
      approvedYen: 4000,
      submittedYen: 0,
      lines: [
        { activityDate: '2026-05-12', kind: 'honorarium', status: 'approved', amountYen: 3500, work },
        { activityDate: '2026-05-12', kind: 'transport', status: 'approved', amountYen: 500, work },
      ],
    });
  });

  test('another volunteer sees only theirs', async () => {
    const result = await api.graphql<{ myHonoraria: { lines: Array<{ activityDate: string }> } }>(
      myHonoraria,
      { fiscalYear: 2026 },
      { session: otherVolunteerSession },
    );
    expect(result.data?.myHonoraria.lines.map((line) => line.activityDate)).toEqual(['2026-05-13', '2026-05-13']);
  });
});
