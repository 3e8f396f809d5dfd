/**
 * Morris screening (Morris 1991; Campolongo, Cariboni & Saltelli 2007): r trajectories through a
 * p-level grid of the unit cube, each moving one factor at a time by Δ = p / (2(p − 1)). A factor's
 * elementary effect on a trajectory is the change in the output per unit of its range; μ* (the
 * mean absolute effect) ranks factors by influence, σ (their spread) flags interactions or
 * non-linearity. Trajectories are the unit of resampling: the bootstrap gives intervals for μ*
 * and says how stable the ranking is.
 * @module
 */
import { createXor128, nextFloat, seedXor128, type Xor128 } from '../rng.js';
import { ScenarioError } from '../scenario/errors.js';

/** A Morris design: `trajectories` × (k + 1) rows of k unit coordinates, row-major. */
export interface MorrisDesign {
  k: number;
  trajectories: number;
  levels: number;
  /** Rows in trajectory order: row t·(k+1) starts trajectory t, each next row moves one factor. */
  rows: Float64Array;
}

/** Morris measures of one factor. */
export interface MorrisFactor {
  /** μ*: mean absolute elementary effect, with its bootstrap interval. */
  muStar: { estimate: number; lower: number; upper: number };
  /** μ: mean elementary effect (its sign says the direction). */
  mu: number;
  /** σ: standard deviation of the elementary effects. */
  sigma: number;
  /** Rank by μ* (1 = most influential) and its bootstrap 95 % range. */
  rank: number;
  rankRange: [number, number];
}

/** What {@link morrisIndices} returns. */
export interface MorrisResult {
  factors: MorrisFactor[];
  /** Share of bootstrap resamples whose top `top` factors (as a set) are the estimate's. */
  topStability: number;
  top: number;
  trajectories: number;
}

const check = (path: string, value: unknown, ok: boolean, allowed: string) => {
  if (!ok) throw new ScenarioError([{ path, value, allowed }]);
};
const whole = (v: unknown, lo: number) => Number.isInteger(v) && (v as number) >= lo;

/**
 * r seeded trajectories on a p-level grid (p even, Δ = p / (2(p − 1)), so every step lands on the grid).
 * @example
 * ```ts
 * import { morrisDesign, morrisIndices } from 'feedsim';
 * const d = morrisDesign(3, 20, { seed: 1 });
 * const y = Array.from({ length: d.rows.length / 3 }, (_, i) => 5 * d.rows[i * 3] + d.rows[i * 3 + 1]);
 * console.log(morrisIndices(d, y).factors.map((f) => f.muStar.estimate)); // ≈ [5, 1, 0]
 * ```
 */
export function morrisDesign(k: number, trajectories: number, o: { levels?: number; seed?: number | string } = {}): MorrisDesign {
  const p = o.levels ?? 4;
  check('factors', k, whole(k, 1) && k <= 1000, 'a whole number of factors from 1 to 1,000');
  check('trajectories', trajectories, whole(trajectories, 2) && trajectories <= 100_000, 'a whole number from 2 to 100,000');
  check('levels', p, whole(p, 2) && p % 2 === 0 && p <= 100, 'an even whole number from 2 to 100 (Δ = p / (2(p − 1)) lands on the grid)');
  const rng = seedXor128(createXor128(), o.seed ?? 1);
  const delta = p / (2 * (p - 1));
  const rows = new Float64Array(trajectories * (k + 1) * k);
  const x = new Float64Array(k);
  const order = Array.from({ length: k }, (_, i) => i);
  const up = new Int8Array(k);
  for (let t = 0; t < trajectories; t++) {
    // Base levels from the lower p/2 of the grid; a factor that moves down starts Δ higher.
    for (let i = 0; i < k; i++) {
      const base = Math.floor(nextFloat(rng) * (p / 2)) / (p - 1);
      up[i] = nextFloat(rng) < 0.5 ? 1 : 0;
      x[i] = up[i] ? base : base + delta;
    }
    shuffle(order, rng);
    let at = t * (k + 1) * k;
    rows.set(x, at);
    for (const i of order) {
      x[i] += up[i] ? delta : -delta;
      at += k;
      rows.set(x, at);
    }
  }
  return { k, trajectories, levels: p, rows };
}

function shuffle(a: number[], rng: Xor128): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(nextFloat(rng) * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}

/**
 * Elementary effects [trajectory][factor] from a design and its outputs (one per row): the factor
 * moved between two rows is read from the rows, so any one-at-a-time design works.
 */
