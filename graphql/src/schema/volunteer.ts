import {
  mayActOn,
  type PaperworkStanding,
  paperworkHoldReasons,
  paperworkItems,
  profileCompleteness,
} from '@tsunagu/domain';
import {
  banDirections,
  languageDirections,
  languageLevels,
  membershipStatuses,
  specialties,
  type VolunteerProfileUpdate,
  volunteerDirectoryWhere,
  volunteerStatuses,
} from '@tsunagu/services';
import { builder } from '../builder';
import type { Context } from '../context';
import { associationsOf } from '../tenancy';
import { Association } from './association';
import { auditRead } from './audit';
import { Organization } from './organization';
import { LocalGovernment } from './reference';
import { selected } from './selection';

export const SpecialtyEnum = builder.enumType('Specialty', { values: specialties });
const LanguageLevelEnum = builder.enumType('LanguageLevel', { values: languageLevels });
const LanguageDirectionEnum = builder.enumType('LanguageDirection', { values: languageDirections });
const VolunteerStatusEnum = builder.enumType('VolunteerStatus', { values: volunteerStatuses });
const MembershipStatusEnum = builder.enumType('MembershipStatus', { values: membershipStatuses });
const BanDirectionEnum = builder.enumType('BanDirection', { values: banDirections });
const ProfileGapEnum = builder.enumType('ProfileGap', {
  values: ['phone', 'languages', 'regions', 'availability', 'confidentialityPledge'] as const,
});

export const PaperworkItemEnum = builder.enumType('PaperworkItem', { values: paperworkItems });
const PaperworkStateEnum = builder.enumType('PaperworkState', {
  description: 'Valid (dueSoon within 30 days of its end), lapsed after its last day, or never recorded.',
  values: ['valid', 'dueSoon', 'lapsed', 'missing'] as const,
});

const PaperworkStandingRef = builder.objectRef<PaperworkStanding>('PaperworkStanding').implement({
  description: 'How one of the volunteer’s papers stands today (Japan).',
  fields: (t) => ({
    item: t.expose('item', { type: PaperworkItemEnum }),
    state: t.expose('state', { type: PaperworkStateEnum }),
    validUntil: t.expose('validUntil', { type: 'Date', nullable: true }),
    daysLeft: t.exposeInt('daysLeft', { nullable: true, description: 'Negative once lapsed.' }),
  }),
});

interface PaperworkHold {
  association: { nameJa: string; nameEn: string };
  items: (typeof paperworkItems)[number][];
  locale: 'ja' | 'en';
}

const PaperworkHoldRef = builder.objectRef<PaperworkHold>('PaperworkHold').implement({
  description: 'An association whose paperwork policy keeps the volunteer out of its candidates today, and why.',
  fields: (t) => ({
    associationName: t.string({
      resolve: (hold) => (hold.locale === 'ja' ? hold.association.nameJa : hold.association.nameEn),
    }),
    items: t.expose('items', { type: [PaperworkItemEnum] }),
    reasons: t.stringList({
      description: 'Why, one sentence per paper, in the reader’s language.',
      resolve: (hold) => hold.items.map((item) => paperworkHoldReasons[item][hold.locale]),
    }),
  }),
});

const Paperwork = builder
  .objectRef<{ standing: PaperworkStanding[]; holds: PaperworkHold[] }>('VolunteerPaperwork')
  .implement({
    description:
      'The volunteer’s registration, insurance and pledge as they stand today, and who holds them back for it.',
    fields: (t) => ({
      standing: t.expose('standing', { type: [PaperworkStandingRef] }),
      holds: t.expose('holds', { type: [PaperworkHoldRef] }),
    }),
  });

const ProfileCompleteness = builder.objectRef<ReturnType<typeof profileCompleteness>>('ProfileCompleteness').implement({
  description: 'Whether matching can offer the volunteer work yet, and what is missing.',
  fields: (t) => ({
    complete: t.exposeBoolean('complete'),
    missing: t.expose('missing', { type: [ProfileGapEnum] }),
  }),
});

