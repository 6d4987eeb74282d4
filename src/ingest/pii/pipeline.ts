import { placeholder, type Detector, type PiiSpan } from './span.ts';

/** The outcome of running detectors: the redacted text and what was replaced, in original offsets. */
export interface Redaction {
  text: string;
  spans: PiiSpan[];
}

/**
 * Runs detectors one after another, each over the output of the previous ones (so an earlier
 * placeholder can never be half-matched by a later pattern), while tracking, for every character of
 * the current text, which original characters it stands for. A placeholder character stands for its
 * whole original span, so a later range touching a placeholder absorbs that span.
 */
export function runDetectors(original: string, detectors: readonly Detector[]): Redaction {
  let text = original;
  // from[i]..to[i]: the original range behind current character i; null until something is replaced.
  let from: number[] | null = null;
  let to: number[] | null = null;
  let spans: PiiSpan[] = [];
  for (const d of detectors) {
    const ranges = d.find(text);
    if (ranges.length === 0) continue;
    if (!from || !to) {
      from = Array.from({ length: text.length }, (_, i) => i);
      to = from.map((i) => i + 1);
    }
    let next = '';
    const nFrom: number[] = [];
    const nTo: number[] = [];
    let pos = 0;
    const added: PiiSpan[] = [];
    for (const [s, e] of ranges) {
      if (s < pos || e <= s || e > text.length) continue; // defensive: overlapping or empty range
      next += text.slice(pos, s);
      for (let i = pos; i < s; i++) {
        nFrom.push(from[i]);
        nTo.push(to[i]);
      }
      const span: PiiSpan = { kind: d.kind, start: from[s], end: to[e - 1] };
      const ph = placeholder(d.kind);
      next += ph;
      for (let k = 0; k < ph.length; k++) {
        nFrom.push(span.start);
        nTo.push(span.end);
      }
      added.push(span);
      pos = e;
    }
    next += text.slice(pos);
    for (let i = pos; i < text.length; i++) {
      nFrom.push(from[i]);
      nTo.push(to[i]);
    }
    // An earlier span swallowed by a new one is no longer visible in the output.
    spans = spans.filter((old) => !added.some((a) => a.start <= old.start && old.end <= a.end)).concat(added);
    text = next;
    from = nFrom;
    to = nTo;
  }
  spans.sort((a, b) => a.start - b.start);
  return { text, spans };
}
