import type { Localized } from '../errors';

/**
 * A volunteer's weekly availability and days off. Windows are minutes after midnight Asia/Tokyo on
 * an ISO weekday (1 = Monday … 7 = Sunday); days off are inclusive ranges of calendar dates.
 */

export const minutesPerDay = 1440;

export interface WeeklyWindow {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface DayOffRange {
  /** YYYY-MM-DD, inclusive. */
  startsOn: string;
  /** YYYY-MM-DD, inclusive. */
  endsOn: string;
}

/** A problem with one entry of a list, its path relative to the list: `["2", "endMinute"]`. */
export interface EntryProblem {
  path: string[];
  message: Localized;
}

const weekdayNames: Localized[] = [
  { en: '', ja: '' },
  { en: 'Monday', ja: '月曜日' },
  { en: 'Tuesday', ja: '火曜日' },
  { en: 'Wednesday', ja: '水曜日' },
  { en: 'Thursday', ja: '木曜日' },
  { en: 'Friday', ja: '金曜日' },
  { en: 'Saturday', ja: '土曜日' },
  { en: 'Sunday', ja: '日曜日' },
];

/** 540 → "09:00"; 1440 → "24:00". */
export function formatMinute(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * Windows of one weekday that share time, as pairs of indexes `[earlier, later]` into the list.
 * Windows that only touch (09:00–12:00 and 12:00–15:00) do not overlap. Each later window is
 * paired with one earlier window it overlaps, which is enough to name it to the volunteer.
 */
export function findOverlaps(windows: readonly WeeklyWindow[]): Array<[number, number]> {
  const byDayAndStart = windows
    .map((window, index) => ({ window, index }))
    .sort((a, b) => a.window.weekday - b.window.weekday || a.window.startMinute - b.window.startMinute);
  const overlaps: Array<[number, number]> = [];
  let reaching: { window: WeeklyWindow; index: number } | undefined;
  for (const current of byDayAndStart) {
    if (reaching && reaching.window.weekday === current.window.weekday) {
      if (current.window.startMinute < reaching.window.endMinute) overlaps.push([reaching.index, current.index]);
      if (current.window.endMinute > reaching.window.endMinute) reaching = current;
    } else {
      reaching = current;
    }
  }
  return overlaps;
}

/** What is wrong with a weekly availability, entry by entry; empty when it can be saved. */
export function availabilityProblems(windows: readonly WeeklyWindow[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  windows.forEach((window, index) => {
    const at = (field: keyof WeeklyWindow, message: Localized) =>
      problems.push({ path: [String(index), field], message });
    if (!Number.isInteger(window.weekday) || window.weekday < 1 || window.weekday > 7) {
      at('weekday', { en: 'Use 1 (Monday) to 7 (Sunday).', ja: '1（月曜日）〜7（日曜日）で入力してください。' });
    }
    if (!Number.isInteger(window.startMinute) || window.startMinute < 0 || window.startMinute >= minutesPerDay) {
      at('startMinute', { en: 'Start between 00:00 and 23:59.', ja: '開始は 00:00〜23:59 にしてください。' });
    }
    if (!Number.isInteger(window.endMinute) || window.endMinute <= 0 || window.endMinute > minutesPerDay) {
      at('endMinute', { en: 'End between 00:01 and 24:00.', ja: '終了は 00:01〜24:00 にしてください。' });
    } else if (window.endMinute <= window.startMinute) {
      at('endMinute', { en: 'The window must end after it starts.', ja: '終了時刻は開始時刻より後にしてください。' });
    }
  });
  if (problems.length > 0) return problems;
  return findOverlaps(windows).map(([earlier, later]) => {
    const other = windows[earlier] as WeeklyWindow;
    const span = `${formatMinute(other.startMinute)}–${formatMinute(other.endMinute)}`;
    const weekday = weekdayNames[other.weekday] as Localized;
    return {
      path: [String(later), 'startMinute'],
      message: {
        en: `Overlaps ${span} on ${weekday.en}.`,
        ja: `${weekday.ja}の ${span} と重なっています。`,
      },
    };
  });
}

/** Days off whose end comes before their start, entry by entry. */
export function dayOffProblems(ranges: readonly DayOffRange[]): EntryProblem[] {
  return ranges.flatMap((range, index) =>
    // YYYY-MM-DD dates compare as strings.
    range.endsOn < range.startsOn
      ? [
          {
            path: [String(index), 'endsOn'],
            message: {
              en: 'The last day off cannot come before the first.',
              ja: '休みの最終日は初日以降にしてください。',
            },
          },
        ]
      : [],
  );
}

/** Whether a date (YYYY-MM-DD) falls in one of the ranges, both ends included. */
export function isDayOff(ranges: readonly DayOffRange[], date: string): boolean {
  return ranges.some((range) => range.startsOn <= date && date <= range.endsOn);
}
