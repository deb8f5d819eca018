import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDatabase, type DemoProgress, demoLogins, loadReferenceData } from '@tsunagu/db';
import { ConfigError, loadConfig } from './config';
import { defaultDemoVolunteers, demoPassword, loadDemoData } from './demo';

/**
 * `pnpm seed [--volunteers N]`: prepares the configured database (the same DATABASE_URL or PGlite
 * folder as the API): applies the migrations, loads or refreshes the reference data, then loads a
 * demo population of N volunteers, unless the database already has demo data, which is kept as is.
 */
async function seed(): Promise<void> {
  const volunteers = volunteerCount(process.argv.slice(2));
  const config = loadConfig();
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1_000).toFixed(1)} s`;
  const database = await createDatabase(config.database);
  try {
    await database.migrate();
    console.log(`migrations applied to ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (${elapsed()})`);
    const reference = await loadReferenceData(database.db);
    console.log(
      `reference data: ${number(reference.languages.total)} languages, ${number(reference.localGovernments.total)} local governments, ${number(reference.holidays.total)} holidays (${elapsed()})`,
    );
    const report = await loadDemoData(database.db, {
      volunteers,
      onProgress: (progress: DemoProgress) =>
        console.log(
          `${progress.phase}: ${Object.entries(progress.counts)
            .map(([what, count]) => `${number(count)} ${what}`)
            .join(', ')} (${(progress.elapsedMs / 1_000).toFixed(1)} s)`,
        ),
    });
    if (report.added) {
      console.log(`demo data loaded: ${number(report.counts.users ?? 0)} users in all (${elapsed()})`);
    } else {
      console.log(
        `demo data was already loaded on ${report.seededAt?.toISOString() ?? 'an earlier run'}: nothing added. To load another population, seed an empty database.`,
      );
    }
    console.log(
      [
        '',
        `Demo logins (password "${demoPassword}"), all of the Osaka prefectural association:`,
        ...Object.entries(demoLogins).map(([role, email]) => `  ${role.padEnd(12)} ${email}`),
        '',
      ].join('\n'),
    );
  } finally {
    await database.close();
  }
}

function volunteerCount(args: string[]): number {
  const { values } = parseArgs({ args, options: { volunteers: { type: 'string' } } });
  const count = Number(values.volunteers ?? defaultDemoVolunteers);
  if (!Number.isInteger(count) || count < 1) throw new Error('--volunteers must be a whole number of at least 1');
  return count;
}

const number = (value: number) => value.toLocaleString('en');

seed().catch((error: unknown) => {
  console.error(`tsunagu seed: ${error instanceof ConfigError ? error.problems.join('; ') : String(error)}`);
  process.exit(1);
});
