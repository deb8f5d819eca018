import { builder } from '../builder';
import { own } from '../tenancy';

builder.drizzleNode('inboxMessages', {
  name: 'InboxMessage',
  description: 'A message Tsunagu sent, as the recipient reads it in the app. Seen by its recipient only.',
  id: { column: (message) => message.id },
  authScopes: (message, { viewer }) => message.userId === viewer.userId,
  fields: (t) => ({
    subject: t.exposeString('subject'),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('inbox', (t) =>
  t.drizzleConnection({
    type: 'inboxMessages',
    description: 'The signed-in user’s messages, newest first.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, { db, viewer }) =>
      db.query.inboxMessages.findMany(
        query({
          where: { userId: own(viewer.userId) },
          orderBy: { createdAt: 'desc' },
        }),
      ),
  }),
);

builder.drizzleObject('caughtEmails', {
  name: 'CaughtEmail',
  description: 'An e-mail the embedded mail catcher received instead of sending it on (no SMTP_URL configured).',
  authScopes: { admin: true },
  fields: (t) => ({
    fromAddress: t.exposeString('fromAddress'),
    toAddresses: t.exposeStringList('toAddresses'),
    subject: t.exposeString('subject'),
    body: t.exposeString('body'),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('caughtEmails', (t) =>
  t.drizzleConnection({
    type: 'caughtEmails',
    description: 'Admins: what the embedded mail catcher received, newest first.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, { db }) =>
      db.query.caughtEmails.findMany(query({ orderBy: { receivedAt: 'desc' } })),
  }),
);
