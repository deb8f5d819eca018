import { describe, expect, test } from 'vitest';
import { registrationExpiryAfterRenewal, renewalRemindersDue } from './paperwork';

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
    const due = renewalRemindersDue([{ id: 'v1', registrationExpiresOn: expiresOn }], today);
    expect(due).toEqual(
      reminder === null
        ? []
        : [
            {
              volunteerId: 'v1',
              registrationExpiresOn: expiresOn,
              reminder,
              daysLeft,
              dedupeKey: `registration-renewal:v1:${expiresOn}:${reminder}`,
            },
          ],
    );
  });

  test('a volunteer without a registration date is not reminded', () => {
    expect(renewalRemindersDue([{ id: 'v2', registrationExpiresOn: null }], today)).toEqual([]);
  });

  test('a daily run that missed the exact day still reminds, under the same key as on the day', () => {
    const onTheDay = renewalRemindersDue([{ id: 'v3', registrationExpiresOn: '2026-07-01' }], '2026-06-01');
    const dayLate = renewalRemindersDue([{ id: 'v3', registrationExpiresOn: '2026-07-01' }], '2026-06-02');
    expect(dayLate[0]?.dedupeKey).toBe(onTheDay[0]?.dedupeKey);
  });

  test('only those due are listed, out of many', () => {
    const due = renewalRemindersDue(
      [
        { id: 'soon', registrationExpiresOn: '2026-06-05' },
        { id: 'later', registrationExpiresOn: '2027-06-01' },
        { id: 'month', registrationExpiresOn: '2026-06-20' },
      ],
      today,
    );
    expect(due.map((reminder) => [reminder.volunteerId, reminder.reminder])).toEqual([
      ['soon', 7],
      ['month', 30],
    ]);
  });
});
