import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDatabase, type Db, loadReferenceData, schema, seedAssignmentHistory, seedDemoData } from '@tsunagu/db';
import { fixedClock } from '@tsunagu/domain';
import { rankCandidates } from '@tsunagu/services';
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import type { Benchmark } from './run';
import { percentile, round } from './stats';

/** The bench's own database on the server, kept between runs: building it takes minutes. */
const databaseName = 'tsunagu_bench_matching';
/**
 * The day the population and its history are dated around, fixed so that a kept database stays
 * valid: the requests fall in the 60 days after it, over the autumn holidays (21–23 September,
 * 12 October, 3 November 2026).
 */
const today = '2026-09-10';
const seed = 20_260_910;
/** Marks the requests this bench files, so that a run that died leaves nothing the next one keeps. */
const benchContact = 'bench matching';

/**
 * `pnpm bench matching [--volunteers N] [--assignments N] [--requests N] [--warmup N] [--rounds N] [--explain] [--rebuild]`:
 * `rankCandidates` for a few hundred varied requests among N volunteers with a year of history.
 *
 * The database, `tsunagu_bench_matching` on DATABASE_URL's server (postgres://postgres@127.0.0.1:5432
 * by default), is built once with the demo population and its assignment history and reused while
 * its sizes match (they are in the database's comment); migrations added since are applied (and the
 * database vacuumed after them). The requests are filed at the start of a run and deleted at its
 * end. Each is ranked five times to warm up, as a running API would have: the app prepares its
 * statements, and PostgreSQL settles on a plan for a prepared statement after five runs. Then all
 * are timed in three rounds, and a request's time is the median of its three: p50 and p95 are over
 * the requests, not over a pause of the machine (on two shared cores one sample in twenty can
 * catch one); the p95 of every single sample is printed beside it. `--explain` prints the plan of
 * the slowest request's candidates statement.
 */
const matching: Benchmark = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      volunteers: { type: 'string', default: '50000' },
      assignments: { type: 'string', default: '500000' },
      requests: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      explain: { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
    },
  });
  const volunteers = wholeNumber('--volunteers', values.volunteers);
  const assignments = wholeNumber('--assignments', values.assignments);
  const requestCount = wholeNumber('--requests', values.requests);
  const warmup = wholeNumber('--warmup', values.warmup);
  const rounds = wholeNumber('--rounds', values.rounds);

  const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const marker = JSON.stringify({ volunteers, assignments, today, seed });
  const fresh = await prepareDatabase(serverUrl.toString(), marker, values.rebuild);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const database = await createDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 1 });
  try {
    const { db } = database;
    const applied = fresh ? 0 : await migrationsApplied(db);
    await database.migrate();
    if (fresh) await build(db, volunteers, assignments);
    // A migration that rewrote rows leaves index-only scans reading the heap until autovacuum
    // comes by, as it would soon on a database in use.
    else if ((await migrationsApplied(db)) > applied) await db.execute(sql`vacuum analyze`);
    await markBuilt(serverUrl.toString(), marker);

    await db.delete(schema.requests).where(sql`${schema.requests.contactName} = ${benchContact}`);
    const filed = await fileRequests(db, requestCount);
    try {
      const now = fixedClock(`${today}T09:00`).now();
      // The candidates statement of each request, and how many volunteers passed its filters.
      const statements = new Map<string, { query: SQL; passed: number }>();
      const rank = (id: string) =>
        rankCandidates(
          capturing(db, (query, passed) => statements.set(id, { query, passed })),
          id,
          { now, locale: 'ja', limit: 50 },
        );

      console.log(`warming up: ${filed.length} requests, ${warmup} times each…`);
      for (let round = 0; round < warmup; round += 1) {
        for (const request of filed) await rank(request.id);
      }

      // Round after round over all the requests, so that a slow spell of the machine falls on
      // one sample of many requests rather than on every sample of a few.
      const roundTimes = filed.map(() => [] as number[]);
      for (let round = 0; round < rounds; round += 1) {
        for (const [index, request] of filed.entries()) {
          const started = performance.now();
          await rank(request.id);
          roundTimes[index]?.push(performance.now() - started);
        }
      }
      const samples = filed.map((request, index) => ({ ms: percentile(roundTimes[index] ?? [], 0.5), request }));
      const times = samples.map((sample) => sample.ms);
      const everySample = roundTimes.flat();
      const passed = (id: string) => statements.get(id)?.passed ?? 0;
      const counts = filed.map((request) => passed(request.id));
      console.log(
        `volunteers passing the filters: median ${percentile(counts, 0.5)}, p95 ${percentile(counts, 0.95)}, at most ${Math.max(...counts)}, none for ${counts.filter((count) => count === 0).length} of ${counts.length} requests`,
      );
      const slowest = [...samples].sort((a, b) => b.ms - a.ms);
      console.log('slowest:');
      for (const { ms, request } of slowest.slice(0, 5)) {
        console.log(`  ${round(ms).toFixed(1).padStart(6)} ms  ${request.label} (${passed(request.id)} pass)`);
      }
      const figures = {
        volunteers,
        assignments,
        requests: filed.length,
        p50_ms: percentile(times, 0.5),
        p95_ms: percentile(times, 0.95),
        max_ms: round(Math.max(...times)),
        rounds,
        p95_every_sample_ms: percentile(everySample, 0.95),
      };
      console.log(
        `rankCandidates (median of ${rounds} per request): p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms, max ${figures.max_ms} ms; p95 of all ${everySample.length} samples ${figures.p95_every_sample_ms} ms`,
      );

      const worst = slowest[0];
      const statement = worst && statements.get(worst.request.id)?.query;
      if (values.explain && worst && statement) await explain(db, statement, worst.request.label);
      return figures;
    } finally {
      await db.delete(schema.requests).where(
        inArray(
          schema.requests.id,
          filed.map((request) => request.id),
        ),
      );
    }
  } finally {
    await database.close();
  }
};

