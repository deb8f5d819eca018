import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { ConflictError, ForbiddenError, ValidationError, type Viewer } from '@tsunagu/domain';
import { createLogger, createServices, type Services, setPayoutRole } from '@tsunagu/services';
import { and, eq } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertExpenseWorld } from '../expenses/world';
import { startTestApi, type TestApi, testMasterKey } from '../support/api';
import { insertStaffMember, insertVolunteer } from '../support/fixtures';
import { approvedDispatch } from './world';

/**
 * The tax side of payouts on the database: a confirmed run's withholding lands in the month it was
 * transferred, with its payment slip's figures and due date; the year's payment statements list who
 * was paid, say what each still needs, and come as a PDF and a 309 CSV with the individual number
 * (each download audited); a volunteer reads their own year.
 */

let testDb: TestDatabase;
const db = () => testDb.database.db;
let world: ExpenseWorld;
let services: Services;
let api: TestApi;
let payoutStaff: Viewer;
let paidWell: { id: string; userId: string | null; fullName: string };
let paidLittle: { id: string; userId: string | null; fullName: string };

const volunteerViewer = (volunteer: { id: string; userId: string | null }): Viewer => ({
  userId: volunteer.userId,
  locale: 'ja',
  organizationId: null,
  volunteerId: volunteer.id,
  coordinatorOf: [],
  adminOf: [],
});

const account = {
  declinesPayment: false,
  account: {
    bankCode: '0001',
    branchCode: '001',
    accountType: 'ordinary',
    accountNumber: '1234567',
    holderKana: 'グエン ヴァン アン',
  },
};

beforeAll(async () => {
  testDb = await openTestDatabase();
  world = await insertExpenseWorld(db(), '2026-06-05T10:00:00+09:00');
  services = createServices({
    db: db(),
    clock: world.clock,
    logger: createLogger({ level: 'silent' }),
    masterKey: testMasterKey,
  });
  api = await startTestApi(testDb.database);
  const staff = await insertStaffMember(db(), world.associationId, 'coordinator');
  payoutStaff = { ...world.coordinator, userId: staff.id };
  await setPayoutRole(db(), world.admin, { associationId: world.associationId, userId: staff.id, granted: true });
  await services.payoutRuns.saveSettings(world.admin, {
    associationId: world.associationId,
    requesterCode: '1234567890',
    requesterKana: 'ツナグコクサイコウリュウキョウカイ',
    bankCode: '0005',
    branchCode: '001',
    accountType: 'ordinary',
    accountNumber: '7654321',
    withholdOnTransport: true,
  });
  paidWell = (await insertVolunteer(db(), world.associationId, { fullName: 'グエン・ヴァン・アン' })).volunteer;
  paidLittle = (await insertVolunteer(db(), world.associationId, { fullName: '山田 太郎' })).volunteer;
  for (const volunteer of [paidWell, paidLittle])
    await services.payoutDetails.savePayoutDetails(volunteerViewer(volunteer), account);
  // Thirteen jobs of ¥3,500 with a ¥640 fare each (¥53,820), and one (¥4,140).
  for (let day = 1; day <= 13; day++)
    await approvedDispatch(db(), world, `2026-06-${String(day).padStart(2, '0')}`, paidWell.id, 640);
  await approvedDispatch(db(), world, '2026-06-15', paidLittle.id, 640);
  const runId = await services.payoutRuns.build(payoutStaff, {
    associationId: world.associationId,
    year: 2026,
    month: 6,
    transferDate: '2026-07-10',
  });
  await services.payoutRuns.approve(payoutStaff, runId);
  await services.payoutRuns.confirm(payoutStaff, runId);
});

afterAll(async () => {
  await api?.close();
  await testDb?.dispose();
});

describe('the withholding of each month', () => {
  test('lands in the month of the transfer, with the slip’s figures and the 10th of the next month', async () => {
    const months = await services.tax.withholding(payoutStaff, world.associationId, 2026);
    expect(months.filter((month) => month.slip).map((month) => month.month)).toEqual([7]);
    // ¥53,820 → ¥5,494 (5,495.02 cut off); ¥4,140 → ¥422 (422.69 cut off).
    expect(months[6]?.slip).toEqual({
      fiscalYear: 2026,
      paymentMonth: '2026-07',
      persons: 2,
      paidYen: 57_960,
      taxYen: 5_917,
      dueDate: '2026-08-10',
      totalYen: 5_917,
    });
  });

  test('comes as a CSV in the reader’s language', async () => {
    const csv = await services.tax.withholdingCsv(payoutStaff, world.associationId, 2026, 'ja');
    expect(csv.text).toBe(
      '\uFEFF支払年月,年度,人員,支払金額（円）,源泉徴収税額（円）,納期限\r\n2026-07,2026,2,57960,5917,2026-08-10\r\n',
    );
  });

  test('is payout staff’s: a coordinator or admin without the role, or another association’s staff, is refused', async () => {
    for (const viewer of [world.coordinator, world.admin, { ...payoutStaff, coordinatorOf: ['x'] }])
      await expect(services.tax.withholding(viewer, world.associationId, 2026)).rejects.toThrow(ForbiddenError);
    await expect(services.tax.withholding(payoutStaff, world.associationId, 1999)).rejects.toThrow(ValidationError);
  });
});

