/**
 * Priors over named scenario parameters for calibration: a list of independent components, each a
 * named one-dimensional distribution, optionally truncated to [min, max]. A parameter vector θ
 * holds one value per component, in list order.
 *
 * {@link checkPrior} validates a prior given by a caller (every problem named together);
 * {@link priorSample} and {@link priorLogDensity} assume a checked prior, since the sampler calls
 * them once per particle and generation.
 * @module
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { gamma, normal } from '../rng.js';
import * as math from '../math/index.js';

/** Uniform on [min, max]. */
export interface UniformPrior {
  name: string;
  kind: 'uniform';
  min: number;
  max: number;
}

/** Uniform on a log scale over [min, max] (0 < min): density ∝ 1/θ, for rates and odds ratios. */
export interface LogUniformPrior {
  name: string;
  kind: 'log-uniform';
  min: number;
  max: number;
}

/** Normal(mean, sd²), optionally truncated to [min, max]. */
export interface NormalPrior {
  name: string;
  kind: 'normal';
  mean: number;
  sd: number;
  min?: number;
  max?: number;
}

/** exp(Normal(meanLog, sdLog²)), optionally truncated to [min, max] (min ≥ 0). */
export interface LogNormalPrior {
  name: string;
  kind: 'log-normal';
  meanLog: number;
  sdLog: number;
  min?: number;
  max?: number;
}

/** Gamma with shape k and rate β (mean k/β), optionally truncated to [min, max] (min ≥ 0). */
export interface GammaPrior {
  name: string;
  kind: 'gamma';
  shape: number;
  rate: number;
  min?: number;
  max?: number;
}

/** One independent component of a prior. */
export type PriorComponent = UniformPrior | LogUniformPrior | NormalPrior | LogNormalPrior | GammaPrior;

/** A prior: independent components, one per parameter, in the order of θ. */
export type Prior = readonly PriorComponent[];

/** The kinds of component, for messages. */
export const PRIOR_KINDS = ['uniform', 'log-uniform', 'normal', 'log-normal', 'gamma'] as const;

/** Kinds whose values are positive and best handled on a log scale. */
const POSITIVE = new Set<string>(['log-uniform', 'log-normal', 'gamma']);

/** True for the kinds that live on (0, ∞) (the sampler moves them on a log scale). */
export function isPositiveKind(c: PriorComponent): boolean {
  return POSITIVE.has(c.kind);
}

/**
 * The support [lo, hi] of a checked component: its own range, intersected with its truncation.
 * Positive kinds have lo ≥ 0; θ = 0 itself is outside their support (density 0 or undefined).
 */
