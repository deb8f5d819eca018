import type { Db } from '@tsunagu/db';
import type { Clock } from '@tsunagu/domain';
import { createDispatchSteps, createDocumentCountSteps, type Dispatcher } from '@tsunagu/services';

/**
 * The dispatch steps (and the counting of documents) called in-process, without Temporal: for API
 * tests of what a decision answers, not of how the workflow orders the steps (the workflow tests do that).
 */
export function inlineDispatcher(db: Db, clock: Clock): Dispatcher {
  const steps = createDispatchSteps({ db });
  const documents = createDocumentCountSteps({ db });
  const at = () => clock.now().toUTC().toISO() ?? '';
  return {
    start: async () => {},
    signal: async () => {},
    translationJobChanged: async () => {},
    countDocument: async (documentId) => void (await documents.countDocument(documentId)),
    approve: (requestId, { by }) => steps.approveRequest(requestId, by, at()),
    reject: (requestId, { by, reason }) => steps.rejectRequest(requestId, by, reason, at()),
    accept: (_requestId, { offerId, volunteerId }) => steps.acceptOffer(offerId, volunteerId, at()),
    decline: (_requestId, { offerId, volunteerId }) => steps.declineOffer(offerId, volunteerId, at()),
    offer: (requestId, { volunteerId, by }) => steps.offerByHand(requestId, volunteerId, by, at()),
    assign: (requestId, { volunteerId, by }) => steps.assignByHand(requestId, volunteerId, by, at()),
    reconfirm: (_requestId, { assignmentId, volunteerId }) =>
      steps.reconfirmAssignment(assignmentId, volunteerId, at()),
    release: (requestId, { assignmentId, reason, stated }) =>
      steps.releaseBooking(requestId, assignmentId, reason, at(), stated),
  };
}
