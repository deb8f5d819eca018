import type { AddressInfo } from 'node:net';
import type { Database } from '@tsunagu/db';
import { type Clock, fixedClock } from '@tsunagu/domain';
import { createHttpServer } from '@tsunagu/server';
import {
  createLogger,
  createServices,
  createSession,
  type Dispatcher,
  masterKeyFrom,
  version,
} from '@tsunagu/services';

/** The instant API tests stand at unless they pass a clock: Friday 15 January 2027, 09:00 in Tokyo. */
export const testNow = '2027-01-15T09:00';

/** The master key of the test API's sealed individual numbers. */
export const testMasterKey = masterKeyFrom('test', Buffer.alloc(32, 7).toString('base64'));

export interface TestApi {
  url: string;
  /** The clock the services read: compute dates from it, not from the machine's. */
  clock: Clock;
  /** Sends a GraphQL operation as a browser of the app would; `session` is a session token. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { session?: string; headers?: Record<string, string> },
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }>; response: Response }>;
  /** A session for this user, as if they had signed in. */
  sessionFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real HTTP server and schema on a free port, over the given database, without Temporal. The
 * clock stands still at `testNow` unless the test passes one: `systemClock` for a test that runs
 * against real time (Temporal's timers, say), and says so.
 */
export async function startTestApi(
  database: Database,
  options: {
    clock?: Clock;
    production?: boolean;
    dispatcher?: Dispatcher;
    maxUploadBytes?: number;
    /** Every log line the API writes, at every level, for tests that search them. */
    logs?: string[];
  } = {},
): Promise<TestApi> {
  const clock = options.clock ?? fixedClock(testNow);
  const { logs } = options;
  const logger = logs
    ? createLogger({ level: 'trace', destination: { write: (line: string) => void logs.push(line) } })
    : createLogger({ level: process.env.TEST_API_LOG ?? 'silent' });
  const server = createHttpServer({
    production: options.production ?? false,
    webDist: '/nonexistent',
    logger,
    ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
    db: database.db,
    services: createServices({
      db: database.db,
      clock,
      logger,
      dispatcher: options.dispatcher,
      listen: (channel, onNotify) => database.listen(channel, onNotify),
      masterKey: testMasterKey,
    }),
    health: async () => ({
      database: await database.ping(),
      temporal: 'not started in this test',
      worker: 'not started in this test',
      version,
    }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    clock,
    async graphql(query, variables, requestOptions = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-graphql-yoga-csrf': '1',
          ...(requestOptions.session ? { cookie: `tsunagu_session=${requestOptions.session}` } : {}),
          ...requestOptions.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: never };
      return { ...body, response };
    },
    async sessionFor(userId) {
      return (await createSession(database.db, userId, clock.now())).token;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The Relay global ID of a row, as the API hands it out. */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}
