import { describe, expect, test } from 'vitest';
import {
  nextReminderRunAt,
  type PaperworkPolicy,
  paperworkHolds,
  paperworkSchema,
  paperworkStanding,
  registrationExpiryAfterRenewal,
  renewalRemindersDue,
  type VolunteerPapers,
} from './paperwork';

describe('renewing a registration', () => {
  test.each([
    { scenario: 'renewed at the start of the fiscal year', renewedOn: '2026-04-01', expiresOn: '2027-04-01' },
    { scenario: 'renewed at the end of the year', renewedOn: '2026-12-31', expiresOn: '2027-12-31' },
    { scenario: 'renewed on a leap day', renewedOn: '2028-02-29', expiresOn: '2029-02-28' },
  ])('$scenario runs for a year', ({ renewedOn, expiresOn }) => {
    expect(registrationExpiryAfterRenewal(renewedOn)).toBe(expiresOn);
  });
});

describe('who is reminded to renew their registration today', () => {
  const today = '2026-06-01';
  test.each([
    {
      scenario: 'expiring in exactly 30 days: the first reminder',
      expiresOn: '2026-07-01',
      reminder: 30,
      daysLeft: 30,
    },
    { scenario: 'expiring in 31 days: not yet', expiresOn: '2026-07-02', reminder: null, daysLeft: 31 },
    { scenario: 'expiring in 8 days: still the first reminder', expiresOn: '2026-06-09', reminder: 30, daysLeft: 8 },
    { scenario: 'expiring in exactly 7 days: the second reminder', expiresOn: '2026-06-08', reminder: 7, daysLeft: 7 },
    { scenario: 'expiring today: still the second reminder', expiresOn: '2026-06-01', reminder: 7, daysLeft: 0 },
    {
      scenario: 'expired yesterday: no reminder, it has lapsed',
      expiresOn: '2026-05-31',
      reminder: null,
      daysLeft: -1,
    },
  ])('$scenario', ({ expiresOn, reminder, daysLeft }) => {
    const due = renewalRemindersDue(
      [{ id: 'v1', registrationExpiresOn: expiresOn, insuranceEnrolledUntil: null }],
      today,
    );
    expect(due).toEqual(
      reminder === null
        ? []
        : [
            {
              volunteerId: 'v1',
              item: 'registration',
              expiresOn,
              reminder,
              daysLeft,
              dedupeKey: `registration-renewal:v1:${expiresOn}:${reminder}`,
            },
          ],
    );
  });

  test('a volunteer without a registration date is not reminded', () => {
    expect(
      renewalRemindersDue([{ id: 'v2', registrationExpiresOn: null, insuranceEnrolledUntil: null }], today),
    ).toEqual([]);
  });

  test('a daily run that missed the exact day still reminds, under the same key as on the day', () => {
    const onTheDay = renewalRemindersDue(
      [{ id: 'v3', registrationExpiresOn: '2026-07-01', insuranceEnrolledUntil: null }],
      '2026-06-01',
    );
    const dayLate = renewalRemindersDue(
      [{ id: 'v3', registrationExpiresOn: '2026-07-01', insuranceEnrolledUntil: null }],
      '2026-06-02',
    );
    expect(dayLate[0]?.dedupeKey).toBe(onTheDay[0]?.dedupeKey);
  });

  test('only those due are listed, out of many', () => {
    const due = renewalRemindersDue(
      [
        { id: 'soon', registrationExpiresOn: '2026-06-05', insuranceEnrolledUntil: null },
        { id: 'later', registrationExpiresOn: '2027-06-01', insuranceEnrolledUntil: null },
        { id: 'month', registrationExpiresOn: '2026-06-20', insuranceEnrolledUntil: null },
      ],
      today,
    );
    expect(due.map((reminder) => [reminder.volunteerId, reminder.reminder])).toEqual([
      ['soon', 7],
      ['month', 30],
    ]);
  });
});

describe('insurance is reminded like the registration, each under its own key', () => {
  test('a volunteer whose registration and insurance both run out soon gets a reminder for each', () => {
    const due = renewalRemindersDue(
      [{ id: 'v4', registrationExpiresOn: '2026-06-20', insuranceEnrolledUntil: '2026-06-05' }],
      '2026-06-01',
    );
    expect(due.map((reminder) => [reminder.item, reminder.reminder, reminder.dedupeKey])).toEqual([
      ['registration', 30, 'registration-renewal:v4:2026-06-20:30'],
      ['insurance', 7, 'insurance-renewal:v4:2026-06-05:7'],
    ]);
  });

  test('after a renewal the new expiry is a year away: nothing is due', () => {
    const renewed = registrationExpiryAfterRenewal('2026-06-02');
    expect(
      renewalRemindersDue([{ id: 'v5', registrationExpiresOn: renewed, insuranceEnrolledUntil: null }], '2026-06-02'),
    ).toEqual([]);
  });
});

