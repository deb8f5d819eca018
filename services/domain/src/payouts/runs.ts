import type { ExpenseKind } from '../expenses/rates';
import { isSubjectToWithholding, payableKinds, type WithholdingSettings, withholdingOn } from './withholding';

/** An approved line as a payout run sees it: whose it is, what kind, how much. */
export interface PayableLine {
  id: string;
  volunteerId: string;
  kind: ExpenseKind;
  amountYen: number;
}

/** What one volunteer is paid in a run: one payment, withheld on once. */
export interface Payment {
  volunteerId: string;
  lineIds: string[];
  grossYen: number;
  /** The part of the gross that is a fee under 所得税法 204条 (and fares, by the setting). */
  subjectYen: number;
  withheldYen: number;
  netYen: number;
}

export interface RunTotals {
  lines: number;
  payments: number;
  grossYen: number;
  withheldYen: number;
  netYen: number;
}

export interface RunPlan {
  payments: Payment[];
  totals: RunTotals;
  /** Lines left out: of volunteers who decline payment, or whose payment would not be positive. */
  leftOut: string[];
}

export interface RunInput {
  /** Approved lines of the month, of any kind; those a run does not pay are ignored. */
  lines: readonly PayableLine[];
  /** Lines another run has taken already: never taken twice. */
  taken: ReadonlySet<string>;
  /** Volunteers who declined payment: nothing is withheld from or transferred to them. */
  declining: ReadonlySet<string>;
  settings: WithholdingSettings;
}

/** The payments of a run: per volunteer the gross, the tax withheld and the net, in the volunteers' order of first line. */
export function planRun({ lines, taken, declining, settings }: RunInput): RunPlan {
  const byVolunteer = new Map<string, PayableLine[]>();
  const leftOut: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (taken.has(line.id) || seen.has(line.id) || !payableKinds.includes(line.kind)) continue;
    seen.add(line.id);
    if (declining.has(line.volunteerId)) {
      leftOut.push(line.id);
      continue;
    }
    byVolunteer.set(line.volunteerId, [...(byVolunteer.get(line.volunteerId) ?? []), line]);
  }
  const payments: Payment[] = [];
  for (const [volunteerId, own] of byVolunteer) {
    const payment = paymentOf(volunteerId, own, settings);
    if (payment.netYen > 0) payments.push(payment);
    else leftOut.push(...payment.lineIds);
  }
  return { payments, totals: totalsOf(payments), leftOut };
}

export function paymentOf(volunteerId: string, lines: readonly PayableLine[], settings: WithholdingSettings): Payment {
  const grossYen = sum(lines.map((line) => line.amountYen));
  const subjectYen = sum(
    lines.filter((line) => isSubjectToWithholding(line.kind, settings)).map((line) => line.amountYen),
  );
  const withheldYen = withholdingOn(subjectYen);
  return {
    volunteerId,
    lineIds: lines.map((line) => line.id),
    grossYen,
    subjectYen,
    withheldYen,
    netYen: grossYen - withheldYen,
  };
}

export function totalsOf(
  payments: readonly Pick<Payment, 'lineIds' | 'grossYen' | 'withheldYen' | 'netYen'>[],
): RunTotals {
  return {
    lines: sum(payments.map((payment) => payment.lineIds.length)),
    payments: payments.length,
    grossYen: sum(payments.map((payment) => payment.grossYen)),
    withheldYen: sum(payments.map((payment) => payment.withheldYen)),
    netYen: sum(payments.map((payment) => payment.netYen)),
  };
}

/**
 * The entry of a correcting run for one volunteer's payment: what the payment keeps once the chosen
 * lines are reversed, less what it comes to now (the payment and the corrections before this one) —
 * negative, so that all of them together are the payment of the kept lines, withheld on once.
 */
export function correctionOf(
  now: Pick<Payment, 'volunteerId' | 'grossYen' | 'subjectYen' | 'withheldYen' | 'netYen'>,
  kept: readonly PayableLine[],
  reversedLineIds: readonly string[],
  settings: WithholdingSettings,
): Payment {
  const keeps = paymentOf(now.volunteerId, kept, settings);
  return {
    volunteerId: now.volunteerId,
    lineIds: [...reversedLineIds],
    grossYen: keeps.grossYen - now.grossYen,
    subjectYen: keeps.subjectYen - now.subjectYen,
    withheldYen: keeps.withheldYen - now.withheldYen,
    netYen: keeps.netYen - now.netYen,
  };
}

/** The states of a run: built (its payments may be rebuilt), approved (fixed, its file may be downloaded), confirmed (the bank paid it; the lines are paid). */
export const payoutRunStatuses = ['built', 'approved', 'confirmed'] as const;
export type PayoutRunStatus = (typeof payoutRunStatuses)[number];

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
