import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import { nextReminderRunAt } from '@tsunagu/domain';
import type { Activities } from '../activities';

/**
 * Renewal reminders of volunteers' registrations and insurance: every morning (09:00 in Japan) the
 * activity writes to the outbox the reminders due that day, 30 and 7 days before a paper lapses,
 * each under a key of its own so that none goes twice, and the workflow delivers them. One
 * long-running workflow per deployment with a durable timer, as the personal-data life cycle: one
 * run at a time however many processes there are, never a loop in the API process, and a timer the
 * time-skipping test server can play (it runs no Temporal Schedules). Its history holds counts only.
 */
export const paperworkWorkflowId = 'paperwork-reminders';

const { sendRenewalReminders, deliverNotifications } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 minute', maximumInterval: '1 hour' },
});

/** Mornings run before the history is started afresh, so that it stays short. */
const daysPerRun = 30;

export async function paperworkReminders(): Promise<never> {
  for (let day = 0; day < daysPerRun; day++) {
    // The workflow's clock: the run's own time, the same on replay (and the test server's, skipped ahead).
    const { reminded } = await sendRenewalReminders(new Date().toISOString());
    if (reminded > 0) await deliverNotifications();
    await sleep(nextReminderRunAt(new Date()).getTime() - Date.now());
  }
  return continueAsNew<typeof paperworkReminders>();
}
