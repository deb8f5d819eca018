import {
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type {
  AcceptOutcome,
  AssignOutcome,
  ConfirmedPlan,
  DeclineOutcome,
  DispatchFacts,
  DispatchSteps,
  ManualOfferOutcome,
  ReconfirmOutcome,
  ScreeningResult,
} from '@tsunagu/services';
import type { Activities } from '../activities';

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

/** Every `patched()` id of this workflow: the replay test wants histories on both sides of each. */
export const dispatchPatches = [deliveryPatch];

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
  const handled = <T>(result: T): T => {
    events++;
    return result;
  };

  setHandler(stateQuery, () => view);
  setHandler(approveUpdate, async ({ by }) => {
    const outcome = await steps.approveRequest(requestId, by, now());
    if (outcome.result === 'approved') view.stage = 'offering';
    return handled(outcome);
  });
  setHandler(rejectUpdate, async ({ by, reason }) => {
    const outcome = await steps.rejectRequest(requestId, by, reason, now());
    if (outcome.result === 'rejected') view.stage = 'rejected';
    return handled(outcome);
  });
  setHandler(acceptUpdate, async ({ offerId, volunteerId }) =>
    handled(await steps.acceptOffer(offerId, volunteerId, now())),
  );
  setHandler(declineUpdate, async ({ offerId, volunteerId }) =>
    handled(await steps.declineOffer(offerId, volunteerId, now())),
  );
  setHandler(offerUpdate, async ({ volunteerId, by }) =>
    handled(await steps.offerByHand(requestId, volunteerId, by, now())),
  );
  setHandler(assignUpdate, async ({ volunteerId, by }) =>
    handled(await steps.assignByHand(requestId, volunteerId, by, now())),
  );
  setHandler(reconfirmUpdate, async ({ assignmentId, volunteerId }) =>
    handled(await steps.reconfirmAssignment(assignmentId, volunteerId, now())),
  );
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

  let facts = await steps.beginDispatch(requestId, now());
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

  /** After a change of time: the bookings are checked and the timers follow the new time. */
  const recheck = async () => {
    changed = false;
    const outcome = await steps.recheckAfterChange(requestId, now());
    facts = (await steps.dispatchFacts(requestId)) ?? facts;
    return outcome;
  };

  for (;;) {
    if (cancelled) return 'cancelled';
    const seen = events;

    if (phase === 'matching') {
      // Waves until every place is taken, the start comes, or the request closes.
      if (changed) await recheck();
      if (facts?.answerDueAt && !answerDateTold && Date.now() >= Date.parse(facts.answerDueAt)) {
        await steps.tellAnswerDateReached(requestId);
        answerDateTold = true;
      }
      const outcome = await steps.offerNextWave(requestId, now());
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
      if (changed) {
        const outcome = await recheck();
        plan = null;
        if (outcome.released > 0) {
          phase = 'matching';
          continue;
        }
      }
      if (!plan) {
        plan = await steps.confirmedPlan(requestId, now());
        if (!plan) return 'gone';
        timersDone.clear();
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
      if (due.kind === 'reminder') await steps.remindVolunteers(requestId, due.hoursBefore);
      if (due.kind === 'reconfirmation') await steps.askReconfirmation(requestId, due.cutoffAt);
      if (due.kind === 'cutoff' && (await steps.releaseUnreconfirmed(requestId, now())) > 0) {
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
    if ((await steps.requestReports(requestId, now())) === 0) return 'unfilled';
    view.stage = 'awaiting_reports';
    const reminders = confirmedPlan?.reportReminders ?? [];
    let round = 0;
    let overdueTold = false;
    for (;;) {
      const seen = events;
      const status = await steps.reportStatus(requestId);
      if (status.stage === 'completed' || status.stage === 'cancelled') {
        view.stage = status.stage;
        return status.stage;
      }
      const nextAt =
        status.missing === 0
          ? null
          : (reminders[round] ?? (overdueTold ? null : (confirmedPlan?.reportsOverdueAt ?? null)));
      if (await waitFrom(seen, nextAt)) continue;
      if (round < reminders.length) {
        round++;
        await steps.remindReports(requestId, round);
      } else {
        overdueTold = true;
        await steps.reportsOverdue(requestId);
      }
    }
  }
}

type Timer = { key: string; at: string } & (
  | { kind: 'reminder'; hoursBefore: number }
  | { kind: 'reconfirmation'; cutoffAt: string }
  | { kind: 'cutoff' }
  | { kind: 'end' }
);

/** The timers of a confirmed request in the order they fall, the end last. */
function timersOf(plan: ConfirmedPlan): Timer[] {
  const timers: Timer[] = plan.reminders.map((reminder) => ({
    key: `reminder:${reminder.hoursBefore}`,
    kind: 'reminder',
    at: reminder.at,
    hoursBefore: reminder.hoursBefore,
  }));
  if (plan.reconfirmation) {
    const { askAt, cutoffAt } = plan.reconfirmation;
    timers.push({ key: 'reconfirmation', kind: 'reconfirmation', at: askAt, cutoffAt });
    timers.push({ key: 'cutoff', kind: 'cutoff', at: cutoffAt });
  }
  return [
    ...timers
      .filter((timer) => Date.parse(timer.at) < Date.parse(plan.endsAt))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    { key: 'end', kind: 'end', at: plan.endsAt },
  ];
}

function earliest(instants: Array<string | null>): string | null {
  const times = instants.filter((instant): instant is string => instant !== null).map(Date.parse);
  return times.length > 0 ? new Date(Math.min(...times)).toISOString() : null;
}
