import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
// @ts-expect-error plain JS shared with the bootstrap, which runs before TypeScript is installed
import { findBinary } from './scripts/temporal-binaries.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Database tests (`*.db.test.ts`) run twice: on the PostgreSQL server and on PGlite. Without a
 * server they run on PGlite alone and say so; under CI a missing server is a failure.
 */
async function postgresProjectWanted(): Promise<boolean> {
  const url = new URL(postgresUrl);
  const answers = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 5432), timeout: 1_000 });
    const settle = (value: boolean) => {
      socket.destroy();
      resolve(value);
    };
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
    socket.once('timeout', () => settle(false));
  });
  if (answers) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `PostgreSQL does not answer at ${url.host}; under CI its half of the database tests may not be skipped.`,
    );
  }
  console.warn(`PostgreSQL does not answer at ${url.host}: the database tests run on PGlite only.`);
  return false;
}

/**
 * The Temporal binaries the tests' processes use; one not found is left out rather than set empty,
 * so that the API says the CLI is missing instead of refusing an empty TEMPORAL_CLI_PATH.
 */
const temporalEnv: Record<string, string> = Object.fromEntries(
  [
    ['TEMPORAL_CLI_PATH', findBinary(root, 'temporal', process.env.TEMPORAL_CLI_PATH)],
    ['TEMPORAL_TEST_SERVER_PATH', findBinary(root, 'temporal-test-server', process.env.TEMPORAL_TEST_SERVER_PATH)],
  ].filter(([, path]) => path),
);

const databaseTests = ['{db,services,graphql,workflows,tests}/**/*.db.test.ts'];

const withPostgres = await postgresProjectWanted();

export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS build (it has no exports map) and so do the libraries
    // Vitest leaves to Node; Vite would pick index.mjs and load a second copy of graphql.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    env: temporalEnv,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          include: ['{db,services,graphql,workflows,web}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.db.test.ts'],
        },
      },
      {
        extends: true as const,
        test: {
          name: 'db:pglite',
          include: databaseTests,
          // Creating and migrating a database per file takes seconds when the machine is busy.
          hookTimeout: 60_000,
          env: { TSUNAGU_TEST_DATABASE: 'pglite' },
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'db:postgres',
                include: databaseTests,
                hookTimeout: 60_000,
                env: { TSUNAGU_TEST_DATABASE: 'postgres', TEST_POSTGRES_URL: postgresUrl },
              },
            },
          ]
        : []),
      {
        extends: true as const,
        test: {
          name: 'integration',
          include: ['tests/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts'],
          // Each file starts servers of its own; two cores cannot take many at once.
          fileParallelism: false,
          testTimeout: 120_000,
          // A page that waits on the API and a workflow can take seconds on a loaded machine; the
          // one-second default of expect.poll failed CI while nothing was wrong.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
