import { ApplicationFailure } from '@temporalio/common';
import { classifyStepFailure } from '@tsunagu/domain';
import {
  type DeliveryDependencies,
  type DispatchSteps,
  type DocumentCountSteps,
  defaultBatchSize,
  deliverPending,
  type HealthProbe,
  type ReminderRun,
  type RetentionRun,
  type TranslationJobSteps,
} from '@tsunagu/services';

export interface ActivityDependencies {
  checkDatabase: HealthProbe;
  /**
   * Dispatch: its steps (services' `createDispatchSteps`), registered as activities by name, and
   * the mail delivery that sends what the steps wrote to the outbox.
   */
  dispatch?: { steps: DispatchSteps; delivery: DeliveryDependencies };
  /** Translation jobs: their steps (services' `createTranslationJobSteps`), registered by name. */
  translationJobs?: TranslationJobSteps;
  /** Documents counted after their upload (services' `createDocumentCountSteps`). */
  documents?: DocumentCountSteps;
  /** Personal data's retention (services' `privacy.applyRetention`). */
  retention?: { applyRetention(): Promise<RetentionRun> };
  /** Paperwork's renewal reminders (services' `paperwork.sendRenewalReminders`). */
  paperwork?: { sendRenewalReminders(asOf: Date): Promise<ReminderRun> };
}

/** Batches one delivery activity sends before it leaves the rest to the next one (or the sweeper). */
const deliveryRounds = 10;

/** Activities get what they touch from the worker, so tests can hand them something else. */
export function createActivities(dependencies: ActivityDependencies) {
  const { dispatch, translationJobs, documents } = dependencies;
  return {
    async checkDatabase(): Promise<string> {
      return dependencies.checkDatabase();
    },
    ...(dispatch && failingForGood(dispatch.steps)),
    ...(translationJobs && failingForGood(translationJobs)),
    ...(documents && failingForGood(documents)),
    /** Anonymises and erases what the retention periods say is due; returns counts only. */
    async applyRetention(): Promise<RetentionRun> {
      if (!dependencies.retention) throw new Error('this worker runs no retention');
      return dependencies.retention.applyRetention();
    },
    /** Writes the renewal reminders due on the day of `asOf` (ISO 8601) to the outbox; returns a count. */
    async sendRenewalReminders(asOf: string): Promise<ReminderRun> {
      if (!dependencies.paperwork) throw new Error('this worker runs no paperwork reminders');
      return dependencies.paperwork.sendRenewalReminders(new Date(asOf));
    },
    /**
     * Sends the e-mails due in the outbox (and fills the in-app inbox). Safe to retry: each row is
     * claimed before it is sent and marked sent after, so a retry never sends one twice.
     */
    async deliverNotifications(): Promise<{ sent: number; failed: number }> {
      if (!dispatch) throw new Error('this worker runs no dispatch');
      const total = { sent: 0, failed: 0 };
      const batchSize = dispatch.delivery.batchSize ?? defaultBatchSize;
      for (let round = 0; round < deliveryRounds; round++) {
        const { sent, failed } = await deliverPending(dispatch.delivery);
        total.sent += sent;
        total.failed += failed;
        if (sent + failed < batchSize) break;
      }
      return total;
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;

/**
 * The steps, each of whose failures is sorted (`classifyStepFailure`): one that can never succeed
 * is thrown as a non-retryable `ApplicationFailure` named after the failure, for the workflow to
 * escalate; anything else is thrown again, and Temporal tries the step again. Neither quotes the
 * data: the failure is kept in the workflow's history and the worker logs each retry, and the data
 * may be personal (a rejection's reason, a resident's name).
 */
function failingForGood<Steps extends DispatchSteps | TranslationJobSteps | DocumentCountSteps>(steps: Steps): Steps {
  const sorted = Object.entries(steps).map(([name, step]) => [
    name,
    async (...args: unknown[]) => {
      try {
        return await (step as (...args: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        const failure = classifyStepFailure(error);
        if (failure.retry) throw withoutParameters(error);
        throw ApplicationFailure.create({
          type: failure.type,
          message: `${name} cannot succeed: ${failure.type}${failure.code ? ` (SQLSTATE ${failure.code})` : ''}`,
          nonRetryable: true,
        });
      }
    },
  ]);
  return Object.fromEntries(sorted) as Steps;
}

/**
 * Drizzle's error for a failed query quotes its parameters; the driver's error it wraps (the
 * SQLSTATE and the server's message, or the lost connection) says what went wrong without them.
 */
function withoutParameters(error: unknown): unknown {
  return error instanceof Error && 'params' in error && error.cause instanceof Error ? error.cause : error;
}
