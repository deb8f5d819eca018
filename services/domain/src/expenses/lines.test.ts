import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { grantTaxCategories } from '../grant-tax';
import {
  activityDateOf,
  bearingBodyOf,
  categoryForPayer,
  classify,
  expenseStatuses,
  fiscalYearOfDate,
  isInClosedPeriod,
  nextStatus,
} from './lines';
import { expenseKinds } from './rates';
import { assembleReport, type TotalsCell } from './report';

describe('the fiscal year of an activity, in Japan whatever the server’s zone', () => {
  const zones = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Tokyo'];

  test.each(zones)('with the server in %s', (zone) => {
    const saved = process.env.TZ;
    process.env.TZ = zone;
    try {
      const ending = DateTime.fromISO('2026-03-31T22:00:00+09:00');
      const starting = DateTime.fromISO('2026-04-01T00:10:00+09:00');
      expect([activityDateOf(ending), fiscalYearOfDate(activityDateOf(ending))]).toEqual(['2026-03-31', 2025]);
      expect([activityDateOf(starting), fiscalYearOfDate(activityDateOf(starting))]).toEqual(['2026-04-01', 2026]);
      // The same instants as UTC clocks show them: still 31 March and 1 April in Japan.
      expect(activityDateOf(DateTime.fromISO('2026-03-31T14:30:00Z', { zone: 'utc' }))).toBe('2026-03-31');
      expect(activityDateOf(DateTime.fromISO('2026-03-31T15:10:00Z', { zone: 'utc' }))).toBe('2026-04-01');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  test.each([
    ['2025-04-01', 2025],
    ['2025-12-31', 2025],
    ['2026-01-01', 2025],
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
  ])('%s is in FY%s', (date, fiscalYear) => {
    expect(fiscalYearOfDate(date)).toBe(fiscalYear);
  });
});

describe('closed periods', () => {
  const closed = [
    { fiscalYear: 2024, month: null },
    { fiscalYear: 2025, month: 2 },
  ];
  test.each([
    ['2025-03-31', true, 'a day of a closed fiscal year'],
    ['2025-04-01', false, 'the next fiscal year'],
    ['2026-02-28', true, 'a closed month (February 2026 is in FY2025)'],
    ['2025-02-28', true, 'February 2025, in the closed FY2024'],
    ['2026-03-01', false, 'the month after a closed month'],
  ])('%s: %s (%s)', (date, expected) => {
    expect(isInClosedPeriod(date, closed)).toBe(expected);
  });
});

describe('statuses go one step at a time', () => {
  test('draft → submitted → approved → paid, and no further', () => {
    expect(expenseStatuses.map(nextStatus)).toEqual(['submitted', 'approved', 'paid', null]);
  });
});

describe('who bears a cost', () => {
  test('a ward’s city bears what the ward spends', () => {
    expect(bearingBodyOf({ code: '271020', kind: 'ward', parentCode: '271004' })).toEqual({
      code: '271004',
      kind: 'municipality',
    });
    expect(bearingBodyOf({ code: '270008', kind: 'prefecture', parentCode: null })).toEqual({
      code: '270008',
      kind: 'prefecture',
    });
  });

  test('what the person served pays is no public expense: category N', () => {
    expect(categoryForPayer('3', 'person_served')).toBe('N');
    expect(categoryForPayer('3', 'requester')).toBe('3');
  });

  test('a combination the table does not allow is flagged with the reason, never given a measure', () => {
    expect(classify('1', 'prefecture')).toEqual({
      eligibility: 'flagged',
      measure: null,
      flagReason: {
        ja: '区分1（行政・生活情報の多言語化）は、表では都道府県が負担できません。',
        en: 'Category 1 (Multilingual administrative and living information) cannot be borne by a prefecture under the table.',
      },
    });
    expect(classify('6', 'prefecture')).toEqual({
      eligibility: 'eligible',
      measure: 'ordinary_grant_tax',
      flagReason: null,
    });
  });
});

describe('the report adds up its cells', () => {
  const cell = fc.record({
    bearingGovernmentCode: fc.constantFrom('270008', '271004', '272035'),
    grantTaxCategory: fc.constantFrom(...grantTaxCategories),
    kind: fc.constantFrom(...expenseKinds),
    status: fc.constantFrom(...expenseStatuses),
    amountYen: fc.integer({ min: -1_000_000, max: 10_000_000 }),
    lines: fc.integer({ min: 1, max: 1000 }),
  });

  test('every row is the sum of its cells, and the totals the sum of the rows', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (cells: TotalsCell[]) => {
        const governments = new Map([
          ['270008', { code: '270008', nameJa: '大阪府', nameEn: 'Osaka', kind: 'prefecture' as const }],
        ]);
        const { rows, totals } = assembleReport(cells, [], governments);
        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
        expect(totals.totalYen).toBe(sum(cells.map((each) => each.amountYen)));
        expect(totals.lines).toBe(sum(cells.map((each) => each.lines)));
        for (const row of rows) {
          const mine = cells.filter(
            (each) =>
              each.bearingGovernmentCode === row.bearingGovernment.code && each.grantTaxCategory === row.category,
          );
          expect(row.totalYen).toBe(sum(mine.map((each) => each.amountYen)));
          expect(sum(Object.values(row.byKind))).toBe(row.totalYen);
          expect(sum(Object.values(row.byStatus))).toBe(row.totalYen);
        }
      }),
    );
  });
});
