import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { createDatabase, type Db, schema } from '@tsunagu/db';
import { systemClock, type Viewer } from '@tsunagu/domain';
import { startTemporalDevServer } from '@tsunagu/server';
import { createLogger, createServices, detachedDispatcher, type Services } from '@tsunagu/services';
import { createTemporalDispatcher, dispatchWorkflowId, stateQuery } from '@tsunagu/workflows';
import { and, eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { SMTPServer } from 'smtp-server';
import { insertAvailableVolunteer, insertDispatchWorld } from '../src/support/dispatch-world';
import { type ApiProcess, eventually, freePort, spawnApi } from '../src/support/processes';
import type { Benchmark } from './run';
import { percentile, round } from './stats';

/**
 * `pnpm bench dispatch [--samples N] [--concurrent C] [--volunteers V] [--cached K]`: the dispatch workflows on a
 * Temporal dev server the bench starts, with one worker process (the app in its worker role) on a
 * PostgreSQL database of the bench's own and an SMTP server that takes every message and keeps
 * none.
 *
 * - first offer: N requests (50) filed one after another through the requests use case, each timed
 *   from the call until its first offer is in the outbox (a trusted organization: no screening);
 * - concurrent: C requests (1,000) filed without dispatch, then all their workflows started at once;
 *   timed until every one of them has its offers sent over SMTP; the worker's peak memory (VmHWM);
 * - signal: N of those offers accepted, each timed from the update sent until the workflow's state
 *   query shows the request confirmed.
 *
 * V volunteers (100) interpret Vietnamese in Toyonaka and are free all week, so each request finds
 * its wave. Wall times depend on whatever else the machine's two cores are doing.
 */
const dispatch: Benchmark = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      samples: { type: 'string', default: '50' },
      concurrent: { type: 'string', default: '1000' },
      volunteers: { type: 'string', default: '100' },
      /** The worker's TEMPORAL_MAX_CACHED_WORKFLOWS; unset, the worker's default. */
      cached: { type: 'string' },
    },
  });
  const samples = Number(values.samples);
  const concurrent = Number(values.concurrent);
  const volunteerCount = Number(values.volunteers);
  const cliPath = process.env.TEMPORAL_CLI_PATH;
  if (!cliPath) throw new Error('TEMPORAL_CLI_PATH is not set: run it as pnpm bench dispatch, which installs the CLI');

  const logger = createLogger({ level: 'silent' });
  const devServer = await startTemporalDevServer({
    cliPath,
    port: await freePort(),
    uiPort: await freePort(),
    dbFile: null,
    namespace: 'default',
    logger,
  });
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tsunagu_bench_dispatch_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 20 });
  const smtp = await startDiscardingSmtpServer();
  const connection = await Connection.connect({ address: devServer.address });
  const taskQueue = 'bench-dispatch';
  let worker: ApiProcess | null = null;
  try {
    await database.migrate();
    const { db } = database;
    const world = await insertDispatchWorld(db, { trusted: true });
    for (let index = 0; index < volunteerCount; index++) {
      await insertAvailableVolunteer(db, world.associationId, `Volunteer ${index + 1}`);
    }
    worker = spawnApi({
      TSUNAGU_ROLE: 'worker',
      DATABASE_URL: url.toString(),
      TEMPORAL_ADDRESS: devServer.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://tsunagu.example.jp',
      LOG_LEVEL: 'warn',
      ...(values.cached ? { TEMPORAL_MAX_CACHED_WORKFLOWS: values.cached } : {}),
    });
    const started = worker;
    await eventually('the worker to poll', () => pollers(connection, taskQueue), started, 120_000);

    const client = new Client({ connection });
    const dispatcher = createTemporalDispatcher(client, taskQueue);
    const dispatching = createServices({ db, clock: systemClock, logger, dispatcher });
    const filing = createServices({ db, clock: systemClock, logger, dispatcher: detachedDispatcher });
    let day = 0;
    /** Each request on a day of its own, three weeks ahead and on: nothing depends on another. */
    const nextInput = () => requestInput(21 + Math.floor(day++ / 8), day % 8);

    console.log(`first offers: ${samples} requests filed one after another…`);
    const firstOffer: number[] = [];
    for (let index = 0; index < samples; index++) {
      const begun = performance.now();
      const request = await dispatching.requests.file(world.requester, nextInput());
      await until(() => hasOffer(db, request.id));
      firstOffer.push(performance.now() - begun);
    }

    console.log(`concurrent: ${concurrent} workflows started at once…`);
    const batch: string[] = [];
    for (let index = 0; index < concurrent; index++) {
      batch.push((await filing.requests.file(world.requester, nextInput())).id);
    }
    const begun = performance.now();
    await inBatches(batch, 100, (requestId) => dispatcher.start(requestId));
    await until(async () => (await offeredAndSent(db, batch)) === batch.length, 600_000, 100);
    const allOffered = performance.now() - begun;
    const memory = memoryOf(started.child.pid);

    console.log(`signal round trip: ${samples} acceptances…`);
    const roundTrips = await acceptances(db, dispatching, client, batch.slice(0, samples));

    const figures = {
      volunteers: volunteerCount,
      samples,
      first_offer_p50_ms: percentile(firstOffer, 0.5),
      first_offer_p95_ms: percentile(firstOffer, 0.95),
      concurrent,
      worker_cached_workflows: values.cached ? Number(values.cached) : 'default',
      concurrent_all_offered_ms: round(allOffered, 0),
      worker_rss_mb: memory.peakMb,
      worker_rss_now_mb: memory.nowMb,
      signal_p50_ms: percentile(roundTrips, 0.5),
      signal_p95_ms: percentile(roundTrips, 0.95),
      load_average: round(loadavg()[0] ?? 0, 1),
    };
    console.log(
      `first offers p50 ${figures.first_offer_p50_ms} ms, p95 ${figures.first_offer_p95_ms} ms; ${concurrent} at once all offered and sent in ${figures.concurrent_all_offered_ms} ms, worker peak ${figures.worker_rss_mb} MB; accept → confirmed in the query p50 ${figures.signal_p50_ms} ms, p95 ${figures.signal_p95_ms} ms (load average ${figures.load_average})`,
    );
    return figures;
  } finally {
    if (worker) {
      worker.child.kill('SIGINT');
      await worker.exited;
    }
    await connection.close();
    await smtp.close();
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    await devServer.stop();
  }
};

