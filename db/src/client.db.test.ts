import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { schema } from './index';
import { openTestDatabase, type TestDatabase } from './testing';

describe(`the database client on ${process.env.TSUNAGU_TEST_DATABASE ?? 'pglite'}`, () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await openTestDatabase();
  });
  afterAll(() => testDb?.dispose());

  test('is the engine the test project asked for', async () => {
    const expected = process.env.TSUNAGU_TEST_DATABASE ?? 'pglite';
    expect(testDb.database.kind).toBe(expected);
    const [row] = rows<{ version: string }>(await testDb.database.db.execute(sql`select version() as version`));
    // PGlite reports a PostgreSQL version too; the engines differ in the build string.
    expect(row?.version).toMatch(/^PostgreSQL \d+/);
  });

  test('answers ok to a ping', async () => {
    await expect(testDb.database.ping()).resolves.toBe('ok');
  });

  test('has applied the migrations: the instance row can be written once and only once', async () => {
    const first = await testDb.database.db.insert(schema.instance).values({}).onConflictDoNothing().returning();
    const second = await testDb.database.db.insert(schema.instance).values({}).onConflictDoNothing().returning();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    await expect(testDb.database.db.insert(schema.instance).values({ id: 2 })).rejects.toThrow();
  });

  test('applying the migrations again changes nothing', async () => {
    await testDb.database.migrate();
    const rows = await testDb.database.db.select().from(schema.instance);
    expect(rows.length).toBeLessThanOrEqual(1);
  });

  test('the same Drizzle API runs a transaction that rolls back on error', async () => {
    await expect(
      testDb.database.db.transaction(async (tx) => {
        await tx.delete(schema.instance);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await testDb.database.db.select().from(schema.instance);
    expect(rows).toHaveLength(1);
  });
});

/** postgres.js returns rows as the result itself, PGlite as `result.rows`. */
function rows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

// Migrating a fresh database takes seconds on a busy machine: the hooks' timeout, not the tests' 5 s.
test('processes starting together on a fresh database migrate it once, without tripping over each other', async () => {
  const fresh = await openTestDatabase({ migrated: false });
  try {
    await Promise.all([1, 2, 3, 4].map(() => fresh.database.migrate()));
    const applied = rows<{ name: string }>(
      await fresh.database.db.execute(sql`select name from drizzle.__drizzle_migrations`),
    );
    expect(applied.length).toBeGreaterThan(0);
    expect(new Set(applied.map((row) => row.name)).size).toBe(applied.length);
  } finally {
    await fresh.dispose();
  }
}, 60_000);
