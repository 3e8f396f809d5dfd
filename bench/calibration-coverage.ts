/**
 * The table of the calibration coverage study (issue 17), shared by `bench/calibration.ts
 * coverage` (which runs it) and `npm run reproduce` (which writes it into docs/validation.md from
 * bench/results/calibration-coverage.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AnalyticsExport } from '../src/calibrate/export.js';
import type { FitOptions } from '../src/calibrate/fit.js';
import { calibrationPrior, calibrationPriors } from '../src/calibrate/parameters.js';
import { priorSample } from '../src/calibrate/prior.js';
import { exportStatistics } from '../src/calibrate/statistics.js';
import { syntheticExport } from '../src/calibrate/synthetic.js';
import { deriveSeed, uniformStream } from '../src/rng.js';
import { resolveScenario } from '../src/scenario/resolve.js';
import type { Factor } from '../src/sensitivity/factor.js';

/** The study's exports and fits: a small facebook-preset account, fitted by a small sampler. */
export const COVERAGE = {
  scenario: { extends: 'facebook' },
  world: { users: 500, followers: 50, posts: 40, days: 20 },
  sampler: { particles: 400, maxSimulations: 4000 },
  // The parameters such an export informs at most prior draws (shares, follows and clicks are too
  // few events in a 500-user world: their statistics would be left out).
  paths: ['feed.inNetworkReach', 'feed.outOfNetworkWeight', 'behavior.like.base'],
} as const;

/** The sampler of the first coverage study (bench/results/calibration-coverage-150.json), which the sampler checks compare against. */
export const EARLIER_SAMPLER = { particles: 150, maxSimulations: 1500 } as const;

/** The fitted parameters' priors, as a fit of such an export sets them. */
export function coveragePriors(): Factor[] {
  const { scenario, world, paths } = COVERAGE;
  const probe = syntheticExport({ scenario, ...world, seed: 0 }).export;
  return calibrationPriors(resolveScenario({ ...scenario, users: world.users }), exportStatistics(probe).names, [...paths]);
}

/** Export i: its true parameters (from the stream `calibration-coverage/i`) and the export they made (seed 1000 + i). */
export function coverageExport(i: number, priors: Factor[]): { truth: number[]; data: AnalyticsExport } {
  const truth = priorSample(calibrationPrior(priors), uniformStream(deriveSeed('calibration-coverage', i))).map((x) => Number(x.toPrecision(6)));
  const parameters = Object.fromEntries(priors.map((p, k) => [p.path, truth[k]]));
  return { truth, data: syntheticExport({ scenario: COVERAGE.scenario, ...COVERAGE.world, parameters, seed: 1000 + i }).export };
}

/**
 * A fit of such an export in the world that made it (its followers, all of them held): a coverage
 * study tests the sampler, so the fitted model must be the generating one.
 */
export function coverageFitOptions(data: AnalyticsExport): FitOptions {
  const { scenario, world, paths } = COVERAGE;
  return { export: data, scenario, users: world.users, followers: world.followers, followerShare: 1, days: world.days, parameters: [...paths] };
}

/** One export of the study: fitted, or refused as too thin to inform a parameter. */
export type CoverageExport =
  | { seed: number; truth: number[]; pit: number[]; covered: boolean[]; shrinkage: number[]; ess: number; distinct: number; simulations: number; generations: number; stoppedBecause: string; seconds: number }
  | { seed: number; truth: number[]; refused: string };

/** The study as bench/results/calibration-coverage.json holds it. */
export interface CoverageStudy {
  settings: { world: { users: number; followers: number; posts: number; days: number }; sampler: { particles: number; maxSimulations: number } };
  parameters: ReadonlyArray<{ path: string; min: number; max: number }>;
  exports: CoverageExport[];
}

/** What a study measured, per parameter, beside the bands a calibrated posterior falls in. */
export function coverageSummary(study: CoverageStudy) {
  const fitted = study.exports.filter((d): d is Extract<CoverageExport, { pit: number[] }> => 'pit' in d);
  const n = fitted.length;
  // The binomial band: 95 % of coverage rates of n exports if the 90 % intervals are calibrated.
  const band = 1.96 * Math.sqrt((0.9 * 0.1) / n);
  const parameters = study.parameters.map((p, k) => {
    const coverage = fitted.filter((d) => d.covered[k]).length / n;
    const bins = [0, 0, 0, 0, 0];
    for (const d of fitted) bins[Math.min(4, Math.floor(d.pit[k] * 5))]++;
    // χ² of the rank (PIT) histogram against uniform, 4 degrees of freedom: 9.49 rejects at 5 %.
    const chi2 = bins.reduce((a, o) => a + (o - n / 5) ** 2 / (n / 5), 0);
    const pitMean = fitted.reduce((a, d) => a + d.pit[k], 0) / n;
    const shrinkage = fitted.reduce((a, d) => a + d.shrinkage[k], 0) / n;
    return { path: p.path, coverage, inBand: Math.abs(coverage - 0.9) <= band, bins, chi2, uniform: chi2 <= 9.49, pitMean, shrinkage };
  });
  const seconds = fitted.reduce((a, d) => a + d.seconds, 0);
  const simulations = fitted.reduce((a, d) => a + d.simulations, 0);
  // Coverage of the fits with the fewest distinct particles (at most the median) against the rest.
  const distinct = fitted.map((d) => d.distinct).sort((a, b) => a - b);
  const median = distinct[Math.floor((n - 1) / 2)] ?? 0;
  const split = (few: boolean) => {
    const part = fitted.filter((d) => (d.distinct <= median) === few);
    return { fits: part.length, coverage: study.parameters.map((_, k) => part.filter((d) => d.covered[k]).length / Math.max(1, part.length)) };
  };
  const meanDistinct = fitted.reduce((a, d) => a + d.distinct, 0) / n;
  return { exports: study.exports.length, fitted: n, band, parameters, seconds, simulations, distinct: { mean: meanDistinct, min: distinct[0] ?? 0, max: distinct[n - 1] ?? 0, median, few: split(true), many: split(false) } };
}

