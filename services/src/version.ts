import { createRequire } from 'node:module';

const manifest = createRequire(import.meta.url)('../../package.json') as { version?: string };

/** The release of Tsunagu, from the root package.json. */
export const version: string = manifest.version ?? '0.0.0';
