import { statementThresholdYen } from '../tax/withheld-tax';
/**
 * Whether twelve digits are an individual number (マイナンバー): the last is the check digit of the
 * other eleven (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 8条). With
 * P(n) the n-th digit counted from the right before the check digit and Q(n) = n + 1 for n ≤ 6,
 * n − 5 above, the check digit is 11 − (Σ P(n)·Q(n) mod 11), or 0 when the remainder is 0 or 1.
 */
export function isIndividualNumber(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  return checkDigitOf(digits.slice(0, 11)) === Number(digits[11]);
}

export function checkDigitOf(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** Whether a volunteer's individual number is to be collected: their payments this calendar year pass the threshold. */
export const needsIndividualNumber = (paidAndPlannedThisYearYen: number) =>
  paidAndPlannedThisYearYen > statementThresholdYen;