/**
 * Reading someone else's personal field is written to the audit log (APPI); a volunteer reading
 * their own profile is not.
 */
export function auditVolunteerRead(
  context: Context,
  volunteer: { id: string; memberships: { associationId: string }[] },
  field: string,
): Promise<void> {
  if (context.viewer.volunteerId === volunteer.id) return Promise.resolve();
  // The associations through which the reader reached the volunteer: their own, else (a partner's
  // coordinator) the volunteer's.
  const memberships = volunteer.memberships.map((membership) => membership.associationId);
  const shared = memberships.filter((associationId) => mayActOn(context.viewer, { associationId }, 'coordinator'));
  return auditRead(
    context,
    { type: 'volunteer', id: volunteer.id, associationIds: shared.length > 0 ? shared : memberships },
    field,
  );
}

/** An association the viewer coordinates and the volunteer serves, if any. */
const sharedAssociation = (volunteer: { memberships: { associationId: string }[] }, viewer: Context['viewer']) =>
  volunteer.memberships.find((membership) => mayActOn(viewer, membership, 'coordinator'))?.associationId;

/**
 * What stays with the volunteer's own associations: a coordinator who reaches the volunteer through
 * a partnership sees only what matching and booking need (the rule: services/src/associations/partnerships.ts).
 */
const membersOnly = {
  description: 'The volunteer and coordinators of their associations; not partners’ coordinators.',
  authScopes: (volunteer: { id: string }, _args: unknown, { viewer }: Context) => {
    // Loaded with every volunteer by the type's own select, which the field types do not show.
    const shared = sharedAssociation(
      volunteer as typeof volunteer & { memberships: { associationId: string }[] },
      viewer,
    );
    return shared ? { coordinatorOf: shared } : { volunteerSelf: volunteer.id };
  },
};

