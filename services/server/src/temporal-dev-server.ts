import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import type { Logger } from '@tsunagu/services';

export interface DevServerOptions {
  cliPath: string;
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts; `null` keeps them in memory (tests). */
  dbFile: string | null;
  namespace: string;
  logger: Logger;
  startTimeoutMs?: number;
}

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export class DevServerError extends Error {
  override name = 'DevServerError';
}

/**
 * Runs `temporal server start-dev` as a child process and resolves once it answers gRPC calls.
 * The child dies with us: stop() on shutdown, and SIGKILL if it ignores SIGTERM.
 */
export async function startTemporalDevServer(options: DevServerOptions): Promise<DevServer> {
  const address = `127.0.0.1:${options.port}`;
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--log-level',
    'warn',
  ];
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  if (options.namespace !== 'default') args.push('--namespace', options.namespace);

  // Its own process group: Ctrl+C in the terminal reaches us, and we stop it after the worker.
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // Even if this process dies without shutting down, the dev server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim()) output.push(line.trim());
    }
    output.splice(0, Math.max(0, output.length - 20));
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);

  const exited = new Promise<string>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'ENOENT'
          ? `the Temporal CLI was not found at "${options.cliPath}" (set TEMPORAL_CLI_PATH, or TEMPORAL_ADDRESS to use a running server)`
          : error.message,
      ),
    );
    child.once('exit', (code, signal) => resolve(describeExit(code, signal, output, options.port)));
  });

  const running = () => child.exitCode === null && child.signalCode === null;
  const answered = await Promise.race([
    waitUntilAnswering(address, options.startTimeoutMs ?? 60_000, running).then(() => null),
    exited,
  ]);
  if (answered !== null) {
    await stopChild(child);
    throw new DevServerError(`Temporal dev server did not start: ${answered}`);
  }
  options.logger.info(
    { temporalAddress: address, uiPort: options.uiPort, persisted: Boolean(options.dbFile) },
    'temporal dev server ready',
  );
  return {
    address,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    stop: () => stopChild(child),
  };
}

async function waitUntilAnswering(address: string, timeoutMs: number, running: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (running()) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      if (Date.now() > deadline) {
        throw new DevServerError(`Temporal dev server did not answer at ${address} within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function describeExit(code: number | null, signal: NodeJS.Signals | null, output: string[], port: number): string {
  const text = output.join('\n');
  if (/address already in use/i.test(text)) {
    return `port ${port} is already in use (another Temporal server? set TEMPORAL_ADDRESS=127.0.0.1:${port} to use it, or TEMPORAL_DEV_PORT to pick another port)`;
  }
  const last = output.at(-1) ?? 'no output';
  return `it exited with ${signal ?? `code ${code}`}: ${last}`;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
