import { describe, expect, test } from 'vitest';
import { csvRecord } from './export';

describe('CSV records', () => {
  test('quotes what needs quoting, keeps numbers as numbers, and defuses formulas', () => {
    expect(csvRecord(['大阪市', 'a "quoted", text', 'two\nlines', -4500, null, '=SUM(A1)', '-1'])).toBe(
      '大阪市,"a ""quoted"", text","two\nlines",-4500,,\'=SUM(A1),\'-1\r\n',
    );
  });
});
