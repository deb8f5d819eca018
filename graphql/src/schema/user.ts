import { builder } from '../builder';

export const User = builder.drizzleNode('users', {
  name: 'User',
  id: { column: (user) => user.id },
  // Only what the fields below read: never the password hash, and the e-mail only when asked for.
  select: { columns: { id: true } },
  fields: (t) => ({
    displayName: t.exposeString('displayName'),
    locale: t.exposeString('locale'),
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
