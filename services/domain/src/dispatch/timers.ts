/** What of a confirmed request's plan its timers come from (the dispatch step's `ConfirmedPlan`). */
export interface TimedPlan {
  endsAt: string;
  reminders: Array<{ hoursBefore: number; at: string }>;
  reconfirmation: { askAt: string; cutoffAt: string } | null;
}

/** One timer of a confirmed request; `key` tells the workflow which it has already acted on. */
export type DispatchTimer = { key: string; at: string } & (
  | { kind: 'reminder'; hoursBefore: number }
  | { kind: 'reconfirmation'; cutoffAt: string }
  | { kind: 'cutoff' }
  | { kind: 'end' }
);

/** The timers of a confirmed request in the order they fall, the end last. */
export function timersOf(plan: TimedPlan): DispatchTimer[] {
  const timers: DispatchTimer[] = plan.reminders.map((reminder) => ({
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

/** The first of the instants that are set, or null when none is: when a waiting workflow wakes. */
export function earliest(instants: Array<string | null>): string | null {
  const times = instants.filter((instant): instant is string => instant !== null).map(Date.parse);
  return times.length > 0 ? new Date(Math.min(...times)).toISOString() : null;
}