export const Volunteer = builder.drizzleNode('volunteers', {
  name: 'Volunteer',
  description:
    'A volunteer’s profile: seen by the volunteer, by coordinators of an association they are a member of, and in part by coordinators of an accepted partner while it has a request opened to partners.',
  id: { column: (volunteer) => volunteer.id },
  // The memberships are loaded with every volunteer (in the same statement) for the checks below.
  select: { columns: { id: true }, with: { memberships: { columns: { associationId: true } } } },
  authScopes: (volunteer, { viewer }) => {
    // A scope map names one association per scope: take the one this coordinator shares with the
    // volunteer, if any; otherwise only the volunteer themself, or a partner's coordinator who
    // reaches them (the fields marked membersOnly stay hidden from the latter).
    const shared = sharedAssociation(volunteer, viewer);
    if (shared) return { coordinatorOf: shared };
    return {
      volunteerSelf: volunteer.id,
      coordinatesPartnerOf: volunteer.memberships.map((membership) => membership.associationId).sort(),
    };
  },
  fields: (t) => ({
    fullName: t.string({
      select: { columns: { fullName: true } },
      resolve: async (volunteer, _args, context) => {
        await auditVolunteerRead(context, volunteer, 'fullName');
        return volunteer.fullName;
      },
    }),
    phone: t.string({
      ...membersOnly,
      nullable: true,
      select: { columns: { phone: true } },
      resolve: async (volunteer, _args, context) => {
        await auditVolunteerRead(context, volunteer, 'phone');
        return volunteer.phone;
      },
    }),
    homeLocalGovernment: t.field({
      type: LocalGovernment,
      description: 'The municipality travel distance is measured from.',
      select: (_args, _context, nestedSelection) => ({ with: { home: nestedSelection() } }),
      resolve: async (volunteer, _args, context) => {
        await auditVolunteerRead(context, volunteer, 'homeLocalGovernment');
        return volunteer.home;
      },
    }),
    maxTravelKm: t.exposeInt('maxTravelKm', { nullable: true }),
    remoteCapable: t.exposeBoolean('remoteCapable'),
    specialties: t.expose('specialties', { type: [SpecialtyEnum] }),
    monthlyCap: t.exposeInt('monthlyCap', {
      ...membersOnly,
      nullable: true,
      description: `Assignments per month at most. ${membersOnly.description}`,
    }),
    holidaysOff: t.exposeBoolean('holidaysOff', {
      ...membersOnly,
      description: `Never available on national holidays. ${membersOnly.description}`,
    }),
    status: t.expose('status', { type: VolunteerStatusEnum }),
    confidentialityPledgeSignedAt: t.field({
      ...membersOnly,
      type: 'DateTime',
      nullable: true,
      select: { columns: { confidentialityPledgeSignedAt: true } },
      resolve: async (volunteer, _args, context) => {
        await auditVolunteerRead(context, volunteer, 'confidentialityPledgeSignedAt');
        return volunteer.confidentialityPledgeSignedAt;
      },
    }),
    insuranceEnrolledUntil: t.field({
      ...membersOnly,
      type: 'Date',
      nullable: true,
      select: { columns: { insuranceEnrolledUntil: true } },
      resolve: async (volunteer, _args, context) => {
        await auditVolunteerRead(context, volunteer, 'insuranceEnrolledUntil');
        return volunteer.insuranceEnrolledUntil;
      },
    }),
    registrationExpiresOn: t.field({
      ...membersOnly,
      type: 'Date',
      nullable: true,
      select: { columns: { registrationExpiresOn: true } },
      resolve: async (volunteer, _args, context) => {
        await auditVolunteerRead(context, volunteer, 'registrationExpiresOn');
        return volunteer.registrationExpiresOn;
      },
    }),
    paperwork: t.field({
      ...membersOnly,
      type: Paperwork,
      select: {
        columns: { registrationExpiresOn: true, insuranceEnrolledUntil: true, confidentialityPledgeSignedAt: true },
        with: {
          memberships: {
            columns: { associationId: true, status: true },
            with: { association: { columns: { nameJa: true, nameEn: true, policy: true } } },
          },
        },
      },
      resolve: async (volunteer, _args, context) => {
        await auditVolunteerRead(context, volunteer, 'paperwork');
        const { standing, holds } = context.services.paperwork.standing(context.viewer, volunteer);
        return { standing, holds: holds.map((hold) => ({ ...hold, locale: context.viewer.locale })) };
      },
    }),
    languages: t.relation('languages', { query: { orderBy: { languageCode: 'asc' } } }),
    regions: t.relation('regions', { query: { orderBy: { localGovernmentCode: 'asc' } } }),
    availability: t.relation('availability', {
      ...membersOnly,
      query: { orderBy: { weekday: 'asc', startMinute: 'asc' } },
      description: `Weekly windows, Monday first. ${membersOnly.description}`,
    }),
    certificates: t.field({
      ...membersOnly,
      type: [Certificate],
      select: (_args, _context, nestedSelection) => ({
        with: { certificates: nestedSelection({ orderBy: { name: 'asc' } }) },
      }),
      resolve: async (volunteer, _args, context) => {
        await auditVolunteerRead(context, volunteer, 'certificates');
        return volunteer.certificates;
      },
    }),
    daysOff: t.field({
      ...membersOnly,
      type: [DayOff],
      select: (_args, _context, nestedSelection) => ({
        with: { daysOff: nestedSelection({ orderBy: { startsOn: 'asc' } }) },
      }),
      resolve: async (volunteer, _args, context) => {
        await auditVolunteerRead(context, volunteer, 'daysOff');
        return volunteer.daysOff;
      },
    }),
    memberships: t.relation('memberships', {
      ...membersOnly,
      description: `The associations the volunteer serves. ${membersOnly.description}`,
    }),
    profileCompleteness: t.field({
      ...membersOnly,
      type: ProfileCompleteness,
      select: {
        columns: { phone: true, remoteCapable: true, confidentialityPledgeSignedAt: true },
        with: {
          languages: { columns: { languageCode: true } },
          regions: { columns: { localGovernmentCode: true } },
          availability: { columns: { id: true } },
        },
      },
      resolve: (volunteer) =>
        profileCompleteness({
          phone: volunteer.phone,
          remoteCapable: volunteer.remoteCapable,
          confidentialityPledgeSignedAt: volunteer.confidentialityPledgeSignedAt,
          languageCount: volunteer.languages.length,
          regionCount: volunteer.regions.length,
          availabilityWindowCount: volunteer.availability.length,
        }),
    }),
    createdAt: t.expose('createdAt', { ...membersOnly, type: 'DateTime' }),
  }),
});

