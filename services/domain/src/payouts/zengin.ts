import { shiftJisBytesOf, zenginKana } from './kana';

/**
 * The Zengin 総合振込 file (全銀協規定フォーマット): fixed 120-byte records in JIS X 0201 (Shift_JIS
 * bytes) — a header (1), one data record per transfer (2), a trailer (8) and an end record (9).
 * Numeric fields are right-aligned with zeros, text fields left-aligned with spaces. The banks take
 * the records either back to back or each followed by CR LF (then 122 bytes a line); never LF alone.
 */
export const zenginRecordBytes = 120;

/** 普通 (ordinary) and 当座 (current) accounts, as the Zengin formats code them. */
export const bankAccountTypes = ['ordinary', 'current'] as const;
export type BankAccountType = (typeof bankAccountTypes)[number];
const accountTypeCode: Record<BankAccountType, string> = { ordinary: '1', current: '2' };

export interface ZenginBranch {
  bankCode: string;
  /** The bank's and branch's names in kana, as the bank code data gives them. */
  bankKana: string;
  branchCode: string;
  branchKana: string;
  accountType: BankAccountType;
  accountNumber: string;
}

export interface ZenginTransfer {
  to: ZenginBranch & { holderKana: string };
  amountYen: number;
  /** The payer's own reference for the transfer (顧客コード1), up to ten digits. */
  customerCode?: string;
}

export interface ZenginTransferFile {
  /** The payer's code at its bank (委託者コード), up to ten digits. */
  requesterCode: string;
  requesterKana: string;
  from: ZenginBranch;
  /** The transfer date, YYYY-MM-DD; the file carries its month and day. */
  transferDate: string;
  transfers: readonly ZenginTransfer[];
  lineBreaks: 'crlf' | 'none';
}

export interface ZenginTotals {
  count: number;
  amountYen: number;
}

/** The file's bytes. Throws a RangeError on a value no record can hold (the forms check them before). */
export function zenginTransferFile(file: ZenginTransferFile): Uint8Array {
  const totals = zenginTotalsOf(file.transfers);
  const records = [
    [
      digits('1', 1),
      digits('21', 2),
      digits('0', 1),
      digits(file.requesterCode, 10),
      text(file.requesterKana, 40, 'exact'),
      digits(monthDayOf(file.transferDate), 4),
      ...bankFields(file.from),
      digits(accountTypeCode[file.from.accountType], 1),
      digits(file.from.accountNumber, 7),
      spaces(17),
    ],
    ...file.transfers.map((transfer) => {
      if (!Number.isInteger(transfer.amountYen) || transfer.amountYen <= 0) {
        throw new RangeError(`a transfer is a positive whole yen amount: ${transfer.amountYen}`);
      }
      return [
        digits('2', 1),
        ...bankFields(transfer.to),
        digits('0', 4),
        digits(accountTypeCode[transfer.to.accountType], 1),
        digits(transfer.to.accountNumber, 7),
        text(transfer.to.holderKana, 30, 'exact'),
        digits(String(transfer.amountYen), 10),
        digits('0', 1),
        digits(transfer.customerCode ?? '0', 10),
        digits('0', 10),
        spaces(1),
        spaces(1),
        spaces(7),
      ];
    }),
    [digits('8', 1), digits(String(totals.count), 6), digits(String(totals.amountYen), 12), spaces(101)],
    [digits('9', 1), spaces(119)],
  ];
  const separator = file.lineBreaks === 'crlf' ? [0x0d, 0x0a] : [];
  const bytes: number[] = [];
  for (const fields of records) {
    const record = fields.flat();
    if (record.length !== zenginRecordBytes) throw new Error(`a Zengin record of ${record.length} bytes`);
    bytes.push(...record, ...separator);
  }
  return Uint8Array.from(bytes);
}

export function zenginTotalsOf(transfers: readonly Pick<ZenginTransfer, 'amountYen'>[]): ZenginTotals {
  return { count: transfers.length, amountYen: transfers.reduce((total, transfer) => total + transfer.amountYen, 0) };
}

/** Reads a file back into its records (without line breaks), for checks and tests. */
export function zenginRecordsOf(bytes: Uint8Array): Uint8Array[] {
  const withBreaks = bytes.length > zenginRecordBytes && bytes[zenginRecordBytes] === 0x0d;
  const stride = zenginRecordBytes + (withBreaks ? 2 : 0);
  const records: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += stride)
    records.push(bytes.slice(start, start + zenginRecordBytes));
  return records;
}

function bankFields(branch: ZenginBranch): number[][] {
  return [
    digits(branch.bankCode, 4),
    // Banks route by code; a name longer than its field is cut, as the banks' own software does.
    text(branch.bankKana, 15, 'cut'),
    digits(branch.branchCode, 3),
    text(branch.branchKana, 15, 'cut'),
  ];
}

function digits(value: string, width: number): number[] {
  if (!/^\d+$/.test(value) || value.length > width) throw new RangeError(`not ${width} digits: ${value}`);
  return shiftJisBytesOf(value.padStart(width, '0'));
}

function text(value: string, width: number, overflow: 'exact' | 'cut'): number[] {
  const converted = zenginKana(value);
  if (!converted.ok) throw new RangeError(`not Zengin kana: ${converted.unsupported.join('')}`);
  const bytes = shiftJisBytesOf(converted.kana);
  if (bytes.length > width && overflow === 'exact') throw new RangeError(`longer than ${width}: ${converted.kana}`);
  return [...bytes.slice(0, width), ...Array(Math.max(0, width - bytes.length)).fill(0x20)];
}

const spaces = (width: number): number[] => Array(width).fill(0x20);

function monthDayOf(date: string): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  return `${match[1]}${match[2]}`;
}
