import { expect, test } from 'vitest';
import { dispatchMessages } from './messages';
import { timeLeft } from './timeLeft';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

test.each([
  { left: 3 * minute + 7 * second + 900, ja: 'あと3分07秒', en: '3 min 07 s left' },
  { left: hour + 5 * minute + 59 * second, ja: 'あと1時間05分', en: '1 h 05 min left' },
  { left: 2 * day + 3 * hour + 10 * minute, ja: 'あと2日3時間', en: '2 d 3 h left' },
  { left: 999, ja: 'あと0分00秒', en: '0 min 00 s left' },
  { left: -5 * minute, ja: 'あと0分00秒', en: '0 min 00 s left' },
])('an offer with $left ms to go reads "$ja" / "$en"', ({ left, ja, en }) => {
  expect(dispatchMessages.ja.timeLeft(timeLeft(left))).toBe(ja);
  expect(dispatchMessages.en.timeLeft(timeLeft(left))).toBe(en);
});
