import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createDatabase, schema } from '@tsunagu/db';
import { expect, test } from 'vitest';
import {
  type ApiProcess,
  eventually,
  freePort,
  graphql,
  processesMentioning,
  spawnApi,
  temporaryDir,
} from './support/processes';

interface HealthAnswer {
  health: { database: string; temporal: string; worker: string; version: string };
}

async function startEmbedded(dataDir: string, ports: { api: number; temporal: number; ui: number }) {
  const api = spawnApi({
    TSUNAGU_DATA_DIR: dataDir,
    PORT: String(ports.api),
    TEMPORAL_DEV_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.ui),
  });
  const health = await eventually(
    'a healthy answer',
    async () => {
      const { health } = await graphql<HealthAnswer>(api.url, '{ health { database temporal worker version } }');
      if (health.worker !== 'ok') throw new Error(`worker: ${health.worker}`);
      return health;
    },
    api,
  );
  return { api, health };
}

async function stopWithCtrlC(api: ApiProcess): Promise<number | null> {
  api.child.kill('SIGINT');
  return api.exited;
}

async function selfCheckRuns(temporalPort: number): Promise<number> {
  const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  try {
    const client = new Client({ connection });
    let count = 0;
    for await (const _ of client.workflow.list({ query: "WorkflowType = 'selfCheck'" })) count += 1;
    return count;
  } finally {
    await connection.close();
  }
}

test('the embedded default starts healthy, serves the web app, stops cleanly and keeps its data', async () => {
  const dataDir = temporaryDir('embedded');
  const ports = { api: await freePort(), temporal: await freePort(), ui: await freePort() };

  const first = await startEmbedded(dataDir, ports);
  expect(first.health).toMatchObject({ database: 'ok', temporal: 'ok', worker: 'ok' });
  expect(first.health.version).toMatch(/^\d+\.\d+\.\d+/);

  const page = await fetch(`${first.api.url}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  expect(await page.text()).toContain('<div id="root"></div>');
  // A path the web app's router owns gets the app too, not a 404.
  expect((await fetch(`${first.api.url}/requests/new`)).status).toBe(200);

  await eventually('the self-check workflow to be recorded', async () => {
    if ((await selfCheckRuns(ports.temporal)) < 1) throw new Error('not yet');
  });
  expect(processesMentioning(dataDir).some((line) => line.includes('temporal server start-dev'))).toBe(true);

  expect(await stopWithCtrlC(first.api)).toBe(0);
  expect(processesMentioning(dataDir)).toEqual([]);
  expect(first.api.stdout()).toContain('"msg":"stopped"');

  const database = await createDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
  const [installed] = await database.db.select().from(schema.instance);
  await database.close();
  expect(installed?.installedAt).toBeInstanceOf(Date);

  const second = await startEmbedded(dataDir, ports);
  try {
    expect(second.health).toMatchObject({ database: 'ok', temporal: 'ok', worker: 'ok' });
    expect(second.api.stdout()).toContain('"firstStart":false');
    // The Temporal SQLite file kept the first run's workflow; the second run adds its own.
    await eventually('both self-check runs to be listed', async () => {
      if ((await selfCheckRuns(ports.temporal)) < 2) throw new Error('not yet');
    });
  } finally {
    expect(await stopWithCtrlC(second.api)).toBe(0);
  }
  expect(processesMentioning(dataDir)).toEqual([]);
});
