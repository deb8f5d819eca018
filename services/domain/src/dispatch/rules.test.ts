import { describe, expect, test } from 'vitest';
import { defaultPolicy } from '../associations/policy';
import {
  answerDueAt,
  byHandRefusal,
  cancellationTerms,
  confirmedSchedule,
  needsReconfirmation,
  nextWaveStep,
  offerDeadline,
  pickWave,
  reportedTimesProblems,
  reportReminderTimes,
  screeningDecision,
} from './rules';

const at = (dateTime: string) => new Date(`${dateTime}:00+09:00`);
const iso = (date: Date) => new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('screening', () => {
  test.each([
    {
      scenario: 'a trusted organization’s ordinary request is approved at once',
      trusted: true,
      flags: [],
      auto: true,
      expected: 'auto_approve',
    },
    {
      scenario: 'an untrusted organization’s request waits for a coordinator',
      trusted: false,
      flags: [],
      auto: true,
      expected: 'screen',
    },
    {
      scenario: 'a trusted organization’s medical request is still screened',
      trusted: true,
      flags: ['medical'],
      auto: true,
      expected: 'screen',
    },
    {
      scenario: 'an urgent request from a trusted organization goes at once',
      trusted: true,
      flags: ['urgent_short_notice'],
      auto: true,
      expected: 'auto_approve',
    },
    {
      scenario: 'a policy that screens everything screens the trusted too',
      trusted: true,
      flags: [],
      auto: false,
      expected: 'screen',
    },
  ])('$scenario', ({ trusted, flags, auto, expected }) => {
    expect(screeningDecision({ organizationTrusted: trusted, flags }, { autoApproveTrusted: auto })).toBe(expected);
  });
});

describe('an offer’s response deadline shrinks as the date nears', () => {
  const offers = defaultPolicy.offers; // 48 h more than a week ahead, 24 h within a week, 4 h within two days
  test.each([
    {
      scenario: 'three weeks ahead: two days',
      now: '2027-03-01 10:00',
      start: '2027-03-22 10:00',
      due: '2027-03-03 10:00',
    },
    { scenario: 'five days ahead: a day', now: '2027-03-01 10:00', start: '2027-03-06 10:00', due: '2027-03-02 10:00' },
    {
      scenario: 'the day after tomorrow: four hours',
      now: '2027-03-01 10:00',
      start: '2027-03-03 09:00',
      due: '2027-03-01 14:00',
    },
    {
      scenario: 'six hours ahead: halfway to the start',
      now: '2027-03-01 10:00',
      start: '2027-03-01 16:00',
      due: '2027-03-01 13:00',
    },
    {
      scenario: 'twenty minutes ahead: still a quarter of an hour',
      now: '2027-03-01 10:00',
      start: '2027-03-01 10:20',
      due: '2027-03-01 10:15',
    },
  ])('$scenario', ({ now, start, due }) => {
    expect(iso(offerDeadline(at(now.replace(' ', 'T')), at(start.replace(' ', 'T')), offers))).toBe(due);
  });
});

describe('after a wave', () => {
  test.each([
    {
      scenario: 'candidates left and waves to spare: the next wave',
      wavesSent: 1,
      candidatesLeft: 3,
      widened: false,
      step: { kind: 'offer', wave: 2 },
    },
    {
      scenario: 'nobody left: widen the search',
      wavesSent: 1,
      candidatesLeft: 0,
      widened: false,
      step: { kind: 'widen' },
    },
    {
      scenario: 'every wave spent: widen the search',
      wavesSent: 3,
      candidatesLeft: 8,
      widened: false,
      step: { kind: 'widen' },
    },
    {
      scenario: 'widened, with waves to spare: offer again',
      wavesSent: 3,
      candidatesLeft: 2,
      widened: true,
      step: { kind: 'offer', wave: 4 },
    },
    {
      scenario: 'widened and nobody left: escalate',
      wavesSent: 4,
      candidatesLeft: 0,
      widened: true,
      step: { kind: 'escalate' },
    },
    {
      scenario: 'widened and every wave spent: escalate',
      wavesSent: 6,
      candidatesLeft: 5,
      widened: true,
      step: { kind: 'escalate' },
    },
  ])('$scenario', ({ wavesSent, candidatesLeft, widened, step }) => {
    expect(nextWaveStep({ wavesSent, maxWaves: 3, candidatesLeft, widened })).toEqual(step);
  });

  test('a wave goes to the best-ranked volunteers not yet asked', () => {
    expect(pickWave(['a', 'b', 'c', 'd', 'e'], new Set(['b', 'd']), 2)).toEqual(['a', 'c']);
    expect(pickWave(['a'], new Set(['a']), 5)).toEqual([]);
  });
});

