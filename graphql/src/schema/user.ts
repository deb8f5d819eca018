import { isAdmin, isCoordinator, isRequester, isVolunteer, mayActOn, type Viewer } from '@tsunagu/domain';
import { builder } from '../builder';
import { auditRead } from './audit';

const viewerRoles = ['requester', 'volunteer', 'coordinator', 'admin'] as const;
type ViewerRole = (typeof viewerRoles)[number];

const ViewerRoleEnum = builder.enumType('ViewerRole', { values: viewerRoles });

const roleChecks: Record<ViewerRole, (viewer: Viewer) => boolean> = {
  requester: isRequester,
  volunteer: isVolunteer,
  coordinator: isCoordinator,
  admin: isAdmin,
};

/** The associations a person works for, requests from (through their organization) or volunteers with. */
function placesOf(user: {
  associationRoles: { associationId: string }[];
  staffOf: { organization: { associationId: string } } | null;
  volunteer: { memberships: { associationId: string }[] } | null;
}): string[] {
  return [
    ...user.associationRoles.map((role) => role.associationId),
    ...(user.staffOf ? [user.staffOf.organization.associationId] : []),
    ...(user.volunteer?.memberships.map((membership) => membership.associationId) ?? []),
  ];
}

export const User = builder.drizzleNode('users', {
  name: 'User',
  id: { column: (user) => user.id },
  // Only what the fields below and the check read: never the password hash, and the e-mail only
  // when asked for. The user's places (staff roles, organization, memberships) come in the same statement.
  select: {
    columns: { id: true },
    with: {
      associationRoles: { columns: { associationId: true } },
      staffOf: { columns: { organizationId: true }, with: { organization: { columns: { associationId: true } } } },
      volunteer: { columns: { id: true }, with: { memberships: { columns: { associationId: true } } } },
    },
  },
  // A name is personal data: seen by the person, by coordinators of an association the person
  // works for, requests from or volunteers with, by colleagues of the same organization, and by
  // coordinators partnered with a volunteer's association — never by someone signed out.
  authScopes: (user, { viewer }) => {
    if (user.id === viewer.userId) return true;
    const organization = user.staffOf
      ? { associationId: user.staffOf.organization.associationId, organizationId: user.staffOf.organizationId }
      : null;
    const memberships = user.volunteer?.memberships.map((membership) => membership.associationId) ?? [];
    const shared = placesOf(user).find((associationId) => mayActOn(viewer, { associationId }, 'coordinator'));
    if (shared) return { coordinatorOf: shared };
    if (organization && mayActOn(viewer, organization, 'requester')) return true;
    return memberships.length > 0 ? { coordinatesPartnerOf: [...memberships].sort() } : false;
  },
  fields: (t) => ({
    displayName: t.string({
      description: 'For a volunteer, often their full name: reads of someone else’s are audited.',
      select: { columns: { displayName: true } },
      resolve: async (user, _args, context) => {
        if (user.id !== context.viewer.userId) {
          await auditRead(context, { type: 'user', id: user.id, associationIds: placesOf(user) }, 'displayName');
        }
        return user.displayName;
      },
    }),
    locale: t.exposeString('locale', {
      description: "The language of this person's e-mails (the app's language is the page's own).",
    }),
    roles: t.field({
      type: [ViewerRoleEnum],
      nullable: true,
      description:
        'What the signed-in user may do here, so that the app opens the right portal; null on anyone else. Admins coordinate too.',
      resolve: (user, _args, { viewer }) =>
        user.id === viewer.userId ? viewerRoles.filter((role) => roleChecks[role](viewer)) : null,
    }),
  }),
});

builder.queryField('me', (t) =>
  t.drizzleField({
    type: 'users',
    nullable: true,
    description: 'The signed-in user, or null.',
    resolve: (query, _root, _args, { db, viewer }) =>
      viewer.userId ? db.query.users.findFirst(query({ where: { id: viewer.userId } })) : null,
  }),
);
