import { describe, expect, test } from 'vitest';
import { addText, countText, emptyCount, manuscriptPagesOf, manuscriptPagesOfVolume, volumeOf } from './counting';

describe('counting a text', () => {
  // Each line: what the text is, the text, its characters (not space), Japanese characters, words.
  const cases: Array<[string, string, number, number, number]> = [
    ['nothing', '', 0, 0, 0],
    ['white space only, the ideographic space included', ' \n\t\u3000 ', 0, 0, 0],
    ['a Japanese notice', '市役所からのお知らせ：ごみの日は火曜日です。', 22, 20, 0],
    ['half-width katakana count as Japanese', 'ｶﾀｶﾅ', 4, 4, 0],
    ['an English sentence', 'Garbage is collected on Tuesdays.', 29, 0, 5],
    ['a dash alone is no word', 'Bring - your card', 14, 0, 3],
    ['numbers are words', 'Room 301, 2nd floor', 16, 0, 4],
    ['Vietnamese with its accents', 'Thứ Ba là ngày thu gom rác.', 21, 0, 7],
    ['Portuguese, apostrophe and hyphen inside words', "d'água guarda-chuva", 18, 0, 2],
    ['a kanji beyond the basic plane (𠮟)', '𠮟る', 2, 2, 0],
    ['mixed: Japanese with an English name', '担当はSmithさんです', 12, 7, 1],
  ];
  test.each(cases)('%s', (_what, text, characters, japaneseCharacters, words) => {
    const count = countText(text);
    expect(count.characters).toBe(characters);
    expect(count.japaneseCharacters).toBe(japaneseCharacters);
    expect(count.words + (count.inWord && count.inWordHasLetter ? 1 : 0)).toBe(words);
  });

  test('a text counted piece by piece, split inside a word and inside a surrogate-free run, counts as a whole', () => {
    const text = 'Please bring your residence card 在留カード and your health insurance card.';
    const whole = countText(text);
    for (let split = 0; split <= text.length; split++) {
      expect(addText(addText(emptyCount, text.slice(0, split)), text.slice(split))).toEqual(whole);
    }
  });
});

describe('manuscript pages (原稿用紙換算, 400 characters a page)', () => {
  const cases: Array<[number, number]> = [
    [0, 0],
    [1, 1],
    [400, 1],
    [401, 2],
    [4_000, 10],
    [4_001, 11],
  ];
  test.each(cases)('%i characters fill %i pages', (characters, pages) => {
    expect(manuscriptPagesOf(characters)).toBe(pages);
  });

  test('the requester’s correction decides the pages; words have none', () => {
    expect(manuscriptPagesOfVolume({ countUnit: 'characters', counted: 900, correctedCount: null })).toBe(3);
    expect(manuscriptPagesOfVolume({ countUnit: 'characters', counted: 900, correctedCount: 1_200 })).toBe(3);
    expect(manuscriptPagesOfVolume({ countUnit: 'characters', counted: 900, correctedCount: 1_201 })).toBe(4);
    expect(manuscriptPagesOfVolume({ countUnit: 'words', counted: 900, correctedCount: null })).toBeNull();
  });
});

describe('the volume of a document', () => {
  const japanese = countText('外国人住民のための防災ガイド。避難所の場所を確認しましょう。'.repeat(10));
  const english = countText('A disaster guide for foreign residents. Check where your shelter is.');
  const numbersOnly = countText('— — —');
  // Each line: the document, its kind, its text's count (null: not extracted), its pages, the volume.
  const cases: Array<[string, Parameters<typeof volumeOf>, ReturnType<typeof volumeOf>]> = [
    [
      'a Japanese .docx is counted in characters',
      ['docx', japanese],
      { countUnit: 'characters', counted: japanese.characters, pageCount: null, problem: null },
    ],
    [
      'an English .txt is counted in words',
      ['txt', english],
      { countUnit: 'words', counted: 11, pageCount: null, problem: null },
    ],
    [
      'a Japanese PDF in characters, with its pages',
      ['pdf', japanese, 3],
      { countUnit: 'characters', counted: japanese.characters, pageCount: 3, problem: null },
    ],
    [
      'a scanned PDF (no text) by its pages, and says so',
      ['pdf', emptyCount, 4],
      { countUnit: 'pages', counted: 4, pageCount: 4, problem: 'no_text' },
    ],
    [
      'a text of dashes only cannot be counted',
      ['txt', numbersOnly],
      { countUnit: null, counted: null, pageCount: null, problem: 'no_text' },
    ],
    [
      'a photo of a notice cannot be counted',
      ['image', null],
      { countUnit: null, counted: null, pageCount: null, problem: 'image' },
    ],
    [
      'a spreadsheet’s text is not extracted',
      ['xlsx', null],
      { countUnit: null, counted: null, pageCount: null, problem: 'not_extracted' },
    ],
  ];
  test.each(cases)('%s', (_what, input, volume) => {
    expect(volumeOf(...input)).toEqual(volume);
  });
});
