import { emailTopics } from '@tsunagu/domain';
import type { EmailPreference, UnreadCounts } from '@tsunagu/services';
import { builder } from '../builder';
import { InboxMessage } from './notification';
import { selected } from './selection';

const UnreadCountsRef = builder.objectRef<UnreadCounts>('UnreadCounts').implement({
  description: 'What the signed-in person has not read in their inbox: in total, and what waits for them to act.',
  fields: (t) => ({
    total: t.exposeInt('total'),
    offersWaiting: t.exposeInt('offersWaiting', { description: 'Unread offers (a volunteer’s).' }),
    approvalsWaiting: t.exposeInt('approvalsWaiting', { description: 'Unread requests to screen (a coordinator’s).' }),
    escalations: t.exposeInt('escalations', {
      description: 'Unread escalations: nobody found, cover needed, a step failed (a coordinator’s).',
    }),
  }),
});

const EmailTopicRef = builder.enumType('EmailTopic', {
  description: 'A kind of message a person may choose to read in their inbox only, not by e-mail.',
  values: emailTopics,
});

const EmailPreferenceRef = builder.objectRef<EmailPreference>('EmailPreference').implement({
  description: 'Whether a topic comes by e-mail too. The inbox gets every message whatever is chosen.',
  fields: (t) => ({
    topic: t.field({ type: EmailTopicRef, resolve: (preference) => preference.topic }),
    email: t.exposeBoolean('email'),
  }),
});

builder.queryField('unreadCounts', (t) =>
  t.field({
    type: UnreadCountsRef,
    description: 'What the signed-in person has not read yet; the navigation shows it.',
    authScopes: { signedIn: true },
    resolve: (_root, _args, { services, viewer }) => services.inbox.unreadCounts(viewer),
  }),
);

builder.subscriptionType({});

builder.subscriptionField('unreadCountsChanged', (t) =>
  t.field({
    type: UnreadCountsRef,
    description:
      'The signed-in person’s unread counts now, then again whenever their inbox changes, whichever API process changed it (over server-sent events).',
    authScopes: { signedIn: true },
    subscribe: (_root, _args, { services, viewer }) => services.inbox.changes(viewer),
    resolve: (counts) => counts,
  }),
);

builder.mutationField('markInboxMessageRead', (t) =>
  t.drizzleField({
    type: 'inboxMessages',
    description: 'Marks one of the signed-in person’s messages read. Someone else’s is not found.',
    authScopes: { signedIn: true },
    args: { messageId: t.arg.globalID({ required: true, for: InboxMessage }) },
    errors: {},
    resolve: async (query, _root, { messageId }, { db, services, viewer }) => {
      const { id } = await services.inbox.markRead(viewer, messageId.id);
      return selected(db.query.inboxMessages.findFirst(query({ where: { id } })), 'InboxMessage', id);
    },
  }),
);

builder.mutationField('markAllInboxMessagesRead', (t) =>
  t.field({
    type: UnreadCountsRef,
    description: 'Marks every unread message of the signed-in person read; answers the counts afterwards.',
    authScopes: { signedIn: true },
    errors: {},
    resolve: async (_root, _args, { services, viewer }) => {
      await services.inbox.markAllRead(viewer);
      return services.inbox.unreadCounts(viewer);
    },
  }),
);

builder.queryField('emailPreferences', (t) =>
  t.field({
    type: [EmailPreferenceRef],
    description: 'The topics the signed-in person’s roles receive, and whether each comes by e-mail too.',
    authScopes: { signedIn: true },
    resolve: (_root, _args, { services, viewer }) => services.inbox.emailPreferences(viewer),
  }),
);

builder.mutationField('setEmailPreference', (t) =>
  t.field({
    type: [EmailPreferenceRef],
    description: 'Turns e-mail for one topic on or off for the signed-in person; their inbox gets it either way.',
    authScopes: { signedIn: true },
    args: { topic: t.arg({ type: EmailTopicRef, required: true }), email: t.arg.boolean({ required: true }) },
    errors: {},
    resolve: (_root, { topic, email }, { services, viewer }) => services.inbox.setEmailPreference(viewer, topic, email),
  }),
);
