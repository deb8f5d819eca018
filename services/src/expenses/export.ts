import type { Writable } from 'node:stream';
import {
  type ExpenseKind,
  type ExpenseStatus,
  expenseKindWords,
  expenseStatusWords,
  grantTaxCategoryNames,
  grantTaxMeasureNames,
  hoursOf,
  type LineEligibility,
  type Payer,
  type ReconciliationTotals,
  type ReportRow,
} from '@tsunagu/domain';
import ExcelJS from 'exceljs';

/**
 * The reconciliation as a table a municipality can attach to its claim: CSV that Excel opens as
 * UTF-8 (a byte-order mark, CRLF line ends) or XLSX with a totals row, headers in Japanese or
 * English. Written row by row, so that a year of a million lines streams.
 */

export type HeaderLanguage = 'ja' | 'en';
type Label = Record<HeaderLanguage, string>;

export const kindLabels: Record<ExpenseKind, Label> = expenseKindWords;
export const statusLabels: Record<ExpenseStatus, Label> = expenseStatusWords;

const measureLabels: Record<string, Label> = grantTaxMeasureNames;

const eligibilityLabels: Record<LineEligibility, Label> = {
  eligible: { ja: '対象', en: 'Eligible' },
  not_claimed: { ja: '対象外', en: 'Not claimed' },
  flagged: { ja: '要確認（表にない組合せ）', en: 'Flagged: not allowed by the table' },
};

const payerLabels: Record<Payer, Label> = {
  requester: { ja: '依頼者', en: 'Requester' },
  association: { ja: '協会', en: 'Association' },
  person_served: { ja: '利用者本人', en: 'Person served' },
};

const totalLabel: Label = { ja: '合計', en: 'Total' };
/** The totals row of a sheet that the table continues after. */
export const subtotalLabel: Label = { ja: '小計', en: 'Subtotal' };

type Cell = string | number | null;

interface Column<Row> {
  label: Label;
  value: (row: Row, language: HeaderLanguage) => Cell;
  /** Summed in the totals row. */
  summed?: boolean;
}

const kinds = Object.keys(kindLabels) as ExpenseKind[];
const statuses = Object.keys(statusLabels) as ExpenseStatus[];

/** One row per bearing body and category. */
export const summaryColumns: Column<ReportRow>[] = [
  { label: { ja: '負担団体コード', en: 'Bearing body code' }, value: (row) => row.bearingGovernment.code },
  {
    label: { ja: '負担団体', en: 'Bearing body' },
    value: (row, language) =>
      language === 'en' ? (row.bearingGovernment.nameEn ?? row.bearingGovernment.nameJa) : row.bearingGovernment.nameJa,
  },
  { label: { ja: '区分', en: 'Category' }, value: (row) => row.category },
  {
    label: { ja: '区分名', en: 'Category name' },
    value: (row, language) => grantTaxCategoryNames[row.category][language],
  },
  {
    label: { ja: '措置', en: 'Measure' },
    value: (row, language) =>
      row.classification.measure ? (measureLabels[row.classification.measure]?.[language] ?? '') : '',
  },
  {
    label: { ja: '判定', en: 'Eligibility' },
    value: (row, language) => eligibilityLabels[row.classification.eligibility][language],
  },
  { label: { ja: '派遣件数', en: 'Dispatches' }, value: (row) => row.dispatches, summed: true },
  { label: { ja: '時間', en: 'Hours' }, value: (row) => hoursOf(row.minutes), summed: true },
  { label: { ja: '言語', en: 'Languages' }, value: (row) => row.languages.join(' ') },
  ...kinds.map(
    (kind): Column<ReportRow> => ({
      label: { ja: `${kindLabels[kind].ja}（円）`, en: `${kindLabels[kind].en} (yen)` },
      value: (row) => row.byKind[kind],
      summed: true,
    }),
  ),
  ...statuses.map(
    (status): Column<ReportRow> => ({
      label: { ja: `${statusLabels[status].ja}（円）`, en: `${statusLabels[status].en} (yen)` },
      value: (row) => row.byStatus[status],
      summed: true,
    }),
  ),
  { label: { ja: '合計（円）', en: 'Total (yen)' }, value: (row) => row.totalYen, summed: true },
  { label: { ja: '明細行数', en: 'Lines' }, value: (row) => row.lines, summed: true },
];

