import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
} from '@temporalio/client';
import { personalDataLifeCycle, personalDataWorkflowId } from './workflows/personal-data';

/**
 * Starts the one personal-data workflow unless it runs already; every worker process calls this at
 * start, so a deployment always has one (started again if it ever failed for good).
 */
export async function startPersonalDataLifeCycle(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.workflow.start(personalDataLifeCycle, {
      taskQueue,
      workflowId: personalDataWorkflowId,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
