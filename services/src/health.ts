/** What the health query reports: each dependency `ok` or a short reason it is not. */
export interface Health {
  database: string;
  temporal: string;
  worker: string;
  version: string;
}

export type HealthProbe = () => Promise<string>;

export interface HealthProbes {
  database: HealthProbe;
  temporal: HealthProbe;
  worker: HealthProbe;
}

/** Runs the probes side by side; one that hangs or throws is reported, never propagated. */
export async function checkHealth(probes: HealthProbes, version: string, timeoutMs = 2_000): Promise<Health> {
  const [database, temporal, worker] = await Promise.all([
    settle(probes.database, timeoutMs),
    settle(probes.temporal, timeoutMs),
    settle(probes.worker, timeoutMs),
  ]);
  return { database, temporal, worker, version };
}

async function settle(probe: HealthProbe, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([probe().catch((error: unknown) => shortReason(error)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 200) || 'unknown error';
}