describe('the year’s payment statements', () => {
  test('list everyone paid; a statement is due above ¥50,000, and says what it still needs', async () => {
    const statements = await services.tax.statements(payoutStaff, world.associationId, 2026);
    expect(statements).toHaveLength(2);
    expect(statements.find((row) => row.volunteerId === paidWell.id)).toMatchObject({
      name: paidWell.fullName,
      kind: '通訳料',
      paidYen: 53_820,
      withheldYen: 5_495,
      needsStatement: true,
      problems: ['no_individual_number', 'no_payee_address', 'no_payer_address', 'no_corporate_number'],
    });
    expect(statements.find((row) => row.volunteerId === paidLittle.id)).toMatchObject({
      paidYen: 4_140,
      needsStatement: false,
      problems: [],
    });
  });

  test('the volunteer gives the address after the number; the admin the association’s side', async () => {
    const viewer = volunteerViewer(paidWell);
    await expect(services.tax.saveStatementAddress(viewer, { address: '大阪府豊中市本町3-2-5' })).rejects.toThrow(
      ConflictError,
    );
    await services.payoutDetails.saveIndividualNumber(viewer, { individualNumber: '123456789018' });
    await expect(services.tax.saveStatementAddress(viewer, { address: 'あ'.repeat(61) })).rejects.toThrow(
      ValidationError,
    );
    await services.tax.saveStatementAddress(viewer, { address: '大阪府豊中市本町3-2-5' });
    expect(await services.tax.hasStatementAddress(viewer)).toBe(true);

    const payer = { associationId: world.associationId, address: '大阪府豊中市玉井町1-1-1', phone: '06-6843-4343' };
    await expect(services.tax.savePayer(world.admin, { ...payer, corporateNumber: '8000012050002' })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      services.tax.savePayer(world.coordinator, { ...payer, corporateNumber: '7000012050002' }),
    ).rejects.toThrow(ForbiddenError);
    await services.tax.savePayer(world.admin, { ...payer, corporateNumber: '7000-0120-50002' });
    expect(await services.tax.payer(world.admin, world.associationId)).toEqual({
      address: payer.address,
      phone: payer.phone,
      corporateNumber: '7000012050002',
    });
    const statements = await services.tax.statements(payoutStaff, world.associationId, 2026);
    expect(statements.find((row) => row.volunteerId === paidWell.id)?.problems).toEqual([]);
  });

  test('download as the 309 CSV in Shift_JIS and as a PDF, with the number, for payout staff only; audited', async () => {
    const staffSession = await api.sessionFor(payoutStaff.userId ?? '');
    const base = `${api.url}/downloads/tax/${world.associationId}/2026`;
    const csv = await fetch(`${base}/statements-309.csv`, { headers: { cookie: `tsunagu_session=${staffSession}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=shift_jis');
    const records = new TextDecoder('shift_jis')
      .decode(await csv.arrayBuffer())
      .trimEnd()
      .split('\r\n');
    // Only the person paid more than ¥50,000.
    expect(records).toHaveLength(1);
    const fields = records[0]?.split(',') ?? [];
    expect(fields.slice(0, 1)).toEqual(['309']);
    expect(fields[10]).toBe('08');
    expect(fields[11]).toBe('大阪府豊中市本町３－２－５');
    expect(fields.slice(14, 20)).toEqual(['通訳料', '', '53820', '0', '5495', '0']);
    expect(fields.slice(21)).toEqual(['123456789018', '7000012050002']);

    const pdf = await fetch(`${base}/statements.pdf`, { headers: { cookie: `tsunagu_session=${staffSession}` } });
    expect(pdf.status).toBe(200);
    const { text } = await extractText(new Uint8Array(await pdf.arrayBuffer()), { mergePages: true });
    expect(text).toContain('令和8年分');
    expect(text).toContain('123456789018');
    expect(text).toContain('¥53,820');
    expect(text).toContain('¥5,495');
    expect(text).not.toContain(paidLittle.fullName);

    const reads = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.subjectType, 'IndividualNumber'), eq(schema.auditLog.action, 'read')));
    expect(reads.filter((row) => row.subjectId === paidWell.id && row.actorUserId === payoutStaff.userId)).toHaveLength(
      2,
    );

    const coordinatorSession = await api.sessionFor(world.coordinator.userId ?? '');
    const refused = await fetch(`${base}/statements-309.csv`, {
      headers: { cookie: `tsunagu_session=${coordinatorSession}`, 'accept-language': 'ja' },
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('123456789018');
    expect((await fetch(`${base}/statements.pdf`)).status).toBe(401);
    expect((await fetch(`${api.url}/downloads/tax/${world.associationId}/2026/other.csv`)).status).toBe(404);
  });
});

describe('a volunteer’s own year', () => {
  test('shows each payment with what was withheld, and only their own', async () => {
    const own = await services.tax.ownYear(volunteerViewer(paidWell), 2026);
    expect(own).toEqual([
      expect.objectContaining({
        associationId: world.associationId,
        payments: [
          { runId: expect.any(String), paidOn: '2026-07-10', grossYen: 53_820, withheldYen: 5_495, netYen: 48_325 },
        ],
        grossYen: 53_820,
        withheldYen: 5_495,
        netYen: 48_325,
      }),
    ]);
    expect(await services.tax.ownYear(volunteerViewer(paidWell), 2025)).toEqual([]);
    await expect(services.tax.ownYear(world.coordinator, 2026)).rejects.toThrow(ForbiddenError);
  });
});
