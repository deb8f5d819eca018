import { type Database, type Db, relations } from '@tsunagu/db';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';

/** The same database through a Drizzle client that notes every SQL statement it sends. */
export function countingStatements(database: Database): { database: Database; statements: string[] } {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const { $client } = database.db as unknown as { $client: unknown };
  const db: Db =
    database.kind === 'postgres'
      ? drizzlePostgres({ client: $client as Sql, relations, logger })
      : drizzlePglite({
          client: $client as Parameters<typeof drizzlePglite>[0] extends { client?: infer C } ? C : never,
          relations,
          logger,
        });
  return { database: { ...database, db }, statements };
}
