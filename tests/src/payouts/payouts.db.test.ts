import { randomBytes } from 'node:crypto';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { ConflictError, ForbiddenError, ValidationError, type Viewer, zenginRecordsOf } from '@tsunagu/domain';
import { createLogger, createServices, masterKeyFrom, type Services, setPayoutRole } from '@tsunagu/services';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertExpenseWorld } from '../expenses/world';
import { insertAssociation, insertStaffMember, insertVolunteer } from '../support/fixtures';
import { approvedDispatch as approvedDispatchOf } from './world';

/**
 * Payout runs on the database: a volunteer's bank account checked against the bank code data, a
 * month's approved lines built into a run by payout staff, approved, its Zengin file, confirmed as
 * paid; two builds at once never take a line twice; the individual number sealed and read by payout
 * staff only.
 */

let testDb: TestDatabase;
const db = () => testDb.database.db;
let world: ExpenseWorld;
let services: Services;
let payoutStaff: Viewer;

const volunteerViewer = (volunteer: { id: string; userId: string | null }): Viewer => ({
  userId: volunteer.userId,
  locale: 'ja',
  organizationId: null,
  volunteerId: volunteer.id,
  coordinatorOf: [],
  adminOf: [],
});

const account = (holderKana: string) => ({
  declinesPayment: false,
  account: { bankCode: '0001', branchCode: '001', accountType: 'ordinary', accountNumber: '1234567', holderKana },
});

beforeAll(async () => {
  testDb = await openTestDatabase();
  world = await insertExpenseWorld(db(), '2026-06-05T10:00:00+09:00');
  services = createServices({
    db: db(),
    clock: world.clock,
    logger: createLogger({ level: 'silent' }),
    masterKey: masterKeyFrom('test', randomBytes(32).toString('base64')),
  });
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
});
afterAll(async () => {
  await testDb?.dispose();
});

const approvedDispatch = (day: string, volunteerId?: string, fareYen?: number) =>
  approvedDispatchOf(db(), world, day, volunteerId, fareYen);

async function statusOf(lineIds: string[]) {
  const rows = await db()
    .select({ status: schema.expenseLines.status })
    .from(schema.expenseLines)
    .where(inArray(schema.expenseLines.id, lineIds));
  return [...new Set(rows.map((row) => row.status))];
}

describe('a volunteer’s payout details', () => {
  test('the bank and branch come from the bank code data, with their kana names', async () => {
    const { volunteer } = await insertVolunteer(db(), world.associationId);
    const details = await services.payoutDetails.savePayoutDetails(
      volunteerViewer(volunteer),
      account('グエン・ヴァン・アン'),
    );
    expect(details.account).toMatchObject({
      bankCode: '0001',
      bankKana: 'ミズホ',
      branchCode: '001',
      branchKana: 'トウキヨウ',
    });
  });

  test.each([
    [{ bankCode: '9998' }, 'bankCode', 'この金融機関コードの金融機関はありません。'],
    [{ branchCode: '999' }, 'branchCode', 'この金融機関には、この支店コードの支店はありません。'],
    [{ holderKana: '山田 太郎' }, 'holderKana', '名義は通帳のとおりカタカナで入力してください。'],
  ])('%o is refused on its field, and nothing is written', async (change, field, ja) => {
    const { volunteer } = await insertVolunteer(db(), world.associationId);
    const input = account('ヤマダ タロウ');
    const refusal = await services.payoutDetails
      .savePayoutDetails(volunteerViewer(volunteer), { ...input, account: { ...input.account, ...change } })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).problems).toEqual([
      { path: ['input', 'account', field], message: expect.objectContaining({ ja }) },
    ]);
    expect(await db().query.payoutAccounts.findFirst({ where: { volunteerId: volunteer.id } })).toBeUndefined();
  });

  test('only the volunteer enters their own; a coordinator without the payout role reads nobody’s', async () => {
    const { volunteer } = await insertVolunteer(db(), world.associationId);
    await expect(services.payoutDetails.savePayoutDetails(world.coordinator, account('ヤマダ タロウ'))).rejects.toThrow(
      ForbiddenError,
    );
    await expect(services.payoutDetails.payoutDetails(world.coordinator, volunteer.id)).rejects.toThrow(ForbiddenError);
  });
});