function wholeNumber(option: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${option} must be a whole number of at least 1`);
  return number;
}

/**
 * Creates the bench database unless one built with the same sizes is there; returns whether it is
 * new (and so must be filled). A database whose build did not finish has no marker and is rebuilt.
 */
async function prepareDatabase(serverUrl: string, marker: string, rebuild: boolean): Promise<boolean> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await admin<Array<{ marker: string | null }>>`
      select shobj_description(oid, 'pg_database') as marker from pg_database where datname = ${databaseName}`;
    if (existing && existing.marker === marker && !rebuild) {
      console.log(`reusing ${databaseName} (${describe(marker)})`);
      return false;
    }
    if (existing) {
      console.log(
        `rebuilding ${databaseName}: it holds ${existing.marker ? describe(existing.marker) : 'an unfinished build'}`,
      );
      await admin.unsafe(`drop database ${databaseName} with (force)`);
    }
    await admin.unsafe(`create database ${databaseName}`);
    return true;
  } finally {
    await admin.end();
  }
}

async function migrationsApplied(db: Db): Promise<number> {
  const [row] = (await db.execute(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  )) as unknown as Array<{ count: number }>;
  return row?.count ?? 0;
}

async function markBuilt(serverUrl: string, marker: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`comment on database ${databaseName} is '${marker.replaceAll("'", "''")}'`);
  } finally {
    await admin.end();
  }
}

function describe(marker: string): string {
  const { volunteers, assignments } = JSON.parse(marker) as { volunteers: number; assignments: number };
  return `${volunteers.toLocaleString('en')} volunteers, ${assignments.toLocaleString('en')} past assignments`;
}

