import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Localized } from '../errors';
import { bilingual } from '../validation';
import { date } from './input';

/** A yearly registration renewed on a date runs until the same date a year later (29 February → 28 February). */
export function registrationExpiryAfterRenewal(renewedOn: string): string {
  const renewed = DateTime.fromISO(renewedOn, { zone: 'Asia/Tokyo' });
  if (!renewed.isValid) throw new Error(`not a date: ${renewedOn}`);
  return renewed.plus({ years: 1 }).toISODate() as string;
}

/**
 * What a coordinator records from the volunteer's papers: checked by the API and, before sending,
 * by the coordinator's paperwork form. A pledge signed on paper is recorded by its date.
 */
export const paperworkSchema = z
  .object({
    confidentialityPledgeSignedOn: date.optional(),
    insuranceEnrolledUntil: date.nullable().optional(),
    registrationRenewedOn: date.optional(),
  })
  .refine(
    (paperwork) =>
      paperwork.confidentialityPledgeSignedOn !== undefined ||
      paperwork.insuranceEnrolledUntil !== undefined ||
      paperwork.registrationRenewedOn !== undefined,
    {
      path: ['registrationRenewedOn'],
      message: bilingual({
        en: 'Give the renewal date, the insurance date or the pledge date.',
        ja: '更新日・保険の期限・誓約の日付のいずれかを入力してください。',
      }),
    },
  );

export type PaperworkInput = z.input<typeof paperworkSchema>;

/** The papers that can keep a volunteer from being offered work, by the association's policy. */
export const paperworkItems = ['registration', 'insurance', 'pledge'] as const;
export type PaperworkItem = (typeof paperworkItems)[number];

/** What an association asks of a volunteer's papers before matching offers them work. */
export interface PaperworkPolicy {
  /** A registration valid on the day of the work. */
  requireRegistration: boolean;
  /** Volunteer insurance that covers the day of the work. */
  requireInsurance: boolean;
  /** The confidentiality pledge signed. */
  requirePledge: boolean;
}

export interface VolunteerPapers {
  registrationExpiresOn: string | null;
  insuranceEnrolledUntil: string | null;
  confidentialityPledgeSignedAt: Date | null;
}

/**
 * How a paper stands on a day: `valid` (and `dueSoon` within the first reminder's days of its end),
 * `lapsed` once its last day has passed, `missing` when nothing was ever recorded.
 */
export type PaperworkState = 'valid' | 'dueSoon' | 'lapsed' | 'missing';

export interface PaperworkStanding {
  item: PaperworkItem;
  state: PaperworkState;
  /** The last day it is valid (registration, insurance); the pledge has none. */
  validUntil: string | null;
  /** Days from `today` to `validUntil`; negative once lapsed. */
  daysLeft: number | null;
}

/** Reminders go out this many days before a registration or an insurance lapses. */
export const renewalReminderDays = [30, 7] as const;
export type RenewalReminderDays = (typeof renewalReminderDays)[number];

/** The papers that lapse on a date and are renewed: reminded before they do. */
export const renewableItems = ['registration', 'insurance'] as const;
export type RenewableItem = (typeof renewableItems)[number];

const dateOf = (volunteer: Omit<VolunteerPapers, 'confidentialityPledgeSignedAt'>, item: RenewableItem) =>
  item === 'registration' ? volunteer.registrationExpiresOn : volunteer.insuranceEnrolledUntil;

function day(isoDate: string): DateTime {
  const parsed = DateTime.fromISO(isoDate, { zone: 'Asia/Tokyo' });
  if (!parsed.isValid) throw new Error(`not a date: ${isoDate}`);
  return parsed;
}

const daysBetween = (from: string, until: string) => Math.round(day(until).diff(day(from), 'days').days);

