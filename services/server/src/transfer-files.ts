import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, localeFromAcceptLanguage } from '@tsunagu/domain';
import { sessionCookie } from '@tsunagu/graphql';
import type { Logger, Services } from '@tsunagu/services';

/** `/payout-runs/<id>/zengin.txt`: the Zengin 総合振込 file of an approved payout run, for payout staff. */
export const transferFilePath = /^\/payout-runs\/([0-9a-f-]{36})\/zengin\.txt$/;

const statusOf: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401 };

/**
 * The file's bytes (Shift_JIS, 120-byte records with CR LF), with its totals in `X-Transfer-Count`
 * and `X-Transfer-Yen` so that the page can show them beside the download. Each download reads the
 * payees' accounts, which the service audits.
 */
export async function serveTransferFile(
  req: IncomingMessage,
  res: ServerResponse,
  { services, logger, cookies }: { services: Services; logger: Logger; cookies: Map<string, string> },
): Promise<void> {
  const runId = transferFilePath.exec(new URL(req.url ?? '/', 'http://file').pathname)?.[1];
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  const locale = localeFromAcceptLanguage(req.headers['accept-language'] ?? null);
  try {
    const viewer = await services.sessions.viewer(cookies.get(sessionCookie));
    if (!viewer.userId) {
      res
        .writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
        .end(locale === 'ja' ? '先にサインインしてください。\n' : 'Sign in first.\n');
      return;
    }
    const file = await services.payoutRuns.transferFile(viewer, runId ?? '');
    res
      .writeHead(200, {
        'content-type': 'text/plain; charset=shift_jis',
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
        'x-transfer-count': String(file.totals.count),
        'x-transfer-yen': String(file.totals.amountYen),
      })
      .end(file.bytes);
  } catch (error) {
    if (error instanceof DomainError) {
      res
        .writeHead(statusOf[error.code] ?? 409, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`${error.localized[locale]}\n`);
      return;
    }
    logger.error({ err: error }, 'transfer file failed');
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Unexpected error.\n');
  }
}
