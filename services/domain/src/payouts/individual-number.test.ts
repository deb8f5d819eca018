import { describe, expect, test } from 'vitest';
import { checkDigitOf, isIndividualNumber, needsIndividualNumber } from './individual-number';

describe('an individual number’s check digit', () => {
  test.each([
    ['123456789018', true, 'the check digit of 12345678901 is 8'],
    ['123456789010', false, 'a wrong check digit'],
    ['000000000000', true, 'remainder 0 gives 0'],
    ['111111111118', true, 'Σ = 58, 58 mod 11 = 3, 11 − 3 = 8'],
    ['12345678901', false, 'eleven digits'],
    ['1234567890188', false, 'thirteen digits'],
    ['1234-5678-9018', false, 'with hyphens (the form takes them off first)'],
    ['１２３４５６７８９０１８', false, 'full-width digits (the form makes them plain first)'],
  ])('%s: %s (%s)', (digits, valid) => {
    expect(isIndividualNumber(digits)).toBe(valid);
  });

  test.each([
    ['10000000000', 5, 'P(11) = 1, Q(11) = 6: Σ = 6, 11 − 6 = 5'],
    ['00000000005', 1, 'P(1) = 5, Q(1) = 2: Σ = 10, 11 − 10 = 1'],
    ['00000000006', 0, 'Σ = 12, remainder 1: 0'],
  ])('the check digit of %s is %s (%s)', (first11, digit) => {
    expect(checkDigitOf(first11)).toBe(digit);
  });
});

describe('when the individual number is collected', () => {
  test.each([
    [50_000, false, 'exactly ¥50,000 in the calendar year needs no statement'],
    [50_001, true, 'a yen more does'],
    [0, false, 'an unpaid volunteer is never asked'],
  ])('¥%s: %s (%s)', (amount, needed) => {
    expect(needsIndividualNumber(amount)).toBe(needed);
  });
});
