import { PassThrough } from 'node:stream';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { ConflictError, ForbiddenError, grantTaxCategories, PeriodClosedError } from '@tsunagu/domain';
import {
  copyRatesForAssignment,
  createCancellationFeeLines,
  createExpenseLinesForReport,
  supplyAndDemand,
} from '@tsunagu/services';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertDispatch, insertExpenseWorld, totalsAgainstLines, yabuRates } from './world';

let testDb: TestDatabase;
let world: ExpenseWorld;
const db = () => testDb.database.db;
const now = () => world.clock.now();

beforeAll(async () => {
  testDb = await openTestDatabase();
  world = await insertExpenseWorld(db());
});
afterAll(async () => {
  await testDb?.dispose();
});

/** The database's own guard refused the statement (Drizzle wraps the driver's error in `cause`). */
const refusedAsClosed = (error: unknown) =>
  error instanceof Error && error.cause instanceof Error && /is in a closed period/.test(error.cause.message);

async function reportLines(assignmentId: string) {
  return db().transaction((tx) =>
    createExpenseLinesForReport(tx, assignmentId, { actorUserId: world.coordinator.userId, now: now() }),
  );
}

describe('an activity report turned into expense lines', () => {
  test('the honorarium and the fare, under the copy of the rates made when the assignment was confirmed', async () => {
    const { assignment } = await insertDispatch(db(), world, {
      startsAt: '2026-05-12T13:00:00+09:00',
      endsAt: '2026-05-12T18:00:00+09:00',
      transportFareYen: 2400,
    });
    await db().transaction((tx) =>
      copyRatesForAssignment(tx, assignment.id, DateTime.fromISO('2026-05-01T09:00:00+09:00')),
    );
    // A later schedule doubles the fee: the assignment keeps the rates of its confirmation.
    await world.services.rateSchedules.create(world.admin, world.associationId, {
      effectiveFrom: '2026-05-02',
      rules: { ...yabuRates, honorarium: { kind: 'per_job', amountYen: 7000, limitMinutes: 240 } },
    });

    const lines = await reportLines(assignment.id);
    expect(lines.map((line) => [line.kind, line.amountYen, line.payer, line.status, line.basis]).sort()).toEqual([
      [
        'honorarium',
        7000,
        'requester',
        'submitted',
        {
          ja: '240分までの1件につき3,500円 × 2件（活動300分）',
          en: '2 × ¥3,500 per job of up to 240 min (300 min worked)',
        },
      ],
      [
        'transport',
        2000,
        'requester',
        'submitted',
        { ja: '実費2,400円、上限2,000円', en: 'actual fare ¥2,400, capped at ¥2,000' },
      ],
    ]);
    // Nobody wrote a note: the screens and exports show the basis in their reader's language.
    expect(lines.map((line) => line.note)).toEqual([null, null]);
    for (const line of lines) {
      expect(line).toMatchObject({
        bearingGovernmentCode: '272035',
        bearingKind: 'municipality',
        activityDate: '2026-05-12',
        fiscalYear: 2026,
        grantTaxCategory: '1',
        measure: 'special_grant_tax',
        eligibility: 'eligible',
        activityMinutes: 300,
        languageCode: 'vi',
      });
    }
    expect((await reportLines(assignment.id)).map((line) => line.id).sort()).toEqual(
      lines.map((line) => line.id).sort(),
    );
  });

  test('a report before any rate schedule was in force at confirmation is priced by the schedule of its day', async () => {
    const { assignment } = await insertDispatch(db(), world, {
      startsAt: '2024-06-03T10:00:00+09:00',
      endsAt: '2024-06-03T11:00:00+09:00',
      transportFareYen: null,
    });
    expect(
      await db().transaction((tx) =>
        copyRatesForAssignment(tx, assignment.id, DateTime.fromISO('2024-03-01T09:00:00+09:00')),
      ),
    ).toBeNull();
    const lines = await reportLines(assignment.id);
    expect(lines.map((line) => [line.kind, line.amountYen])).toEqual([['honorarium', 3500]]);
    const copy = await db().query.assignmentRates.findFirst({ where: { assignmentId: assignment.id } });
    expect(copy?.effectiveFrom).toBe('2024-04-01');
  });

  test('no report yet: nothing is written, and the caller is told why', async () => {
    const { assignment } = await insertDispatch(db(), world, {
      startsAt: '2026-06-01T10:00:00+09:00',
      endsAt: '2026-06-01T11:00:00+09:00',
      report: false,
    });
    await expect(reportLines(assignment.id)).rejects.toThrow(ConflictError);
    expect(await db().query.expenseLines.findMany({ where: { assignmentId: assignment.id } })).toEqual([]);
  });

  test('a late cancellation owes the fee its notice calls for, under the rates of the planned day', async () => {
    const { assignment } = await insertDispatch(db(), world, {
      startsAt: '2026-07-01T10:00:00+09:00',
      endsAt: '2026-07-01T12:00:00+09:00',
      status: 'cancelled',
      report: false,
    });
    await db()
      .update(schema.assignments)
      .set({ cancelledAt: new Date('2026-06-30T20:00:00+09:00'), cancellationNoticeHours: 14 })
      .where(eq(schema.assignments.id, assignment.id));
    const lines = await db().transaction((tx) =>
      createCancellationFeeLines(tx, assignment.id, { actorUserId: null, now: now() }),
    );
    // No copy was made at confirmation, so the schedule from 2026-05-02 (¥7,000 a job) applies.
    expect(lines.map((line) => [line.kind, line.amountYen, line.activityDate, line.basis?.en])).toEqual([
      [
        'cancellation_fee',
        7000,
        '2026-07-01',
        'cancelled 14 h ahead (under 24 h): 100% of ¥7,000 (1 × ¥7,000 per job of up to 240 min (120 min worked))',
      ],
    ]);
    expect(lines[0]?.basis?.ja).toBe(
      '14時間前の取り消し（24時間未満）：7,000円の100%（240分までの1件につき7,000円 × 1件（活動120分））',
    );
  });
});