builder.drizzleObject('volunteerLanguages', {
  name: 'VolunteerLanguage',
  fields: (t) => ({
    language: t.relation('language'),
    level: t.expose('level', { type: LanguageLevelEnum }),
    directions: t.expose('directions', { type: [LanguageDirectionEnum] }),
  }),
});

builder.drizzleObject('volunteerRegions', {
  name: 'VolunteerRegion',
  description: 'A municipality or a whole prefecture the volunteer covers.',
  fields: (t) => ({
    localGovernment: t.relation('localGovernment'),
  }),
});

const Certificate = builder.drizzleObject('certificates', {
  name: 'Certificate',
  fields: (t) => ({
    name: t.exposeString('name'),
    issuer: t.exposeString('issuer'),
    kind: t.exposeString('kind', { description: 'What matching checks a requirement against.' }),
    issuedOn: t.expose('issuedOn', { type: 'Date', nullable: true }),
    expiresOn: t.expose('expiresOn', { type: 'Date', nullable: true, description: 'Valid through this day.' }),
  }),
});

builder.drizzleObject('availabilityWindows', {
  name: 'AvailabilityWindow',
  description: 'A weekly window in minutes after midnight, Japan time; weekday 1 is Monday, 7 is Sunday.',
  fields: (t) => ({
    weekday: t.exposeInt('weekday'),
    startMinute: t.exposeInt('startMinute'),
    endMinute: t.exposeInt('endMinute'),
  }),
});

