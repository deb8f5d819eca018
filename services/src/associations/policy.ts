import { z } from 'zod';

/**
 * How an association routes requests whose subject is sensitive: as any other request, only to
 * volunteers holding a matching certificate, or not at all (the requester is told to look elsewhere).
 */
export const scopeRules = ['normal', 'certified_only', 'not_offered'] as const;
export type ScopeRule = (typeof scopeRules)[number];

const hours = z
  .int('Use whole hours.')
  .min(1, 'Use at least one hour.')
  .max(24 * 60, 'Use at most 60 days.');

/** An association's settings, each with a default (`defaultPolicy`) so that a new association works at once. */
export const policySchema = z
  .object({
    leadTime: z.object({
      /** Requests must be filed this many business days ahead, unless marked urgent. */
      minimumBusinessDays: z.int('Use whole days.').min(0).max(60, 'Use at most 60 business days.'),
      /** Whether national holidays count as business days when the lead time is counted. */
      holidaysAreBusinessDays: z.boolean(),
    }),
    scope: z.object({
      medical: z.enum(scopeRules),
      legal: z.enum(scopeRules),
      emergency: z.enum(scopeRules),
      infectionRisk: z.enum(scopeRules),
    }),
    offers: z.object({
      /** How many volunteers one wave of offers goes to. */
      waveSize: z.int('Use a whole number.').min(1, 'Offer to at least one volunteer.').max(50),
      /** How many waves before a coordinator is asked to step in. */
      maxWaves: z.int('Use a whole number.').min(1).max(10),
      /** Hours a volunteer has to answer; the closer the date, the shorter. */
      responseHoursMoreThanAWeekAhead: hours,
      responseHoursWithinAWeek: hours,
      responseHoursWithinTwoDays: hours,
    }),
    reminders: z.object({
      /** Reminders before the start, e.g. 3 days, 1 day and 2 hours. */
      hoursBeforeStart: z.array(hours).max(5, 'Use at most five reminders.'),
      /** When the volunteer is asked to reconfirm, and when an unanswered request releases them. */
      reconfirmationHoursBefore: hours,
      reconfirmationCutoffHoursBefore: hours,
    }),
    screening: z.object({
      /**
       * Requests from an organization marked trusted skip the coordinator's screening, unless
       * flagged as sensitive (medical, legal, emergency, infection risk).
       */
      autoApproveTrusted: z.boolean(),
    }),
    cancellation: z.object({
      /**
       * What a cancellation owes the booked volunteer, by how late it comes: within `withinHours`
       * of the start, `feePercent` of the honorarium (the shortest notice that applies wins).
       */
      feeTiers: z
        .array(
          z.object({
            withinHours: hours,
            feePercent: z.int('Use a whole percentage.').min(1, 'Use at least 1%.').max(100, 'Use at most 100%.'),
          }),
        )
        .max(5, 'Use at most five tiers.'),
    }),
    reports: z.object({
      /** After the activity, the reports still missing are asked for again this often… */
      reminderEveryHours: hours,
      /** …this many times, after which the coordinators are told. */
      maxReminders: z.int('Use a whole number.').min(0).max(10, 'Use at most ten reminders.'),
    }),
  })
  .superRefine((policy, context) => {
    const { offers, reminders } = policy;
    if (offers.responseHoursWithinAWeek > offers.responseHoursMoreThanAWeekAhead) {
      context.addIssue({
        code: 'custom',
        path: ['offers', 'responseHoursWithinAWeek'],
        message: 'Give no more time within a week than further ahead.',
      });
    }
    if (offers.responseHoursWithinTwoDays > offers.responseHoursWithinAWeek) {
      context.addIssue({
        code: 'custom',
        path: ['offers', 'responseHoursWithinTwoDays'],
        message: 'Give no more time within two days than within a week.',
      });
    }
    if (new Set(reminders.hoursBeforeStart).size !== reminders.hoursBeforeStart.length) {
      context.addIssue({ code: 'custom', path: ['reminders', 'hoursBeforeStart'], message: 'List each time once.' });
    }
    if (reminders.reconfirmationCutoffHoursBefore >= reminders.reconfirmationHoursBefore) {
      context.addIssue({
        code: 'custom',
        path: ['reminders', 'reconfirmationCutoffHoursBefore'],
        message: 'The cutoff must come after the request to reconfirm.',
      });
    }
    const tiers = [...policy.cancellation.feeTiers].sort((a, b) => a.withinHours - b.withinHours);
    if (new Set(tiers.map((tier) => tier.withinHours)).size !== tiers.length) {
      context.addIssue({
        code: 'custom',
        path: ['cancellation', 'feeTiers'],
        message: 'List each notice period once.',
      });
    }
    if (tiers.some((tier, index) => index > 0 && tier.feePercent > (tiers[index - 1]?.feePercent ?? 100))) {
      context.addIssue({
        code: 'custom',
        path: ['cancellation', 'feeTiers'],
        message: 'A later cancellation may not owe less than an earlier one.',
      });
    }
  });

export type AssociationPolicy = z.infer<typeof policySchema>;

export const defaultPolicy: AssociationPolicy = {
  leadTime: { minimumBusinessDays: 3, holidaysAreBusinessDays: false },
  scope: { medical: 'certified_only', legal: 'certified_only', emergency: 'not_offered', infectionRisk: 'not_offered' },
  offers: {
    waveSize: 5,
    maxWaves: 3,
    responseHoursMoreThanAWeekAhead: 48,
    responseHoursWithinAWeek: 24,
    responseHoursWithinTwoDays: 4,
  },
  reminders: { hoursBeforeStart: [72, 24, 2], reconfirmationHoursBefore: 48, reconfirmationCutoffHoursBefore: 24 },
  screening: { autoApproveTrusted: true },
  cancellation: {
    feeTiers: [
      { withinHours: 24, feePercent: 100 },
      { withinHours: 48, feePercent: 50 },
    ],
  },
  reports: { reminderEveryHours: 48, maxReminders: 3 },
};

/** Changes to some settings of some groups; what is left out stays as it was. */
export type PolicyChanges = { [Group in keyof AssociationPolicy]?: Partial<AssociationPolicy[Group]> };

/** The settings with the changes applied, not yet validated. */
export function applyPolicyChanges(policy: AssociationPolicy, changes: PolicyChanges): AssociationPolicy {
  return {
    leadTime: { ...policy.leadTime, ...changes.leadTime },
    scope: { ...policy.scope, ...changes.scope },
    offers: { ...policy.offers, ...changes.offers },
    reminders: { ...policy.reminders, ...changes.reminders },
    screening: { ...policy.screening, ...changes.screening },
    cancellation: { ...policy.cancellation, ...changes.cancellation },
    reports: { ...policy.reports, ...changes.reports },
  };
}

/**
 * The policy as stored, over the defaults: an association that never changed a setting, or whose
 * stored policy predates a setting, gets the default for it. A stored value that no longer
 * validates is a bug, not a user's mistake, so it throws.
 */
export function readPolicy(stored: unknown): AssociationPolicy {
  const groups = typeof stored === 'object' && stored !== null ? (stored as PolicyChanges) : {};
  return policySchema.parse(applyPolicyChanges(defaultPolicy, groups));
}
