import { DateTime } from 'luxon';
import { tokyo } from '../clock';
import type { Localized } from '../errors';

/**
 * A weekly series, such as "every Tuesday 13:00–16:00 at the city hall desk from 2026-04-07 to
 * 2026-09-29". Times are wall-clock times in Asia/Tokyo.
 */
export interface WeeklySeries {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  startTime: string;
  endTime: string;
  firstDate: string;
  lastDate: string;
}

export interface Occurrence {
  date: string;
  startsAt: DateTime;
  endsAt: DateTime;
}

/** No series runs longer than a year of weeks: a longer one is almost surely a typing error. */
export const maxOccurrences = 53;

/** The occurrences of a series, in order. The series is assumed valid (see `seriesProblems`). */
export function occurrences(series: WeeklySeries): Occurrence[] {
  const first = DateTime.fromISO(series.firstDate, { zone: tokyo });
  const last = DateTime.fromISO(series.lastDate, { zone: tokyo });
  const offset = (series.weekday - first.weekday + 7) % 7;
  const result: Occurrence[] = [];
  for (
    let day = first.plus({ days: offset });
    day <= last && result.length < maxOccurrences;
    day = day.plus({ weeks: 1 })
  ) {
    const date = day.toISODate() ?? '';
    result.push({ date, startsAt: at(date, series.startTime), endsAt: at(date, series.endTime) });
  }
  return result;
}

function at(date: string, time: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone: tokyo });
}

/** What is wrong with a series, by field; empty when it can be used. */
export function seriesProblems(series: WeeklySeries): Array<{ field: keyof WeeklySeries; message: Localized }> {
  const problems: Array<{ field: keyof WeeklySeries; message: Localized }> = [];
  if (!Number.isInteger(series.weekday) || series.weekday < 1 || series.weekday > 7) {
    problems.push({ field: 'weekday', message: { en: 'Choose a day of the week.', ja: '曜日を選んでください。' } });
  }
  for (const field of ['startTime', 'endTime'] as const) {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(series[field])) {
      problems.push({ field, message: { en: 'Use a time as HH:mm.', ja: '時刻は HH:mm の形で入力してください。' } });
    }
  }
  if (problems.length === 0 && series.endTime <= series.startTime) {
    problems.push({
      field: 'endTime',
      message: { en: 'The end must be after the start.', ja: '終了時刻は開始時刻より後にしてください。' },
    });
  }
  for (const field of ['firstDate', 'lastDate'] as const) {
    if (!DateTime.fromISO(series[field], { zone: tokyo }).isValid)
      problems.push({
        field,
        message: { en: 'Use a date as YYYY-MM-DD.', ja: '日付は YYYY-MM-DD の形で入力してください。' },
      });
  }
  if (problems.length === 0) {
    if (series.lastDate < series.firstDate) {
      problems.push({
        field: 'lastDate',
        message: { en: 'The last date must not be before the first.', ja: '最終日は初回の日付以降にしてください。' },
      });
    } else if (occurrences(series).length === 0) {
      problems.push({
        field: 'lastDate',
        message: { en: 'No such weekday falls between these dates.', ja: 'この期間に該当する曜日がありません。' },
      });
    } else if (
      DateTime.fromISO(series.lastDate).diff(DateTime.fromISO(series.firstDate), 'weeks').weeks >= maxOccurrences
    ) {
      problems.push({
        field: 'lastDate',
        message: {
          en: `A series may have at most ${maxOccurrences} occurrences.`,
          ja: `繰り返しの依頼は${maxOccurrences}回までにしてください。`,
        },
      });
    }
  }
  return problems;
}

/**
 * "From this date on": the series ends the day before `fromDate`, and a new one with the changed
 * times (or weekday) begins on it. Occurrences before `fromDate` keep their own settings.
 */
export function splitSeries(
  series: WeeklySeries,
  fromDate: string,
  change: Partial<Pick<WeeklySeries, 'weekday' | 'startTime' | 'endTime' | 'lastDate'>>,
): { before: WeeklySeries | null; after: WeeklySeries } {
  const dayBefore = DateTime.fromISO(fromDate, { zone: tokyo }).minus({ days: 1 }).toISODate() ?? fromDate;
  const before = fromDate > series.firstDate ? { ...series, lastDate: dayBefore } : null;
  return {
    before: before && occurrences(before).length > 0 ? before : null,
    after: { ...series, ...change, firstDate: fromDate },
  };
}
