import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import { earliest, type StatedReason, timersOf } from '@tsunagu/domain';
import type {
  AcceptOutcome,
  AssignOutcome,
  ConfirmedPlan,
  DeclineOutcome,
  DispatchFacts,
  DispatchSteps,
  ManualOfferOutcome,
  ReconfirmOutcome,
  ReleaseOutcome,
  ReleaseReason,
  ScreeningResult,
  WaveOutcome,
} from '@tsunagu/services';
import type { Activities } from '../activities';
import { translationJob, translationJobWorkflowId } from './translation-job';

/**
 * One durable workflow per request (id `dispatch-<requestId>`) carries it from filed to done:
 * screening, offer waves, confirmation, reminders and reconfirmation, reports. The database is the
 * truth: every decision is a step (an activity, one transaction that locks the request and writes
 * its messages to the outbox); the workflow only orders the steps, keeps the timers, and has the
 * messages delivered (another activity) before it sleeps.
 */

export const dispatchWorkflowId = (requestId: string) => `dispatch-${requestId}`;

export const approveUpdate = defineUpdate<ScreeningResult, [{ by: string }]>('approve');
export const rejectUpdate = defineUpdate<ScreeningResult, [{ by: string; reason: string }]>('reject');
/** An update, so that the volunteer learns at once whether they got it. */
export const acceptUpdate = defineUpdate<AcceptOutcome, [{ offerId: string; volunteerId: string }]>('accept');
export const declineUpdate = defineUpdate<DeclineOutcome, [{ offerId: string; volunteerId: string }]>('decline');
export const offerUpdate = defineUpdate<ManualOfferOutcome, [{ volunteerId: string; by: string }]>('offer');
export const assignUpdate = defineUpdate<AssignOutcome, [{ volunteerId: string; by: string }]>('assign');
export const reconfirmUpdate = defineUpdate<ReconfirmOutcome, [{ assignmentId: string; volunteerId: string }]>(
  'reconfirm',
);
/** A coordinator releases a booked volunteer, or the volunteer withdraws: cover is sought at once. */
export const releaseUpdate = defineUpdate<
  ReleaseOutcome,
  [{ assignmentId: string; reason: ReleaseReason; by: string; stated?: StatedReason }]
>('release');
export const changedSignal = defineSignal('changed');
export const cancelledSignal = defineSignal('cancelled');
export const reportFiledSignal = defineSignal('reportFiled');
export const reportsApprovedSignal = defineSignal('reportsApproved');
export const noShowSignal = defineSignal('noShow');

/** What the workflow is doing, for the curious (lists and dashboards read the database mirror). */
export interface DispatchView {
  stage: DispatchFacts['stage'];
  wave: number;
  /** When the workflow next wakes by itself (an offer deadline, a reminder…), ISO 8601. */
  nextWakeAt: string | null;
}
export const stateQuery = defineQuery<DispatchView>('state');

export type DispatchResult = 'completed' | 'cancelled' | 'rejected' | 'unfilled' | 'gone';

const steps = proxyActivities<DispatchSteps>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { deliverNotifications } = proxyActivities<Pick<Activities, 'deliverNotifications'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

/** Histories from before the workflow delivered its own messages replay without the delivery. */
const deliveryPatch = 'deliver-from-workflow';

/** Histories from before a step that failed for good was escalated replay without the escalation. */
const escalationPatch = 'escalate-failed-steps';

/**
 * Histories from before translation jobs ran workflows of their own replay without starting them
 * (and with dispatch's own reminders to the translator).
 */
const translationJobPatch = 'translation-job-workflows';

/** Every `patched()` id of this workflow: the replay test wants histories on both sides of each. */
export const dispatchPatches = [deliveryPatch, escalationPatch, translationJobPatch];

/** What a step answers in the workflow when it failed for good (and the coordinators were told). */
const failed = Symbol('failed');

/**
 * The failure of a step that is not tried again: the activity threw a non-retryable
 * `ApplicationFailure` (steps never run out of retries), or null for anything else.
 */
function failedForGood(error: unknown): ApplicationFailure | null {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause : null;
}

/**
 * Sends what the steps wrote to the outbox: before the workflow sleeps, and when it ends. (The
 * API's sweeper sends it too, a little later, if the workflow cannot; a message goes once.)
 */
