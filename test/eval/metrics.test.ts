import { describe, expect, it } from 'vitest';
import { bootstrapInterval, macroF1, multiLabelMacroF1 } from '../../scripts/eval/metrics.ts';

const LABELS = ['negative', 'neutral', 'positive'] as const;

/** n items whose prediction is right for the first `right` of them and wrong (negative -> positive) after. */
function items(n: number, right: number): { gold: string[]; pred: string[] } {
  const gold = Array.from({ length: n }, (_, i) => LABELS[i % 3]);
  const pred = gold.map((g, i) => (i < right ? g : g === 'positive' ? 'negative' : 'positive'));
  return { gold, pred };
}

describe('bootstrapInterval', () => {
  it('brackets the figure, repeats itself and narrows as the sample grows', () => {
    const small = items(60, 42);
    const big = items(3000, 2100);
    const stat = (s: { gold: string[]; pred: string[] }) => (ix: number[]) => macroF1(ix.map((i) => s.gold[i]), ix.map((i) => s.pred[i]), LABELS);
    const point = macroF1(small.gold, small.pred, LABELS);
    const [lo, hi] = bootstrapInterval(60, stat(small));
    expect(lo).toBeLessThan(point);
    expect(hi).toBeGreaterThan(point);
    expect(bootstrapInterval(60, stat(small))).toEqual([lo, hi]);
    const [blo, bhi] = bootstrapInterval(3000, stat(big));
    expect(bhi - blo).toBeLessThan((hi - lo) / 3);
  });

  it('has no width when every resample scores the same', () => {
    const gold = [new Set(['joy']), new Set(['neutral']), new Set(['anger'])];
    const stat = (ix: number[]) => multiLabelMacroF1(ix.map((i) => gold[i]), ix.map((i) => gold[i]), ['joy', 'neutral', 'anger']).f1;
    expect(bootstrapInterval(3, stat)).toEqual([1, 1]);
  });
});
