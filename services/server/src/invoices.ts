import type { IncomingMessage, ServerResponse } from 'node:http';
import { localeFromAcceptLanguage } from '@tsunagu/domain';
import { invoiceFileName, type Logger, type Services } from '@tsunagu/services';
import { serveDownload } from './downloads';

/** `/downloads/invoices/<id>.pdf`: an invoice's PDF (the `downloadUrl` of an Invoice). */
export const invoicePath = /^\/downloads\/invoices\/([0-9a-f-]{36})\.pdf$/;

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
  context: { services: Services; logger: Logger; cookies: Map<string, string> },
): Promise<void> {
  const invoiceId = invoicePath.exec(new URL(req.url ?? '/', 'http://invoice').pathname)?.[1];
  if (!invoiceId) {
    const locale = localeFromAcceptLanguage(req.headers['accept-language'] ?? null);
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' })
      .end(locale === 'ja' ? '請求書が見つかりません。\n' : 'No such invoice.\n');
    return;
  }
  await serveDownload(req, res, context, 'invoice download', async (viewer) => {
    const { invoice, bytes } = await context.services.invoices.pdf(viewer, invoiceId);
    return {
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(bytes.byteLength),
        'content-disposition': attachment(invoiceFileName(invoice), `invoice-${invoice.number}.pdf`),
      },
      body: bytes,
    };
  });
}
