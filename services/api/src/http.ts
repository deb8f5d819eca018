import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Context, schema } from '@tsunagu/graphql';
import type { Logger } from '@tsunagu/services';
import { createYoga } from 'graphql-yoga';
import sirv from 'sirv';

export interface HttpOptions {
  production: boolean;
  webDist: string;
  logger: Logger;
  context: () => Context;
}

/** `/graphql` is the API; every other path is the web app, whose router takes it from there. */
export function createHttpServer(options: HttpOptions): Server {
  const yoga = createYoga<{ req: IncomingMessage; res: ServerResponse }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => options.context(),
    maskedErrors: true,
    graphiql: !options.production,
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
      void yoga(req, res);
      return;
    }
    web(req, res, () => {
      res.writeHead(404).end();
    });
  });
}
