/**
 * Personal-data redaction measured on the project's own labelled set (test/fixtures/pii-labelled.jsonl,
 * all made-up lines). The set is split by a fixed rule — data line index even: "dev" (the half the
 * rules were developed on), odd: "test" (held out) — and precision and recall are reported per
 * placeholder kind on each half separately, so the test figure is not flattered by tuning.
 *
 * A gold span is found when a predicted span of the same kind overlaps it and the two texts are equal
 * once spaces and punctuation are ignored ("(555) 123-4567" vs "555) 123-4567."). Every predicted
 * span that matches no gold span is a false positive; every unmatched gold span is a false negative.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findPii } from '../../src/ingest/pii/redact.ts';
import { PII_KINDS, type PiiKind, type PiiSpan } from '../../src/ingest/pii/span.ts';

/** One labelled line with its gold spans located in the text. */
export interface LabelledLine {
  index: number;
  half: 'dev' | 'test';
  lang: 'fr' | 'en';
  text: string;
  gold: PiiSpan[];
}

/** Counts for one kind (or overall). */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** A redaction mistake, for looking at the dev half while developing rules. */
export interface RedactionError {
  index: number;
  type: 'false positive' | 'missed';
  kind: PiiKind;
  span: string;
  text: string;
}

export const LABELLED_PATH = fileURLToPath(new URL('../../test/fixtures/pii-labelled.jsonl', import.meta.url));

interface RawLine {
  text?: unknown;
  lang?: unknown;
  spans?: { kind: string; text: string }[];
}

/** Reads the labelled set; the first line (an object without "text") is its header and is skipped. */
export function loadLabelled(path = LABELLED_PATH): LabelledLine[] {
  const out: LabelledLine[] = [];
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  for (const [n, line] of lines.entries()) {
    const raw = JSON.parse(line) as RawLine;
    if (typeof raw.text !== 'string') continue;
    const index = out.length;
    const text = raw.text;
    const gold: PiiSpan[] = [];
    let from = 0;
    for (const s of raw.spans ?? []) {
      if (!(PII_KINDS as readonly string[]).includes(s.kind)) throw new Error(`pii-labelled line ${n + 1}: unknown kind ${s.kind}`);
      const at = text.indexOf(s.text, from);
      if (at < 0) throw new Error(`pii-labelled line ${n + 1}: span "${s.text}" not found in order`);
      gold.push({ kind: s.kind as PiiKind, start: at, end: at + s.text.length });
      from = at + s.text.length;
    }
    out.push({ index, half: index % 2 === 0 ? 'dev' : 'test', lang: raw.lang === 'en' ? 'en' : 'fr', text, gold });
  }
  return out;
}

/** The text of a span with spaces and punctuation removed, for tolerant comparison. */
function core(text: string, s: PiiSpan): string {
  return text.slice(s.start, s.end).replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Matches predicted against gold spans of one line; returns per-kind counts and the mistakes. */
export function scoreLine(line: LabelledLine, predicted: PiiSpan[] = findPii(line.text)): { counts: Map<PiiKind, Counts>; errors: RedactionError[] } {
  const counts = new Map<PiiKind, Counts>(PII_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const errors: RedactionError[] = [];
  const used = new Set<number>();
  for (const g of line.gold) {
    const c = counts.get(g.kind)!;
    const hit = predicted.findIndex(
      (p, i) => !used.has(i) && p.kind === g.kind && p.start < g.end && g.start < p.end && core(line.text, p) === core(line.text, g),
    );
    if (hit >= 0) {
      used.add(hit);
      c.tp++;
    } else {
      c.fn++;
      errors.push({ index: line.index, type: 'missed', kind: g.kind, span: line.text.slice(g.start, g.end), text: line.text });
    }
  }
  predicted.forEach((p, i) => {
    if (used.has(i)) return;
    counts.get(p.kind)!.fp++;
    errors.push({ index: line.index, type: 'false positive', kind: p.kind, span: line.text.slice(p.start, p.end), text: line.text });
  });
  return { counts, errors };
}

/** Per-kind and overall counts over a list of lines. */
export function scoreLines(lines: LabelledLine[]): { perKind: Map<PiiKind, Counts>; overall: Counts; errors: RedactionError[] } {
  const perKind = new Map<PiiKind, Counts>(PII_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const errors: RedactionError[] = [];
  for (const line of lines) {
    const r = scoreLine(line);
    for (const [k, c] of r.counts) {
      const t = perKind.get(k)!;
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
    }
    errors.push(...r.errors);
  }
  const overall = { tp: 0, fp: 0, fn: 0 };
  for (const c of perKind.values()) {
    overall.tp += c.tp;
    overall.fp += c.fp;
    overall.fn += c.fn;
  }
  return { perKind, overall, errors };
}

/** Precision; 1 when nothing was predicted (no false positive was made). */
export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

/** Recall; 1 when there was nothing to find. */
export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}

/** Scores of the dev and test halves of the labelled set. */
export function redactionScores(path = LABELLED_PATH): Record<'dev' | 'test', ReturnType<typeof scoreLines> & { lines: number }> {
  const all = loadLabelled(path);
  const dev = all.filter((l) => l.half === 'dev');
  const test = all.filter((l) => l.half === 'test');
  return { dev: { ...scoreLines(dev), lines: dev.length }, test: { ...scoreLines(test), lines: test.length } };
}

/**
 * Markdown table of redaction precision and recall per placeholder kind and overall (micro-averaged),
 * on the dev and test halves of the labelled set; n is the number of gold spans.
 */
export function evalRedaction(): string {
  const s = redactionScores();
  const f = (x: number) => x.toFixed(3);
  const cell = (c: Counts) => `${c.tp + c.fp === 0 ? '—' : f(precision(c))} | ${c.tp + c.fn === 0 ? '—' : f(recall(c))} | ${c.tp + c.fn}`;
  const out = [
    `## Personal-data redaction (labelled set: ${s.dev.lines} dev + ${s.test.lines} test lines, fr + en)`,
    '',
    'Precision / recall of the placeholders per kind; n = gold spans. Rules were developed on the dev half only.',
    '',
    '| kind | dev precision | dev recall | dev n | test precision | test recall | test n |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const k of PII_KINDS) out.push(`| ${k} | ${cell(s.dev.perKind.get(k)!)} | ${cell(s.test.perKind.get(k)!)} |`);
  out.push(`| **overall** | ${cell(s.dev.overall)} | ${cell(s.test.overall)} |`);
  return out.join('\n');
}
