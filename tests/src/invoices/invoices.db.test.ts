import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { ConflictError, fixedClock, NotFoundError, parseInvoiceNumber, type Viewer } from '@tsunagu/domain';
import { createLogger, createServices } from '@tsunagu/services';
import { eq } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertDispatch, insertExpenseWorld } from '../expenses/world';
import { insertAssociation, insertOrganization, insertRequester } from '../support/fixtures';

/**
 * Invoices to requesting offices: built from the approved lines they pay, numbered without gaps
 * per association and fiscal year, paid, corrected by a reissue; each line billed once.
 */

let testDb: TestDatabase;
let world: ExpenseWorld;
const db = () => testDb.database.db;
let officeStaff: Viewer;
let otherOfficeStaff: Viewer;

/** An approved line the office pays, on a dispatch of the given day. */
async function approvedLine(day: string, amountYen: number, organizationId = world.organizationId) {
  const { assignment } = await insertDispatch(db(), world, {
    startsAt: `${day}T13:00:00+09:00`,
    endsAt: `${day}T15:00:00+09:00`,
    organizationId,
    report: false,
  });
  const line = await world.services.expenses.createLine(world.coordinator, {
    assignmentId: assignment.id,
    kind: 'honorarium',
    amountYen,
    payer: 'requester',
  });
  await world.services.expenses.advanceLines(world.coordinator, [line.id], 'submitted');
  await world.services.expenses.advanceLines(world.coordinator, [line.id], 'approved');
  return { line, assignment };
}

const registrationNumber = 'T7123456789012';

beforeAll(async () => {
  testDb = await openTestDatabase();
  world = await insertExpenseWorld(db(), '2026-06-01T10:00:00');
  officeStaff = {
    userId: (await insertRequester(db(), world.organizationId)).id,
    locale: 'ja',
    organizationId: world.organizationId,
    volunteerId: null,
    coordinatorOf: [],
    adminOf: [],
  };
  otherOfficeStaff = {
    userId: (await insertRequester(db(), world.prefecturalOfficeId)).id,
    locale: 'ja',
    organizationId: world.prefecturalOfficeId,
    volunteerId: null,
    coordinatorOf: [],
    adminOf: [],
  };
});

afterAll(async () => {
  await testDb?.dispose();
});

