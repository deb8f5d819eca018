import type { DocumentCountProblem, DocumentCountStatus, DocumentCountUnit, DocumentRole } from '@tsunagu/domain';
import type { Locale } from '../i18n';

/** A document as `POST /documents` answers it, and as the lists show it. */
export interface UploadedDocument {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  role: DocumentRole;
  version: number;
  countUnit: DocumentCountUnit | null;
  counted: number | null;
  correctedCount: number | null;
  manuscriptPages: number | null;
  pageCount: number | null;
  countProblem: DocumentCountProblem | null;
  /** `counting` until the worker has counted a .docx or a .pdf. */
  countStatus: DocumentCountStatus;
  downloadUrl: string;
}

export type UploadOutcome = { ok: true; document: UploadedDocument } | { ok: false; message: string | null };

/**
 * Sends one file as the API wants it (the role and request first, then the file), with
 * XMLHttpRequest rather than fetch: only it reports the upload's progress. A refusal comes back
 * as the API's message, in the reader's language; a broken connection as null.
 */
export function uploadDocument(
  { file, role, requestId, locale }: { file: File; role: DocumentRole; requestId?: string; locale: Locale },
  onProgress: (fraction: number) => void,
): Promise<UploadOutcome> {
  const form = new FormData();
  form.append('role', role);
  if (requestId) form.append('requestId', requestId);
  form.append('file', file, file.name);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/documents');
    request.setRequestHeader('Accept-Language', locale);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as (UploadedDocument & { error?: { message: string } }) | null;
      if (request.status === 201 && body) resolve({ ok: true, document: body });
      else resolve({ ok: false, message: body?.error?.message ?? null });
    };
    request.onerror = () => resolve({ ok: false, message: null });
    request.send(form);
  });
}
