import { useEffect } from 'react';
import { type FragmentOf, graphql, readFragment } from '../graphql';
import { useMessages } from '../i18n';
import { CountCorrection } from './CountCorrection';
import { countingPollMs } from './counting';
import { DocumentList } from './DocumentList';
import { DocumentUpload } from './DocumentUpload';
import { documentMessages } from './messages';

/** What the request's page shows of its documents. */
export const RequestDocumentsFields = graphql(`
  fragment RequestDocumentsFields on Request {
    id
    modality
    documents {
      id
      fileName
      mediaType
      sizeBytes
      role
      version
      countUnit
      counted
      correctedCount
      manuscriptPages
      pageCount
      countProblem
      countStatus
      downloadUrl
    }
  }
`);

/** A translation request's documents, their counts to correct, and an upload of another source; nothing for interpreting. */
export function RequestDocuments({
  request: ref,
  onUploaded,
}: {
  request: FragmentOf<typeof RequestDocumentsFields>;
  onUploaded(): void;
}) {
  const request = readFragment(RequestDocumentsFields, ref);
  const t = useMessages(documentMessages);
  // A .docx or a .pdf just uploaded is counted by the worker: the request is read again until it is.
  const counting = request.documents.some((document) => document.countStatus === 'counting');
  useEffect(() => {
    if (!counting) return;
    const timer = setTimeout(onUploaded, countingPollMs);
    return () => clearTimeout(timer);
  }, [counting, onUploaded]);
  if (request.modality !== 'translation') return null;
  return (
    <section aria-labelledby="request-documents">
      <h2 id="request-documents">{t.listTitle}</h2>
      <DocumentList documents={request.documents} />
      {request.documents
        .filter((document) => document.role === 'source')
        .map((document) => (
          <CountCorrection key={document.id} document={document} onCorrected={onUploaded} />
        ))}
      <DocumentUpload documentRole="source" requestId={request.id} onUploaded={onUploaded} />
    </section>
  );
}
