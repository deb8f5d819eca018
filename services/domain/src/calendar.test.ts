import holidayJp from '@holiday-jp/holiday_jp';
import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import { describe, expect, test } from 'vitest';
import { addBusinessDays, businessDaysBetween, fiscalYearOf, isBusinessDay } from './calendar';

// The same dataset the database loads, so that Golden Week and substitute holidays are real.
const holidays = new Set(Object.keys(holidayJp.holidays));

describe('business days', () => {
  test.each([
    ['an ordinary Tuesday', '2026-04-28', true],
    ['Showa Day, a Wednesday', '2026-04-29', false],
    ['a Saturday in Golden Week', '2026-05-02', false],
    ['the substitute holiday for Constitution Day falling on a Sunday', '2026-05-06', false],
    ['the Thursday after Golden Week', '2026-05-07', true],
    ['the citizens’ holiday between two holidays in September', '2026-09-22', false],
    ['New Year’s Eve, a closure but not a national holiday', '2025-12-31', true],
    ['New Year’s Day', '2026-01-01', false],
  ])('%s (%s) is a business day: %s', (_scenario, date, expected) => {
    expect(isBusinessDay(date, holidays)).toBe(expected);
  });

  test.each([
    ['a two-day lead time from a Friday ends on the Tuesday', '2026-04-24', 2, '2026-04-28'],
    ['the day after Showa Day is skipped to', '2026-04-28', 1, '2026-04-30'],
    ['a request filed on the Friday before Golden Week is answered after it', '2026-05-01', 1, '2026-05-07'],
    ['counting back over Golden Week', '2026-05-07', -1, '2026-05-01'],
    ['zero days leaves a holiday as it is', '2026-05-03', 0, '2026-05-03'],
    ['from New Year’s Eve the next business day is the first Monday', '2026-12-31', 1, '2027-01-04'],
    ['two days from 30 December cross New Year', '2026-12-30', 2, '2027-01-04'],
    ['counting back from the first Monday of the year', '2027-01-04', -1, '2026-12-31'],
    ['into a leap day', '2028-02-28', 1, '2028-02-29'],
    ['a month end on a Friday', '2026-02-27', 1, '2026-03-02'],
  ])('%s: %s + %i business days = %s', (_scenario, from, n, expected) => {
    expect(addBusinessDays(from, n, holidays)).toBe(expected);
  });

  test.each([
    ['across Golden Week', '2026-04-28', '2026-05-07', 3],
    ['backwards across Golden Week', '2026-05-07', '2026-04-28', -3],
    ['the same day', '2026-05-07', '2026-05-07', 0],
    ['a Saturday to the substitute holiday: none', '2026-05-02', '2026-05-06', 0],
    ['over the year end', '2026-12-28', '2027-01-05', 5],
  ])('%s: from %s to %s there are %i business days', (_scenario, a, b, expected) => {
    expect(businessDaysBetween(a, b, holidays)).toBe(expected);
  });

  test('counting the business days to a date found by adding them gives the same number', () => {
    const dates = fc
      .integer({ min: 0, max: 365 * 25 })
      .map((offset) => DateTime.fromISO('2020-01-01').plus({ days: offset }).toFormat('yyyy-MM-dd'));
    fc.assert(
      fc.property(dates, fc.integer({ min: -40, max: 40 }), (from, n) => {
        const to = addBusinessDays(from, n, holidays);
        expect(businessDaysBetween(from, to, holidays)).toBe(n);
        if (n !== 0) expect(isBusinessDay(to, holidays)).toBe(true);
      }),
    );
  });

  test.each(['2026-02-30', '2026-5-6', '2026-05-06T09:00'])('refuses %s, which is not an ISO date', (date) => {
    expect(() => isBusinessDay(date, holidays)).toThrow(RangeError);
  });
});

describe('the fiscal year (April to March, in Tokyo)', () => {
  test.each([
    ['the last second of March', '2026-03-31T23:59:59+09:00', 2025],
    ['the first moment of April', '2026-04-01T00:00:00+09:00', 2026],
    ['April 1 in Tokyo while still March 31 in UTC', '2026-03-31T15:00:00Z', 2026],
    ['March 31 in Tokyo, a second before', '2026-03-31T14:59:59Z', 2025],
    ['a Los Angeles evening that is already April in Tokyo', '2026-03-31T20:00:00-07:00', 2026],
    ['January belongs to the previous fiscal year', '2026-01-15T10:00:00+09:00', 2025],
    ['New Year’s Eve', '2025-12-31T23:00:00+09:00', 2025],
  ])('%s (%s) is in FY%i', (_scenario, instant, expected) => {
    expect(fiscalYearOf(DateTime.fromISO(instant, { setZone: true }))).toBe(expected);
  });

  test('does not depend on the zone of the server', () => {
    const serverZone = Settings.defaultZone;
    try {
      Settings.defaultZone = 'America/New_York';
      // 08:00 on April 1 in Tokyo is 19:00 on March 31 in New York.
      expect(fiscalYearOf(DateTime.fromISO('2026-04-01T08:00:00+09:00'))).toBe(2026);
      expect(fiscalYearOf(DateTime.fromMillis(Date.UTC(2026, 2, 31, 15)))).toBe(2026);
    } finally {
      Settings.defaultZone = serverZone;
    }
  });
});
