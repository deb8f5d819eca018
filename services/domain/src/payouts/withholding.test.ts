import { describe, expect, test } from 'vitest';
import { expenseKinds } from '../expenses/rates';
import { defaultWithholdingSettings, isSubjectToWithholding, withholdingOn } from './withholding';

describe('the income tax withheld from one payment of a fee', () => {
  test.each([
    [0, 0, 'nothing paid'],
    [1, 0, '¥1: 0.1021 yen, cut off'],
    [3_500, 357, 'a ¥3,500 job (Yabu City): 357.35, cut off'],
    [2_300, 234, 'a flat ¥2,300 (Fukuoka): 234.83'],
    [10_000, 1_021, 'ten thousand yen: exactly 10.21 %'],
    [999_999, 102_099, '¥999,999: 102,099.89, cut off'],
    [1_000_000, 102_100, '¥1,000,000: all at 10.21 %'],
    [1_000_001, 102_100, '¥1,000,001: the one yen above at 20.42 % is cut off'],
    [1_000_005, 102_101, '¥1,000,005: 1.021 yen more'],
    [1_500_000, 204_200, '¥1,500,000: 102,100 + 500,000 × 20.42 %'],
  ])('¥%s → ¥%s withheld (%s)', (amount, withheld) => {
    expect(withholdingOn(amount)).toBe(withheld);
  });

  test('a reversing entry gives back what was withheld on the amount it reverses', () => {
    expect(withholdingOn(-3_500)).toBe(-357);
  });

  test('yen are whole', () => {
    expect(() => withholdingOn(3_500.5)).toThrow(RangeError);
  });
});

describe('which lines are part of the payment withheld on', () => {
  test.each([
    ['honorarium', true],
    ['translation_fee', true],
    ['remote_fee', true],
    ['cancellation_fee', true],
    ['transport', true],
    ['equipment', false],
    ['other', false],
  ] as const)('%s: %s by default (fares paid to the volunteer count, 所得税基本通達 204-2)', (kind, subject) => {
    expect(isSubjectToWithholding(kind, defaultWithholdingSettings)).toBe(subject);
  });

  test('an association that pays the carrier itself leaves fares out (204-4); fees stay in', () => {
    const settings = { withholdOnTransport: false };
    expect(isSubjectToWithholding('transport', settings)).toBe(false);
    expect(isSubjectToWithholding('honorarium', settings)).toBe(true);
  });

  test('every kind has an answer', () => {
    for (const kind of expenseKinds)
      expect(typeof isSubjectToWithholding(kind, defaultWithholdingSettings)).toBe('boolean');
  });
});
