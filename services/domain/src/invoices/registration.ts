/**
 * The issuer's registration number of the qualified invoice system (適格請求書発行事業者の登録番号):
 * "T" and 13 digits. For a corporation the digits are its corporate number (法人番号), whose first
 * digit checks the other twelve (法人番号の指定等に関する省令 第2条): 9 − (Σ Pn × Qn mod 9), Pn the
 * n-th digit counted from the right of the twelve, Qn 1 for odd n and 2 for even n. An association
 * is a corporation (公益財団法人, NPO法人 and the like), so its number always has this check digit.
 */
export const registrationNumberPattern = /^T\d{13}$/;

/** The check digit of a 12-digit base number (会社法人等番号). */
export function corporateCheckDigit(base: string): number {
  if (!/^\d{12}$/.test(base)) throw new RangeError(`not a 12-digit base number: ${base}`);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** What is wrong with a registration number, or null when it is one. Full-width letters and digits are not read. */
export function registrationNumberProblem(text: string): 'format' | 'check_digit' | null {
  if (!registrationNumberPattern.test(text)) return 'format';
  const digits = text.slice(1);
  return Number(digits[0]) === corporateCheckDigit(digits.slice(1)) ? null : 'check_digit';
}
