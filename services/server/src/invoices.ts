import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, localeFromAcceptLanguage } from '@tsunagu/domain';
import { sessionCookie } from '@tsunagu/graphql';
import { invoiceFileName, type Logger, type Services } from '@tsunagu/services';

/** `/downloads/invoices/<id>.pdf`: an invoice's PDF (the `downloadUrl` of an Invoice). */
export const invoicePath = /^\/downloads\/invoices\/([0-9a-f-]{36})\.pdf$/;

const statusOf: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401 };

/**
 * The Japanese file name for every browser: an ASCII fallback in `filename`, the real one in
 * `filename*` (RFC 6266 with RFC 5987's UTF-8 percent-encoding).
 */
export function attachment(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sends an invoice's PDF to its organization's staff or its association's coordinators (session cookie); audited. */
export async function serveInvoice(
  req: IncomingMessage,
  res: ServerResponse,
  { services, logger, cookies }: { services: Services; logger: Logger; cookies: Map<string, string> },
): Promise<void> {
  const invoiceId = invoicePath.exec(new URL(req.url ?? '/', 'http://invoice').pathname)?.[1];
  const text = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  const locale = localeFromAcceptLanguage(req.headers['accept-language'] ?? null);
  if (!invoiceId) {
    res.writeHead(404, text).end(locale === 'ja' ? '請求書が見つかりません。\n' : 'No such invoice.\n');
    return;
  }
  try {
    const viewer = await services.sessions.viewer(cookies.get(sessionCookie));
    if (!viewer.userId) {
      res.writeHead(401, text).end(locale === 'ja' ? '先にサインインしてください。\n' : 'Sign in first.\n');
      return;
    }
    const { invoice, bytes } = await services.invoices.pdf(viewer, invoiceId);
    res
      .writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': String(bytes.byteLength),
        'content-disposition': attachment(invoiceFileName(invoice), `invoice-${invoice.number}.pdf`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      })
      .end(Buffer.from(bytes));
  } catch (error) {
    if (error instanceof DomainError) {
      res.writeHead(statusOf[error.code] ?? 409, text).end(`${error.localized[locale]}\n`);
      return;
    }
    logger.error({ err: error }, 'invoice download failed');
    res.writeHead(500, text).end('Unexpected error.\n');
  }
}
