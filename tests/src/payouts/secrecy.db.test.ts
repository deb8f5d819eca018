import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { setPayoutRole } from '@tsunagu/services';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertExpenseWorld } from '../expenses/world';
import { globalId, startTestApi, type TestApi } from '../support/api';
import { insertStaffMember, insertVolunteer } from '../support/fixtures';
import { approvedDispatch } from './world';

/**
 * The individual number never leaves the database but to payout staff: not in a log line at any
 * level, not in a GraphQL answer to anyone (no field answers it), not in the personal-data export
 * nor the Zengin file. The number is given over the API with its digits spaced, as people type it.
 */

const number = '123456789018';
const spellings = [
  number,
  '1234 5678 9018',
  Buffer.from(number).toString('hex'),
  Buffer.from(number).toString('base64'),
];

let testDb: TestDatabase;
let api: TestApi;
let world: ExpenseWorld;
const logs: string[] = [];
const answers: string[] = [];
const sessions = new Map<string, string>();
let volunteerId = '';
let runId = '';

beforeAll(async () => {
  testDb = await openTestDatabase();
  const { db } = testDb.database;
  world = await insertExpenseWorld(db, '2026-06-05T10:00:00+09:00');
  api = await startTestApi(testDb.database, { clock: world.clock, logs });
  const payout = await insertStaffMember(db, world.associationId, 'coordinator');
  await setPayoutRole(db, world.admin, { associationId: world.associationId, userId: payout.id, granted: true });
  const { volunteer, user } = await insertVolunteer(db, world.associationId);
  volunteerId = volunteer.id;
  // Fifteen jobs and their fares in 2026: ¥62,100, past the statement's ¥50,000.
  for (let day = 1; day <= 15; day++)
    await approvedDispatch(db, world, `2026-05-${String(day).padStart(2, '0')}`, volunteer.id);
  for (const [role, userId] of [
    ['volunteer', user.id],
    ['coordinator', world.coordinator.userId],
    ['admin', world.admin.userId],
    ['payout', payout.id],
  ] as const) {
    if (userId) sessions.set(role, await api.sessionFor(userId));
  }
});
afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

async function ask(role: string, document: string, variables?: Record<string, unknown>) {
  const result = await api.graphql(document, variables, { session: sessions.get(role) });
  answers.push(JSON.stringify(result));
  return result;
}

describe('the individual number stays secret', () => {
  test('the volunteer gives it; the answer says only that it is on file', async () => {
    const given = await ask(
      'volunteer',
      `mutation { savePayoutDetails(declinesPayment: false, account: { bankCode: "0001", branchCode: "001", accountType: ordinary,
          accountNumber: "1234567", holderKana: "グエン・ヴァン・アン" }) { __typename } }`,
    );
    expect(JSON.stringify(given)).toContain('MutationSavePayoutDetailsSuccess');
    const saved = await ask(
      'volunteer',
      'mutation ($n: String!) { saveIndividualNumber(individualNumber: $n) { ... on MutationSaveIndividualNumberSuccess { data { hasIndividualNumber } } } }',
      { n: '1234 5678 9018' },
    );
    expect(saved.data).toEqual({ saveIndividualNumber: { data: { hasIndividualNumber: true } } });
    answers.pop(); // the request carried the number; its answer is checked below with the rest
    answers.push(JSON.stringify(saved.data));
  });

  test('a wrong check digit is refused in the reader’s language', async () => {
    const refused = await ask(
      'volunteer',
      'mutation { saveIndividualNumber(individualNumber: "123456789010") { __typename ... on ValidationError { message } } }',
    );
    expect(JSON.stringify(refused.data)).toContain('マイナンバー（12桁）をカードのとおり入力してください。');
  });

  test('payout staff build, approve and download a run; everyone asks every payout field', async () => {
    const association = globalId('Association', world.associationId);
    await ask(
      'admin',
      `mutation ($id: ID!) { savePayoutSettings(associationId: $id, requesterCode: "1234567890", requesterKana: "ツナグ",
          bankCode: "0005", branchCode: "001", accountType: ordinary, accountNumber: "7654321", withholdOnTransport: true) { __typename } }`,
      { id: association },
    );
    const built = await ask(
      'payout',
      `mutation ($id: ID!) { buildPayoutRun(associationId: $id, year: 2026, month: 5, transferDate: "2026-06-10") {
          ... on MutationBuildPayoutRunSuccess { data { id grossYen withheldYen netYen } } } }`,
      { id: association },
    );
    const run = (
      built.data as { buildPayoutRun: { data: { id: string; grossYen: number; withheldYen: number; netYen: number } } }
    ).buildPayoutRun.data;
    // ¥62,100 gross; 10.21 % of it, 6,340.41, cut off.
    expect([run.grossYen, run.withheldYen, run.netYen]).toEqual([62_100, 6_340, 55_760]);
    runId = run.id;
    await ask('payout', 'mutation ($id: ID!) { approvePayoutRun(id: $id) { __typename } }', { id: runId });
    for (const role of ['volunteer', 'coordinator', 'admin', 'payout']) {
      await ask(
        role,
        '{ myPayoutDetails { __typename ... on QueryMyPayoutDetailsSuccess { data { hasIndividualNumber account { holderKana } } } } }',
      );
      await ask(
        role,
        'query ($id: ID!) { payoutRuns(associationId: $id) { __typename ... on QueryPayoutRunsSuccess { data { id payments { volunteerName netYen } } } } }',
        {
          id: association,
        },
      );
      await ask(
        role,
        'query ($id: ID!) { payoutRun(id: $id) { __typename ... on QueryPayoutRunSuccess { data { payments { netYen } } } } }',
        {
          id: runId,
        },
      );
      await ask(role, 'query ($id: ID!) { node(id: $id) { __typename ... on Volunteer { fullName } } }', {
        id: globalId('Volunteer', volunteerId),
      });
    }
  });

  test('the Zengin file downloads for payout staff only, without the number', async () => {
    const download = (role: string) =>
      fetch(`${api.url}/payout-runs/${runId}/zengin.txt`, {
        headers: { cookie: `tsunagu_session=${sessions.get(role)}`, 'accept-language': 'ja' },
      });
    const file = await download('payout');
    expect(file.status).toBe(200);
    expect(file.headers.get('x-transfer-yen')).toBe('55760');
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes.length % 122).toBe(0);
    answers.push(Buffer.from(bytes).toString('latin1'));
    for (const role of ['volunteer', 'coordinator', 'admin']) {
      const refused = await download(role);
      expect(refused.status).toBe(403);
      answers.push(await refused.text());
    }
  });

  test('the volunteer’s own personal-data export does not carry it', async () => {
    const exported = await fetch(`${api.url}/account/personal-data.json`, {
      headers: { cookie: `tsunagu_session=${sessions.get('volunteer')}` },
    });
    expect(exported.status).toBe(200);
    answers.push(await exported.text());
  });

  test('no answer, export or log line holds it, in any spelling', () => {
    expect(answers.length).toBeGreaterThan(15);
    expect(logs.length).toBeGreaterThan(0);
    for (const text of [...answers, ...logs]) {
      for (const spelling of spellings) expect(text).not.toContain(spelling);
    }
  });
});
