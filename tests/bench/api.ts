import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, demoLogins, loadReferenceData } from '@tsunagu/db';
import { systemClock } from '@tsunagu/domain';
import { loadDemoData } from '@tsunagu/server';
import { createSession } from '@tsunagu/services';
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
 * `pnpm bench api [--query volunteers|organizations] [--volunteers N] [--seconds S] [--connections C] [--profile DIR]`:
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
 *
 * Requests per second depend on whatever else the 2 cores are doing; CPU time per request does not
 * (much). So the bench also divides, over the measured run, the CPU time of the API process, of
 * the bench database's PostgreSQL backends and of autocannon (from /proc, as PostgreSQL is on this
 * machine) by the requests served, and says how busy the machine's cores were meanwhile.
 *
 * `--profile DIR` writes a CPU profile of the API process (Node's --cpu-prof) into DIR. On a loaded
 * machine read its sample counts, not its times: a sample the scheduler delayed carries the wait.
 */
const api: Benchmark = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      query: { type: 'string', default: 'volunteers' },
      volunteers: { type: 'string', default: '10000' },
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '20' },
      profile: { type: 'string' },
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
    // A CPU profile of the API process from start to SIGTERM (main.ts exits, and Node writes it).
    const nodeOptions = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolvePath(values.profile)}`] : [];
    const server = spawnApi(
      {
        DATABASE_URL: databaseUrl.toString(),
        TSUNAGU_ROLE: 'api',
        NODE_ENV: 'production',
        // Production asks for a mail server; the API role sends none (the worker does), so none listens.
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PAYOUT_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
        LOG_LEVEL: 'warn',
        TSUNAGU_DATA_DIR: temporaryDir('bench-api'),
        PORT: String(await freePort()),
        TEMPORAL_DEV_PORT: String(await freePort()),
        TEMPORAL_UI_PORT: String(await freePort()),
      },
      nodeOptions,
    );
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
      const backends = await backendPids(admin, name);
      const apiPid = server.child.pid ?? 0;
      const cpuBefore = {
        api: processCpuMs(apiPid),
        postgres: sum(backends.map(processCpuMs)),
        children: childrenCpuMs(),
        machine: machineCpu(),
      };

      console.log(`loading with ${connections} connections for ${seconds} s…`);
      const result = await autocannon(`${server.url}/graphql`, headers, body, connections, seconds);
      // Backends opened during the run started from nothing; one that closed during it is lost
      // (postgres.js keeps its connections open while they are in use).
      const backendsAfter = await backendPids(admin, name);
      const cpuAfter = {
        api: processCpuMs(apiPid),
        postgres: sum(backendsAfter.map(processCpuMs)),
        children: childrenCpuMs(),
        machine: machineCpu(),
      };
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
      const machineTicks = cpuAfter.machine.total - cpuBefore.machine.total;
      const cpuMs = {
        api: (cpuAfter.api - cpuBefore.api) / requests,
        postgres: (cpuAfter.postgres - cpuBefore.postgres) / requests,
        autocannon: (cpuAfter.children - cpuBefore.children) / requests,
      };
      const cores = cpuCount();
      const figures = {
        query,
        rps: round(result.requests.average, 0),
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        sql_per_request: round((after - before) / requests, 2),
        api_cpu_ms_per_request: round(cpuMs.api, 3),
        postgres_cpu_ms_per_request: round(cpuMs.postgres, 3),
        autocannon_cpu_ms_per_request: round(cpuMs.autocannon, 3),
        // What these three processes could serve if they had every core to themselves, and what one
        // API process can serve at most, its JavaScript running on one thread (GC helpers aside).
        cpu_bound_rps: round((cores * 1000) / (cpuMs.api + cpuMs.postgres + cpuMs.autocannon), 0),
        api_process_bound_rps: round(1000 / cpuMs.api, 0),
        machine_busy_percent: round(
          (100 * (machineTicks - (cpuAfter.machine.idle - cpuBefore.machine.idle))) / machineTicks,
          0,
        ),
        requests,
        connections,
        seconds,
      };
      console.log(
        `${figures.rps} requests/s, latency p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, ${figures.sql_per_request} SQL statements per request (${after - before} over ${requests} requests)`,
      );
      console.log(
        `CPU per request: API ${figures.api_cpu_ms_per_request} ms, PostgreSQL ${figures.postgres_cpu_ms_per_request} ms, autocannon ${figures.autocannon_cpu_ms_per_request} ms; ` +
          `at most ${figures.cpu_bound_rps} requests/s on ${cores} idle cores, ${figures.api_process_bound_rps} for one API process; ` +
          `the cores were ${figures.machine_busy_percent}% busy during the run`,
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
/** Migrates and seeds a bench database with the demo population; a session of one of its demo logins. */
export async function seed(
  url: string,
  volunteers: number,
  login: keyof typeof demoLogins = 'coordinator',
): Promise<string> {
  const database = await createDatabase({ kind: 'postgres', url });
  try {
    await database.migrate();
    await loadReferenceData(database.db);
    const report = await loadDemoData(database.db, { volunteers });
    console.log(`seeded ${report.counts.volunteers} volunteers and ${report.counts.organizations} organizations`);
    const user = await database.db.query.users.findFirst({
      where: { email: demoLogins[login] },
      columns: { id: true },
    });
    if (!user) throw new Error(`the demo ${login} is missing`);
    return (await createSession(database.db, user.id, systemClock.now())).token;
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

/** The backends of the bench database's pool (the admin connection is to another database). */
async function backendPids(admin: postgres.Sql, database: string): Promise<number[]> {
  const rows = await admin`select pid from pg_stat_activity where datname = ${database}`;
  return rows.map((row) => Number(row.pid));
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User + system CPU time of a process so far, in ms (0 when it is gone). */
function processCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th
  // field of the line, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** CPU time of this process's children that have exited and been waited for, in ms (autocannon's). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
}

/** Ticks of all cores since boot, and how many of them were idle. */
function machineCpu(): { total: number; idle: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.split(/\s+/).slice(1, 9).map(Number);
  return { total: sum(ticks), idle: (ticks[3] ?? 0) + (ticks[4] ?? 0) };
}

function cpuCount(): number {
  return (readFileSync('/proc/stat', 'utf8').match(/^cpu\d+ /gm) ?? []).length;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
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
