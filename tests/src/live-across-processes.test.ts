import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { systemClock } from '@tsunagu/domain';
import { type DevServer, startTemporalDevServer } from '@tsunagu/server';
import { createLogger, createSession } from '@tsunagu/services';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { globalId } from './support/api';
import { insertAssociation, insertVolunteerUser } from './support/fixtures';
import { type ApiProcess, eventually, freePort, graphql, spawnApi } from './support/processes';
import { subscribe } from './support/sse';

/**
 * API processes scale out behind a load balancer: a person's page may listen on one while their
 * other tab's mutation lands on another. The live channel goes through PostgreSQL's LISTEN/NOTIFY.
 */
describe('the live unread counts across two API processes on one PostgreSQL database', () => {
  let devServer: DevServer;
  let testDb: TestDatabase;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    const cliPath = process.env.TEMPORAL_CLI_PATH;
    if (!cliPath) throw new Error('TEMPORAL_CLI_PATH is not set: run the tests with npm test, which installs the CLI');
    devServer = await startTemporalDevServer({
      cliPath,
      port: await freePort(),
      uiPort: await freePort(),
      dbFile: null,
      namespace: 'default',
      logger: createLogger({ level: 'silent' }),
    });
    testDb = await openTestDatabase({ engine: 'postgres' });
    for (let index = 0; index < 2; index++) {
      const api = spawnApi({
        TSUNAGU_ROLE: 'api',
        DATABASE_URL: testDb.url ?? '',
        PORT: String(await freePort()),
        TEMPORAL_ADDRESS: devServer.address,
        LOG_LEVEL: 'warn',
      });
      apis.push(api);
    }
    for (const api of apis) {
      await eventually('the API to answer', () => graphql(api.url, '{ health { database } }'), api);
    }
  });
  afterAll(async () => {
    for (const api of apis) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await testDb?.dispose();
    await devServer?.stop();
  });

  test('a subscription on one process hears a message marked read on the other', async () => {
    const { db } = testDb.database;
    const associationId = (await insertAssociation(db)).id;
    const volunteer = await insertVolunteerUser(db, associationId);
    const [email] = await db
      .insert(schema.outbox)
      .values({
        idempotencyKey: 'live-across-processes',
        recipientUserId: volunteer.id,
        associationId,
        toAddress: volunteer.email,
        locale: 'en',
        template: 'offerMade',
        payload: {},
        status: 'sent',
      })
      .returning();
    if (!email) throw new Error('no outbox row');
    const [message] = await db
      .insert(schema.inboxMessages)
      .values({ outboxId: email.id, userId: volunteer.id, subject: 'Can you take this request?', body: '…' })
      .returning();
    if (!message) throw new Error('no inbox message');
    const session = (await createSession(db, volunteer.id, systemClock.now())).token;
    const [first, second] = apis;
    if (!first || !second) throw new Error('two API processes expected');

    const live = await subscribe<{ data: { unreadCountsChanged: { total: number; offersWaiting: number } } }>(
      first.url,
      'subscription { unreadCountsChanged { total offersWaiting } }',
      { session },
    );
    try {
      expect((await live.next()).data.unreadCountsChanged).toEqual({ total: 1, offersWaiting: 1 });
      const response = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-graphql-yoga-csrf': '1',
          cookie: `tsunagu_session=${session}`,
        },
        body: JSON.stringify({
          query: 'mutation ($id: ID!) { markInboxMessageRead(messageId: $id) { __typename } }',
          variables: { id: globalId('InboxMessage', message.id) },
        }),
      });
      expect(await response.json()).toEqual({
        data: { markInboxMessageRead: { __typename: 'MutationMarkInboxMessageReadSuccess' } },
      });
      expect((await live.next()).data.unreadCountsChanged).toEqual({ total: 0, offersWaiting: 0 });
    } finally {
      live.close();
    }
  });
});
