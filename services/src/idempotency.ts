import { type Db, schema } from '@tsunagu/db';
import { and, eq, isNull, sql } from 'drizzle-orm';

/** What a request carrying an `Idempotency-Key` should do. */
export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: unknown }
  | { kind: 'other-operation' }
  | { kind: 'in-progress' };

/** How long a retry waits for the first request with its key to finish before giving up (30 s). */
const pollIntervalMs = 25;
const maxPolls = 30_000 / pollIntervalMs;
/**
 * A claim this old without a response belongs to a process that died mid-mutation: take it over.
 * The database's `now()` decides, not the `Clock`: claims of several processes compare against one
 * clock, the one that stamped them (the column's default).
 */
const abandonedAfter = sql`interval '5 minutes'`;

/**
 * Responses kept under `Idempotency-Key`s, per principal (a user id, or `anonymous:<address>`).
 *
 * The first request inserts (principal, key) with a null response; the primary key lets exactly one
 * of any number of concurrent requests do so, and the others read the row until the response is
 * stored. No lock or transaction stays open while the mutation runs, so a burst of duplicates can
 * neither exhaust PostgreSQL's pool nor deadlock PGlite's single connection against the mutation's
 * own transaction.
 */
export function createIdempotencyStore({ db }: { db: Db }) {
  const table = schema.idempotencyKeys;
  const row = (principal: string, key: string) => and(eq(table.principal, principal), eq(table.key, key));
  return {
    /**
     * Claims the key for `operation`, or waits for the response of the request that claimed it.
     * `wait: false` answers `in-progress` at once instead: an upload's body cannot be held for 30 s
     * while the first copy is still streaming in.
     */
    async claim(
      principal: string,
      key: string,
      operation: string,
      { wait = true }: { wait?: boolean } = {},
    ): Promise<IdempotencyClaim> {
      for (let polls = 0; ; polls++) {
        const [inserted] = await db
          .insert(table)
          .values({ principal, key, operation })
          .onConflictDoNothing()
          .returning({ key: table.key });
        if (inserted) return { kind: 'claimed' };
        const [existing] = await db
          .select({ operation: table.operation, response: table.response })
          .from(table)
          .where(row(principal, key));
        // Gone: the first request failed and released the key, so this one may run.
        if (!existing) continue;
        if (existing.operation !== operation) return { kind: 'other-operation' };
        if (existing.response !== null) return { kind: 'replay', response: existing.response };
        const [takenOver] = await db
          .update(table)
          .set({ createdAt: sql`now()` })
          .where(and(row(principal, key), isNull(table.response), sql`${table.createdAt} < now() - ${abandonedAfter}`))
          .returning({ key: table.key });
        if (takenOver) return { kind: 'claimed' };
        if (!wait || polls >= maxPolls) return { kind: 'in-progress' };
        await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
      }
    },

    /** Keeps the response that later requests with the same key receive. */
    async complete(principal: string, key: string, response: unknown): Promise<void> {
      await db.update(table).set({ response }).where(row(principal, key));
    },

    /** Forgets a claim whose request failed, so that a retry runs again. */
    async release(principal: string, key: string): Promise<void> {
      await db.delete(table).where(row(principal, key));
    },
  };
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
