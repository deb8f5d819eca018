import { createDatabase } from '@tsunagu/db';
import { ConfigError, loadConfig } from './config';

/**
 * `pnpm seed`: prepares the configured database (the same DATABASE_URL or PGlite folder as the API).
 * Applying the migrations is all it does until the demo population generator exists.
 */
async function seed(): Promise<void> {
  const config = loadConfig();
  const database = await createDatabase(config.database);
  try {
    await database.migrate();
    console.log(`Migrations applied to ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}.`);
  } finally {
    await database.close();
  }
}

seed().catch((error: unknown) => {
  console.error(`tsunagu seed: ${error instanceof ConfigError ? error.problems.join('; ') : String(error)}`);
  process.exit(1);
});