const DayOff = builder.drizzleObject('daysOff', {
  name: 'DayOff',
  description: 'Days away, both ends included.',
  fields: (t) => ({
    startsOn: t.expose('startsOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
  }),
});

builder.drizzleObject('volunteerMemberships', {
  name: 'VolunteerMembership',
  fields: (t) => ({
    association: t.relation('association'),
    status: t.expose('status', { type: MembershipStatusEnum }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
  }),
});

builder.drizzleObject('bans', {
  name: 'Ban',
  description: 'An organization declined a volunteer, or a volunteer declined an organization.',
  select: {
    columns: { organizationId: true, volunteerId: true, direction: true },
    with: { organization: { columns: { associationId: true } } },
  },
  // Seen by coordinators of the organization's association and by the side that asked for it.
  authScopes: (ban) =>
    ban.direction === 'volunteer_declines_organization'
      ? { coordinatorOf: ban.organization.associationId, volunteerSelf: ban.volunteerId }
      : {
          coordinatorOf: ban.organization.associationId,
          staffOf: { associationId: ban.organization.associationId, organizationId: ban.organizationId },
        },
  fields: (t) => ({
    direction: t.expose('direction', { type: BanDirectionEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    organizationId: t.globalID({ resolve: (ban) => ({ type: Organization, id: ban.organizationId }) }),
    organizationName: t.string({
      description: 'The public body’s name, shown to the volunteer who declined it as well.',
      select: { with: { organization: { columns: { name: true } } } },
      resolve: (ban) => ban.organization.name,
    }),
    volunteerId: t.globalID({ resolve: (ban) => ({ type: Volunteer, id: ban.volunteerId }) }),
    volunteerName: t.string({
      description:
        'The volunteer’s full name, for whoever sees the ban — also a partner’s volunteer whose profile the reader may not open. Reads by others than the volunteer are audited.',
      select: { with: { volunteer: { columns: { fullName: true } } } },
      resolve: async (ban, _args, context) => {
        // Reached through the ban: the organization's association's admins read the audit row.
        if (context.viewer.volunteerId !== ban.volunteerId) {
          await auditRead(
            context,
            { type: 'volunteer', id: ban.volunteerId, associationIds: [ban.organization.associationId] },
            'fullName',
          );
        }
        return ban.volunteer.fullName;
      },
    }),
    organization: t.relation('organization'),
    volunteer: t.relation('volunteer'),
  }),
});

builder.queryField('myVolunteerProfile', (t) =>
  t.drizzleField({
    type: 'volunteers',
    nullable: true,
    description: 'The signed-in volunteer’s own profile; null for someone who is not a volunteer.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, { db, viewer }) =>
      viewer.volunteerId ? db.query.volunteers.findFirst(query({ where: { id: viewer.volunteerId } })) : null,
  }),
);

builder.queryField('volunteers', (t) =>
  t.drizzleConnection({
    type: 'volunteers',
    description: 'Coordinators: the volunteers who are members of their associations, newest first.',
    authScopes: { coordinator: true },
    args: {
      status: t.arg({ type: VolunteerStatusEnum, required: false }),
      languageCode: t.arg.string({ required: false, description: 'Only those who speak this language.' }),
    },
    resolve: (query, _root, args, { db, viewer }) =>
      db.query.volunteers.findMany(
        query({
          where: {
            memberships: { associationId: associationsOf(viewer, 'coordinator') },
            ...(args.status ? { status: args.status } : {}),
            ...(args.languageCode ? { languages: { languageCode: args.languageCode } } : {}),
          },
          // Not by name: the ordering goes into the cursor, and a cursor must not carry personal data.
          orderBy: { createdAt: 'desc' },
        }),
      ),
  }),
);

builder.queryField('volunteerDirectory', (t) =>
  t.drizzleConnection({
    type: 'volunteers',
    description:
      'Coordinators: the volunteers of their associations, and of accepted partners while a request of theirs is opened to partners, found by name, language and level, area, specialty and status; newest first. Each personal field read is audited.',
    authScopes: { coordinator: true },
    args: {
      name: t.arg.string({ required: false, description: 'Part of the full name, any case.' }),
      languageCode: t.arg.string({ required: false }),
      level: t.arg({ type: LanguageLevelEnum, required: false, description: 'At least this level.' }),
      regionCode: t.arg.string({ required: false, description: 'A prefecture or municipality among their areas.' }),
      specialty: t.arg({ type: SpecialtyEnum, required: false }),
      status: t.arg({ type: VolunteerStatusEnum, required: false }),
    },
    resolve: (query, _root, args, { db, viewer }) =>
      db.query.volunteers.findMany(
        query({
          where: volunteerDirectoryWhere(viewer, args),
          // Not by name: the ordering goes into the cursor, and a cursor must not carry personal data.
          orderBy: { createdAt: 'desc' },
        }),
      ),
  }),
);

builder.queryField('bans', (t) =>
  t.drizzleConnection({
    type: 'bans',
    description:
      'Coordinators: the bans on the organizations of their associations. Volunteers and requesting staff: the ones they asked for.',
    authScopes: { coordinator: true, volunteer: true, requester: true },
    args: {
      organizationId: t.arg.globalID({ required: false, for: Organization }),
      volunteerId: t.arg.globalID({ required: false, for: Volunteer }),
    },
    resolve: (query, _root, args, { db, viewer }) =>
      db.query.bans.findMany(
        query({
          where: {
            OR: [
              { organization: { associationId: associationsOf(viewer, 'coordinator') } },
              ...(viewer.volunteerId
                ? [{ volunteerId: viewer.volunteerId, direction: 'volunteer_declines_organization' as const }]
                : []),
              ...(viewer.organizationId
                ? [{ organizationId: viewer.organizationId, direction: 'organization_declines_volunteer' as const }]
                : []),
            ],
            ...(args.organizationId ? { organizationId: args.organizationId.id } : {}),
            ...(args.volunteerId ? { volunteerId: args.volunteerId.id } : {}),
          },
          orderBy: { createdAt: 'desc' },
        }),
      ),
  }),
);

const LanguageInput = builder.inputType('VolunteerLanguageInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'An ISO 639 code, such as vi, or jsl for Japanese Sign Language.' }),
    level: t.field({ type: LanguageLevelEnum, required: true }),
    directions: t.field({ type: [LanguageDirectionEnum], required: true }),
  }),
});

const CertificateInput = builder.inputType('CertificateInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    issuer: t.string({ required: true }),
    kind: t.string({ required: true }),
    issuedOn: t.field({ type: 'Date', required: false }),
    expiresOn: t.field({ type: 'Date', required: false }),
  }),
});