describe('an answer date', () => {
  test('falls due at nine in the morning, Japan time, on that day', () => {
    expect(answerDueAt('2027-03-05').toISOString()).toBe('2027-03-05T00:00:00.000Z');
  });
});

describe('once confirmed', () => {
  const reminders = defaultPolicy.reminders; // 72, 24 and 2 hours before; reconfirm 48 h before, cutoff 24 h
  test('a request confirmed weeks ahead gets every reminder and a reconfirmation', () => {
    const schedule = confirmedSchedule(
      { startsAt: at('2027-03-22T10:00'), now: at('2027-03-01T10:00'), interpreting: true },
      reminders,
    );
    expect(schedule.reminders.map((reminder) => [reminder.hoursBefore, iso(reminder.at)])).toEqual([
      [72, '2027-03-19 10:00'],
      [24, '2027-03-21 10:00'],
      [2, '2027-03-22 08:00'],
    ]);
    expect(schedule.reconfirmation && iso(schedule.reconfirmation.askAt)).toBe('2027-03-20 10:00');
    expect(schedule.reconfirmation && iso(schedule.reconfirmation.cutoffAt)).toBe('2027-03-21 10:00');
  });

  test('a request confirmed the day before gets only the reminders still ahead, and no reconfirmation', () => {
    const schedule = confirmedSchedule(
      { startsAt: at('2027-03-22T10:00'), now: at('2027-03-21T12:00'), interpreting: true },
      reminders,
    );
    expect(schedule.reminders.map((reminder) => reminder.hoursBefore)).toEqual([2]);
    expect(schedule.reconfirmation).toBeNull();
  });

  test('a translation is reminded of but never reconfirmed', () => {
    const schedule = confirmedSchedule(
      { startsAt: at('2027-03-22T17:00'), now: at('2027-03-01T10:00'), interpreting: false },
      reminders,
    );
    expect(schedule.reminders).toHaveLength(3);
    expect(schedule.reconfirmation).toBeNull();
  });

  test.each([
    { scenario: 'booked a week ahead: must reconfirm', booked: '2027-03-15T10:00', interpreting: true, needs: true },
    {
      scenario: 'booked within the reconfirmation window: accepting was enough',
      booked: '2027-03-20T18:00',
      interpreting: true,
      needs: false,
    },
    { scenario: 'a translation: never', booked: '2027-03-01T10:00', interpreting: false, needs: false },
  ])('$scenario', ({ booked, interpreting, needs }) => {
    expect(needsReconfirmation(at(booked), at('2027-03-22T10:00'), reminders, interpreting)).toBe(needs);
  });
});

describe('a cancellation', () => {
  const policy = defaultPolicy.cancellation; // within 24 h: 100 %, within 48 h: 50 %
  test.each([
    { scenario: 'a week ahead owes nothing', now: '2027-03-15T10:00', noticeHours: 168, feePercent: 0 },
    { scenario: 'exactly two days ahead owes nothing', now: '2027-03-20T10:00', noticeHours: 48, feePercent: 0 },
    { scenario: 'thirty hours ahead owes half', now: '2027-03-21T04:00', noticeHours: 30, feePercent: 50 },
    { scenario: 'the evening before owes all', now: '2027-03-21T20:30', noticeHours: 13, feePercent: 100 },
    { scenario: 'after the start owes all, with no notice', now: '2027-03-22T11:00', noticeHours: 0, feePercent: 100 },
  ])('$scenario', ({ now, noticeHours, feePercent }) => {
    expect(cancellationTerms(at(now), at('2027-03-22T10:00'), policy)).toEqual({ noticeHours, feePercent });
  });

  test('a policy without tiers never owes a fee', () => {
    expect(cancellationTerms(at('2027-03-22T09:00'), at('2027-03-22T10:00'), { feeTiers: [] }).feePercent).toBe(0);
  });
});

describe('activity reports', () => {
  test('are asked for again every two days, three times, and then are overdue', () => {
    const { reminders, overdueAt } = reportReminderTimes(at('2027-03-22T12:00'), defaultPolicy.reports);
    expect(reminders.map(iso)).toEqual(['2027-03-24 12:00', '2027-03-26 12:00', '2027-03-28 12:00']);
    expect(iso(overdueAt)).toBe('2027-03-30 12:00');
  });
});

