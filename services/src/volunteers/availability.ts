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
  message: string;
}

const weekdayNames = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

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
    const at = (field: keyof WeeklyWindow, message: string) => problems.push({ path: [String(index), field], message });
    if (!Number.isInteger(window.weekday) || window.weekday < 1 || window.weekday > 7) {
      at('weekday', 'Use 1 (Monday) to 7 (Sunday).');
    }
    if (!Number.isInteger(window.startMinute) || window.startMinute < 0 || window.startMinute >= minutesPerDay) {
      at('startMinute', 'Start between 00:00 and 23:59.');
    }
    if (!Number.isInteger(window.endMinute) || window.endMinute <= 0 || window.endMinute > minutesPerDay) {
      at('endMinute', 'End between 00:01 and 24:00.');
    } else if (window.endMinute <= window.startMinute) {
      at('endMinute', 'The window must end after it starts.');
    }
  });
  if (problems.length > 0) return problems;
  return findOverlaps(windows).map(([earlier, later]) => {
    const other = windows[earlier] as WeeklyWindow;
    return {
      path: [String(later), 'startMinute'],
      message: `Overlaps ${formatMinute(other.startMinute)}–${formatMinute(other.endMinute)} on ${weekdayNames[other.weekday]}.`,
    };
  });
}

/** Days off whose end comes before their start, entry by entry. */
export function dayOffProblems(ranges: readonly DayOffRange[]): EntryProblem[] {
  return ranges.flatMap((range, index) =>
    // YYYY-MM-DD dates compare as strings.
    range.endsOn < range.startsOn
      ? [{ path: [String(index), 'endsOn'], message: 'The last day off cannot come before the first.' }]
      : [],
  );
}

/** Whether a date (YYYY-MM-DD) falls in one of the ranges, both ends included. */
export function isDayOff(ranges: readonly DayOffRange[], date: string): boolean {
  return ranges.some((range) => range.startsOn <= date && date <= range.endsOn);
}
