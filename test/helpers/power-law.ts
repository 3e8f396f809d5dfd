/**
 * Clauset–Shalizi–Newman (2009) power-law fit for discrete data: x_min by minimising the KS
 * distance, α by the discrete maximum-likelihood approximation α = 1 + n / Σ ln(x / (x_min − ½)),
 * and a goodness-of-fit p-value from a semi-parametric bootstrap.
 */
export interface PowerLawFit {
  alpha: number;
  xmin: number;
  /** Observations at or above x_min. */
  tail: number;
  ks: number;
  p: number;
}

function fitAt(sorted: number[], from: number): { alpha: number; ks: number } {
  const xmin = sorted[from];
  const n = sorted.length - from;
  let s = 0;
  for (let i = from; i < sorted.length; i++) s += Math.log(sorted[i] / (xmin - 0.5));
  const alpha = 1 + n / s;
  // KS distance between the empirical tail CDF and the fitted (continuous-approximation) CDF.
  let ks = 0;
  for (let i = from; i < sorted.length; ) {
    const x = sorted[i];
    let j = i;
    while (j < sorted.length && sorted[j] === x) j++;
    const empirical = (j - from) / n;
    const model = 1 - Math.pow((x + 0.5) / (xmin - 0.5), 1 - alpha);
    ks = Math.max(ks, Math.abs(empirical - model), Math.abs((i - from) / n - (1 - Math.pow((x - 0.5) / (xmin - 0.5), 1 - alpha))));
    i = j;
  }
  return { alpha, ks };
}

function bestFit(sorted: number[]): { alpha: number; xmin: number; from: number; ks: number } {
  let best = { alpha: NaN, xmin: NaN, from: 0, ks: Infinity };
  for (let i = 0; i < sorted.length - 50; ) {
    const x = sorted[i];
    const fit = fitAt(sorted, i);
    if (fit.ks < best.ks) best = { ...fit, xmin: x, from: i };
    while (i < sorted.length && sorted[i] === x) i++;
  }
  return best;
}

/** Fits a power law to positive integer data; `bootstraps` synthetic sets give the p-value. */
export function fitPowerLaw(data: number[], rand: () => number, bootstraps = 100): PowerLawFit {
  const sorted = data.filter((x) => x >= 1).sort((a, b) => a - b);
  const fit = bestFit(sorted);
  const n = sorted.length;
  const tail = n - fit.from;
  const body = sorted.slice(0, fit.from);
  let exceed = 0;
  for (let b = 0; b < bootstraps; b++) {
    const synthetic = Array.from({ length: n }, () =>
      rand() < tail / n || body.length === 0
        ? Math.floor((fit.xmin - 0.5) * Math.pow(1 - rand(), -1 / (fit.alpha - 1)) + 0.5)
        : body[Math.floor(rand() * body.length)],
    ).sort((a, c) => a - c);
    if (bestFit(synthetic).ks >= fit.ks) exceed++;
  }
  return { alpha: fit.alpha, xmin: fit.xmin, tail, ks: fit.ks, p: exceed / bootstraps };
}
