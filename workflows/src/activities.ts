import {
  type DeliveryDependencies,
  type DispatchSteps,
  defaultBatchSize,
  deliverPending,
  type HealthProbe,
  type RetentionRun,
} from '@tsunagu/services';

export interface ActivityDependencies {
  checkDatabase: HealthProbe;
  /**
   * Dispatch: its steps (services' `createDispatchSteps`), registered as activities by name, and
   * the mail delivery that sends what the steps wrote to the outbox.
   */
  dispatch?: { steps: DispatchSteps; delivery: DeliveryDependencies };
  /** Personal data's retention (services' `privacy.applyRetention`). */
  retention?: { applyRetention(): Promise<RetentionRun> };
}

/** Batches one delivery activity sends before it leaves the rest to the next one (or the sweeper). */
const deliveryRounds = 10;

/** Activities get what they touch from the worker, so tests can hand them something else. */
export function createActivities(dependencies: ActivityDependencies) {
  const { dispatch } = dependencies;
  return {
    async checkDatabase(): Promise<string> {
      return dependencies.checkDatabase();
    },
    ...dispatch?.steps,
    /**
     * Sends the e-mails due in the outbox (and fills the in-app inbox). Safe to retry: each row is
     * claimed before it is sent and marked sent after, so a retry never sends one twice.
     */
    /** Anonymises and erases what the retention periods say is due; returns counts only. */
    async applyRetention(): Promise<RetentionRun> {
      if (!dependencies.retention) throw new Error('this worker runs no retention');
      return dependencies.retention.applyRetention();
    },
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
