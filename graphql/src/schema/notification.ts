import { mayActOn, withoutTokens } from '@tsunagu/domain';
import { builder } from '../builder';
import { associationsOf, own } from '../tenancy';

export const InboxMessage = builder.drizzleNode('inboxMessages', {
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
  description:
    'An e-mail the embedded mail catcher received instead of sending it on (no SMTP_URL configured). Seen by the admins of the association it is about.',
  select: { columns: { associationId: true, recipientUserId: true } },
  authScopes: (email, { viewer }) =>
    email.associationId !== null && mayActOn(viewer, { associationId: email.associationId }, 'admin'),
  fields: (t) => ({
    fromAddress: t.exposeString('fromAddress'),
    toAddresses: t.exposeStringList('toAddresses'),
    subject: t.exposeString('subject'),
    body: t.string({
      description:
        'The text. The tokens of its links (an invitation, a password reset) only for the person it was sent to; for anyone else they read "(hidden)".',
      select: { columns: { body: true } },
      resolve: (email, _args, { viewer }) =>
        email.recipientUserId !== null && email.recipientUserId === viewer.userId
          ? email.body
          : withoutTokens(email.body),
    }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('caughtEmails', (t) =>
  t.drizzleConnection({
    type: 'caughtEmails',
    description: 'Admins: what the embedded mail catcher received about their associations, newest first.',
    authScopes: { admin: true },
    resolve: (query, _root, _args, { db, viewer }) =>
      db.query.caughtEmails.findMany(
        query({ where: { associationId: associationsOf(viewer, 'admin') }, orderBy: { receivedAt: 'desc' } }),
      ),
  }),
);