const AvailabilityWindowInput = builder.inputType('AvailabilityWindowInput', {
  fields: (t) => ({
    weekday: t.int({ required: true, description: '1 is Monday, 7 is Sunday.' }),
    startMinute: t.int({ required: true, description: 'Minutes after midnight, Japan time: 540 is 09:00.' }),
    endMinute: t.int({ required: true, description: 'Up to 1440 (midnight at the end of the day).' }),
  }),
});

const DayOffInput = builder.inputType('DayOffInput', {
  fields: (t) => ({
    startsOn: t.field({ type: 'Date', required: true }),
    endsOn: t.field({ type: 'Date', required: true }),
  }),
});

const VolunteerProfileInput = builder.inputType('VolunteerProfileInput', {
  description:
    'What to change: a field left out (or null) stays as it is, except phone, maxTravelKm and monthlyCap, which null clears. A list that is given replaces the stored one.',
  fields: (t) => ({
    fullName: t.string({ required: false }),
    phone: t.string({ required: false }),
    homeLocalGovernmentCode: t.string({ required: false }),
    maxTravelKm: t.int({ required: false }),
    remoteCapable: t.boolean({ required: false }),
    specialties: t.field({ type: [SpecialtyEnum], required: false }),
    monthlyCap: t.int({ required: false }),
    holidaysOff: t.boolean({ required: false }),
    languages: t.field({ type: [LanguageInput], required: false }),
    regions: t.stringList({ required: false, description: 'Local-government codes of municipalities or prefectures.' }),
    certificates: t.field({ type: [CertificateInput], required: false }),
    availability: t.field({ type: [AvailabilityWindowInput], required: false }),
    daysOff: t.field({ type: [DayOffInput], required: false }),
  }),
});

/** GraphQL gives null for "left out" as well as for "clear"; only the nullable columns can be cleared. */
function profileUpdate(input: typeof VolunteerProfileInput.$inferInput): VolunteerProfileUpdate {
  const given = <T>(value: T | null | undefined) => value ?? undefined;
  return {
    fullName: given(input.fullName),
    phone: input.phone,
    homeLocalGovernmentCode: given(input.homeLocalGovernmentCode),
    maxTravelKm: input.maxTravelKm,
    remoteCapable: given(input.remoteCapable),
    specialties: given(input.specialties),
    monthlyCap: input.monthlyCap,
    holidaysOff: given(input.holidaysOff),
    languages: given(input.languages),
    regions: given(input.regions),
    certificates: given(input.certificates),
    availability: given(input.availability),
    daysOff: given(input.daysOff),
  };
}

