import { describe, expect, test } from 'vitest';
import { applyPolicyChanges, defaultPolicy, type PolicyChanges, policySchema, readPolicy } from './policy';

describe('an association’s policy', () => {
  test('a new association gets the defaults', () => {
    expect(readPolicy({})).toEqual(defaultPolicy);
  });

  test('a stored policy that predates a setting gets the default for it', () => {
    const stored = { leadTime: { minimumBusinessDays: 5 } };
    expect(readPolicy(stored).leadTime).toEqual({ minimumBusinessDays: 5, holidaysAreBusinessDays: false });
    expect(readPolicy(stored).offers).toEqual(defaultPolicy.offers);
  });

  test('the defaults are a valid policy', () => {
    expect(policySchema.safeParse(defaultPolicy).success).toBe(true);
  });
});

describe('an admin changes the policy', () => {
  const problemsOf = (changes: PolicyChanges) => {
    const result = policySchema.safeParse(applyPolicyChanges(defaultPolicy, changes));
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  test.each<{ scenario: string; changes: PolicyChanges; problems: string[] }>([
    {
      scenario: 'asks for five business days’ notice',
      changes: { leadTime: { minimumBusinessDays: 5 } },
      problems: [],
    },
    { scenario: 'stops offering medical requests', changes: { scope: { medical: 'not_offered' } }, problems: [] },
    {
      scenario: 'cannot set a negative lead time',
      changes: { leadTime: { minimumBusinessDays: -1 } },
      problems: ['leadTime.minimumBusinessDays'],
    },
    { scenario: 'cannot send offers to nobody', changes: { offers: { waveSize: 0 } }, problems: ['offers.waveSize'] },
    {
      scenario: 'cannot give more time to answer as the date nears',
      changes: { offers: { responseHoursWithinTwoDays: 36 } },
      problems: ['offers.responseHoursWithinTwoDays'],
    },
    {
      scenario: 'cannot list the same reminder twice',
      changes: { reminders: { hoursBeforeStart: [24, 24] } },
      problems: ['reminders.hoursBeforeStart'],
    },
    {
      scenario: 'cannot release a volunteer before asking them to reconfirm',
      changes: { reminders: { reconfirmationHoursBefore: 24, reconfirmationCutoffHoursBefore: 36 } },
      problems: ['reminders.reconfirmationCutoffHoursBefore'],
    },
    {
      scenario: 'screens every request, trusted organization or not',
      changes: { screening: { autoApproveTrusted: false } },
      problems: [],
    },
    {
      scenario: 'charges the whole honorarium for a cancellation within three days',
      changes: { cancellation: { feeTiers: [{ withinHours: 72, feePercent: 100 }] } },
      problems: [],
    },
    {
      scenario: 'cannot charge less for a later cancellation',
      changes: {
        cancellation: {
          feeTiers: [
            { withinHours: 24, feePercent: 30 },
            { withinHours: 72, feePercent: 50 },
          ],
        },
      },
      problems: ['cancellation.feeTiers'],
    },
    {
      scenario: 'cannot charge more than the honorarium',
      changes: { cancellation: { feeTiers: [{ withinHours: 24, feePercent: 150 }] } },
      problems: ['cancellation.feeTiers.0.feePercent'],
    },
    {
      scenario: 'cannot list a notice period twice',
      changes: {
        cancellation: {
          feeTiers: [
            { withinHours: 24, feePercent: 100 },
            { withinHours: 24, feePercent: 50 },
          ],
        },
      },
      problems: ['cancellation.feeTiers'],
    },
    {
      scenario: 'cannot remind about reports every 0 hours',
      changes: { reports: { reminderEveryHours: 0 } },
      problems: ['reports.reminderEveryHours'],
    },
  ])('$scenario', ({ changes, problems }) => {
    expect(problemsOf(changes)).toEqual(problems);
  });

  test('settings left out stay as they were', () => {
    const changed = applyPolicyChanges(defaultPolicy, { scope: { legal: 'normal' } });
    expect(changed.scope).toEqual({ ...defaultPolicy.scope, legal: 'normal' });
    expect(changed.offers).toEqual(defaultPolicy.offers);
  });
});
