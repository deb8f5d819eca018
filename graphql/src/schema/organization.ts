import { organizationTypes } from '@tsunagu/domain';
import { builder } from '../builder';
import type { Context } from '../context';
import { associationsOf, organizationsOf } from '../tenancy';
import { Association } from './association';
import { auditRead } from './audit';
import { selected } from './selection';

const OrganizationTypeEnum = builder.enumType('OrganizationType', { values: organizationTypes });
const OrganizationStatusEnum = builder.enumType('OrganizationStatus', {
  values: ['applied', 'approved', 'rejected', 'suspended', 'closed'] as const,
});
const OrganizationDecisionEnum = builder.enumType('OrganizationDecision', {
  values: ['approve', 'reject', 'suspend', 'close'] as const,
  description: 'Closing is for good: the contact and staff are anonymised after the retention period.',
});

/** The contact person is personal data: reads by anyone outside the organization are audited. */
function auditOrganizationRead(
  context: Context,
  organization: { id: string; associationId: string },
  field: string,
): Promise<void> {
  return context.viewer.organizationId === organization.id
    ? Promise.resolve()
    : auditRead(
        context,
        { type: 'organization', id: organization.id, associationIds: [organization.associationId] },
        field,
      );
}

export const Organization = builder.drizzleNode('organizations', {
  name: 'Organization',
  description: 'A public body that requests interpreters. Seen by its own staff and by its association’s coordinators.',
  id: { column: (organization) => organization.id },
  select: { columns: { id: true, associationId: true } },
  authScopes: (organization) => ({
    coordinatorOf: organization.associationId,
    staffOf: { associationId: organization.associationId, organizationId: organization.id },
  }),
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.expose('type', { type: OrganizationTypeEnum }),
    status: t.expose('status', { type: OrganizationStatusEnum }),
    trusted: t.exposeBoolean('trusted'),
    contactName: t.string({
      select: { columns: { contactName: true } },
      resolve: async (organization, _args, context) => {
        await auditOrganizationRead(context, organization, 'contactName');
        return organization.contactName;
      },
    }),
    contactEmail: t.string({
      select: { columns: { contactEmail: true } },
      resolve: async (organization, _args, context) => {
        await auditOrganizationRead(context, organization, 'contactEmail');
        return organization.contactEmail;
      },
    }),
    contactPhone: t.string({
      nullable: true,
      select: { columns: { contactPhone: true } },
      resolve: async (organization, _args, context) => {
        await auditOrganizationRead(context, organization, 'contactPhone');
        return organization.contactPhone;
      },
    }),
    address: t.exposeString('address', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    association: t.relation('association'),
    localGovernment: t.relation('localGovernment'),
    staff: t.relation('staff', { description: 'The requesting staff of this organization.' }),
  }),
});

builder.drizzleObject('organizationStaff', {
  name: 'OrganizationStaffMember',
  fields: (t) => ({
    user: t.relation('user'),
  }),
});

builder.queryField('organizations', (t) =>
  t.drizzleConnection({
    type: 'organizations',
    description: 'Coordinators: the organizations of their associations. Requesting staff: their own.',
    authScopes: { coordinator: true, requester: true },
    args: { status: t.arg({ type: OrganizationStatusEnum, required: false }) },
    resolve: (query, _root, args, { db, viewer }) =>
      db.query.organizations.findMany(
        query({
          where: {
            OR: [{ associationId: associationsOf(viewer, 'coordinator') }, { id: organizationsOf(viewer) }],
            ...(args.status ? { status: args.status } : {}),
          },
          orderBy: { createdAt: 'desc' },
        }),
      ),
  }),
);

const StaffAccountInput = builder.inputType('StaffAccountInput', {
  fields: (t) => ({
    displayName: t.string({ required: true }),
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    locale: t.string({ required: false }),
  }),
});

const OrganizationApplicationInput = builder.inputType('OrganizationApplicationInput', {
  fields: (t) => ({
    associationId: t.globalID({ required: true, for: Association }),
    name: t.string({ required: true }),
    type: t.field({ type: OrganizationTypeEnum, required: true }),
    localGovernmentCode: t.string({ required: true }),
    contactName: t.string({ required: true }),
    contactEmail: t.string({ required: true }),
    contactPhone: t.string({ required: false }),
    address: t.string({ required: false }),
    staff: t.field({ type: StaffAccountInput, required: true }),
  }),
});

builder.mutationField('applyForOrganization', (t) =>
  t.boolean({
    description:
      'A public body applies to be served, with its first staff account (public; a coordinator approves); the applicant then signs in. The answer is the same for a staff address that has an account (its owner is e-mailed instead), so that it tells nobody who is registered.',
    args: { input: t.arg({ type: OrganizationApplicationInput, required: true }) },
    errors: {},
    resolve: async (_root, { input }, context) => {
      await context.services.organizations.apply(context.viewer, {
        ...input,
        associationId: input.associationId.id,
        contactPhone: input.contactPhone ?? undefined,
        address: input.address ?? undefined,
        staff: { ...input.staff, locale: input.staff.locale === 'en' ? 'en' : 'ja' },
      });
      return true;
    },
  }),
);

builder.mutationField('decideOrganization', (t) =>
  t.drizzleField({
    type: 'organizations',
    description: 'A coordinator approves, rejects, suspends or closes an organization of their association.',
    authScopes: { coordinator: true },
    args: {
      organizationId: t.arg.globalID({ required: true, for: Organization }),
      decision: t.arg({ type: OrganizationDecisionEnum, required: true }),
    },
    errors: {},
    resolve: async (query, _root, args, { db, services, viewer }) => {
      const row = await services.organizations.decide(viewer, args.organizationId.id, args.decision);
      return selected(db.query.organizations.findFirst(query({ where: { id: row.id } })), 'Organization', row.id);
    },
  }),
);
