import type { UploadedDocument } from './upload';

type Counted = Pick<UploadedDocument, 'countUnit' | 'counted' | 'correctedCount' | 'pageCount'>;

/**
 * The request's volume as its documents give it: characters when every counted one is Japanese
 * text, else pages (a PDF's pages, or a count made in pages); null when nothing gives one (words
 * and images have no unit the request form takes), and the requester types it.
 */
export function volumeFromDocuments(
  documents: readonly Counted[],
): { volume: number; volumeUnit: 'characters' | 'pages' } | null {
  const counted = documents.filter((document) => document.countUnit !== null);
  if (counted.length === 0) return null;
  const count = (document: Counted) => document.correctedCount ?? document.counted ?? 0;
  if (counted.every((document) => document.countUnit === 'characters')) {
    return { volume: counted.reduce((sum, document) => sum + count(document), 0), volumeUnit: 'characters' };
  }
  const pages = counted.map((document) =>
    document.countUnit === 'pages' ? count(document) : (document.pageCount ?? null),
  );
  if (pages.some((page) => page === null)) return null;
  return { volume: pages.reduce<number>((sum, page) => sum + (page ?? 0), 0), volumeUnit: 'pages' };
}