export function elementaryEffects(design: MorrisDesign, y: ArrayLike<number>): Float64Array[] {
  const { k, trajectories, rows } = design;
  check('outputs', y.length, y.length === trajectories * (k + 1), `one output per design row (${trajectories * (k + 1)})`);
  const effects: Float64Array[] = [];
  for (let t = 0; t < trajectories; t++) {
    const ee = new Float64Array(k).fill(NaN);
    for (let s = 1; s <= k; s++) {
      const a = (t * (k + 1) + s - 1) * k;
      const b = a + k;
      let moved = -1;
      for (let i = 0; i < k; i++) if (rows[b + i] !== rows[a + i]) moved = i;
      const step = rows[b + moved] - rows[a + moved];
      ee[moved] = (y[t * (k + 1) + s] - y[t * (k + 1) + s - 1]) / step;
    }
    effects.push(ee);
  }
  return effects;
}

/** μ* of each factor over the given trajectories (indices into `effects`). */
function muStars(effects: Float64Array[], pick: ArrayLike<number>, k: number): Float64Array {
  const m = new Float64Array(k);
  for (let j = 0; j < pick.length; j++) {
    const e = effects[pick[j]];
    for (let i = 0; i < k; i++) m[i] += Math.abs(e[i]);
  }
  for (let i = 0; i < k; i++) m[i] /= pick.length;
  return m;
}

/** Ranks (1 = largest) of `v`; ties share the better rank's order of appearance. */
function ranks(v: Float64Array): Int32Array {
  const order = Array.from(v.keys()).sort((a, b) => v[b] - v[a] || a - b);
  const r = new Int32Array(v.length);
  order.forEach((i, at) => (r[i] = at + 1));
  return r;
}

/**
 * μ*, μ and σ per factor, bootstrap intervals of μ* and of each factor's rank (resampling whole
 * trajectories), and how often the top `top` factors stay the top (the ranking's stability).
 * Outputs that are not finite are refused: an elementary effect cannot be formed from them.
 */
export function morrisIndices(design: MorrisDesign, y: ArrayLike<number>, o: { top?: number; resamples?: number; level?: number; seed?: number | string } = {}): MorrisResult {
  for (let i = 0; i < y.length; i++) check(`outputs[${i}]`, y[i], Number.isFinite(y[i]), 'a finite number');
  const { k, trajectories: r } = design;
  const effects = elementaryEffects(design, y);
  const all = Array.from({ length: r }, (_, t) => t);
  const estimate = muStars(effects, all, k);
  const estimateRanks = ranks(estimate);
  const top = Math.min(o.top ?? 5, k);
  const topSet = (rk: Int32Array) => Array.from(rk.keys()).filter((i) => rk[i] <= top).join(',');
  const estimateTop = topSet(estimateRanks);
  const B = o.resamples ?? 1000;
  const rng = seedXor128(createXor128(), o.seed ?? 1);
  const boot = Array.from({ length: k }, () => new Float64Array(B));
  const bootRanks = Array.from({ length: k }, () => new Int32Array(B));
  const pick = new Int32Array(r);
  let same = 0;
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < r; j++) pick[j] = Math.floor(nextFloat(rng) * r);
    const m = muStars(effects, pick, k);
    const rk = ranks(m);
    if (topSet(rk) === estimateTop) same++;
    for (let i = 0; i < k; i++) {
      boot[i][b] = m[i];
      bootRanks[i][b] = rk[i];
    }
  }
  const alpha = (1 - (o.level ?? 0.95)) / 2;
  const quantile = (sorted: ArrayLike<number>, q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  const factors = Array.from({ length: k }, (_, i): MorrisFactor => {
    let mu = 0;
    for (const e of effects) mu += e[i];
    mu /= r;
    let ss = 0;
    for (const e of effects) ss += (e[i] - mu) ** 2;
    const sorted = boot[i].sort();
    const rankSorted = bootRanks[i].sort();
    return {
      muStar: { estimate: estimate[i], lower: quantile(sorted, alpha), upper: quantile(sorted, 1 - alpha) },
      mu,
      sigma: r > 1 ? Math.sqrt(ss / (r - 1)) : 0,
      rank: estimateRanks[i],
      rankRange: [quantile(rankSorted, alpha), quantile(rankSorted, 1 - alpha)],
    };
  });
  return { factors, topStability: same / B, top, trajectories: r };
}
