import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { TranslationJobState } from '@tsunagu/domain';
import type { TranslationJobSteps } from '@tsunagu/services';
import type { Activities } from '../activities';

/**
 * One workflow per translation booking (id `translation-job-<assignmentId>`), a child of the
 * request's dispatch workflow, which starts it once the booking is confirmed and leaves it running
 * when it ends itself (the work and its review may go on past the deadline, when dispatch has moved
 * on to the reports). A child of its own keeps the job's timers apart from dispatch's: the
 * reminders before the deadline (the association's policy), the overdue escalation at the
 * deadline; a cover booked after a give-back gets a job, and a workflow, of its own. The database
 * is the truth: the use cases move the job and signal; the workflow reads the job's plan again.
 */

export const translationJobWorkflowId = (assignmentId: string) => `translation-job-${assignmentId}`;

/** The job moved (submitted, reviewed, given back, its deadline changed…): the workflow looks again. */
export const translationJobChangedSignal = defineSignal('translationJobChanged');

export interface TranslationJobView {
  state: TranslationJobState | null;
  nextWakeAt: string | null;
}
export const translationJobQuery = defineQuery<TranslationJobView>('translationJob');

export type TranslationJobResult = TranslationJobState | 'gone';

const steps = proxyActivities<TranslationJobSteps>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { deliverNotifications } = proxyActivities<Pick<Activities, 'deliverNotifications'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function translationJob({ assignmentId }: { assignmentId: string }): Promise<TranslationJobResult> {
  const now = () => new Date().toISOString();
  const view: TranslationJobView = { state: null, nextWakeAt: null };
  let events = 0;
  setHandler(translationJobChangedSignal, () => void events++);
  setHandler(translationJobQuery, () => view);
  /** The timers already acted on (a moved deadline gives new keys). */
  const done = new Set<string>();

  for (;;) {
    const seen = events;
    const plan = await steps.translationJobPlan(assignmentId);
    if (!plan) return 'gone';
    view.state = plan.state;
    if (plan.state === 'accepted') {
      view.state = (await steps.finishTranslationJob(assignmentId, now())) ?? plan.state;
      await deliverNotifications();
      return view.state;
    }
    if (plan.ended) {
      await deliverNotifications();
      return plan.state;
    }
    const due = plan.timers.find((timer) => !done.has(timer.key));
    // Sends what the steps (and the use cases) wrote before it sleeps, until the timer or a change.
    if (!due) {
      await deliverNotifications();
      view.nextWakeAt = null;
      await condition(() => events !== seen);
      continue;
    }
    const ms = Date.parse(due.at) - Date.now();
    if (ms > 0) {
      await deliverNotifications();
      view.nextWakeAt = due.at;
      if (await condition(() => events !== seen, ms)) continue;
    }
    done.add(due.key);
    if (due.kind === 'reminder') await steps.remindTranslator(assignmentId, due.hoursBefore);
    else await steps.translationDeadlinePassed(assignmentId, now());
  }
}
