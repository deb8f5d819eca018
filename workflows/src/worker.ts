import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import type { Logger } from '@tsunagu/services';
import { type ActivityDependencies, createActivities } from './activities';

export const workflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export interface TemporalTarget {
  address: string;
  namespace: string;
  /** Temporal Cloud: API key authentication (implies TLS). */
  apiKey?: string;
  tls?: boolean;
}

export function connectionOptions(target: TemporalTarget) {
  return {
    address: target.address,
    tls: target.tls || Boolean(target.apiKey),
    ...(target.apiKey ? { apiKey: target.apiKey } : {}),
  };
}

/** Bundles the workflow code once, so that starting several workers does not repeat the work. */
export function bundleWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath, logger: quietBundlerLogger });
}

export interface WorkerOptions {
  target: TemporalTarget;
  taskQueue: string;
  /** Left unset, the SDK sizes the cache from the heap (about 2,300 workflows on a 4 GB heap), which holds them all. */
  maxCachedWorkflows?: number;
  dependencies: ActivityDependencies;
  workflowBundle: WorkflowBundle;
  /** Tests pass the connection of their test environment. */
  connection?: NativeConnection;
  logger?: Logger;
}

export async function createWorker(options: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = options.connection ?? (await NativeConnection.connect(connectionOptions(options.target)));
  const worker = await Worker.create({
    connection,
    namespace: options.target.namespace,
    taskQueue: options.taskQueue,
    ...(options.maxCachedWorkflows ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    workflowBundle: options.workflowBundle,
    activities: createActivities(options.dependencies),
  });
  return { worker, connection };
}

const quietBundlerLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
