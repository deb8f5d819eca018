import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import {
  type DocumentRole,
  DomainError,
  documentRoles,
  localeFromAcceptLanguage,
  manuscriptPagesOfVolume,
  UnauthenticatedError,
  UploadRefusedError,
  ValidationError,
  type Viewer,
} from '@tsunagu/domain';
import { sessionCookie } from '@tsunagu/graphql';
import type { DocumentRow, Logger, Services } from '@tsunagu/services';

/** `POST /documents` uploads a file (multipart/form-data); `GET /documents/<id>` downloads one. */
export const documentsPath = '/documents';
const documentPath = /^\/documents\/([0-9a-f-]{36})$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DocumentRoutes {
  services: Services;
  logger: Logger;
  cookies: Map<string, string>;
  maxUploadBytes: number;
}

/** What an upload answers (201), and what a repeated upload with its Idempotency-Key gets again. */
export function documentJson(document: DocumentRow) {
  return {
    id: Buffer.from(`Document:${document.id}`).toString('base64'),
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    role: document.role,
    version: document.version,
    countUnit: document.countUnit,
    counted: document.counted,
    correctedCount: document.correctedCount,
    manuscriptPages: manuscriptPagesOfVolume(document),
    pageCount: document.pageCount,
    countProblem: document.countProblem,
    countStatus: document.countStatus,
    downloadUrl: downloadPathOf(document.id),
  };
}

export const downloadPathOf = (documentId: string) => `${documentsPath}/${documentId}`;

export async function serveDocuments(req: IncomingMessage, res: ServerResponse, routes: DocumentRoutes) {
  const path = new URL(req.url ?? '/', 'http://documents').pathname;
  let locale = localeFromAcceptLanguage(req.headers['accept-language'] ?? null);
  try {
    const viewer = await routes.services.sessions.viewer(routes.cookies.get(sessionCookie));
    locale = localeFromAcceptLanguage(req.headers['accept-language'] ?? null, viewer.locale);
    if (path === documentsPath && req.method === 'POST') {
      const { userId } = viewer;
      if (!userId) throw new UnauthenticatedError();
      const document = await uploadOnce(req, { ...viewer, userId }, routes);
      sendJson(res, 201, document);
      return;
    }
    const documentId = documentPath.exec(path)?.[1];
    if (documentId && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!viewer.userId) throw new UnauthenticatedError();
      await download(req, res, viewer, documentId, routes.services);
      return;
    }
    res.writeHead(path === documentsPath ? 405 : 404, path === documentsPath ? { allow: 'POST' } : {}).end();
  } catch (error) {
    if (res.headersSent) {
      routes.logger.error({ err: error }, 'document download failed while streaming');
      res.destroy();
      return;
    }
    if (error instanceof DomainError) {
      refuse(req, res, error, locale);
      return;
    }
    routes.logger.error({ err: error }, 'document request failed');
    refuse(req, res, null, locale);
  }
}

/**
 * An upload under an optional `Idempotency-Key` (the store GraphQL mutations use, under the
 * operation `POST /documents`): a repeat after success gets the first answer again; a repeat while
 * the first is still streaming in is refused at once, not kept waiting with its body unread.
 */
async function uploadOnce(req: IncomingMessage, viewer: Viewer & { userId: string }, routes: DocumentRoutes) {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return documentJson(await upload(req, viewer, routes));
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new UploadRefusedError('bad_idempotency_key');
  }
  const { idempotency } = routes.services;
  const claim = await idempotency.claim(viewer.userId, key, `POST ${documentsPath}`, { wait: false });
  if (claim.kind === 'replay') return claim.response as ReturnType<typeof documentJson>;
  if (claim.kind === 'in-progress') throw new UploadRefusedError('upload_in_progress');
  if (claim.kind === 'other-operation') throw new UploadRefusedError('key_used_otherwise');
  try {
    const answer = documentJson(await upload(req, viewer, routes));
    await idempotency.complete(viewer.userId, key, answer);
    return answer;
  } catch (error) {
    await idempotency.release(viewer.userId, key);
    throw error;
  }
}

/**
 * Parses the form as it streams in (busboy): `role` and `requestId` come first, then one file,
 * whose bytes go to the documents service without being gathered here.
 */
async function upload(req: IncomingMessage, viewer: Viewer, routes: DocumentRoutes): Promise<DocumentRow> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw new UploadRefusedError('not_multipart');
  // A body announced larger than the file limit and its form's headers is refused before it is read.
  const announced = Number(req.headers['content-length'] ?? Number.NaN);
  if (announced > routes.maxUploadBytes + 64 * 1024) throw new UploadRefusedError('too_large', routes.maxUploadBytes);

  const fields = new Map<string, string>();
  let stored: Promise<DocumentRow> | null = null;
  let refusal: Error | null = null;
  const parser = Busboy({
    headers: { ...req.headers, 'content-type': contentType },
    // Names come as the browser wrote them: a folder in one is refused, not quietly cut off.
    preservePath: true,
    defCharset: 'utf8',
    limits: { fields: 10, fieldSize: 200, files: 2, parts: 12 },
  });
  parser.on('field', (name, value) => {
    if (stored) refusal ??= new UploadRefusedError('fields_after_file');
    fields.set(name, value);
  });
  parser.on('file', (_field, stream: BusboyFileStream, fileName) => {
    if (stored || refusal) {
      refusal ??= new UploadRefusedError('more_than_one_file');
      stream.resume();
      return;
    }
    let target: ReturnType<typeof targetOf>;
    try {
      target = targetOf(fields);
    } catch (error) {
      refusal = error as Error;
      stream.resume();
      return;
    }
    stored = routes.services.documents.upload(viewer, target, { name: fileName, bytes: stream }, routes.maxUploadBytes);
    // Whatever is refused half-way, the rest of the file is read and dropped so that the form ends.
    stored.catch(() => stream.resume());
  });
  await pipeline(req, parser);
  const document = await (stored as Promise<DocumentRow> | null);
  if (refusal) throw refusal;
  if (!document) throw new UploadRefusedError('no_file');
  // The booked translator's version moves their job on once it is kept (as a source's download does).
  if (document.role === 'translation' && viewer.userId) {
    await routes.services.translations.translationUploaded({ documentId: document.id, userId: viewer.userId });
  }
  return document;
}

