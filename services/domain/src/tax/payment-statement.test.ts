import { describe, expect, it } from 'vitest';
import {
  fullWidth,
  isCorporateNumber,
  type PaymentStatement,
  reiwaYear,
  statementKindOf,
  statementProblems,
  statementRecord309,
} from './payment-statement';

const statement: PaymentStatement = {
  year: 2026,
  payer: {
    name: 'とよなか国際交流協会',
    address: '大阪府豊中市玉井町1-1-1',
    phone: '06-6843-4343',
    corporateNumber: '1234567890123',
  },
  payee: {
    name: 'グエン・ヴァン・アン',
    address: '大阪府豊中市本町3丁目2-5 ｻﾝﾊｲﾂ101',
    individualNumber: '123456789018',
  },
  kind: '通訳料',
  paidYen: 84_000,
  withheldYen: 8_576,
};

describe('the 309 record', () => {
  it('writes the kind, the Reiwa year, the amounts and both numbers where the layout puts them', () => {
    const record = statementRecord309(statement);
    expect(record).toHaveLength(23);
    expect(record[0]).toBe('309');
    expect(record[9]).toBe('0');
    expect(record[10]).toBe('08');
    expect(record[14]).toBe('通訳料');
    expect(record.slice(16, 20)).toEqual(['84000', '0', '8576', '0']);
    expect(record[21]).toBe('123456789018');
    expect(record[22]).toBe('1234567890123');
  });

  it('writes names and addresses in full width: ASCII digits, hyphens, spaces and half-width kana', () => {
    const record = statementRecord309(statement);
    expect(record[3]).toBe('大阪府豊中市玉井町１－１－１');
    expect(record[11]).toBe('大阪府豊中市本町３丁目２－５　サンハイツ１０１');
    expect(record[13]).toBe('グエン・ヴァン・アン');
    expect(record[5]).toBe('06-6843-4343');
  });

  it('leaves what is not on file blank, and says so', () => {
    const bare: PaymentStatement = {
      ...statement,
      payer: { ...statement.payer, address: null, corporateNumber: null },
      payee: { ...statement.payee, address: null, individualNumber: null },
    };
    expect(statementRecord309(bare)[21]).toBe('');
    expect(statementProblems(bare)).toEqual([
      'no_individual_number',
      'no_payee_address',
      'no_payer_address',
      'no_corporate_number',
    ]);
    expect(statementProblems(statement)).toEqual([]);
  });

  it('flags an address longer than the record takes', () => {
    expect(statementProblems({ ...statement, payee: { ...statement.payee, address: 'あ'.repeat(61) } })).toEqual([
      'too_long',
    ]);
  });
});

describe('the parts', () => {
  it.each([
    [2019, '01'],
    [2026, '08'],
    [2030, '12'],
  ])('writes %i as Reiwa %s', (year, reiwa) => expect(reiwaYear(year)).toBe(reiwa));

  it('refuses a year before Reiwa', () => expect(() => reiwaYear(2018)).toThrow(RangeError));

  it.each([
    [['honorarium', 'transport'], '通訳料'],
    [['translation_fee'], '翻訳料'],
    [['translation_fee', 'transport'], '翻訳料'],
    [['remote_fee', 'translation_fee'], '通訳料・翻訳料'],
  ] as const)('names lines of %j %s', (kinds, kind) => expect(statementKindOf(kinds)).toBe(kind));

  it('folds to full width without touching what is full width already', () => {
    expect(fullWidth('ABC 12-3')).toBe('ＡＢＣ　１２－３');
    expect(fullWidth('山田　太郎')).toBe('山田　太郎');
  });
});

describe('the corporate number', () => {
  it.each([
    ['7000012050002', true],
    ['8000012050002', false],
    ['700001205000', false],
    ['700001205000a', false],
  ])('%s is one: %s', (digits, valid) => expect(isCorporateNumber(digits)).toBe(valid));
});
