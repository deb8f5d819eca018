import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities';

/**
 * Personal data's life cycle (APPI): once a day, the retention activity anonymises retired
 * volunteers and closed organizations and erases requests' particulars, as each association's
 * policy says. One long-running workflow with a durable timer rather than a sweep in every API
 * process: exactly one run at a time across however many processes, its runs and failures visible
 * in Temporal, and the activity retried there. Its history holds counts only, never personal data.
 */
export const personalDataWorkflowId = 'personal-data-life-cycle';

const { applyRetention } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '1 minute', maximumInterval: '1 hour' },
});

/** Days run before the history is started afresh, so that it stays short. */
const daysPerRun = 30;

export async function personalDataLifeCycle(): Promise<never> {
  for (let day = 0; day < daysPerRun; day++) {
    await applyRetention();
    await sleep('1 day');
  }
  return continueAsNew<typeof personalDataLifeCycle>();
}
