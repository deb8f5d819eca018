import type { DateTime } from 'luxon';
import { fiscalYearOf } from '../calendar';
import { tokyo } from '../clock';
import type { Localized } from '../errors';
import { type BearingBodyKind, eligibility, type GrantTaxCategory, type GrantTaxMeasure } from '../grant-tax';

/** draft → submitted → approved → paid, one step at a time. */
export const expenseStatuses = ['draft', 'submitted', 'approved', 'paid'] as const;
export type ExpenseStatus = (typeof expenseStatuses)[number];

export function nextStatus(status: ExpenseStatus): ExpenseStatus | null {
  return expenseStatuses[expenseStatuses.indexOf(status) + 1] ?? null;
}

/** Whether a line may change amount, payer or note: only before anyone approved it. */
export const isEditable = (status: ExpenseStatus) => status === 'draft' || status === 'submitted';

/** Approved and paid lines are corrected by a reversing line; earlier ones are edited or deleted. */
export const isReversible = (status: ExpenseStatus) => status === 'approved' || status === 'paid';

/** The day an activity counts for: its date in Japan, whatever the server's time zone. */
export function activityDateOf(instant: DateTime): string {
  const date = instant.setZone(tokyo).toISODate();
  if (!date) throw new RangeError('not a valid instant');
  return date;
}

/** The fiscal year (April–March) of a date in Japan, YYYY-MM-DD. */
export function fiscalYearOfDate(date: string): number {
  const [year, month] = date.split('-').map(Number);
  if (!year || !month) throw new RangeError(`not an ISO date: ${date}`);
  return month >= 4 ? year : year - 1;
}

export { fiscalYearOf };

/** A closable period: a whole fiscal year, or one calendar month of it (1–12). */
export interface FiscalPeriod {
  fiscalYear: number;
  month: number | null;
}

/** The calendar month (1–12) of a date, YYYY-MM-DD. */
export const monthOfDate = (date: string) => Number(date.slice(5, 7));

/** The calendar year of a month of a fiscal year: April–December of FY N are in N, January–March in N + 1. */
export const calendarYearOf = (period: { fiscalYear: number; month: number }) =>
  period.month >= 4 ? period.fiscalYear : period.fiscalYear + 1;

/** Whether a date falls in a closed period: its fiscal year is closed, or its month is. */
export function isInClosedPeriod(date: string, closed: readonly FiscalPeriod[]): boolean {
  const fiscalYear = fiscalYearOfDate(date);
  const month = monthOfDate(date);
  return closed.some((period) => period.fiscalYear === fiscalYear && (period.month === null || period.month === month));
}

export function describePeriod(period: FiscalPeriod): string {
  if (period.month === null) return `FY${period.fiscalYear}`;
  return `${calendarYearOf({ fiscalYear: period.fiscalYear, month: period.month })}-${String(period.month).padStart(2, '0')} (FY${period.fiscalYear})`;
}

/** The kinds of local government the reference data knows; a ward's city bears its costs. */
export type LocalGovernmentKind = 'prefecture' | 'municipality' | 'ward';

/**
 * The body that bears a cost. The wards of designated cities are not local public bodies in their
 * own right (they claim nothing), so their city bears what they spend.
 */
export function bearingBodyOf(government: { code: string; kind: LocalGovernmentKind; parentCode: string | null }): {
  code: string;
  kind: BearingBodyKind;
} {
  if (government.kind === 'ward') {
    if (!government.parentCode) throw new RangeError(`ward ${government.code} has no city`);
    return { code: government.parentCode, kind: 'municipality' };
  }
  return { code: government.code, kind: government.kind };
}

export const lineEligibilities = ['eligible', 'not_claimed', 'flagged'] as const;
export type LineEligibility = (typeof lineEligibilities)[number];

/** What the grant-tax table says of a line: the measure it may be claimed under, or why it is flagged. */
export interface Classification {
  eligibility: LineEligibility;
  measure: GrantTaxMeasure | null;
  flagReason: Localized | null;
}

export function classify(category: GrantTaxCategory, bearer: BearingBodyKind): Classification {
  const result = eligibility(category, bearer);
  switch (result.kind) {
    case 'eligible':
      return { eligibility: 'eligible', measure: result.measure, flagReason: null };
    case 'not_claimed':
      return { eligibility: 'not_claimed', measure: null, flagReason: null };
    case 'flagged':
      return { eligibility: 'flagged', measure: null, flagReason: result.reason };
  }
}

/**
 * The category of a line: the request's, except that what the person served pays is no public
 * expense, so it is recorded under N (not claimed).
 */
export function categoryForPayer(requestCategory: GrantTaxCategory, payer: string): GrantTaxCategory {
  return payer === 'person_served' ? 'N' : requestCategory;
}