describe('the fiscal year of a line, whatever the server’s time zone', () => {
  test('an assignment ending 2026-03-31 23:30 JST is FY2025; one starting 2026-04-01 00:10 JST is FY2026', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const late = await insertDispatch(db(), world, {
        startsAt: '2026-03-31T22:00:00+09:00',
        endsAt: '2026-03-31T23:30:00+09:00',
      });
      const early = await insertDispatch(db(), world, {
        startsAt: '2026-04-01T00:10:00+09:00',
        endsAt: '2026-04-01T01:10:00+09:00',
      });
      const [lateLine] = await reportLines(late.assignment.id);
      const [earlyLine] = await reportLines(early.assignment.id);
      expect([lateLine?.activityDate, lateLine?.fiscalYear]).toEqual(['2026-03-31', 2025]);
      expect([earlyLine?.activityDate, earlyLine?.fiscalYear]).toEqual(['2026-04-01', 2026]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('categories, bearing bodies and measures', () => {
  test('every category of the table, borne by a municipality and by a prefecture, gets its measure or the flag', async () => {
    const expected: Record<string, [string, string | null, string, string | null]> = {
      '1': ['eligible', 'special_grant_tax', 'flagged', null],
      '2': ['eligible', 'special_grant_tax', 'flagged', null],
      '3': ['eligible', 'special_grant_tax', 'flagged', null],
      '4': ['eligible', 'special_grant_tax', 'eligible', 'special_grant_tax'],
      '5': ['eligible', 'special_grant_tax', 'eligible', 'special_grant_tax'],
      '6': ['eligible', 'special_grant_tax', 'eligible', 'ordinary_grant_tax'],
      '7': ['eligible', 'special_grant_tax', 'flagged', null],
      G: ['eligible', 'ordinary_grant_tax', 'eligible', 'ordinary_grant_tax'],
      N: ['not_claimed', null, 'not_claimed', null],
    };
    let day = 1;
    for (const category of grantTaxCategories) {
      const seen: Array<string | null> = [];
      for (const organizationId of [world.organizationId, world.prefecturalOfficeId]) {
        const date = `2026-08-${String(day++).padStart(2, '0')}`;
        const { assignment } = await insertDispatch(db(), world, {
          organizationId,
          grantTaxCategory: category,
          startsAt: `${date}T10:00:00+09:00`,
          endsAt: `${date}T11:00:00+09:00`,
        });
        const [line] = await reportLines(assignment.id);
        seen.push(line?.eligibility ?? null, line?.measure ?? null);
      }
      expect([category, ...seen]).toEqual([category, ...(expected[category] ?? [])]);
    }
  });

  test('a coordinator’s override says why, is audited, and an ineligible result is flagged, not accepted', async () => {
    const { assignment } = await insertDispatch(db(), world, {
      startsAt: '2026-09-01T10:00:00+09:00',
      endsAt: '2026-09-01T11:00:00+09:00',
      organizationId: world.prefecturalOfficeId,
      grantTaxCategory: '4',
    });
    const [line] = await reportLines(assignment.id);
    if (!line) throw new Error('no line');
    await expect(world.services.expenses.overrideLineCategory(world.coordinator, line.id, '3', ' ')).rejects.toThrow(
      'Say why.',
    );
    const overridden = await world.services.expenses.overrideLineCategory(
      world.coordinator,
      line.id,
      '3',
      'A life-orientation lecture, not a drill',
    );
    expect(overridden).toMatchObject({
      grantTaxCategory: '3',
      eligibility: 'flagged',
      measure: null,
      categoryOverrideReason: 'A life-orientation lecture, not a drill',
    });
    const audit = await db().query.auditLog.findMany({ where: { subjectType: 'expense_line', subjectId: line.id } });
    expect(audit.map((entry) => [entry.actorUserId, entry.fields, entry.reason])).toEqual([
      [world.coordinator.userId, ['grantTaxCategory'], 'A life-orientation lecture, not a drill'],
    ]);
    const report = await world.services.reconciliation.report(world.coordinator, {
      associationId: world.associationId,
      fiscalYear: 2026,
    });
    expect(report.anomalies).toContainEqual({ kind: 'ineligible', lineId: line.id });
  });
});

describe('marking lines paid', () => {
  test('a volunteer’s honorarium and fare become paid only by a payout run; equipment the association pays may be marked by hand', async () => {
    const { assignment } = await insertDispatch(db(), world, {
      startsAt: '2026-05-26T10:00:00+09:00',
      endsAt: '2026-05-26T12:00:00+09:00',
    });
    const lines = await reportLines(assignment.id);
    const equipment = await world.services.expenses.createLine(world.coordinator, {
      assignmentId: assignment.id,
      kind: 'equipment',
      amountYen: 2_000,
      payer: 'association',
    });
    const ids = [...lines.map((line) => line.id), equipment.id];
    await world.services.expenses.advanceLines(world.coordinator, [equipment.id], 'submitted');
    await world.services.expenses.advanceLines(world.coordinator, ids, 'approved');
    for (const line of lines) {
      await expect(world.services.expenses.advanceLines(world.coordinator, [line.id], 'paid')).rejects.toMatchObject({
        reason: 'paid_by_payout_run',
        localized: {
          ja: expect.stringContaining('支払の振込を確定したとき'),
          en: expect.stringContaining('when a payout run’s transfer is confirmed'),
        },
      });
    }
    // All or none: with a fee among them, the equipment is not marked either.
    await expect(world.services.expenses.advanceLines(world.coordinator, ids, 'paid')).rejects.toBeInstanceOf(
      ConflictError,
    );
    const rows = await db().query.expenseLines.findMany({ where: { id: { in: ids } }, columns: { status: true } });
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['approved']));
    const [paid] = await world.services.expenses.advanceLines(world.coordinator, [equipment.id], 'paid');
    expect(paid?.status).toBe('paid');
  });
});

describe('closed periods', () => {
  test('editing or approving a line of a closed month gives a typed error and changes nothing, even in raw SQL', async () => {
    const { assignment } = await insertDispatch(db(), world, {
      startsAt: '2025-10-06T10:00:00+09:00',
      endsAt: '2025-10-06T12:00:00+09:00',
    });
    const lines = await reportLines(assignment.id);
    const honorarium = lines.find((line) => line.kind === 'honorarium');
    if (!honorarium) throw new Error('no honorarium');
    await world.services.expenses.advanceLines(world.coordinator, [honorarium.id], 'approved');
    await world.services.fiscalPeriods.close(world.coordinator, world.associationId, { fiscalYear: 2025, month: 10 });
    const before = await db().query.expenseLines.findMany({ where: { assignmentId: assignment.id } });

    await expect(
      world.services.expenses.advanceLines(world.coordinator, [honorarium.id], 'paid'),
    ).rejects.toBeInstanceOf(PeriodClosedError);
    const transport = lines.find((line) => line.kind === 'transport');
    await expect(
      world.services.expenses.editLine(world.coordinator, transport?.id ?? '', { amountYen: 1 }),
    ).rejects.toBeInstanceOf(PeriodClosedError);
    await expect(
      world.services.expenses.overrideLineCategory(world.coordinator, honorarium.id, 'G', 'x'),
    ).rejects.toBeInstanceOf(PeriodClosedError);
    await expect(
      db().execute(sql`update expense_lines set amount_yen = 1 where id = ${honorarium.id}`),
    ).rejects.toSatisfy(refusedAsClosed);
    await expect(db().execute(sql`delete from expense_lines where id = ${honorarium.id}`)).rejects.toSatisfy(
      refusedAsClosed,
    );
    expect(await db().query.expenseLines.findMany({ where: { assignmentId: assignment.id } })).toEqual(before);

    // The correction is a reversing line in an open period: today's.
    const reversal = await world.services.expenses.reverseLine(world.coordinator, honorarium.id, 'Booked twice');
    expect(reversal).toMatchObject({
      amountYen: -honorarium.amountYen,
      reversesLineId: honorarium.id,
      activityDate: '2026-04-15',
      fiscalYear: 2026,
      status: 'draft',
    });
    const report = await world.services.reconciliation.report(world.coordinator, {
      associationId: world.associationId,
      fiscalYear: 2025,
    });
    expect(report.anomalies).toContainEqual({ kind: 'unapproved_at_close', lineId: transport?.id });
  });

  test('only an admin reopens, with a reason that is audited', async () => {
    await world.services.fiscalPeriods.close(world.coordinator, world.associationId, { fiscalYear: 2024, month: null });
    await expect(
      world.services.fiscalPeriods.close(world.coordinator, world.associationId, { fiscalYear: 2024, month: 5 }),
    ).rejects.toThrow('The whole fiscal year is already closed.');
    await expect(
      world.services.fiscalPeriods.reopen(
        world.coordinator,
        world.associationId,
        { fiscalYear: 2024, month: null },
        'x',
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await world.services.fiscalPeriods.reopen(
      world.admin,
      world.associationId,
      { fiscalYear: 2024, month: null },
      'A receipt arrived late',
    );
    const audit = await db().query.auditLog.findMany({ where: { subjectType: 'fiscal_period_closure' } });
    expect(audit.map((entry) => entry.reason)).toContain('A receipt arrived late');
  });
});

describe('anomalies', () => {
  test('an expense of an assignment that was not completed, and a duplicate', async () => {
    const { assignment } = await insertDispatch(db(), world, {
      startsAt: '2026-10-05T10:00:00+09:00',
      endsAt: '2026-10-05T11:00:00+09:00',
      status: 'no_show',
      transportFareYen: null,
    });
    const [line] = await reportLines(assignment.id);
    const twin = await world.services.expenses.createLine(world.coordinator, {
      assignmentId: assignment.id,
      kind: 'honorarium',
      amountYen: line?.amountYen ?? 0,
      payer: 'requester',
    });
    expect(twin.duplicateOfLineId).toBe(line?.id);
    const report = await world.services.reconciliation.report(world.coordinator, {
      associationId: world.associationId,
      fiscalYear: 2026,
    });
    expect(report.anomalies).toContainEqual({ kind: 'no_completed_assignment', lineId: line?.id });
    expect(report.anomalies).toContainEqual({ kind: 'duplicate', lineId: twin.id });
  });
});

describe('the reconciliation and its exports', () => {
  const scope = () => ({ associationId: world.associationId, fiscalYear: 2026 });

  test('every total equals the sum of its lines', async () => {
    const totals = await totalsAgainstLines(db());
    expect(totals.kept).toEqual(totals.summed);
    expect(totals.keptDispatches).toEqual(totals.dispatches);
    expect(totals.keptDispatchTotals).toEqual(totals.dispatchTotals);
    const report = await world.services.reconciliation.report(world.coordinator, scope());
    const lines = await db().query.expenseLines.findMany({ where: scope() });
    expect(report.totals.totalYen).toBe(lines.reduce((sum, line) => sum + line.amountYen, 0));
    expect(report.totals.lines).toBe(lines.length);
    for (const row of report.rows) {
      const behind = lines.filter(
        (line) => line.bearingGovernmentCode === row.bearingGovernment.code && line.grantTaxCategory === row.category,
      );
      expect(row.totalYen).toBe(behind.reduce((sum, line) => sum + line.amountYen, 0));
      expect(row.dispatches).toBe(new Set(behind.map((line) => line.assignmentId)).size);
    }
  });

  async function download(detail: 'summary' | 'lines', format: 'csv' | 'xlsx', headerLanguage: 'ja' | 'en' = 'ja') {
    const exported = await world.services.reconciliation.startExport(world.coordinator, {
      ...scope(),
      detail,
      format,
      headerLanguage,
    });
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = await world.services.reconciliation.writeExport(world.coordinator, exported.id, stream);
    stream.end();
    return { exported, finished, body: Buffer.concat(chunks) };
  }

  /** A small RFC 4180 reader, enough to read back what the export wrote. */
  function parseCsv(text: string): string[][] {
    const records: string[][] = [];
    let field = '';
    let record: string[] = [];
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (quoted) {
        if (char === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (char === '"') quoted = false;
        else field += char;
      } else if (char === '"') quoted = true;
      else if (char === ',') {
        record.push(field);
        field = '';
      } else if (char === '\r' && text[i + 1] === '\n') {
        record.push(field);
        records.push(record);
        record = [];
        field = '';
        i++;
      } else field += char;
    }
    return records;
  }

  test('the CSV summary opens in Excel as UTF-8 and, parsed back, gives the report’s totals', async () => {
    const report = await world.services.reconciliation.report(world.coordinator, scope());
    const { body, exported, finished } = await download('summary', 'csv');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(body.toString('utf8').slice(1));
    expect(header?.slice(0, 3)).toEqual(['負担団体コード', '負担団体', '区分']);
    const totalColumn = header?.indexOf('合計（円）') ?? -1;
    const totalsRow = records.pop();
    expect(totalsRow?.[0]).toBe('合計');
    expect(records.map((record) => [record[0], record[2], Number(record[totalColumn])])).toEqual(
      report.rows.map((row) => [row.bearingGovernment.code, row.category, row.totalYen]),
    );
    expect(Number(totalsRow?.[totalColumn])).toBe(report.totals.totalYen);
    expect(records.reduce((sum, record) => sum + Number(record[totalColumn]), 0)).toBe(report.totals.totalYen);
    expect([exported.rowsExpected, finished.rowsWritten, finished.status]).toEqual([
      report.rows.length,
      report.rows.length,
      'finished',
    ]);
  });

  test('the CSV of lines, parsed back, sums to the report’s totals per bearing body and category', async () => {
    const report = await world.services.reconciliation.report(world.coordinator, scope());
    const { body } = await download('lines', 'csv', 'en');
    const [header, ...records] = parseCsv(body.toString('utf8').slice(1));
    const amount = header?.indexOf('Amount (yen)') ?? -1;
    const totalsRow = records.pop();
    const sums = new Map<string, number>();
    for (const record of records) {
      const key = `${record[3]}/${record[5]}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(record[amount]));
    }
    expect(Object.fromEntries(sums)).toEqual(
      Object.fromEntries(report.rows.map((row) => [`${row.bearingGovernment.code}/${row.category}`, row.totalYen])),
    );
    expect(Number(totalsRow?.[amount])).toBe(report.totals.totalYen);
  });

  test('the XLSX summary has a totals row whose formulas carry the report’s totals', async () => {
    const report = await world.services.reconciliation.report(world.coordinator, scope());
    const { body } = await download('summary', 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const totalColumn = header.indexOf('合計（円）') + 1;
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('合計');
    const total = last.getCell(totalColumn).value as { formula: string; result: number };
    expect(total.formula).toBe(
      `SUM(${sheet.getColumn(totalColumn).letter}2:${sheet.getColumn(totalColumn).letter}${sheet.rowCount - 1})`,
    );
    expect(total.result).toBe(report.totals.totalYen);
    expect(sheet.rowCount).toBe(report.rows.length + 2);
  });
});

describe('supply and demand by language', () => {
  test('requests, filled, unfilled and fill rate per language and month', async () => {
    const { insertRequest } = await import('../support/fixtures');
    for (const status of ['open', 'filled', 'completed', 'cancelled'] as const) {
      await insertRequest(db(), world.associationId, world.organizationId, {
        languageCode: 'zh',
        status,
        startsAt: new Date('2026-11-30T23:30:00+09:00'),
        endsAt: new Date('2026-12-01T00:30:00+09:00'),
      });
    }
    const cells = await supplyAndDemand(db(), world.coordinator, { fiscalYear: 2026 });
    expect(cells.find((cell) => cell.languageCode === 'zh')).toEqual({
      associationId: world.associationId,
      languageCode: 'zh',
      month: '2026-11',
      requests: 3,
      filled: 2,
      unfilled: 1,
      fillRate: 2 / 3,
    });
  });
});
