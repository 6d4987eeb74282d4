import { describe, expect, it } from 'vitest';
import { loadLabelled, precision, recall, redactionScores, scoreLine, scoreLines, evalRedaction, type LabelledLine } from '../../scripts/eval/redaction.ts';
import { luhnValid } from '../../src/ingest/pii/card.ts';
import { ibanChecksumValid } from '../../src/ingest/pii/iban.ts';
import { nirKeyValid } from '../../src/ingest/pii/nir.ts';
import { PII_KINDS } from '../../src/ingest/pii/span.ts';

const lines = loadLabelled();
const spanText = (l: LabelledLine, i: number) => l.text.slice(l.gold[i].start, l.gold[i].end);

describe('the PII labelled set', () => {
  it('has hundreds of lines, both languages in both halves, every kind, and look-alike lines without spans', () => {
    expect(lines.length).toBeGreaterThanOrEqual(300);
    for (const half of ['dev', 'test'] as const) {
      const h = lines.filter((l) => l.half === half);
      expect(h.filter((l) => l.lang === 'fr').length).toBeGreaterThan(60);
      expect(h.filter((l) => l.lang === 'en').length).toBeGreaterThan(60);
      expect(h.filter((l) => l.gold.length === 0).length).toBeGreaterThan(50);
      for (const k of PII_KINDS) expect(h.some((l) => l.gold.some((g) => g.kind === k)), `${half} has ${k}`).toBe(true);
    }
  });

  it('splits by line parity, so the halves never share a line', () => {
    expect(lines.every((l) => l.half === (l.index % 2 === 0 ? 'dev' : 'test'))).toBe(true);
    const dev = new Set(lines.filter((l) => l.half === 'dev').map((l) => l.text));
    expect(lines.filter((l) => l.half === 'test' && dev.has(l.text))).toEqual([]);
  });

  it('labels only valid checksummed numbers as IBAN, CARD and NIR', () => {
    const IBAN_LENGTH: Record<string, number> = { FR: 27, BE: 16, GB: 22, CH: 21 };
    for (const l of lines) {
      l.gold.forEach((g, i) => {
        const compact = spanText(l, i).replace(/\s/g, '');
        if (g.kind === 'IBAN') {
          expect(ibanChecksumValid(compact), compact).toBe(true);
          expect(compact.length, compact).toBe(IBAN_LENGTH[compact.slice(0, 2)]);
        }
        if (g.kind === 'CARD') expect(luhnValid(compact), compact).toBe(true);
        if (g.kind === 'NIR') expect(nirKeyValid(compact.slice(0, 13), compact.slice(13)), compact).toBe(true);
      });
    }
  });
});

describe('redaction scoring', () => {
  const line: LabelledLine = {
    index: 0,
    half: 'dev',
    lang: 'en',
    text: 'Call (555) 123-4567 or write to a@b.com.',
    gold: [
      { kind: 'PHONE', start: 5, end: 19 },
      { kind: 'EMAIL', start: 32, end: 39 },
    ],
  };

  it('accepts a span that differs only by punctuation or spaces, and counts the rest as errors', () => {
    const r = scoreLine(line, [
      { kind: 'PHONE', start: 6, end: 19 }, // "555) 123-4567": the bracket only
      { kind: 'EMAIL', start: 32, end: 40 }, // "a@b.com.": the full stop only
    ]);
    expect(r.counts.get('PHONE')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(r.counts.get('EMAIL')).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('counts a partial span, a wrong kind and an extra span as misses and false positives', () => {
    const r = scoreLine(line, [
      { kind: 'PHONE', start: 5, end: 14 }, // "(555) 123": digits lost
      { kind: 'PHONE', start: 32, end: 39 }, // right place, wrong kind
      { kind: 'ADDRESS', start: 0, end: 4 },
    ]);
    expect(r.counts.get('PHONE')).toEqual({ tp: 0, fp: 2, fn: 1 });
    expect(r.counts.get('EMAIL')).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(r.counts.get('ADDRESS')).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(r.errors).toHaveLength(5);
  });

  it('gives recall 0 to a redactor that finds nothing and precision 1 when nothing was predicted', () => {
    const r = scoreLine(line, []);
    const s = scoreLines([]);
    expect(recall(r.counts.get('PHONE')!)).toBe(0);
    expect(precision(r.counts.get('PHONE')!)).toBe(1);
    expect(s.overall).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
});

describe('redaction quality on the held-out half of the labelled set', () => {
  const { test, dev } = redactionScores();

  it('reaches precision ≥ 0.95 and recall ≥ 0.90 overall on the test half', () => {
    expect(test.overall.tp + test.overall.fn).toBeGreaterThan(60);
    expect(precision(test.overall)).toBeGreaterThanOrEqual(0.95);
    expect(recall(test.overall)).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps every well-represented kind above precision 0.90 and recall 0.85 on the test half', () => {
    for (const [kind, c] of test.perKind) {
      if (c.tp + c.fn < 10) continue;
      expect(precision(c), `${kind} precision`).toBeGreaterThanOrEqual(0.9);
      expect(recall(c), `${kind} recall`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('scores the dev half at least as well as the floor too (a regression there shows first)', () => {
    expect(precision(dev.overall)).toBeGreaterThanOrEqual(0.95);
    expect(recall(dev.overall)).toBeGreaterThanOrEqual(0.9);
  });

  it('prints a Markdown table with every kind and both halves', () => {
    const md = evalRedaction();
    for (const k of PII_KINDS) expect(md).toContain(`| ${k} |`);
    expect(md).toContain('| **overall** |');
    expect(md).toMatch(/test precision/);
  });
});
