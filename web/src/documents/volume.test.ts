import { describe, expect, test } from 'vitest';
import { volumeFromDocuments } from './volume';

const document = (values: Partial<Parameters<typeof volumeFromDocuments>[0][number]>) => ({
  countUnit: null,
  counted: null,
  correctedCount: null,
  pageCount: null,
  ...values,
});

describe('the volume a translation request takes from its documents', () => {
  test.each([
    ['nothing uploaded', [], null],
    [
      'two Japanese texts add up their characters',
      [
        document({ countUnit: 'characters', counted: 900 }),
        document({ countUnit: 'characters', counted: 400, correctedCount: 450 }),
      ],
      { volume: 1350, volumeUnit: 'characters' },
    ],
    [
      'an English PDF by its pages',
      [document({ countUnit: 'words', counted: 300, pageCount: 2 })],
      { volume: 2, volumeUnit: 'pages' },
    ],
    [
      'a scan and a PDF by their pages',
      [
        document({ countUnit: 'pages', counted: 3, pageCount: 3 }),
        document({ countUnit: 'words', counted: 30, pageCount: 1 }),
      ],
      { volume: 4, volumeUnit: 'pages' },
    ],
    ['an English .docx has no pages: typed by hand', [document({ countUnit: 'words', counted: 300 })], null],
    ['an image alone: typed by hand', [document({ countProblem: 'image' } as never)], null],
  ] as const)('%s', (_what, documents, volume) => {
    expect(volumeFromDocuments(documents as never)).toEqual(volume);
  });
});
