import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, localeFromAcceptLanguage } from '@tsunagu/domain';
import { sessionCookie } from '@tsunagu/graphql';
import type { Logger, Services } from '@tsunagu/services';
import { attachment } from './invoices';

/**
 * `/downloads/tax/<association id>/<year>/…`, for payout staff:
 * `withholding.csv` (each month's withheld tax and its payment slip's figures, in the reader's language),
 * `statements.pdf` (the year's payment statements, one per page) and `statements-309.csv` (the same
 * for the e-Tax software's CSV import). The statements hold individual numbers: every download is audited.
 */
export const taxFilesPath =
  /^\/downloads\/tax\/([0-9a-f-]{36})\/(\d{4})\/(withholding\.csv|statements\.pdf|statements-309\.csv)$/;

const statusOf: Record<string, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION_FAILED: 400,
};

export async function serveTaxFile(
  req: IncomingMessage,
  res: ServerResponse,
  { services, logger, cookies }: { services: Services; logger: Logger; cookies: Map<string, string> },
): Promise<void> {
  const text = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
  const locale = localeFromAcceptLanguage(req.headers['accept-language'] ?? null);
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  const match = taxFilesPath.exec(new URL(req.url ?? '/', 'http://file').pathname);
  if (!match) {
    res.writeHead(404, text).end(locale === 'ja' ? 'ファイルが見つかりません。\n' : 'No such file.\n');
    return;
  }
  const [, associationId = '', yearText, file] = match;
  const year = Number(yearText);
  try {
    const viewer = await services.sessions.viewer(cookies.get(sessionCookie));
    if (!viewer.userId) {
      res.writeHead(401, text).end(locale === 'ja' ? '先にサインインしてください。\n' : 'Sign in first.\n');
      return;
    }
    const headers = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (file === 'withholding.csv') {
      const csv = await services.tax.withholdingCsv(viewer, associationId, year, locale);
      res
        .writeHead(200, {
          ...headers,
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': attachment(csv.fileName, `withholding-${year}.csv`),
        })
        .end(csv.text);
      return;
    }
    const statements =
      file === 'statements.pdf'
        ? await services.tax.statementsPdf(viewer, associationId, year)
        : await services.tax.statementsCsv(viewer, associationId, year);
    res
      .writeHead(200, {
        ...headers,
        'content-type': file === 'statements.pdf' ? 'application/pdf' : 'text/csv; charset=shift_jis',
        'content-length': String(statements.bytes.byteLength),
        'content-disposition': attachment(statements.fileName, statements.fallback),
      })
      .end(Buffer.from(statements.bytes));
  } catch (error) {
    if (error instanceof DomainError) {
      res.writeHead(statusOf[error.code] ?? 409, text).end(`${error.localized[locale]}\n`);
      return;
    }
    logger.error({ err: error }, 'tax file failed');
    res.writeHead(500, text).end(locale === 'ja' ? 'ファイルを作れませんでした。\n' : 'The file could not be made.\n');
  }
}
