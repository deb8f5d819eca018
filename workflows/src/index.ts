export type { Activities, ActivityDependencies } from './activities';
export { createActivities } from './activities';
export { createTemporalDispatcher } from './dispatcher';
export { installTemporalRuntime } from './runtime';
export type { TemporalTarget, WorkerOptions } from './worker';
export { bundleWorkflows, connectionOptions, createWorker, workflowsPath } from './worker';
export type { DispatchResult, DispatchView } from './workflows/dispatch';
export { dispatchWorkflowId, stateQuery } from './workflows/dispatch';
