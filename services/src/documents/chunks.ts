import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type Db, postgresClientOf, schema } from '@tsunagu/db';
import { and, eq, sql } from 'drizzle-orm';

/** The bytes of a document a row, as the table says; uploads are cut and downloads read at this size. */
export const chunkBytes = 1024 * 1024;

/*
 * Two ways under one interface. On PostgreSQL the bytes go by COPY in binary format, written and
 * read as Buffers: no string is made of them, so the API's memory does not grow with the file
 * (pnpm bench documents). PGlite has no COPY to a stream, so there they go as base64 slices.
 */

/**
 * On PGlite the bytes cross in slices of 16 KiB, each as base64 text that the database decodes or
 * encodes, so that every string made for them is under 32 KiB: V8 makes so small a string a young
 * object, which the next scavenge frees. Both drivers send and read a bytea as one hex text instead
 * (and postgres.js copies the bytes before making it): two strings of 2 MB a megabyte, in V8's
 * large-object space, which only a full collection frees.
 */
const sliceBytes = 16 * 1024;
/** The slices of one read: a quarter of a chunk, as many strings as columns of one row. */
const slicesPerRead = 16;

/** Where the chunks of one upload go, a whole chunk at a time; `abort` undoes nothing (the transaction does). */
interface ChunkSink {
  write(seq: number, parts: Uint8Array[], length: number): Promise<void>;
  end(): Promise<void>;
  abort(error: unknown): Promise<void>;
}

/**
 * Writes a document's bytes as they come, a chunk a row, and gives the size written. `onPiece` sees
 * every piece first and may refuse it by throwing. Inside the caller's transaction on either engine:
 * a refusal leaves no chunk once it rolls back.
 */
export async function writeChunks(
  tx: Db,
  documentId: string,
  pieces: AsyncIterable<Uint8Array>,
  onPiece: (piece: Uint8Array) => void,
): Promise<number> {
  const client = postgresClientOf(tx);
  const sink = client ? await copyIn(client, documentId) : insertedChunks(tx, documentId);
  let size = 0;
  let seq = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const parts = pending;
    const length = pendingBytes;
    pending = [];
    pendingBytes = 0;
    await sink.write(seq++, parts, length);
  };
  try {
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
    await sink.end();
  } catch (error) {
    await sink.abort(error);
    throw error;
  }
  return size;
}

/** A document's bytes in order: on PostgreSQL as COPY sends them, on PGlite a quarter of a chunk at a time. */
export function readChunks(db: Db, documentId: string): AsyncGenerator<Uint8Array> {
  const client = postgresClientOf(db);
  return client ? copyOut(client, documentId) : selectedChunks(db, documentId);
}

/** PGlite: a chunk a statement, as one base64 text (1.33 MB a megabyte, where hex made two strings of 2 MB). */
function insertedChunks(tx: Db, documentId: string): ChunkSink {
  return {
    async write(seq, parts, length) {
      const base64 = Buffer.concat(parts, length).toString('base64');
      await tx.insert(schema.documentChunks).values({ documentId, seq, bytes: sql`decode(${base64}, 'base64')` });
    },
    end: async () => {},
    abort: async () => {},
  };
}

/** The slices of a chunk from `offset` on, as the columns of one row. */
const slicesFrom = (offset: number) =>
  Object.fromEntries(
    Array.from({ length: slicesPerRead }, (_, index) => [
      `s${index}`,
      sql<string>`encode(substring(${schema.documentChunks.bytes} from ${offset + index * sliceBytes + 1} for ${sliceBytes}), 'base64')`,
    ]),
  );

async function* selectedChunks(db: Db, documentId: string): AsyncGenerator<Uint8Array> {
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

type PostgresClient = NonNullable<ReturnType<typeof postgresClientOf>>;

/** COPY's binary format (PostgreSQL, "COPY", File Formats): a signature, 32 bits of flags, the length of a header extension. */
const copySignature = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const copyHeader = Buffer.concat([copySignature, Buffer.alloc(8)]);
/** A field count of -1 ends the rows. */
const copyTrailer = Buffer.from([0xff, 0xff]);

/** A document id for the text of a COPY: postgres.js sends COPY as a simple query, which takes no parameters. */
function uuidOf(documentId: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(documentId)) {
    throw new Error(`not a document id: ${documentId}`);
  }
  return documentId;
}