/** The study's table in markdown, with the line that states its band. */
export function coverageTable(study: CoverageStudy): string {
  const s = coverageSummary(study);
  const rows = s.parameters.map((p) => {
    const side = p.inBand ? '' : p.coverage > 0.9 ? ' (over: conservative)' : ' (under)';
    return `| \`${p.path}\` | ${p.coverage.toFixed(2)}${side} | ${p.chi2.toFixed(1)} [${p.bins.join(', ')}]${p.uniform ? '' : ' (not uniform)'} | ${p.pitMean.toFixed(2)} | ${p.shrinkage.toFixed(2)} |`;
  });
  return [
    `${s.exports} exports, ${s.fitted} fitted (${s.exports - s.fitted} refused as too thin to inform a parameter); a calibrated 90 % interval covers in 0.9 ± ${s.band.toFixed(3)} of ${s.fitted} exports (95 % binomial band).`,
    '',
    '| parameter | coverage of 90 % intervals | rank histogram χ² (5 bins, 4 df; 9.49 rejects at 5 %) [counts] | mean PIT (0.5 if calibrated) | mean posterior ÷ prior spread |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** The section of docs/validation.md: the recorded study (it takes about an hour, so reproduce reads it). */
export function calibrationSection(file: string): string {
  const head = '## Calibration: parameter recovery and coverage (Talts et al. 2018)';
  if (!existsSync(file)) return `${head}\n\nNo study recorded: run \`npx tsx bench/calibration.ts coverage\` (writes \`bench/results/calibration-coverage.json\`).`;
  const study = JSON.parse(readFileSync(file, 'utf8')) as CoverageStudy & { machine: { cpu: string; cores: number } };
  const s = coverageSummary(study);
  const { world, sampler } = study.settings;
  const failed = s.parameters.filter((p) => !p.inBand || !p.uniform);
  return `${head}

Does a fit's 90 % credible interval hold the true value 90 % of the time? ${s.exports} synthetic
exports were simulated from parameters drawn from the fit's own prior (export *i*: the truth from
the stream \`calibration-coverage/i\`, the export's seed 1000 + *i*; a facebook-preset account of
${world.posts} posts over ${world.days} days, ${world.followers} followers in a ${world.users}-user world), and each
was fitted in the world that made it (${sampler.particles} particles, at most ${sampler.maxSimulations.toLocaleString('en')} simulations, fit seed *i* + 1)
over the three parameters such an export informs (\`${study.parameters.map((p) => p.path).join('`, `')}\`).
Exports whose likes are too few to inform \`behavior.like.base\` (fewer than 10) are refused by
the fit, as a real one would be, and counted; leaving them out conditions on the data, which keeps
a calibrated posterior calibrated. For each parameter: the share of intervals that hold the truth
(pass: inside the binomial band), the histogram of the posterior probability below the truth (the
rank statistic of simulation-based calibration: uniform for a calibrated posterior, tested by χ²),
and the mean spread of the posterior against the prior on the log scale (what such an export
pins down: 1 is nothing). Recorded by
\`npx tsx bench/calibration.ts coverage --exports ${s.exports} --workers 2\` (the figures do not depend on
the worker count; ${(s.seconds / 60).toFixed(0)} min of fitting, ${s.simulations.toLocaleString('en')} simulations, ${study.machine.cores} cores of ${study.machine.cpu});
\`npm run reproduce\` writes this section from \`bench/results/calibration-coverage.json\`.

${coverageTable(study)}

${failed.length === 0 ? 'Every parameter passes both tests.' : `**Not calibrated:** ${failed.map((p) => `\`${p.path}\``).join(', ')} (coverage outside the band or a rank histogram that is not uniform).`}
A fit ends with ${s.distinct.mean.toFixed(0)} distinct particles of ${sampler.particles} on average (${s.distinct.min}–${s.distinct.max}; the rest are
resampled copies: the sampler stops when fewer than 5 % of a generation's moves are accepted and
returns the generation before that one, whose moves renewed more of them).
The ${s.distinct.few.fits} fits with at most ${s.distinct.median} distinct particles cover ${s.distinct.few.coverage.map((c) => c.toFixed(2)).join(' / ')} (in the
table's order), the ${s.distinct.many.fits} with more ${s.distinct.many.coverage.map((c) => c.toFixed(2)).join(' / ')}${failed.length === 0 ? '.' : fewCoverLess(s, study) ? `: intervals drawn from a few distinct values
are too narrow. More particles are the remedy this measures; the fit's report gives the distinct
count beside the effective sample size for this reason.` : `: the fits with fewer distinct particles
do not cover less, so more particles are not what the shortfall asks for.`}`;
}

/** Whether, for some parameter outside the band, the fits with few distinct particles cover less than the rest. */
function fewCoverLess(s: ReturnType<typeof coverageSummary>, study: CoverageStudy): boolean {
  return study.parameters.some((_, j) => !s.parameters[j].inBand && s.distinct.few.coverage[j] < s.distinct.many.coverage[j]);
}
