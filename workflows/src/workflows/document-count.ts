import { proxyActivities } from '@temporalio/workflow';
import type { DocumentCountStatus } from '@tsunagu/domain';
import type { DocumentCountSteps } from '@tsunagu/services';

/** One workflow per document counted after its upload (id `document-count-<documentId>`). */
export const documentCountWorkflowId = (documentId: string) => `document-count-${documentId}`;

// A 20 MB PDF takes pdf.js a while; a worker that dies half-way leaves the count to the next try.
const { countDocument } = proxyActivities<DocumentCountSteps>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** Counts a .docx or a .pdf from its chunks, in the worker; the upload has kept it `counting`. */
export async function documentCount({ documentId }: { documentId: string }): Promise<DocumentCountStatus | 'gone'> {
  return countDocument(documentId);
}
