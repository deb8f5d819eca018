import type { DispatchSteps, HealthProbe } from '@tsunagu/services';

export interface ActivityDependencies {
  checkDatabase: HealthProbe;
  /** The steps of dispatch (services' `createDispatchSteps`), registered as activities by name. */
  dispatch?: DispatchSteps;
}

/** Activities get what they touch from the worker, so tests can hand them something else. */
export function createActivities(dependencies: ActivityDependencies) {
  return {
    async checkDatabase(): Promise<string> {
      return dependencies.checkDatabase();
    },
    ...dependencies.dispatch,
  };
}

export type Activities = ReturnType<typeof createActivities>;
