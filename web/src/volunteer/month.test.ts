import { describe, expect, test } from 'vitest';
import { isDate, isMonth, monthOf, monthWeeks, shiftMonth } from './month';

describe('the months of the booking calendar', () => {
  test('weeks start on Monday, with blanks for the days of the months around', () => {
    // November 2026 begins on a Sunday and ends on a Monday.
    const weeks = monthWeeks('2026-11');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks[1]?.[0]).toBe('2026-11-02');
    expect(weeks[5]).toEqual(['2026-11-30', null, null, null, null, null, null]);
  });

  test('a February that begins on a Monday fills exactly four weeks', () => {
    const weeks = monthWeeks('2027-02');
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]).toBe('2027-02-01');
    expect(weeks[3]?.[6]).toBe('2027-02-28');
  });

  test('a leap February has its 29th', () => {
    expect(monthWeeks('2028-02').flat()).toContain('2028-02-29');
  });

  test('previous and next months cross the turn of the year', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-03', 0)).toBe('2026-03');
    expect(monthOf('2026-11-24')).toBe('2026-11');
  });

  test('months and days from the address are checked before use', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth(null)).toBe(false);
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('tomorrow')).toBe(false);
  });
});
