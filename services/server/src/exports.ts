import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, localeFromAcceptLanguage } from '@tsunagu/domain';
import { sessionCookie } from '@tsunagu/graphql';
import { fileNameOf, type Logger, type Services } from '@tsunagu/services';

/** `/exports/reconciliation/<id>`: the download of an export a coordinator asked for (`startReconciliationExport`). */
export const exportPath = /^\/exports\/reconciliation\/([0-9a-f-]{36})$/;

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const statusOf: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401 };

/**
 * Streams a reconciliation export to the coordinator who asked for it (signed in by the session
 * cookie). `X-Export-Rows` says how many rows are coming before the first byte; the export's
 * `rowsWritten`, which any API process can read, says how far it got.
 */
export async function serveExport(
  req: IncomingMessage,
  res: ServerResponse,
  { services, logger, cookies }: { services: Services; logger: Logger; cookies: Map<string, string> },
): Promise<void> {
  const exportId = exportPath.exec(new URL(req.url ?? '/', 'http://export').pathname)?.[1];
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  if (!exportId) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such export.\n');
    return;
  }
  try {
    const viewer = await services.sessions.viewer(cookies.get(sessionCookie));
    if (!viewer.userId) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('Sign in first.\n');
      return;
    }
    const row = await services.reconciliation.exportOf(viewer, exportId);
    res.writeHead(200, {
      'content-type': contentTypes[row.format],
      'content-disposition': `attachment; filename="${fileNameOf(row)}"`,
      'cache-control': 'no-store',
      'x-export-rows': String(row.rowsExpected),
    });
    await services.reconciliation.writeExport(viewer, exportId, res);
    res.end();
  } catch (error) {
    if (res.headersSent) {
      logger.error({ err: error }, 'reconciliation export failed while streaming');
      res.destroy();
      return;
    }
    if (error instanceof DomainError) {
      res
        .writeHead(statusOf[error.code] ?? 409, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`${error.localized[localeFromAcceptLanguage(req.headers['accept-language'] ?? null)]}\n`);
      return;
    }
    logger.error({ err: error }, 'reconciliation export failed');
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Unexpected error.\n');
  }
}
