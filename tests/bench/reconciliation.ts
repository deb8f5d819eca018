import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createDatabase, type Db, loadReferenceData } from '@tsunagu/db';
import { fixedClock } from '@tsunagu/domain';
import { createLogger, createServices, reconciliationReport } from '@tsunagu/services';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Benchmark } from './run';
import { percentile, round } from './stats';

/**
 * `pnpm bench reconciliation [--lines N] [--runs R]`: N expense lines (1,000,000 unless told) of one
 * association in one fiscal year, in a PostgreSQL database of its own, written the way the app
 * writes them (INSERT statements, so the triggers keep the totals and guard closed periods), then
 * the fiscal-year reconciliation report — rows per bearing body and category, totals by kind and
 * status, dispatches, hours, languages and anomalies — timed R times after one warm-up run.
 *
 * The data: about 2.5 lines a dispatch (honorarium, transport, half of them a remote fee or
 * equipment), 300 requesting offices over as many municipalities and prefectures, 10 languages,
 * categories from the requests' purposes (so some prefectural lines are flagged), 1% no-shows, most
 * lines approved or paid. Also times a streamed CSV export of every line (`--export false` to skip).
 * `--keep` leaves the database behind, to EXPLAIN the report's statements; `--database NAME` times
 * the report again on a database kept so (it is left as it is).
 *
 * Wall time depends on whatever else the machine's 2 cores are doing; CPU time much less. So the
 * bench also reports the CPU time one report costs this process and the PostgreSQL backends of the
 * bench database (from /proc: PostgreSQL runs on this machine), and the load average meanwhile.
 */
