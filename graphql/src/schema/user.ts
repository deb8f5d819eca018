import { isAdmin, isCoordinator, isRequester, isVolunteer, type Viewer } from '@tsunagu/services';
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

export const User = builder.drizzleNode('users', {
  name: 'User',
  id: { column: (user) => user.id },
  // Only what the fields below read: never the password hash, and the e-mail only when asked for.
  select: { columns: { id: true } },
  fields: (t) => ({
    displayName: t.string({
      description: 'For a volunteer, often their full name: reads of someone else’s are audited.',
      select: { columns: { displayName: true } },
      resolve: async (user, _args, context) => {
        if (user.id !== context.viewer.userId) await auditRead(context, 'user', user.id, 'displayName');
        return user.displayName;
      },
    }),
    locale: t.exposeString('locale'),
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
