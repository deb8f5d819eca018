import { fixedClock } from '@tsunagu/domain';
import { describe, expect, test } from 'vitest';
import { secondsUntilAllowed } from './throttling';

const now = fixedClock('2026-04-01T10:00:00').now();
const minutesAgo = (...minutes: number[]) => minutes.map((m) => now.minus({ minutes: m }).toJSDate());

describe('sign-in throttling arithmetic (5 failures in 15 minutes)', () => {
  test.each([
    ['no failure', minutesAgo(), 0],
    ['four recent failures', minutesAgo(1, 2, 3, 4), 0],
    ['five failures, the oldest 10 minutes ago: wait until it is 15 minutes old', minutesAgo(1, 2, 3, 4, 10), 5 * 60],
    ['five failures just now: wait the whole window', minutesAgo(0, 0, 0, 0, 0), 15 * 60],
    ['seven failures: the fifth most recent decides', minutesAgo(1, 2, 3, 4, 6, 12, 14), 9 * 60],
    ['five failures, one of them out of the window', minutesAgo(1, 2, 3, 4, 15), 0],
    ['old failures only', minutesAgo(20, 30, 40, 50, 60), 0],
  ])('%s', (_scenario, failures, expected) => {
    expect(secondsUntilAllowed(failures, 5, 15, now)).toBe(expected);
  });

  test('a wait in seconds rounds up, so it never says 0 while still refused', () => {
    const failures = [...minutesAgo(1, 2, 3, 4), now.minus({ minutes: 14, seconds: 59, milliseconds: 500 }).toJSDate()];
    expect(secondsUntilAllowed(failures, 5, 15, now)).toBe(1);
  });
});
