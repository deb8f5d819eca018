import { expect, test } from 'vitest';
import { certificateDateProblem, isCertificateValidOn } from './certificates';

const medicalInterpreter = { issuedOn: '2024-04-01', expiresOn: '2027-03-31' };

test.each([
  { scenario: 'valid on the day it was issued', certificate: medicalInterpreter, date: '2024-04-01', valid: true },
  {
    scenario: 'not yet valid the day before it was issued',
    certificate: medicalInterpreter,
    date: '2024-03-31',
    valid: false,
  },
  { scenario: 'valid through its expiry day', certificate: medicalInterpreter, date: '2027-03-31', valid: true },
  {
    scenario: 'no longer valid the day after it expires',
    certificate: medicalInterpreter,
    date: '2027-04-01',
    valid: false,
  },
  {
    scenario: 'a certificate without an expiry stays valid',
    certificate: { issuedOn: '2010-06-01', expiresOn: null },
    date: '2040-01-01',
    valid: true,
  },
  {
    scenario: 'a certificate without an issue date is valid until it expires',
    certificate: { issuedOn: null, expiresOn: '2026-12-31' },
    date: '2026-12-31',
    valid: true,
  },
])('a certificate is $scenario', ({ certificate, date, valid }) => {
  expect(isCertificateValidOn(certificate, date)).toBe(valid);
});

test.each([
  { scenario: 'expiring after it was issued is fine', certificate: medicalInterpreter, problem: null },
  {
    scenario: 'expiring on the day it was issued is fine',
    certificate: { issuedOn: '2026-01-10', expiresOn: '2026-01-10' },
    problem: null,
  },
  {
    scenario: 'expiring before it was issued is a typing mistake',
    certificate: { issuedOn: '2026-01-10', expiresOn: '2025-01-10' },
    problem: 'The certificate cannot expire before it was issued.',
  },
])('a certificate $scenario', ({ certificate, problem }) => {
  expect(certificateDateProblem(certificate)?.en ?? null).toBe(problem);
});
