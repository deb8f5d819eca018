import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, Services } from '@tsunagu/services';

/** `/calendar/<token>.ics`: what a calendar program subscribed to a volunteer's feed fetches. */
export const calendarFeedPath = /^\/calendar\/([A-Za-z0-9_-]{20,100})\.ics$/;

/**
 * Serves a volunteer's calendar feed. The token in the path is the only credential (calendar
 * programs send no cookies), so an unknown one gets the same 404 as a malformed path.
 */
export async function serveCalendarFeed(
  req: IncomingMessage,
  res: ServerResponse,
  { services, publicUrl, logger }: { services: Services; publicUrl: string | null; logger: Logger },
): Promise<void> {
  const token = calendarFeedPath.exec(new URL(req.url ?? '/', 'http://feed').pathname)?.[1];
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  try {
    const feed = token ? await services.calendarFeeds.feed(token, publicUrl) : null;
    if (feed === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such calendar.\n');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
      'content-disposition': 'inline; filename="tsunagu.ics"',
    });
    res.end(req.method === 'HEAD' ? undefined : feed);
  } catch (error) {
    logger.error({ err: error }, 'calendar feed failed');
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Unexpected error.\n');
  }
}
