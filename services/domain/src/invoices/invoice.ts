import { fiscalYearOfDate } from '../expenses/lines';

/**
 * How the association's dispatch fees to public bodies are taxed: at the standard 10 % (a taxable
 * business), or not at all (非課税 / 不課税, as some foundations' dispatches are). A setting of the
 * association, because it depends on the foundation, not on the line.
 */
export const taxTreatments = ['standard', 'exempt'] as const;
export type TaxTreatment = (typeof taxTreatments)[number];

/** The rate of each treatment, in percent. */
export const taxRatePercent: Record<TaxTreatment, number> = { standard: 10, exempt: 0 };

/** One invoice per requesting organization and month of activity, or one per dispatch (assignment). */
export const invoiceGroupings = ['organization_month', 'dispatch'] as const;
export type InvoiceGrouping = (typeof invoiceGroupings)[number];

/** issued → paid; a reissued invoice is superseded by its correction and never changes again. */
export const invoiceStatuses = ['issued', 'paid', 'superseded'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export interface InvoiceItemAmount {
  /** Whole yen, tax included (what the rate schedule charges); negative on a reversing line. */
  amountYen: number;
  treatment: TaxTreatment;
}

export interface RateTotal {
  treatment: TaxTreatment;
  ratePercent: number;
  /** The items' sum at this rate, tax included. */
  amountYen: number;
  /** The tax in that sum, rounded down once for the whole invoice (インボイス制度: one rounding per rate). */
  taxYen: number;
}

export interface InvoiceTotals {
  /** One per rate that has items, standard rate first. */
  byRate: RateTotal[];
  totalYen: number;
  taxYen: number;
}

/**
 * The totals of an invoice per tax rate. The lines' amounts are what the requester pays, tax
 * included (the costs page shows the same sums), so the tax is the included part: the sum at a rate
 * × rate / (100 + rate), with its fraction of a yen cut off — once per rate and invoice, as the
 * qualified invoice system requires, never per line. A negative sum (a month of reversals) rounds
 * toward zero too, so that an invoice and its reversal cancel to the yen.
 */
export function invoiceTotals(items: readonly InvoiceItemAmount[]): InvoiceTotals {
  const byRate = taxTreatments.flatMap((treatment) => {
    const ofRate = items.filter((item) => item.treatment === treatment);
    if (ofRate.length === 0) return [];
    const amountYen = ofRate.reduce((sum, item) => sum + item.amountYen, 0);
    const ratePercent = taxRatePercent[treatment];
    const taxYen = Math.trunc((amountYen * ratePercent) / (100 + ratePercent)) + 0;
    return [{ treatment, ratePercent, amountYen, taxYen }];
  });
  return {
    byRate,
    totalYen: byRate.reduce((sum, rate) => sum + rate.amountYen, 0),
    taxYen: byRate.reduce((sum, rate) => sum + rate.taxYen, 0),
  };
}

/**
 * Invoices are numbered per association and **fiscal** year (April–March) of their issue date: the
 * association's books and the requesting bodies' budgets both close in March, so a year's invoices
 * are one run of numbers in one set of books. (The payment statements of the withholding tax count
 * by calendar year instead: that is the income tax's year, not the books'.)
 */
export function numberingYearOf(issueDate: string): number {
  return fiscalYearOfDate(issueDate);
}

/** "2026-00042": the numbering year, then the sequence (from 1, without gaps) in five digits or more. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`not an invoice sequence: ${sequence}`);
  return `${year}-${String(sequence).padStart(5, '0')}`;
}

/** The year and sequence of an invoice number, or null when it is not one. */
export function parseInvoiceNumber(text: string): { year: number; sequence: number } | null {
  const match = /^(\d{4})-(\d{5,})$/.exec(text);
  if (!match) return null;
  const sequence = Number(match[2]);
  return sequence >= 1 ? { year: Number(match[1]), sequence } : null;
}

/** What an invoice may become: issued → paid, issued → superseded (by its correction). */
export function mayBecome(from: InvoiceStatus, to: InvoiceStatus): boolean {
  return from === 'issued' && (to === 'paid' || to === 'superseded');
}

/** The month a line belongs to for invoicing, YYYY-MM of its activity date in Japan. */
export function invoiceMonthOf(activityDate: string): string {
  return activityDate.slice(0, 7);
}

/** The first and last dates of a month YYYY-MM, for the invoice's period. */
export function monthRange(month: string): { from: string; to: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(match?.[1]);
  const monthNumber = Number(match?.[2]);
  if (!match || monthNumber < 1 || monthNumber > 12) throw new RangeError(`not a month: ${month}`);
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
