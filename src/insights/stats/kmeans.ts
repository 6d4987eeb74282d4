import { mulberry32 } from '../../core/prng.ts';


function dist2(a: Float64Array, b: Float64Array): number {
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
 * Lloyd's k-means (S. Lloyd, "Least squares quantization in PCM", 1982) with k-means++ seeding
 * (Arthur & Vassilvitskii, SODA 2007) driven by a seeded PRNG: deterministic for a given input.
 */
export function kmeans(points: Float64Array[], k: number, seed = 42, maxIter = 30): KMeansResult {
  const n = points.length;
  // Seeded PRNG (mulberry32), so clustering is reproducible run after run.
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
      const s = sums[assignment[i]];
      for (let j = 0; j < dim; j++) s[j] += points[i][j];
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) continue; // keep an empty cluster's centroid where it was
      for (let j = 0; j < dim; j++) centroids[c][j] = sums[c][j] / sizes[c];
    }
    if (moved === 0) break;
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
