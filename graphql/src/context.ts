import type { Db } from '@tsunagu/db';
import type { Viewer } from '@tsunagu/domain';
import type { Health, Services } from '@tsunagu/services';

/** Session cookies for this request: read what came in, queue what goes out. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: { expires: Date }): void;
  clear(name: string): void;
}

/** What every resolver receives: who asks, and the use cases they may call. */
export interface Context {
  /** Replaced when a mutation signs someone in. */
  viewer: Viewer;
  /** Read-only planning of nested queries by the Drizzle plugin; writes go through services. */
  db: Db;
  services: Services;
  health(): Promise<Health>;
  cookies: CookieJar;
  /** The client's address, for throttling sign-in. */
  clientAddress: string | null;
}
