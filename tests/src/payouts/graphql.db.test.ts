import { randomBytes } from 'node:crypto';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import type { Viewer } from '@tsunagu/domain';
import { createLogger, createServices, masterKeyFrom, type Services, setPayoutRole } from '@tsunagu/services';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertExpenseWorld } from '../expenses/world';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertStaffMember, insertVolunteer } from '../support/fixtures';
import { countingStatements } from '../support/statements';
import { approvedDispatch } from './world';

/**
 * Payout runs over GraphQL read what the client selects in one statement, however many runs and
 * payments there are; the names read are audited in one insert; a volunteer sees what a confirmed
 * run paid them and what was withheld.
 */

let testDb: TestDatabase;
let counted: ReturnType<typeof countingStatements>;
let api: TestApi;
let world: ExpenseWorld;
let services: Services;
let payoutStaff: Viewer;
let staffSession = '';
const db = () => testDb.database.db;

const volunteers: Array<{ id: string; userId: string; fullName: string }> = [];

beforeAll(async () => {
  testDb = await openTestDatabase();
  counted = countingStatements(testDb.database);
  world = await insertExpenseWorld(db(), '2026-07-06T10:00:00+09:00');
  api = await startTestApi(counted.database, { clock: world.clock });
  services = createServices({
    db: db(),
    clock: world.clock,
    logger: createLogger({ level: 'silent' }),
    masterKey: masterKeyFrom('test', randomBytes(32).toString('base64')),
  });
  const staff = await insertStaffMember(db(), world.associationId, 'coordinator');
  payoutStaff = { ...world.coordinator, userId: staff.id };
  staffSession = await api.sessionFor(staff.id);
  await setPayoutRole(db(), world.admin, { associationId: world.associationId, userId: staff.id, granted: true });
  await services.payoutRuns.saveSettings(world.admin, {
    associationId: world.associationId,
    requesterCode: '1234567890',
    requesterKana: 'ツナグ',
    bankCode: '0005',
    branchCode: '001',
    accountType: 'ordinary',
    accountNumber: '7654321',
    withholdOnTransport: true,
  });
  for (const holderKana of ['グエン・ヴァン・アン', 'ヤマダ タロウ', 'サトウ ハナコ']) {
    const { volunteer } = await insertVolunteer(db(), world.associationId);
    if (!volunteer.userId) throw new Error('a volunteer without a user');
    await services.payoutDetails.savePayoutDetails(
      {
        userId: volunteer.userId,
        locale: 'ja',
        organizationId: null,
        volunteerId: volunteer.id,
        coordinatorOf: [],
        adminOf: [],
      },
      {
        declinesPayment: false,
        account: { bankCode: '0001', branchCode: '001', accountType: 'ordinary', accountNumber: '1234567', holderKana },
      },
    );
    volunteers.push({ id: volunteer.id, userId: volunteer.userId, fullName: volunteer.fullName });
  }
  // April: all three; May: the first two, the first twice; June: the first.
  for (const [day, who] of [
    ['2026-04-08', 0],
    ['2026-04-09', 1],
    ['2026-04-10', 2],
    ['2026-05-12', 0],
    ['2026-05-19', 0],
    ['2026-05-20', 1],
    ['2026-06-02', 0],
  ] as const) {
    await approvedDispatch(db(), world, day, volunteers[who]?.id);
  }
  for (const month of [4, 5, 6]) {
    const runId = await services.payoutRuns.build(payoutStaff, {
      associationId: world.associationId,
      year: 2026,
      month,
      transferDate: `2026-0${month + 1}-10`,
    });
    if (month < 6) {
      await services.payoutRuns.approve(payoutStaff, runId);
      await services.payoutRuns.confirm(payoutStaff, runId);
    }
  }
}, 60_000);
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

interface Run {
  month: number;
  status: string;
  payments: Array<{ volunteerName: string; lines: number; grossYen: number; withheldYen: number; netYen: number }>;
}

describe('payout runs over GraphQL', () => {
  test('three runs and their six payments in one statement, the names read audited in one insert', async () => {
    counted.statements.length = 0;
    const { data, errors } = await api.graphql<{ payoutRuns: { data: Run[] } }>(
      `query ($id: ID!) { payoutRuns(associationId: $id) { ... on QueryPayoutRunsSuccess { data {
         month status payments { volunteerName lines grossYen withheldYen netYen } } } } }`,
      { id: globalId('Association', world.associationId) },
      { session: staffSession },
    );
    expect(errors).toBeUndefined();
    const runs = data?.payoutRuns.data ?? [];
    expect(runs.map((run) => [run.month, run.status, run.payments.length])).toEqual([
      [6, 'built', 1],
      [5, 'confirmed', 2],
      [4, 'confirmed', 3],
    ]);
    // May, the first volunteer: two jobs of ¥3,500 and two fares of ¥640, ¥8,280; 10.21 % is ¥845.
    expect(runs[1]?.payments).toContainEqual({
      volunteerName: volunteers[0]?.fullName,
      lines: 4,
      grossYen: 8_280,
      withheldYen: 845,
      netYen: 7_435,
    });
    const [session, staffCheck, ...rest] = counted.statements;
    expect(session).toContain('"sessions"');
    expect(staffCheck).toContain('"payout_staff"');
    expect(rest).toHaveLength(2);
    expect(rest[0]).toMatch(/^select/i);
    expect(rest[1]).toMatch(/^insert into "audit_log"/i);
    const audited = await db()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.actorUserId, payoutStaff.userId ?? ''));
    expect(new Set(audited.filter((row) => row.action === 'read').map((row) => row.subjectId))).toEqual(
      new Set(volunteers.map((volunteer) => volunteer.id)),
    );
  });

  test('a coordinator without the payout role is refused the runs', async () => {
    const { data } = await api.graphql<{ payoutRuns: { __typename: string } }>(
      'query ($id: ID!) { payoutRuns(associationId: $id) { __typename } }',
      { id: globalId('Association', world.associationId) },
      { session: await api.sessionFor(world.coordinator.userId ?? '') },
    );
    expect(data?.payoutRuns.__typename).toBe('ForbiddenError');
  });

  test('a volunteer sees what the confirmed runs of the calendar year paid them, and the tax withheld', async () => {
    const [first] = volunteers;
    type Year = {
      myPaymentYear: {
        __typename: string;
        data?: Array<{
          grossYen: number;
          withheldYen: number;
          netYen: number;
          payments: Array<{ paidOn: string; grossYen: number; withheldYen: number; netYen: number }>;
        }>;
      };
    };
    const document = `query ($year: Int!) { myPaymentYear(year: $year) { __typename ... on QueryMyPaymentYearSuccess {
      data { grossYen withheldYen netYen payments { paidOn grossYen withheldYen netYen } } } } }`;
    const session = await api.sessionFor(first?.userId ?? '');
    const { data, errors } = await api.graphql<Year>(document, { year: 2026 }, { session });
    expect(errors).toBeUndefined();
    // June's run is only built: not paid yet, so not shown.
    expect(data?.myPaymentYear.data).toEqual([
      {
        grossYen: 12_420,
        withheldYen: 1_267,
        netYen: 11_153,
        payments: [
          { paidOn: '2026-05-10', grossYen: 4_140, withheldYen: 422, netYen: 3_718 },
          { paidOn: '2026-06-10', grossYen: 8_280, withheldYen: 845, netYen: 7_435 },
        ],
      },
    ]);
    const other = await api.graphql<Year>(document, { year: 2025 }, { session });
    expect(other.data?.myPaymentYear.data).toEqual([]);
  });
});