const VolunteerPaperworkInput = builder.inputType('VolunteerPaperworkInput', {
  fields: (t) => ({
    confidentialityPledgeSignedOn: t.field({
      type: 'Date',
      required: false,
      description: 'A pledge signed on paper; one already on record keeps its first date.',
    }),
    insuranceEnrolledUntil: t.field({ type: 'Date', required: false, description: 'Null clears it.' }),
    registrationRenewedOn: t.field({
      type: 'Date',
      required: false,
      description: 'The registration then runs for a year from this date.',
    }),
  }),
});

builder.mutationField('updateMyVolunteerProfile', (t) =>
  t.drizzleField({
    type: 'volunteers',
    description: 'A volunteer changes their own profile; nothing is saved unless all of it is valid.',
    authScopes: { volunteer: true },
    args: { input: t.arg({ type: VolunteerProfileInput, required: true }) },
    errors: {},
    resolve: async (query, _root, { input }, { db, services, viewer }) => {
      const { volunteerId } = await services.volunteers.updateOwnProfile(viewer, profileUpdate(input));
      return selected(db.query.volunteers.findFirst(query({ where: { id: volunteerId } })), 'Volunteer', volunteerId);
    },
  }),
);

builder.mutationField('signConfidentialityPledge', (t) =>
  t.drizzleField({
    type: 'volunteers',
    description: 'A volunteer signs the confidentiality pledge; it stays in force after they leave.',
    authScopes: { volunteer: true },
    errors: {},
    resolve: async (query, _root, _args, { db, services, viewer }) => {
      const { volunteerId } = await services.volunteers.signConfidentialityPledge(viewer);
      return selected(db.query.volunteers.findFirst(query({ where: { id: volunteerId } })), 'Volunteer', volunteerId);
    },
  }),
);

