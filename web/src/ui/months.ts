import { todayInJapan } from '../jst';

/** `YYYY-MM`, this many months from this month in Japan (negative: back). */
export function monthFromNow(offset: number): string {
  const [year, month] = todayInJapan().split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month before this one: the one usually invoiced and paid. */
export const lastMonth = () => monthFromNow(-1);

/**
 * The months to choose from, newest first: two years back and two months ahead (a dispatch already
 * done can be invoiced at once). A select of our own, in the reader's language, because the
 * browser's month control writes the month in the browser's language, not the page's.
 */
export const choosableMonths = () => Array.from({ length: 27 }, (_, index) => monthFromNow(2 - index));

export function monthName(month: string, locale: 'ja' | 'en'): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  if (locale === 'ja') return `${year}年${number}月`;
  return new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, number - 1, 1),
  );
}

/** This calendar year in Japan and the ones before it, newest first: `count` in all. */
export const recentCalendarYears = (count: number) => {
  const year = Number(todayInJapan().slice(0, 4));
  return Array.from({ length: count }, (_, back) => year - back);
};
