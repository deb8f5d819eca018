import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootDir } from '@tsunagu/server';

/** A port nothing listens on right now (the OS picks it; we release it at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port assigned');
  return address.port;
}

export function temporaryDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `tsunagu-${prefix}-`));
}

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs the API process the way `npm start` does, with the given environment on top of ours, and
 * Node's own options before the script (`--cpu-prof` is refused in NODE_OPTIONS, so it goes here).
 */
export function spawnApi(env: Record<string, string>, nodeOptions: string[] = []): ApiProcess {
  const child = spawn(
    process.execPath,
    [...nodeOptions, '--import', 'tsx', join(rootDir, 'services/server/src/main.ts')],
    {
      cwd: rootDir,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    url: `http://127.0.0.1:${env.PORT ?? 4000}`,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
  };
}

export async function graphql<T>(url: string, query: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL answered ${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Polls until `check` passes or the process exits or time runs out. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T>,
  api?: ApiProcess,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void api?.exited.then((code) => {
    exitCode = code;
  });
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`the API process exited (${exitCode}) before ${what}:\n${api?.stderr()}\n${api?.stdout()}`);
    }
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`timed out waiting for ${what}: ${String(lastError)}`);
}

/** Processes whose command line mentions `marker`, other than the `ps` that looks for them. */
export function processesMentioning(marker: string): string[] {
  const output = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return output
    .split('\n')
    .filter((line) => line.includes(marker) && !line.includes('ps -eo'))
    .map((line) => line.trim());
}
