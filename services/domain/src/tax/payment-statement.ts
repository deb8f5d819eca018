import { z } from 'zod';
import type { ExpenseKind } from '../expenses/rates';
import { bilingual } from '../validation';

/**
 * The yearly 報酬、料金、契約金及び賞金の支払調書 of one person: what one payer paid them in a calendar
 * year for interpretation and translation (所得税法 225条1項3号), and the tax withheld on it. Filed
 * by 31 January of the next year for each person paid more than ¥50,000.
 */
export interface PaymentStatement {
  /** The calendar year (January–December) of the payments. */
  year: number;
  payer: { name: string; address: string | null; phone: string | null; corporateNumber: string | null };
  payee: { name: string; address: string | null; individualNumber: string | null };
  /** 区分: what the payments were for, from the lines they paid. */
  kind: StatementKind;
  paidYen: number;
  withheldYen: number;
}

export type StatementKind = '通訳料' | '翻訳料' | '通訳料・翻訳料';

/** 区分 from the kinds of the lines paid: translation fees are 翻訳料, the other fees (and fares paid with them) 通訳料. */
export function statementKindOf(kinds: readonly ExpenseKind[]): StatementKind {
  const translation = kinds.includes('translation_fee');
  const interpretation = kinds.some((kind) => kind !== 'translation_fee' && kind !== 'transport');
  if (translation && interpretation) return '通訳料・翻訳料';
  return translation ? '翻訳料' : '通訳料';
}

/** The year of the Reiwa era in two digits, as 法定調書 records write 年分: 2026 → "08". */
export function reiwaYear(year: number): string {
  if (year < 2019) throw new RangeError(`before Reiwa: ${year}`);
  return String(year - 2018).padStart(2, '0');
}

/**
 * Text for a 全角 (full-width) item of a 法定調書 record: half-width katakana folded to full width
 * (NFKC), then ASCII and the space to their full-width forms.
 */
export function fullWidth(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0))
    .replaceAll(' ', '\u3000');
}

/** What stops a statement from being filed as it is, in the reader's words. */
export type StatementProblem =
  | 'no_individual_number'
  | 'no_payee_address'
  | 'no_payer_address'
  | 'no_corporate_number'
  | 'too_long';

/** The most characters the 309 record takes in its 全角 items. */
const limits = { address: 60, name: 30 } as const;

/** `numberOnFile` for a list that knows the number is there without opening it. */
export function statementProblems(
  statement: PaymentStatement,
  numberOnFile = statement.payee.individualNumber !== null,
): StatementProblem[] {
  const problems: StatementProblem[] = [];
  if (!numberOnFile) problems.push('no_individual_number');
  if (!statement.payee.address) problems.push('no_payee_address');
  if (!statement.payer.address) problems.push('no_payer_address');
  if (!statement.payer.corporateNumber) problems.push('no_corporate_number');
  const tooLong =
    [statement.payee.address, statement.payer.address].some((text) => (text?.length ?? 0) > limits.address) ||
    [statement.payee.name, statement.payer.name].some((text) => text.length > limits.name);
  if (tooLong) problems.push('too_long');
  return problems;
}

/**
 * The record of the statement in the CSV that the NTA's e-Tax software (and its 法定調書 CSV import
 * for 光ディスク等 filing) reads for 法定資料の種類 309. Items 1–11 are those every 法定調書 record
 * begins with (提出義務者, 訂正表示, 年分); 12–23 follow the statement's own boxes in the order the
 * form prints them: 支払を受ける者 (住所, 国外住所表示, 氏名), 区分, 細目, 支払金額, 未払金額,
 * 源泉徴収税額, 未徴収税額, 摘要, then the payee's 個人番号 and the payer's 法人番号. Amounts are whole
 * yen without separators; 整理番号 and 本支店等区分番号, which the tax office gives, are left blank.
 */
export function statementRecord309(statement: PaymentStatement): string[] {
  return [
    '309',
    '',
    '',
    fullWidth(statement.payer.address ?? ''),
    fullWidth(statement.payer.name),
    statement.payer.phone ?? '',
    '',
    '',
    '',
    '0',
    reiwaYear(statement.year),
    fullWidth(statement.payee.address ?? ''),
    '0',
    fullWidth(statement.payee.name),
    statement.kind,
    '',
    String(statement.paidYen),
    '0',
    String(statement.withheldYen),
    '0',
    '',
    statement.payee.individualNumber ?? '',
    statement.payer.corporateNumber ?? '',
  ];
}

/** The problems in the reader's words. */
export const statementProblemWords: Record<StatementProblem, { ja: string; en: string }> = {
  no_individual_number: { ja: 'マイナンバー未登録', en: 'No individual number yet' },
  no_payee_address: { ja: '受給者の住所未登録', en: 'No address for the payee' },
  no_payer_address: { ja: '支払者（協会）の住所未登録', en: 'No address for the association as payer' },
  no_corporate_number: { ja: '協会の法人番号未登録', en: 'No corporate number for the association' },
  too_long: { ja: '住所は60文字、氏名は30文字まで', en: 'Addresses take 60 characters, names 30' },
};

/**
 * Whether a 法人番号 is one: 13 digits whose first is the check digit of the other twelve
 * (9 − (Σ Pn×Qn mod 9), Pn the nth digit from the right, Qn 1 for odd n and 2 for even n).
 */
export function isCorporateNumber(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  const base = [...digits.slice(1)].reverse().map(Number);
  const sum = base.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 2), 0);
  return Number(digits[0]) === 9 - (sum % 9);
}

const plainDigits = (value: string) => value.normalize('NFKC').replace(/[\s-]/g, '');

const statementAddress = z
  .string()
  .trim()
  .min(1, bilingual({ en: 'Enter the address.', ja: '住所を入力してください。' }))
  .max(60, bilingual({ en: 'The statement takes 60 characters at most.', ja: '支払調書に載る住所は60文字までです。' }));

/** The association's side of its statements, entered by an admin. */
export const statementPayerSchema = z.object({
  associationId: z.uuid(),
  address: statementAddress,
  phone: z
    .string()
    .trim()
    .transform((value) => value.normalize('NFKC'))
    .pipe(
      z.string().regex(
        /^[0-9][0-9()-]{8,14}$/,
        bilingual({
          en: 'Enter a telephone number, e.g. 06-6843-4343.',
          ja: '電話番号を入力してください（例：06-6843-4343）。',
        }),
      ),
    ),
  corporateNumber: z
    .string()
    .transform(plainDigits)
    .pipe(
      z.string().refine(
        isCorporateNumber,
        bilingual({
          en: 'Enter the 13-digit corporate number (法人番号).',
          ja: '13桁の法人番号を入力してください。',
        }),
      ),
    ),
});

/** The address a volunteer gives for their statement, with their individual number. */
export const statementAddressSchema = z.object({ address: statementAddress });