/** Each paper of a volunteer as it stands on `today` (a date in Japan). */
export function paperworkStanding(volunteer: VolunteerPapers, today: string): PaperworkStanding[] {
  const renewable = renewableItems.map((item): PaperworkStanding => {
    const validUntil = dateOf(volunteer, item);
    if (validUntil === null) return { item, state: 'missing', validUntil, daysLeft: null };
    const daysLeft = daysBetween(today, validUntil);
    const state = daysLeft < 0 ? 'lapsed' : daysLeft <= renewalReminderDays[0] ? 'dueSoon' : 'valid';
    return { item, state, validUntil, daysLeft };
  });
  const pledge: PaperworkStanding = {
    item: 'pledge',
    state: volunteer.confidentialityPledgeSignedAt === null ? 'missing' : 'valid',
    validUntil: null,
    daysLeft: null,
  };
  return [...renewable, pledge];
}

/**
 * The papers that keep the volunteer out of matching for work on `workDay` under the policy: a
 * required paper that is missing or no longer valid that day (the same rule the matching SQL applies).
 */
export function paperworkHolds(volunteer: VolunteerPapers, policy: PaperworkPolicy, workDay: string): PaperworkItem[] {
  const required: Record<PaperworkItem, boolean> = {
    registration: policy.requireRegistration,
    insurance: policy.requireInsurance,
    pledge: policy.requirePledge,
  };
  return paperworkStanding(volunteer, workDay)
    .filter((standing) => required[standing.item] && (standing.state === 'missing' || standing.state === 'lapsed'))
    .map((standing) => standing.item);
}

/** Why a volunteer is not offered work, in both languages. */
export const paperworkHoldReasons: Record<PaperworkItem, Localized> = {
  registration: {
    ja: 'ボランティア登録の有効期限が切れている（または記録がない）ため、依頼の候補になりません。',
    en: 'Not offered work: the volunteer registration has lapsed (or was never recorded).',
  },
  insurance: {
    ja: 'ボランティア保険の期限が切れている（または加入の記録がない）ため、依頼の候補になりません。',
    en: 'Not offered work: the volunteer insurance has lapsed (or no enrolment is recorded).',
  },
  pledge: {
    ja: '守秘の誓約が未署名のため、依頼の候補になりません。',
    en: 'Not offered work: the confidentiality pledge is not signed.',
  },
};

export interface RenewalReminder {
  volunteerId: string;
  item: RenewableItem;
  /** The last day the registration or insurance is valid. */
  expiresOn: string;
  /** Which reminder this is: 30 or 7 days before. */
  reminder: RenewalReminderDays;
  daysLeft: number;
  /**
   * One key per volunteer, paper, expiry and reminder: the outbox sends each at most once, so a
   * daily run that is late or runs twice still sends each reminder once, and a renewal (a new
   * expiry) starts afresh.
   */
  dedupeKey: string;
}

/**
 * Who is due a renewal reminder today, for their registration and their insurance: the 30-day
 * reminder from 30 days before the expiry, the 7-day one from 7 days before, up to the expiry day
 * itself. A run that missed the exact day still finds them; a paper already lapsed gets no reminder.
 */
export function renewalRemindersDue(
  volunteers: ReadonlyArray<{
    id: string;
    registrationExpiresOn: string | null;
    insuranceEnrolledUntil: string | null;
  }>,
  today: string,
): RenewalReminder[] {
  day(today);
  return volunteers.flatMap((volunteer) =>
    renewableItems.flatMap((item) => {
      const expiresOn = dateOf(volunteer, item);
      if (expiresOn === null) return [];
      const daysLeft = daysBetween(today, expiresOn);
      if (daysLeft < 0) return [];
      // The nearest reminder whose day has come: 7 once within a week, else 30 once within a month.
      const reminder = [...renewalReminderDays].reverse().find((days) => daysLeft <= days);
      if (reminder === undefined) return [];
      return [
        {
          volunteerId: volunteer.id,
          item,
          expiresOn,
          reminder,
          daysLeft,
          dedupeKey: `${item}-renewal:${volunteer.id}:${expiresOn}:${reminder}`,
        },
      ];
    }),
  );
}

/**
 * The next morning run of the reminders after `now`: 09:00 in Japan, so that nobody is mailed at
 * night. Japan keeps no summer time, so that is always 00:00 UTC (plain arithmetic, fit for workflows).
 */
export function nextReminderRunAt(now: Date): Date {
  const day = 24 * 60 * 60 * 1000;
  return new Date((Math.floor(now.getTime() / day) + 1) * day);
}
