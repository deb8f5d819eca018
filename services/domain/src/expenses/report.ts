import { type GrantTaxCategory, grantTaxCategories } from '../grant-tax';
import { type Classification, classify, type ExpenseStatus, expenseStatuses } from './lines';
import { type ExpenseKind, expenseKinds } from './rates';

/** One sum of the lines: a bearing body, a category, a kind and a status. */
export interface TotalsCell {
  bearingGovernmentCode: string;
  grantTaxCategory: string;
  kind: ExpenseKind;
  status: ExpenseStatus;
  amountYen: number;
  lines: number;
}

/** The dispatches of a bearing body and category in one language, and their minutes. */
export interface DispatchCell {
  bearingGovernmentCode: string;
  grantTaxCategory: string;
  languageCode: string;
  dispatches: number;
  minutes: number;
}

export interface BearingGovernment {
  code: string;
  nameJa: string;
  nameEn: string | null;
  kind: 'prefecture' | 'municipality';
}

export interface Amounts {
  totalYen: number;
  lines: number;
  byKind: Record<ExpenseKind, number>;
  byStatus: Record<ExpenseStatus, number>;
}

export interface ReportRow extends Amounts {
  bearingGovernment: BearingGovernment;
  category: GrantTaxCategory;
  classification: Classification;
  /** Assignments with lines in this row. */
  dispatches: number;
  minutes: number;
  languages: string[];
}

export interface ReconciliationTotals extends Amounts {
  /** Dispatches summed over the rows: a dispatch booked under two categories counts in each. */
  dispatches: number;
  minutes: number;
  languages: string[];
}

const zeroes = <Key extends string>(keys: readonly Key[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;

const emptyAmounts = (): Amounts => ({
  totalYen: 0,
  lines: 0,
  byKind: zeroes(expenseKinds),
  byStatus: zeroes(expenseStatuses),
});

function add(amounts: Amounts, cell: Pick<TotalsCell, 'kind' | 'status' | 'amountYen' | 'lines'>) {
  amounts.totalYen += cell.amountYen;
  amounts.lines += cell.lines;
  amounts.byKind[cell.kind] += cell.amountYen;
  amounts.byStatus[cell.status] += cell.amountYen;
}

const categoryOrder = (category: string) => grantTaxCategories.indexOf(category as GrantTaxCategory);

/**
 * The reconciliation's rows (one per bearing body and category, in code and table order) and its
 * totals, added up from the sums of the lines: every figure is a sum of lines, never an estimate.
 */
export function assembleReport(
  cells: readonly TotalsCell[],
  dispatches: readonly DispatchCell[],
  governments: ReadonlyMap<string, BearingGovernment>,
): { rows: ReportRow[]; totals: ReconciliationTotals } {
  const rows = new Map<string, ReportRow>();
  const rowOf = (code: string, category: string): ReportRow => {
    const key = `${code}\u0000${category}`;
    let row = rows.get(key);
    if (!row) {
      const government = governments.get(code) ?? { code, nameJa: code, nameEn: null, kind: 'municipality' as const };
      row = {
        ...emptyAmounts(),
        bearingGovernment: government,
        category: category as GrantTaxCategory,
        classification: classify(category as GrantTaxCategory, government.kind),
        dispatches: 0,
        minutes: 0,
        languages: [],
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const cell of cells) add(rowOf(cell.bearingGovernmentCode, cell.grantTaxCategory), cell);
  for (const cell of dispatches) {
    const row = rowOf(cell.bearingGovernmentCode, cell.grantTaxCategory);
    row.dispatches += cell.dispatches;
    row.minutes += cell.minutes;
    if (!row.languages.includes(cell.languageCode)) row.languages.push(cell.languageCode);
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      a.bearingGovernment.code.localeCompare(b.bearingGovernment.code) ||
      categoryOrder(a.category) - categoryOrder(b.category),
  );
  const totals: ReconciliationTotals = { ...emptyAmounts(), dispatches: 0, minutes: 0, languages: [] };
  for (const row of sorted) {
    row.languages.sort();
    totals.totalYen += row.totalYen;
    totals.lines += row.lines;
    for (const kind of expenseKinds) totals.byKind[kind] += row.byKind[kind];
    for (const status of expenseStatuses) totals.byStatus[status] += row.byStatus[status];
    totals.dispatches += row.dispatches;
    totals.minutes += row.minutes;
    for (const language of row.languages) if (!totals.languages.includes(language)) totals.languages.push(language);
  }
  totals.languages.sort();
  return { rows: sorted, totals };
}

/** Hours from minutes, to two decimals, for people and spreadsheets. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
