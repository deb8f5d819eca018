import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createLogger } from '@tsunagu/services';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createActivities } from './activities';
import { startPersonalDataLifeCycle } from './life-cycle';
import { installTemporalRuntime } from './runtime';
import { createTimeSkippingEnvironment, recordHistory } from './testing';
import { workflowsPath } from './worker';
import { personalDataWorkflowId } from './workflows/personal-data';

describe('the personal data life cycle on the time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    installTemporalRuntime(createLogger({ level: 'error' }));
    env = await createTimeSkippingEnvironment();
  }, 60_000);
  afterAll(() => env?.teardown());

  test('retention runs at once and then once a day; starting it again from another worker keeps the one run', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const runs: number[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: createActivities({
        checkDatabase: async () => 'ok',
        retention: {
          applyRetention: async () => {
            runs.push(Date.now());
            return { people: 0, organizations: 0, requests: 0 };
          },
        },
      }),
    });
    await worker.runUntil(async () => {
      await startPersonalDataLifeCycle(env.client, taskQueue);
      const first = await env.client.workflow.getHandle(personalDataWorkflowId).describe();
      await startPersonalDataLifeCycle(env.client, taskQueue);
      const second = await env.client.workflow.getHandle(personalDataWorkflowId).describe();
      expect(second.runId).toBe(first.runId);

      await env.sleep('2 days');
      // The activity of the third day has been scheduled by now; give the worker a moment to run it.
      for (let wait = 0; wait < 50 && runs.length < 3; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(runs).toHaveLength(3);
      const handle = env.client.workflow.getHandle(personalDataWorkflowId);
      await handle.terminate('test over');
      await recordHistory('personal-data-life-cycle', handle);
    });
  }, 60_000);
});
