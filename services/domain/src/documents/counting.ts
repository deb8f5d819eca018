import type { DocumentCountProblem, DocumentCountUnit, DocumentKind } from './kinds';

/**
 * What a text holds, counted as it streams in: piece after piece, with the word that a piece may
 * end in the middle of carried over to the next. Characters are code points that are not white
 * space; Japanese characters are kana and kanji; a word is a run of other non-space characters
 * with at least one letter or digit in it (a dash alone is no word).
 */
export interface TextCount {
  characters: number;
  japaneseCharacters: number;
  words: number;
  /** The last piece ended inside a word: the next piece's first characters continue it. */
  inWord: boolean;
  inWordHasLetter: boolean;
}

export const emptyCount: TextCount = {
  characters: 0,
  japaneseCharacters: 0,
  words: 0,
  inWord: false,
  inWordHasLetter: false,
};

/** The characters of one 原稿用紙 (manuscript page): 20 × 20. */
export const manuscriptPageCharacters = 400;

/** 原稿用紙換算: the 400-character pages that this many characters fill, a page begun counting whole. */
export const manuscriptPagesOf = (characters: number) => Math.ceil(characters / manuscriptPageCharacters);

const isSpace = (code: number) =>
  code === 0x20 ||
  (code >= 0x09 && code <= 0x0d) ||
  code === 0x85 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200b) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

/** Hiragana, katakana (full and half width, the long-vowel mark included), CJK ideographs. */
const isJapanese = (code: number) =>
  (code >= 0x3040 && code <= 0x30ff) ||
  (code >= 0x31f0 && code <= 0x31ff) ||
  (code >= 0x3400 && code <= 0x4dbf) ||
  (code >= 0x4e00 && code <= 0x9fff) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xff66 && code <= 0xff9f) ||
  (code >= 0x20000 && code <= 0x3134f);

const letterOrDigit = /[\p{L}\p{N}]/u;
/** The character is made a string (an allocation) only past ASCII: a 20 MB text makes millions otherwise. */
const isLetterOrDigit = (code: number) =>
  (code >= 0x30 && code <= 0x39) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x80 && letterOrDigit.test(String.fromCodePoint(code)));

/** The count after one more piece of the text. A loop over char codes: a 20 MB text is counted as it arrives. */
export function addText(count: TextCount, text: string): TextCount {
  let { characters, japaneseCharacters, words, inWord, inWordHasLetter } = count;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      code = text.codePointAt(index) ?? code;
      index++;
    }
    const space = isSpace(code);
    const japanese = !space && isJapanese(code);
    if (!space) characters++;
    if (japanese) japaneseCharacters++;
    if (space || japanese) {
      if (inWord && inWordHasLetter) words++;
      inWord = false;
      inWordHasLetter = false;
    } else {
      inWord = true;
      if (!inWordHasLetter && isLetterOrDigit(code)) inWordHasLetter = true;
    }
  }
  return { characters, japaneseCharacters, words, inWord, inWordHasLetter };
}

/** The count of a whole text. */
export const countText = (text: string): TextCount => addText(emptyCount, text);

/** The volume of a document as it is kept: a count in its unit, or the reason there is none. */
export interface DocumentVolume {
  countUnit: DocumentCountUnit | null;
  counted: number | null;
  /** A PDF's pages; null for other kinds. */
  pageCount: number | null;
  problem: DocumentCountProblem | null;
}

/**
 * A text is Japanese when kana and kanji are at least a third of its characters: a Japanese
 * notice with numbers, dates and a few English names stays Japanese; an English letter that
 * names a Japanese town does not become Japanese.
 */
export const isJapaneseText = (count: TextCount) =>
  count.characters > 0 && count.japaneseCharacters * 3 >= count.characters;

/**
 * How a document's volume is counted: Japanese by characters (the fee reads 400-character
 * manuscript pages from them, `manuscriptPagesOf`), other languages by words; a PDF also by pages,
 * and by pages alone when it holds no text (a scan). Images, spreadsheets and slides are not
 * counted: the problem says why, and the requester enters the count.
 */
export function volumeOf(kind: DocumentKind, text: TextCount | null, pageCount: number | null = null): DocumentVolume {
  const pages = kind === 'pdf' ? pageCount : null;
  if (kind === 'image') return { countUnit: null, counted: null, pageCount: null, problem: 'image' };
  if (kind === 'xlsx' || kind === 'pptx' || text === null) {
    return { countUnit: null, counted: null, pageCount: pages, problem: 'not_extracted' };
  }
  if (text.characters === 0 || (!isJapaneseText(text) && wordsOf(text) === 0)) {
    return pages
      ? { countUnit: 'pages', counted: pages, pageCount: pages, problem: 'no_text' }
      : { countUnit: null, counted: null, pageCount: pages, problem: 'no_text' };
  }
  return isJapaneseText(text)
    ? { countUnit: 'characters', counted: text.characters, pageCount: pages, problem: null }
    : { countUnit: 'words', counted: wordsOf(text), pageCount: pages, problem: null };
}

/** The words, the one the text ends in included. */
const wordsOf = (count: TextCount) => count.words + (count.inWord && count.inWordHasLetter ? 1 : 0);

/** The manuscript pages of a volume counted in characters (the corrected count first); null otherwise. */
export function manuscriptPagesOfVolume(volume: {
  countUnit: DocumentCountUnit | null;
  counted: number | null;
  correctedCount: number | null;
}): number | null {
  const characters = volume.correctedCount ?? volume.counted;
  return volume.countUnit === 'characters' && characters !== null ? manuscriptPagesOf(characters) : null;
}
