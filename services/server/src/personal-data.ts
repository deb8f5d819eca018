import type { IncomingMessage, ServerResponse } from 'node:http';
import { UnauthenticatedError } from '@tsunagu/domain';
import { sessionCookie } from '@tsunagu/graphql';
import type { Logger, Services } from '@tsunagu/services';
import { refuse } from './refusals';

/** `/account/personal-data.json`: the signed-in person's copy of what Tsunagu holds about them (APPI Art. 33). */
export const personalDataPath = '/account/personal-data.json';

/**
 * Sends the disclosure as a JSON download to the person signed in by the session cookie. It is a
 * GET that a link starts; the cookie is SameSite=Lax, and the answer goes only to that person.
 */
export async function servePersonalData(
  req: IncomingMessage,
  res: ServerResponse,
  { services, logger, cookies }: { services: Services; logger: Logger; cookies: Map<string, string> },
): Promise<void> {
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  try {
    const viewer = await services.sessions.viewer(cookies.get(sessionCookie));
    if (!viewer.userId) {
      refuse(req, res, new UnauthenticatedError());
      return;
    }
    const disclosure = await services.privacy.disclose(viewer);
    res
      .writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': 'attachment; filename="tsunagu-personal-data.json"',
        'cache-control': 'no-store',
      })
      .end(`${JSON.stringify(disclosure, null, 2)}\n`);
  } catch (error) {
    logger.error({ err: error }, 'personal data disclosure failed');
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Unexpected error.\n');
  }
}
