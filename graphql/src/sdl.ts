import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema';

/** The committed SDL that the web app's typed documents are checked against. */
export const schemaFile = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export function schemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
