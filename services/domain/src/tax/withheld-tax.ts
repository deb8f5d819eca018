import { DateTime } from 'luxon';
import { type Holidays, isBusinessDay } from '../calendar';
import { fiscalYearOfDate } from '../expenses/lines';

/**
 * When the income tax withheld from honoraria is paid to the tax office: by the 10th of the month
 * after the payment (所得税法 216条 is for salaries; 報酬・料金 follow 212条: the 10th of the next
 * month). The semi-annual special rule (納期の特例, for payers with fewer than ten employees) covers
 * only some 報酬・料金 — those of 弁護士, 税理士 and the like (所得税法 216条 with 204条1項2号) — not
 * interpretation or translation fees (1号), so it is a setting that is off unless the office says
 * otherwise: on, a payment in January–June is due on 10 July, in July–December on 20 January.
 * A due date on a weekend or a holiday moves to the next business day (国税通則法 10条2項);
 * `holidays` holds the national holidays and the year-end closures of 29–31 December.
 */
export function withheldTaxDueDate(
  paymentMonth: string,
  holidays: Holidays,
  { semiAnnual }: { semiAnnual: boolean } = { semiAnnual: false },
): string {
  const match = /^(\d{4})-(\d{2})$/.exec(paymentMonth);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`not a month: ${paymentMonth}`);
  let due: DateTime;
  if (!semiAnnual) due = DateTime.utc(year, month, 10).plus({ months: 1 });
  else due = month <= 6 ? DateTime.utc(year, 7, 10) : DateTime.utc(year + 1, 1, 20);
  let date = due.toFormat('yyyy-MM-dd');
  while (!isBusinessDay(date, holidays))
    date = DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toFormat('yyyy-MM-dd');
  return date;
}

/** One payment of honoraria to a person: what it was, what was withheld, on which day (in Japan). */
export interface TaxedPayment {
  personId: string;
  /** YYYY-MM-DD: the day it was paid (withholding follows the payment, not the activity). */
  paidOn: string;
  grossYen: number;
  withheldYen: number;
}

export interface CalendarYearTotal {
  personId: string;
  grossYen: number;
  withheldYen: number;
  payments: number;
  /**
   * Whether the payer files a 報酬、料金、契約金及び賞金の支払調書 for the person: when the year's
   * 報酬・料金 exceed ¥50,000 (所得税法施行規則 84条). The person's individual number is needed then.
   */
  needsStatement: boolean;
}

/** The threshold above which a calendar year's honoraria need a payment statement. */
export const statementThresholdYen = 50_000;

/**
 * Each person's totals in a **calendar** year (January–December: the income tax's year, not the
 * April–March fiscal year of the grant tax), by person id.
 */
export function calendarYearTotals(payments: readonly TaxedPayment[], year: number): CalendarYearTotal[] {
  const byPerson = new Map<string, CalendarYearTotal>();
  for (const payment of payments) {
    if (!payment.paidOn.startsWith(`${year}-`)) continue;
    const total = byPerson.get(payment.personId) ?? {
      personId: payment.personId,
      grossYen: 0,
      withheldYen: 0,
      payments: 0,
      needsStatement: false,
    };
    total.grossYen += payment.grossYen;
    total.withheldYen += payment.withheldYen;
    total.payments += 1;
    total.needsStatement = total.grossYen > statementThresholdYen;
    byPerson.set(payment.personId, total);
  }
  return [...byPerson.values()].sort((a, b) => a.personId.localeCompare(b.personId));
}

/**
 * The figures of a month's 報酬・料金等の所得税徴収高計算書 (the payment slip) for the 報酬・料金
 * of 所得税法 204条1項1号: the national fiscal year (年度) and month of payment, how many persons
 * (人員) were paid, the payments (支払金額) and the tax (税額 = 本税), the due date, and the total
 * (合計額; no 延滞税 or 不納付加算税 when paid in time). A month without withholding files no slip.
 */
export interface PaymentSlip {
  /** 年度: the national fiscal year (April–March) of the payment month. */
  fiscalYear: number;
  paymentMonth: string;
  persons: number;
  paidYen: number;
  taxYen: number;
  dueDate: string;
  totalYen: number;
}

export function paymentSlipFigures(
  payments: readonly TaxedPayment[],
  paymentMonth: string,
  holidays: Holidays,
  options: { semiAnnual: boolean } = { semiAnnual: false },
): PaymentSlip | null {
  const ofMonth = payments.filter((payment) => payment.paidOn.startsWith(`${paymentMonth}-`));
  const withheld = ofMonth.filter((payment) => payment.withheldYen !== 0);
  if (withheld.length === 0) return null;
  const taxYen = withheld.reduce((sum, payment) => sum + payment.withheldYen, 0);
  return {
    fiscalYear: fiscalYearOfDate(`${paymentMonth}-01`),
    paymentMonth,
    persons: new Set(withheld.map((payment) => payment.personId)).size,
    paidYen: withheld.reduce((sum, payment) => sum + payment.grossYen, 0),
    taxYen,
    dueDate: withheldTaxDueDate(paymentMonth, holidays, options),
    totalYen: taxYen,
  };
}
