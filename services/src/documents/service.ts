import { createHash } from 'node:crypto';
import { type Db, schema } from '@tsunagu/db';
import {
  type AcceptedMediaType,
  acceptedMediaTypes,
  type Clock,
  ConflictError,
  type DocumentRole,
  type DocumentVolume,
  ForbiddenError,
  found,
  isAcceptableFileName,
  isAcceptedMediaType,
  isCountedAfterUpload,
  isDeadlock,
  mayActOn,
  mayReadDocument,
  NotFoundError,
  UploadRefusedError,
  ValidationError,
  type Viewer,
  volumeOf,
} from '@tsunagu/domain';
import { and, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { recordAudit } from '../audit';
import type { Dispatcher } from '../dispatch/port';
import type { Logger } from '../logger';
import { readChunks, writeChunks } from './chunks';
import { volumeColumns } from './counting';
import { plainTextCounter } from './extract';

/** The bytes the type is found from (file-type, or a look for text) before any is kept. */
const headBytes = 1024 * 1024;
/** The default upload limit (`DOCUMENT_MAX_BYTES`). */
export const defaultMaxUploadBytes = 20_000_000;

export type DocumentRow = typeof schema.documents.$inferSelect;

export interface UploadTarget {
  role: DocumentRole;
  /** The translation request; a source may come before its request is filed (attached at filing). */
  requestId: string | null;
}

export interface UploadedFile {
  name: string;
  bytes: AsyncIterable<Uint8Array>;
}

/** Requests that take no more documents. */
const closedStatuses = new Set(['cancelled', 'rejected', 'completed']);
/** Bookings whose translator reads the request's documents. */
const standingBookings = ['confirmed', 'completed'] as const;

export function createDocumentService({
  db,
  clock,
  dispatcher,
  logger,
}: {
  db: Db;
  clock: Clock;
  dispatcher: Dispatcher;
  logger: Logger;
}) {
  /**
   * Hands a document to the worker to count. Temporal out of reach leaves it counting, and the
   * upload stands: a starting worker counts what is left (`resumeCounting`).
   */
  async function startCounting(documentId: string) {
    try {
      await dispatcher.countDocument(documentId);
    } catch (error) {
      logger.warn({ documentId, err: error }, 'document counting not started');
    }
  }

  /** The volunteers whose booking on the request stands: they read its documents. */
  async function bookedVolunteerIds(tx: Db, requestId: string | null): Promise<string[]> {
    if (requestId === null) return [];
    const rows = await tx
      .select({ volunteerId: schema.assignments.volunteerId })
      .from(schema.assignments)
      .where(and(eq(schema.assignments.requestId, requestId), inArray(schema.assignments.status, standingBookings)));
    return rows.map((row) => row.volunteerId);
  }

  /** Whose the document will be, once the viewer may upload it there; checked before a byte is read. */
  async function ownerOf(viewer: Viewer, target: UploadTarget) {
    if (!viewer.userId) throw new ForbiddenError('signed_in_only');
    if (target.requestId === null) {
      if (target.role === 'translation') throw new UploadRefusedError('translation_needs_request');
      if (!viewer.organizationId) throw new ForbiddenError('requesting_staff_only');
      const organization = found(
        await db.query.organizations.findFirst({ where: { id: viewer.organizationId } }),
        'Organization',
        viewer.organizationId,
      );
      if (organization.status !== 'approved') throw new ForbiddenError('organization_not_approved');
      return { associationId: organization.associationId, organizationId: organization.id, requestId: null };
    }
    const request = found(
      await db.query.requests.findFirst({
        where: { id: target.requestId },
        columns: { id: true, associationId: true, organizationId: true, modality: true, status: true },
      }),
      'Request',
      target.requestId,
    );
    if (target.role === 'source' && !mayActOn(viewer, request, ['requester', 'coordinator'])) {
      throw new ForbiddenError('filer_or_coordinators');
    }
    if (
      target.role === 'translation' &&
      !(viewer.volunteerId && (await bookedVolunteerIds(db, request.id)).includes(viewer.volunteerId))
    ) {
      throw new ForbiddenError('booked_volunteer_only');
    }
    if (request.modality !== 'translation') throw new UploadRefusedError('not_translation_request');
    if (closedStatuses.has(request.status)) throw new UploadRefusedError('request_closed');
    // A booked translator's sources change only by a change they accept (proposeTranslationChange).
    if (target.role === 'source' && (await bookedVolunteerIds(db, request.id)).length > 0) {
      throw new UploadRefusedError('source_change_needs_translator');
    }
    return { associationId: request.associationId, organizationId: request.organizationId, requestId: request.id };
  }

  /**
   * The first megabyte of a stream (or all of it, when shorter), for the type to be found from, and
   * the rest still to come.
   */
  async function head(bytes: AsyncIterable<Uint8Array>) {
    const iterator = bytes[Symbol.asyncIterator]();
    const pieces: Uint8Array[] = [];
    let length = 0;
    let done = false;
    while (length < headBytes) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      pieces.push(next.value);
      length += next.value.byteLength;
    }
    // Only `next`: a refusal half-way must not destroy the stream (as a for-await's `return` would),
    // so that the HTTP side can read the rest of the form and answer.
    const rest: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => (done ? { done: true, value: undefined } : iterator.next()),
      }),
    };
    return { first: Buffer.concat(pieces), rest };
  }

  /** The type from the bytes (file-type), or plain text when they are UTF-8 without NULs. */
  async function mediaTypeOf(first: Uint8Array): Promise<AcceptedMediaType> {
    const detected = await fileTypeFromBuffer(first);
    if (detected) {
      if (!isAcceptedMediaType(detected.mime)) throw new UploadRefusedError('type_not_accepted');
      return detected.mime;
    }
    const text = plainTextCounter();
    // The first megabyte may end inside a character: `add` decodes in stream mode and waits for the rest.
    if (!text.add(first)) throw new UploadRefusedError('type_not_accepted');
    return 'text/plain';
  }

  async function keep(
    viewer: Viewer,
    target: UploadTarget,
    owner: { associationId: string; organizationId: string; requestId: string | null },
    fileName: string,
    first: Buffer,
    rest: AsyncIterable<Uint8Array>,
    maxBytes: number,
  ): Promise<DocumentRow> {
    if (first.byteLength === 0) throw new UploadRefusedError('empty');
    if (first.byteLength > maxBytes) throw new UploadRefusedError('too_large', maxBytes);
    const mediaType = await mediaTypeOf(first);
    const kind = acceptedMediaTypes[mediaType];
    const text = kind === 'txt' ? plainTextCounter() : null;
    const countedLater = isCountedAfterUpload(kind);

    const stored = await db
      .transaction(async (tx) => {
        let version = 1;
        if (target.role === 'translation' && owner.requestId) {
          // Versions are numbered in upload order: the request's row is the lock that orders them.
          await tx.execute(sql`select 1 from requests where id = ${owner.requestId} for update`);
          const [latest] = await tx
            .select({ version: max(schema.documents.version) })
            .from(schema.documents)
            .where(and(eq(schema.documents.requestId, owner.requestId), eq(schema.documents.role, 'translation')));
          version = (latest?.version ?? 0) + 1;
        }
        const [row] = await tx
          .insert(schema.documents)
          .values({
            ...owner,
            role: target.role,
            version,
            uploadedBy: viewer.userId,
            fileName: fileName.normalize('NFC'),
            mediaType,
            // Provisional until the last chunk: the row is seen by nobody before the commit.
            sizeBytes: first.byteLength,
            sha256: '',
            createdAt: clock.now().toJSDate(),
          })
          .returning({ id: schema.documents.id });
        if (!row) throw new Error('insert returned no row');
        const hash = createHash('sha256');
        let seen = 0;
        const size = await writeChunks(tx, row.id, followed(first, rest), (piece) => {
          seen += piece.byteLength;
          if (seen > maxBytes) throw new UploadRefusedError('too_large', maxBytes);
          if (text && !text.add(piece)) throw new UploadRefusedError('type_not_accepted');
          hash.update(piece);
        });
        const volume: DocumentVolume | null = text
          ? (() => {
              const count = text.finish();
              if (count === null) throw new UploadRefusedError('type_not_accepted');
              return volumeOf('txt', count);
            })()
          : countedLater
            ? null
            : volumeOf(kind, null);
        const [document] = await tx
          .update(schema.documents)
          .set({
            sizeBytes: size,
            sha256: hash.digest('hex'),
            ...(volume ? volumeColumns(volume) : { countStatus: 'counting' as const }),
          })
          .where(eq(schema.documents.id, row.id))
          .returning();
        if (!document) throw new Error('update returned no row');
        await recordAudit(tx, viewer, [
          {
            action: 'create',
            subjectType: 'document',
            subjectId: document.id,
            fields: ['bytes'],
            associationIds: [document.associationId],
          },
        ]);
        return document;
      })
      .catch((error: unknown) => {
        if (isDeadlock(error)) throw new ConflictError('changed_meanwhile');
        throw error;
      });
    if (countedLater) await startCounting(stored.id);
    return stored;
  }

  return {
    /**
     * Keeps an uploaded file, or nothing of it. The bytes go into `document_chunks` as they come
     * (`writeChunks`), inside one transaction with the document's row: a refusal half-way (too large, not
     * text after all, the client gone) rolls back everything, and a process that dies mid-upload
     * leaves nothing behind to sweep. What that costs: the transaction is open as long as the
     * upload takes — one pooled connection per upload in flight on PostgreSQL, and on PGlite (one
     * connection, the embedded default for a desk or two) other requests wait for it. Writing and
     * deleting on failure would free the connection, but leave half-files visible to every reader
     * (and to the translation job's flow) unless each of them filtered them out.
     *
     * Plain text is counted as it streams. A .docx or a .pdf is kept `counting`: their libraries
     * read a file whole, which the upload must not hold, so the worker reads the chunks back after
     * the commit and counts them (`createDocumentCountSteps`).
     */
    async upload(viewer: Viewer, target: UploadTarget, file: UploadedFile, maxBytes: number): Promise<DocumentRow> {
      if (!isAcceptableFileName(file.name)) throw new UploadRefusedError('file_name');
      const owner = await ownerOf(viewer, target);
      const { first, rest } = await head(file.bytes);
      try {
        return await keep(viewer, target, owner, file.name, first, rest, maxBytes);
      } catch (error) {
        // The sender's form must end for the refusal to be read: the rest is read and dropped.
        await discard(rest);
        throw error;
      }
    },

    /**
     * A document to read, with its bytes as a stream of chunks, a few read at a time; the read
     * is in the audit log before the first byte goes out. A document the viewer may not read is
     * not found, as if it did not exist.
     */
    async open(viewer: Viewer, documentId: string) {
      const document = await db.query.documents.findFirst({ where: { id: documentId } });
      if (
        !document ||
        !mayReadDocument(viewer, { ...document, bookedVolunteerIds: await bookedVolunteerIds(db, document.requestId) })
      ) {
        throw new NotFoundError('Document', documentId);
      }
      await recordAudit(db, viewer, [
        {
          action: 'read',
          subjectType: 'document',
          subjectId: document.id,
          fields: ['bytes'],
          reason: 'download',
          associationIds: [document.associationId],
        },
      ]);
      return { document, chunks: () => readChunks(db, documentId) };
    },

    /** Starts the counting of every document left counting (Temporal was out of reach at its upload). */
    async resumeCounting(): Promise<number> {
      const counting = await db
        .select({ id: schema.documents.id })
        .from(schema.documents)
        .where(eq(schema.documents.countStatus, 'counting'));
      for (const { id } of counting) await dispatcher.countDocument(id);
      return counting.length;
    },

    /** Whether the viewer reads this document (the GraphQL type's scope asks it). */
    async mayRead(viewer: Viewer, document: Pick<DocumentRow, 'associationId' | 'organizationId' | 'requestId'>) {
      return mayReadDocument(viewer, {
        ...document,
        bookedVolunteerIds: await bookedVolunteerIds(db, document.requestId),
      });
    },

    /** The requester (or a coordinator) corrects a source's count; the fee follows the correction. */
    async correctCount(viewer: Viewer, documentId: string, count: number | null) {
      if (count !== null && !(Number.isInteger(count) && count >= 0 && count <= 2_147_483_647)) {
        throw ValidationError.of(['input', 'count'], {
          ja: '数は0以上の整数で入力してください。',
          en: 'Enter the count as a whole number, 0 or more.',
        });
      }
      const document = found(await db.query.documents.findFirst({ where: { id: documentId } }), 'Document', documentId);
      if (!mayActOn(viewer, document, ['requester', 'coordinator'])) throw new NotFoundError('Document', documentId);
      const [corrected] = await db
        .update(schema.documents)
        .set({ correctedCount: count })
        .where(eq(schema.documents.id, documentId))
        .returning();
      return found(corrected, 'Document', documentId);
    },
  };
}

