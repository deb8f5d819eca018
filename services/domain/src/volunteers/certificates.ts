import type { Localized } from '../errors';

/** A certificate as matching sees it: dates are YYYY-MM-DD in Japan; no expiry means it does not lapse. */
export interface CertificateDates {
  issuedOn: string | null;
  expiresOn: string | null;
}

/** Valid from the day it was issued through its expiry day, and not on the day after. */
export function isCertificateValidOn(certificate: CertificateDates, date: string): boolean {
  // YYYY-MM-DD dates compare as strings.
  if (certificate.issuedOn !== null && date < certificate.issuedOn) return false;
  return certificate.expiresOn === null || date <= certificate.expiresOn;
}

/** A certificate that would expire before it was issued is a typing mistake. */
export function certificateDateProblem(certificate: CertificateDates): Localized | null {
  return certificate.issuedOn !== null && certificate.expiresOn !== null && certificate.expiresOn < certificate.issuedOn
    ? { en: 'The certificate cannot expire before it was issued.', ja: '有効期限は発行日以降にしてください。' }
    : null;
}
