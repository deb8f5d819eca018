import { describe, expect, test } from 'vitest';
import { type ZenginTransferFile, zenginRecordsOf, zenginTransferFile } from './zengin';

const association = {
  bankCode: '0001',
  bankKana: 'ミズホ',
  branchCode: '001',
  branchKana: 'トウキヨウ',
  accountType: 'ordinary',
  accountNumber: '1234567',
} as const;

const file: ZenginTransferFile = {
  requesterCode: '12345',
  requesterKana: 'ツナグコクサイコウリュウキョウカイ',
  from: association,
  transferDate: '2026-05-08',
  transfers: [
    {
      to: {
        bankCode: '0009',
        bankKana: 'ミツイスミトモ',
        branchCode: '100',
        branchKana: 'オオサカホンテン',
        accountType: 'ordinary',
        accountNumber: '765432',
        holderKana: 'グエン・ヴァン・アン',
      },
      amountYen: 3_143,
      customerCode: '1',
    },
    {
      to: {
        bankCode: '0005',
        bankKana: 'ミツビシユーエフジエイ',
        branchCode: '011',
        branchKana: 'ウメダ',
        accountType: 'current',
        accountNumber: '0000123',
        holderKana: 'ヤマダ タロウ',
      },
      amountYen: 1_000_000,
      customerCode: '2',
    },
  ],
  lineBreaks: 'crlf',
};

const shiftJis = new TextDecoder('shift_jis');

describe('the Zengin transfer file, byte for byte', () => {
  const bytes = zenginTransferFile(file);
  const records = zenginRecordsOf(bytes);

  test('five records of 120 bytes, each followed by CR LF', () => {
    expect(bytes.length).toBe(5 * 122);
    expect(records.map((record) => record.length)).toEqual([120, 120, 120, 120, 120]);
    for (let end = 120; end < bytes.length; end += 122) expect([bytes[end], bytes[end + 1]]).toEqual([0x0d, 0x0a]);
  });

  test('the header: 総合振込, JIS, the association, the transfer day, its bank and account', () => {
    expect(shiftJis.decode(records[0])).toBe(
      [
        '1',
        '21',
        '0',
        '0000012345',
        'ﾂﾅｸﾞｺｸｻｲｺｳﾘﾕｳｷﾖｳｶｲ'.padEnd(40),
        '0508',
        '0001',
        'ﾐｽﾞﾎ'.padEnd(15),
        '001',
        'ﾄｳｷﾖｳ'.padEnd(15),
        '1',
        '1234567',
        ' '.repeat(17),
      ].join(''),
    );
  });

  test('a data record per transfer: bank, branch, account, holder in kana, amount right-aligned with zeros', () => {
    expect(shiftJis.decode(records[1])).toBe(
      [
        '2',
        '0009',
        'ﾐﾂｲｽﾐﾄﾓ'.padEnd(15),
        '100',
        'ｵｵｻｶﾎﾝﾃﾝ'.padEnd(15),
        '0000',
        '1',
        '0765432',
        'ｸﾞｴﾝ.ｳﾞｱﾝ.ｱﾝ'.padEnd(30),
        '0000003143',
        '0',
        '0000000001',
        '0000000000',
        ' ',
        ' ',
        ' '.repeat(7),
      ].join(''),
    );
    expect(shiftJis.decode(records[2])).toBe(
      [
        '2',
        '0005',
        'ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ'.padEnd(15),
        '011',
        'ｳﾒﾀﾞ'.padEnd(15),
        '0000',
        '2',
        '0000123',
        'ﾔﾏﾀﾞ ﾀﾛｳ'.padEnd(30),
        '0001000000',
        '0',
        '0000000002',
        '0000000000',
        ' ',
        ' ',
        ' '.repeat(7),
      ].join(''),
    );
    // The holder's name field (bytes 51–80 of a data record) in the JIS X 0201 bytes themselves.
    expect(Array.from(records[1] ?? []).slice(50, 62)).toEqual([
      0xb8, 0xde, 0xb4, 0xdd, 0x2e, 0xb3, 0xde, 0xb1, 0xdd, 0x2e, 0xb1, 0xdd,
    ]);
    expect(Array.from(records[2] ?? []).slice(50, 58)).toEqual([0xd4, 0xcf, 0xc0, 0xde, 0x20, 0xc0, 0xdb, 0xb3]);
    expect(Array.from(records[2] ?? []).slice(58, 80)).toEqual(Array(22).fill(0x20));
  });

  test('the trailer counts the transfers and sums them; the end record closes the file', () => {
    expect(shiftJis.decode(records[3])).toBe(['8', '000002', '000001003143', ' '.repeat(101)].join(''));
    expect(shiftJis.decode(records[4])).toBe(`9${' '.repeat(119)}`);
  });
});

describe('the file without line breaks, and what it refuses', () => {
  test('the records back to back: 120 bytes each, nothing between', () => {
    const bytes = zenginTransferFile({ ...file, lineBreaks: 'none' });
    expect(bytes.length).toBe(5 * 120);
    expect(bytes.includes(0x0d) || bytes.includes(0x0a)).toBe(false);
    expect(zenginRecordsOf(bytes).map((record) => record[0])).toEqual([0x31, 0x32, 0x32, 0x38, 0x39]);
  });

  test('a bank or branch name longer than its field is cut; a holder’s name is not', () => {
    const long = 'ア'.repeat(16);
    const [first] = file.transfers;
    if (!first) throw new Error('no transfer');
    const cut = zenginRecordsOf(
      zenginTransferFile({ ...file, transfers: [{ ...first, to: { ...first.to, branchKana: long } }] }),
    );
    expect(shiftJis.decode(cut[1]?.slice(23, 38))).toBe('ｱ'.repeat(15));
    expect(() =>
      zenginTransferFile({ ...file, transfers: [{ ...first, to: { ...first.to, holderKana: 'ア'.repeat(31) } }] }),
    ).toThrow(RangeError);
  });

  test.each([
    [0, 'nothing'],
    [-500, 'a negative amount'],
    [10_000_000_000, 'more than ten digits'],
    [12.5, 'a fraction of a yen'],
  ])('a transfer of %s is refused (%s)', (amountYen) => {
    const [first] = file.transfers;
    if (!first) throw new Error('no transfer');
    expect(() => zenginTransferFile({ ...file, transfers: [{ ...first, amountYen }] })).toThrow(RangeError);
  });

  test('a holder’s name in kanji is refused', () => {
    const [first] = file.transfers;
    if (!first) throw new Error('no transfer');
    expect(() =>
      zenginTransferFile({ ...file, transfers: [{ ...first, to: { ...first.to, holderKana: '山田 太郎' } }] }),
    ).toThrow(/山田太郎|山/);
  });
});
