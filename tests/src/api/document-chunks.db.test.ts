import { createHash } from 'node:crypto';
import { schema } from '@tsunagu/db';
import { openTestDatabase, type TestDatabase } from '@tsunagu/db/testing';
import { fixedClock, UploadRefusedError, type Viewer } from '@tsunagu/domain';
import { chunkBytes, createLogger, createServices, type Services } from '@tsunagu/services';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertDispatchWorld } from '../support/dispatch-world';

/**
 * A document's bytes in and out of `document_chunks` through the service, on the engine the project
 * names: on PostgreSQL they go by binary COPY, on PGlite as base64 slices; either way a chunk a row,
 * atomic with the document's row, and a download given up half-way gives its connection back.
 */
describe(`a document's chunks on ${process.env.TSUNAGU_TEST_DATABASE ?? 'pglite'}`, () => {
  let testDb: TestDatabase;
  let services: Services;
  let requester: Viewer;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    services = createServices({
      db: testDb.database.db,
      clock: fixedClock('2027-01-15T09:00'),
      logger: createLogger({ level: 'silent' }),
      dispatcher: { countDocument: async () => {} } as never,
    });
    ({ requester } = await insertDispatchWorld(testDb.database.db));
  });
  afterAll(async () => {
    await testDb?.dispose();
  });

  /** Plain text of `size` bytes (whole lines of Japanese and English), sent in pieces of an odd size. */
  function textOf(size: number) {
    const line = Buffer.from('避難所の場所を確認しましょう。Check where your shelter is.\n');
    const text = Buffer.alloc(size);
    for (let offset = 0; offset < size; offset += line.byteLength) line.copy(text, offset);
    return text.subarray(0, size - (size % line.byteLength));
  }
  async function* piecesOf(bytes: Uint8Array, pieceBytes = 40_009) {
    for (let offset = 0; offset < bytes.byteLength; offset += pieceBytes) {
      yield bytes.subarray(offset, offset + pieceBytes);
    }
  }
  const upload = (bytes: Uint8Array, maxBytes = 10 * chunkBytes) =>
    services.documents.upload(
      requester,
      { role: 'source', requestId: null },
      { name: '防災ガイド.txt', bytes: piecesOf(bytes) },
      maxBytes,
    );
  const chunkRows = (documentId: string) =>
    testDb.database.db
      .select({ seq: schema.documentChunks.seq, bytes: schema.documentChunks.bytes })
      .from(schema.documentChunks)
      .where(eq(schema.documentChunks.documentId, documentId))
      .orderBy(schema.documentChunks.seq);

  test('the bytes come back as they went, kept a chunk of a mebibyte a row', async () => {
    const text = textOf(2 * chunkBytes + 123_457);
    const document = await upload(text);
    expect(document).toMatchObject({
      sizeBytes: text.byteLength,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
    const rows = await chunkRows(document.id);
    expect(rows.map((row) => [row.seq, row.bytes.byteLength])).toEqual([
      [0, chunkBytes],
      [1, chunkBytes],
      [2, text.byteLength - 2 * chunkBytes],
    ]);
    const { chunks } = await services.documents.open(requester, document.id);
    const pieces: Uint8Array[] = [];
    for await (const piece of chunks()) pieces.push(piece);
    expect(Buffer.concat(pieces).equals(text)).toBe(true);
  });

  test('an upload refused after chunks were written keeps no document and no chunk, and the database answers on', async () => {
    const documents = () => testDb.database.db.select({ id: schema.documents.id }).from(schema.documents);
    const chunks = () =>
      testDb.database.db
        .select({ documentId: schema.documentChunks.documentId, seq: schema.documentChunks.seq })
        .from(schema.documentChunks);
    const before = { documents: await documents(), chunks: await chunks() };
    const refusal = await upload(textOf(3 * chunkBytes), 2 * chunkBytes + 1).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UploadRefusedError);
    expect((refusal as UploadRefusedError).reason).toBe('too_large');
    expect({ documents: await documents(), chunks: await chunks() }).toEqual(before);
    const kept = await upload(textOf(chunkBytes + 1000));
    expect((await chunkRows(kept.id)).map((row) => row.seq)).toEqual([0, 1]);
  });

  test('downloads given up after their first piece, more of them than the pool has connections, leave the next download whole', async () => {
    const text = textOf(3 * chunkBytes);
    const document = await upload(text);
    for (let left = 0; left < 12; left++) {
      const { chunks } = await services.documents.open(requester, document.id);
      for await (const piece of chunks()) {
        expect(piece.byteLength).toBeGreaterThan(0);
        break;
      }
    }
    const { chunks } = await services.documents.open(requester, document.id);
    const pieces: Uint8Array[] = [];
    for await (const piece of chunks()) pieces.push(piece);
    expect(Buffer.concat(pieces).equals(text)).toBe(true);
  });
});
