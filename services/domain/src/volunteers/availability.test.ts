import { describe, expect, test } from 'vitest';
import { availabilityProblems, dayOffProblems, findOverlaps, isDayOff, type WeeklyWindow } from './availability';

const monday = 1;
const tuesday = 2;
const at = (hours: number, minutes = 0) => hours * 60 + minutes;
const window = (weekday: number, start: number, end: number): WeeklyWindow => ({
  weekday,
  startMinute: start,
  endMinute: end,
});

describe('overlapping availability windows', () => {
  test.each([
    {
      scenario: 'a morning and an afternoon that meet at noon do not overlap',
      windows: [window(monday, at(9), at(12)), window(monday, at(12), at(15))],
      overlaps: [],
    },
    {
      scenario: 'the same hours on Monday and on Tuesday do not overlap',
      windows: [window(monday, at(9), at(17)), window(tuesday, at(9), at(17))],
      overlaps: [],
    },
    {
      scenario: 'a morning that runs past the start of the afternoon overlaps it',
      windows: [window(monday, at(9), at(12, 30)), window(monday, at(12), at(15))],
      overlaps: [[0, 1]],
    },
    {
      scenario: 'a short window inside a long one overlaps it, whatever order they were typed in',
      windows: [window(monday, at(13), at(14)), window(monday, at(9), at(17))],
      overlaps: [[1, 0]],
    },
    {
      scenario: 'a window after a long one is compared with the long one, not only with its neighbour',
      windows: [window(monday, at(8), at(18)), window(monday, at(9), at(10)), window(monday, at(11), at(12))],
      overlaps: [
        [0, 1],
        [0, 2],
      ],
    },
    {
      scenario: 'the same window typed twice overlaps itself',
      windows: [window(tuesday, at(18), at(21)), window(tuesday, at(18), at(21))],
      overlaps: [[0, 1]],
    },
    { scenario: 'no windows at all have no overlaps', windows: [], overlaps: [] },
  ])('$scenario', ({ windows, overlaps }) => {
    expect(findOverlaps(windows)).toEqual(overlaps);
  });
});

describe('saving a weekly availability', () => {
  test.each([
    {
      scenario: 'a whole day, from midnight to midnight, is fine',
      windows: [window(7, 0, 1440)],
      problems: [],
    },
    {
      scenario: 'a window that ends before it starts names its end',
      windows: [window(monday, at(9), at(12)), window(tuesday, at(15), at(13))],
      problems: [{ path: ['1', 'endMinute'], message: 'The window must end after it starts.' }],
    },
    {
      scenario: 'a window that ends when it starts is empty, and refused',
      windows: [window(monday, at(9), at(9))],
      problems: [{ path: ['0', 'endMinute'], message: 'The window must end after it starts.' }],
    },
    {
      scenario: 'a window past midnight is refused (split it over two days)',
      windows: [window(monday, at(22), 1500)],
      problems: [{ path: ['0', 'endMinute'], message: 'End between 00:01 and 24:00.' }],
    },
    {
      scenario: 'a start before midnight of the day is refused',
      windows: [window(monday, -30, at(9))],
      problems: [{ path: ['0', 'startMinute'], message: 'Start between 00:00 and 23:59.' }],
    },
    {
      scenario: 'a weekday that is not 1 (Monday) to 7 (Sunday) is refused',
      windows: [window(0, at(9), at(12)), window(8, at(9), at(12))],
      problems: [
        { path: ['0', 'weekday'], message: 'Use 1 (Monday) to 7 (Sunday).' },
        { path: ['1', 'weekday'], message: 'Use 1 (Monday) to 7 (Sunday).' },
      ],
    },
    {
      scenario: 'overlapping windows name the later one and the window it overlaps',
      windows: [window(monday, at(9), at(12)), window(tuesday, at(9), at(12)), window(monday, at(11), at(14))],
      problems: [{ path: ['2', 'startMinute'], message: 'Overlaps 09:00–12:00 on Monday.' }],
    },
  ])('$scenario', ({ windows, problems }) => {
    const inEnglish = availabilityProblems(windows).map((problem) => ({ ...problem, message: problem.message.en }));
    expect(inEnglish).toEqual(problems);
  });

  test('an overlap is named in Japanese too, with the weekday in Japanese', () => {
    const [problem] = availabilityProblems([
      { weekday: 1, startMinute: 540, endMinute: 720 },
      { weekday: 1, startMinute: 600, endMinute: 780 },
    ]);
    expect(problem?.message).toEqual({
      en: 'Overlaps 09:00–12:00 on Monday.',
      ja: '月曜日の 09:00–12:00 と重なっています。',
    });
  });
});

describe('days off', () => {
  const obon = { startsOn: '2026-08-13', endsOn: '2026-08-16' };

  test.each([
    { scenario: 'the first day of the range is off', date: '2026-08-13', off: true },
    { scenario: 'the last day of the range is off', date: '2026-08-16', off: true },
    { scenario: 'the day before the range is not off', date: '2026-08-12', off: false },
    { scenario: 'the day after the range is not off', date: '2026-08-17', off: false },
  ])('$scenario', ({ date, off }) => {
    expect(isDayOff([obon], date)).toBe(off);
  });

  test('a single day off starts and ends on the same date', () => {
    expect(dayOffProblems([{ startsOn: '2026-05-01', endsOn: '2026-05-01' }])).toEqual([]);
    expect(isDayOff([{ startsOn: '2026-05-01', endsOn: '2026-05-01' }], '2026-05-01')).toBe(true);
  });

  test('a range whose last day comes before its first is refused, naming its end', () => {
    expect(dayOffProblems([obon, { startsOn: '2026-12-31', endsOn: '2026-12-29' }])).toEqual([
      {
        path: ['1', 'endsOn'],
        message: {
          en: 'The last day off cannot come before the first.',
          ja: '休みの最終日は初日以降にしてください。',
        },
      },
    ]);
  });
});
