import { describe, expect, it } from 'vitest';
import { findNearDuplicates, jaccard, minhash, shingles, signatureSimilarity, templateSimilarity } from '../../src/act/coach/near-duplicates.ts';

const P = { size: 3, hashes: 64, seed: 1997 };
const A = 'Thanks for reaching out! Our team is looking into your request and will reply within two working days.';

describe('w-shingling and Jaccard (Broder 1997)', () => {
  it('gives 1 for the same text, ignoring case, accents and numbers', () => {
    expect(jaccard(shingles(A, 3), shingles(A.toUpperCase(), 3))).toBe(1);
    expect(jaccard(shingles('Commande 12345 expédiée', 3), shingles('commande 99 expediee', 3))).toBe(1);
  });

  it('drops with each edit and is 0 for unrelated texts', () => {
    const one = jaccard(shingles(A, 3), shingles(A.replace('two', 'three'), 3));
    const two = jaccard(shingles(A, 3), shingles(A.replace('two', 'three').replace('request', 'parcel'), 3));
    expect(one).toBeLessThan(1);
    expect(two).toBeLessThan(one);
    expect(jaccard(shingles(A, 3), shingles('Le technicien passe demain matin chez vous.', 3))).toBe(0);
  });

  it('MinHash estimates Jaccard within a few points', () => {
    const b = A.replace('Our team is', 'Jo from our team is');
    const exact = jaccard(shingles(A, 3), shingles(b, 3));
    const est = signatureSimilarity(minhash(shingles(A, 3), P), minhash(shingles(b, 3), P));
    expect(Math.abs(est - exact)).toBeLessThan(0.2);
    expect(minhash(shingles(A, 3), P)).toEqual(minhash(shingles(A, 3), P));
  });
});

describe('findNearDuplicates', () => {
  it('pairs replies sent to different customers only', () => {
    const items = [
      { id: 'x', customer: 'Where is my parcel?', reply: A },
      { id: 'y', customer: 'My invoice is wrong.', reply: A.replace('two', 'three') },
      { id: 'z', customer: 'My invoice is wrong.', reply: 'I have corrected invoice 4471 and refunded the 12 euros today.' },
      { id: 'w', customer: 'Where is my parcel?', reply: A },
    ];
    const ctx = findNearDuplicates(items, P, 0.6);
    expect(ctx[0].duplicateOf?.id).toBe('y');
    expect(ctx[1].duplicateOf?.id).toBe('x');
    expect(ctx[2]).toEqual({});
    // w's exact twin x went to the same customer; y went to another one.
    expect(ctx[3].duplicateOf?.id).toBe('y');
    expect(ctx[0].duplicateOf?.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('honours the threshold', () => {
    const items = [
      { id: 1, customer: 'a b c', reply: A },
      { id: 2, customer: 'd e f', reply: A.replace('Thanks for reaching out!', 'Hello Maria, sorry about the broken lamp.') },
    ];
    const sim = jaccard(shingles(items[0].reply, 3), shingles(items[1].reply, 3));
    expect(findNearDuplicates(items, P, sim - 0.01)[0].duplicateOf?.id).toBe(2);
    expect(findNearDuplicates(items, P, sim + 0.01)[0]).toEqual({});
  });

  it('scales past pairwise comparison (LSH): 3000 replies, one template pair found', () => {
    const items: { id: string | number; customer: string; reply: string }[] = Array.from({ length: 3000 }, (_, i) => ({ id: i, customer: `customer ${i}`, reply: `Order ${i}: the ${['red', 'blue', 'green'][i % 3]} ${['chair', 'lamp', 'desk', 'sofa'][i % 4]} ships on day ${i % 7} via carrier ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))} with note ${i * 13}` }));
    items.push({ id: 'dup1', customer: 'p', reply: A }, { id: 'dup2', customer: 'q', reply: A });
    const ctx = findNearDuplicates(items, P, 0.8);
    expect(ctx.at(-1)?.duplicateOf?.id).toBe('dup1');
    expect(ctx.at(-2)?.duplicateOf?.id).toBe('dup2');
  });
});

describe('templateSimilarity', () => {
  it('is high for a known template, low otherwise, 0 without templates', () => {
    const templates = [minhash(shingles(A, 3), P)];
    expect(templateSimilarity(A, templates, P)).toBe(1);
    expect(templateSimilarity('I have booked the engineer for Friday at 9.', templates, P)).toBeLessThan(0.2);
    expect(templateSimilarity(A, [], P)).toBe(0);
  });
});
