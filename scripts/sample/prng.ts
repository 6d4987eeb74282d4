/**
 * Seeded pseudo-random numbers for the sample generator, so `npm run sample` is byte-for-byte
 * reproducible. Uses mulberry32 (Tommy Ettinger's public-domain 32-bit generator) seeded through an
 * FNV-1a hash of a label, and `fork(label)` derives independent streams so that adding a message in one
 * file does not reshuffle every other file.
 */

import { fnv1a as hash32, mulberry32Step } from '../../src/core/prng.ts';

export { hash32 };

/** A deterministic random stream. */
export class Rng {
  private state: number;

  constructor(private readonly seedLabel: string) {
    this.state = hash32(seedLabel) || 1;
  }

  /** Next float in [0, 1). */
  next(): number {
    const [next, value] = mulberry32Step(this.state);
    this.state = next;
    return value;
  }

  /** An independent stream derived from this one's seed and a label. */
  fork(label: string): Rng {
    return new Rng(`${this.seedLabel}/${label}`);
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One key chosen with the given relative weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    const total = keys.reduce((s, k) => s + weights[k], 0);
    let r = this.next() * total;
    for (const k of keys) {
      r -= weights[k];
      if (r < 0) return k;
    }
    return keys[keys.length - 1];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `n` distinct elements (or all of them when fewer). */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}