describe('a month’s payout run', () => {
  test('built from May’s approved lines: per volunteer gross, withheld, net; those who decline or have no account left out', async () => {
    const paid = await insertVolunteer(db(), world.associationId);
    const declining = await insertVolunteer(db(), world.associationId);
    const withoutAccount = await insertVolunteer(db(), world.associationId);
    await services.payoutDetails.savePayoutDetails(volunteerViewer(paid.volunteer), account('グエン・ヴァン・アン'));
    await services.payoutDetails.savePayoutDetails(volunteerViewer(declining.volunteer), { declinesPayment: true });
    const first = await approvedDispatch('2026-05-12', paid.volunteer.id);
    const second = await approvedDispatch('2026-05-19', paid.volunteer.id);
    const declined = await approvedDispatch('2026-05-13', declining.volunteer.id);
    const waiting = await approvedDispatch('2026-05-14', withoutAccount.volunteer.id);
    const june = await approvedDispatch('2026-06-02', paid.volunteer.id);

    const runId = await services.payoutRuns.build(payoutStaff, {
      associationId: world.associationId,
      year: 2026,
      month: 5,
      transferDate: '2026-06-10',
    });
    const payments = await db().query.payoutPayments.findMany({ where: { runId } });
    // Two jobs of ¥3,500 and two fares of ¥640: ¥8,280, of which 10.21 % is ¥845 (845.38 cut off).
    expect(payments).toEqual([
      { runId, volunteerId: paid.volunteer.id, grossYen: 8_280, subjectYen: 8_280, withheldYen: 845, netYen: 7_435 },
    ]);
    const lines = await db().query.payoutRunLines.findMany({ where: { runId } });
    expect(lines.map((line) => line.lineId).sort()).toEqual([...first.lineIds, ...second.lineIds].sort());
    expect(await statusOf([...declined.lineIds, ...waiting.lineIds, ...june.lineIds])).toEqual(['approved']);

    await services.payoutRuns.approve(payoutStaff, runId);
    const file = await services.payoutRuns.transferFile(payoutStaff, runId);
    const records = zenginRecordsOf(file.bytes);
    expect(records.map((record) => record.length)).toEqual([120, 120, 120, 120]);
    expect(file.totals).toEqual({ count: 1, amountYen: 7_435 });
    const trailer = new TextDecoder('shift_jis').decode(records[2]);
    expect(trailer.slice(0, 19)).toBe('8000001000000007435');

    await services.payoutRuns.confirm(payoutStaff, runId);
    expect(await statusOf([...first.lineIds, ...second.lineIds])).toEqual(['paid']);
    // Confirmed, the run never changes again.
    for (const change of [
      () => services.payoutRuns.approve(payoutStaff, runId),
      () => services.payoutRuns.confirm(payoutStaff, runId),
      () => services.payoutRuns.discard(payoutStaff, runId),
    ]) {
      await expect(change()).rejects.toMatchObject({ reason: 'payout_run_status' });
    }
  });

  test('only payout staff of the association build one; nothing is written when refused', async () => {
    const other = await insertAssociation(db());
    const before = await db().$count(schema.payoutRuns);
    for (const viewer of [world.coordinator, world.admin, { ...payoutStaff, coordinatorOf: [other.id] }]) {
      await expect(
        services.payoutRuns.build(viewer, {
          associationId: world.associationId,
          year: 2026,
          month: 5,
          transferDate: '2026-06-10',
        }),
      ).rejects.toMatchObject({ reason: 'payout_staff_only' });
    }
    await expect(
      services.payoutRuns.build(payoutStaff, {
        associationId: other.id,
        year: 2026,
        month: 5,
        transferDate: '2026-06-10',
      }),
    ).rejects.toThrow(ForbiddenError);
    expect(await db().$count(schema.payoutRuns)).toBe(before);
  });

  test('two runs built at the same moment never take the same line', async () => {
    const volunteers = await Promise.all([1, 2, 3].map(() => insertVolunteer(db(), world.associationId)));
    for (const { volunteer } of volunteers) {
      await services.payoutDetails.savePayoutDetails(volunteerViewer(volunteer), account('ヤマダ タロウ'));
      await approvedDispatch('2026-04-08', volunteer.id);
    }
    const input = { associationId: world.associationId, year: 2026, month: 4, transferDate: '2026-05-08' };
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map(() => services.payoutRuns.build(payoutStaff, input)));
    const built = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(built).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toBeInstanceOf(ConflictError);
        expect(['payout_run_empty', 'payout_lines_taken']).toContain((outcome.reason as ConflictError).reason);
      }
    }
    const twice = await db().execute(sql`select line_id from payout_run_lines group by line_id having count(*) > 1`);
    expect(Array.isArray(twice) ? twice : (twice as { rows: unknown[] }).rows).toEqual([]);
  });

  test('the database itself refuses a line in a second run', async () => {
    const [taken] = await db().select().from(schema.payoutRunLines).limit(1);
    if (!taken) throw new Error('no run line');
    const [run] = await db().select().from(schema.payoutRuns).where(eq(schema.payoutRuns.id, taken.runId));
    if (!run) throw new Error('no run');
    const [copy] = await db()
      .insert(schema.payoutRuns)
      .values({ ...run, id: undefined, status: 'built' })
      .returning({ id: schema.payoutRuns.id });
    if (!copy) throw new Error('no copy');
    await expect(
      db()
        .insert(schema.payoutRunLines)
        .values({ ...taken, runId: copy.id }),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23505' }),
    });
    await db().delete(schema.payoutRuns).where(eq(schema.payoutRuns.id, copy.id));
  });
});

