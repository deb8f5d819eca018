import { type Db, schema } from '@tsunagu/db';

import {
  availabilityProblems,
  bilingual,
  type Clock,
  ConflictError,
  canChangeMembershipStatus,
  canChangeVolunteerStatus,
  certificateDateProblem,
  dayOffProblems,
  type EntryProblem,
  type FieldProblem,
  ForbiddenError,
  found,
  type MembershipStatus,
  mayActOn,
  NotFoundError,
  type PaperworkInput,
  paperworkSchema,
  parseInput,
  profileSchema,
  registrationExpiryAfterRenewal,
  tokyo,
  ValidationError,
  type Viewer,
  type VolunteerStatus,
} from '@tsunagu/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { recordAudit } from '../audit';

export const specialties = schema.specialty.enumValues;
export const languageLevels = schema.languageLevel.enumValues;
export const languageDirections = schema.languageDirection.enumValues;
export const volunteerStatuses = schema.volunteerStatus.enumValues;
export const membershipStatuses = schema.membershipStatus.enumValues;
export const banDirections = schema.banDirection.enumValues;
export type BanDirection = (typeof banDirections)[number];

/** What a volunteer changes in their profile; a list that is given replaces the one stored. */
export type VolunteerProfileUpdate = z.input<typeof profileSchema>;

export type VolunteerPaperwork = PaperworkInput;

const reasonSchema = z
  .string()
  .trim()
  .max(500, bilingual({ en: 'Keep the reason under 500 characters.', ja: '理由は500文字以内で入力してください。' }))
  .optional();

const under = (base: string[], problems: EntryProblem[]): FieldProblem[] =>
  problems.map((problem) => ({ path: [...base, ...problem.path], message: problem.message }));

/** Entries listed twice, by the key that must be unique, as problems at `path(index)`. */
function duplicates<T>(entries: readonly T[], key: (entry: T) => string, path: (index: number) => string[]) {
  const seen = new Set<string>();
  return entries.flatMap((entry, index) => {
    const value = key(entry);
    if (!seen.has(value)) {
      seen.add(value);
      return [];
    }
    return [{ path: path(index), message: { en: 'This is listed twice.', ja: '同じ項目が2回入力されています。' } }];
  });
}

