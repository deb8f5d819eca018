import { describe, expect, test } from 'vitest';
import { csvRecord, type ExportLine, kindLabels, lineColumns, statusLabels } from './export';

describe('CSV records', () => {
  test('quotes what needs quoting, keeps numbers as numbers, and defuses formulas', () => {
    expect(csvRecord(['大阪市', 'a "quoted", text', 'two\nlines', -4500, null, '=SUM(A1)', '-1'])).toBe(
      '大阪市,"a ""quoted"", text","two\nlines",-4500,,\'=SUM(A1),\'-1\r\n',
    );
  });
});

const noteColumn = lineColumns.find((column) => column.label.en === 'Note');
const line = (values: Pick<ExportLine, 'note' | 'basis'>) => values as ExportLine;

test('the note of a priced line reads in the export’s language; a written note stays as written', () => {
  const basis = { ja: '実費640円', en: 'actual fare ¥640' };
  expect(noteColumn?.value(line({ note: null, basis }), 'ja')).toBe('実費640円');
  expect(noteColumn?.value(line({ note: null, basis }), 'en')).toBe('actual fare ¥640');
  expect(noteColumn?.value(line({ note: '領収書あり', basis }), 'en')).toBe('領収書あり');
  expect(noteColumn?.value(line({ note: null, basis: null }), 'ja')).toBeNull();
});

test('the export’s words are the glossary’s', () => {
  expect(kindLabels.honorarium.ja).toBe('謝金');
  expect(statusLabels.approved.ja).toBe('承認済み');
});