describe('correcting a confirmed run', () => {
  const buildJuly = () =>
    services.payoutRuns.build(payoutStaff, {
      associationId: world.associationId,
      year: 2026,
      month: 7,
      transferDate: '2026-08-10',
    });
  const runLines = async (runId: string) =>
    (await db().query.payoutRunLines.findMany({ where: { runId } })).map((line) => line.lineId).sort();

  test('a reversing run takes back one job; once confirmed the job is paid again, and the year counts it once', async () => {
    const { volunteer } = await insertVolunteer(db(), world.associationId);
    await services.payoutDetails.savePayoutDetails(volunteerViewer(volunteer), account('ヤマダ タロウ'));
    const wrong = await approvedDispatch('2026-07-07', volunteer.id);
    const right = await approvedDispatch('2026-07-14', volunteer.id);
    const runId = await buildJuly();
    await services.payoutRuns.approve(payoutStaff, runId);
    await services.payoutRuns.confirm(payoutStaff, runId);

    await expect(
      services.payoutRuns.correct(payoutStaff, { runId, reason: '  ', lineIds: wrong.lineIds }),
    ).rejects.toThrow(ValidationError);
    const correctionId = await services.payoutRuns.correct(payoutStaff, {
      runId,
      reason: '7月7日の派遣は別の通訳者が行った',
      lineIds: wrong.lineIds,
    });
    // ¥8,280 paid with ¥845 withheld; the kept job and fare are ¥4,140, withheld ¥422: the entry is the difference.
    expect(await db().query.payoutPayments.findMany({ where: { runId: correctionId } })).toEqual([
      {
        runId: correctionId,
        volunteerId: volunteer.id,
        grossYen: -4_140,
        subjectYen: -4_140,
        withheldYen: -423,
        netYen: -3_717,
      },
    ]);
    expect(await db().query.payoutRuns.findFirst({ where: { id: correctionId } })).toMatchObject({
      reversesRunId: runId,
      status: 'built',
      linesCount: 2,
      grossYen: -4_140,
      withheldYen: -423,
      netYen: -3_717,
    });
    // The first run never changes; while the correction is open, the job is neither paid again nor corrected twice.
    expect(await db().query.payoutRuns.findFirst({ where: { id: runId } })).toMatchObject({ grossYen: 8_280 });
    expect(await statusOf(wrong.lineIds)).toEqual(['paid']);
    await expect(buildJuly()).rejects.toMatchObject({ reason: 'payout_run_empty' });
    await expect(
      services.payoutRuns.correct(payoutStaff, { runId, reason: 'again', lineIds: wrong.lineIds }),
    ).rejects.toMatchObject({ reason: 'payout_lines_not_correctable' });
    await expect(services.payoutRuns.correct(payoutStaff, { runId: correctionId, reason: 'no' })).rejects.toMatchObject(
      { reason: 'payout_run_is_correction' },
    );
    await services.payoutRuns.approve(payoutStaff, correctionId);
    // Money paid back is not a transfer: no Zengin file of negative amounts.
    await expect(services.payoutRuns.transferFile(payoutStaff, correctionId)).rejects.toMatchObject({
      reason: 'payout_run_is_correction',
    });
    await services.payoutRuns.confirm(payoutStaff, correctionId);
    expect(await statusOf(wrong.lineIds)).toEqual(['approved']);
    expect(await statusOf(right.lineIds)).toEqual(['paid']);

    // Paid anew: the next run takes exactly the reversed job.
    const againId = await buildJuly();
    expect(await runLines(againId)).toEqual([...wrong.lineIds].sort());
    expect(await db().query.payoutPayments.findMany({ where: { runId: againId } })).toMatchObject([
      { grossYen: 4_140, withheldYen: 422, netYen: 3_718 },
    ]);
    await services.payoutRuns.approve(payoutStaff, againId);
    await services.payoutRuns.confirm(payoutStaff, againId);

    // The year: the first payment counts for what it kept, the second in full.
    const [own] = await services.tax.ownYear(volunteerViewer(volunteer), 2026);
    expect(own?.payments.map(({ grossYen, withheldYen, netYen }) => [grossYen, withheldYen, netYen])).toEqual([
      [4_140, 422, 3_718],
      [4_140, 422, 3_718],
    ]);
    const statement = (await services.tax.statements(payoutStaff, world.associationId, 2026)).find(
      (row) => row.volunteerId === volunteer.id,
    );
    expect(statement).toMatchObject({ paidYen: 8_280, withheldYen: 844, payments: 2 });
  });

  test('a run reversed in full is no income of the year; two corrections at the same moment never take a line twice', async () => {
    const { volunteer } = await insertVolunteer(db(), world.associationId);
    await services.payoutDetails.savePayoutDetails(volunteerViewer(volunteer), account('ヤマダ ハナコ'));
    await approvedDispatch('2026-07-21', volunteer.id);
    const runId = await buildJuly();
    await services.payoutRuns.approve(payoutStaff, runId);
    await services.payoutRuns.confirm(payoutStaff, runId);
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map(() => services.payoutRuns.correct(payoutStaff, { runId, reason: '重複して支払った' })),
    );
    const opened = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(opened).toHaveLength(1);
    for (const outcome of outcomes)
      if (outcome.status === 'rejected')
        expect(outcome.reason).toMatchObject({ reason: 'payout_lines_not_correctable' });
    const [correctionId] = opened;
    if (!correctionId) throw new Error('no correction');
    await services.payoutRuns.approve(payoutStaff, correctionId);
    await services.payoutRuns.confirm(payoutStaff, correctionId);
    expect(await services.tax.ownYear(volunteerViewer(volunteer), 2026)).toEqual([]);
    // The reversed lines may be taken again, by one run only.
    const rebuilds = await Promise.allSettled([1, 2].map(() => buildJuly()));
    expect(rebuilds.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const twice = await db().execute(
      sql`select line_id from payout_run_lines where not reversed group by line_id having count(*) > 1`,
    );
    expect(Array.isArray(twice) ? twice : (twice as { rows: unknown[] }).rows).toEqual([]);
  });
});