builder.mutationField('changeVolunteerStatus', (t) =>
  t.drizzleField({
    type: 'volunteers',
    description: 'A coordinator accepts an application, or suspends, retires or reinstates a volunteer.',
    authScopes: { coordinator: true },
    args: {
      volunteerId: t.arg.globalID({ required: true, for: Volunteer }),
      status: t.arg({ type: VolunteerStatusEnum, required: true }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const { volunteerId } = await services.volunteers.changeStatus(viewer, args.volunteerId.id, args.status);
      return selected(db.query.volunteers.findFirst(query({ where: { id: volunteerId } })), 'Volunteer', volunteerId);
    },
  }),
);

builder.mutationField('changeVolunteerMembershipStatus', (t) =>
  t.drizzleField({
    type: 'volunteers',
    description: 'A coordinator accepts, suspends or ends a volunteer’s membership of their association.',
    authScopes: { coordinator: true },
    args: {
      volunteerId: t.arg.globalID({ required: true, for: Volunteer }),
      associationId: t.arg.globalID({ required: true, for: Association }),
      status: t.arg({ type: MembershipStatusEnum, required: true }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const { volunteerId } = await services.volunteers.changeMembershipStatus(
        viewer,
        args.volunteerId.id,
        args.associationId.id,
        args.status,
      );
      return selected(db.query.volunteers.findFirst(query({ where: { id: volunteerId } })), 'Volunteer', volunteerId);
    },
  }),
);

builder.mutationField('recordVolunteerPaperwork', (t) =>
  t.drizzleField({
    type: 'volunteers',
    description:
      'A coordinator records volunteer insurance, the yearly registration renewal and a pledge signed on paper.',
    authScopes: { coordinator: true },
    args: {
      volunteerId: t.arg.globalID({ required: true, for: Volunteer }),
      input: t.arg({ type: VolunteerPaperworkInput, required: true }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const { volunteerId } = await services.volunteers.recordPaperwork(viewer, args.volunteerId.id, {
        confidentialityPledgeSignedOn: args.input.confidentialityPledgeSignedOn ?? undefined,
        insuranceEnrolledUntil: args.input.insuranceEnrolledUntil,
        registrationRenewedOn: args.input.registrationRenewedOn ?? undefined,
      });
      return selected(db.query.volunteers.findFirst(query({ where: { id: volunteerId } })), 'Volunteer', volunteerId);
    },
  }),
);

/** A ban as it now is, with the client's selection. */
function banQuery(ban: { organizationId: string; volunteerId: string; direction: (typeof banDirections)[number] }) {
  return { where: { organizationId: ban.organizationId, volunteerId: ban.volunteerId, direction: ban.direction } };
}

builder.mutationField('declineOrganization', (t) =>
  t.drizzleField({
    type: 'bans',
    description: 'A volunteer asks not to be sent to this organization again.',
    authScopes: { volunteer: true },
    args: {
      organizationId: t.arg.globalID({ required: true, for: Organization }),
      reason: t.arg.string({ required: false }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const ban = await services.volunteers.declineOrganization(
        viewer,
        args.organizationId.id,
        args.reason ?? undefined,
      );
      return selected(db.query.bans.findFirst(query(banQuery(ban))), 'Ban', ban.volunteerId);
    },
  }),
);

builder.mutationField('declineVolunteer', (t) =>
  t.drizzleField({
    type: 'bans',
    description: 'An organization’s staff ask not to be sent this volunteer again.',
    authScopes: { requester: true },
    args: {
      volunteerId: t.arg.globalID({ required: true, for: Volunteer }),
      reason: t.arg.string({ required: false }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const ban = await services.volunteers.declineVolunteer(viewer, args.volunteerId.id, args.reason ?? undefined);
      return selected(db.query.bans.findFirst(query(banQuery(ban))), 'Ban', ban.volunteerId);
    },
  }),
);

builder.mutationField('recordBan', (t) =>
  t.drizzleField({
    type: 'bans',
    description: 'A coordinator records a ban that one side asked for (by phone, say).',
    authScopes: { coordinator: true },
    args: {
      organizationId: t.arg.globalID({ required: true, for: Organization }),
      volunteerId: t.arg.globalID({ required: true, for: Volunteer }),
      direction: t.arg({ type: BanDirectionEnum, required: true }),
      reason: t.arg.string({ required: false }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const ban = await services.volunteers.recordBan(viewer, {
        organizationId: args.organizationId.id,
        volunteerId: args.volunteerId.id,
        direction: args.direction,
        reason: args.reason ?? undefined,
      });
      return selected(db.query.bans.findFirst(query(banQuery(ban))), 'Ban', ban.volunteerId);
    },
  }),
);

builder.mutationField('liftBan', (t) =>
  t.field({
    type: 'Boolean',
    description: 'The side that asked for a ban, or a coordinator, lifts it.',
    authScopes: { signedIn: true },
    args: {
      organizationId: t.arg.globalID({ required: true, for: Organization }),
      volunteerId: t.arg.globalID({ required: true, for: Volunteer }),
      direction: t.arg({ type: BanDirectionEnum, required: true }),
    },
    errors: {},
    resolve: (_root, args, { services, viewer }) =>
      services.volunteers.liftBan(viewer, {
        organizationId: args.organizationId.id,
        volunteerId: args.volunteerId.id,
        direction: args.direction,
      }),
  }),
);

const CalendarFeed = builder.objectRef<{ token: string }>('CalendarFeed').implement({
  description: 'A volunteer’s calendar subscription.',
  fields: (t) => ({
    path: t.string({
      description:
        'Where calendar programs fetch the feed, on the app’s own origin. It holds the secret: shown once, as anyone with it can read the feed.',
      resolve: ({ token }) => `/calendar/${token}.ics`,
    }),
  }),
});

builder.mutationField('renewMyCalendarFeed', (t) =>
  t.field({
    type: CalendarFeed,
    description:
      'A volunteer gets a new address for their calendar feed of assignments (.ics); the previous address stops working.',
    authScopes: { volunteer: true },
    errors: {},
    resolve: (_root, _args, { services, viewer }) => services.calendarFeeds.renew(viewer),
  }),
);