async function deliver(): Promise<void> {
  if (patched(deliveryPatch)) await deliverNotifications();
}

export async function dispatchRequest(input: { requestId: string }): Promise<DispatchResult> {
  const result = await dispatch(input);
  await deliver();
  return result;
}

async function dispatch({ requestId }: { requestId: string }): Promise<DispatchResult> {
  const now = () => new Date().toISOString();
  const view: DispatchView = { stage: 'screening', wave: 0, nextWakeAt: null };
  /** Bumped by every handler: the main loop wakes when it moves. */
  let events = 0;
  let cancelled = false;
  let changed = false;
  /** A booking was released by hand since the loop last looked: the waves start over. */
  let releasedByHand = false;
  const handled = <T>(result: T): T => {
    events++;
    return result;
  };

  /**
   * Runs a step. One that failed for good (on data it can never accept) is not tried again: the
   * request is escalated to its coordinators, who are told, and the caller goes on without it.
   */
  async function attempt<T>(step: keyof DispatchSteps, run: () => Promise<T>): Promise<T | typeof failed> {
    try {
      return await run();
    } catch (error) {
      const failure = failedForGood(error);
      if (!failure || !patched(escalationPatch)) throw error;
      try {
        await steps.escalateFailedStep(requestId, step, failure.type ?? 'Unknown', now());
      } catch (escalation) {
        // The request cannot even be escalated (it is gone, say): the workflow goes on regardless.
        if (!failedForGood(escalation)) throw escalation;
        log.error('a failed dispatch step could not be escalated', { requestId, step });
      }
      return failed;
    }
  }

  /** A decision whose step failed for good answers its caller with an error; the coordinators have it. */
  async function decide<T>(step: keyof DispatchSteps, run: () => Promise<T>): Promise<T> {
    const outcome = await attempt(step, run);
    if (outcome === failed) {
      throw ApplicationFailure.create({
        type: 'StepFailed',
        message: `${step} cannot succeed; the request is escalated to its coordinators`,
        nonRetryable: true,
      });
    }
    return outcome;
  }

  setHandler(stateQuery, () => view);
  setHandler(approveUpdate, async ({ by }) => {
    const outcome = await decide('approveRequest', () => steps.approveRequest(requestId, by, now()));
    if (outcome.result === 'approved') view.stage = 'offering';
    return handled(outcome);
  });
  setHandler(rejectUpdate, async ({ by, reason }) => {
    const outcome = await decide('rejectRequest', () => steps.rejectRequest(requestId, by, reason, now()));
    if (outcome.result === 'rejected') view.stage = 'rejected';
    return handled(outcome);
  });
  setHandler(acceptUpdate, async ({ offerId, volunteerId }) =>
    handled(await decide('acceptOffer', () => steps.acceptOffer(offerId, volunteerId, now()))),
  );
  setHandler(declineUpdate, async ({ offerId, volunteerId }) =>
    handled(await decide('declineOffer', () => steps.declineOffer(offerId, volunteerId, now()))),
  );
  setHandler(offerUpdate, async ({ volunteerId, by }) =>
    handled(await decide('offerByHand', () => steps.offerByHand(requestId, volunteerId, by, now()))),
  );
  setHandler(assignUpdate, async ({ volunteerId, by }) =>
    handled(await decide('assignByHand', () => steps.assignByHand(requestId, volunteerId, by, now()))),
  );
  setHandler(reconfirmUpdate, async ({ assignmentId, volunteerId }) =>
    handled(await decide('reconfirmAssignment', () => steps.reconfirmAssignment(assignmentId, volunteerId, now()))),
  );
  setHandler(releaseUpdate, async ({ assignmentId, reason, stated }) => {
    const outcome = await decide('releaseBooking', () =>
      steps.releaseBooking(requestId, assignmentId, reason, now(), stated),
    );
    if (outcome.result === 'released') releasedByHand = true;
    return handled(outcome);
  });
  setHandler(changedSignal, () => {
    changed = true;
    events++;
  });
  setHandler(cancelledSignal, () => {
    cancelled = true;
    events++;
  });
  setHandler(reportFiledSignal, () => void events++);
  setHandler(reportsApprovedSignal, () => void events++);
  setHandler(noShowSignal, () => void events++);

  /**
   * Sends what the steps wrote, then waits until a handler has run since `seen` was taken, or
   * until `until` (ISO) passes; true when woken by a handler. `seen` is taken before the step the
   * wait follows, so that a handler that ran during that step (or the delivery) wakes the loop at once.
   */
  const waitFrom = async (seen: number, until: string | null): Promise<boolean> => {
    await deliver();
    view.nextWakeAt = until;
    if (until === null) {
      await condition(() => events !== seen);
      return true;
    }
    const ms = Date.parse(until) - Date.now();
    return ms > 0 ? condition(() => events !== seen, ms) : events !== seen;
  };

  let begun = await attempt('beginDispatch', () => steps.beginDispatch(requestId, now()));
  while (begun === failed) {
    // Nothing to go on until somebody acts: a coordinator, a change of the request, a cancellation.
    const seen = events;
    await waitFrom(seen, null);
    if (cancelled) return 'cancelled';
    begun = await attempt('beginDispatch', () => steps.beginDispatch(requestId, now()));
  }
  let facts = begun;
  if (!facts) return 'gone';
  view.stage = facts.stage;

  // Screening: a coordinator approves or rejects (unless the policy approved it already).
  if (view.stage === 'screening') {
    await deliver();
    await condition(() => view.stage !== 'screening' || cancelled);
  }
  if (cancelled || view.stage === 'cancelled') return 'cancelled';
  if (view.stage === 'rejected') return 'rejected';
  if (view.stage === 'completed') return 'completed';

  let answerDateTold = false;
  let plan: ConfirmedPlan | null = null;
  /** The timers of the current plan already run. */
  const timersDone = new Set<string>();
  let phase: 'matching' | 'confirmed' | 'reports' = view.stage === 'confirmed' ? 'confirmed' : 'matching';
  /** The translation jobs whose workflows this one started. */
  const jobsStarted = new Set<string>();

  /**
   * Starts the workflow of each booked translator's job not started yet; true when the plan's
   * bookings have such jobs, whose workflows then remind the translators instead of dispatch.
   */
  const runTranslationJobs = async (confirmed: ConfirmedPlan): Promise<boolean> => {
    const jobs = confirmed.translationJobs ?? [];
    if (jobs.length === 0 || !patched(translationJobPatch)) return false;
    for (const assignmentId of jobs.filter((id) => !jobsStarted.has(id))) {
      jobsStarted.add(assignmentId);
      try {
        await startChild(translationJob, {
          workflowId: translationJobWorkflowId(assignmentId),
          args: [{ assignmentId }],
          // The job outlives dispatch when the work or its review goes on past the deadline.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
      } catch (error) {
        if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
      }
    }
    return true;
  };
  let translatorsRemindedByJobs = false;

  /** After a change of time: the bookings are checked and the timers follow the new time. */
  const recheck = async () => {
    changed = false;
    const outcome = await attempt('recheckAfterChange', () => steps.recheckAfterChange(requestId, now()));
    const fresh = await attempt('dispatchFacts', () => steps.dispatchFacts(requestId));
    if (fresh !== failed) facts = fresh ?? facts;
    return outcome === failed ? { kept: 0, released: 0 } : outcome;
  };

  for (;;) {
    if (cancelled) return 'cancelled';
    const seen = events;

    if (phase === 'matching') {
      // Waves until every place is taken, the start comes, or the request closes.
      releasedByHand = false;
      if (changed) await recheck();
      if (facts?.answerDueAt && !answerDateTold && Date.now() >= Date.parse(facts.answerDueAt)) {
        await attempt('tellAnswerDateReached', () => steps.tellAnswerDateReached(requestId));
        answerDateTold = true;
      }
      const offered = await attempt('offerNextWave', () => steps.offerNextWave(requestId, now()));
      // A wave that cannot go out leaves the request with the coordinators, as when nobody is left.
      const outcome: WaveOutcome = offered === failed ? { kind: 'escalated' } : offered;
      if (outcome.kind === 'closed') return cancelled ? 'cancelled' : 'gone';
      if (outcome.kind === 'filled' || (facts && Date.now() >= Date.parse(facts.startsAt))) {
        // Every place taken, or the start has come: what is booked goes ahead.
        if (outcome.kind === 'filled') view.stage = 'confirmed';
        phase = 'confirmed';
        plan = null;
        continue;
      }
      view.stage = outcome.kind === 'escalated' ? 'escalated' : 'offering';
      if (outcome.kind === 'offered') view.wave = outcome.wave;
      const wakeAt = earliest([
        outcome.kind === 'escalated' ? null : outcome.nextDeadline,
        answerDateTold ? null : (facts?.answerDueAt ?? null),
        facts?.startsAt ?? null,
      ]);
      await waitFrom(seen, wakeAt);
      continue;
    }

    if (phase === 'confirmed') {
      // Reminders, reconfirmation and its cutoff, then the end.
      if (releasedByHand) {
        // A place came free: cover is sought at once, and the timers start over once found.
        releasedByHand = false;
        view.stage = 'offering';
        phase = 'matching';
        plan = null;
        continue;
      }
      if (changed) {
        const outcome = await recheck();
        plan = null;
        if (outcome.released > 0) {
          phase = 'matching';
          continue;
        }
      }
      if (!plan) {
        const planned = await attempt('confirmedPlan', () => steps.confirmedPlan(requestId, now()));
        if (planned === failed) {
          // Without its timers, the booking goes ahead to its end; then the reports are asked for.
          const endsAt = facts?.endsAt;
          if (endsAt && Date.parse(endsAt) > Date.now()) await waitFrom(seen, endsAt);
          else phase = 'reports';
          continue;
        }
        if (!planned) return 'gone';
        plan = planned;
        timersDone.clear();
        translatorsRemindedByJobs = await runTranslationJobs(plan);
      }
      const due = timersOf(plan).find((timer) => !timersDone.has(timer.key));
      if (!due || due.kind === 'end') {
        if (due && Date.parse(due.at) > Date.now()) {
          await waitFrom(seen, due.at);
          continue;
        }
        phase = 'reports';
        continue;
      }
      if (Date.parse(due.at) > Date.now()) {
        await waitFrom(seen, due.at);
        continue;
      }
      timersDone.add(due.key);
      if (due.kind === 'reminder' && !translatorsRemindedByJobs) {
        await attempt('remindVolunteers', () => steps.remindVolunteers(requestId, due.hoursBefore));
      }
      if (due.kind === 'reconfirmation') {
        const asked = await attempt('askReconfirmation', () => steps.askReconfirmation(requestId, due.cutoffAt));
        // Nobody was asked, so nobody is released for not answering.
        if (asked === failed) timersDone.add('cutoff');
      }
      const released =
        due.kind === 'cutoff'
          ? await attempt('releaseUnreconfirmed', () => steps.releaseUnreconfirmed(requestId, now()))
          : 0;
      if (released !== failed && released > 0) {
        // Nobody reconfirmed: cover is sought at once, and the timers start over once found.
        phase = 'matching';
        plan = null;
      }
      continue;
    }

    // Reports: asked for at the end, reminded until filed, then approved by a coordinator.
    return collectReports(plan);
  }

  async function collectReports(confirmedPlan: ConfirmedPlan | null): Promise<DispatchResult> {
    // Reports that could not be asked for are still collected: the coordinators know why.
    if ((await attempt('requestReports', () => steps.requestReports(requestId, now()))) === 0) return 'unfilled';
    view.stage = 'awaiting_reports';
    const reminders = confirmedPlan?.reportReminders ?? [];
    let round = 0;
    let overdueTold = false;
    for (;;) {
      const seen = events;
      const status = await attempt('reportStatus', () => steps.reportStatus(requestId));
      if (status !== failed && (status.stage === 'completed' || status.stage === 'cancelled')) {
        view.stage = status.stage;
        return status.stage;
      }
      // Unread, the reports count as missing: the reminders go on, and the coordinators know why.
      const nextAt =
        status !== failed && status.missing === 0
          ? null
          : (reminders[round] ?? (overdueTold ? null : (confirmedPlan?.reportsOverdueAt ?? null)));
      if (await waitFrom(seen, nextAt)) continue;
      if (round < reminders.length) {
        round++;
        await attempt('remindReports', () => steps.remindReports(requestId, round));
      } else {
        overdueTold = true;
        await attempt('reportsOverdue', () => steps.reportsOverdue(requestId));
      }
    }
  }
}
