/**
 * Deterministic randomness shared by everything that must be reproducible run after run: clustering
 * (insights), the sample generator, training shuffles and the benchmark's synthetic data.
 */

/** FNV-1a 32-bit hash of a string (Fowler, Noll, Vo): seeds and deterministic splits. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** One step of mulberry32 (Tommy Ettinger's public-domain generator): next state and a float in [0, 1). */
export function mulberry32Step(state: number): [next: number, value: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [next, ((t ^ (t >>> 14)) >>> 0) / 4294967296];
}

/** A seeded stream of floats in [0, 1) (mulberry32). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const [next, value] = mulberry32Step(state);
    state = next;
    return value;
  };
}
