/** Two-sample Kolmogorov–Smirnov test (asymptotic p-value, Numerical Recipes' probks). */
export function ksTwoSample(a: number[], b: number[]): { d: number; p: number } {
  const x = [...a].sort((s, t) => s - t);
  const y = [...b].sort((s, t) => s - t);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const ne = Math.sqrt((x.length * y.length) / (x.length + y.length));
  const lambda = (ne + 0.12 + 0.11 / ne) * d;
  let p = 0;
  let sign = 1;
  for (let k = 1; k <= 100; k++) {
    const term = sign * 2 * Math.exp(-2 * k * k * lambda * lambda);
    p += term;
    if (Math.abs(term) < 1e-12) break;
    sign = -sign;
  }
  return { d, p: Math.min(1, Math.max(0, lambda < 1e-3 ? 1 : p)) };
}
