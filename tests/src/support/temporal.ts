import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Database } from '@tsunagu/db';
import { systemClock } from '@tsunagu/domain';
import {
  createDispatchSteps,
  createDocumentCountSteps,
  createLogger,
  createServices,
  createTranslationJobSteps,
  type Dispatcher,
  type DispatchSteps,
  type MailTransport,
} from '@tsunagu/services';
import { createActivities, createTemporalDispatcher, installTemporalRuntime, workflowsPath } from '@tsunagu/workflows';
import { createTimeSkippingEnvironment } from '@tsunagu/workflows/testing';

type SentMail = Parameters<MailTransport['sendMail']>[0];

export interface DispatchHarness {
  env: TestWorkflowEnvironment;
  dispatcher: Dispatcher;
  /** The worker's task queue, for workflows a test starts itself. */
  taskQueue: string;
  /** The e-mails the workflows' delivery activity handed to the mail transport, in order. */
  sent: SentMail[];
  stop(): Promise<void>;
}

/**
 * The time-skipping test server with a worker of the real workflows, whose dispatch steps run on
 * the given database (through `steps`, when a test wants to change some) and whose e-mails are
 * kept in `sent`; and a dispatcher that reaches them as the API process does.
 */
export async function startDispatchHarness(
  database: Database,
  { steps = (real) => real }: { steps?: (real: DispatchSteps) => DispatchSteps } = {},
): Promise<DispatchHarness> {
  const logger = createLogger({ level: 'error' });
  installTemporalRuntime(logger);
  const sent: SentMail[] = [];
  const env = await createTimeSkippingEnvironment();
  const taskQueue = `dispatch-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath,
    activities: createActivities({
      checkDatabase: () => database.ping(),
      paperwork: createServices({ db: database.db, clock: systemClock, logger }).paperwork,
      dispatch: {
        steps: steps(createDispatchSteps({ db: database.db })),
        delivery: {
          db: database.db,
          transport: { sendMail: async (mail) => void sent.push(mail) },
          clock: systemClock,
          logger,
          from: 'Tsunagu <no-reply@tsunagu.example.jp>',
          publicUrl: 'https://tsunagu.example.jp',
        },
      },
      translationJobs: createTranslationJobSteps({ db: database.db }),
      documents: createDocumentCountSteps({ db: database.db }),
    }),
  });
  const running = worker.run();
  return {
    env,
    dispatcher: createTemporalDispatcher(env.client, taskQueue),
    taskQueue,
    sent,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
