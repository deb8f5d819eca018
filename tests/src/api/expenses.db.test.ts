import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { createExpenseLinesForReport } from '@tsunagu/services';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertDispatch, insertExpenseWorld } from '../expenses/world';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertAssociation, insertRequester, insertStaffMember } from '../support/fixtures';

/** What a coordinator and an admin do with expenses through the API, down to downloading the claim's export. */

let testDb: TestDatabase;
let api: TestApi;
let world: ExpenseWorld;
let coordinatorSession: string;
let adminSession: string;
const association = () => globalId('Association', world.associationId);

beforeAll(async () => {
  testDb = await openTestDatabase();
  world = await insertExpenseWorld(testDb.database.db);
  api = await startTestApi(testDb.database, { clock: world.clock });
  coordinatorSession = await api.sessionFor(world.coordinator.userId ?? '');
  adminSession = await api.sessionFor(world.admin.userId ?? '');
  for (const [startsAt, endsAt] of [
    ['2026-05-12T13:00:00+09:00', '2026-05-12T15:00:00+09:00'],
    ['2026-06-02T09:00:00+09:00', '2026-06-02T14:00:00+09:00'],
  ] as const) {
    const { assignment } = await insertDispatch(testDb.database.db, world, { startsAt, endsAt, transportFareYen: 500 });
    await testDb.database.db.transaction((tx) =>
      createExpenseLinesForReport(tx, assignment.id, { actorUserId: null, now: world.clock.now() }),
    );
  }
});
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

const payersInput = `payers: {
  honorarium: { paidBy: requester, personServedSharePercent: 50, personServedCapYen: 3000 },
  translation: { paidBy: requester }, remote: { paidBy: requester },
  transport: { paidBy: association }, cancellation: { paidBy: requester } }`;

describe('rate schedules', () => {
  test('an admin adds Kanagawa-like medical rates; a coordinator reads them back as typed rules', async () => {
    const created = await api.graphql<{ createRateSchedule: { __typename: string; data?: { id: string } } }>(
      `mutation ($id: ID!) {
        createRateSchedule(associationId: $id, input: {
          effectiveFrom: "2027-04-01", note: "Medical interpreting",
          honorarium: { kind: first_block_then_hourly, firstBlockMinutes: 120, firstBlockYen: 6600, perHourYen: 1100,
                        roundingUnitMinutes: 30, rounding: up },
          translation: { perManuscriptPageYen: 1200 },
          transport: { kind: actual_fare, receiptRequired: true, capYen: 3000 },
          cancellation: [{ noticeHoursUnder: 24, percentOfFee: 100 }],
          ${payersInput}
        }) { __typename ... on MutationCreateRateScheduleSuccess { data { id } } }
      }`,
      { id: association() },
      { session: adminSession },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createRateSchedule.__typename).toBe('MutationCreateRateScheduleSuccess');

    const read = await api.graphql<{ rateSchedules: Array<Record<string, unknown>> }>(
      `query ($id: ID!) { rateSchedules(associationId: $id) {
        effectiveFrom illustrative
        rules {
          honorarium { kind firstBlockYen perHourYen rounding amountYen }
          translation { perPageYen perManuscriptPageYen manuscriptPageCharacters }
          transport { kind receiptRequired capYen }
          cancellation { noticeHoursUnder percentOfFee fixedYen }
          payers { honorarium { paidBy personServedSharePercent personServedCapYen } }
        }
      } }`,
      { id: association() },
      { session: coordinatorSession },
    );
    expect(read.data?.rateSchedules[0]).toEqual({
      effectiveFrom: '2027-04-01',
      illustrative: false,
      rules: {
        honorarium: {
          kind: 'first_block_then_hourly',
          firstBlockYen: 6600,
          perHourYen: 1100,
          rounding: 'up',
          amountYen: null,
        },
        translation: { perPageYen: null, perManuscriptPageYen: 1200, manuscriptPageCharacters: 400 },
        transport: { kind: 'actual_fare', receiptRequired: true, capYen: 3000 },
        cancellation: [{ noticeHoursUnder: 24, percentOfFee: 100, fixedYen: null }],
        payers: { honorarium: { paidBy: 'requester', personServedSharePercent: 50, personServedCapYen: 3000 } },
      },
    });
  });

  test('a rule missing what its kind needs is refused at its field', async () => {
    const result = await api.graphql<{ createRateSchedule: { __typename: string; problems?: unknown[] } }>(
      `mutation ($id: ID!) {
        createRateSchedule(associationId: $id, input: {
          effectiveFrom: "2027-05-01", honorarium: { kind: per_job, amountYen: 3500 }, transport: { kind: none },
          ${payersInput}
        }) { __typename ... on ValidationError { problems { path } } }
      }`,
      { id: association() },
      { session: adminSession },
    );
    expect(result.data?.createRateSchedule).toEqual({
      __typename: 'ValidationError',
      problems: [{ path: ['input', 'rules', 'honorarium', 'limitMinutes'] }],
    });
  });
});