describe('the individual number', () => {
  test('not asked for while the calendar year’s payments stay within ¥50,000', async () => {
    const { volunteer } = await insertVolunteer(db(), world.associationId);
    await approvedDispatch('2026-05-20', volunteer.id);
    await expect(
      services.payoutDetails.saveIndividualNumber(volunteerViewer(volunteer), { individualNumber: '123456789018' }),
    ).rejects.toMatchObject({ reason: 'individual_number_not_needed' });
    expect(await db().query.individualNumbers.findFirst({ where: { volunteerId: volunteer.id } })).toBeUndefined();
  });

  test('past ¥50,000 it is taken, stored sealed, and read by payout staff only, each read audited', async () => {
    const { volunteer } = await insertVolunteer(db(), world.associationId);
    // Fifteen jobs of ¥3,500 and their fares: ¥62,100 in 2026.
    for (let day = 1; day <= 15; day++) await approvedDispatch(`2026-03-${String(day).padStart(2, '0')}`, volunteer.id);
    const viewer = volunteerViewer(volunteer);
    await expect(
      services.payoutDetails.saveIndividualNumber(viewer, { individualNumber: '123456789010' }),
    ).rejects.toThrow(ValidationError);
    const details = await services.payoutDetails.saveIndividualNumber(viewer, { individualNumber: '1234 5678 9018' });
    expect(details).toMatchObject({ hasIndividualNumber: true, needsIndividualNumber: true });
    expect(JSON.stringify(details)).not.toContain('123456789018');

    const stored = await db().execute(sql`select * from individual_numbers where volunteer_id = ${volunteer.id}`);
    const text = JSON.stringify(Array.isArray(stored) ? stored : (stored as { rows: unknown[] }).rows);
    expect(text).not.toContain('123456789018');
    expect(text).not.toContain(Buffer.from('123456789018').toString('hex'));

    await expect(services.payoutDetails.readIndividualNumber(world.coordinator, volunteer.id)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(services.payoutDetails.readIndividualNumber(world.admin, volunteer.id)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(services.payoutDetails.readIndividualNumber(viewer, volunteer.id)).rejects.toThrow(ForbiddenError);
    expect(await services.payoutDetails.readIndividualNumber(payoutStaff, volunteer.id)).toBe('123456789018');
    const reads = await db().query.auditLog.findMany({
      where: { subjectType: 'IndividualNumber', subjectId: volunteer.id, action: 'read' },
    });
    expect(reads.map((read) => [read.actorUserId, read.fields])).toEqual([[payoutStaff.userId, ['individualNumber']]]);
  });
});
