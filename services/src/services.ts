import type { Db } from '@tsunagu/db';
import { createSessionService } from './accounts/sessions';
import type { Clock } from './clock';
import type { Logger } from './logger';
import { createOrganizationService } from './organizations/service';

export interface ServiceDependencies {
  db: Db;
  clock: Clock;
  logger: Logger;
}

/** The use cases, bound to their dependencies once per process. */
export function createServices(dependencies: ServiceDependencies) {
  return {
    organizations: createOrganizationService(dependencies),
    sessions: createSessionService(dependencies),
  };
}

export type Services = ReturnType<typeof createServices>;
