import { DateTime } from 'luxon';

/** A yearly registration renewed on a date runs until the same date a year later (29 February → 28 February). */
export function registrationExpiryAfterRenewal(renewedOn: string): string {
  const renewed = DateTime.fromISO(renewedOn, { zone: 'Asia/Tokyo' });
  if (!renewed.isValid) throw new Error(`not a date: ${renewedOn}`);
  return renewed.plus({ years: 1 }).toISODate() as string;
}

/** Reminders go out this many days before the registration lapses. */
export const renewalReminderDays = [30, 7] as const;
export type RenewalReminderDays = (typeof renewalReminderDays)[number];

export interface RenewalReminder {
  volunteerId: string;
  registrationExpiresOn: string;
  /** Which reminder this is: 30 or 7 days before. */
  reminder: RenewalReminderDays;
  daysLeft: number;
  /**
   * One key per volunteer, expiry and reminder: the outbox sends each at most once, so a daily run
   * that is late or runs twice still sends each reminder once.
   */
  dedupeKey: string;
}

/**
 * Who is due a registration-renewal reminder today: the 30-day reminder from 30 days before the
 * expiry, the 7-day one from 7 days before, up to the expiry day itself. A run that missed the exact
 * day still finds them; a registration already lapsed gets no reminder.
 */
export function renewalRemindersDue(
  volunteers: ReadonlyArray<{ id: string; registrationExpiresOn: string | null }>,
  today: string,
): RenewalReminder[] {
  const day = DateTime.fromISO(today, { zone: 'Asia/Tokyo' });
  if (!day.isValid) throw new Error(`not a date: ${today}`);
  return volunteers.flatMap((volunteer) => {
    if (volunteer.registrationExpiresOn === null) return [];
    const expires = DateTime.fromISO(volunteer.registrationExpiresOn, { zone: 'Asia/Tokyo' });
    const daysLeft = Math.round(expires.diff(day, 'days').days);
    if (daysLeft < 0) return [];
    // The nearest reminder whose day has come: 7 once within a week, else 30 once within a month.
    const reminder = [...renewalReminderDays].reverse().find((days) => daysLeft <= days);
    if (reminder === undefined) return [];
    return [
      {
        volunteerId: volunteer.id,
        registrationExpiresOn: volunteer.registrationExpiresOn,
        reminder,
        daysLeft,
        dedupeKey: `registration-renewal:${volunteer.id}:${volunteer.registrationExpiresOn}:${reminder}`,
      },
    ];
  });
}
