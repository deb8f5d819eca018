import { type Db, schema } from '@tsunagu/db';
import {
  type Clock,
  mayActOn,
  type PaperworkItem,
  type PaperworkStanding,
  paperworkHolds,
  paperworkStanding,
  readPolicy,
  renewalReminderDays,
  renewalRemindersDue,
  tokyo,
  type Viewer,
  type VolunteerPapers,
} from '@tsunagu/domain';
import { and, asc, between, eq, inArray, or } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { enqueueEmail } from '../notifications/outbox';

export interface ReminderRun {
  /** Reminders written to the outbox by this run (those sent before are not counted again). */
  reminded: number;
}

/** An association whose policy keeps the volunteer out of its candidates today, and for which papers. */
export interface PaperworkHold<Association> {
  association: Association;
  items: PaperworkItem[];
}

/**
 * Renewal reminders of volunteers' papers: they run once a day from a Temporal workflow
 * (workflows/src/workflows/paperwork.ts), never from the API process.
 */
export function createPaperworkService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Writes to the outbox the renewal reminders due on the day of `asOf` in Japan, for active
     * volunteers' registrations and insurance: each under its own key (volunteer, paper, expiry,
     * reminder), so a run that is late, runs twice or is retried sends none twice; a renewal moves
     * the expiry, after which nothing is due until its new reminders.
     */
    async sendRenewalReminders(asOf: Date): Promise<ReminderRun> {
      const today = DateTime.fromJSDate(asOf, { zone: tokyo });
      const from = today.toISODate() as string;
      const until = today.plus({ days: renewalReminderDays[0] }).toISODate() as string;
      const volunteers = await db
        .select({
          id: schema.volunteers.id,
          registrationExpiresOn: schema.volunteers.registrationExpiresOn,
          insuranceEnrolledUntil: schema.volunteers.insuranceEnrolledUntil,
          userId: schema.users.id,
          email: schema.users.email,
          locale: schema.users.locale,
        })
        .from(schema.volunteers)
        .innerJoin(schema.users, eq(schema.users.id, schema.volunteers.userId))
        .where(
          and(
            eq(schema.volunteers.status, 'active'),
            or(
              between(schema.volunteers.registrationExpiresOn, from, until),
              between(schema.volunteers.insuranceEnrolledUntil, from, until),
            ),
          ),
        );
      const due = renewalRemindersDue(volunteers, from);
      if (due.length === 0) return { reminded: 0 };
      // The association the papers are with: the volunteer's earliest active membership.
      const memberships = await db
        .select({
          volunteerId: schema.volunteerMemberships.volunteerId,
          associationId: schema.associations.id,
          nameJa: schema.associations.nameJa,
          nameEn: schema.associations.nameEn,
        })
        .from(schema.volunteerMemberships)
        .innerJoin(schema.associations, eq(schema.associations.id, schema.volunteerMemberships.associationId))
        .where(
          and(
            inArray(
              schema.volunteerMemberships.volunteerId,
              due.map((reminder) => reminder.volunteerId),
            ),
            eq(schema.volunteerMemberships.status, 'active'),
          ),
        )
        .orderBy(asc(schema.volunteerMemberships.joinedAt));
      const associationOf = new Map<string, (typeof memberships)[number]>();
      for (const membership of memberships) {
        if (!associationOf.has(membership.volunteerId)) associationOf.set(membership.volunteerId, membership);
      }
      const recipients = new Map(volunteers.map((volunteer) => [volunteer.id, volunteer]));
      let reminded = 0;
      await db.transaction(async (tx) => {
        for (const reminder of due) {
          const association = associationOf.get(reminder.volunteerId);
          const recipient = recipients.get(reminder.volunteerId);
          if (!association || !recipient) continue;
          const written = await enqueueEmail(tx, {
            idempotencyKey: reminder.dedupeKey,
            to: recipient.email,
            locale: recipient.locale,
            recipientUserId: recipient.userId,
            associationId: association.associationId,
            template: 'paperworkRenewalDue',
            payload: {
              item: reminder.item,
              expiresOn: reminder.expiresOn,
              daysLeft: reminder.daysLeft,
              association: { nameJa: association.nameJa, nameEn: association.nameEn },
            },
          });
          if (written) reminded++;
        }
      });
      return { reminded };
    },

    /**
     * How the volunteer's papers stand today, and which of their active memberships' associations
     * hold them back from matching for it: all of them for the volunteer, a coordinator's own for a
     * coordinator. Over what the caller loaded (no query of its own).
     */
    standing<Association extends { policy: unknown }>(
      viewer: Viewer,
      volunteer: VolunteerPapers & {
        id: string;
        memberships: { associationId: string; status: string; association: Association }[];
      },
    ): { standing: PaperworkStanding[]; holds: PaperworkHold<Association>[] } {
      const today = clock.now().setZone(tokyo).toISODate() as string;
      const holds = volunteer.memberships
        .filter(
          (membership) =>
            membership.status === 'active' &&
            (viewer.volunteerId === volunteer.id || mayActOn(viewer, membership, 'coordinator')),
        )
        .map((membership) => ({
          association: membership.association,
          items: paperworkHolds(volunteer, readPolicy(membership.association.policy).paperwork, today),
        }))
        .filter((hold) => hold.items.length > 0);
      return { standing: paperworkStanding(volunteer, today), holds };
    },
  };
}

export type PaperworkService = ReturnType<typeof createPaperworkService>;
