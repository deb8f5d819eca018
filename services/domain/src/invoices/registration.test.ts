import { describe, expect, test } from 'vitest';
import { corporateCheckDigit, registrationNumberProblem } from './registration';

describe('the registration number of a qualified invoice issuer', () => {
  test.each([
    ['the NTA’s own example of a corporate number', 'T7123456789012', null],
    ['a local government’s kind of base (serial, then zeros)', 'T6000020271004', null],
    ['another base ending in its serial', 'T7000012050002', null],
    ['one digit mistyped', 'T7123456789013', 'check_digit'],
    ['two digits swapped', 'T7123456789021', 'check_digit'],
    ['without the T', '7123456789012', 'format'],
    ['a lower-case t', 't7123456789012', 'format'],
    ['twelve digits', 'T712345678901', 'format'],
    ['fourteen digits', 'T71234567890123', 'format'],
    ['full-width digits', 'T７１２３４５６７８９０１２', 'format'],
    ['with hyphens', 'T7-1234-5678-9012', 'format'],
    ['empty', '', 'format'],
  ])('%s: %s → %s', (_scenario, text, expected) => {
    expect(registrationNumberProblem(text)).toBe(expected);
  });

  test.each([
    ['123456789012', 7],
    ['000020271004', 6],
    ['000012050002', 7],
    // Σ = 0: the digit is 9, never 0.
    ['000000000000', 9],
  ])('the check digit of %s is %i', (base, digit) => {
    expect(corporateCheckDigit(base)).toBe(digit);
  });
});
