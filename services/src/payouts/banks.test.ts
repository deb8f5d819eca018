import { describe, expect, test } from 'vitest';
import { findBanks, findBranches } from './banks';

describe('finding a bank and a branch in the bank code data', () => {
  test.each([
    ['みずほ', '0001'],
    ['ミズホ', '0001'],
    ['ﾐｽﾞﾎ', '0001'],
    ['mizuho', '0001'],
    ['0005', '0005'],
  ])('%s finds bank %s', async (text, code) => {
    expect((await findBanks(text)).map((bank) => bank.code)).toContain(code);
  });

  test('a code typed in part lists the banks whose code starts with it first, thirty at most', async () => {
    const banks = await findBanks('0');
    expect(banks).toHaveLength(30);
    expect(banks.every((bank) => bank.code.startsWith('0'))).toBe(true);
  });

  test('the branches of the bank, by name or code; none for a bank the data does not know', async () => {
    expect(await findBranches('0001', 'とうきよう')).toContainEqual({
      code: '001',
      name: '東京営業部',
      kana: 'トウキヨウ',
    });
    expect((await findBranches('0001', '001')).map((branch) => branch.code)[0]).toBe('001');
    expect(await findBranches('9998', '')).toEqual([]);
  });
});