/**
 * Attaches sources uploaded before their request was filed, inside the filing's transaction:
 * each must be the organization's, a source, and not yet attached.
 */
export async function attachSources(tx: Db, organizationId: string, requestId: string, documentIds: readonly string[]) {
  if (documentIds.length === 0) return;
  const unique = [...new Set(documentIds)];
  const attached = await tx
    .update(schema.documents)
    .set({ requestId })
    .where(
      and(
        inArray(schema.documents.id, unique),
        eq(schema.documents.organizationId, organizationId),
        eq(schema.documents.role, 'source'),
        isNull(schema.documents.requestId),
      ),
    )
    .returning({ id: schema.documents.id });
  if (attached.length !== unique.length) {
    throw ValidationError.of(['input', 'documentIds'], {
      ja: '付けられない文書があります（別の依頼に付いているか、見つかりません）。',
      en: 'A document cannot be attached: it belongs to another request, or was not found.',
    });
  }
}

/** The head, then the rest, without taking the rest's iterator over (see `head`). */
async function* followed(first: Uint8Array, rest: AsyncIterable<Uint8Array>) {
  yield first;
  yield* rest;
}

async function discard(rest: AsyncIterable<Uint8Array>) {
  try {
    for await (const _ of rest);
  } catch {
    // The sender went away: nothing is left to read.
  }
}

export type DocumentService = ReturnType<typeof createDocumentService>;
