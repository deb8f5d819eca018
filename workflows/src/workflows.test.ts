import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createLogger } from '@tsunagu/services';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ActivityDependencies, createActivities } from './activities';
import { installTemporalRuntime } from './runtime';
import { createTimeSkippingEnvironment, recordHistory } from './testing';
import { workflowsPath } from './worker';
import { selfCheck } from './workflows';

describe('selfCheck on the time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    installTemporalRuntime(createLogger({ level: 'error' }));
    env = await createTimeSkippingEnvironment();
  }, 60_000);
  afterAll(() => env?.teardown());

  async function runSelfCheck(checkDatabase: ActivityDependencies['checkDatabase'], recordAs?: string) {
    const taskQueue = `test-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: createActivities({ checkDatabase }),
    });
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(selfCheck, {
        taskQueue,
        workflowId: `self-check-${randomUUID()}`,
      });
      const result = await handle.result();
      if (recordAs) await recordHistory(recordAs, handle);
      return result;
    });
  }

  test('reports what the database answered', async () => {
    await expect(runSelfCheck(async () => 'ok', 'self-check')).resolves.toBe('ok');
    await expect(runSelfCheck(async () => 'unreachable: connection refused')).resolves.toBe(
      'unreachable: connection refused',
    );
  }, 60_000);

  test('retries a failing activity three times, then fails the workflow', async () => {
    let attempts = 0;
    const failing = runSelfCheck(async () => {
      attempts += 1;
      throw new Error('database driver crashed');
    });
    await expect(failing).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(attempts).toBe(3);
  }, 60_000);
});
