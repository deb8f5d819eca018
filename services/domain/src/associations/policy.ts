import { z } from 'zod';
import { invoiceGroupings, taxTreatments } from '../invoices/invoice';
import { registrationNumberProblem } from '../invoices/registration';
import { bilingual, wholeNumber } from '../validation';

/**
 * How an association routes requests whose subject is sensitive: as any other request, only to
 * volunteers holding a matching certificate, or not at all (the requester is told to look elsewhere).
 */
export const scopeRules = ['normal', 'certified_only', 'not_offered'] as const;
export type ScopeRule = (typeof scopeRules)[number];

const hours = wholeNumber(bilingual({ en: 'Use whole hours.', ja: '時間単位の整数で入力してください。' }))
  .min(1, bilingual({ en: 'Use at least one hour.', ja: '1時間以上にしてください。' }))
  .max(24 * 60, bilingual({ en: 'Use at most 60 days.', ja: '60日以内にしてください。' }));

const months = wholeNumber(bilingual({ en: 'Use whole months.', ja: '月数は整数で入力してください。' }))
  .min(1, bilingual({ en: 'Use at least one month.', ja: '1か月以上にしてください。' }))
  .max(120, bilingual({ en: 'Use at most 120 months.', ja: '120か月以内にしてください。' }));

/** An association's settings, each with a default (`defaultPolicy`) so that a new association works at once. */
export const policySchema = z
  .object({
    leadTime: z.object({
      /** Requests must be filed this many business days ahead, unless marked urgent. */
      minimumBusinessDays: wholeNumber(bilingual({ en: 'Use whole days.', ja: '日数は整数で入力してください。' }))
        .min(0)
        .max(60, bilingual({ en: 'Use at most 60 business days.', ja: '60営業日以内にしてください。' })),
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
      waveSize: wholeNumber(bilingual({ en: 'Use a whole number.', ja: '整数で入力してください。' }))
        .min(
          1,
          bilingual({
            en: 'Offer to at least one volunteer.',
            ja: '1回に依頼するボランティアは1人以上にしてください。',
          }),
        )
        .max(50),
      /** How many waves before a coordinator is asked to step in. */
      maxWaves: wholeNumber(bilingual({ en: 'Use a whole number.', ja: '整数で入力してください。' }))
        .min(1)
        .max(10),
      /** Hours a volunteer has to answer; the closer the date, the shorter. */
      responseHoursMoreThanAWeekAhead: hours,
      responseHoursWithinAWeek: hours,
      responseHoursWithinTwoDays: hours,
    }),
    reminders: z.object({
      /** Reminders before the start, e.g. 3 days, 1 day and 2 hours. */
      hoursBeforeStart: z
        .array(hours)
        .max(5, bilingual({ en: 'Use at most five reminders.', ja: 'リマインダーは5回までにしてください。' })),
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
            feePercent: wholeNumber(
              bilingual({ en: 'Use a whole percentage.', ja: '割合は整数（%）で入力してください。' }),
            )
              .min(1, bilingual({ en: 'Use at least 1%.', ja: '1%以上にしてください。' }))
              .max(100, bilingual({ en: 'Use at most 100%.', ja: '100%以下にしてください。' })),
          }),
        )
        .max(5, bilingual({ en: 'Use at most five tiers.', ja: '段階は5つまでにしてください。' })),
    }),
    reports: z.object({
      /** After the activity, the reports still missing are asked for again this often… */
      reminderEveryHours: hours,
      /** …this many times, after which the coordinators are told. */
      maxReminders: wholeNumber(bilingual({ en: 'Use a whole number.', ja: '整数で入力してください。' }))
        .min(0)
        .max(10, bilingual({ en: 'Use at most ten reminders.', ja: 'リマインダーは10回までにしてください。' })),
      /**
       * A volunteer's reported times lie on the booked days or this many days either side (so that
       * a report cannot move the expense into another month or fiscal year).
       */
      activityWindowDays: wholeNumber(bilingual({ en: 'Use whole days.', ja: '日数は整数で入力してください。' }))
        .min(0)
        .max(7, bilingual({ en: 'Use at most 7 days.', ja: '7日以内にしてください。' })),
    }),
    paperwork: z.object({
      /**
       * Matching leaves out a volunteer whose registration is not valid on the day of the work
       * (lapsed, or never recorded)…
       */
      requireRegistration: z.boolean(),
      /** …whose volunteer insurance does not cover that day… */
      requireInsurance: z.boolean(),
      /** …or who has not signed the confidentiality pledge. */
      requirePledge: z.boolean(),
    }),
    translation: z.object({
      /** How many times a requester may ask for a revision of a translation before accepting it. */
      revisionRounds: wholeNumber(bilingual({ en: 'Use a whole number.', ja: '整数で入力してください。' }))
        .min(0)
        .max(5, bilingual({ en: 'Use at most five rounds.', ja: '修正の回数は5回までにしてください。' })),
      /** Reminders to the translator before the deadline, e.g. 3 days and 1 day. */
      reminderHoursBeforeDeadline: z
        .array(hours)
        .max(5, bilingual({ en: 'Use at most five reminders.', ja: 'リマインダーは5回までにしてください。' })),
    }),
    retention: z.object({
      /**
       * A volunteer who retired (or left every association) and a closed organization's contact
       * are anonymised this many months after: long enough to answer questions about past work.
       */
      retiredPersonMonths: months,
      closedOrganizationMonths: months,
      /** A request's contact person and notes are erased this many days after the activity. */
      requestParticularsDays: wholeNumber(bilingual({ en: 'Use whole days.', ja: '日数は整数で入力してください。' }))
        .min(1, bilingual({ en: 'Use at least one day.', ja: '1日以上にしてください。' }))
        .max(3650, bilingual({ en: 'Use at most 3,650 days.', ja: '3,650日以内にしてください。' })),
    }),
    invoicing: z.object({
      /** The qualified invoice issuer's registration number (T + 13 digits); null until the association has one. */
      registrationNumber: z.string().nullable(),
      /** How the dispatch fees to public bodies are taxed. */
      taxTreatment: z.enum(taxTreatments),
      /** One invoice per organization and month, or one per dispatch. */
      grouping: z.enum(invoiceGroupings),
    }),
  })
  .superRefine((policy, context) => {
    const { offers, reminders } = policy;
    const registration = policy.invoicing.registrationNumber;
    const registrationProblem = registration === null ? null : registrationNumberProblem(registration);
    if (registrationProblem) {
      context.addIssue({
        code: 'custom',
        path: ['invoicing', 'registrationNumber'],
        message:
          registrationProblem === 'format'
            ? bilingual({
                en: 'Write the registration number as T and 13 half-width digits, such as T7123456789012.',
                ja: '登録番号は T と半角数字13桁で入力してください（例: T7123456789012）。',
              })
            : bilingual({
                en: 'This registration number does not check: look for a mistyped digit.',
                ja: 'この登録番号は検査用数字が合いません。数字の打ち間違いがないか確かめてください。',
              }),
      });
    }
    if (offers.responseHoursWithinAWeek > offers.responseHoursMoreThanAWeekAhead) {
      context.addIssue({
        code: 'custom',
        path: ['offers', 'responseHoursWithinAWeek'],
        message: bilingual({
          en: 'Give no more time within a week than further ahead.',
          ja: '1週間以内の依頼の回答時間は、それより先の依頼の回答時間以下にしてください。',
        }),
      });
    }
    if (offers.responseHoursWithinTwoDays > offers.responseHoursWithinAWeek) {
      context.addIssue({
        code: 'custom',
        path: ['offers', 'responseHoursWithinTwoDays'],
        message: bilingual({
          en: 'Give no more time within two days than within a week.',
          ja: '2日以内の依頼の回答時間は、1週間以内の依頼の回答時間以下にしてください。',
        }),
      });
    }
    if (new Set(reminders.hoursBeforeStart).size !== reminders.hoursBeforeStart.length) {
      context.addIssue({
        code: 'custom',
        path: ['reminders', 'hoursBeforeStart'],
        message: bilingual({ en: 'List each time once.', ja: '同じ時間は1回だけ入力してください。' }),
      });
    }
    const deadlineReminders = policy.translation.reminderHoursBeforeDeadline;
    if (new Set(deadlineReminders).size !== deadlineReminders.length) {
      context.addIssue({
        code: 'custom',
        path: ['translation', 'reminderHoursBeforeDeadline'],
        message: bilingual({ en: 'List each time once.', ja: '同じ時間は1回だけ入力してください。' }),
      });
    }
    if (reminders.reconfirmationCutoffHoursBefore >= reminders.reconfirmationHoursBefore) {
      context.addIssue({
        code: 'custom',
        path: ['reminders', 'reconfirmationCutoffHoursBefore'],
        message: bilingual({
          en: 'The cutoff must come after the request to reconfirm.',
          ja: '再確認の締め切りは、再確認の依頼より後にしてください。',
        }),
      });
    }
    const tiers = [...policy.cancellation.feeTiers].sort((a, b) => a.withinHours - b.withinHours);
    if (new Set(tiers.map((tier) => tier.withinHours)).size !== tiers.length) {
      context.addIssue({
        code: 'custom',
        path: ['cancellation', 'feeTiers'],
        message: bilingual({
          en: 'List each notice period once.',
          ja: '同じキャンセル期限は1回だけ入力してください。',
        }),
      });
    }
    if (tiers.some((tier, index) => index > 0 && tier.feePercent > (tiers[index - 1]?.feePercent ?? 100))) {
      context.addIssue({
        code: 'custom',
        path: ['cancellation', 'feeTiers'],
        message: bilingual({
          en: 'A later cancellation may not owe less than an earlier one.',
          ja: '開始に近いキャンセルのキャンセル料は、それより前のキャンセルより低くできません。',
        }),
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
  reports: { reminderEveryHours: 48, maxReminders: 3, activityWindowDays: 1 },
  // Off until an association asks for it: dates recorded before would otherwise take volunteers out at once.
  paperwork: { requireRegistration: false, requireInsurance: false, requirePledge: false },
  translation: { revisionRounds: 2, reminderHoursBeforeDeadline: [72, 24] },
  retention: { retiredPersonMonths: 24, closedOrganizationMonths: 24, requestParticularsDays: 90 },
  invoicing: { registrationNumber: null, taxTreatment: 'standard', grouping: 'organization_month' },
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
    paperwork: { ...policy.paperwork, ...changes.paperwork },
    translation: { ...policy.translation, ...changes.translation },
    retention: { ...policy.retention, ...changes.retention },
    invoicing: { ...policy.invoicing, ...changes.invoicing },
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
