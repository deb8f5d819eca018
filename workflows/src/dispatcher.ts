import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ConflictError } from '@tsunagu/domain';
import type { Dispatcher, DispatchSignal } from '@tsunagu/services';
import {
  acceptUpdate,
  approveUpdate,
  assignUpdate,
  cancelledSignal,
  changedSignal,
  declineUpdate,
  dispatchRequest,
  dispatchWorkflowId,
  noShowSignal,
  offerUpdate,
  reconfirmUpdate,
  rejectUpdate,
  releaseUpdate,
  reportFiledSignal,
  reportsApprovedSignal,
} from './workflows/dispatch';
import { documentCount, documentCountWorkflowId } from './workflows/document-count';
import { translationJobChangedSignal, translationJobWorkflowId } from './workflows/translation-job';

const signals = {
  changed: changedSignal,
  cancelled: cancelledSignal,
  reportFiled: reportFiledSignal,
  reportsApproved: reportsApprovedSignal,
  noShow: noShowSignal,
} satisfies Record<DispatchSignal, unknown>;

/**
 * The use cases' way to the dispatch workflows, over a Temporal client. A request's workflow is
 * started once: a second start finds it running (USE_EXISTING) or finished (REJECT_DUPLICATE) and
 * does nothing.
 */
export function createTemporalDispatcher(client: Client, taskQueue: string): Dispatcher {
  const handle = (requestId: string) => client.workflow.getHandle(dispatchWorkflowId(requestId));

  /**
   * An update to a workflow that has finished: the request is no longer being dispatched. One
   * whose step failed for good: the workflow has escalated the request to its coordinators.
   */
  const update = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new ConflictError('not_dispatching');
      }
      if (error instanceof WorkflowUpdateFailedError) {
        throw new ConflictError('passed_to_coordinators');
      }
      throw error;
    }
  };

  return {
    async start(requestId) {
      try {
        await client.workflow.start(dispatchRequest, {
          taskQueue,
          workflowId: dispatchWorkflowId(requestId),
          args: [{ requestId }],
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    },
    approve: (requestId, input) => update(() => handle(requestId).executeUpdate(approveUpdate, { args: [input] })),
    reject: (requestId, input) => update(() => handle(requestId).executeUpdate(rejectUpdate, { args: [input] })),
    accept: (requestId, input) => update(() => handle(requestId).executeUpdate(acceptUpdate, { args: [input] })),
    decline: (requestId, input) => update(() => handle(requestId).executeUpdate(declineUpdate, { args: [input] })),
    offer: (requestId, input) => update(() => handle(requestId).executeUpdate(offerUpdate, { args: [input] })),
    assign: (requestId, input) => update(() => handle(requestId).executeUpdate(assignUpdate, { args: [input] })),
    reconfirm: (requestId, input) => update(() => handle(requestId).executeUpdate(reconfirmUpdate, { args: [input] })),
    release: (requestId, input) => update(() => handle(requestId).executeUpdate(releaseUpdate, { args: [input] })),
    async translationJobChanged(assignmentId) {
      try {
        await client.workflow.getHandle(translationJobWorkflowId(assignmentId)).signal(translationJobChangedSignal);
      } catch (error) {
        // A job whose workflow has ended (or never started, on histories before it) reads its state from the database.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    },
    async countDocument(documentId) {
      try {
        await client.workflow.start(documentCount, {
          taskQueue,
          workflowId: documentCountWorkflowId(documentId),
          args: [{ documentId }],
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          // A count that failed for good may be tried again (a worker's start resumes it); one done is done.
          workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    },
    async signal(requestId, name) {
      try {
        await handle(requestId).signal(signals[name]);
      } catch (error) {
        // A finished workflow needs to hear nothing more.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    },
  };
}
