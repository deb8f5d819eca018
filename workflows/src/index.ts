export type { Activities, ActivityDependencies } from './activities';
export { createActivities } from './activities';
export { installTemporalRuntime } from './runtime';
export type { TemporalTarget, WorkerOptions } from './worker';
export { bundleWorkflows, connectionOptions, createWorker, workflowsPath } from './worker';
