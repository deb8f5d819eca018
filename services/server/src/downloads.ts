import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type Locale, localeFromAcceptLanguage, type Viewer } from '@tsunagu/domain';
import { sessionCookie } from '@tsunagu/graphql';
import type { Logger, Services } from '@tsunagu/services';

const statusOf: Record<string, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION_FAILED: 400,
};

/** A file to send: its headers (content type, disposition…) and its bytes. */
export interface Download {
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/**
 * The frame of a file served to a signed-in person (invoices, transfer files, tax files): GET only,
 * the session cookie's viewer, and every refusal as plain text in the reader's language with the
 * status of its kind; what is not a refusal is logged and answered without its details.
 */
export async function serveDownload(
  req: IncomingMessage,
  res: ServerResponse,
  { services, logger, cookies }: { services: Services; logger: Logger; cookies: Map<string, string> },
  what: string,
  produce: (viewer: Viewer, locale: Locale) => Promise<Download>,
): Promise<void> {
  const text = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  const locale = localeFromAcceptLanguage(req.headers['accept-language'] ?? null);
  try {
    const viewer = await services.sessions.viewer(cookies.get(sessionCookie));
    if (!viewer.userId) {
      res.writeHead(401, text).end(locale === 'ja' ? '先にサインインしてください。\n' : 'Sign in first.\n');
      return;
    }
    const { headers, body } = await produce(viewer, locale);
    res
      .writeHead(200, { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...headers })
      .end(typeof body === 'string' ? body : Buffer.from(body));
  } catch (error) {
    if (error instanceof DomainError) {
      res.writeHead(statusOf[error.code] ?? 409, text).end(`${error.localized[locale]}\n`);
      return;
    }
    logger.error({ err: error }, `${what} failed`);
    res.writeHead(500, text).end(locale === 'ja' ? 'ファイルを作れませんでした。\n' : 'The file could not be made.\n');
  }
}
