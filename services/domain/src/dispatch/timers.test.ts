import { describe, expect, test } from 'vitest';
import { earliest, type TimedPlan, timersOf } from './timers';

// A booking on Monday 27 April 2026, 10:00–12:00 in Tokyo (01:00–03:00 UTC).
const endsAt = '2026-04-27T03:00:00.000Z';
const reminder = (hoursBefore: number, at: string) => ({ hoursBefore, at });
const day = reminder(24, '2026-04-26T01:00:00.000Z');
const hour = reminder(1, '2026-04-27T00:00:00.000Z');
const reconfirmation = { askAt: '2026-04-24T01:00:00.000Z', cutoffAt: '2026-04-25T01:00:00.000Z' };
const keysOf = (plan: TimedPlan) => timersOf(plan).map((timer) => `${timer.key} ${timer.at}`);

describe('the timers of a confirmed booking, in the order they fall', () => {
  test.each<[string, TimedPlan, string[]]>([
    [
      'no reminder and no reconfirmation: only the end',
      { endsAt, reminders: [], reconfirmation: null },
      [`end ${endsAt}`],
    ],
    [
      'reminders given out of order fall in order, the end last',
      { endsAt, reminders: [hour, day], reconfirmation: null },
      [`reminder:24 ${day.at}`, `reminder:1 ${hour.at}`, `end ${endsAt}`],
    ],
    [
      'a reconfirmation asks three days before and releases at its cutoff, before the reminders',
      { endsAt, reminders: [day], reconfirmation },
      [
        `reconfirmation ${reconfirmation.askAt}`,
        `cutoff ${reconfirmation.cutoffAt}`,
        `reminder:24 ${day.at}`,
        `end ${endsAt}`,
      ],
    ],
    [
      'a reminder due at or after the end is dropped',
      {
        endsAt,
        reminders: [reminder(0, endsAt), reminder(-1, '2026-04-27T04:00:00.000Z'), hour],
        reconfirmation: null,
      },
      [`reminder:1 ${hour.at}`, `end ${endsAt}`],
    ],
  ])('%s', (_scenario, plan, expected) => {
    expect(keysOf(plan)).toEqual(expected);
  });

  test('the timers carry what their step needs: the hours before, the cutoff', () => {
    expect(timersOf({ endsAt, reminders: [day], reconfirmation })).toEqual([
      { key: 'reconfirmation', kind: 'reconfirmation', at: reconfirmation.askAt, cutoffAt: reconfirmation.cutoffAt },
      { key: 'cutoff', kind: 'cutoff', at: reconfirmation.cutoffAt },
      { key: 'reminder:24', kind: 'reminder', at: day.at, hoursBefore: 24 },
      { key: 'end', kind: 'end', at: endsAt },
    ]);
  });
});

describe('when a waiting workflow wakes: the earliest instant that is set', () => {
  test.each<[string, Array<string | null>, string | null]>([
    ['nothing set: it waits for a signal alone', [null, null], null],
    ['no instants at all', [], null],
    ['one set', [null, '2026-04-27T01:00:00.000Z'], '2026-04-27T01:00:00.000Z'],
    [
      'the offer deadline before the answer date and the start',
      ['2026-04-24T09:00:00.000Z', '2026-04-25T00:00:00.000Z', '2026-04-27T01:00:00.000Z'],
      '2026-04-24T09:00:00.000Z',
    ],
    [
      'instants in another offset compare as instants',
      ['2026-04-27T10:00:00+09:00', '2026-04-27T02:00:00Z'],
      '2026-04-27T01:00:00.000Z',
    ],
  ])('%s', (_scenario, instants, expected) => {
    expect(earliest(instants)).toBe(expected);
  });
});
