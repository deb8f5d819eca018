import { readFile } from 'node:fs/promises';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import {
  type FeeLine,
  feesForCancellation,
  feesForDispatch,
  honorariumFor,
  type Localized,
  type RateRulesInput,
  rateRulesSchema,
  splitByPayer,
  translationFeeFor,
} from '@tsunagu/domain';
import { createExpenseLinesForReport } from '@tsunagu/services';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExpenseWorld, insertDispatch, insertExpenseWorld, yabuRates } from './world';

let testDb: TestDatabase;
let world: ExpenseWorld;
const db = () => testDb.database.db;

beforeAll(async () => {
  testDb = await openTestDatabase();
  world = await insertExpenseWorld(db());
});
afterAll(async () => {
  await testDb?.dispose();
});

/** The migration that reads old English notes back into a basis; re-running it touches only old-style rows. */
async function applyNotesMigration() {
  const text = await readFile(
    new URL('../../../db/migrations/20261204192800_expense_line_english_notes/migration.sql', import.meta.url),
    'utf8',
  );
  await db().transaction(async (tx) => {
    for (const statement of text.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
  });
}

const ratesOf = (input: RateRulesInput) => rateRulesSchema.parse(input);

const basisOf = (fee: { basis: Localized } | null | undefined): Localized => {
  if (!fee) throw new Error('no fee');
  return fee.basis;
};

// Each basis the rates write, in both languages: the old lines held its English as their note.
const written: [string, Localized][] = [
  ['a flat fee', basisOf(honorariumFor({ kind: 'flat_per_activity', amountYen: 3000 }, 90))],
  ['jobs of up to 4 hours', basisOf(honorariumFor({ kind: 'per_job', amountYen: 3500, limitMinutes: 240 }, 300))],
  [
    'a first block and the hours beyond',
    basisOf(
      honorariumFor(
        {
          kind: 'first_block_then_hourly',
          firstBlockMinutes: 120,
          firstBlockYen: 5000,
          perHourYen: 2000,
          roundingUnitMinutes: 30,
          rounding: 'up',
        },
        200,
      ),
    ),
  ],
  [
    'a first block only',
    basisOf(
      honorariumFor(
        {
          kind: 'first_block_then_hourly',
          firstBlockMinutes: 120,
          firstBlockYen: 5000,
          perHourYen: 2000,
          roundingUnitMinutes: 30,
          rounding: 'up',
        },
        100,
      ),
    ),
  ],
  ...(
    [
      [{ volume: 3, unit: 'pages' }, 'pages'],
      [{ volume: 1200, unit: 'words' }, 'words'],
      [{ volume: 2000, unit: 'characters' }, 'manuscript pages'],
      [{ volume: 10, unit: 'characters' }, 'raised to the minimum'],
    ] as const
  ).map(([translation, name]): [string, Localized] => [
    `a translation by ${name}`,
    translationFeeFor(
      {
        perPageYen: 4000,
        perWordYen: 10,
        perManuscriptPageYen: 3000,
        manuscriptPageCharacters: 400,
        minimumYen: 2000,
        countedOn: 'source',
      },
      translation,
    ).basis,
  ]),
  ...splitByPayer(
    'honorarium',
    9000,
    { ja: '1回の活動につき9,000円', en: '¥9,000 per activity' },
    { paidBy: 'association', personServedSharePercent: 30, personServedCapYen: 2000 },
  ).map((fee): [string, Localized] => [`the person served’s capped share, paid by ${fee.payer}`, fee.basis]),
  ...feesForDispatch(ratesOf({ ...yabuRates, transport: { kind: 'actual_fare', receipt: 'required', capYen: 1000 } }), {
    modality: 'remote',
    workedMinutes: 60,
    translation: null,
    transportFareYen: 1500,
    receiptProvided: null,
  }).map((fee: FeeLine): [string, Localized] => [`a remote dispatch’s ${fee.kind}`, fee.basis]),
  ...feesForCancellation(
    ratesOf({
      ...yabuRates,
      cancellation: [
        { noticeHoursUnder: 24, percentOfFee: 50, fixedYen: null },
        { noticeHoursUnder: 72, percentOfFee: null, fixedYen: 1000 },
      ],
    }),
    { noticeHours: 10.5, planned: { modality: 'on_site', workedMinutes: 300, translation: null } },
  ).map((fee): [string, Localized] => ['a share of the fee for a late cancellation', fee.basis]),
  ...feesForCancellation(
    ratesOf({ ...yabuRates, cancellation: [{ noticeHoursUnder: 72, percentOfFee: null, fixedYen: 1000 }] }),
    { noticeHours: 30, planned: { modality: 'on_site', workedMinutes: 300, translation: null } },
  ).map((fee): [string, Localized] => ['a fixed fee for a late cancellation', fee.basis]),
  ['an actual fare', { ja: '実費640円', en: 'actual fare ¥640' }],
];

describe('expense lines priced before the basis was kept in both languages', () => {
  test('show their basis in the reader’s language; a note a person wrote stays as written, even in a closed month', async () => {
    const { assignment } = await insertDispatch(db(), world, {
      startsAt: '2025-11-10T10:00:00+09:00',
      endsAt: '2025-11-10T12:00:00+09:00',
    });
    const [template] = await db().transaction((tx) =>
      createExpenseLinesForReport(tx, assignment.id, { actorUserId: world.coordinator.userId, now: world.clock.now() }),
    );
    if (!template) throw new Error('no line');
    const oldLine = async (note: string, source: 'rate_schedule' | 'manual' = 'rate_schedule') => {
      const [line] = await db()
        .insert(schema.expenseLines)
        .values({ ...template, id: undefined, sourceKey: null, source, note, basis: null })
        .returning({ id: schema.expenseLines.id });
      if (!line) throw new Error('insert returned no row');
      return line.id;
    };
    const priced = await Promise.all(
      written.map(async ([name, basis]) => [name, await oldLine(basis.en), basis] as const),
    );
    const unexplained = await oldLine('fare from the 2024 spreadsheet ¥1,200');
    const personsJapanese = await oldLine('領収書は後日提出');
    const manualEnglish = await oldLine('Taxi from the station ¥2,300, agreed by phone', 'manual');
    // Every basis the rates wrote names an amount: an English note without one is a person's.
    const personsEnglish = await oldLine('Receipt to follow');
    await world.services.fiscalPeriods.close(world.coordinator, world.associationId, { fiscalYear: 2025, month: 11 });

    await applyNotesMigration();

    const lineOf = async (id: string) => {
      const line = await db().query.expenseLines.findFirst({ where: { id } });
      return { note: line?.note, basis: line?.basis };
    };
    for (const [name, id, basis] of priced) expect(await lineOf(id), name).toEqual({ note: null, basis });
    expect(await lineOf(unexplained)).toEqual({
      note: null,
      basis: { ja: '料金表による算定（内訳は英語でのみ記録）', en: 'fare from the 2024 spreadsheet ¥1,200' },
    });
    expect(await lineOf(personsJapanese)).toEqual({ note: '領収書は後日提出', basis: null });
    expect(await lineOf(manualEnglish)).toEqual({ note: 'Taxi from the station ¥2,300, agreed by phone', basis: null });
    expect(await lineOf(personsEnglish)).toEqual({ note: 'Receipt to follow', basis: null });
    // Lines the rates priced since keep their basis; applying it again changes nothing.
    expect(await lineOf(template.id)).toEqual({ note: null, basis: template.basis });
    await applyNotesMigration();
    expect(await lineOf(unexplained)).toMatchObject({
      note: null,
      basis: { en: 'fare from the 2024 spreadsheet ¥1,200' },
    });

    // The closed month is guarded again once the migration is done.
    await expect(
      db().update(schema.expenseLines).set({ note: 'changed' }).where(eq(schema.expenseLines.id, manualEnglish)),
    ).rejects.toThrow();
  });
});
