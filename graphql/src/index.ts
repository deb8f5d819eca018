export type { Context } from './context';
export { schema } from './schema';
