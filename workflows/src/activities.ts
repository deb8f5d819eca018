import type { HealthProbe } from '@tsunagu/services';

export interface ActivityDependencies {
  checkDatabase: HealthProbe;
}

/** Activities get what they touch from the worker, so tests can hand them something else. */
export function createActivities(dependencies: ActivityDependencies) {
  return {
    async checkDatabase(): Promise<string> {
      return dependencies.checkDatabase();
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
