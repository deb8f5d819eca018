import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { createDatabase, type Database, schema } from '@tsunagu/db';
import {
  checkHealth,
  createServices,
  type Health,
  type Logger,
  shortReason,
  systemClock,
  version,
} from '@tsunagu/services';
import { bundleWorkflows, connectionOptions, createWorker, installTemporalRuntime } from '@tsunagu/workflows';
import type { Config } from './config';
import { createHttpServer } from './http';
import { startTemporalDevServer } from './temporal-dev-server';

/** A problem that stops start-up; main prints its message as one line, without a stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface App {
  /** The web app and API, when this process serves them. */
  url: string | null;
  temporalAddress: string;
  temporalUiUrl: string | null;
  health(): Promise<Health>;
  stop(): Promise<void>;
}

/**
 * Starts what the configuration asks for, in dependency order: database, Temporal, worker, HTTP.
 * If a step fails, what already started is stopped again before the error is thrown.
 */
export async function startApp(config: Config, logger: Logger): Promise<App> {
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => logger.error({ err: error }, 'shutdown step failed'));
    }
    cleanups.length = 0;
  };
  installTemporalRuntime(logger);
  try {
    if (config.role !== 'worker') await ensurePortFree(config.host, config.port);

    const database = await openDatabase(config, logger);
    cleanups.push(() => database.close());

    let temporalAddress: string;
    let temporalUiUrl: string | null = null;
    if (config.temporal.kind === 'dev-server') {
      const devServer = await startTemporalDevServer({ ...config.temporal, logger }).catch((error: unknown) => {
        throw new StartupError(shortReason(error));
      });
      cleanups.push(() => devServer.stop());
      temporalAddress = devServer.address;
      temporalUiUrl = devServer.uiUrl;
    } else {
      temporalAddress = config.temporal.address;
    }
    const target =
      config.temporal.kind === 'external'
        ? config.temporal
        : { address: temporalAddress, namespace: config.temporal.namespace };

    const connection = await Connection.connect({ ...connectionOptions(target), connectTimeout: 5_000 })
      .then(async (connection) => {
        await connection.workflowService.getSystemInfo({});
        return connection;
      })
      .catch((error: unknown) => {
        throw new StartupError(`Temporal at ${temporalAddress} is unreachable: ${shortReason(error)}`);
      });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, namespace: target.namespace });

    let worker: Worker | null = null;
    if (config.role !== 'api') {
      const created = await createWorker({
        target,
        taskQueue: config.taskQueue,
        workflowBundle: await bundleWorkflows(),
        dependencies: { checkDatabase: () => database.ping() },
      });
      worker = created.worker;
      const running = worker.run();
      cleanups.push(async () => {
        worker?.shutdown();
        await running;
        await created.connection.close();
      });
      running.catch((error: unknown) => logger.error({ err: error }, 'worker stopped'));
      logger.info({ taskQueue: config.taskQueue }, 'worker polling');
    }

    const health = () =>
      checkHealth(
        {
          database: () => database.ping(),
          temporal: async () => {
            await connection.workflowService.getSystemInfo({});
            return 'ok';
          },
          worker: () => workerStatus(client, target.namespace, config.taskQueue, worker),
        },
        version,
      );

    let url: string | null = null;
    if (config.role !== 'worker') {
      const server = createHttpServer({
        production: config.production,
        webDist: config.webDist,
        logger,
        db: database.db,
        services: createServices({ db: database.db, clock: systemClock, logger }),
        health,
      });
      await listen(server, config.host, config.port);
      cleanups.push(() => closeServer(server));
      url = `http://${config.host}:${config.port}/`;
    }

    void selfCheck(client, config.taskQueue, logger);
    return { url, temporalAddress, temporalUiUrl, health, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  const where =
    config.database.kind === 'postgres'
      ? `PostgreSQL at ${new URL(config.database.url).host}`
      : `PGlite in ${config.database.dataDir}`;
  let database: Database | undefined;
  try {
    database = await createDatabase(config.database);
    await database.migrate();
    const [row] = await database.db
      .insert(schema.instance)
      .values({})
      .onConflictDoNothing()
      .returning({ installedAt: schema.instance.installedAt });
    logger.info({ database: config.database.kind, firstStart: Boolean(row) }, 'database ready');
    return database;
  } catch (error) {
    await database?.close().catch(() => {});
    throw new StartupError(`${where} cannot be used: ${shortReason(error)}`);
  }
}

/**
 * `ok` when a worker polls the task queue: this process's own, or (for an API-only process) any
 * worker Temporal has seen polling lately.
 */
async function workerStatus(client: Client, namespace: string, taskQueue: string, worker: Worker | null) {
  if (worker) {
    const state = worker.getState();
    return state === 'RUNNING' ? 'ok' : `worker is ${state.toLowerCase()}`;
  }
  const response = await client.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: 1, // workflow tasks
  });
  return response.pollers.length > 0 ? 'ok' : `no worker is polling task queue "${taskQueue}"`;
}

/** Runs the self-check workflow once so that a broken worker shows in the log at start. */
async function selfCheck(client: Client, taskQueue: string, logger: Logger): Promise<void> {
  try {
    const result = await client.workflow.execute('selfCheck', {
      taskQueue,
      workflowId: `self-check-${randomUUID()}`,
      workflowExecutionTimeout: '30 seconds',
    });
    logger.info({ database: result }, 'self-check workflow completed');
  } catch (error) {
    logger.warn({ reason: shortReason(error) }, 'self-check workflow failed');
  }
}

async function ensurePortFree(host: string, port: number): Promise<void> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  }).catch((error: NodeJS.ErrnoException) => {
    throw new StartupError(portProblem(error, host, port));
  });
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new StartupError(portProblem(error, host, port))));
    server.listen(port, host, () => resolve());
  });
}

function portProblem(error: NodeJS.ErrnoException, host: string, port: number): string {
  if (error.code === 'EADDRINUSE') return `PORT ${port} is already in use on ${host}: stop what uses it or set PORT`;
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return `HOST ${host} is not an address of this machine`;
  if (error.code === 'EACCES')
    return `PORT ${port} needs privileges this process does not have: pick a port above 1023`;
  return `cannot listen on ${host}:${port}: ${error.message}`;
}

/** Stops taking connections, lets requests in flight finish, then closes idle keep-alive sockets. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  });
}
