import { type Db, schema } from '@tsunagu/db';
import { and, eq, sql } from 'drizzle-orm';

/** The bytes of a document a row, as the table says; uploads are cut and downloads read at this size. */
export const chunkBytes = 1024 * 1024;

/*
 * The bytes cross the wire as base64 text, encoded and decoded by the database: both drivers send
 * and read a bytea as hex text, and postgres.js copies the bytes before making it, so a megabyte
 * cost two strings of 2 MB and two buffers on the way in. Base64 is one string of 1.33 MB. The
 * strings of a transfer are garbage that V8 collects late, and the API's memory grew with the file
 * until it did (pnpm bench documents).
 */

/**
 * Writes a document's bytes as they come, a chunk a statement, and gives the size written.
 * `onPiece` sees every piece first and may refuse it by throwing.
 */
export async function writeChunks(
  tx: Db,
  documentId: string,
  pieces: AsyncIterable<Uint8Array>,
  onPiece: (piece: Uint8Array) => void,
): Promise<number> {
  let size = 0;
  let seq = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const base64 = Buffer.concat(pending, pendingBytes).toString('base64');
    pending = [];
    pendingBytes = 0;
    await tx.insert(schema.documentChunks).values({ documentId, seq: seq++, bytes: sql`decode(${base64}, 'base64')` });
  };
  for await (const piece of pieces) {
    onPiece(piece);
    size += piece.byteLength;
    for (let offset = 0; offset < piece.byteLength; ) {
      const part = piece.subarray(offset, offset + chunkBytes - pendingBytes);
      pending.push(part);
      pendingBytes += part.byteLength;
      offset += part.byteLength;
      if (pendingBytes === chunkBytes) await flush();
    }
  }
  await flush();
  return size;
}

/** A document's bytes in order, a chunk read at a time. */
export async function* readChunks(db: Db, documentId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await db
      .select({ base64: sql<string>`encode(${schema.documentChunks.bytes}, 'base64')` })
      .from(schema.documentChunks)
      .where(and(eq(schema.documentChunks.documentId, documentId), eq(schema.documentChunks.seq, seq)));
    if (!chunk) return;
    yield Buffer.from(chunk.base64, 'base64');
  }
}
