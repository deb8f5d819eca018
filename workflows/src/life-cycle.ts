import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
} from '@temporalio/client';
import { paperworkReminders, paperworkWorkflowId } from './workflows/paperwork';
import { personalDataLifeCycle, personalDataWorkflowId } from './workflows/personal-data';

/**
 * Starts the one personal-data workflow unless it runs already; every worker process calls this at
 * start, so a deployment always has one (started again if it ever failed for good).
 */
export function startPersonalDataLifeCycle(client: Client, taskQueue: string): Promise<void> {
  return startOnce(client, taskQueue, personalDataLifeCycle, personalDataWorkflowId);
}

/** Starts the one paperwork-reminders workflow unless it runs already, as the personal-data one. */
export function startPaperworkReminders(client: Client, taskQueue: string): Promise<void> {
  return startOnce(client, taskQueue, paperworkReminders, paperworkWorkflowId);
}

async function startOnce(
  client: Client,
  taskQueue: string,
  workflow: typeof personalDataLifeCycle | typeof paperworkReminders,
  workflowId: string,
): Promise<void> {
  try {
    await client.workflow.start(workflow, {
      taskQueue,
      workflowId,
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