interface Report {
  reconciliation: {
    data: {
      rows: Array<{
        bearingGovernment: { code: string };
        grantTaxCategory: string;
        measure: string;
        dispatches: number;
        hours: number;
        languages: string[];
        totalYen: number;
        byKind: Array<{ kind: string; amountYen: number }>;
      }>;
      totals: { totalYen: number; lines: number };
    };
  };
}

describe('the reconciliation through GraphQL', () => {
  test('per bearing body and category: dispatches, hours, languages and totals; and the lines behind them', async () => {
    const report = await api.graphql<Report>(
      `query ($id: ID!) { reconciliation(associationId: $id, fiscalYear: 2026) {
        ... on QueryReconciliationSuccess { data {
          rows { bearingGovernment { code } grantTaxCategory measure dispatches hours languages totalYen
                 byKind { kind amountYen } }
          totals { totalYen lines }
        } }
      } }`,
      { id: association() },
      { session: coordinatorSession },
    );
    expect(report.errors).toBeUndefined();
    const [row] = report.data?.reconciliation.data.rows ?? [];
    expect(row).toMatchObject({
      bearingGovernment: { code: '272035' },
      grantTaxCategory: '1',
      measure: 'special_grant_tax',
      dispatches: 2,
      hours: 7,
      languages: ['vi'],
      totalYen: 3500 + 7000 + 500 + 500,
    });
    expect(row?.byKind.find((amount) => amount.kind === 'transport')?.amountYen).toBe(1000);

    const lines = await api.graphql<{ expenseLines: { nodes: Array<{ amountYen: number; kind: string }> } }>(
      `query ($id: ID!) { expenseLines(associationId: $id, fiscalYear: 2026, bearingGovernmentCode: "272035",
                                       grantTaxCategory: "1", kind: honorarium) { nodes { amountYen kind } } }`,
      { id: association() },
      { session: coordinatorSession },
    );
    expect(lines.data?.expenseLines.nodes).toEqual([
      { amountYen: 3500, kind: 'honorarium' },
      { amountYen: 7000, kind: 'honorarium' },
    ]);
  });

  test('a coordinator of another association sees none of it', async () => {
    const other = await insertAssociation(testDb.database.db);
    const stranger = await insertStaffMember(testDb.database.db, other.id, 'coordinator');
    const session = await api.sessionFor(stranger.id);
    const lines = await api.graphql<{ expenseLines: { nodes: unknown[] } }>(
      'query ($id: ID!) { expenseLines(associationId: $id, fiscalYear: 2026) { nodes { id } } }',
      { id: association() },
      { session },
    );
    expect(lines.data?.expenseLines.nodes).toEqual([]);
    const report = await api.graphql<{ reconciliation: { __typename: string } }>(
      'query ($id: ID!) { reconciliation(associationId: $id, fiscalYear: 2026) { __typename } }',
      { id: association() },
      { session },
    );
    expect(report.data?.reconciliation.__typename).toBe('ForbiddenError');
  });

  test('a line of a closed month cannot be approved: the error is typed', async () => {
    const lines = await api.graphql<{ expenseLines: { nodes: Array<{ id: string }> } }>(
      'query ($id: ID!) { expenseLines(associationId: $id, fiscalYear: 2026, kind: transport) { nodes { id } } }',
      { id: association() },
      { session: coordinatorSession },
    );
    const closed = await api.graphql<{ closeFiscalPeriod: { __typename: string } }>(
      'mutation ($id: ID!) { closeFiscalPeriod(associationId: $id, fiscalYear: 2026, month: 5) { __typename } }',
      { id: association() },
      { session: coordinatorSession },
    );
    expect(closed.data?.closeFiscalPeriod.__typename).toBe('MutationCloseFiscalPeriodSuccess');
    const advanced = await api.graphql<{ advanceExpenseLines: Record<string, unknown> }>(
      `mutation ($ids: [ID!]!) { advanceExpenseLines(lineIds: $ids, to: approved) {
        __typename ... on PeriodClosedError { fiscalYear month message }
      } }`,
      { ids: lines.data?.expenseLines.nodes.map((line) => line.id) },
      { session: coordinatorSession },
    );
    expect(advanced.data?.advanceExpenseLines).toEqual({
      __typename: 'PeriodClosedError',
      fiscalYear: 2026,
      month: 5,
      message:
        '2026年度の5月は締めてあるため、明細を変更できません。開いている期間に取り消しの明細を入れるか、管理者に締めの解除を頼んでください。',
    });
  });
});

