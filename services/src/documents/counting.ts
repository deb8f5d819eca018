import { type Db, schema } from '@tsunagu/db';
import {
  acceptedMediaTypes,
  type DocumentCountStatus,
  type DocumentVolume,
  isAcceptedMediaType,
  volumeOf,
} from '@tsunagu/domain';
import { and, eq } from 'drizzle-orm';
import { readChunks } from './chunks';
import { volumeOfFile } from './extract';

/** A count made, or none: the problem says why, and the requester enters it. */
export const countStatusOf = (volume: DocumentVolume): DocumentCountStatus =>
  volume.counted === null ? 'cannot_count' : 'counted';

export const volumeColumns = (volume: DocumentVolume) => ({
  countUnit: volume.countUnit,
  counted: volume.counted,
  pageCount: volume.pageCount,
  countProblem: volume.problem,
  countStatus: countStatusOf(volume),
});

/**
 * The counting of a .docx or a .pdf after its upload, as the worker's activity: their text
 * extractors (mammoth, unpdf) read a file whole, so the whole file is held here, in the worker, and
 * never in the request that uploaded it: once, read a few chunks at a time (`wholeFile`).
 */
export function createDocumentCountSteps({ db }: { db: Db }) {
  return {
    /**
     * Reads a document still counting back from its chunks, counts its text and writes the count
     * (or why there is none). Safe to repeat: a document already counted, or erased meanwhile, is left.
     */
    async countDocument(documentId: string): Promise<DocumentCountStatus | 'gone'> {
      const document = await db.query.documents.findFirst({
        where: { id: documentId },
        columns: { mediaType: true, countStatus: true, sizeBytes: true },
      });
      if (!document) return 'gone';
      if (document.countStatus !== 'counting') return document.countStatus;
      const volume = isAcceptedMediaType(document.mediaType)
        ? await volumeOfFile(
            acceptedMediaTypes[document.mediaType],
            await wholeFile(db, documentId, document.sizeBytes),
          )
        : volumeOf('image', null);
      const [counted] = await db
        .update(schema.documents)
        .set(volumeColumns(volume))
        .where(and(eq(schema.documents.id, documentId), eq(schema.documents.countStatus, 'counting')))
        .returning({ countStatus: schema.documents.countStatus });
      return counted?.countStatus ?? 'gone';
    },
  };
}

/**
 * The file in one buffer of its size, filled a few chunks at a time: the file once, not its whole
 * result set of rows beside it (nor their hex text) as one query for every chunk held.
 */
async function wholeFile(db: Db, documentId: string, sizeBytes: number): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(sizeBytes);
  let filled = 0;
  for await (const chunk of readChunks(db, documentId)) {
    bytes.set(chunk, filled);
    filled += chunk.byteLength;
  }
  if (filled !== sizeBytes) throw new Error(`document ${documentId} has ${filled} bytes, not ${sizeBytes}`);
  return bytes;
}

export type DocumentCountSteps = ReturnType<typeof createDocumentCountSteps>;
