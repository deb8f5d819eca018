import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { type DispatchNotice, type EmailMessage, systemClock } from '@tsunagu/domain';
import { createLogger, deliverPending, enqueueEmail, type MailTransport } from '@tsunagu/services';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { insertAssociation, insertStaffMember, insertVolunteerUser } from '../support/fixtures';
import { subscribe } from '../support/sse';

const notice = (event: DispatchNotice['event']): DispatchNotice => ({
  event,
  requestId: '7f1c7a52-5b0e-4a7e-9d1e-1d6f6b7c2a10',
  request: {
    organizationName: '豊中市役所 市民課',
    language: { ja: 'ベトナム語', en: 'Vietnamese' },
    modality: 'on_site',
    startsAt: '2027-03-22T01:00:00.000Z',
    endsAt: '2027-03-22T03:00:00.000Z',
    deadline: null,
    municipality: { ja: '豊中市', en: 'Toyonaka' },
  },
});

const countsQuery = '{ unreadCounts { total offersWaiting approvalsWaiting escalations } }';
const inboxQuery = '{ inbox(first: 10) { nodes { id subject readAt } } }';
const markRead = `mutation ($id: ID!) {
  markInboxMessageRead(messageId: $id) {
    __typename
    ... on MutationMarkInboxMessageReadSuccess { data { id readAt } }
    ... on Error { message }
  }
}`;
const setPreference = `mutation ($topic: EmailTopic!, $email: Boolean!) {
  setEmailPreference(topic: $topic, email: $email) {
    ... on MutationSetEmailPreferenceSuccess { data { topic email } }
  }
}`;

type SendMailOptions = Parameters<MailTransport['sendMail']>[0];
type Counts = { total: number; offersWaiting: number; approvalsWaiting: number; escalations: number };