describe('exports a municipality can attach to its claim', () => {
  test('a coordinator asks for a CSV of lines, downloads it, and sees its progress reach the end', async () => {
    const started = await api.graphql<{
      startReconciliationExport: { data: { id: string; downloadUrl: string; rowsExpected: number; fileName: string } };
    }>(
      `mutation ($id: ID!) { startReconciliationExport(input: {
          associationId: $id, fiscalYear: 2026, bearingGovernmentCode: "272035", format: csv, detail: lines }) {
        ... on MutationStartReconciliationExportSuccess { data { id downloadUrl rowsExpected fileName } }
      } }`,
      { id: association() },
      { session: coordinatorSession },
    );
    const exported = started.data?.startReconciliationExport.data;
    expect(exported).toMatchObject({ rowsExpected: 4, fileName: 'reconciliation-FY2026-272035-lines.csv' });

    const response = await fetch(`${api.url}${exported?.downloadUrl}`, {
      headers: { cookie: `tsunagu_session=${coordinatorSession}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('x-export-rows')).toBe('4');
    const body = new Uint8Array(await response.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(body);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 4 + 1);

    const progress = await api.graphql<{
      reconciliationExport: { status: string; rowsWritten: number; progress: number };
    }>(
      'query ($id: ID!) { reconciliationExport(id: $id) { status rowsWritten progress } }',
      { id: exported?.id },
      { session: coordinatorSession },
    );
    expect(progress.data?.reconciliationExport).toEqual({ status: 'finished', rowsWritten: 4, progress: 1 });

    // Another coordinator of the association cannot use this one's download.
    const other = await api.sessionFor(world.admin.userId ?? '');
    const refused = await fetch(`${api.url}${exported?.downloadUrl}`, {
      headers: { cookie: `tsunagu_session=${other}` },
    });
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe('突合表の出力が見つかりません。削除されたか、見る権限がありません。\n');
    const anonymous = await fetch(`${api.url}${exported?.downloadUrl}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toBe('先にサインインしてください。\n');
    // Each refusal in the reader's language, as the page asks for it.
    const english = await fetch(`${api.url}${exported?.downloadUrl}`, { headers: { 'accept-language': 'en-GB,en' } });
    expect([english.status, english.headers.get('content-language'), await english.text()]).toEqual([
      401,
      'en',
      'Sign in first.\n',
    ]);
    const unknown = await fetch(`${api.url}/exports/reconciliation/not-an-export`, {
      headers: { 'accept-language': 'en' },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe(
      'Reconciliation export not found: it may have been removed, or you may not see it.\n',
    );
  });

  test('an XLSX summary downloads as a spreadsheet', async () => {
    const started = await api.graphql<{ startReconciliationExport: { data: { downloadUrl: string } } }>(
      `mutation ($id: ID!) { startReconciliationExport(input: { associationId: $id, fiscalYear: 2026, format: xlsx }) {
        ... on MutationStartReconciliationExportSuccess { data { downloadUrl } }
      } }`,
      { id: association() },
      { session: coordinatorSession },
    );
    const response = await fetch(`${api.url}${started.data?.startReconciliationExport.data.downloadUrl}`, {
      headers: { cookie: `tsunagu_session=${coordinatorSession}` },
    });
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const body = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(body.subarray(0, 2))).toBe('PK');
  });
});

describe('supply and demand', () => {
  test('per language and month, for the viewer’s associations', async () => {
    const result = await api.graphql<{ supplyAndDemand: Array<Record<string, unknown>> }>(
      '{ supplyAndDemand(fiscalYear: 2026) { languageCode month requests filled unfilled fillRate } }',
      {},
      { session: coordinatorSession },
    );
    expect(result.data?.supplyAndDemand).toEqual([
      { languageCode: 'vi', month: '2026-05', requests: 1, filled: 1, unfilled: 0, fillRate: 1 },
      { languageCode: 'vi', month: '2026-06', requests: 1, filled: 1, unfilled: 0, fillRate: 1 },
    ]);
  });
});

describe('a booking’s expense lines, read through its request', () => {
  const bookingQuery = `query ($id: ID!) { node(id: $id) { ... on Request { assignments {
    storedId expenseLines { kind amountYen status source }
  } } } }`;
  type Booking = { storedId: string; expenseLines: Array<Record<string, unknown>> | null };

  test('a coordinator reads them and enters a line by the booking’s stored id; the requesting body sees none', async () => {
    // March 2026 is FY2025: the totals and figures of FY2026 above stay as they are.
    const { request, assignment } = await insertDispatch(testDb.database.db, world, {
      startsAt: '2026-03-10T13:00:00+09:00',
      endsAt: '2026-03-10T15:00:00+09:00',
      transportFareYen: null,
    });
    const requestId = globalId('Request', request.id);
    const before = await api.graphql<{ node: { assignments: Booking[] } }>(
      bookingQuery,
      { id: requestId },
      { session: coordinatorSession },
    );
    expect(before.data?.node.assignments).toEqual([{ storedId: assignment.id, expenseLines: [] }]);

    const created = await api.graphql<{ createExpenseLine: { __typename: string } }>(
      `mutation ($assignmentId: String!) {
        createExpenseLine(input: { assignmentId: $assignmentId, kind: equipment, amountYen: 1200, payer: association }) {
          __typename
        }
      }`,
      { assignmentId: before.data?.node.assignments[0]?.storedId },
      { session: coordinatorSession },
    );
    expect(created.data?.createExpenseLine.__typename).toBe('MutationCreateExpenseLineSuccess');
    const after = await api.graphql<{ node: { assignments: Booking[] } }>(
      bookingQuery,
      { id: requestId },
      { session: coordinatorSession },
    );
    expect(after.data?.node.assignments[0]?.expenseLines).toEqual([
      { kind: 'equipment', amountYen: 1200, status: 'draft', source: 'manual' },
    ]);

    const requester = await insertRequester(testDb.database.db, world.organizationId);
    const asRequester = await api.graphql<{ node: { assignments: Booking[] } | null }>(
      bookingQuery,
      { id: requestId },
      { session: await api.sessionFor(requester.id) },
    );
    // The booking itself stays readable to them; only its lines are refused.
    expect(asRequester.data?.node?.assignments).toEqual([{ storedId: assignment.id, expenseLines: null }]);
    expect(asRequester.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
  });
});
