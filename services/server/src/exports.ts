import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, NotFoundError, UnauthenticatedError, type Viewer } from '@tsunagu/domain';
import { sessionCookie } from '@tsunagu/graphql';
import { fileNameOf, type Logger, type Services } from '@tsunagu/services';
import { refuse } from './refusals';

/** `/exports/reconciliation/<id>`: the download of an export a coordinator asked for (`startReconciliationExport`). */
export const exportPath = /^\/exports\/reconciliation\/([0-9a-f-]{36})$/;

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

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
    refuse(req, res, new NotFoundError('ReconciliationExport', ''));
    return;
  }
  let viewer: Viewer | null = null;
  try {
    viewer = await services.sessions.viewer(cookies.get(sessionCookie));
    if (!viewer.userId) {
      refuse(req, res, new UnauthenticatedError());
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
      refuse(req, res, error, viewer?.locale);
      return;
    }
    logger.error({ err: error }, 'reconciliation export failed');
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Unexpected error.\n');
  }
}
