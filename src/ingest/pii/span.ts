/**
 * Shared vocabulary of the redaction pipeline: the placeholder kinds and the spans detectors report.
 * Detectors return ranges over the text they are given; the pipeline (pipeline.ts) maps them back to
 * the original text, so the evaluation measures exactly what ingest stores.
 */

/** Every typed placeholder the redactor writes, as `[KIND]`. */
export const PII_KINDS = ['EMAIL', 'IBAN', 'NIR', 'CARD', 'DOB', 'PHONE', 'ADDRESS'] as const;

/** One placeholder kind. */
export type PiiKind = (typeof PII_KINDS)[number];

/** A half-open character range [start, end) in some text. */
export type Range = readonly [start: number, end: number];

/** A redacted span of the original text and the kind of placeholder that replaced it. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

/**
 * A detector finds non-overlapping ranges, in increasing order, in a text where earlier detectors
 * may already have written placeholders (so it must treat `[EMAIL]` and the like as opaque words).
 */
export interface Detector {
  readonly kind: PiiKind;
  find(text: string): Range[];
}

/** The placeholder written for a kind. */
export function placeholder(kind: PiiKind): string {
  return `[${kind}]`;
}

/** Collects the ranges of every match of a global regex, keeping those the filter accepts. */
export function regexRanges(text: string, re: RegExp, accept: (m: RegExpExecArray) => Range | null = (m) => [m.index, m.index + m[0].length]): Range[] {
  const out: Range[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const r = accept(m);
    if (r) out.push(r);
  }
  return out;
}

/** Replaces ranges (sorted, non-overlapping) of a text with one placeholder. */
export function replaceRanges(text: string, ranges: readonly Range[], kind: PiiKind): string {
  let out = '';
  let pos = 0;
  for (const [s, e] of ranges) {
    out += text.slice(pos, s) + placeholder(kind);
    pos = e;
  }
  return out + text.slice(pos);
}
