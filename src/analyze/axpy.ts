/**
 * The inner loop of every weight layer (BLAS's "axpy", y += a·x): adds `a` times the `n` weights
 * from `from` to the first `n` entries of `y`. Unrolled by four because V8 does not vectorise it and
 * it is the analysis' hottest loop (the emotion model's hidden and linear layers, the heads' shared
 * matrix); each entry still adds its terms in the caller's order, so results are the same to the bit
 * as the plain loop (README, "Speed").
 */
export function axpy(y: Float64Array, a: number, w: Float32Array, from: number, n: number): void {
  let j = 0;
  for (; j + 3 < n; j += 4) {
    y[j] += a * w[from + j];
    y[j + 1] += a * w[from + j + 1];
    y[j + 2] += a * w[from + j + 2];
    y[j + 3] += a * w[from + j + 3];
  }
  for (; j < n; j++) y[j] += a * w[from + j];
}
