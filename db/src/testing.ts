import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, type Database } from './client';
import * as schema from './schema';

export interface TestDatabase {
  database: Database;
  /** Where other processes reach it: the PostgreSQL URL (null for an in-memory PGlite). */
  url: string | null;
  /** Closes the database and, on PostgreSQL, drops it. */
  dispose(): Promise<void>;
}

/**
 * A migrated (unless asked otherwise), empty database for one test file, on the engine the test
 * project names (`TSUNAGU_TEST_DATABASE`) or the test asks for (`engine`: a test whose database
 * other processes share needs PostgreSQL): a PostgreSQL database created for it and dropped
 * afterwards, or an in-memory PGlite.
 */
export async function openTestDatabase(
  options: { migrated?: boolean; engine?: 'pglite' | 'postgres' } = {},
): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const engine = options.engine ?? process.env.TSUNAGU_TEST_DATABASE ?? 'pglite';
  if (engine === 'pglite') {
    const database = await createDatabase({ kind: 'pglite', dataDir: null });
    if (migrated) await database.migrate();
    return { database, url: null, dispose: () => database.close() };
  }
  if (engine !== 'postgres') throw new Error(`TSUNAGU_TEST_DATABASE must be pglite or postgres, not ${engine}`);

  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tsunagu_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 5 });
  try {
    if (migrated) await database.migrate();
  } catch (error) {
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    throw error;
  }
  return {
    database,
    url: url.toString(),
    dispose: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A document row as if uploaded (the upload endpoint's work is tested there): a request's source
 * or a translation's version, with its count. One chunk of bytes is kept with it.
 */
export async function insertTestDocument(
  db: Database['db'],
  values: {
    associationId: string;
    organizationId: string;
    requestId: string;
    role: 'source' | 'translation';
    uploadedBy: string | null;
    version?: number;
    fileName?: string;
    countUnit?: 'characters' | 'words' | 'pages' | null;
    counted?: number | null;
    correctedCount?: number | null;
  },
) {
  const bytes = new TextEncoder().encode(`${values.role} ${values.version ?? 1}`);
  const [document] = await db
    .insert(schema.documents)
    .values({
      fileName: values.role === 'source' ? '原文.docx' : `訳文-v${values.version ?? 1}.docx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sizeBytes: bytes.length,
      sha256: '0'.repeat(64),
      countUnit: 'characters',
      counted: 1000,
      ...values,
    })
    .returning();
  if (!document) throw new Error('insert returned no row');
  await db.insert(schema.documentChunks).values({ documentId: document.id, seq: 0, bytes: Buffer.from(bytes) });
  return document;
}