describe('the in-app inbox', () => {
  let testDb: TestDatabase;
  let api: TestApi;
  let associationId: string;
  let volunteer: { id: string; email: string };
  let coordinator: { id: string; email: string };
  const sent: SendMailOptions[] = [];
  const transport: MailTransport = {
    sendMail: async (options: SendMailOptions) => {
      sent.push(options);
      return {};
    },
  };
  let sequence = 0;

  /** A dispatch message to one person, written to the outbox and delivered as the worker would. */
  async function notify(user: { id: string; email: string }, event: DispatchNotice['event']) {
    await enqueueEmail(testDb.database.db, {
      idempotencyKey: `inbox-test-${++sequence}`,
      to: user.email,
      locale: 'en',
      recipientUserId: user.id,
      associationId,
      ...({ template: event, payload: notice(event) } as EmailMessage),
    });
    await deliverPending({
      db: testDb.database.db,
      transport,
      clock: systemClock,
      logger: createLogger({ level: 'silent' }),
      from: 'Tsunagu <no-reply@tsunagu.localhost>',
      publicUrl: 'https://tsunagu.example.jp',
    });
  }

  const counts = async (session: string) =>
    (await api.graphql<{ unreadCounts: Counts }>(countsQuery, {}, { session })).data?.unreadCounts;
  const inbox = async (session: string) =>
    (
      await api.graphql<{ inbox: { nodes: Array<{ id: string; subject: string; readAt: string | null }> } }>(
        inboxQuery,
        {},
        { session },
      )
    ).data?.inbox.nodes ?? [];

  beforeAll(async () => {
    testDb = await openTestDatabase();
    api = await startTestApi(testDb.database);
    associationId = (await insertAssociation(testDb.database.db)).id;
    volunteer = await insertVolunteerUser(testDb.database.db, associationId);
    coordinator = await insertStaffMember(testDb.database.db, associationId, 'coordinator');
  });
  afterAll(async () => {
    await api?.close();
    await testDb?.dispose();
  });
  beforeEach(async () => {
    sent.length = 0;
    await testDb.database.db.delete(schema.outbox);
    await testDb.database.db.delete(schema.emailOptOuts);
  });

  test('every message e-mailed to a person lands in their inbox, counted by what waits for them', async () => {
    const volunteerSession = await api.sessionFor(volunteer.id);
    const coordinatorSession = await api.sessionFor(coordinator.id);
    expect(await counts(volunteerSession)).toEqual({ total: 0, offersWaiting: 0, approvalsWaiting: 0, escalations: 0 });

    await notify(volunteer, 'offerMade');
    await notify(volunteer, 'reminder');
    await notify(coordinator, 'screeningNeeded');
    await notify(coordinator, 'escalated');
    await notify(coordinator, 'coverNeeded');

    expect(sent.map((mail) => mail.to)).toHaveLength(5);
    expect(await counts(volunteerSession)).toEqual({ total: 2, offersWaiting: 1, approvalsWaiting: 0, escalations: 0 });
    expect(await counts(coordinatorSession)).toEqual({
      total: 3,
      offersWaiting: 0,
      approvalsWaiting: 1,
      escalations: 2,
    });
    expect((await inbox(volunteerSession)).map((message) => message.subject)).toEqual(
      sent
        .filter((mail) => mail.to === volunteer.email)
        .map((mail) => mail.subject)
        .reverse(),
    );
  });

  test('a person marks one message read, then all; nobody else’s message can be reached', async () => {
    const volunteerSession = await api.sessionFor(volunteer.id);
    const coordinatorSession = await api.sessionFor(coordinator.id);
    await notify(volunteer, 'offerMade');
    await notify(volunteer, 'offerWithdrawn');
    await notify(coordinator, 'screeningNeeded');
    const [newest, offer] = await inbox(volunteerSession);
    const [coordinatorsMessage] = await inbox(coordinatorSession);
    if (!newest || !offer || !coordinatorsMessage) throw new Error('messages missing');

    const read = await api.graphql<{ markInboxMessageRead: { __typename: string; data: { readAt: string } } }>(
      markRead,
      { id: offer.id },
      { session: volunteerSession },
    );
    expect(read.data?.markInboxMessageRead.__typename).toBe('MutationMarkInboxMessageReadSuccess');
    expect(read.data?.markInboxMessageRead.data.readAt).not.toBeNull();
    expect(await counts(volunteerSession)).toEqual({ total: 1, offersWaiting: 0, approvalsWaiting: 0, escalations: 0 });

    const foreign = await api.graphql<{ markInboxMessageRead: { __typename: string } }>(
      markRead,
      { id: coordinatorsMessage.id },
      { session: volunteerSession },
    );
    expect(foreign.data?.markInboxMessageRead.__typename).toBe('NotFoundError');
    const peek = await api.graphql<{ node: unknown }>(
      'query ($id: ID!) { node(id: $id) { ... on InboxMessage { subject } } }',
      { id: coordinatorsMessage.id },
      { session: volunteerSession },
    );
    expect(peek.data?.node ?? null).toBeNull();
    expect((await counts(coordinatorSession))?.total).toBe(1);

    const all = await api.graphql<{ markAllInboxMessagesRead: { data: Counts } }>(
      'mutation { markAllInboxMessagesRead { ... on MutationMarkAllInboxMessagesReadSuccess { data { total } } } }',
      {},
      { session: volunteerSession },
    );
    expect(all.data?.markAllInboxMessagesRead.data.total).toBe(0);
    expect((await counts(coordinatorSession))?.total).toBe(1);
    expect((await api.graphql(countsQuery)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a topic turned off by e-mail still reaches the inbox, and only that topic is withheld', async () => {
    const volunteerSession = await api.sessionFor(volunteer.id);
    const preferences = await api.graphql<{ emailPreferences: Array<{ topic: string; email: boolean }> }>(
      '{ emailPreferences { topic email } }',
      {},
      { session: volunteerSession },
    );
    expect(preferences.data?.emailPreferences).toEqual([
      { topic: 'offers', email: true },
      { topic: 'bookings', email: true },
      { topic: 'reports', email: true },
    ]);
    const off = await api.graphql<{ setEmailPreference: { data: Array<{ topic: string; email: boolean }> } }>(
      setPreference,
      { topic: 'offers', email: false },
      { session: volunteerSession },
    );
    expect(off.data?.setEmailPreference.data).toContainEqual({ topic: 'offers', email: false });

    await notify(volunteer, 'offerMade');
    await notify(volunteer, 'reminder');
    expect(sent.map((mail) => mail.subject)).toEqual([expect.stringContaining('Reminder')]);
    expect((await inbox(volunteerSession)).map((message) => message.subject)).toHaveLength(2);
    const statuses = await testDb.database.db
      .select({ template: schema.outbox.template, status: schema.outbox.status })
      .from(schema.outbox)
      .where(eq(schema.outbox.recipientUserId, volunteer.id));
    expect(statuses).toEqual(
      expect.arrayContaining([
        { template: 'offerMade', status: 'withheld' },
        { template: 'reminder', status: 'sent' },
      ]),
    );

    await api.graphql(setPreference, { topic: 'offers', email: true }, { session: volunteerSession });
    await notify(volunteer, 'offerMade');
    expect(sent).toHaveLength(2);
  });

  test('an open subscription hears the counts change without asking again', async () => {
    const volunteerSession = await api.sessionFor(volunteer.id);
    await testDb.database.db.update(schema.inboxMessages).set({ readAt: new Date() });
    const live = await subscribe<{ data: { unreadCountsChanged: Counts } }>(
      api.url,
      'subscription { unreadCountsChanged { total offersWaiting } }',
      { session: volunteerSession },
    );
    try {
      expect((await live.next()).data.unreadCountsChanged).toEqual({ total: 0, offersWaiting: 0 });
      await notify(coordinator, 'escalated');
      await notify(volunteer, 'offerMade');
      expect((await live.next()).data.unreadCountsChanged).toEqual({ total: 1, offersWaiting: 1 });
      const [message] = await inbox(volunteerSession);
      await api.graphql(markRead, { id: message?.id }, { session: volunteerSession });
      expect((await live.next()).data.unreadCountsChanged).toEqual({ total: 0, offersWaiting: 0 });
    } finally {
      live.close();
    }
  });
});
