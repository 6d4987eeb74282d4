/** Minimal RFC 4180 CSV writing for the sample files (quotes only when needed). */

/** Quotes a cell when it contains the delimiter, a quote or a line break. */
export function csvCell(value: string | number | undefined, delimiter = ','): string {
  const s = value === undefined ? '' : String(value);
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) {
    return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/** A whole CSV document with CRLF line ends, as spreadsheet exports write them. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
  delimiter = ',',
): string {
  const line = (cells: readonly (string | number | undefined)[]) =>
    cells.map((c) => csvCell(c, delimiter)).join(delimiter);
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
