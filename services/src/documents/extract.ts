import {
  addText,
  countText,
  type DocumentKind,
  type DocumentVolume,
  emptyCount,
  type TextCount,
  volumeOf,
} from '@tsunagu/domain';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

/**
 * Counts a plain-text upload as it streams in: UTF-8 (a byte sequence that is not UTF-8, or a NUL,
 * makes it no text file), decoded piece by piece so that a character split between chunks is whole.
 */
export function plainTextCounter() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let count: TextCount = emptyCount;
  return {
    /** False when the bytes are not text: the upload is then refused. */
    add(bytes: Uint8Array): boolean {
      if (bytes.includes(0)) return false;
      try {
        count = addText(count, decoder.decode(bytes, { stream: true }));
        return true;
      } catch {
        return false;
      }
    },
    finish(): TextCount | null {
      try {
        return addText(count, decoder.decode());
      } catch {
        return null;
      }
    },
  };
}

/**
 * The volume of a .docx (mammoth) or a .pdf (unpdf) from its whole bytes: both libraries read a
 * file whole, so these two kinds are the only ones held in memory (up to the upload limit). A file
 * that the library cannot read counts as one without text.
 */
export async function volumeOfFile(kind: DocumentKind, bytes: Uint8Array): Promise<DocumentVolume> {
  if (kind === 'docx') {
    const text = await mammoth
      .extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
      .then((result) => countText(result.value))
      .catch(() => emptyCount);
    return volumeOf(kind, text);
  }
  if (kind === 'pdf') {
    try {
      // pdf.js takes a plain Uint8Array, not a Buffer, and may detach it: a copy of its own.
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { totalPages, text } = await extractText(pdf, { mergePages: true });
      return volumeOf(kind, countText(text), totalPages);
    } catch {
      return volumeOf(kind, emptyCount, null);
    }
  }
  return volumeOf(kind, null);
}
