import { useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { graphql } from '../graphql';
import type { UploadedDocument } from './upload';

/** How often a list with a document still counting asks again: a .docx takes the worker a moment. */
export const countingPollMs = 2_000;

const DocumentCountQuery = graphql(`
  query DocumentCount($id: ID!) {
    node(id: $id) {
      __typename
      ... on Document {
        id
        countStatus
        countUnit
        counted
        correctedCount
        manuscriptPages
        pageCount
        countProblem
      }
    }
  }
`);

/**
 * Documents the upload answered `counting` (a .docx, a .pdf: the worker counts them after the
 * upload) are asked for again until they are counted; those counted since the last time are handed
 * back together to `onCounted`.
 */
export function useCountsOf(
  documents: readonly UploadedDocument[],
  onCounted: (counted: readonly UploadedDocument[]) => void,
) {
  const client = useClient();
  // The poll reads the latest list and callback, and restarts only when the set still counting changes.
  const latest = useRef({ documents, onCounted });
  latest.current = { documents, onCounted };
  const key = documents
    .filter((document) => document.countStatus === 'counting')
    .map((document) => document.id)
    .join(',');
  useEffect(() => {
    if (key === '') return;
    const timer = setInterval(async () => {
      const counted: UploadedDocument[] = [];
      for (const id of key.split(',')) {
        const { data } = await client.query(DocumentCountQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
        const node = data?.node;
        if (node?.__typename !== 'Document' || node.countStatus === 'counting') continue;
        const before = latest.current.documents.find((document) => document.id === id);
        if (before) counted.push({ ...before, ...node });
      }
      if (counted.length > 0) latest.current.onCounted(counted);
    }, countingPollMs);
    return () => clearInterval(timer);
  }, [key, client]);
}