export function createVolunteerService({ db, clock }: { db: Db; clock: Clock }) {
  /** The volunteer, with the associations a coordinator must share with them to act on their profile. */
  async function volunteerForCoordinator(viewer: Viewer, volunteerId: string) {
    const volunteer = found(
      await db.query.volunteers.findFirst({
        where: { id: volunteerId },
        columns: { id: true, status: true, confidentialityPledgeSignedAt: true },
        with: { memberships: { columns: { associationId: true, status: true } } },
      }),
      'Volunteer',
      volunteerId,
    );
    if (
      !volunteer.memberships.some((membership) =>
        mayActOn(viewer, { associationId: membership.associationId }, 'coordinator'),
      )
    ) {
      throw new ForbiddenError('coordinators_only');
    }
    return volunteer;
  }

  async function organizationOf(organizationId: string) {
    return found(
      await db.query.organizations.findFirst({
        where: { id: organizationId },
        columns: { id: true, associationId: true },
      }),
      'Organization',
      organizationId,
    );
  }

  /** The associations a volunteer is a member of: a change to the profile concerns them all. */
  async function membershipsOf(tx: Db, volunteerId: string): Promise<string[]> {
    const memberships = await tx.query.volunteerMemberships.findMany({
      where: { volunteerId },
      columns: { associationId: true },
    });
    return memberships.map((membership) => membership.associationId);
  }

  async function requireVolunteer(volunteerId: string) {
    found(
      await db.query.volunteers.findFirst({ where: { id: volunteerId }, columns: { id: true } }),
      'Volunteer',
      volunteerId,
    );
  }

  async function saveBan(ban: {
    organizationId: string;
    volunteerId: string;
    direction: BanDirection;
    reason?: string;
  }) {
    const [saved] = await db
      .insert(schema.bans)
      .values({ ...ban, reason: ban.reason || null })
      .onConflictDoUpdate({
        target: [schema.bans.organizationId, schema.bans.volunteerId, schema.bans.direction],
        set: { reason: ban.reason || null },
      })
      .returning();
    if (!saved) throw new Error('insert returned no row');
    return saved;
  }

  return {
    /**
     * A volunteer changes their own profile. Everything is checked first (field by field, then
     * the language and local-government codes against the reference data) and nothing is written
     * unless all of it is valid; the change and its audit row are one transaction.
     */
    async updateOwnProfile(viewer: Viewer, input: VolunteerProfileUpdate): Promise<{ volunteerId: string }> {
      const volunteerId = viewer.volunteerId;
      if (!volunteerId) throw new ForbiddenError('volunteers_only');
      const update = parseInput(profileSchema, input);
      const problems: FieldProblem[] = [
        ...under(['input', 'availability'], availabilityProblems(update.availability ?? [])),
        ...under(['input', 'daysOff'], dayOffProblems(update.daysOff ?? [])),
        ...(update.certificates ?? []).flatMap((certificate, index) => {
          const message = certificateDateProblem({
            issuedOn: certificate.issuedOn ?? null,
            expiresOn: certificate.expiresOn ?? null,
          });
          return message ? [{ path: ['input', 'certificates', String(index), 'expiresOn'], message }] : [];
        }),
        ...duplicates(
          update.languages ?? [],
          (language) => language.code,
          (index) => ['input', 'languages', String(index), 'code'],
        ),
        ...duplicates(
          update.regions ?? [],
          (code) => code,
          (index) => ['input', 'regions', String(index)],
        ),
      ];
      if (problems.length > 0) throw new ValidationError(problems);

      const changed = Object.entries(update)
        .filter(([, value]) => value !== undefined)
        .map(([field]) => field);
      if (changed.length === 0) return { volunteerId };
      const { languages, regions, certificates, availability, daysOff, ...columns } = update;
      return db.transaction(async (tx) => {
        const languageCodes = (languages ?? []).map((language) => language.code);
        const governmentCodes = [
          ...(regions ?? []),
          ...(columns.homeLocalGovernmentCode ? [columns.homeLocalGovernmentCode] : []),
        ];
        const [knownLanguages, knownGovernments] = await Promise.all([
          languageCodes.length > 0
            ? tx.query.languages.findMany({ where: { code: { in: languageCodes } }, columns: { code: true } })
            : [],
          governmentCodes.length > 0
            ? tx.query.localGovernments.findMany({
                where: { code: { in: governmentCodes } },
                columns: { code: true, kind: true },
              })
            : [],
        ]);
        const languageKnown = new Set(knownLanguages.map((language) => language.code));
        const governmentKind = new Map(knownGovernments.map((government) => [government.code, government.kind]));
        const home = columns.homeLocalGovernmentCode;
        const referenceProblems: FieldProblem[] = [
          ...(home && !governmentKind.has(home)
            ? [
                {
                  path: ['input', 'homeLocalGovernmentCode'],
                  message: {
                    en: 'No local government has this code.',
                    ja: 'このコードの地方公共団体が見つかりません。',
                  },
                },
              ]
            : []),
          ...(home && governmentKind.get(home) === 'prefecture'
            ? [
                {
                  path: ['input', 'homeLocalGovernmentCode'],
                  message: {
                    en: 'Choose a municipality or ward, not a prefecture.',
                    ja: '都道府県ではなく、市区町村を選んでください。',
                  },
                },
              ]
            : []),
          ...(languages ?? []).flatMap((language, index) =>
            languageKnown.has(language.code)
              ? []
              : [
                  {
                    path: ['input', 'languages', String(index), 'code'],
                    message: { en: 'No language has this code.', ja: 'このコードの言語が見つかりません。' },
                  },
                ],
          ),
          ...(regions ?? []).flatMap((code, index) =>
            governmentKind.has(code)
              ? []
              : [
                  {
                    path: ['input', 'regions', String(index)],
                    message: {
                      en: 'No local government has this code.',
                      ja: 'このコードの地方公共団体が見つかりません。',
                    },
                  },
                ],
          ),
        ];
        if (referenceProblems.length > 0) throw new ValidationError(referenceProblems);

        await tx
          .update(schema.volunteers)
          .set({
            ...columns,
            ...(columns.specialties ? { specialties: [...new Set(columns.specialties)] } : {}),
            updatedAt: clock.now().toJSDate(),
          })
          .where(eq(schema.volunteers.id, volunteerId));
        if (languages) {
          await tx.delete(schema.volunteerLanguages).where(eq(schema.volunteerLanguages.volunteerId, volunteerId));
          if (languages.length > 0) {
            await tx.insert(schema.volunteerLanguages).values(
              languages.map((language) => ({
                volunteerId,
                languageCode: language.code,
                level: language.level,
                directions: [...new Set(language.directions)],
              })),
            );
          }
        }
        if (regions) {
          await tx.delete(schema.volunteerRegions).where(eq(schema.volunteerRegions.volunteerId, volunteerId));
          if (regions.length > 0) {
            await tx
              .insert(schema.volunteerRegions)
              .values(regions.map((code) => ({ volunteerId, localGovernmentCode: code })));
          }
        }
        if (certificates) {
          await tx.delete(schema.certificates).where(eq(schema.certificates.volunteerId, volunteerId));
          if (certificates.length > 0) {
            await tx.insert(schema.certificates).values(
              certificates.map((certificate) => ({
                volunteerId,
                name: certificate.name,
                issuer: certificate.issuer,
                kind: certificate.kind,
                issuedOn: certificate.issuedOn ?? null,
                expiresOn: certificate.expiresOn ?? null,
              })),
            );
          }
        }
        if (availability) {
          await tx.delete(schema.availabilityWindows).where(eq(schema.availabilityWindows.volunteerId, volunteerId));
          if (availability.length > 0) {
            await tx
              .insert(schema.availabilityWindows)
              .values(availability.map((window) => ({ volunteerId, ...window })));
          }
        }
        if (daysOff) {
          await tx.delete(schema.daysOff).where(eq(schema.daysOff.volunteerId, volunteerId));
          if (daysOff.length > 0) {
            await tx.insert(schema.daysOff).values(daysOff.map((range) => ({ volunteerId, ...range })));
          }
        }
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'volunteer',
            subjectId: volunteerId,
            fields: changed,
            associationIds: await membershipsOf(tx, volunteerId),
          },
        ]);
        return { volunteerId };
      });
    },

    /** Signed once; signing again keeps the first date, since the duty runs from then. */
    async signConfidentialityPledge(viewer: Viewer): Promise<{ volunteerId: string }> {
      const volunteerId = viewer.volunteerId;
      if (!volunteerId) throw new ForbiddenError('volunteers_only');
      await db.transaction(async (tx) => {
        const signed = await tx
          .update(schema.volunteers)
          .set({ confidentialityPledgeSignedAt: clock.now().toJSDate(), updatedAt: clock.now().toJSDate() })
          .where(and(eq(schema.volunteers.id, volunteerId), isNull(schema.volunteers.confidentialityPledgeSignedAt)))
          .returning({ id: schema.volunteers.id });
        if (signed.length > 0) {
          await recordAudit(tx, viewer, [
            {
              action: 'update',
              subjectType: 'volunteer',
              subjectId: volunteerId,
              fields: ['confidentialityPledgeSignedAt'],
              associationIds: await membershipsOf(tx, volunteerId),
            },
          ]);
        }
      });
      return { volunteerId };
    },

    /** A coordinator accepts, suspends, retires or reinstates a volunteer. */
    async changeStatus(viewer: Viewer, volunteerId: string, status: VolunteerStatus): Promise<{ volunteerId: string }> {
      const volunteer = await volunteerForCoordinator(viewer, volunteerId);
      if (!canChangeVolunteerStatus(volunteer.status, status)) {
        throw new ConflictError('volunteer_status_change', { from: volunteer.status, to: status });
      }
      if (status === 'active' && volunteer.confidentialityPledgeSignedAt === null) {
        throw new ConflictError('pledge_missing');
      }
      await db.transaction(async (tx) => {
        // Only from the status just read: a coordinator acting at the same moment gets a conflict.
        const changed = await tx
          .update(schema.volunteers)
          .set({
            status,
            // The retention period of a retired volunteer's data runs from here (services/src/privacy).
            retiredAt: status === 'retired' ? clock.now().toJSDate() : null,
            updatedAt: clock.now().toJSDate(),
          })
          .where(and(eq(schema.volunteers.id, volunteerId), eq(schema.volunteers.status, volunteer.status)))
          .returning({ id: schema.volunteers.id });
        if (changed.length === 0) throw new ConflictError('changed_meanwhile');
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'volunteer',
            subjectId: volunteerId,
            fields: ['status'],
            associationIds: await membershipsOf(tx, volunteerId),
          },
        ]);
      });
      return { volunteerId };
    },

    /** A coordinator changes a volunteer's membership of their own association. */
    async changeMembershipStatus(
      viewer: Viewer,
      volunteerId: string,
      associationId: string,
      status: MembershipStatus,
    ): Promise<{ volunteerId: string }> {
      if (!mayActOn(viewer, { associationId: associationId }, 'coordinator')) {
        throw new ForbiddenError('coordinators_only');
      }
      const membership = found(
        await db.query.volunteerMemberships.findFirst({
          where: { volunteerId, associationId },
          columns: { status: true },
        }),
        'Membership',
        `${volunteerId}/${associationId}`,
      );
      if (!canChangeMembershipStatus(membership.status, status)) {
        throw new ConflictError('membership_status_change', { from: membership.status, to: status });
      }
      await db.transaction(async (tx) => {
        const changed = await tx
          .update(schema.volunteerMemberships)
          .set({ status, leftAt: status === 'left' ? clock.now().toJSDate() : null })
          .where(
            and(
              eq(schema.volunteerMemberships.volunteerId, volunteerId),
              eq(schema.volunteerMemberships.associationId, associationId),
              eq(schema.volunteerMemberships.status, membership.status),
            ),
          )
          .returning({ status: schema.volunteerMemberships.status });
        if (changed.length === 0) throw new ConflictError('changed_meanwhile');
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'volunteer',
            subjectId: volunteerId,
            fields: ['memberships.status'],
            associationIds: [associationId],
          },
        ]);
      });
      return { volunteerId };
    },

    /**
     * A coordinator records paperwork: volunteer insurance until a date, a yearly registration
     * renewed on a date (it then runs for a year), and a confidentiality pledge signed on paper on a
     * date. A pledge already on record keeps its first date, since the duty runs from then.
     */
    async recordPaperwork(
      viewer: Viewer,
      volunteerId: string,
      input: VolunteerPaperwork,
    ): Promise<{ volunteerId: string }> {
      const paperwork = parseInput(paperworkSchema, input);
      const volunteer = await volunteerForCoordinator(viewer, volunteerId);
      const today = clock.now().setZone(tokyo).toISODate() as string;
      if (paperwork.confidentialityPledgeSignedOn !== undefined && paperwork.confidentialityPledgeSignedOn > today) {
        throw ValidationError.of(['input', 'confidentialityPledgeSignedOn'], {
          en: 'A pledge cannot be signed in the future.',
          ja: '誓約の日付に未来の日は指定できません。',
        });
      }
      const pledge =
        paperwork.confidentialityPledgeSignedOn !== undefined && volunteer.confidentialityPledgeSignedAt === null
          ? {
              confidentialityPledgeSignedAt: DateTime.fromISO(paperwork.confidentialityPledgeSignedOn, {
                zone: tokyo,
              }).toJSDate(),
            }
          : {};
      const changes = {
        ...pledge,
        ...(paperwork.insuranceEnrolledUntil !== undefined
          ? { insuranceEnrolledUntil: paperwork.insuranceEnrolledUntil }
          : {}),
        ...(paperwork.registrationRenewedOn
          ? { registrationExpiresOn: registrationExpiryAfterRenewal(paperwork.registrationRenewedOn) }
          : {}),
      };
      if (Object.keys(changes).length === 0) return { volunteerId };
      await db.transaction(async (tx) => {
        await tx
          .update(schema.volunteers)
          .set({ ...changes, updatedAt: clock.now().toJSDate() })
          // The pledge only where none was signed meanwhile.
          .where(
            and(
              eq(schema.volunteers.id, volunteerId),
              'confidentialityPledgeSignedAt' in changes
                ? isNull(schema.volunteers.confidentialityPledgeSignedAt)
                : undefined,
            ),
          );
        await recordAudit(tx, viewer, [
          {
            action: 'update',
            subjectType: 'volunteer',
            subjectId: volunteerId,
            fields: Object.keys(changes),
            associationIds: await membershipsOf(tx, volunteerId),
          },
        ]);
      });
      return { volunteerId };
    },

    /** A volunteer declines to work for an organization again. */
    async declineOrganization(viewer: Viewer, organizationId: string, reason?: string) {
      const volunteerId = viewer.volunteerId;
      if (!volunteerId) throw new ForbiddenError('volunteers_only');
      const why = parseInput(reasonSchema, reason, ['reason']);
      await organizationOf(organizationId);
      return saveBan({ organizationId, volunteerId, direction: 'volunteer_declines_organization', reason: why });
    },

    /** An organization's staff decline a volunteer for their future requests. */
    async declineVolunteer(viewer: Viewer, volunteerId: string, reason?: string) {
      const organizationId = viewer.organizationId;
      if (!organizationId) throw new ForbiddenError('requesting_staff_only');
      const why = parseInput(reasonSchema, reason, ['reason']);
      await requireVolunteer(volunteerId);
      return saveBan({ organizationId, volunteerId, direction: 'organization_declines_volunteer', reason: why });
    },

    /** A coordinator records a ban that one side asked for, by phone say. */
    async recordBan(
      viewer: Viewer,
      ban: { organizationId: string; volunteerId: string; direction: BanDirection; reason?: string },
    ) {
      const why = parseInput(reasonSchema, ban.reason, ['reason']);
      const organization = await organizationOf(ban.organizationId);
      if (!mayActOn(viewer, { associationId: organization.associationId }, 'coordinator')) {
        throw new ForbiddenError('coordinators_only');
      }
      await requireVolunteer(ban.volunteerId);
      return saveBan({ ...ban, reason: why });
    },

    /** Lifted by the side that asked for it, or by a coordinator of the organization's association. */
    async liftBan(viewer: Viewer, ban: { organizationId: string; volunteerId: string; direction: BanDirection }) {
      const organization = await organizationOf(ban.organizationId);
      const mayLift =
        mayActOn(viewer, { associationId: organization.associationId }, 'coordinator') ||
        (ban.direction === 'volunteer_declines_organization' && viewer.volunteerId === ban.volunteerId) ||
        (ban.direction === 'organization_declines_volunteer' &&
          mayActOn(
            viewer,
            { associationId: organization.associationId, organizationId: ban.organizationId },
            'requester',
          ));
      if (!mayLift) throw new ForbiddenError('ban_parties_only');
      const lifted = await db
        .delete(schema.bans)
        .where(
          and(
            eq(schema.bans.organizationId, ban.organizationId),
            eq(schema.bans.volunteerId, ban.volunteerId),
            eq(schema.bans.direction, ban.direction),
          ),
        )
        .returning({ volunteerId: schema.bans.volunteerId });
      if (lifted.length === 0) throw new NotFoundError('Ban', `${ban.organizationId}/${ban.volunteerId}`);
      return true;
    },
  };
}