export function priorSupport(c: PriorComponent): [number, number] {
  if (c.kind === 'uniform' || c.kind === 'log-uniform') return [c.min, c.max];
  const lo = c.min ?? (POSITIVE.has(c.kind) ? 0 : -Infinity);
  return [lo, c.max ?? Infinity];
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Checks a prior given by a caller; throws a {@link ScenarioError} naming every bad component field. */
export function checkPrior(prior: unknown, where = 'prior'): asserts prior is Prior {
  if (!Array.isArray(prior) || prior.length === 0) {
    throw new ScenarioError([{ path: where, value: prior, allowed: 'must be a non-empty list of components { name, kind, ... }, one per parameter' }]);
  }
  const problems: ScenarioProblem[] = [];
  const seen = new Set<string>();
  prior.forEach((c: Record<string, unknown> | null, i) => {
    const at = `${where}[${i}]`;
    const bad = (field: string, allowed: string) => problems.push({ path: `${at}.${field}`, value: c?.[field], allowed });
    if (typeof c !== 'object' || c === null) return void problems.push({ path: at, value: c, allowed: 'must be an object { name, kind, ... }' });
    const label = typeof c.name === 'string' ? ` (${c.name})` : '';
    if (typeof c.name !== 'string' || c.name === '') bad('name', 'must be a non-empty parameter name');
    else if (seen.has(c.name)) bad('name', 'each parameter once');
    else seen.add(c.name);
    const positive = (field: string) => {
      if (!(finite(c[field]) && c[field] > 0)) bad(field, `must be a finite number > 0${label}`);
    };
    const number = (field: string) => {
      if (!finite(c[field])) bad(field, `must be a finite number${label}`);
    };
    switch (c.kind) {
      case 'uniform':
      case 'log-uniform': {
        if (c.kind === 'log-uniform') positive('min');
        else number('min');
        number('max');
        if (finite(c.min) && finite(c.max) && !(c.min < c.max)) bad('max', `must be greater than min = ${c.min}${label}`);
        return;
      }
      case 'normal':
        number('mean');
        positive('sd');
        break;
      case 'log-normal':
        number('meanLog');
        positive('sdLog');
        break;
      case 'gamma':
        positive('shape');
        positive('rate');
        break;
      default:
        return void bad('kind', `must be one of ${PRIOR_KINDS.join(', ')}${label}`);
    }
    // Truncation bounds of the unbounded kinds.
    if (c.min !== undefined) {
      if (!finite(c.min)) bad('min', `must be a finite number when given${label}`);
      else if (POSITIVE.has(c.kind) && c.min < 0) bad('min', `must be ≥ 0: a ${c.kind} prior is on positive values${label}`);
    }
    if (c.max !== undefined) {
      if (!finite(c.max)) bad('max', `must be a finite number when given${label}`);
      else if (POSITIVE.has(c.kind) && !(c.max > 0)) bad('max', `must be > 0: a ${c.kind} prior is on positive values${label}`);
      else if (finite(c.min) && !(c.min < c.max)) bad('max', `must be greater than min = ${c.min}${label}`);
    }
  });
  if (problems.length) throw new ScenarioError(problems);
}

/** Draws rejected before a truncated component is declared to have (almost) no mass in [min, max]. */
const MAX_TRIES = 10_000;

/** One draw of an untruncated component. */
function drawComponent(c: PriorComponent, u: () => number): number {
  switch (c.kind) {
    case 'uniform':
      return c.min + u() * (c.max - c.min);
    case 'log-uniform':
      return math.exp(math.log(c.min) + u() * (math.log(c.max) - math.log(c.min)));
    case 'normal':
      return c.mean + c.sd * normal(u);
    case 'log-normal':
      return math.exp(c.meanLog + c.sdLog * normal(u));
    case 'gamma':
      return gamma(c.shape, u) / c.rate;
  }
}

/**
 * A draw θ from a checked prior with the uniform stream `u`. Truncated components are drawn by
 * rejection (a truncation that leaves almost no mass is an error naming the component).
 */
export function priorSample(prior: Prior, u: () => number): number[] {
  const theta = new Array<number>(prior.length);
  for (let i = 0; i < prior.length; i++) {
    const c = prior[i];
    const [lo, hi] = priorSupport(c);
    let tries = 0;
    let x = drawComponent(c, u);
    while (!(x >= lo && x <= hi && (x > 0 || !POSITIVE.has(c.kind)))) {
      if (++tries === MAX_TRIES) {
        throw new ScenarioError([{ path: `prior[${i}]`, value: c, allowed: `must leave prior mass in [min, max]: no draw of ${c.name} fell there in ${MAX_TRIES} tries` }]);
      }
      x = drawComponent(c, u);
    }
    theta[i] = x;
  }
  return theta;
}

const HALF_LOG_2PI = 0.5 * math.log(2 * Math.PI);

/** Log density of one component at x inside its support (truncation not renormalised). */
function componentLogDensity(c: PriorComponent, x: number): number {
  switch (c.kind) {
    case 'uniform':
      return -math.log(c.max - c.min);
    case 'log-uniform':
      return -math.log(x) - math.log(math.log(c.max) - math.log(c.min));
    case 'normal': {
      const z = (x - c.mean) / c.sd;
      return -0.5 * z * z - math.log(c.sd) - HALF_LOG_2PI;
    }
    case 'log-normal': {
      const lx = math.log(x);
      const z = (lx - c.meanLog) / c.sdLog;
      return -0.5 * z * z - math.log(c.sdLog) - HALF_LOG_2PI - lx;
    }
    case 'gamma':
      return c.shape * math.log(c.rate) - math.gammaln(c.shape) + (c.shape - 1) * math.log(x) - c.rate * x;
  }
}

/**
 * Log prior density of θ under a checked prior: −Infinity outside the support (and for a
 * non-finite value). Untruncated components are normalised; a truncated normal, log-normal or
 * gamma is not renormalised to [min, max], a constant that cancels in every ratio the sampler takes.
 */
export function priorLogDensity(prior: Prior, theta: ArrayLike<number>): number {
  if (theta.length !== prior.length) throw new ScenarioError([{ path: 'theta', value: `length ${theta.length}`, allowed: `must hold one value per prior component (${prior.length})` }]);
  let s = 0;
  for (let i = 0; i < prior.length; i++) {
    const c = prior[i];
    const x = theta[i];
    const [lo, hi] = priorSupport(c);
    if (!(x >= lo && x <= hi && Number.isFinite(x)) || (x <= 0 && POSITIVE.has(c.kind))) return -Infinity;
    s += componentLogDensity(c, x);
  }
  return s;
}
