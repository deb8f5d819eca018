import { expect, test } from 'vitest';
import { localeFromAcceptLanguage } from './viewer';

test.each([
  { header: 'en', locale: 'en' },
  { header: 'en-GB,en;q=0.9', locale: 'en' },
  { header: 'ja-JP,ja;q=0.9,en;q=0.8', locale: 'ja' },
  { header: 'vi,en;q=0.8,ja;q=0.5', locale: 'en' },
  { header: 'en;q=0.4,ja;q=0.6', locale: 'ja' },
  { header: 'en;q=0,ja;q=0.1', locale: 'ja' },
  { header: 'vi-VN', locale: 'ja' },
  { header: '', locale: 'ja' },
  { header: null, locale: 'ja' },
] as const)('Accept-Language $header reads $locale', ({ header, locale }) => {
  expect(localeFromAcceptLanguage(header)).toBe(locale);
});

test('a client that names neither language reads the account’s', () => {
  expect(localeFromAcceptLanguage('*', 'en')).toBe('en');
  expect(localeFromAcceptLanguage(null, 'en')).toBe('en');
  expect(localeFromAcceptLanguage('ja', 'en')).toBe('ja');
});
