import holidayJp from '@holiday-jp/holiday_jp';
import { describe, expect, test } from 'vitest';
import { calendarYearTotals, paymentSlipFigures, type TaxedPayment, withheldTaxDueDate } from './withheld-tax';

const holidays = new Set(Object.keys(holidayJp.holidays));

describe('when a month’s withheld tax is due', () => {
  test.each([
    ['April’s is due on Monday 11 May 2026 (the 10th is a Sunday)', '2026-04', '2026-05-11'],
    ['May’s on Wednesday 10 June', '2026-05', '2026-06-10'],
    [
      'December’s in the next year, on the 12th: the 10th is a Sunday and the 11th Coming-of-Age Day',
      '2026-12',
      '2027-01-12',
    ],
    ['July 2026’s on Monday 10 August', '2026-07', '2026-08-10'],
    ['September 2027’s on Tuesday 12 October: 10 October is a Sunday, 11 October Sports Day', '2027-09', '2027-10-12'],
    ['January 2026’s on Tuesday 10 February', '2026-01', '2026-02-10'],
  ])('%s', (_scenario, month, due) => {
    expect(withheldTaxDueDate(month, holidays)).toBe(due);
  });

  test.each([
    ['January under the semi-annual rule waits for 10 July (a Friday)', '2026-01', '2026-07-10'],
    ['June too', '2026-06', '2026-07-10'],
    ['July goes to 20 January of the next year (a Wednesday)', '2026-07', '2027-01-20'],
    ['December 2027’s 20 January 2028 is a Thursday', '2027-12', '2028-01-20'],
    ['the first half of 2027: 10 July is a Saturday, so Monday 12 July', '2027-03', '2027-07-12'],
  ])('%s', (_scenario, month, due) => {
    expect(withheldTaxDueDate(month, holidays, { semiAnnual: true })).toBe(due);
  });

  test.each(['2026-13', '2026-1', 'April'])('%s is no month', (month) => {
    expect(() => withheldTaxDueDate(month, holidays)).toThrow(RangeError);
  });
});

const paid = (personId: string, paidOn: string, grossYen: number, withheldYen: number): TaxedPayment => ({
  personId,
  paidOn,
  grossYen,
  withheldYen,
});

describe('a calendar year of a person’s honoraria, and whether it needs a payment statement', () => {
  test.each([
    [
      'exactly ¥50,000 in the year needs none',
      [paid('a', '2026-05-10', 50_000, 5105)],
      { gross: 50_000, statement: false },
    ],
    [
      '¥50,001 needs one',
      [paid('a', '2026-05-10', 25_000, 2552), paid('a', '2026-11-10', 25_001, 2552)],
      { gross: 50_001, statement: true },
    ],
    [
      'the calendar year, not the fiscal year: March 2026 and January 2027 count, April 2025 and December 2026 of other years do not',
      [
        paid('a', '2025-12-31', 40_000, 4084),
        paid('a', '2026-01-01', 30_000, 3063),
        paid('a', '2026-03-31', 30_000, 3063),
        paid('a', '2027-01-01', 40_000, 4084),
      ],
      { gross: 60_000, statement: true },
    ],
    [
      'a correction with a negative payment brings the year back under the threshold',
      [paid('a', '2026-06-10', 60_000, 6126), paid('a', '2026-07-10', -20_000, -2042)],
      { gross: 40_000, statement: false },
    ],
  ])('%s', (_scenario, payments, expected) => {
    const [total] = calendarYearTotals(payments, 2026);
    expect({ gross: total?.grossYen, statement: total?.needsStatement }).toEqual(expected);
  });

  test('each person apart, with their withheld tax and count of payments', () => {
    const totals = calendarYearTotals(
      [
        paid('b', '2026-02-10', 3500, 357),
        paid('a', '2026-02-10', 100_000, 10_210),
        paid('b', '2026-03-10', 3500, 357),
        paid('c', '2025-12-10', 3500, 357),
      ],
      2026,
    );
    expect(totals).toEqual([
      { personId: 'a', grossYen: 100_000, withheldYen: 10_210, payments: 1, needsStatement: true },
      { personId: 'b', grossYen: 7000, withheldYen: 714, payments: 2, needsStatement: false },
    ]);
  });
});

describe('the figures of a month’s 報酬・料金等の所得税徴収高計算書', () => {
  const payments = [
    paid('a', '2026-04-10', 3500, 357),
    paid('a', '2026-04-24', 6600, 673),
    paid('b', '2026-04-24', 1_000_001, 102_100 + 1),
    // Unpaid by choice: nothing withheld, not on the slip.
    paid('c', '2026-04-24', 0, 0),
    paid('d', '2026-05-01', 3500, 357),
  ];

  test('persons, payments and tax of April, due on 11 May', () => {
    expect(paymentSlipFigures(payments, '2026-04', holidays)).toEqual({
      fiscalYear: 2026,
      paymentMonth: '2026-04',
      persons: 2,
      paidYen: 1_010_101,
      taxYen: 103_131,
      dueDate: '2026-05-11',
      totalYen: 103_131,
    });
  });

  test('March belongs to the fiscal year before', () => {
    expect(paymentSlipFigures([paid('a', '2027-03-10', 3500, 357)], '2027-03', holidays)?.fiscalYear).toBe(2026);
  });

  test('a month without withholding has no slip', () => {
    expect(paymentSlipFigures(payments, '2026-06', holidays)).toBeNull();
  });
});
