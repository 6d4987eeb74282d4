import { mulberry32 } from '../../core/prng.ts';

/** Squared Euclidean distance, summed in index order (every distance k-means compares). */
export function dist2(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return s;
}

/** Cluster assignments and centroids. */
export interface KMeansResult {
  k: number;
  centroids: Float64Array[];
  assignment: Int32Array;
  /** Simplified silhouette in −1..1 (higher = better separated). */
  silhouette: number;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii, SODA 2007): each next centroid is a point drawn with
 * probability proportional to its squared distance from the nearest centroid so far. Driven by a
 * seeded PRNG (mulberry32), so clustering is reproducible run after run.
 */
export function seedCentroids(points: Float64Array[], k: number, seed: number): Float64Array[] {
  const n = points.length;
  const rand = mulberry32(seed);
  const centroids: Float64Array[] = [Float64Array.from(points[Math.floor(rand() * n)])];
  const nearest = points.map((p) => dist2(p, centroids[0]));
  while (centroids.length < k) {
    const total = nearest.reduce((s, d) => s + d, 0);
    let idx = 0;
    if (total > 0) {
      let r = rand() * total;
      while (idx < n - 1 && (r -= nearest[idx]) > 0) idx++;
    } else idx = Math.floor(rand() * n);
    const c = Float64Array.from(points[idx]);
    centroids.push(c);
    for (let i = 0; i < n; i++) nearest[i] = Math.min(nearest[i], dist2(points[i], c));
  }
  return centroids;
}

/**
 * A bound must beat the other by this much (relative, and absolute near zero) before a point is left
 * where it is: the bounds are sums of square roots, exact only to rounding (about 1e-14 after 30
 * iterations), and a tie must be settled as Lloyd settles it.
 */
const MARGIN = 1e-9;

/** The upper bound `u` is decisively below `bound`. */
const clearlyBelow = (u: number, bound: number): boolean => u * (1 + MARGIN) + MARGIN < bound;

/**
 * Lloyd's k-means (S. Lloyd, "Least squares quantization in PCM", 1982) from k-means++ seeds
 * (seedCentroids): deterministic for a given input.
 *
 * Each iteration skips the points that provably keep their centroid, after Hamerly ("Making k-means
 * even faster", SDM 2010): an upper bound on the distance to the point's centroid and a lower bound on
 * the distance to any other, moved by how far the centroids moved (triangle inequality). A point is
 * skipped only when its upper bound is below the lower bound (or half the distance from its centroid
 * to the nearest other) by a margin; otherwise every distance is computed as Lloyd computes it, the
 * first of equal distances winning. The centroids are recomputed from all points in the same order,
 * so the result is Lloyd's to the bit, with most distance computations saved once few points move.
 */
export function kmeans(points: Float64Array[], k: number, seed = 42, maxIter = 30): KMeansResult {
  const n = points.length;
  const centroids = seedCentroids(points, k, seed);
  const assignment = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n); // ≥ distance to the assigned centroid
  const lower = new Float64Array(n); // ≤ distance to every other centroid
  const half = new Float64Array(k); // half the distance from each centroid to its nearest other
  const dim = points[0].length;
  const previous = centroids.map((c) => new Float64Array(c.length));
  for (let iter = 0; iter < maxIter; iter++) {
    for (let c = 0; c < k; c++) {
      let m = Infinity;
      for (let o = 0; o < k; o++) if (o !== c) m = Math.min(m, Math.sqrt(dist2(centroids[c], centroids[o])));
      half[c] = m / 2;
    }
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const a = assignment[i];
      if (a >= 0) {
        const bound = Math.max(half[a], lower[i]);
        if (clearlyBelow(upper[i], bound)) continue;
        upper[i] = Math.sqrt(dist2(points[i], centroids[a]));
        if (clearlyBelow(upper[i], bound)) continue;
      }
      let best = 0, bestD = Infinity, second = Infinity;
      for (let c = 0; c < k; c++) {
        const d = dist2(points[i], centroids[c]);
        if (d < bestD) { second = bestD; bestD = d; best = c; } else if (d < second) second = d;
      }
      upper[i] = Math.sqrt(bestD);
      lower[i] = Math.sqrt(second);
      if (a !== best) { assignment[i] = best; moved++; }
    }
    const sums = centroids.map(() => new Float64Array(dim));
    const sizes = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) {
      const a = assignment[i];
      sizes[a]++;
      const s = sums[a], p = points[i];
      for (let j = 0; j < dim; j++) s[j] += p[j];
    }
    for (let c = 0; c < k; c++) {
      previous[c].set(centroids[c]);
      if (sizes[c] === 0) continue; // keep an empty cluster's centroid where it was
      for (let j = 0; j < dim; j++) centroids[c][j] = sums[c][j] / sizes[c];
    }
    if (moved === 0) break;
    // Move the bounds by how far the centroids moved: a point's other centroids moved at most the
    // largest move, or the second largest for the point whose own centroid moved most.
    const shift = centroids.map((c, i) => Math.sqrt(dist2(c, previous[i])));
    const [top, runnerUp] = [...shift.keys()].sort((x, y) => shift[y] - shift[x]);
    const otherMoves = (a: number): number => (a !== top ? shift[top] : runnerUp === undefined ? 0 : shift[runnerUp]);
    for (let i = 0; i < n; i++) {
      const a = assignment[i];
      upper[i] += shift[a];
      lower[i] -= otherMoves(a);
    }
  }
  return { k, centroids, assignment, silhouette: simplifiedSilhouette(points, centroids, assignment) };
}

/**
 * Simplified silhouette (Hruschka, Campello & de Castro, 2004): distances to centroids instead of all
 * pairs, O(n·k) instead of O(n²), good enough to pick k on thousands of customers.
 */
export function simplifiedSilhouette(points: Float64Array[], centroids: Float64Array[], assignment: Int32Array): number {
  if (centroids.length < 2) return 0;
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    const a = Math.sqrt(dist2(points[i], centroids[assignment[i]]));
    let b = Infinity;
    for (let c = 0; c < centroids.length; c++) if (c !== assignment[i]) b = Math.min(b, Math.sqrt(dist2(points[i], centroids[c])));
    const m = Math.max(a, b);
    total += m === 0 ? 0 : (b - a) / m;
  }
  return total / points.length;
}
