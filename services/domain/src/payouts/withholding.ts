import type { ExpenseKind } from '../expenses/rates';

/** The share of a payment above which the higher rate applies (所得税法 205条1号). */
export const higherRateThresholdYen = 1_000_000;

/**
 * The income tax withheld from one payment of 報酬・料金 to an individual (所得税法 204条1項1号,
 * 205条1号): 10.21 % of the payment (income tax and the reconstruction special income tax), 20.42 %
 * of the part above ¥1,000,000, fractions of a yen cut off. In ten-thousandths, so no float rounds.
 * A negative amount (a reversing entry) gives back what was withheld on the amount it reverses.
 */
export function withholdingOn(amountYen: number): number {
  if (!Number.isInteger(amountYen)) throw new RangeError(`not whole yen: ${amountYen}`);
  if (amountYen < 0) return -withholdingOn(-amountYen);
  const base = Math.min(amountYen, higherRateThresholdYen);
  const above = amountYen - base;
  return Math.floor((base * 1021 + above * 2042) / 10_000);
}

/** How an association's payouts treat the fares it pays with the honoraria. */
export interface WithholdingSettings {
  /**
   * Whether the transport fare paid to the volunteer counts in the withheld payment. The NTA's rule
   * (所得税基本通達 204-2) is that travel costs paid to the person with the fee are part of it, whatever
   * they are called; 204-4 lets the payer leave them out only when it pays the carrier or hotel directly
   * at a usual cost. Tsunagu pays the fare to the volunteer with the honorarium, so the default is true;
   * an association that buys the tickets itself turns it off.
   */
  withholdOnTransport: boolean;
}

export const defaultWithholdingSettings: WithholdingSettings = { withholdOnTransport: true };

/** The kinds that are a fee for interpretation or translation, withheld on always. */
const feeKinds: readonly ExpenseKind[] = ['honorarium', 'translation_fee', 'remote_fee', 'cancellation_fee'];

/** The kinds a payout run pays to volunteers: their fees and fares (equipment and other costs are not theirs). */
export const payableKinds: readonly ExpenseKind[] = [...feeKinds, 'transport'];

/** Whether a line of this kind is part of the payment withheld on. */
export function isSubjectToWithholding(kind: ExpenseKind, settings: WithholdingSettings): boolean {
  if (kind === 'transport') return settings.withholdOnTransport;
  return feeKinds.includes(kind);
}