describe('issuing a month’s invoice', () => {
  test('without a registration number no invoice is issued, and no number is used up', async () => {
    await approvedLine('2026-05-08', 3500);
    await expect(
      world.services.invoices.issue(world.coordinator, {
        associationId: world.associationId,
        organizationId: world.organizationId,
        month: '2026-05',
        assignmentId: null,
      }),
    ).rejects.toMatchObject({ reason: 'invoice_needs_registration_number' });
    await world.services.associations.updatePolicy(world.admin, world.associationId, {
      invoicing: { registrationNumber },
    });
    const counters = await db().select().from(schema.invoiceCounters);
    expect(counters).toEqual([]);
  });

  test('the city’s May: its approved lines, the tax of 10 % included and rounded once', async () => {
    await approvedLine('2026-05-20', 1000);
    await approvedLine('2026-05-21', 1000);
    // Another office's line and a line of June stay out.
    await approvedLine('2026-05-22', 6600, world.prefecturalOfficeId);
    await approvedLine('2026-06-02', 2000);

    const pending = await world.services.invoices.pending(world.coordinator, world.associationId, '2026-05');
    expect(pending.map((group) => [group.organizationId, group.lines, group.totalYen, group.taxYen])).toEqual([
      [world.organizationId, 3, 5500, 500],
      [world.prefecturalOfficeId, 1, 6600, 600],
    ]);

    const invoice = await world.services.invoices.issue(world.coordinator, {
      associationId: world.associationId,
      organizationId: world.organizationId,
      month: '2026-05',
      assignmentId: null,
    });
    expect(invoice).toMatchObject({
      number: '2026-00001',
      issueDate: '2026-06-01',
      registrationNumber,
      totalYen: 5500,
      taxYen: 500,
      status: 'issued',
      recipientName: expect.any(String),
    });
    // Per line the tax would be ¥318 + ¥90 + ¥90 = ¥498: the invoice rounds once.
    expect(invoice.byRate).toEqual([{ treatment: 'standard', ratePercent: 10, amountYen: 5500, taxYen: 500 }]);
  });

  test('a month already invoiced has nothing left to invoice', async () => {
    await expect(
      world.services.invoices.issue(world.coordinator, {
        associationId: world.associationId,
        organizationId: world.organizationId,
        month: '2026-05',
        assignmentId: null,
      }),
    ).rejects.toMatchObject({ reason: 'nothing_to_invoice' });
    const pending = await world.services.invoices.pending(world.coordinator, world.associationId, '2026-05');
    expect(pending.map((group) => group.organizationId)).toEqual([world.prefecturalOfficeId]);
  });

  test('the next invoice takes the next number', async () => {
    const invoice = await world.services.invoices.issue(world.coordinator, {
      associationId: world.associationId,
      organizationId: world.prefecturalOfficeId,
      month: '2026-05',
      assignmentId: null,
    });
    expect(invoice.number).toBe('2026-00002');
  });

  test('requesting staff and another association’s coordinators cannot issue', async () => {
    const other = await insertAssociation(db());
    const stranger: Viewer = { ...world.coordinator, coordinatorOf: [other.id] };
    for (const viewer of [officeStaff, stranger]) {
      await expect(
        world.services.invoices.issue(viewer, {
          associationId: world.associationId,
          organizationId: world.organizationId,
          month: '2026-06',
          assignmentId: null,
        }),
      ).rejects.toMatchObject({ reason: 'coordinators_only' });
    }
  });

  test('a month that is not one is refused as such', async () => {
    await expect(
      world.services.invoices.pending(world.coordinator, world.associationId, '2026-13'),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('paying and correcting', () => {
  test('a reissue corrects the first: a new number, the lines approved since, the first superseded and unchanged', async () => {
    const [first] = await db().select().from(schema.invoices).where(eq(schema.invoices.number, '2026-00001'));
    if (!first) throw new Error('no first invoice');
    // A line of May approved after the invoice went out.
    const late = await approvedLine('2026-05-29', 2200);
    const corrected = await world.services.invoices.reissue(world.coordinator, first.id);
    expect(corrected).toMatchObject({
      number: '2026-00003',
      correctsInvoiceId: first.id,
      totalYen: 7700,
      taxYen: 700,
      status: 'issued',
    });
    const [after] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, first.id));
    expect(after).toEqual({ ...first, status: 'superseded', supersededAt: expect.any(Date) });
    const billed = await db().select().from(schema.invoicedLines);
    expect(billed.filter((row) => row.invoiceId === first.id)).toEqual([]);
    expect(billed.find((row) => row.lineId === late.line.id)?.invoiceId).toBe(corrected.id);
    // The superseded invoice is not corrected twice, nor paid.
    await expect(world.services.invoices.reissue(world.coordinator, first.id)).rejects.toMatchObject({
      reason: 'invoice_status_change',
    });
    await expect(world.services.invoices.markPaid(world.coordinator, first.id)).rejects.toBeInstanceOf(ConflictError);
  });

  test('issued → paid, once', async () => {
    const [second] = await db().select().from(schema.invoices).where(eq(schema.invoices.number, '2026-00002'));
    if (!second) throw new Error('no second invoice');
    const paid = await world.services.invoices.markPaid(world.coordinator, second.id);
    expect(paid).toMatchObject({ status: 'paid', paidAt: expect.any(Date) });
    await expect(world.services.invoices.markPaid(world.coordinator, second.id)).rejects.toMatchObject({
      reason: 'invoice_status_change',
    });
    await expect(world.services.invoices.reissue(world.coordinator, second.id)).rejects.toMatchObject({
      reason: 'invoice_status_change',
    });
  });
});

describe('the PDF', () => {
  test('the office reads its own invoice in Japanese: issuer, address, registration number, items, tax per rate, the corrected number', async () => {
    const [corrected] = await db().select().from(schema.invoices).where(eq(schema.invoices.number, '2026-00003'));
    if (!corrected) throw new Error('no corrected invoice');
    const pdfText = async () => {
      const { bytes } = await world.services.invoices.pdf(officeStaff, corrected.id);
      return (await extractText(new Uint8Array(bytes), { mergePages: true })).text;
    };
    // Before the association has given its address, the invoice goes without it.
    expect(await pdfText()).not.toContain('大阪府');
    await world.services.payoutRuns.saveSettings(world.admin, {
      associationId: world.associationId,
      requesterCode: '1234567890',
      requesterKana: 'ツナグコクサイコウリュウキョウカイ',
      bankCode: '0005',
      branchCode: '001',
      accountType: 'ordinary',
      accountNumber: '7654321',
      withholdOnTransport: true,
    });
    // The address the admin enters for the payment statements, at /admin/statements.
    await world.services.tax.savePayer(world.admin, {
      associationId: world.associationId,
      address: '大阪府豊中市玉井町1-1-1',
      phone: '06-6843-4343',
      corporateNumber: '7000012050002',
    });
    const text = await pdfText();
    for (const words of [
      '請求書',
      '請求書番号 2026-00003',
      corrected.issuerNameJa,
      '大阪府豊中市玉井町1-1-1',
      `登録番号 ${registrationNumber}`,
      '請求書番号 2026-00001 を訂正する',
      '発行日 2026年6月1日',
      '対象期間 2026年5月1日〜2026年5月31日',
      '謝金',
      '¥3,500',
      '¥2,200',
      '10%対象 合計',
      '¥7,700（うち消費税 ¥700）',
    ]) {
      expect(text).toContain(words);
    }
    const audited = await db().select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, corrected.id));
    expect(audited.map((row) => [row.action, row.actorUserId])).toContainEqual(['read', officeStaff.userId]);
  });

  test('another office’s staff do not find it', async () => {
    const [corrected] = await db().select().from(schema.invoices).where(eq(schema.invoices.number, '2026-00003'));
    await expect(world.services.invoices.pdf(otherOfficeStaff, corrected?.id ?? '')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('per dispatch, exempt', () => {
  test('each dispatch its own invoice, without tax, numbered on', async () => {
    await world.services.associations.updatePolicy(world.admin, world.associationId, {
      invoicing: { grouping: 'dispatch', taxTreatment: 'exempt' },
    });
    const office = await insertOrganization(db(), world.associationId, { name: '八尾市 市民課' });
    const one = await approvedLine('2026-05-11', 3500, office.id);
    await approvedLine('2026-05-12', 3500, office.id);
    const pending = await world.services.invoices.pending(world.coordinator, world.associationId, '2026-05');
    expect(pending.filter((group) => group.organizationId === office.id).map((group) => group.taxYen)).toEqual([0, 0]);
    const invoice = await world.services.invoices.issue(world.coordinator, {
      associationId: world.associationId,
      organizationId: office.id,
      month: '2026-05',
      assignmentId: one.assignment.id,
    });
    expect(invoice).toMatchObject({ number: '2026-00004', totalYen: 3500, taxYen: 0, grouping: 'dispatch' });
  });
});

describe('numbering under concurrency', () => {
  test('ten offices invoiced at the same moment get 1 to 10 of a new year, without gaps or repeats', async () => {
    // April 2027 starts FY2027's numbers.
    const services = createServices({
      db: db(),
      clock: fixedClock('2027-04-02T10:00:00'),
      logger: createLogger({ level: 'silent' }),
    });
    const offices = [];
    for (let index = 0; index < 10; index++) {
      const office = await insertOrganization(db(), world.associationId, { name: `区役所 ${index}` });
      await approvedLine('2027-03-10', 1000 + index, office.id);
      offices.push(office.id);
    }
    await services.associations.updatePolicy(world.admin, world.associationId, {
      invoicing: { grouping: 'organization_month' },
    });
    const issue = (organizationId: string) =>
      services.invoices.issue(world.coordinator, {
        associationId: world.associationId,
        organizationId,
        month: '2027-03',
        assignmentId: null,
      });
    // Each office twice at once: one of each pair finds nothing left, and its number is not lost.
    const results = await Promise.allSettled([...offices, ...offices].map(issue));
    const issued = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(issued).toHaveLength(10);
    expect(refused.map((error: ConflictError) => error.reason)).toEqual(Array(10).fill('nothing_to_invoice'));
    expect(
      issued.map((invoice) => parseInvoiceNumber(invoice.number)?.sequence).sort((a, b) => (a ?? 0) - (b ?? 0)),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(issued.map((invoice) => invoice.organizationId)).size).toBe(10);
    const [counter] = await db()
      .select()
      .from(schema.invoiceCounters)
      .where(eq(schema.invoiceCounters.numberingYear, 2027));
    expect(counter?.lastSequence).toBe(10);
  });
});
