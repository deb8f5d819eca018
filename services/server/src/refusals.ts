import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DomainError, localeFromAcceptLanguage } from '@tsunagu/domain';

const statusOf: Record<string, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  VALIDATION_FAILED: 400,
};

/**
 * A download's refusal as plain text, in the reader's language: the page's (Accept-Language, as
 * the GraphQL endpoint reads it), else the account's, else Japanese. The code says which refusal.
 */
export function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  error: DomainError,
  accountLocale: 'ja' | 'en' = 'ja',
): void {
  const locale = localeFromAcceptLanguage(req.headers['accept-language'] ?? null, accountLocale);
  res
    .writeHead(statusOf[error.code] ?? 409, {
      'content-type': 'text/plain; charset=utf-8',
      'content-language': locale,
      'x-refusal-code': error.code,
    })
    .end(`${error.localized[locale]}\n`);
}
