import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, Services } from '@tsunagu/services';
import { serveDownload } from './downloads';

/** `/payout-runs/<id>/zengin.txt`: the Zengin 総合振込 file of an approved payout run, for payout staff. */
export const transferFilePath = /^\/payout-runs\/([0-9a-f-]{36})\/zengin\.txt$/;

/**
 * The file's bytes (Shift_JIS, 120-byte records with CR LF), with its totals in `X-Transfer-Count`
 * and `X-Transfer-Yen` so that the page can show them beside the download. Each download reads the
 * payees' accounts, which the service audits.
 */
export async function serveTransferFile(
  req: IncomingMessage,
  res: ServerResponse,
  context: { services: Services; logger: Logger; cookies: Map<string, string> },
): Promise<void> {
  const runId = transferFilePath.exec(new URL(req.url ?? '/', 'http://file').pathname)?.[1];
  await serveDownload(req, res, context, 'transfer file', async (viewer) => {
    const file = await context.services.payoutRuns.transferFile(viewer, runId ?? '');
    return {
      headers: {
        'content-type': 'text/plain; charset=shift_jis',
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'x-transfer-count': String(file.totals.count),
        'x-transfer-yen': String(file.totals.amountYen),
      },
      body: file.bytes,
    };
  });
}
