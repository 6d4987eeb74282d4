import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/analyze/cx/canon.ts';
import { compileMatcher, findMatches } from '../../src/analyze/cx/matcher.ts';
import { tokenize } from '../../src/analyze/text.ts';

function run(patterns: Record<string, string[]>, text: string, lang: 'fr' | 'en' = 'fr') {
  const tokens = tokenize(text);
  return findMatches(compileMatcher(patterns, lang), canonicalize(tokens, lang), tokens, text);
}

describe('canonicalize', () => {
  it('expands French elisions and SMS spellings to the same tokens', () => {
    const norm = (t: string) => canonicalize(tokenize(t), 'fr').map((c) => c.norm).join(' ');
    expect(norm("j'ai")).toBe(norm('jai'));
    expect(norm('jsuis déçu')).toBe(norm('je suis decu'));
    expect(norm('c nul')).toBe(norm("c'est nul"));
    expect(norm('pkoi')).toBe('pourquoi');
  });
  it('expands English contractions written without apostrophe', () => {
    const norm = (t: string) => canonicalize(tokenize(t), 'en').map((c) => c.norm).join(' ');
    expect(norm('I didnt get it')).toBe(norm("I didn't get it"));
  });
  it('merges an ordinal suffix into its number', () => {
    const c = canonicalize(tokenize('la 4e fois'), 'fr');
    expect(c.map((x) => x.norm)).toEqual(['la', '4', 'fois']);
    expect(c[1].num).toBe(true);
  });
});

describe('findMatches', () => {
  it('matches accents-free, with wildcards, prefixes, alternatives and optional slots', () => {
    const p = { a: ['# fois que je appelle'], b: ['annul*'], c: ['vol|train ~tres en retard'] };
    const text = "C'est la 3e fois que j'appelle : train très en retard, vol annulé";
    const keys = run(p, text).map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['a', 'b', 'c']));
  });
  it('returns verbatim evidence spans that are substrings of the text', () => {
    const text = 'Mon colis est ARRIVÉ cassé, jsuis dégoûté';
    for (const m of run({ x: ['arrive casse'], y: ['je suis degoute'] }, text)) {
      expect(text).toContain(m.text);
      expect(text.slice(m.from, m.to)).toBe(m.text);
    }
    expect(run({ x: ['arrive casse'] }, text)[0].text).toBe('ARRIVÉ cassé');
  });
  it('flags negated matches unless the pattern opts out with !', () => {
    const [m] = run({ d: ['retard'] }, 'pas de retard cette fois');
    expect(m.negated).toBe(true);
    const [n] = run({ d: ['!retard'] }, 'pas de retard cette fois');
    expect(n.negated).toBe(false);
    const [o] = run({ d: ['delay*'] }, "there wasn't any delay", 'en');
    expect(o.negated).toBe(true);
  });
  it('does not carry negation across a clause boundary', () => {
    const [m] = run({ d: ['retard'] }, 'pas grave, mais retard énorme');
    expect(m.negated).toBe(false);
  });
  it('rejects an empty pattern slot with a message naming it', () => {
    expect(() => compileMatcher({ k: ['a @ b'] }, 'fr')).toThrow(/empty slot/);
  });
});
