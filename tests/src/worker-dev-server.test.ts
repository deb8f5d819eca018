import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createDatabase, type Database } from '@tsunagu/db';
import { type DevServer, startTemporalDevServer } from '@tsunagu/server';
import { createLogger } from '@tsunagu/services';
import { bundleWorkflows, createWorker, installTemporalRuntime } from '@tsunagu/workflows';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, freePort, graphql, spawnApi, temporaryDir } from './support/processes';

describe('the worker on a real Temporal dev server started by the test', () => {
  let devServer: DevServer;
  let database: Database;
  beforeAll(async () => {
    installTemporalRuntime(createLogger({ level: 'error' }));
    const cliPath = process.env.TEMPORAL_CLI_PATH;
    if (!cliPath) throw new Error('TEMPORAL_CLI_PATH is not set: run the tests with npm test, which installs the CLI');
    devServer = await startTemporalDevServer({
      cliPath,
      port: await freePort(),
      uiPort: await freePort(),
      dbFile: null,
      namespace: 'default',
      logger: createLogger({ level: 'silent' }),
    });
    database = await createDatabase({ kind: 'pglite', dataDir: null });
  });
  afterAll(async () => {
    await database?.close();
    await devServer?.stop();
  });

  test('runs the self-check workflow, whose activity reaches the database', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const { worker, connection: workerConnection } = await createWorker({
      target: { address: devServer.address, namespace: 'default' },
      taskQueue,
      workflowBundle: await bundleWorkflows(),
      dependencies: { checkDatabase: () => database.ping() },
    });
    const connection = await Connection.connect({ address: devServer.address });
    try {
      const client = new Client({ connection });
      const result = await worker.runUntil(
        client.workflow.execute('selfCheck', { taskQueue, workflowId: `self-check-${randomUUID()}` }),
      );
      expect(result).toBe('ok');
    } finally {
      await connection.close();
      await workerConnection.close();
    }
  });

  test('an API-only process reports a missing worker until one polls its task queue', async () => {
    const taskQueue = `api-only-${randomUUID()}`;
    const api = spawnApi({
      TSUNAGU_ROLE: 'api',
      TSUNAGU_DATA_DIR: temporaryDir('api-only'),
      PORT: String(await freePort()),
      TEMPORAL_ADDRESS: devServer.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
    });
    try {
      const workerHealth = async () =>
        (await graphql<{ health: { worker: string } }>(api.url, '{ health { worker } }')).health.worker;
      await eventually('the API to answer', workerHealth, api);
      expect(await workerHealth()).toBe(`no worker is polling task queue "${taskQueue}"`);

      const { worker, connection } = await createWorker({
        target: { address: devServer.address, namespace: 'default' },
        taskQueue,
        workflowBundle: await bundleWorkflows(),
        dependencies: { checkDatabase: () => database.ping() },
      });
      await worker.runUntil(
        eventually('the worker to be seen polling', async () => {
          if ((await workerHealth()) !== 'ok') throw new Error('not yet');
        }),
      );
      await connection.close();
    } finally {
      api.child.kill('SIGTERM');
      expect(await api.exited).toBe(0);
    }
  });
});