async function build(db: Db, volunteers: number, assignments: number): Promise<void> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1_000).toFixed(1)} s`;
  await loadReferenceData(db);
  const progress = ({ phase, counts }: { phase: string; counts: Record<string, number> }) =>
    console.log(
      `${phase}: ${Object.entries(counts)
        .map(([what, count]) => `${count.toLocaleString('en')} ${what}`)
        .join(', ')} (${elapsed()})`,
    );
  // Nobody signs in here: the password hash is never checked.
  await seedDemoData(db, { volunteers, today, passwordHash: '$argon2id$bench', seed, onProgress: progress });
  await seedAssignmentHistory(db, { assignments, today, seed, onProgress: progress });
  // As autovacuum leaves a database in use: statistics, and visibility maps for index-only scans.
  await db.execute(sql`vacuum analyze`);
  console.log(`built ${databaseName} in ${elapsed()}`);
}

/**
 * Prints EXPLAIN (ANALYZE, BUFFERS) of a statement as the run executed it: the app prepares its
 * statements (db/src/client.ts), and after five executions PostgreSQL may keep a generic plan, so
 * the prepared statement itself is explained when the connection has it.
 */
async function explain(db: Db, statement: SQL, label: string): Promise<void> {
  const query = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(statement);
  const [prepared] = (await db.execute(sql`
    select name, generic_plans, custom_plans from pg_prepared_statements where statement = ${query.sql}`)) as unknown as Array<{
    name: string;
    generic_plans: number;
    custom_plans: number;
  }>;
  const literal = (value: unknown) =>
    value === null
      ? 'null'
      : `'${(value instanceof Date ? value.toISOString() : String(value)).replaceAll("'", "''")}'`;
  console.log(
    `\nEXPLAIN (ANALYZE, BUFFERS) of the slowest, ${label}: ${
      prepared
        ? `its prepared statement, run ${prepared.custom_plans} times with a plan of its own and ${prepared.generic_plans} with the cached one`
        : 'its statement'
    }`,
  );
  const plan = await db.execute(
    prepared
      ? sql.raw(
          `explain (analyze, buffers) execute "${prepared.name.replaceAll('"', '""')}"(${query.params.map(literal).join(', ')})`,
        )
      : sql`explain (analyze, buffers) ${statement}`,
  );
  for (const row of plan as unknown as Array<{ 'QUERY PLAN': string }>) console.log(row['QUERY PLAN']);
  console.log();
}

