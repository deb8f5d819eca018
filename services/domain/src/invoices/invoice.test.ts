import { describe, expect, test } from 'vitest';
import {
  formatInvoiceNumber,
  type InvoiceItemAmount,
  invoiceTotals,
  mayBecome,
  monthRange,
  numberingYearOf,
  parseInvoiceNumber,
} from './invoice';

const standard = (amountYen: number): InvoiceItemAmount => ({ amountYen, treatment: 'standard' });
const exempt = (amountYen: number): InvoiceItemAmount => ({ amountYen, treatment: 'exempt' });

describe('an invoice’s totals per tax rate, the tax rounded once per rate', () => {
  test.each([
    ['one ¥3,500 honorarium at 10 %', [standard(3500)], [{ rate: 10, amount: 3500, tax: 318 }], 3500, 318],
    ['¥1 carries no tax', [standard(1)], [{ rate: 10, amount: 1, tax: 0 }], 1, 0],
    ['¥11 carries ¥1', [standard(11)], [{ rate: 10, amount: 11, tax: 1 }], 11, 1],
    [
      'three ¥1,100 fares: ¥300 rounded once, where rounding each line would also give ¥300',
      [standard(1100), standard(1100), standard(1100)],
      [{ rate: 10, amount: 3300, tax: 300 }],
      3300,
      300,
    ],
    [
      'three ¥1,000 fares: ¥272 rounded once — per line it would be 3 × ¥90 = ¥270',
      [standard(1000), standard(1000), standard(1000)],
      [{ rate: 10, amount: 3000, tax: 272 }],
      3000,
      272,
    ],
    [
      'a month with a reversal: the reversed line nets out before the tax',
      [standard(6600), standard(3500), standard(-3500)],
      [{ rate: 10, amount: 6600, tax: 600 }],
      6600,
      600,
    ],
    [
      'a correction of reversals only: its tax rounds toward zero',
      [standard(-3500)],
      [{ rate: 10, amount: -3500, tax: -318 }],
      -3500,
      -318,
    ],
    ['exempt dispatch fees carry no tax', [exempt(6600), exempt(1540)], [{ rate: 0, amount: 8140, tax: 0 }], 8140, 0],
    [
      'two rates on one invoice, the standard rate first',
      [exempt(2000), standard(5500)],
      [
        { rate: 10, amount: 5500, tax: 500 },
        { rate: 0, amount: 2000, tax: 0 },
      ],
      7500,
      500,
    ],
    [
      'a large month stays exact',
      [standard(12_345_678)],
      [{ rate: 10, amount: 12_345_678, tax: 1_122_334 }],
      12_345_678,
      1_122_334,
    ],
    ['no items', [], [], 0, 0],
  ])('%s', (_scenario, items, byRate, totalYen, taxYen) => {
    const totals = invoiceTotals(items);
    expect(totals.byRate.map((rate) => ({ rate: rate.ratePercent, amount: rate.amountYen, tax: rate.taxYen }))).toEqual(
      byRate,
    );
    expect([totals.totalYen, totals.taxYen]).toEqual([totalYen, taxYen]);
  });
});

describe('invoice numbers, per fiscal year of the issue date', () => {
  test.each([
    ['issued on 1 April starts the fiscal year', '2026-04-01', 2026],
    ['issued on 31 March still numbers in the year before', '2027-03-31', 2026],
    ['issued in January numbers in the fiscal year begun the April before', '2027-01-15', 2026],
  ])('%s: %s → %i', (_scenario, date, year) => {
    expect(numberingYearOf(date)).toBe(year);
  });

  test.each([
    [2026, 1, '2026-00001'],
    [2026, 42, '2026-00042'],
    [2026, 99_999, '2026-99999'],
    [2026, 100_000, '2026-100000'],
  ])('year %i, sequence %i is %s, and reads back', (year, sequence, text) => {
    expect(formatInvoiceNumber(year, sequence)).toBe(text);
    expect(parseInvoiceNumber(text)).toEqual({ year, sequence });
  });

  test.each(['2026-0001', '2026-00000', 'FY2026-00001', '', '2026-1'])('%s is no invoice number', (text) => {
    expect(parseInvoiceNumber(text)).toBeNull();
  });

  test('a sequence starts at 1', () => {
    expect(() => formatInvoiceNumber(2026, 0)).toThrow(RangeError);
  });
});

describe('an invoice’s status', () => {
  test.each([
    ['issued', 'paid', true],
    ['issued', 'superseded', true],
    ['paid', 'superseded', false],
    ['paid', 'issued', false],
    ['superseded', 'paid', false],
    ['superseded', 'issued', false],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(mayBecome(from, to)).toBe(expected);
  });

  test.each([
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-12', '2026-12-01', '2026-12-31'],
  ])('the month %s runs from %s to %s', (month, from, to) => {
    expect(monthRange(month)).toEqual({ from, to });
  });
});
