import { type Db, schema } from '@tsunagu/db';
import { and, eq, sql } from 'drizzle-orm';

/** The bytes of a document a row, as the table says; uploads are cut and downloads read at this size. */
export const chunkBytes = 1024 * 1024;

/**
 * The bytes cross the wire in slices of 16 KiB, each as base64 text that the database decodes or
 * encodes, so that every string made for them is under 32 KiB: V8 makes so small a string a young
 * object, which the next scavenge frees. Both drivers send and read a bytea as one hex text instead
 * (and postgres.js copies the bytes before making it): two strings of 2 MB a megabyte, in V8's
 * large-object space, which only a full collection frees; the API grew with the file until one ran
 * (pnpm bench documents).
 */
const sliceBytes = 16 * 1024;
/** The slices of one read: a quarter of a chunk, as many strings as columns of one row. */
const slicesPerRead = 16;

/**
 * Writes a document's bytes as they come, a chunk a statement as one base64 text (1.33 MB a
 * megabyte, where hex made two strings of 2 MB), and gives the size written. `onPiece` sees every piece first and may refuse it by throwing.
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

/** The slices of a chunk from `offset` on, as the columns of one row. */
const slicesFrom = (offset: number) =>
  Object.fromEntries(
    Array.from({ length: slicesPerRead }, (_, index) => [
      `s${index}`,
      sql<string>`encode(substring(${schema.documentChunks.bytes} from ${offset + index * sliceBytes + 1} for ${sliceBytes}), 'base64')`,
    ]),
  );

/** A document's bytes in order, a quarter of a chunk read at a time. */
export async function* readChunks(db: Db, documentId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    for (let offset = 0; ; offset += sliceBytes * slicesPerRead) {
      const [row] = await db
        .select(slicesFrom(offset))
        .from(schema.documentChunks)
        .where(and(eq(schema.documentChunks.documentId, documentId), eq(schema.documentChunks.seq, seq)));
      if (!row) {
        if (offset === 0) return;
        break;
      }
      let whole = true;
      for (const base64 of Object.values(row)) {
        const bytes = Buffer.from(base64, 'base64');
        if (bytes.byteLength > 0) yield bytes;
        if (bytes.byteLength < sliceBytes) whole = false;
      }
      if (!whole) break;
    }
  }
}