function targetOf(fields: Map<string, string>): { role: DocumentRole; requestId: string | null } {
  const role = fields.get('role');
  if (!documentRoles.includes(role as DocumentRole)) {
    throw ValidationError.of(['role'], {
      ja: '文書の種類（原文か訳文か）を指定してください。',
      en: 'Say whether the document is a source or a translation.',
    });
  }
  const given = fields.get('requestId')?.trim() || null;
  const requestId = given === null ? null : rawIdOf(given, 'Request');
  if (given !== null && requestId === null) {
    throw ValidationError.of(['requestId'], {
      ja: '依頼の指定が正しくありません。',
      en: 'The request is not given correctly.',
    });
  }
  return { role: role as DocumentRole, requestId };
}

/** A row's id from either its UUID or the GraphQL global ID the web app holds (`Request:<uuid>`, base64). */
function rawIdOf(given: string, type: string): string | null {
  if (uuid.test(given)) return given.toLowerCase();
  const decoded = Buffer.from(given, 'base64').toString('utf8');
  const [prefix, id] = decoded.split(':');
  return prefix === type && id && uuid.test(id) ? id.toLowerCase() : null;
}

/**
 * Streams the chunks, waiting for the socket to take each before reading the next. The headers
 * keep browsers from guessing a type (`nosniff`) or keeping a copy of personal data (`no-store`),
 * and give the Japanese name as RFC 5987 `filename*`, with an ASCII fallback for old clients.
 */
async function download(
  req: IncomingMessage,
  res: ServerResponse,
  viewer: Viewer,
  documentId: string,
  services: Services,
) {
  const { document, chunks } = await services.documents.open(viewer, documentId);
  // The booked translator's first download of a source moves their job on ("source downloaded"),
  // before the bytes go: a client that has read them all finds the job moved. Anyone else's
  // download leaves it as it is.
  if (document.role === 'source' && viewer.userId && req.method === 'GET') {
    await services.translations.sourceDownloaded({ documentId, userId: viewer.userId });
  }
  res.writeHead(200, {
    'content-type': document.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : document.mediaType,
    'content-length': String(document.sizeBytes),
    'content-disposition': contentDisposition(document.fileName),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'content-security-policy': "sandbox; default-src 'none'",
    etag: `"${document.sha256}"`,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  for await (const chunk of chunks()) {
    if (!res.write(chunk)) await drained(res);
    // A client gone mid-way: leaving the loop ends the read, which frees its database connection.
    if (res.destroyed) return;
  }
  res.end();
}

/** Until the response takes more, or is gone: a client that left never drains it. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987's encoding). */
export function contentDisposition(fileName: string): string {
  // Full-width letters and brackets read as their ASCII forms; each other character becomes `_`.
  const fallback = [...fileName.normalize('NFKC')]
    .map((character) => (/^[\x20-\x7e]$/.test(character) && !/["\\%]/.test(character) ? character : '_'))
    .join('');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const statusOfCode: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
};
const statusOfRefusal: Partial<Record<UploadRefusedError['reason'], number>> = {
  too_large: 413,
  type_not_accepted: 415,
  not_multipart: 415,
  upload_in_progress: 409,
  source_change_needs_translator: 409,
  key_used_otherwise: 422,
};

/**
 * A typed refusal as JSON in the reader's language. The rest of a body that was not read is read
 * and dropped (up to a bound) so that the client gets to read the answer; the connection then closes.
 */
function refuse(req: IncomingMessage, res: ServerResponse, error: DomainError | null, locale: 'ja' | 'en') {
  const status =
    error === null
      ? 500
      : error instanceof UploadRefusedError
        ? (statusOfRefusal[error.reason] ?? 400)
        : (statusOfCode[error.code] ?? 409);
  const body = error
    ? {
        error: {
          code: error.code,
          ...('reason' in error ? { reason: error.reason } : {}),
          ...(error instanceof ValidationError ? { problems: error.problems.map((problem) => problem.path) } : {}),
          message: error.localized[locale],
        },
      }
    : {
        error: {
          code: 'UNEXPECTED',
          message: locale === 'ja' ? '予期しないエラーが起きました。' : 'Something went wrong on our side.',
        },
      };
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > 64 * 1024 * 1024) req.destroy();
  });
  req.resume();
  sendJson(res, status, body, { connection: 'close' });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    })
    .end(`${JSON.stringify(body)}\n`);
}
