import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { createDatabase, type Database, type Db, loadReferenceData, schema } from '@tsunagu/db';
import { systemClock } from '@tsunagu/domain';
import {
  checkHealth,
  createDispatchSteps,
  createDocumentCountSteps,
  createMailTransport,
  createServices,
  createTranslationJobSteps,
  type DeliveryDependencies,
  deliverPending,
  type Health,
  type Logger,
  type MailCatcher,
  masterKeyFrom,
  shortReason,
  startMailCatcher,
  version,
} from '@tsunagu/services';
import {
  bundleWorkflows,
  connectionOptions,
  createTemporalDispatcher,
  createWorker,
  installTemporalRuntime,
  startPaperworkReminders,
  startPersonalDataLifeCycle,
} from '@tsunagu/workflows';
import type { Config } from './config';
import { defaultDemoVolunteers, loadDemoData } from './demo';
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

    const mail = await startMailDelivery(config, database.db, logger);
    cleanups.push(() => mail.stop());

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
    const services = createServices({
      db: database.db,
      clock: systemClock,
      logger,
      dispatcher: createTemporalDispatcher(client, config.taskQueue),
      listen: (channel, onNotify) => database.listen(channel, onNotify),
      masterKey: masterKeyFrom(config.payoutMasterKey.id, config.payoutMasterKey.base64),
    });

    let worker: Worker | null = null;
    if (config.role !== 'api') {
      const created = await createWorker({
        target,
        taskQueue: config.taskQueue,
        maxCachedWorkflows: config.maxCachedWorkflows,
        workflowBundle: await bundleWorkflows(),
        dependencies: {
          checkDatabase: () => database.ping(),
          dispatch: { steps: createDispatchSteps({ db: database.db }), delivery: mail.delivery },
          translationJobs: createTranslationJobSteps({ db: database.db }),
          documents: createDocumentCountSteps({ db: database.db }),
          retention: services.privacy,
          paperwork: services.paperwork,
        },
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
      // Requests filed while Temporal could not be reached have no workflow yet.
      services.dispatch.resumeAll().then(
        (requests) => logger.info({ requests }, 'dispatch workflows resumed'),
        (error: unknown) => logger.warn({ reason: shortReason(error) }, 'dispatch workflows not resumed'),
      );
      services.documents.resumeCounting().then(
        (documents) => logger.info({ documents }, 'document counting resumed'),
        (error: unknown) => logger.warn({ reason: shortReason(error) }, 'document counting not resumed'),
      );
      startPersonalDataLifeCycle(client, config.taskQueue).catch((error: unknown) =>
        logger.warn({ reason: shortReason(error) }, 'personal data life cycle not started'),
      );
      startPaperworkReminders(client, config.taskQueue).catch((error: unknown) =>
        logger.warn({ reason: shortReason(error) }, 'paperwork reminders not started'),
      );
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
        services,
        health,
        publicUrl: config.mail.publicUrl,
        maxUploadBytes: config.maxUploadBytes,
      });
      await listen(server, config.host, config.port);
      cleanups.push(() => closeServer(server));
      url = `http://${config.host}:${config.port}/`;
    }

    // Shutdown cancels a self-check still waiting, before the connection it uses is closed.
    const stopSelfCheck = new AbortController();
    const checking = connection.withAbortSignal(stopSelfCheck.signal, () =>
      selfCheck(client, config.taskQueue, logger),
    );
    cleanups.push(async () => {
      stopSelfCheck.abort();
      await checking;
    });
    return { url, temporalAddress, temporalUiUrl, health, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const deliveryIntervalMs = 1_000;

/**
 * Sends what the outbox holds, every second: over SMTP_URL, or to the embedded mail catcher. A run
 * is scheduled only once the previous one has ended, so runs never overlap; stop() waits for the
 * run in flight. The dispatch workflows deliver their own messages at once with the same
 * `delivery` (an activity); this sweep sends the rest (accounts' e-mails, cancellations written
 * by the API, retries after a failure).
 */
async function startMailDelivery(
  config: Config,
  db: Db,
  logger: Logger,
): Promise<{ delivery: DeliveryDependencies; stop(): Promise<void> }> {
  const { smtp } = config.mail;
  let catcher: MailCatcher | null = null;
  let smtpUrl: string;
  if (smtp.kind === 'external') {
    smtpUrl = smtp.url;
  } else {
    catcher = await startMailCatcher({ db, logger });
    smtpUrl = catcher.url;
  }
  const delivery: DeliveryDependencies = {
    db,
    transport: createMailTransport(smtpUrl),
    clock: systemClock,
    logger,
    from: config.mail.from,
    publicUrl: config.mail.publicUrl,
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = deliverPending(delivery)
      .then(
        () => {},
        (error: unknown) => logger.warn({ reason: shortReason(error) }, 'e-mail delivery failed'),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(run, deliveryIntervalMs);
      });
  };
  timer = setTimeout(run, deliveryIntervalMs);
  return {
    delivery,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await catcher?.stop();
    },
  };
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
    const reference = await loadReferenceData(database.db);
    const { onlyInDataset, onlyInPackage } = reference.localGovernmentDifferences;
    logger.info(
      {
        languages: reference.languages.total,
        localGovernments: reference.localGovernments.total,
        holidays: reference.holidays.total,
        differencesWithJpLocalGov: onlyInDataset.length + onlyInPackage.length,
      },
      'reference data loaded',
    );
    const [row] = await database.db
      .insert(schema.instance)
      .values({})
      .onConflictDoNothing()
      .returning({ installedAt: schema.instance.installedAt });
    logger.info({ database: config.database.kind, firstStart: Boolean(row) }, 'database ready');
    // The embedded default starts with demo data to try the app with, once; PostgreSQL never does.
    const [instance] = await database.db.select({ seededAt: schema.instance.seededAt }).from(schema.instance);
    if (config.database.kind === 'pglite' && !config.production && !instance?.seededAt) {
      const demo = await loadDemoData(database.db, { volunteers: defaultDemoVolunteers });
      logger.info(
        { volunteers: demo.counts.volunteers ?? 0, organizations: demo.counts.organizations ?? 0 },
        'demo data loaded',
      );
    }
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
    if (!isCancellation(error)) logger.warn({ reason: shortReason(error) }, 'self-check workflow failed');
  }
}

function isCancellation(error: unknown): boolean {
  return error instanceof Error && /cancel|abort/i.test(`${error.name} ${error.message}`);
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
