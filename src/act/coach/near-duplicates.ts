/**
 * Near-duplicate replies, after Broder (1997), "On the resemblance and containment of documents":
 * a reply is the set of its w-word shingles; two replies resemble each other by the Jaccard index of
 * those sets, estimated from MinHash signatures (the share of equal minima under K hash functions).
 * In a batch, signatures are split into bands (locality-sensitive hashing) so only replies sharing
 * a band are compared exactly: linear in the batch instead of quadratic. A reply that nearly
 * duplicates one sent to a *different* customer is a template: it did not depend on the message.
 */
import type { BatchContext } from './coach-model.ts';
import { foldText, wordsOf } from './text-units.ts';

/** Shingling and MinHash parameters (stored in the model so training and runtime agree). */
export interface ShingleParams {
  size: number;
  hashes: number;
  seed: number;
}

/** FNV-1a over a string: the shingle's 32-bit identity. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Murmur3's finaliser: a cheap, well-mixed family of hash functions indexed by `salt`. */
function mix(x: number, salt: number): number {
  let h = (x ^ salt) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The reply's w-shingles, hashed. Numbers are masked so that the same template with another
 * order number or date is still the same template.
 */
export function shingles(text: string, size: number): Set<number> {
  const words = wordsOf(foldText(text)).map((w) => (/^\d/.test(w) ? '#' : w));
  const out = new Set<number>();
  if (words.length < size) {
    if (words.length > 0) out.add(hashString(words.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(hashString(words.slice(i, i + size).join(' ')));
  return out;
}

/** Exact Jaccard index |A ∩ B| / |A ∪ B| (0 for two empty sets). */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** MinHash signature: for each of K salted hash functions, the minimum over the shingles. */
export function minhash(set: ReadonlySet<number>, p: ShingleParams): number[] {
  const sig = new Array<number>(p.hashes).fill(0xffffffff);
  for (const x of set) {
    for (let k = 0; k < p.hashes; k++) {
      const h = mix(x, (p.seed + Math.imul(k + 1, 0x9e3779b1)) >>> 0);
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard index of two signatures: the share of positions where they agree. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / Math.max(1, a.length);
}

/** Members of an LSH bucket every other member is compared with (see findNearDuplicates). */
const BUCKET_HEAD = 8;

/** A reply of the batch, as near-duplicate search needs it. */
export interface BatchReply {
  id: string | number | null;
  customer: string;
  reply: string;
}

/**
 * For each reply, its most similar reply in the batch sent to a different customer, when the exact
 * shingle Jaccard reaches `threshold`. Candidates come from LSH bands of 2 rows: at the thresholds
 * used (≥ 0.5) a pair shares no band with probability below 1e-4.
 */
export function findNearDuplicates(items: readonly BatchReply[], p: ShingleParams, threshold: number): BatchContext[] {
  const sets = items.map((it) => shingles(it.reply, p.size));
  const sigs = sets.map((s) => minhash(s, p));
  const customers = items.map((it) => foldText(it.customer).replace(/\s+/g, ' ').trim());
  const rows = 2;
  const candidates = new Map<number, Set<number>>();
  for (let band = 0; band * rows < p.hashes; band++) {
    const buckets = new Map<string, number[]>();
    sigs.forEach((sig, i) => {
      if (sets[i].size === 0) return;
      const key = sig.slice(band * rows, band * rows + rows).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i); else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      // A template sent a thousand times makes a bucket of a thousand: linking every member to the
      // bucket's first few and to its neighbours keeps the work linear and still finds a twin.
      bucket.forEach((i, pos) => {
        let c = candidates.get(i);
        if (!c) candidates.set(i, (c = new Set()));
        for (let q = 0; q < Math.min(bucket.length, BUCKET_HEAD); q++) if (q !== pos) c.add(bucket[q]);
        for (let q = Math.max(0, pos - 2); q <= Math.min(bucket.length - 1, pos + 2); q++) if (q !== pos) c.add(bucket[q]);
      });
    }
  }
  return items.map((_, i) => {
    let best: BatchContext = {};
    let bestSim = -1;
    // Ascending order: on a tie the earlier reply is named, whatever order candidates were found in.
    for (const j of [...(candidates.get(i) ?? [])].sort((a, b) => a - b)) {
      if (customers[j] === customers[i]) continue;
      const sim = jaccard(sets[i], sets[j]);
      if (sim >= threshold && sim > bestSim) {
        bestSim = sim;
        best = { duplicateOf: { id: items[j].id, similarity: Math.round(sim * 1000) / 1000 } };
      }
    }
    return best;
  });
}

/** Highest estimated similarity of a reply to any known template signature (0 when there are none). */
export function templateSimilarity(reply: string, templates: readonly number[][], p: ShingleParams): number {
  if (templates.length === 0) return 0;
  const sig = minhash(shingles(reply, p.size), p);
  let best = 0;
  for (const t of templates) best = Math.max(best, signatureSimilarity(sig, t));
  return best;
}
