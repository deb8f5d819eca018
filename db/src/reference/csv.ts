/** One field and the delimiter after it: a quoted field (with "" for a quote) or a plain one. */
const fieldPattern = /(?:"((?:[^"]|"")*)"|([^,"\r\n]*))(,|\r?\n|$)/y;

/**
 * Records of an RFC 4180 CSV text as objects keyed by the header row: quoted fields may hold commas,
 * doubled quotes and line breaks; a leading byte-order mark and CRLF line ends are accepted.
 */
export function parseCsv(text: string): Array<Record<string, string>> {
  const input = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  fieldPattern.lastIndex = 0;
  while (fieldPattern.lastIndex < input.length) {
    const start = fieldPattern.lastIndex;
    const match = fieldPattern.exec(input);
    if (!match) throw new Error(`malformed CSV at character ${start}`);
    const [, quoted, plain, delimiter] = match;
    row.push(quoted === undefined ? (plain ?? '') : quoted.replaceAll('""', '"'));
    if (delimiter !== ',') {
      rows.push(row);
      row = [];
      // An empty match at the very end would not move on.
      if (delimiter === '') break;
    }
  }
  // The text ended right after a comma: the last field is empty.
  if (row.length > 0) rows.push([...row, '']);

  const [header, ...records] = rows;
  if (!header) return [];
  return records.map((values, index) => {
    if (values.length !== header.length) {
      throw new Error(`CSV record ${index + 1} has ${values.length} fields where the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, column) => [name, values[column] ?? '']));
  });
}
