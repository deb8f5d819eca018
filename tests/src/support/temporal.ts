import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Database } from '@tsunagu/db';
import { createDispatchSteps, createLogger, type Dispatcher } from '@tsunagu/services';
import { createActivities, createTemporalDispatcher, installTemporalRuntime, workflowsPath } from '@tsunagu/workflows';
import { createTimeSkippingEnvironment } from '@tsunagu/workflows/testing';

export interface DispatchHarness {
  env: TestWorkflowEnvironment;
  dispatcher: Dispatcher;
  stop(): Promise<void>;
}

/**
 * The time-skipping test server with a worker of the real workflows, whose dispatch steps run on
 * the given database; and a dispatcher that reaches them as the API process does.
 */
export async function startDispatchHarness(database: Database): Promise<DispatchHarness> {
  installTemporalRuntime(createLogger({ level: 'error' }));
  const env = await createTimeSkippingEnvironment();
  const taskQueue = `dispatch-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath,
    activities: createActivities({
      checkDatabase: () => database.ping(),
      dispatch: createDispatchSteps({ db: database.db }),
    }),
  });
  const running = worker.run();
  return {
    env,
    dispatcher: createTemporalDispatcher(env.client, taskQueue),
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
