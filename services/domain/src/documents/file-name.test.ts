import { describe, expect, test } from 'vitest';
import { isAcceptableFileName } from './file-name';

describe('file names an upload may keep', () => {
  const cases: Array<[string, string, boolean]> = [
    ['a Japanese name', '防災ガイド（やさしい日本語）.docx', true],
    ['an English name with spaces', 'School letter April.pdf', true],
    ['a folder with a slash', '../etc/passwd', false],
    ['a Windows folder', 'C:\\Users\\staff\\letter.docx', false],
    ['a newline (header injection)', 'letter.pdf\r\nSet-Cookie: x', false],
    ['a NUL', 'letter\u0000.pdf', false],
    ['a right-to-left override that hides .exe', 'invoice\u202excod.exe', false],
    ['nothing', '', false],
    ['blank', '   ', false],
    ['a dot', '.', false],
    ['two dots', '..', false],
    ['200 characters', `${'あ'.repeat(195)}.docx`, true],
    ['201 characters', `${'あ'.repeat(196)}.docx`, false],
  ];
  test.each(cases)('%s', (_what, name, acceptable) => {
    expect(isAcceptableFileName(name)).toBe(acceptable);
  });
});
