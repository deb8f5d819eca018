export type { Database, DatabaseOptions, Db } from './client';
export { createDatabase } from './client';
export { relations } from './relations';
export * as schema from './schema';
