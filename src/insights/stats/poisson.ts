/**
 * Upper tail P(X ≥ k) of a Poisson(λ) count, summed in log space so large counts do not underflow.
 * Used to ask "how surprising is this week's count given the usual weekly rate?".
 */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // P(X ≥ k) = 1 − Σ_{i<k} e^{−λ} λ^i / i!; for k far above λ sum the upper terms directly instead.
  if (k > lambda) {
    let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
    let sum = 0;
    for (let i = k; i < k + 1000; i++) {
      const term = Math.exp(logTerm);
      sum += term;
      if (term < sum * 1e-12) break;
      logTerm += Math.log(lambda) - Math.log(i + 1);
    }
    return Math.min(1, sum);
  }
  let logTerm = -lambda;
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.max(0, 1 - below);
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}
