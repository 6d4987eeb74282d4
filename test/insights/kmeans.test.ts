/**
 * k-means skips the points whose bounds prove they keep their centroid (Hamerly 2010). That must not
 * change a single bit of the result: checked against plain Lloyd iterations written out here, on
 * blobs, on integer lattices full of exact ties, on duplicated points, for k = 1 to 6 and several seeds.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/prng.ts';
import { dist2, kmeans, seedCentroids, simplifiedSilhouette, type KMeansResult } from '../../src/insights/stats/kmeans.ts';

/** The reference: the same k-means++ seeds, then Lloyd's iterations computing every distance. */
function lloyd(points: Float64Array[], k: number, seed: number, maxIter = 30): KMeansResult {
  const n = points.length;
  const centroids = seedCentroids(points, k, seed);
  const assignment = new Int32Array(n).fill(-1);
  for (let iter = 0; iter < maxIter; iter++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0, bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = dist2(points[i], centroids[c]);
        if (d < bestD) { bestD = d; best = c; }
      }
      if (assignment[i] !== best) { assignment[i] = best; moved++; }
    }
    const dim = points[0].length;
    const sums = centroids.map(() => new Float64Array(dim));
    const sizes = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) {
      sizes[assignment[i]]++;
      for (let j = 0; j < dim; j++) sums[assignment[i]][j] += points[i][j];
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) continue;
      for (let j = 0; j < dim; j++) centroids[c][j] = sums[c][j] / sizes[c];
    }
    if (moved === 0) break;
  }
  return { k, centroids, assignment, silhouette: simplifiedSilhouette(points, centroids, assignment) };
}

/** Gaussian-ish blobs (sums of uniforms) in `dim` dimensions, seeded. */
function blobs(n: number, dim: number, centres: number, seed: number): Float64Array[] {
  const rand = mulberry32(seed);
  const at = Array.from({ length: centres }, () => Array.from({ length: dim }, () => rand() * 4));
  return Array.from({ length: n }, (_, i) => Float64Array.from(at[i % centres], (x) => x + (rand() + rand() + rand() - 1.5) * 0.6));
}

/** Points on a small integer grid: many exact ties between centroids. */
function lattice(n: number, dim: number, seed: number): Float64Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, () => Float64Array.from({ length: dim }, () => Math.floor(rand() * 3)));
}

/** Profile-like vectors: shares in 0..1 and one-hot halves, many customers identical. */
function profiles(n: number, seed: number): Float64Array[] {
  const rand = mulberry32(seed);
  const kinds = Array.from({ length: 12 }, () => Float64Array.from({ length: 20 }, (_, j) => (j >= 14 ? (rand() < 0.3 ? 0.5 : 0) : rand() < 0.4 ? Math.round(rand() * 4) / 4 : 0)));
  return Array.from({ length: n }, () => Float64Array.from(kinds[Math.floor(rand() * kinds.length)], (x) => (rand() < 0.2 ? Math.round(rand() * 4) / 4 : x)));
}

describe('k-means with bounds', () => {
  const sets: [string, Float64Array[]][] = [
    ['blobs 2-d', blobs(600, 2, 4, 1)],
    ['blobs 12-d', blobs(900, 12, 5, 2)],
    ['lattice 2-d', lattice(500, 2, 3)],
    ['lattice 4-d', lattice(700, 4, 4)],
    ['profile-like', profiles(1500, 5)],
    ['duplicates', Array.from({ length: 300 }, (_, i) => Float64Array.from([i % 3, (i % 3) * 2]))],
  ];
  for (const [name, points] of sets) {
    it(`gives Lloyd's result to the bit: ${name}`, () => {
      for (let k = 1; k <= 6; k++) {
        for (const seed of [42, 7, 2026]) {
          const got = kmeans(points, k, seed);
          const want = lloyd(points, k, seed);
          expect({ k, seed, assignment: [...got.assignment] }).toEqual({ k, seed, assignment: [...want.assignment] });
          expect(got.centroids.map((c) => [...c])).toEqual(want.centroids.map((c) => [...c]));
          expect(got.silhouette).toBe(want.silhouette);
        }
      }
    });
  }

  it('stops at maxIter like Lloyd, even before it converges', () => {
    const points = blobs(400, 3, 6, 9);
    for (const maxIter of [1, 2, 3]) expect([...kmeans(points, 5, 11, maxIter).assignment]).toEqual([...lloyd(points, 5, 11, maxIter).assignment]);
  });
});
