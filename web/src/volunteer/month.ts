/**
 * Calendar months as the booking calendar shows them: plain `YYYY-MM` and `YYYY-MM-DD` strings of
 * Japan's calendar, weeks from Monday as in the weekly availability grid.
 */

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export const isMonth = (value: string | null): value is string => value !== null && monthPattern.test(value);

/** A real calendar date (not 2026-02-30). */
export function isDate(value: string | null): value is string {
  if (value === null || !datePattern.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** `2026-11-24` → `2026-11`. */
export const monthOf = (date: string): string => date.slice(0, 7);

function firstOf(month: string): Date {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber - 1, 1));
}

const dateOf = (day: Date) => day.toISOString().slice(0, 10);

/** The month `by` months before (negative) or after: `2026-01` − 1 → `2025-12`. */
export function shiftMonth(month: string, by: number): string {
  const day = firstOf(month);
  day.setUTCMonth(day.getUTCMonth() + by);
  return dateOf(day).slice(0, 7);
}

/**
 * The month's weeks, Monday to Sunday: each a row of seven dates, null where the day belongs to
 * the month before or after.
 */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const day = firstOf(month);
  // Monday-first: Sunday (0) is the seventh column.
  const leading = (day.getUTCDay() + 6) % 7;
  const cells: Array<string | null> = Array.from({ length: leading }, () => null);
  while (dateOf(day).startsWith(month)) {
    cells.push(dateOf(day));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
