import type { IncomingMessage, ServerResponse } from 'node:http';
import { localeFromAcceptLanguage } from '@tsunagu/domain';
import type { Logger, Services } from '@tsunagu/services';
import { type Download, serveDownload } from './downloads';
import { attachment } from './invoices';

/**
 * `/downloads/tax/<association id>/<year>/…`, for payout staff:
 * `withholding.csv` (each month's withheld tax and its payment slip's figures, in the reader's language),
 * `statements.pdf` (the year's payment statements, one per page) and `statements-309.csv` (the same
 * for the e-Tax software's CSV import). The statements hold individual numbers: every download is audited.
 */
export const taxFilesPath =
  /^\/downloads\/tax\/([0-9a-f-]{36})\/(\d{4})\/(withholding\.csv|statements\.pdf|statements-309\.csv)$/;

export async function serveTaxFile(
  req: IncomingMessage,
  res: ServerResponse,
  context: { services: Services; logger: Logger; cookies: Map<string, string> },
): Promise<void> {
  const match = taxFilesPath.exec(new URL(req.url ?? '/', 'http://file').pathname);
  if (!match) {
    const locale = localeFromAcceptLanguage(req.headers['accept-language'] ?? null);
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' })
      .end(locale === 'ja' ? 'ファイルが見つかりません。\n' : 'No such file.\n');
    return;
  }
  const [, associationId = '', yearText, file] = match;
  const year = Number(yearText);
  await serveDownload(req, res, context, 'tax file', async (viewer, locale): Promise<Download> => {
    const { tax } = context.services;
    if (file === 'withholding.csv') {
      const csv = await tax.withholdingCsv(viewer, associationId, year, locale);
      return {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': attachment(csv.fileName, `withholding-${year}.csv`),
        },
        body: csv.text,
      };
    }
    const pdf = file === 'statements.pdf';
    const statements = pdf
      ? await tax.statementsPdf(viewer, associationId, year)
      : await tax.statementsCsv(viewer, associationId, year);
    return {
      headers: {
        'content-type': pdf ? 'application/pdf' : 'text/csv; charset=shift_jis',
        'content-length': String(statements.bytes.byteLength),
        'content-disposition': attachment(statements.fileName, statements.fallback),
      },
      body: statements.bytes,
    };
  });
}
