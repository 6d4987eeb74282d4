import { describe, expect, it } from 'vitest';
import { GroupMemo } from '../../src/insights/group-memo.ts';

/** One computation asking for `groups` (key → its facts), each value counted as the facts' sum. */
function compute(memo: GroupMemo<string, number>, groups: Record<string, readonly number[]>): Record<string, number> {
  const out: Record<string, number> = {};
  memo.begin();
  for (const [key, facts] of Object.entries(groups)) out[key] = memo.get(key, [facts], () => facts.reduce((a, b) => a + b, 0));
  memo.end();
  return out;
}

describe('the group memo', () => {
  it('reuses a group while its facts are the same objects, and counts again a group whose facts changed', () => {
    const memo = new GroupMemo<string, number>();
    const a = [1, 2];
    const b = [3];
    expect(compute(memo, { a, b })).toEqual({ a: 3, b: 3 });
    expect(memo.last).toEqual({ reused: 0, counted: 2 });
    expect(compute(memo, { a, b: [...b, 4] })).toEqual({ a: 3, b: 7 });
    expect(memo.last).toEqual({ reused: 1, counted: 1 });
    // Equal items in a new array are the same facts; an equal value that is another object is not.
    const objects = new GroupMemo<string, number>();
    const x = { n: 1 };
    objects.begin();
    objects.get('k', [[x]], () => 1);
    objects.get('k', [[x]], () => 2);
    expect(objects.last).toEqual({ reused: 1, counted: 1 });
    objects.get('k', [[{ n: 1 }]], () => 3);
    expect(objects.last).toEqual({ reused: 1, counted: 2 });
    objects.end();
  });

  it('keeps a few versions of a group (filtered views) and forgets one no recent computation used', () => {
    const memo = new GroupMemo<string, number>();
    const all = [1, 2, 3];
    const filtered = [1, 3];
    compute(memo, { g: all });
    compute(memo, { g: filtered });
    compute(memo, { g: all });
    expect(memo.last).toEqual({ reused: 1, counted: 0 });
    compute(memo, { g: filtered });
    expect(memo.last).toEqual({ reused: 1, counted: 0 });
    // Four computations without the filtered view: its version is forgotten, the whole view's kept.
    for (let i = 0; i < 4; i++) compute(memo, { g: all });
    compute(memo, { g: filtered });
    expect(memo.last).toEqual({ reused: 0, counted: 1 });
    compute(memo, { g: all });
    expect(memo.last).toEqual({ reused: 1, counted: 0 });
    // A group no computation asks for any more is forgotten whole.
    for (let i = 0; i < 4; i++) compute(memo, { h: [9] });
    compute(memo, { g: all });
    expect(memo.last).toEqual({ reused: 0, counted: 1 });
  });

  it('compares items with the comparison it is given', () => {
    const memo = new GroupMemo<string, string>((p, q) => p === q || (p instanceof Float64Array && q instanceof Float64Array && p[0] === q[0]));
    memo.begin();
    memo.get('v', [[Float64Array.of(1)]], () => 'first');
    expect(memo.get('v', [[Float64Array.of(1)]], () => 'second')).toBe('first');
    expect(memo.get('v', [[Float64Array.of(2)]], () => 'third')).toBe('third');
    memo.end();
  });
});