export default dispatch;

/** An on-site Vietnamese consultation at Toyonaka city hall, `daysAhead` days from now, in hour slot `slot`. */
function requestInput(daysAhead: number, slot: number) {
  const day = new Date(Date.now() + daysAhead * 24 * 3600_000 + 9 * 3600_000).toISOString().slice(0, 10);
  const hour = String(9 + slot).padStart(2, '0');
  return {
    modality: 'on_site' as const,
    languageCode: 'vi',
    startsAt: new Date(`${day}T${hour}:00:00+09:00`),
    endsAt: new Date(`${day}T${hour}:50:00+09:00`),
    localGovernmentCode: '272035',
    venue: '豊中市役所 市民課 相談窓口',
    purpose: 'consultation_desk' as const,
    contactName: '窓口 一郎',
  };
}

async function pollers(connection: Connection, taskQueue: string): Promise<void> {
  const response = await connection.workflowService.describeTaskQueue({
    namespace: 'default',
    taskQueue: { name: taskQueue },
    taskQueueType: 1,
  });
  if (response.pollers.length === 0) throw new Error('no worker polls yet');
}

async function hasOffer(db: Db, requestId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.outbox.id })
    .from(schema.outbox)
    .where(and(eq(schema.outbox.template, 'offerMade'), sql`${schema.outbox.payload}->>'requestId' = ${requestId}`))
    .limit(1);
  return Boolean(row);
}

/** How many of the requests have offers out, every offer's e-mail sent. */
async function offeredAndSent(db: Db, requestIds: string[]): Promise<number> {
  const rows = await db
    .select({
      requestId: sql<string>`${schema.outbox.payload}->>'requestId'`,
      unsent: sql<number>`count(*) filter (where ${schema.outbox.status} <> 'sent')::int`,
    })
    .from(schema.outbox)
    .where(
      and(eq(schema.outbox.template, 'offerMade'), inArray(sql`${schema.outbox.payload}->>'requestId'`, requestIds)),
    )
    .groupBy(sql`${schema.outbox.payload}->>'requestId'`);
  return rows.filter((row) => row.unsent === 0).length;
}

/** Accepts one open offer of each request and times the update until the state query shows it confirmed. */
async function acceptances(db: Db, services: Services, client: Client, requestIds: string[]): Promise<number[]> {
  const offers = await db
    .select()
    .from(schema.offers)
    .where(and(inArray(schema.offers.requestId, requestIds), eq(schema.offers.status, 'offered')));
  const volunteers = await db
    .select({ id: schema.volunteers.id, userId: schema.volunteers.userId })
    .from(schema.volunteers);
  const userOf = new Map(volunteers.map((volunteer) => [volunteer.id, volunteer.userId]));
  const timings: number[] = [];
  const booked = new Set<string>();
  for (const requestId of requestIds) {
    // Each acceptance by a volunteer not booked yet, so that none is refused as a double booking.
    const offer = offers.find((each) => each.requestId === requestId && !booked.has(each.volunteerId));
    if (!offer) continue;
    booked.add(offer.volunteerId);
    const viewer: Viewer = {
      userId: userOf.get(offer.volunteerId) ?? null,
      locale: 'ja',
      organizationId: null,
      volunteerId: offer.volunteerId,
      coordinatorOf: [],
      adminOf: [],
    };
    const handle = client.workflow.getHandle(dispatchWorkflowId(requestId));
    const begun = performance.now();
    const { outcome } = await services.dispatch.acceptOffer(viewer, offer.id);
    if (outcome !== 'won') throw new Error(`an acceptance came back ${outcome}`);
    await until(async () => (await handle.query(stateQuery)).stage === 'confirmed', 30_000, 2);
    timings.push(performance.now() - begun);
  }
  return timings;
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000, pollMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run));
  }
}

/** Resident memory of a process now and at its peak, in MB, from /proc. */
function memoryOf(pid: number | undefined): { nowMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { nowMb: round(kb('VmRSS') / 1024, 0), peakMb: round(kb('VmHWM') / 1024, 0) };
}

/** An SMTP server on 127.0.0.1 that accepts every message and keeps none. */
async function startDiscardingSmtpServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback());
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
