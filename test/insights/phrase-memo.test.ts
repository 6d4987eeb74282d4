import { describe, expect, it } from 'vitest';
import type { MessageFact } from '../../src/core/facts.ts';
import { discoverThemes } from '../../src/insights/discovered-themes.ts';
import { PhraseMemo, PhraseTable } from '../../src/insights/phrase-memo.ts';
import { message } from './fixtures.ts';

const FILLER = [
  'Bonjour, je voudrais savoir quand ma commande arrivera chez moi.',
  'Le service client a été très aimable au téléphone hier.',
  'Merci pour votre réponse rapide, tout est réglé maintenant.',
  'Impossible de modifier mon adresse de livraison sur le site.',
];

/** Messages with two planted recurring phrases (one per half) among filler, some tagged with a brand. */
function facts(from: number, to: number, brand: string | null = null): MessageFact[] {
  const out: MessageFact[] = [];
  for (let i = from; i < to; i++) {
    out.push(message({ messageId: `f${i}`, text: `${FILLER[i % FILLER.length]} (${i})`, brand }));
    const planted = i % 2 === 0
      ? `Ma carte de fidélité bloquée depuis ${i} jours, impossible de payer.`
      : `Le parking souterrain fermé encore ce matin, ticket ${i} perdu.`;
    out.push(message({ messageId: `p${i}`, text: planted, brand, a: { themes: ['technical'], evidence: { technical: 'impossible de payer' } } }));
  }
  return out;
}

describe('the phrase memo', () => {
  it('gives discovered themes equal to a computation without it, as messages arrive, change, go and get a brand', () => {
    const memo = new PhraseMemo();
    const steps: MessageFact[][] = [
      facts(0, 20),
      facts(0, 30), // new messages
      facts(0, 30).map((m) => (m.messageId === 'p4' ? { ...m, text: 'Carte de fidélité bloquée, parking souterrain fermé aussi.' } : m)), // re-worded
      facts(10, 30), // deleted
      facts(10, 30, 'Carte Plus'), // a brand whose words become stopwords
    ];
    for (const step of steps) {
      const expected = discoverThemes(step, { minCount: 3 });
      expect(expected.length).toBeGreaterThan(0);
      expect(discoverThemes(step, { minCount: 3, memo })).toEqual(expected);
    }
    // The brand's words are stopwords: its themes no longer contain "carte".
    expect(discoverThemes(steps[4], { minCount: 3, memo }).flatMap((t) => t.terms)).not.toContain('carte');
  });

  it('keeps finding the recurring phrases when the rarest are pruned to bound the count table (lossy counting)', () => {
    const step = facts(0, 30);
    const exact = discoverThemes(step, { minCount: 3 });
    const pruned = discoverThemes(step, { minCount: 3, pruneAt: 20, memo: new PhraseMemo() });
    // The two planted phrases (in every other message) survive with their counts; rarer filler may not.
    expect(pruned.slice(0, 2).map((t) => [t.label, t.messages])).toEqual(exact.slice(0, 2).map((t) => [t.label, t.messages]));
    expect(pruned.length).toBeLessThan(exact.length);
  });

  it('extracts a text once across computations, and the same text once within one', () => {
    const table = new PhraseTable();
    let extracted = 0;
    const extract = (text: string) => () => {
      extracted++;
      return text.split(' ');
    };
    table.begin();
    for (const t of ['a b', 'c d', 'a b']) table.of(t, extract(t));
    table.end();
    expect(extracted).toBe(2);
    table.begin();
    const ids = table.of('c d', extract('c d'));
    table.of('e f', extract('e f'));
    table.end();
    expect(extracted).toBe(3);
    expect([...ids].map((id) => table.keys[id])).toEqual(['c', 'd']);
  });

  it('forgets texts no longer asked for once past its slack, and starts again past its phrase limit', () => {
    const table = new PhraseTable(0, 2, 1_000);
    const pass = (texts: string[]) => {
      table.begin();
      for (const t of texts) table.of(t, () => [t]);
      table.end();
    };
    pass(['a', 'b', 'c', 'd', 'e']);
    pass(['a']);
    expect(table.size).toBe(5); // asked for one computation ago: kept
    pass(['a']);
    expect(table.size).toBe(1);
    const small = new PhraseTable(10, 4, 3);
    small.begin();
    for (const t of ['w', 'x', 'y', 'z']) small.of(t, () => [t]);
    small.end();
    expect(small.size).toBe(0);
    expect(small.keys).toEqual([]);
  });

  it('keeps a table per language and replaces it when the stopword signature changes', () => {
    const memo = new PhraseMemo();
    const fr = memo.table('fr', '');
    expect(memo.table('fr', '')).toBe(fr);
    expect(memo.table('en', '')).not.toBe(fr);
    expect(memo.table('fr', 'azur')).not.toBe(fr);
  });
});
