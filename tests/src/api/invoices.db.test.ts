import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertDispatch, insertExpenseWorld } from '../expenses/world';
import { globalId, startTestApi, type TestApi, testNow } from '../support/api';
import { insertRequester } from '../support/fixtures';

/** Invoices over the API: a coordinator issues, marks paid and reissues; the office lists and downloads its own. */

let testDb: TestDatabase;
let api: TestApi;
let world: ExpenseWorld;
let coordinatorSession: string;
let officeSession: string;
let otherOfficeSession: string;

const issueMutation = `mutation ($input: IssueInvoiceInput!) {
  issueInvoice(input: $input) {
    __typename
    ... on MutationIssueInvoiceSuccess { data { id number status totalYen taxYen downloadUrl fileName byRate { ratePercent amountYen taxYen } } }
    ... on ConflictError { reason message }
  }
}`;

beforeAll(async () => {
  testDb = await openTestDatabase();
  const { db } = testDb.database;
  world = await insertExpenseWorld(db, testNow);
  api = await startTestApi(testDb.database);
  const { assignment } = await insertDispatch(db, world, {
    startsAt: '2026-12-08T13:00:00+09:00',
    endsAt: '2026-12-08T15:00:00+09:00',
    report: false,
  });
  const line = await world.services.expenses.createLine(world.coordinator, {
    assignmentId: assignment.id,
    kind: 'honorarium',
    amountYen: 3500,
    payer: 'requester',
  });
  await world.services.expenses.advanceLines(world.coordinator, [line.id], 'submitted');
  await world.services.expenses.advanceLines(world.coordinator, [line.id], 'approved');
  coordinatorSession = await api.sessionFor(world.coordinator.userId ?? '');
  officeSession = await api.sessionFor((await insertRequester(db, world.organizationId)).id);
  otherOfficeSession = await api.sessionFor((await insertRequester(db, world.prefecturalOfficeId)).id);
});

afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

const input = () => ({
  associationId: globalId('Association', world.associationId),
  organizationId: globalId('Organization', world.organizationId),
  month: '2026-12',
});

describe('invoices over the API', () => {
  test('without a registration number the coordinator is told, in Japanese, what the admin must do', async () => {
    const result = await api.graphql(
      issueMutation,
      { input: input() },
      { session: coordinatorSession, headers: { 'accept-language': 'ja' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.issueInvoice).toMatchObject({
      __typename: 'ConflictError',
      reason: 'invoice_needs_registration_number',
      message: expect.stringContaining('登録番号'),
    });
  });

  test('an admin’s mistyped registration number is refused with its field', async () => {
    const result = await api.graphql<{ updateAssociationPolicy: { __typename: string; problems?: unknown } }>(
      `mutation ($id: ID!) {
        updateAssociationPolicy(associationId: $id, input: { invoicing: { registrationNumber: "T7123456789013" } }) {
          __typename
          ... on ValidationError { message problems { path message } }
        }
      }`,
      { id: globalId('Association', world.associationId) },
      { session: await api.sessionFor(world.admin.userId ?? ''), headers: { 'accept-language': 'ja' } },
    );
    expect(result.data?.updateAssociationPolicy).toMatchObject({
      __typename: 'ValidationError',
      problems: [
        { path: ['input', 'invoicing', 'registrationNumber'], message: expect.stringContaining('検査用数字') },
      ],
    });
  });

  test('issued, listed for the office, downloaded as a PDF with its Japanese name, paid', async () => {
    await world.services.associations.updatePolicy(world.admin, world.associationId, {
      invoicing: { registrationNumber: 'T7123456789012' },
    });
    const pending = await api.graphql<{ pendingInvoices: Array<{ lines: number; totalYen: number }> }>(
      'query ($id: ID!) { pendingInvoices(associationId: $id, month: "2026-12") { __typename ... on QueryPendingInvoicesSuccess { data { lines totalYen organization { name } } } } }',
      { id: globalId('Association', world.associationId) },
      { session: coordinatorSession },
    );
    expect(JSON.stringify(pending.data)).toContain('"lines":1,"totalYen":3500');

    const issued = await api.graphql<{
      issueInvoice: { data: { id: string; number: string; downloadUrl: string; fileName: string; taxYen: number } };
    }>(issueMutation, { input: input() }, { session: coordinatorSession });
    const invoice = issued.data?.issueInvoice.data;
    expect(invoice).toMatchObject({ number: '2026-00001', taxYen: 318, fileName: '請求書_2026-00001.pdf' });
    if (!invoice) throw new Error('no invoice');

    const listed = await api.graphql<{ invoices: { nodes: Array<{ number: string }> } }>(
      '{ invoices { nodes { number status recipientName items { kind amountYen } } } }',
      {},
      { session: officeSession },
    );
    expect(listed.data?.invoices.nodes.map((node) => node.number)).toEqual(['2026-00001']);
    const otherList = await api.graphql<{ invoices: { nodes: unknown[] } }>(
      '{ invoices { nodes { number } } }',
      {},
      {
        session: otherOfficeSession,
      },
    );
    expect(otherList.data?.invoices.nodes).toEqual([]);

    const download = await fetch(`${api.url}${invoice.downloadUrl}`, {
      headers: { cookie: `tsunagu_session=${officeSession}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="invoice-2026-00001.pdf"; filename*=UTF-8''${encodeURIComponent('請求書_2026-00001.pdf')}`,
    );
    const { text } = await extractText(new Uint8Array(await download.arrayBuffer()), { mergePages: true });
    expect(text).toContain('登録番号 T7123456789012');
    expect(text).toContain('¥3,500（うち消費税 ¥318）');

    // Another office, and nobody signed in, get no PDF.
    const other = await fetch(`${api.url}${invoice.downloadUrl}`, {
      headers: { cookie: `tsunagu_session=${otherOfficeSession}`, 'accept-language': 'ja' },
    });
    expect([other.status, await other.text()]).toEqual([
      404,
      '請求書が見つかりません。削除されたか、見る権限がありません。\n',
    ]);
    expect((await fetch(`${api.url}${invoice.downloadUrl}`)).status).toBe(401);

    const paid = await api.graphql(
      'mutation ($id: ID!) { markInvoicePaid(invoiceId: $id) { __typename ... on MutationMarkInvoicePaidSuccess { data { status paidAt } } } }',
      { id: invoice.id },
      { session: coordinatorSession },
    );
    expect(JSON.stringify(paid.data)).toContain('"status":"paid"');
    const again = await api.graphql<{ markInvoicePaid: { __typename: string; message: string } }>(
      'mutation ($id: ID!) { markInvoicePaid(invoiceId: $id) { __typename ... on ConflictError { message } } }',
      { id: invoice.id },
      { session: coordinatorSession },
    );
    expect(again.data?.markInvoicePaid).toEqual({
      __typename: 'ConflictError',
      message: 'この請求書はすでに「入金済み」です。',
    });
  });

  test('the office cannot issue or mark paid', async () => {
    const result = await api.graphql(issueMutation, { input: input() }, { session: officeSession });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
