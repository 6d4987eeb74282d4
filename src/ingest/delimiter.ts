/** Delimiters recognised in CSV-like exports: comma (RFC 4180), semicolon (French Excel), tab (TSV). */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts delimiter occurrences per physical record, ignoring anything inside double quotes. */
function countsPerLine(sample: string, delim: string, maxLines: number): number[] {
  const counts: number[] = [];
  let inQuote = false;
  let n = 0;
  for (let i = 0; i < sample.length && counts.length < maxLines; i++) {
    const c = sample[i];
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && c === delim) n++;
    else if (!inQuote && c === '\n') {
      counts.push(n);
      n = 0;
    }
  }
  if (counts.length < maxLines && n > 0) counts.push(n);
  return counts;
}

/**
 * Picks the delimiter from the first lines: the candidate that appears in the header and gives the
 * same count on the most following lines wins; ties go to the one splitting the header the most.
 */
export function detectDelimiter(sample: string, fallback: Delimiter = ','): Delimiter {
  let best: Delimiter = fallback;
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = countsPerLine(sample, d, 20);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const rest = counts.slice(1);
    const consistent = rest.length === 0 ? 1 : rest.filter((c) => c === header).length / rest.length;
    const score = consistent * 1000 + Math.min(header, 999);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}