describe('the times a volunteer reports', () => {
  // Booked on Tuesday 30 March 2027, 10:00–12:00, the last day of FY2026; reported on 2 April.
  const booked = { from: at('2027-03-30T10:00'), until: at('2027-03-30T12:00') };
  const now = at('2027-04-02T09:00');
  const reports = { ...defaultPolicy.reports, activityWindowDays: 1 };
  test.each([
    { scenario: 'as booked', start: '2027-03-30T10:00', end: '2027-03-30T12:00', problems: [] },
    { scenario: 'it ran late into the evening', start: '2027-03-30T10:00', end: '2027-03-30T21:30', problems: [] },
    {
      scenario: 'it was moved to the day before, at the earliest',
      start: '2027-03-29T00:00',
      end: '2027-03-29T02:00',
      problems: [],
    },
    {
      scenario: 'it ran past midnight into the next day',
      start: '2027-03-31T22:00',
      end: '2027-04-01T00:00',
      problems: [],
    },
    {
      scenario: 'months before the booking (into the previous quarter)',
      start: '2026-12-01T10:00',
      end: '2026-12-01T12:00',
      problems: ['actualStart', 'actualEnd'],
    },
    {
      scenario: 'two days before the booking',
      start: '2027-03-28T23:00',
      end: '2027-03-29T01:00',
      problems: ['actualStart'],
    },
    {
      scenario: 'ending on the second day after, in the next fiscal year',
      start: '2027-03-30T10:00',
      end: '2027-04-01T00:01',
      problems: ['actualEnd'],
    },
    {
      scenario: 'an activity still to come',
      start: '2027-04-02T10:00',
      end: '2027-04-02T12:00',
      problems: ['actualStart', 'actualEnd'],
    },
  ])('$scenario: $problems', ({ start, end, problems }) => {
    const found = reportedTimesProblems({ actualStart: at(start), actualEnd: at(end) }, booked, reports, now);
    expect(found.map((problem) => problem.path.join('.'))).toEqual(problems);
  });

  test('the message says the window in both languages; a report ahead of time is told so', () => {
    const [outside] = reportedTimesProblems(
      { actualStart: at('2026-12-01T10:00'), actualEnd: at('2027-03-30T12:00') },
      booked,
      reports,
      now,
    );
    expect(outside?.message).toEqual({
      en: 'Use a time from 29 March 2027 to 31 March 2027 (Japan time): the booked days and a day either side.',
      ja: '2027年3月29日から2027年3月31日までの日時を入力してください（予約日とその前後1日）。',
    });
    const [ahead] = reportedTimesProblems(
      { actualStart: at('2027-04-02T10:00'), actualEnd: at('2027-04-02T12:00') },
      { from: at('2027-04-02T10:00'), until: at('2027-04-02T12:00') },
      reports,
      at('2027-04-02T10:30'),
    );
    expect(ahead?.message.ja).toBe('これからの日時は報告できません。');
  });

  test('with no days either side, only the booked days count; a translation counts from its booking to its deadline', () => {
    const strict = { ...reports, activityWindowDays: 0 };
    expect(
      reportedTimesProblems(
        { actualStart: at('2027-03-29T23:00'), actualEnd: at('2027-03-30T12:00') },
        booked,
        strict,
        now,
      ).map((problem) => problem.path[0]),
    ).toEqual(['actualStart']);
    const translation = { from: at('2027-03-01T15:00'), until: at('2027-03-20T17:00') };
    expect(
      reportedTimesProblems(
        { actualStart: at('2027-03-05T09:00'), actualEnd: at('2027-03-19T18:00') },
        translation,
        strict,
        now,
      ),
    ).toEqual([]);
  });
});

describe('a coordinator’s offer or booking by hand', () => {
  const nobody = { booked: false, offered: false };
  test.each([
    { scenario: 'an open request, to someone new', status: 'open', volunteer: nobody, offer: null, assign: null },
    {
      scenario: 'to the volunteer already booked for it',
      status: 'open',
      volunteer: { booked: true, offered: false },
      offer: 'already_assigned',
      assign: 'already_assigned',
    },
    {
      scenario: 'to the volunteer who has its offer: booking them settles it',
      status: 'open',
      volunteer: { booked: false, offered: true },
      offer: 'already_offered',
      assign: null,
    },
    {
      scenario: 'a request with everyone it needs',
      status: 'filled',
      volunteer: nobody,
      offer: 'full',
      assign: 'full',
    },
    {
      scenario: 'a request waiting for screening',
      status: 'filed',
      volunteer: nobody,
      offer: 'closed',
      assign: 'closed',
    },
    { scenario: 'a cancelled request', status: 'cancelled', volunteer: nobody, offer: 'closed', assign: 'closed' },
  ] as const)('$scenario', ({ status, volunteer, offer, assign }) => {
    expect(byHandRefusal('offer', status, volunteer)).toBe(offer);
    expect(byHandRefusal('assign', status, volunteer)).toBe(assign);
  });
});