/** PostgreSQL: the rows of one COPY in binary format, written as the upload comes, waiting whenever the socket is full. */
async function copyIn(client: PostgresClient, documentId: string): Promise<ChunkSink> {
  const id = Buffer.from(uuidOf(documentId).replaceAll('-', ''), 'hex');
  const copy: Writable = await client
    .unsafe('copy document_chunks (document_id, seq, bytes) from stdin (format binary)')
    .writable();
  const done = finished(copy);
  // Awaited by `end` or `abort`; marked handled meanwhile, so that a failure while a chunk is being gathered is no crash.
  done.catch(() => {});
  const write = async (bytes: Uint8Array) => {
    if (!copy.write(bytes)) await Promise.race([once(copy, 'drain'), done]);
  };
  await write(copyHeader);
  return {
    async write(seq, parts, length) {
      // Three fields: the document's id (16 bytes), the seq (an int4), the chunk's bytes.
      const head = Buffer.alloc(2 + 4 + 16 + 4 + 4 + 4);
      let at = head.writeInt16BE(3, 0);
      at = head.writeInt32BE(16, at);
      at += id.copy(head, at);
      at = head.writeInt32BE(4, at);
      at = head.writeInt32BE(seq, at);
      head.writeInt32BE(length, at);
      await write(head);
      for (const part of parts) await write(part);
    },
    async end() {
      await new Promise<void>((resolve, reject) =>
        copy.write(copyTrailer, (error) => (error ? reject(error) : resolve())),
      );
      // Nothing left to write, so the stream ends the COPY now, and a statement may follow. postgres.js
      // finishes the stream only when the COPY succeeds: one that fails at its end is seen by the
      // statement after it, in a transaction now aborted.
      copy.end();
      await Promise.race([done, client.unsafe('select 1')]);
      await done;
    },
    async abort(error) {
      // Destroying sends CopyFail: the server ends the COPY, and the transaction rolls back.
      copy.destroy(error instanceof Error ? error : new Error(String(error)));
      await done.catch(() => {});
    },
  };
}

/** PostgreSQL: the chunks of a document as one COPY in binary format, their bytes as they come. */
async function* copyOut(client: PostgresClient, documentId: string): AsyncGenerator<Uint8Array> {
  const copy: Readable = await client
    .unsafe(
      `copy (select bytes from document_chunks where document_id = '${uuidOf(documentId)}' order by seq) to stdout (format binary)`,
    )
    .readable();
  // postgres.js pauses its socket when a row finds the stream full, and resumes it from `_read`; one
  // whose last row did so, and whose end came in the same read, is never read again, and the
  // connection answers nothing more (porsager/postgres#499, #1016): its socket is resumed at the end.
  const resumeConnection = () => {
    try {
      copy._read(0);
    } catch {
      // The connection is gone (its socket with it): nothing to resume.
    }
  };
  const read = binaryCopyReader();
  try {
    // Not destroyed on return: a destroyed stream would leave the connection paused too.
    for await (const data of copy.iterator({ destroyOnReturn: false })) yield* read.fields(data as Buffer);
    read.finish();
  } finally {
    if (copy.readableEnded) resumeConnection();
    else {
      // A download left half-way: the rest is read and dropped, so that the connection goes back to the pool.
      copy.on('error', () => {});
      copy.once('end', resumeConnection);
      copy.resume();
    }
  }
}

/**
 * Reads COPY's binary format of rows of one non-null field, cut anywhere: the field's bytes as they
 * come, without copying them.
 */
function binaryCopyReader() {
  type State = 'header' | 'tuple' | 'length' | 'bytes' | 'trailer';
  let state: State = 'header';
  let fixed = Buffer.alloc(0);
  let skip = 0;
  let remaining = 0;
  const fixedBytes = { header: copyHeader.byteLength, tuple: 2, length: 4 } as const;
  return {
    *fields(data: Buffer): Generator<Uint8Array> {
      for (let at = 0; at < data.byteLength; ) {
        if (skip > 0 || state === 'bytes') {
          const n = Math.min(skip || remaining, data.byteLength - at);
          if (skip > 0) skip -= n;
          else {
            yield data.subarray(at, at + n);
            remaining -= n;
            if (remaining === 0) state = 'tuple';
          }
          at += n;
          continue;
        }
        if (state === 'trailer') throw new Error('bytes after the end of a binary COPY');
        const need = fixedBytes[state];
        const n = Math.min(need - fixed.byteLength, data.byteLength - at);
        fixed = Buffer.concat([fixed, data.subarray(at, at + n)]);
        at += n;
        if (fixed.byteLength < need) continue;
        if (state === 'header') {
          if (!fixed.subarray(0, copySignature.byteLength).equals(copySignature)) throw new Error('not a binary COPY');
          skip = fixed.readUInt32BE(copySignature.byteLength + 4);
          state = 'tuple';
        } else if (state === 'tuple') {
          const count = fixed.readInt16BE(0);
          if (count !== 1 && count !== -1) throw new Error(`a binary COPY of ${count} fields`);
          state = count === -1 ? 'trailer' : 'length';
        } else {
          remaining = fixed.readInt32BE(0);
          if (remaining < 0) throw new Error('a null chunk');
          state = remaining === 0 ? 'tuple' : 'bytes';
        }
        fixed = Buffer.alloc(0);
      }
    },
    finish() {
      if (state !== 'trailer') throw new Error('a binary COPY cut short');
    },
  };
}
