import { describe, expect, test } from 'vitest';
import { fromInstant, isoWeekday, minutesToTime, timeToMinutes, todayInJapan, toInstant } from './jst';

describe('Japan time in forms', () => {
  test('a date and time typed in a form are Japan time, whatever zone the device is in', () => {
    expect(toInstant('2026-05-12', '13:00')).toBe('2026-05-12T13:00:00+09:00');
    expect(toInstant('2026-05-12', '')).toBeNull();
    expect(toInstant('12/05/2026', '13:00')).toBeNull();
  });

  test('an instant from the API shows as the day and time in Japan, across midnight UTC', () => {
    expect(fromInstant('2026-05-12T13:00:00+09:00')).toEqual({ date: '2026-05-12', time: '13:00' });
    expect(fromInstant('2026-05-11T16:30:00Z')).toEqual({ date: '2026-05-12', time: '01:30' });
  });

  test('today in Japan is already tomorrow late in the evening in London', () => {
    expect(todayInJapan(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04-01');
  });

  test('weekdays count from Monday', () => {
    expect(isoWeekday('2026-05-11')).toBe(1);
    expect(isoWeekday('2026-05-17')).toBe(7);
  });

  test('availability minutes and clock times convert both ways, up to the end of the day', () => {
    expect(minutesToTime(540)).toBe('09:00');
    expect(minutesToTime(1440)).toBe('24:00');
    expect(timeToMinutes('13:30')).toBe(810);
    expect(timeToMinutes('24:00')).toBe(1440);
    expect(timeToMinutes('25:00')).toBeNull();
    expect(timeToMinutes('9:00')).toBeNull();
  });
});
