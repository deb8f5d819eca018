import { readdirSync } from 'node:fs';

/**
 * `pnpm bench NAME [args]` runs tests/bench/NAME.ts. A benchmark prints what it measures as it goes
 * and returns its figures; the last line printed here is one JSON object, for machines to read.
 */
export type Benchmark = (args: string[]) => Promise<Record<string, number | string | boolean>>;

const available = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.ts') && !['run.ts', 'stats.ts'].includes(file))
  .map((file) => file.replace(/\.ts$/, ''));

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: pnpm bench NAME, where NAME is one of: ${available.join(', ')}`);
  process.exit(2);
}
const { default: benchmark } = (await import(`./${name}.ts`)) as { default: Benchmark };
const figures = await benchmark(args);
console.log(JSON.stringify({ bench: name, ...figures }));
process.exit(0);