describe('how a volunteer’s papers stand, and which keep them out of matching', () => {
  const papers: VolunteerPapers = {
    registrationExpiresOn: '2026-06-30',
    insuranceEnrolledUntil: '2027-03-31',
    confidentialityPledgeSignedAt: new Date('2026-04-01T10:00:00+09:00'),
  };
  const everything: PaperworkPolicy = { requireRegistration: true, requireInsurance: true, requirePledge: true };

  test.each([
    {
      scenario: 'Monday 1 June 2026, a month before the registration ends',
      today: '2026-06-01',
      registration: 'dueSoon',
      daysLeft: 29,
    },
    {
      scenario: 'on its last day it is still due, not lapsed',
      today: '2026-06-30',
      registration: 'dueSoon',
      daysLeft: 0,
    },
    { scenario: 'the day after, it has lapsed', today: '2026-07-01', registration: 'lapsed', daysLeft: -1 },
    { scenario: 'in April, well ahead', today: '2026-04-27', registration: 'valid', daysLeft: 64 },
  ])('$scenario', ({ today, registration, daysLeft }) => {
    expect(paperworkStanding(papers, today)[0]).toEqual({
      item: 'registration',
      state: registration,
      validUntil: '2026-06-30',
      daysLeft,
    });
  });

  test('nothing recorded is missing, the pledge included', () => {
    expect(
      paperworkStanding(
        { registrationExpiresOn: null, insuranceEnrolledUntil: null, confidentialityPledgeSignedAt: null },
        '2026-06-01',
      ).map((standing) => standing.state),
    ).toEqual(['missing', 'missing', 'missing']);
  });

  test.each([
    {
      scenario: 'a policy that asks for nothing holds nobody back',
      policy: { requireRegistration: false, requireInsurance: false, requirePledge: false },
      workDay: '2026-07-15',
      holds: [],
    },
    {
      scenario: 'work after the registration lapsed, the registration required',
      policy: { ...everything, requireInsurance: false, requirePledge: false },
      workDay: '2026-07-15',
      holds: ['registration'],
    },
    { scenario: 'work on the registration’s last day', policy: everything, workDay: '2026-06-30', holds: [] },
    {
      scenario: 'the same lapse, but only insurance required',
      policy: { requireRegistration: false, requireInsurance: true, requirePledge: false },
      workDay: '2026-07-15',
      holds: [],
    },
    {
      scenario: 'work after the insurance ended',
      policy: everything,
      workDay: '2027-04-01',
      holds: ['registration', 'insurance'],
    },
  ])('$scenario', ({ policy, workDay, holds }) => {
    expect(paperworkHolds(papers, policy, workDay)).toEqual(holds);
  });

  test('a pledge never signed holds the volunteer back when the pledge is required', () => {
    expect(paperworkHolds({ ...papers, confidentialityPledgeSignedAt: null }, everything, '2026-06-01')).toEqual([
      'pledge',
    ]);
  });
});

describe('what a coordinator records', () => {
  test('an empty form is refused, in both languages, beside the renewal date', () => {
    const result = paperworkSchema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['registrationRenewedOn']);
  });

  test('dates must be dates, each beside its field', () => {
    const result = paperworkSchema.safeParse({ registrationRenewedOn: '2026-13-01', insuranceEnrolledUntil: 'soon' });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([
      'insuranceEnrolledUntil',
      'registrationRenewedOn',
    ]);
  });

  test('clearing the insurance alone is a change', () => {
    expect(paperworkSchema.safeParse({ insuranceEnrolledUntil: null }).success).toBe(true);
  });
});

describe('the reminders run each morning in Japan', () => {
  test.each([
    {
      scenario: 'late at night in Japan, the run is the coming 09:00',
      now: '2026-06-01T23:30:00+09:00',
      next: '2026-06-02T09:00:00+09:00',
    },
    { scenario: 'at 08:59, in a minute', now: '2026-06-01T08:59:00+09:00', next: '2026-06-01T09:00:00+09:00' },
    { scenario: 'at 09:00 exactly, the next day', now: '2026-06-01T09:00:00+09:00', next: '2026-06-02T09:00:00+09:00' },
  ])('$scenario', ({ now, next }) => {
    expect(nextReminderRunAt(new Date(now))).toEqual(new Date(next));
  });
});