/** The summary's totals row, from the report's own totals (which are sums of the rows). */
export function summaryTotalsRow(totals: ReconciliationTotals, language: HeaderLanguage): Cell[] {
  return [
    totalLabel[language],
    '',
    '',
    '',
    '',
    '',
    totals.dispatches,
    hoursOf(totals.minutes),
    totals.languages.join(' '),
    ...kinds.map((kind) => totals.byKind[kind]),
    ...statuses.map((status) => totals.byStatus[status]),
    totals.totalYen,
    totals.lines,
  ];
}

/** A line as exported: no personal data, only what the claim needs. */
export interface ExportLine {
  id: string;
  activityDate: string;
  fiscalYear: number;
  bearingGovernmentCode: string;
  bearingGovernmentName: string;
  grantTaxCategory: string;
  measure: string | null;
  eligibility: LineEligibility;
  kind: ExpenseKind;
  payer: Payer;
  amountYen: number;
  status: ExpenseStatus;
  languageCode: string;
  activityMinutes: number;
  assignmentId: string;
  reversesLineId: string | null;
  note: string | null;
  /** How the rates reached the amount, for a priced line. */
  basis: { ja: string; en: string } | null;
}

export const lineColumns: Column<ExportLine>[] = [
  { label: { ja: '明細ID', en: 'Line ID' }, value: (line) => line.id },
  { label: { ja: '活動日', en: 'Activity date' }, value: (line) => line.activityDate },
  { label: { ja: '年度', en: 'Fiscal year' }, value: (line) => line.fiscalYear },
  { label: { ja: '負担団体コード', en: 'Bearing body code' }, value: (line) => line.bearingGovernmentCode },
  { label: { ja: '負担団体', en: 'Bearing body' }, value: (line) => line.bearingGovernmentName },
  { label: { ja: '区分', en: 'Category' }, value: (line) => line.grantTaxCategory },
  {
    label: { ja: '措置', en: 'Measure' },
    value: (line, language) => (line.measure ? (measureLabels[line.measure]?.[language] ?? line.measure) : ''),
  },
  {
    label: { ja: '判定', en: 'Eligibility' },
    value: (line, language) => eligibilityLabels[line.eligibility][language],
  },
  { label: { ja: '種別', en: 'Kind' }, value: (line, language) => kindLabels[line.kind][language] },
  { label: { ja: '支払者', en: 'Paid by' }, value: (line, language) => payerLabels[line.payer][language] },
  { label: { ja: '金額（円）', en: 'Amount (yen)' }, value: (line) => line.amountYen, summed: true },
  { label: { ja: '状態', en: 'Status' }, value: (line, language) => statusLabels[line.status][language] },
  { label: { ja: '言語', en: 'Language' }, value: (line) => line.languageCode },
  { label: { ja: '活動時間（分）', en: 'Minutes' }, value: (line) => line.activityMinutes },
  { label: { ja: '派遣ID', en: 'Assignment ID' }, value: (line) => line.assignmentId },
  { label: { ja: '取消対象の明細ID', en: 'Reverses line' }, value: (line) => line.reversesLineId },
  { label: { ja: '備考', en: 'Note' }, value: (line, language) => line.note ?? line.basis?.[language] ?? null },
];

export const headerOf = <Row>(columns: Column<Row>[], language: HeaderLanguage) =>
  columns.map((column) => column.label[language]);
export const valuesOf = <Row>(columns: Column<Row>[], row: Row, language: HeaderLanguage) =>
  columns.map((column) => column.value(row, language));

/** The totals row of a table of lines: the label, then the sum of each summed column. */
export function lineTotalsRow(amountYen: number, language: HeaderLanguage): Cell[] {
  return lineColumns.map((column, index) => (index === 0 ? totalLabel[language] : column.summed ? amountYen : null));
}