const reconciliation: Benchmark = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      lines: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '7' },
      export: { type: 'string', default: 'true' },
      keep: { type: 'boolean', default: false },
      database: { type: 'string' },
    },
  });
  const lineTarget = Number(values.lines);
  const runs = Number(values.runs);
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const reused = values.database;
  const name = reused ?? `tsunagu_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  if (!reused) await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ kind: 'postgres', url: url.toString() });
  try {
    let world: Awaited<ReturnType<typeof seed>>;
    if (reused) {
      world = await existing(database.db);
    } else {
      await database.migrate();
      await loadReferenceData(database.db);
      const started = performance.now();
      world = await seed(database.db, lineTarget);
      console.log(`wrote ${world.lines} expense lines in ${round((performance.now() - started) / 1000, 1)} s`);
      await database.db.execute(sql`vacuum analyze`);
    }
    const { associationId, coordinatorId, lines } = world;

    const scope = { associationId, fiscalYear: 2025 };
    const first = await reconciliationReport(database.db, scope);
    if (first.totals.lines !== lines) throw new Error(`the report counts ${first.totals.lines} lines, not ${lines}`);
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    const backends = async () =>
      (await admin`select pid from pg_stat_activity where datname = ${name}`).map((row) => Number(row.pid));
    for (let run = 0; run < runs; run++) {
      const pids = await backends();
      const cpuBefore = sum(pids.map(processCpuMs)) + ownCpuMs();
      const before = performance.now();
      await reconciliationReport(database.db, scope);
      samples.push(performance.now() - before);
      // A backend opened during the run started from nothing.
      const after = await backends();
      cpuSamples.push(sum(after.map(processCpuMs)) + ownCpuMs() - cpuBefore);
    }
    const figures: Record<string, number> = {
      lines,
      report_ms: percentile(samples, 0.5),
      report_min_ms: round(Math.min(...samples), 1),
      report_max_ms: round(Math.max(...samples), 1),
      report_cpu_ms: percentile(cpuSamples, 0.5),
      load_average: round(loadavg()[0] ?? 0, 1),
      rows: first.rows.length,
      dispatches: first.totals.dispatches,
      anomalies: first.anomalies.length,
    };
    console.log(
      `fiscal-year report over ${lines} lines: median ${figures.report_ms} ms (min ${figures.report_min_ms}, max ${figures.report_max_ms}) over ${runs} runs, ${figures.report_cpu_ms} ms of CPU (Node and PostgreSQL) each, at a load average of ${figures.load_average} on ${cpuCount()} cores; ${figures.rows} rows, ${figures.dispatches} dispatches, ${figures.anomalies} anomalies listed`,
    );

    if (values.export !== 'false') {
      const viewer = {
        userId: coordinatorId,
        locale: 'ja' as const,
        organizationId: null,
        volunteerId: null,
        coordinatorOf: [associationId],
        adminOf: [],
      };
      const services = createServices({
        db: database.db,
        clock: fixedClock('2026-05-01T09:00:00'),
        logger: createLogger({ level: 'silent' }),
      });
      const exported = await services.reconciliation.startExport(viewer, {
        ...scope,
        detail: 'lines',
        format: 'csv',
        headerLanguage: 'ja',
      });
      let bytes = 0;
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      });
      const before = performance.now();
      const finished = await services.reconciliation.writeExport(viewer, exported.id, sink);
      figures.csv_export_ms = round(performance.now() - before, 0);
      figures.csv_export_mb = round(bytes / 1024 / 1024, 1);
      console.log(
        `streamed CSV of ${finished.rowsWritten} lines (${figures.csv_export_mb} MB) in ${figures.csv_export_ms} ms`,
      );
    }
    return figures;
  } finally {
    await database.close();
    if (values.keep || reused) console.log(`kept the database ${name}: drop it when done`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
};

/** The world of a database a previous run kept. */
async function existing(db: Db) {
  const result = await db.execute(sql`
    select a.id as "associationId", s.user_id as "coordinatorId", (select count(*)::int from expense_lines) as lines
      from associations a join association_staff s on s.association_id = a.id where a.slug = 'bench'`);
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
    associationId: string;
    coordinatorId: string;
    lines: number;
  }>;
  if (!row) throw new Error('this database has no bench data');
  return row;
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
  // utime and stime are the 14th and 15th fields; the command name before them may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const cpuCount = () => (readFileSync('/proc/stat', 'utf8').match(/^cpu\d+ /gm) ?? []).length;

/** One association's FY2025 dispatches and about `lineTarget` expense lines, written in bulk statements. */
async function seed(db: Db, lineTarget: number) {
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  const one = async <T>(query: ReturnType<typeof sql>) => {
    const result = await db.execute(query);
    return (Array.isArray(result) ? result[0] : (result as { rows: unknown[] }).rows[0]) as T;
  };
  const dispatches = Math.ceil(lineTarget / 2.5);
  const volunteers = 2000;
  if (dispatches / volunteers > 360) throw new Error('too many lines for one fiscal year of 2,000 volunteers');

  const { id: associationId } = await one<{ id: string }>(sql`
    insert into associations (slug, name_ja, name_en, local_government_code)
    values ('bench', 'ベンチ国際交流協会', 'Bench International Association', '270008') returning id`);
  const { id: coordinatorId } = await one<{ id: string }>(sql`
    insert into users (email, display_name) values ('coordinator@bench.example.jp', 'Bench') returning id`);
  await run(
    sql`insert into association_staff (association_id, user_id, role) values (${associationId}, ${coordinatorId}, 'coordinator')`,
  );

  // 300 requesting offices: the first 290 municipalities and 10 prefectures, by code.
  await run(sql`
    insert into organizations (association_id, name, type, local_government_code, contact_name, contact_email, status)
    select ${associationId}, 'Office ' || code, case kind when 'prefecture' then 'prefecture' else 'municipality' end::organization_type,
           code, 'Desk', 'desk-' || code || '@bench.example.jp', 'approved'
      from ((select code, kind from local_governments where kind = 'municipality' order by code limit 290)
            union all (select code, kind from local_governments where kind = 'prefecture' order by code limit 10)) g`);
  await run(sql`
    insert into users (email, display_name)
    select 'volunteer' || n || '@bench.example.jp', 'Volunteer ' || n from generate_series(1, ${volunteers}::int) n`);
  await run(sql`
    insert into volunteers (user_id, full_name, home_local_government_code, status)
    select id, display_name, '271004', 'active' from users where email like 'volunteer%@bench.example.jp'`);

  const started = performance.now();
  // Request i: volunteer i % 2000, on day i / 2000 of the fiscal year, so that nobody is booked twice.
  await run(sql`
    with offices as (select id, row_number() over (order by id) - 1 as n from organizations where association_id = ${associationId}),
         languages as (select array['vi','zh','en','pt','es','ko','fil','ne','id','th'] as codes),
         purposes as (select array['consultation_desk','life_orientation','disaster','school_enrollment','one_stop_desk',
                                   'japanese_class','other_support','other']::request_purpose[] as values)
    insert into requests (id, association_id, organization_id, status, modality, language_code, starts_at, ends_at,
                          local_government_code, purpose, contact_name, grant_tax_category, dispatch_stage)
    select md5('request' || i)::uuid, ${associationId}, o.id, 'completed', 'on_site', (select codes from languages)[1 + i % 10],
           timestamptz '2025-04-01 10:00+09' + make_interval(days => (i / ${volunteers}::int)::int),
           timestamptz '2025-04-01 10:00+09' + make_interval(days => (i / ${volunteers}::int)::int, mins => (60 + (i % 5) * 30)::int),
           '271004', (select values from purposes)[1 + i % 8],
           'Desk', (array['1','3','4','5','6','7','G','N'])[1 + i % 8], 'completed'
      from generate_series(0, ${dispatches - 1}::int) i join offices o on o.n = i % 300`);
  await run(sql`
    with people as (select id, row_number() over (order by id) - 1 as n from volunteers)
    insert into assignments (id, request_id, volunteer_id, status, busy_from, busy_until)
    select md5('assignment' || i)::uuid, md5('request' || i)::uuid, p.id,
           case when i % 100 = 99 then 'no_show' else 'completed' end::assignment_status,
           timestamptz '2025-04-01 10:00+09' + make_interval(days => (i / ${volunteers}::int)::int),
           timestamptz '2025-04-01 10:00+09' + make_interval(days => (i / ${volunteers}::int)::int, mins => (60 + (i % 5) * 30)::int)
      from generate_series(0, ${dispatches - 1}::int) i join people p on p.n = i % ${volunteers}::int`);
  console.log(`wrote ${dispatches} requests and assignments in ${round((performance.now() - started) / 1000, 1)} s`);

  // Lines in statements of 100,000 dispatches: each fires the totals trigger once.
  const batch = 100_000;
  for (let from = 0; from < dispatches; from += batch) {
    const to = Math.min(dispatches, from + batch) - 1;
    await run(sql`
      with dispatch as (
        select i, md5('assignment' || i)::uuid as assignment_id, o.local_government_code as code, g.kind as government_kind,
               (array['1','3','4','5','6','7','G','N'])[1 + i % 8] as category,
               (array['vi','zh','en','pt','es','ko','fil','ne','id','th'])[1 + i % 10] as language,
               (date '2025-04-01' + (i / ${volunteers}::int)::int) as day, 60 + (i % 5) * 30 as minutes
          from generate_series(${from}::int, ${to}::int) i
          join requests r on r.id = md5('request' || i)::uuid
          join organizations o on o.id = r.organization_id
          join local_governments g on g.code = o.local_government_code),
      line as (
        select d.*, k.kind, k.amount from dispatch d
        cross join lateral (values ('honorarium'::expense_kind, 3500 * (1 + d.minutes / 240)),
                                   ('transport'::expense_kind, 200 + (d.i * 37) % 1800)) k(kind, amount)
        union all
        select d.*, case when d.i % 4 = 0 then 'remote_fee'::expense_kind else 'equipment'::expense_kind end,
               case when d.i % 4 = 0 then 500 else 1000 + d.i % 3000 end
          from dispatch d where d.i % 2 = 0)
      insert into expense_lines (association_id, assignment_id, kind, amount_yen, payer, bearing_government_code,
                                 bearing_kind, activity_date, fiscal_year, grant_tax_category, measure, eligibility,
                                 status, language_code, activity_minutes, source, note)
      select ${associationId}, assignment_id, kind, amount, 'requester', code, government_kind::text::bearing_body_kind,
             day, 2025, category,
             case when category = 'N' then null
                  when category in ('G') or (category = '6' and government_kind = 'prefecture') then 'ordinary_grant_tax'
                  when government_kind = 'prefecture' and category in ('1','2','3','7') then null
                  else 'special_grant_tax' end::grant_tax_measure,
             case when category = 'N' then 'not_claimed'
                  when government_kind = 'prefecture' and category in ('1','2','3','7') then 'flagged'
                  else 'eligible' end::expense_eligibility,
             (case when i % 50 = 0 then 'draft' when i % 50 < 5 then 'submitted' when i % 50 < 20 then 'approved'
                   else 'paid' end)::expense_status,
             language, minutes, 'rate_schedule', 'bench'
        from line`);
  }
  const { lines } = await one<{ lines: number }>(sql`select count(*)::int as lines from expense_lines`);
  return { associationId, coordinatorId, lines };
}

export default reconciliation;
