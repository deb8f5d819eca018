import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from './activities';

const { checkDatabase } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

/**
 * Proves the whole loop at start-up: Temporal hands a task to a worker of this deployment, whose
 * activity reaches the database. Returns the database's answer.
 */
export async function selfCheck(): Promise<string> {
  return checkDatabase();
}

export { dispatchRequest } from './workflows/dispatch';
export { documentCount } from './workflows/document-count';
export { paperworkReminders } from './workflows/paperwork';
export { personalDataLifeCycle } from './workflows/personal-data';
export { translationJob } from './workflows/translation-job';
