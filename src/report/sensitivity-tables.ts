/**
 * The words and tables of a sensitivity study's report: the sentence saying which assumptions
 * move an output most (Morris) or explain most of its variance (Sobol), the emulator's verdict,
 * each output's table of indices and the study's factors. Every string from the summary (factor
 * paths, output names, warnings) is escaped: a crafted summary.json must not inject markup.
 * @module
 */
import { outputTitle } from '../plots/sensitivity.js';
import { MONEY_UNIT } from '../plots/theme.js';
import { TRUSTED_Q2 } from '../sensitivity/emulator-accuracy.js';
import type { EmulatorReport } from '../sensitivity/emulated-sobol.js';
import type { FactorIndices, IndexEstimate } from '../sensitivity/sobol-indices.js';
import { escapeHtml as esc, interval, num, pct, table } from './format.js';
import type { SensitivitySummary } from './sensitivity-summary.js';

/** The output a study answers first: the difference of the two strategies (else the first output). */
export const answerOf = (s: SensitivitySummary): string => ('difference' in s.outputs ? 'difference' : Object.keys(s.outputs)[0]);

/** "a", "a and b", "a, b and c". */
const listed = (items: string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
/** "1 assumption", "3 assumptions". */
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
/** An index as JSON keeps it: NaN (undefined) becomes null. */
const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
/**
 * An estimate with its interval, as the report's tables print intervals; a bound that is rounding
 * noise beside the estimate's scale (1e-15 for a resample of zeros) prints as 0.
 */
const estimate = (e: Pick<IndexEstimate, 'estimate' | 'lower' | 'upper'>) => {
  const scale = Math.max(...[e.estimate, e.lower, e.upper].map((x) => (finite(x) ? Math.abs(x) : 0)));
  const clean = (x: number) => (finite(x) && Math.abs(x) < 1e-12 * scale ? 0 : x);
  return interval({ mean: clean(e.estimate), lower: clean(e.lower), upper: clean(e.upper) });
};
/** How many assumptions a sentence names at most. */
const NAMED = 3;

/** What an output is, for a sentence: the answer with what it is, or the output by its name (its section's heading says what it is). */
const subject = (s: SensitivitySummary, output: string): string => (output === answerOf(s) ? `the answer (${esc(outputTitle(s, output))})` : `<b>${esc(output)}</b>`);

/** The unit of an output (and so of its Morris effects), when it has one. */
export const unitOf = (output: string): string => (output === 'difference' ? ` ${MONEY_UNIT}` : '');

/** Factor indices (into `s.factors`) of a Morris output by rank. */
function morrisOrder(s: SensitivitySummary, output: string) {
  const out = s.outputs[output];
  if (out.method !== 'morris') return [];
  return out.morris.factors.map((f, i) => ({ f, path: s.factors[i].path })).sort((a, b) => a.f.rank - b.f.rank);
}

/** Factor indices of a Sobol output by total index, largest first (undefined indices last, in the factors' order). */
function sobolOrder(s: SensitivitySummary, output: string): Array<{ f: FactorIndices; path: string }> {
  const out = s.outputs[output];
  if (out.method !== 'sobol') return [];
  const total = (f: FactorIndices) => (finite(f.total.estimate) ? f.total.estimate : -Infinity);
  return out.sobol.factors.map((f, i) => ({ f, path: s.factors[i].path, i })).sort((a, b) => total(b.f) - total(a.f) || a.i - b.i);
}

/** One sentence: which assumptions move `output` most (Morris) or explain most of its variance (Sobol). */
export function sensitivitySentence(s: SensitivitySummary, output: string): string {
  const k = s.factors.length;
  const of = `Of ${count(k, 'assumption')}`;
  const out = s.outputs[output];
  if (out.method === 'morris') {
    const m = out.morris;
    const ranked = morrisOrder(s, output);
    const moving = ranked.filter((x) => x.f.muStar.estimate > 0);
    if (!moving.length) return `${of}, none moves ${subject(s, output)}: it is the same at every step of the ${count(m.trajectories, 'trajectory', 'trajectories')} (μ* = 0 for each).`;
    const named = moving.slice(0, NAMED);
    const still = k - moving.length;
    const rest = moving.length <= NAMED && still > 0 ? `; the other ${still === 1 ? 'one leaves' : `${still} leave`} it unchanged` : '';
    const first = ranked[0];
    const [lo, hi] = first.f.rankRange;
    const stability =
      m.top < k
        ? `the top ${m.top} is stable in ${pct(m.topStability)} of bootstrap resamples of the ${count(m.trajectories, 'trajectory', 'trajectories')}`
        : `<b>${esc(first.path)}</b> ranks ${lo === hi ? lo : `${lo}–${hi}`} in 95 % of bootstrap resamples of the ${count(m.trajectories, 'trajectory', 'trajectories')}`;
    const effects = `μ* ${listed(named.map((x) => num(x.f.muStar.estimate)))}${unitOf(output)} over ${named.length === 1 ? 'its' : 'each one\'s'} range`;
    return `${of}, ${subject(s, output)} moves most with ${listed(named.map((x) => `<b>${esc(x.path)}</b>`))} (${esc(effects)})${rest}; ${stability}.`;
  }
  if (out.sobol.constant) return `${of}, none moves ${subject(s, output)}: it is the same at every design point, so there is no variance to apportion.`;
  const moving = sobolOrder(s, output).filter((x) => finite(x.f.total.estimate) && x.f.total.estimate > 0);
  if (!moving.length) return `${of}, none has a positive total index for ${subject(s, output)}.`;
  const named = moving.slice(0, NAMED);
  const indices = `total index S_T ${listed(named.map((x) => num(x.f.total.estimate)))}: the share of its variance each takes part in, alone or with others`;
  return `${of}, ${subject(s, output)} depends most on ${listed(named.map((x) => `<b>${esc(x.path)}</b>`))} (${esc(indices)}).`;
}

/** The emulator's accuracy and whether its indices are the ones shown. */
export function emulatorSentence(e: EmulatorReport, designPoints: number): string {
  if (!finite(e.q2)) return `Emulator: not fitted — ${esc(e.reason)}.`;
  const accuracy = `held-out Q² ${e.q2.toFixed(2)} on ${count(e.heldOut, 'run')}, 95 % interval coverage ${pct(e.coverage)}`;
  const verdict = e.trusted
    ? `trusted (Q² ≥ ${TRUSTED_Q2}): the indices are estimated on the emulator (fitted to ${count(e.trainingPoints, 'run')}) from a Saltelli sample of base size ${e.samples.toLocaleString('en-US')}`
    : `(Q² < ${TRUSTED_Q2}): the indices are the direct estimates from the ${count(designPoints, 'design point')}`;
  return `Emulator: ${esc(accuracy)} — ${e.trusted ? '' : '<b>not trusted</b> '}${esc(verdict)}.`;
}

/** Morris: rank, factor, μ* [interval], μ, σ and rank range of every factor, by rank. */
export function morrisTable(s: SensitivitySummary, output: string): string {
  const out = s.outputs[output];
  if (out.method !== 'morris') return '';
  const m = out.morris;
  const rows = morrisOrder(s, output).map(({ f, path }) => [
    esc(String(f.rank)), esc(path), esc(estimate(f.muStar)), esc(num(f.mu)), esc(num(f.sigma)), esc(f.rankRange[0] === f.rankRange[1] ? String(f.rankRange[0]) : `${f.rankRange[0]}–${f.rankRange[1]}`),
  ]);
  const unit = output === 'difference' ? ` (${MONEY_UNIT})` : '';
  const caption =
    `μ*${esc(unit)}: mean absolute elementary effect — the change in the output when the factor alone moves across its whole range, over ${count(m.trajectories, 'trajectory', 'trajectories')} — [95 % bootstrap interval, resampling trajectories]; ` +
    'μ: the mean signed effect (its sign is the direction); σ: the spread of the effects (large beside μ*: interactions or a non-linear effect); ' +
    `rank range: 95 % of the bootstrap ranks.${m.top < s.factors.length ? ` The top ${m.top} is stable in ${pct(m.topStability)} of resamples.` : ''}`;
  return table(['rank', 'factor', `μ* [95 % interval]`, 'μ', 'σ', 'rank range'], rows, caption);
}

/** Sobol: first-order and total index [interval] of every factor, by total index. */
export function sobolTable(s: SensitivitySummary, output: string): string {
  const out = s.outputs[output];
  if (out.method !== 'sobol') return '';
  const rows = sobolOrder(s, output).map(({ f, path }) => [esc(path), esc(estimate(f.first)), esc(estimate(f.total))]);
  const caption =
    'S₁: the share of the output\'s variance the factor explains alone; S_T: the share it takes part in, alone or with others (S_T − S₁: its interactions). ' +
    `[95 % bootstrap interval over the ${count(out.sobol.N, 'base row')}.] With few design points estimates can fall outside 0–1.` +
    (out.sobol.constant ? ' The output is the same at every design point: the indices are undefined (—).' : '');
  return table(['factor', 'S₁ [95 % interval]', 'S_T [95 % interval]'], rows, caption);
}

/** The factors the study varied: each one's range and scale. */
export function factorsTable(s: SensitivitySummary): string {
  const scale = (f: SensitivitySummary['factors'][number]) => (f.kind === 'switch' ? 'switch (off below the middle)' : `${f.log ? 'log' : 'linear'}${f.integer ? ', whole numbers' : ''}${f.kind === 'duration' ? ', hours' : ''}`);
  const rows = s.factors.map((f) => [esc(f.path), f.kind === 'switch' ? 'off – on' : esc(`${num(f.min)} – ${num(f.max)}`), esc(scale(f))]);
  return table(['factor', 'range', 'scale'], rows, 'Each factor is drawn uniformly over its range (on a log scale where marked); every other parameter is the scenario\'s.');
}
