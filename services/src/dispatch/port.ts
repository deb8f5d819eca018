import type { StatedReason } from '@tsunagu/domain';
import type {
  AcceptOutcome,
  AssignOutcome,
  DeclineOutcome,
  ManualOfferOutcome,
  ReconfirmOutcome,
  ReleaseOutcome,
  ReleaseReason,
  ScreeningResult,
} from './steps';

/** What happened to a request that its dispatch workflow must hear of, after the database says so. */
export type DispatchSignal = 'changed' | 'cancelled' | 'reportFiled' | 'reportsApproved' | 'noShow';

/**
 * How the use cases reach the dispatch workflow of a request, without knowing it runs on Temporal
 * (the API process implements it with a Temporal client). Decisions that the workflow orders go
 * through it and come back with their outcome; signals only tell it something changed.
 */
export interface Dispatcher {
  /** Starts the request's workflow; starting it again does nothing. */
  start(requestId: string): Promise<void>;
  approve(requestId: string, input: { by: string }): Promise<ScreeningResult>;
  reject(requestId: string, input: { by: string; reason: string }): Promise<ScreeningResult>;
  accept(requestId: string, input: { offerId: string; volunteerId: string }): Promise<AcceptOutcome>;
  decline(requestId: string, input: { offerId: string; volunteerId: string }): Promise<DeclineOutcome>;
  offer(requestId: string, input: { volunteerId: string; by: string }): Promise<ManualOfferOutcome>;
  assign(requestId: string, input: { volunteerId: string; by: string }): Promise<AssignOutcome>;
  reconfirm(requestId: string, input: { assignmentId: string; volunteerId: string }): Promise<ReconfirmOutcome>;
  release(
    requestId: string,
    input: { assignmentId: string; reason: ReleaseReason; by: string; stated?: StatedReason },
  ): Promise<ReleaseOutcome>;
  signal(requestId: string, signal: DispatchSignal): Promise<void>;
  /** Tells a booking's translation job workflow that its job moved (submitted, reviewed, given back…). */
  translationJobChanged(assignmentId: string): Promise<void>;
  /** Has a document counted by the worker, after its upload; asking again for the same one does nothing. */
  countDocument(documentId: string): Promise<void>;
}

/**
 * For a process that runs no dispatch (tests of other use cases): filing and signals do nothing,
 * and decisions that need the workflow fail as unexpected errors.
 */
export const detachedDispatcher: Dispatcher = {
  start: async () => {},
  signal: async () => {},
  translationJobChanged: async () => {},
  countDocument: async () => {},
  approve: notRunning,
  reject: notRunning,
  accept: notRunning,
  decline: notRunning,
  offer: notRunning,
  assign: notRunning,
  reconfirm: notRunning,
  release: notRunning,
};

async function notRunning(): Promise<never> {
  throw new Error('dispatch is not running in this process');
}
