import { performance } from 'node:perf_hooks';
import { eventually, freePort, graphql, spawnApi, temporaryDir } from '../src/support/processes';
import type { Benchmark } from './run';
import { percentile, round } from './stats';

/**
 * The embedded default from cold: time until the health query answers ok on a fresh data folder,
 * then the latency of the health query (which touches the database, Temporal and the worker).
 */
const health: Benchmark = async (args) => {
  const requests = Number(args[0] ?? 500);
  const started = performance.now();
  const api = spawnApi({
    TSUNAGU_DATA_DIR: temporaryDir('bench-health'),
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  });
  try {
    await eventually(
      'health ok',
      async () => {
        const { health } = await graphql<{ health: { worker: string } }>(api.url, '{ health { worker } }');
        if (health.worker !== 'ok') throw new Error(health.worker);
      },
      api,
    );
    const coldStartMs = round(performance.now() - started, 0);
    console.log(`cold start to healthy: ${coldStartMs} ms`);

    const samples: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const before = performance.now();
      await graphql(api.url, '{ health { database temporal worker version } }');
      samples.push(performance.now() - before);
    }
    const figures = {
      cold_start_ms: coldStartMs,
      requests,
      p50_ms: percentile(samples, 0.5),
      p95_ms: percentile(samples, 0.95),
    };
    console.log(
      `health query over ${requests} sequential requests: p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms`,
    );
    return figures;
  } finally {
    api.child.kill('SIGTERM');
    await api.exited;
  }
};

export default health;
