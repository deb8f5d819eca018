import { describe, expect, test } from 'vitest';
import { ValidationError } from '../errors';
import { parseInput } from '../validation';
import { individualNumberSchema, payoutAccountSchema } from './input';

const account = {
  bankCode: '0001',
  branchCode: '001',
  accountType: 'ordinary',
  accountNumber: '1234567',
  holderKana: 'グエン・ヴァン・アン',
};

describe('a volunteer’s bank account as typed', () => {
  test('codes and numbers in full-width or with hyphens become plain digits; a short number is padded', () => {
    expect(payoutAccountSchema.parse({ ...account, bankCode: '０００１', accountNumber: '12-345' })).toEqual({
      ...account,
      accountNumber: '0012345',
    });
  });

  test.each([
    [{ bankCode: '001' }, 'bankCode', 'Use the four-digit bank code.'],
    [{ branchCode: '1234' }, 'branchCode', 'Use the three-digit branch code.'],
    [{ accountType: 'savings' }, 'accountType', 'Choose ordinary or current.'],
    [{ accountNumber: '12345678' }, 'accountNumber', 'Use the account number, up to seven digits.'],
    [{ holderKana: '山田 太郎' }, 'holderKana', 'Write the name in katakana, as on the bankbook.'],
    [
      { holderKana: 'ア'.repeat(31) },
      'holderKana',
      'The bank takes at most 30 half-width characters (a voiced mark counts as one).',
    ],
  ])('%o is refused on %s', (change, field, message) => {
    const result = payoutAccountSchema.safeParse({ ...account, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([[field, message]]);
  });

  test('the refusal is in Japanese too, on the field', () => {
    expect(() => parseInput(payoutAccountSchema, { ...account, holderKana: '山田 太郎' })).toThrow(ValidationError);
    expect(() => parseInput(payoutAccountSchema, { ...account, holderKana: '山田 太郎' })).toThrow(
      expect.objectContaining({
        problems: [
          {
            path: ['input', 'holderKana'],
            message: {
              en: 'Write the name in katakana, as on the bankbook.',
              ja: '名義は通帳のとおりカタカナで入力してください。',
            },
          },
        ],
      }),
    );
  });
});

describe('an individual number as typed', () => {
  test.each([
    ['1234 5678 9018', '123456789018'],
    ['１２３４-５６７８-９０１８', '123456789018'],
  ])('%s is %s', (typed, digits) => {
    expect(individualNumberSchema.parse(typed)).toBe(digits);
  });

  test('a wrong check digit is refused', () => {
    expect(individualNumberSchema.safeParse('123456789010').success).toBe(false);
  });
});