/** A Db whose `execute` tells `seen` each statement it ran and how many rows that returned. */
function capturing(db: Db, seen: (query: SQL, rows: number) => void): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'execute') {
        return async (query: SQL) => {
          const result = await target.execute(query);
          // postgres.js returns the rows as the result itself.
          seen(query, Array.isArray(result) ? result.length : 0);
          return result;
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Languages asked for, weighted roughly like the foreign residents who need them. */
const commonLanguages: Array<[string, number]> = [
  ['zh', 28],
  ['vi', 19],
  ['fil', 11],
  ['ne', 7],
  ['pt', 6.5],
  ['ko', 6],
  ['id', 5],
  ['en', 5],
  ['th', 3.5],
  ['es', 2.5],
];
const rareLanguages = ['my', 'si', 'hi', 'bn', 'mn', 'ur', 'km', 'uz', 'ru', 'uk', 'fr', 'ar', 'fa', 'tr', 'jsl'];
const pairs = [
  ['vi', 'en'],
  ['pt', 'es'],
  ['zh', 'en'],
  ['fil', 'en'],
  ['ne', 'en'],
] as const;
/** Start (minutes after midnight) and length of the interpreting: morning, afternoon, evening. */
const times = [
  [540, 120],
  [600, 60],
  [780, 180],
  [840, 90],
  [930, 120],
  [1_080, 60],
  [1_140, 120],
] as const;

/** A number in [0, 1) that depends only on the request's number and what is drawn (a hash, not a generator). */
function draw(n: number, what: number): number {
  let h = Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(what + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 4_294_967_296;
}

function pick<T>(items: readonly T[], at: number): T {
  return items[Math.floor(at * items.length)] as T;
}

function pickWeighted(items: Array<[string, number]>, at: number): string {
  let left = at * items.reduce((total, [, weight]) => total + weight, 0);
  for (const [item, weight] of items) {
    left -= weight;
    if (left < 0) return item;
  }
  return items[0]?.[0] ?? 'zh';
}

/**
 * Requests of every shape a coordinator ranks, drawn independently of each other: on site at public
 * bodies across the seeded prefectures (60%), remote (20%), translation both ways (20%); common
 * languages in proportion to demand, rare ones (20%), X ↔ Y pairs (5%); any of the 60 days ahead,
 * weekends and national holidays included, morning to evening; a fifth open to partner associations,
 * some for certified medical interpreters only.
 */
async function fileRequests(db: Db, count: number) {
  const organizations = await db.query.organizations.findMany({
    where: { status: 'approved' },
    orderBy: { id: 'asc' },
    columns: { id: true, associationId: true, localGovernmentCode: true },
  });
  if (organizations.length === 0) throw new Error('the bench database has no approved organizations');
  const holidays = new Set(
    (
      await db
        .select({ date: schema.holidays.date })
        .from(schema.holidays)
        .where(sql`${schema.holidays.date} > ${today}::date and ${schema.holidays.date} <= ${today}::date + 60`)
    ).map((holiday) => holiday.date),
  );
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const rows: Array<typeof schema.requests.$inferInsert & { label: string }> = [];
  for (let n = 0; n < count; n += 1) {
    const organization = pick(organizations, draw(n, 0));
    const shape = draw(n, 1);
    const modality = shape < 0.6 ? 'on_site' : shape < 0.8 ? 'remote' : 'translation';
    const languages = draw(n, 2);
    const pair = modality !== 'translation' && languages < 0.05 ? pick(pairs, draw(n, 3)) : null;
    const rare = modality === 'translation' ? rareLanguages.filter((code) => code !== 'jsl') : rareLanguages;
    const languageCode =
      pair?.[0] ?? (languages < 0.25 ? pick(rare, draw(n, 3)) : pickWeighted(commonLanguages, draw(n, 3)));
    // Japan keeps UTC+9 all year: a day's midnight there is 15:00 UTC the day before.
    const midnight = Date.parse(`${today}T00:00:00+09:00`) + (1 + Math.floor(draw(n, 4) * 60)) * 86_400_000;
    const date = new Date(midnight + 9 * 3_600_000).toISOString().slice(0, 10);
    const [startMinute, length] = pick(times, draw(n, 5));
    const startsAt = new Date(midnight + startMinute * 60_000);
    const certified = draw(n, 6) < 0.08;
    const openToPartners = draw(n, 7) < 0.2;
    rows.push({
      associationId: organization.associationId,
      organizationId: organization.id,
      status: 'open',
      modality,
      languageCode,
      pairLanguageCode: pair?.[1] ?? 'ja',
      ...(modality === 'translation'
        ? {
            translationDirection: draw(n, 8) < 0.6 ? 'into_japanese' : 'from_japanese',
            deadline: new Date(midnight + 17 * 3_600_000),
            volume: 3,
            volumeUnit: 'pages',
          }
        : { startsAt, endsAt: new Date(startsAt.getTime() + length * 60_000) }),
      localGovernmentCode: modality === 'on_site' ? organization.localGovernmentCode : null,
      purpose: modality === 'translation' ? 'administrative_translation' : 'consultation_desk',
      specialty: certified ? 'medical' : draw(n, 9) < 0.2 ? 'education' : null,
      routing: certified ? 'certified_only' : 'normal',
      requiredCertificateKind: certified ? 'medical_interpreter' : null,
      openToPartners,
      contactName: benchContact,
      grantTaxCategory: '1',
      label: [
        modality,
        pair ? `${pair[0]}↔${pair[1]}` : languageCode,
        `${date} (${weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()]}${holidays.has(date) ? ', holiday' : ''})`,
        modality === 'translation' ? 'deadline 17:00' : clockTime(startMinute),
        modality === 'on_site' ? `in ${organization.localGovernmentCode}` : '',
        certified ? 'certified only' : '',
        openToPartners ? 'open to partners' : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
  const inserted = await db
    .insert(schema.requests)
    .values(rows.map(({ label: _, ...row }) => row))
    .returning({ id: schema.requests.id });
  return inserted.map((row, n) => ({ id: row.id, label: rows[n]?.label ?? '' }));
}

function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export default matching;
