import { type Db, schema } from '@tsunagu/db';
import {
  acceptedMediaTypes,
  type DocumentCountStatus,
  type DocumentVolume,
  isAcceptedMediaType,
  volumeOf,
} from '@tsunagu/domain';
import { and, asc, eq } from 'drizzle-orm';
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
 * never in the request that uploaded it.
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
        columns: { mediaType: true, countStatus: true },
      });
      if (!document) return 'gone';
      if (document.countStatus !== 'counting') return document.countStatus;
      const chunks = await db
        .select({ bytes: schema.documentChunks.bytes })
        .from(schema.documentChunks)
        .where(eq(schema.documentChunks.documentId, documentId))
        .orderBy(asc(schema.documentChunks.seq));
      const volume = isAcceptedMediaType(document.mediaType)
        ? await volumeOfFile(acceptedMediaTypes[document.mediaType], Buffer.concat(chunks.map((chunk) => chunk.bytes)))
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

export type DocumentCountSteps = ReturnType<typeof createDocumentCountSteps>;
