import { DateTime } from 'luxon';
import { tokyo } from './clock';

/**
 * The national holidays, as ISO dates (YYYY-MM-DD). A caller that also follows office closures
 * (the year-end days of 29 December to 3 January are closures, not national holidays) adds those
 * dates to the set.
 */
export type Holidays = ReadonlySet<string>;

/** A calendar date in Japan, YYYY-MM-DD. */
function day(text: string): DateTime {
  const parsed = DateTime.fromISO(text, { zone: tokyo });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !parsed.isValid) throw new RangeError(`not an ISO date: ${text}`);
  return parsed;
}

const isoDate = (date: DateTime) => date.toFormat('yyyy-MM-dd');

function isOpen(date: DateTime, holidays: Holidays): boolean {
  return date.weekday <= 5 && !holidays.has(isoDate(date));
}

/** Whether a date is a business day: a weekday that is not a holiday. */
export function isBusinessDay(date: string, holidays: Holidays): boolean {
  return isOpen(day(date), holidays);
}

/**
 * The date `n` business days after `from` (before it when `n` is negative); `from` itself when `n`
 * is 0. A lead time of two business days from a Friday ends on the Tuesday.
 */
export function addBusinessDays(from: string, n: number, holidays: Holidays): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of business days: ${n}`);
  const step = Math.sign(n);
  let date = day(from);
  for (let left = Math.abs(n); left > 0; ) {
    date = date.plus({ days: step });
    if (isOpen(date, holidays)) left--;
  }
  return isoDate(date);
}

/**
 * How many business days lie after `a`, up to and including `b`; when `b` is before `a`, minus those
 * from `b` up to but not including `a`. So `businessDaysBetween(a, addBusinessDays(a, n)) === n`.
 */
export function businessDaysBetween(a: string, b: string, holidays: Holidays): number {
  const start = day(a);
  const end = day(b);
  if (end < start) return -countOpen(end.minus({ days: 1 }), start.minus({ days: 1 }), holidays);
  return countOpen(start, end, holidays);
}

/** Business days in the half-open range (after, through]. */
function countOpen(after: DateTime, through: DateTime, holidays: Holidays): number {
  let count = 0;
  for (let date = after.plus({ days: 1 }); date <= through; date = date.plus({ days: 1 })) {
    if (isOpen(date, holidays)) count++;
  }
  return count;
}

/** The Japanese fiscal year (April to March) of an instant, read in Tokyo: FY2025 ends on 2026-03-31. */
export function fiscalYearOf(dateTime: DateTime): number {
  const inTokyo = dateTime.setZone(tokyo);
  return inTokyo.month >= 4 ? inTokyo.year : inTokyo.year - 1;
}
