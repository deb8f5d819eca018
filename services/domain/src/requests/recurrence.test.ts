import { describe, expect, test } from 'vitest';
import { occurrences, seriesProblems, splitSeries, type WeeklySeries } from './recurrence';

const tuesdays: WeeklySeries = {
  weekday: 2,
  startTime: '13:00',
  endTime: '16:00',
  firstDate: '2026-04-01',
  lastDate: '2026-04-30',
};

describe('a city hall desk asks for an interpreter every Tuesday 13:00–16:00', () => {
  test('its occurrences fall on the Tuesdays between the dates, in Japan time', () => {
    const list = occurrences(tuesdays);
    expect(list.map((occurrence) => occurrence.date)).toEqual(['2026-04-07', '2026-04-14', '2026-04-21', '2026-04-28']);
    expect(list[0]?.startsAt.toISO()).toBe('2026-04-07T13:00:00.000+09:00');
    expect(list[0]?.endsAt.toUTC().toISO()).toBe('2026-04-07T07:00:00.000Z');
  });

  test('the first and last dates count when they are Tuesdays themselves', () => {
    expect(occurrences({ ...tuesdays, firstDate: '2026-04-07', lastDate: '2026-04-21' }).map((o) => o.date)).toEqual([
      '2026-04-07',
      '2026-04-14',
      '2026-04-21',
    ]);
  });

  test('changing the time from 21 April on keeps the earlier Tuesdays as they were', () => {
    const { before, after } = splitSeries(tuesdays, '2026-04-21', { startTime: '10:00', endTime: '12:00' });
    expect(before && occurrences(before).map((o) => `${o.date} ${o.startsAt.toFormat('HH:mm')}`)).toEqual([
      '2026-04-07 13:00',
      '2026-04-14 13:00',
    ]);
    expect(occurrences(after).map((o) => `${o.date} ${o.startsAt.toFormat('HH:mm')}`)).toEqual([
      '2026-04-21 10:00',
      '2026-04-28 10:00',
    ]);
  });

  test('changing from the very first date on replaces the whole series', () => {
    const { before, after } = splitSeries(tuesdays, '2026-04-01', { weekday: 4 });
    expect(before).toBeNull();
    expect(occurrences(after)[0]?.date).toBe('2026-04-02');
  });
});

describe('a series that cannot be used says which field is wrong', () => {
  test.each<[string, Partial<WeeklySeries>, keyof WeeklySeries, string]>([
    [
      'an end before the start',
      { startTime: '16:00', endTime: '13:00' },
      'endTime',
      'The end must be after the start.',
    ],
    ['an impossible time', { startTime: '25:00' }, 'startTime', 'Use a time as HH:mm.'],
    ['a weekday 8', { weekday: 8 }, 'weekday', 'Choose a day of the week.'],
    [
      'a last date before the first',
      { lastDate: '2026-03-01' },
      'lastDate',
      'The last date must not be before the first.',
    ],
    [
      'no Tuesday between the dates',
      { firstDate: '2026-04-08', lastDate: '2026-04-13' },
      'lastDate',
      'No such weekday falls between these dates.',
    ],
    ['two years of Tuesdays', { lastDate: '2028-04-30' }, 'lastDate', 'A series may have at most 53 occurrences.'],
  ])('%s', (_scenario, change, field, message) => {
    const problems = seriesProblems({ ...tuesdays, ...change });
    expect(problems.map((problem) => ({ field: problem.field, message: problem.message.en }))).toEqual([
      { field, message },
    ]);
  });

  test('a good series has no problems', () => {
    expect(seriesProblems(tuesdays)).toEqual([]);
  });
});
