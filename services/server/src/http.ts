import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Db } from '@tsunagu/db';
import { localeFromAcceptLanguage } from '@tsunagu/domain';
import { type Context, type CookieJar, schema, sessionCookie } from '@tsunagu/graphql';
import { defaultMaxUploadBytes, type Health, type Logger, type Services } from '@tsunagu/services';
import { createYoga } from 'graphql-yoga';
import sirv from 'sirv';
import { serveCalendarFeed } from './calendar-feed';
import { documentsPath, serveDocuments } from './documents';
import { serveExport } from './exports';
import { idempotency } from './idempotency';
import { serveInvoice } from './invoices';
import { personalDataPath, servePersonalData } from './personal-data';
import { protections } from './protections';
import { serveTaxFile } from './tax-files';
import { serveTransferFile } from './transfer-files';

export interface HttpOptions {
  production: boolean;
  webDist: string;
  logger: Logger;
  db: Db;
  services: Services;
  health: () => Promise<Health>;
  /** Where the app is reached from outside, for links in calendar feeds; none in some tests. */
  publicUrl?: string;
  /** The largest document an upload may bring (`DOCUMENT_MAX_BYTES`, 20 MB unless set). */
  maxUploadBytes?: number;
}

interface ServerContext {
  req: IncomingMessage;
  res: ServerResponse;
}

/**
 * `/graphql` is the API, `/documents` the upload and download of translation requests' files,
 * `/calendar/<token>.ics` a volunteer's calendar feed, `/account/personal-data.json`
 * the signed-in person's own data (APPI disclosure); every other path is
 * the web app, whose router takes it from there.
 */
export function createHttpServer(options: HttpOptions): Server {
  const outgoingCookies = new WeakMap<Request, string[]>();
  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: async ({ request, req }) => {
      const incoming = parseCookies(request.headers.get('cookie'));
      const queued: string[] = [];
      outgoingCookies.set(request, queued);
      const cookies: CookieJar = {
        get: (name) => incoming.get(name),
        set: (name, value, { expires }) => queued.push(serializeCookie(name, value, expires, options.production)),
        clear: (name) => queued.push(serializeCookie(name, '', new Date(0), options.production)),
      };
      const viewer = await options.services.sessions.viewer(incoming.get(sessionCookie));
      return {
        // Everyone reads the language their page asks for (its switch, kept from before sign-in);
        // a client that names none reads the account's, which is also the language of its e-mails.
        viewer: { ...viewer, locale: localeFromAcceptLanguage(request.headers.get('accept-language'), viewer.locale) },
        db: options.db,
        services: options.services,
        health: options.health,
        cookies,
        clientAddress: req.socket.remoteAddress ?? null,
      };
    },
    plugins: [
      ...protections({ production: options.production }),
      idempotency,
      {
        onResponse: ({ request, response }) => {
          for (const cookie of outgoingCookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
        },
      },
    ],
    // The web app is served from this origin. Yoga's default CORS would answer any origin's
    // preflight with its cookies allowed, which is exactly what CSRF prevention relies on refusing.
    cors: false,
    // Unexpected errors become "Unexpected error."; yoga adds the original error and its stack only
    // when isDev, which defaults to NODE_ENV=development and is never so in production.
    maskedErrors: options.production ? { isDev: false } : true,
    graphiql: !options.production,
    // GraphiQL from the installed package, not from a CDN (yoga's default): it opens offline and
    // behind a firewall. Loaded when first opened (nine megabytes of it), never in production.
    renderGraphiQL: async (graphiqlOptions) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    landingPage: false,
    logging: {
      debug: (...args) => options.logger.debug(args.map(String).join(' ')),
      info: (...args) => options.logger.info(args.map(String).join(' ')),
      warn: (...args) => options.logger.warn(args.map(String).join(' ')),
      error: (...args) => options.logger.error({ err: args.find((arg) => arg instanceof Error) }, 'graphql error'),
    },
  });
  const web = existsSync(options.webDist)
    ? sirv(options.webDist, { single: true, etag: true, gzip: true, dev: !options.production })
    : (_req: IncomingMessage, res: ServerResponse) => {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The web app is not built yet: run `pnpm --dir web build` (npm start does this for you).\n');
      };
  return createServer((req, res) => {
    if (req.url?.startsWith('/graphql')) {
      void yoga(req, res, { req, res });
      return;
    }
    if (req.url?.startsWith('/payout-runs/')) {
      void serveTransferFile(req, res, {
        services: options.services,
        logger: options.logger,
        cookies: parseCookies(req.headers.cookie ?? null),
      });
      return;
    }
    if (req.url?.startsWith('/exports/')) {
      void serveExport(req, res, {
        services: options.services,
        logger: options.logger,
        cookies: parseCookies(req.headers.cookie ?? null),
      });
      return;
    }
    if (req.url?.startsWith('/downloads/tax/')) {
      void serveTaxFile(req, res, {
        services: options.services,
        logger: options.logger,
        cookies: parseCookies(req.headers.cookie ?? null),
      });
      return;
    }
    if (req.url?.startsWith('/downloads/invoices/')) {
      void serveInvoice(req, res, {
        services: options.services,
        logger: options.logger,
        cookies: parseCookies(req.headers.cookie ?? null),
      });
      return;
    }
    if (req.url?.split('?')[0] === personalDataPath) {
      void servePersonalData(req, res, {
        services: options.services,
        logger: options.logger,
        cookies: parseCookies(req.headers.cookie ?? null),
      });
      return;
    }
    const path = req.url?.split('?')[0];
    if (path === documentsPath || path?.startsWith(`${documentsPath}/`)) {
      void serveDocuments(req, res, {
        services: options.services,
        logger: options.logger,
        cookies: parseCookies(req.headers.cookie ?? null),
        maxUploadBytes: options.maxUploadBytes ?? defaultMaxUploadBytes,
      });
      return;
    }
    if (req.url?.startsWith('/calendar/')) {
      void serveCalendarFeed(req, res, {
        services: options.services,
        publicUrl: options.publicUrl ?? null,
        logger: options.logger,
      });
      return;
    }
    web(req, res, () => {
      res.writeHead(404).end();
    });
  });
}

/**
 * The cookies of a request. Other applications on the same host send theirs too, in whatever
 * encoding they like (`other_app=50%off`): a value that is not percent-encoded is kept as it came,
 * and of two cookies of one name the first (the most specific path, RFC 6265 §5.4) wins.
 */
function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(';') ?? []) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    if (!cookies.has(name)) cookies.set(name, decodeCookieValue(part.slice(separator + 1).trim()));
  }
  return cookies;
}

function decodeCookieValue(value: string): string {
  const unquoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}

/** HttpOnly and SameSite=Lax always; Secure in production, where the app is served over HTTPS. */
function serializeCookie(name: string, value: string, expires: Date, secure: boolean): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Expires=${expires.toUTCString()}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