/** UTF-8's byte-order mark: without it, Excel in Japan reads a CSV as Shift_JIS. */
export const csvBom = '\uFEFF';

/**
 * One CSV record, CRLF-terminated (RFC 4180). Text that a spreadsheet would run as a formula
 * (starting with =, +, -, @) gets a leading apostrophe; numbers stay numbers.
 */
export function csvRecord(values: readonly Cell[]): string {
  return `${values
    .map((value) => {
      if (value === null) return '';
      if (typeof value === 'number') return String(value);
      const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',')}\r\n`;
}

/** Where rows go: a CSV or XLSX file being written. */
export interface TableWriter {
  header(labels: string[]): Promise<void>;
  row(values: Cell[]): Promise<void>;
  /** The totals row, in bold in XLSX. */
  totals(values: Cell[]): Promise<void>;
  end(): Promise<void>;
}

/** Writes to a stream, waiting when it is full (so a slow client slows the export, not the memory). */
function writeTo(stream: Writable, chunk: string): Promise<void> {
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', done);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });
}

export function csvWriter(stream: Writable): TableWriter {
  let buffer = csvBom;
  const flush = async (force: boolean) => {
    if (buffer.length >= 64 * 1024 || (force && buffer.length > 0)) {
      const chunk = buffer;
      buffer = '';
      await writeTo(stream, chunk);
    }
  };
  return {
    async header(labels) {
      buffer += csvRecord(labels);
    },
    async row(values) {
      buffer += csvRecord(values);
      await flush(false);
    },
    async totals(values) {
      buffer += csvRecord(values);
    },
    async end() {
      await flush(true);
    },
  };
}

/** Excel's limit is 1,048,576 rows a sheet; a bigger table continues on the next sheet. */
const rowsPerSheet = 1_000_000;

/**
 * XLSX through exceljs's streaming writer: rows are committed as they come. The totals row sums
 * each summed column with a formula (and its value, for readers that do not calculate).
 */
export function xlsxWriter(
  stream: Writable,
  options: { sheetName: string; summed: boolean[]; subtotalLabel: string },
): TableWriter {
  const { sheetName, summed } = options;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  let labels: string[] = [];
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let rowsInSheet = 0;
  const sums: number[] = summed.map(() => 0);
  const sheetSums: number[] = summed.map(() => 0);

  const openSheet = () => {
    sheets++;
    sheet = workbook.addWorksheet(sheets === 1 ? sheetName : `${sheetName} (${sheets})`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const header = sheet.addRow(labels);
    header.font = { bold: true };
    header.commit();
    rowsInSheet = 0;
    sheetSums.fill(0);
  };
  const columnLetter = (index: number) => {
    let letters = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return letters;
  };
  /** The current sheet's totals row: a SUM formula per summed column, with its value. */
  const closeSheet = (label: Cell) => {
    if (!sheet) return;
    const last = rowsInSheet + 1;
    const row = sheet.addRow(
      summed.map((isSummed, index) =>
        index === 0
          ? label
          : isSummed
            ? {
                formula: `SUM(${columnLetter(index)}2:${columnLetter(index)}${Math.max(2, last)})`,
                result: sheetSums[index],
              }
            : null,
      ),
    );
    row.font = { bold: true };
    row.commit();
    sheet.commit();
    sheet = null;
  };

  return {
    async header(values) {
      labels = values;
      openSheet();
    },
    async row(values) {
      if (rowsInSheet >= rowsPerSheet) {
        closeSheet(options.subtotalLabel);
        openSheet();
      }
      values.forEach((value, index) => {
        if (summed[index] && typeof value === 'number') {
          sums[index] = (sums[index] ?? 0) + value;
          sheetSums[index] = (sheetSums[index] ?? 0) + value;
        }
      });
      sheet?.addRow(values).commit();
      rowsInSheet++;
    },
    async totals(values) {
      closeSheet(values[0] ?? null);
    },
    async end() {
      if (sheet) (sheet as ExcelJS.Worksheet).commit();
      await workbook.commit();
    },
  };
}

export const summedColumns = <Row>(columns: Column<Row>[]) => columns.map((column) => column.summed === true);
