/**
 * What the report of a fit's directory reads: `fit.json` (a {@link FitResult}, from `feedsim
 * fit`) and, when `feedsim advise` has run, `advice.json` (an {@link Advice}), with the checks run
 * on each before anything is drawn. A wrong field is named with its file, as in a summary's check.
 * @module
 */
import type { Advice } from '../calibrate/advise.js';
import type { FitResult } from '../calibrate/fit.js';
import { need } from './summary.js';

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const numbers = (x: unknown): x is number[] => Array.isArray(x) && x.every(isNumber);
const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/**
 * Checks a parsed `fit.json`, naming the first field that is wrong: every field the report and
 * the plots read (each parameter's prior and posterior summary, the particles and weights, the
 * predictive checks, the generations, the world's size and the notes).
 */
export function checkFitResult(value: unknown, file = 'fit.json'): FitResult {
  const must = (ok: boolean, field: string, v: unknown, allowed: string) => need(ok, field, v, allowed, file);
  must(isObject(value), '(top level)', value, 'the result of feedsim fit: { parameters, posterior, predictive, … }');
  const f = value as Record<string, unknown>;
  for (const k of ['simulations', 'seed'] as const) must(isNumber(f[k]), k, f[k], 'a number');
  for (const k of ['version', 'stoppedBecause'] as const) must(typeof f[k] === 'string', k, f[k], 'a string');
  must(strings(f.notes), 'notes', f.notes, 'a list of sentences');
  must(isObject(f.world) && isObject(f.world.scenario), 'world', f.world, 'the account\'s world { scenario, posts, days, startingFollowers, realFollowers, … }');
  const world = f.world as Record<string, unknown>;
  for (const k of ['posts', 'days', 'startingFollowers', 'realFollowers'] as const) must(isNumber(world[k]), `world.${k}`, world[k], 'a number');
  must(Array.isArray(f.parameters) && f.parameters.length > 0, 'parameters', f.parameters, 'a non-empty list of fitted parameters');
  (f.parameters as unknown[]).forEach((p, i) => {
    must(isObject(p) && typeof p.path === 'string', `parameters[${i}]`, p, '{ path, prior, mean, sd, q05, q50, q95, shrinkage }');
    const x = p as Record<string, unknown>;
    const prior = x.prior as Record<string, unknown>;
    must(isObject(prior) && isNumber(prior.min) && isNumber(prior.max) && prior.min > 0 && prior.max > prior.min, `parameters[${i}].prior`, x.prior, 'a log-uniform range { min, max } with 0 < min < max');
    for (const k of ['mean', 'sd', 'q05', 'q50', 'q95', 'shrinkage'] as const) must(isNumber(x[k]), `parameters[${i}].${k}`, x[k], 'a number');
  });
  const k = (f.parameters as unknown[]).length;
  must(isObject(f.posterior), 'posterior', f.posterior, '{ particles, weights, ess, distinct, generation }');
  const post = f.posterior as Record<string, unknown>;
  must(Array.isArray(post.particles) && post.particles.length > 0, 'posterior.particles', post.particles, 'a non-empty list of particles');
  (post.particles as unknown[]).forEach((t, i) => must(numbers(t) && t.length === k && t.every((v) => v > 0), `posterior.particles[${i}]`, t, `${k} positive values, one per parameter`));
  must(numbers(post.weights) && post.weights.length === (post.particles as unknown[]).length, 'posterior.weights', post.weights, 'one weight per particle');
  for (const key of ['ess', 'distinct'] as const) must(isNumber(post[key]), `posterior.${key}`, post[key], 'a number');
  must(Array.isArray(f.generations) && Number.isInteger(post.generation) && (post.generation as number) >= 0 && (post.generation as number) < f.generations.length, 'posterior.generation', post.generation, 'the number of one of the fit\'s generations');
  must(Array.isArray(f.predictive), 'predictive', f.predictive, 'a list of predictive checks, one per statistic');
  (f.predictive as unknown[]).forEach((c, i) => {
    must(isObject(c) && typeof c.statistic === 'string' && typeof c.about === 'string', `predictive[${i}]`, c, '{ statistic, about, observed, simulated, quantile }');
    const x = c as Record<string, unknown>;
    for (const key of ['observed', 'quantile'] as const) must(isNumber(x[key]), `predictive[${i}].${key}`, x[key], 'a number');
    must(numbers(x.simulated) && x.simulated.length > 0, `predictive[${i}].simulated`, x.simulated, 'the simulated values at posterior draws (numbers)');
  });
  must(Array.isArray(f.generations), 'generations', f.generations, 'a list of generation reports');
  (f.generations as unknown[]).forEach((g, i) => {
    const x = g as Record<string, unknown>;
    // Generation 0's tolerance is infinite: null once written as JSON.
    must(isObject(x) && isNumber(x.generation) && isNumber(x.ess) && isNumber(x.simulations) && (x.tolerance === null || typeof x.tolerance === 'number'), `generations[${i}]`, g, '{ generation, tolerance, ess, acceptanceRate, simulations, … }');
  });
  return value as FitResult;
}

/** Checks a parsed `advice.json`, naming the first field that is wrong. */
export function checkAdvice(value: unknown, file = 'advice.json'): Advice {
  const must = (ok: boolean, field: string, v: unknown, allowed: string) => need(ok, field, v, allowed, file);
  must(isObject(value), '(top level)', value, 'the result of feedsim advise: { strategies, headline, aheadByCycle, … }');
  const a = value as Record<string, unknown>;
  must(strings(a.strategies) && a.strategies.length === 2, 'strategies', a.strategies, 'two strategy labels, baseline first');
  must(typeof a.headline === 'string', 'headline', a.headline, 'the answer in one sentence');
  for (const k of ['draws', 'cycles', 'level'] as const) must(isNumber(a[k]), k, a[k], 'a number');
  must(numbers(a.aheadByCycle) && a.aheadByCycle.length === a.cycles, 'aheadByCycle', a.aheadByCycle, `a share of draws for each of the ${a.cycles} cycles`);
  must(a.crossover === null || isNumber(a.crossover), 'crossover', a.crossover, 'a cycle or null');
  must(isObject(a.difference) && isNumber(a.difference.mean), 'difference', a.difference, 'an interval { mean, lower, upper }');
  must(isObject(a.spread) && isNumber(a.spread.lower) && isNumber(a.spread.upper), 'spread', a.spread, '{ lower, upper }');
  must(Array.isArray(a.drivers) && a.drivers.every((d) => isObject(d) && typeof d.path === 'string' && isNumber(d.correlation)), 'drivers', a.drivers, 'a list of { path, correlation }');
  return value as Advice;
}
