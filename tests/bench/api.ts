import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { loadDemoData } from '@tsunagu/api';
import { createDatabase, demoLogins, loadReferenceData } from '@tsunagu/db';
import { createSession, systemClock } from '@tsunagu/services';
import postgres from 'postgres';
import { eventually, freePort, spawnApi, temporaryDir } from '../src/support/processes';
import type { Benchmark } from './run';
import { round } from './stats';

/**
 * An authenticated coordinator's list, three levels deep. The volunteer fields are those that are
 * not personal data: reading a name or a phone number is audited, which adds a write per request.
 */
const listQueries = {
  volunteers: /* GraphQL */ `
    query Volunteers {
      volunteers(first: 20) {
        edges { node { id status remoteCapable languages { level directions language { code nameJa } } } }
      }
    }
  `,
  organizations: /* GraphQL */ `
    query Organizations {
      organizations(first: 20) {
        edges { node { id name type status staff { user { id displayName } } } }
      }
    }
  `,
};

/**
 * `pnpm bench api [--query volunteers|organizations] [--volunteers N] [--seconds S] [--connections C]`:
 * the real API process (TSUNAGU_ROLE=api, NODE_ENV=production) on a PostgreSQL database of its own,
 * seeded with the demo population, loaded by autocannon from a second process with a coordinator's
 * list query (volunteers → languages → language, or organizations → staff → user).
 *
 * The API runs as `npm start` would run it, not in this process: the same configuration, logger,
 * connection pool and HTTP server are measured, and the load generator does not share its event
 * loop. It starts its own Temporal dev server, idle during the run, as an API process needs one.
 *
 * SQL statements are counted by PostgreSQL itself: every statement the API sends outside a
 * transaction is a transaction of its own, so the growth of `xact_commit + xact_rollback` of the
 * bench database over the run, divided by the requests, is the statements per request. (The mail
 * outbox poll adds one statement a second, a rounding error at these rates.)
 */
const api: Benchmark = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      query: { type: 'string', default: 'volunteers' },
      volunteers: { type: 'string', default: '10000' },
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '20' },
    },
  });
  const query = values.query as keyof typeof listQueries;
  if (!(query in listQueries)) throw new Error(`--query must be one of ${Object.keys(listQueries).join(', ')}`);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tsunagu_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  try {
    const session = await seed(databaseUrl.toString(), Number(values.volunteers));
    const server = spawnApi({
      DATABASE_URL: databaseUrl.toString(),
      TSUNAGU_ROLE: 'api',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      TSUNAGU_DATA_DIR: temporaryDir('bench-api'),
      PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
    });
    try {
      const headers = {
        'content-type': 'application/json',
        'x-graphql-yoga-csrf': '1',
        cookie: `tsunagu_session=${session}`,
      };
      const body = JSON.stringify({ query: listQueries[query] });
      const answer = await eventually(
        'the API to answer the list query',
        async () => {
          const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
          const answer = (await response.json()) as { data?: Record<string, { edges: unknown[] }>; errors?: unknown };
          if (!answer.data) throw new Error(`no data: ${JSON.stringify(answer.errors)}`);
          return answer.data;
        },
        server,
      );
      console.log(`${query}: ${answer[query]?.edges.length} rows a page, ${JSON.stringify(answer).length} bytes`);

      console.log('warming up for 3 s…');
      await autocannon(`${server.url}/graphql`, headers, body, connections, 3);
      // PostgreSQL publishes a backend's counters when it has been idle for a while (10 s at most).
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      const before = await transactions(admin, name);

      console.log(`loading with ${connections} connections for ${seconds} s…`);
      const result = await autocannon(`${server.url}/graphql`, headers, body, connections, seconds);
      // Stopping the API ends its connections, and an ending backend publishes its counters.
      server.child.kill('SIGTERM');
      await server.exited;
      const after = await eventually('the counters of the closed connections', async () => {
        const count = await transactions(admin, name);
        if ((await admin`select count(*)::int as n from pg_stat_activity where datname = ${name}`)[0]?.n !== 0) {
          throw new Error('connections still open');
        }
        return count;
      });

      const requests = result.requests.total;
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${result.non2xx} answers were not 2xx and ${result.errors} requests failed`);
      }
      const figures = {
        query,
        rps: round(result.requests.average, 0),
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        sql_per_request: round((after - before) / requests, 2),
        requests,
        connections,
        seconds,
      };
      console.log(
        `${figures.rps} requests/s, latency p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, ${figures.sql_per_request} SQL statements per request (${after - before} over ${requests} requests)`,
      );
      return figures;
    } finally {
      if (server.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
};

/** Migrates, loads the reference and demo data, and returns a session token of the demo coordinator. */
async function seed(url: string, volunteers: number): Promise<string> {
  const database = await createDatabase({ kind: 'postgres', url });
  try {
    await database.migrate();
    await loadReferenceData(database.db);
    const report = await loadDemoData(database.db, { volunteers });
    console.log(`seeded ${report.counts.volunteers} volunteers and ${report.counts.organizations} organizations`);
    const coordinator = await database.db.query.users.findFirst({
      where: { email: demoLogins.coordinator },
      columns: { id: true },
    });
    if (!coordinator) throw new Error('the demo coordinator is missing');
    return (await createSession(database.db, coordinator.id, systemClock.now())).token;
  } finally {
    await database.close();
  }
}

async function transactions(admin: postgres.Sql, database: string): Promise<number> {
  const [row] = await admin`
    select (xact_commit + xact_rollback)::bigint as count from pg_stat_database where datname = ${database}
  `;
  return Number(row?.count);
}

interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

/** autocannon in a process of its own, so that it does not compete with the API's event loop. */
async function autocannon(
  url: string,
  headers: Record<string, string>,
  body: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      '--json',
      '-c',
      String(connections),
      '-d',
      String(seconds),
      '-m',
      'POST',
      ...Object.entries(headers).flatMap(([key, value]) => ['-H', `${key}=${value}`]),
      '-b',
      body,
      url,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as LoadResult;
}

export default api;
