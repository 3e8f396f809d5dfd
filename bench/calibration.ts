/**
 * The calibration study (issue 17), through the sources (tsx), three parts:
 * - `coverage [--exports 50] [--workers 1]`: parameter recovery and coverage on the engine itself
 *   (simulation-based calibration, Talts et al. 2018). Each export is simulated from parameters
 *   drawn from the prior (a small facebook-preset account: 500 users, 50 followers, 40 posts over
 *   20 days, seed 1000 + i), then fitted in the same world (400 particles, at most 4,000
 *   simulations: COVERAGE in calibration-coverage.ts); per parameter: the share of 90 % credible
 *   intervals that hold the truth (against the binomial band around 0.9), the posterior
 *   probability below the truth (uniform on [0, 1] for a calibrated posterior: χ² over 5 bins,
 *   and its mean), and the mean posterior-to-prior spread (what such an export pins down).
 *   Exports too thin to inform a parameter are counted.
 * - `benchmark [--workers 2] [--only window|whole]`: the worked example of docs/calibration.md at
 *   its defaults (the synthetic 200-post export, 2,000 users, its first 30 days, 1,000 particles),
 *   timed, against the truth; then the slower fit on the whole export (all 100 days) it is
 *   measured against. `--only` runs one of the two and keeps the other's recorded result. Each
 *   fit's finished runs go to bench/.records/ (gitignored, a folder named by a digest of the
 *   version and the fit's options), so a killed benchmark goes on where it stopped.
 * - `scale [--seeds 20]`: the per-capita match — the statistics at the true parameters in worlds
 *   of 500, 1,000 and 2,000 users (the export's own size), mean and SD over seeds.
 * Writes bench/results/calibration-<part>.json and prints tables.
 *   npx tsx bench/calibration.ts coverage|benchmark|scale [options]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { accountWorld } from '../src/calibrate/account-world.js';
import { fit, type FitResult } from '../src/calibrate/fit.js';
import { formatFit } from '../src/calibrate/format.js';
import { simulatedExport } from '../src/calibrate/simulated-export.js';
import { exportStatistics } from '../src/calibrate/statistics.js';
import { syntheticExport } from '../src/calibrate/synthetic.js';
import { executeRun } from '../src/experiment/run.js';
import { readExport, readFollowerCounts } from '../src/calibrate/export.js';
import { applyPoint } from '../src/experiment/design.js';
import { TRUTH } from '../examples/data/make-synthetic-export.js';
import { VERSION } from '../src/version.js';
import { openFitRecord } from '../src/cli/commands/fit.js';
import { COVERAGE, coverageExport, coverageFitOptions, coveragePriors, coverageTable, type CoverageExport } from './calibration-coverage.js';
import { args, flag } from './args.js';

const part = args[0];
const results = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(results, { recursive: true });
const machine = { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version };
const save = (name: string, value: unknown) => writeFileSync(`${results}calibration-${name}.json`, JSON.stringify({ machine, ...(value as object) }, null, 1) + '\n');
const timed = async <T>(run: () => Promise<T>): Promise<{ result: T; seconds: number }> => {
  const t0 = performance.now();
  const result = await run();
  return { result, seconds: (performance.now() - t0) / 1000 };
};

if (part === 'coverage') {
  const exports = flag('exports', 50);
  const workers = flag('workers', 1);
  const { scenario, world, sampler, paths } = COVERAGE;
  const priors = coveragePriors();
  const settings = { scenario, world, fitWorld: 'the generating world (followerShare 1)', sampler, paths };
  const file = `${results}calibration-coverage.json`;
  const earlier = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  // Finished exports are kept (an interrupted study goes on where it stopped) — only with the same settings.
  if (earlier && JSON.stringify(earlier.settings) !== JSON.stringify(settings)) throw new Error(`${file} holds a study with other settings: move it away to start afresh`);
  const done: CoverageExport[] = earlier?.exports ?? [];
  for (let i = done.length; i < exports; i++) {
    const { truth, data } = coverageExport(i, priors);
    try {
      const { result: r, seconds } = await timed(() => fit({ ...coverageFitOptions(data), ...sampler, checks: 1, seed: i + 1, workers }));
      const at = priors.map((p) => r.parameters.findIndex((q) => q.path === p.path));
      const pit = at.map((k, j) => r.posterior.particles.reduce((a, theta, n) => a + (theta[k] < truth[j] ? r.posterior.weights[n] : 0), 0));
      done.push({ seed: i, truth, pit, covered: at.map((k, j) => r.parameters[k].q05 <= truth[j] && truth[j] <= r.parameters[k].q95), shrinkage: at.map((k) => r.parameters[k].shrinkage), ess: r.posterior.ess, distinct: r.posterior.distinct, simulations: r.simulations, generations: r.generations.length, stoppedBecause: r.stoppedBecause, seconds });
      console.log(`export ${i + 1}/${exports}: ${seconds.toFixed(0)} s, ${r.simulations} simulations, ${r.generations.length} generations (${r.stoppedBecause}), covered ${at.map((_, j) => ((done[i] as { covered: boolean[] }).covered[j] ? 1 : 0)).join('')}`);
    } catch (e) {
      // An export too thin to inform a parameter is counted, not hidden.
      done.push({ seed: i, truth, refused: (e as Error).message });
      console.log(`export ${i + 1}/${exports}: refused — ${(e as Error).message}`);
    }
    save('coverage', { settings, parameters: priors, exports: done });
  }
  console.log(`\n${coverageTable({ settings, parameters: priors, exports: done })}`);
} else if (part === 'benchmark') {
  const workers = flag('workers', 2);
  const dir = new URL('../examples/data/', import.meta.url);
  const data = readExport(readFileSync(new URL('synthetic-export.csv', dir), 'utf8'), { file: 'synthetic-export.csv' });
  data.followers = readFollowerCounts(readFileSync(new URL('synthetic-followers.csv', dir), 'utf8'), { file: 'synthetic-followers.csv' });
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  if (only !== undefined && only !== 'window' && only !== 'whole') throw new Error(`--only ${only}: must be window or whole`);
  const file = `${results}calibration-benchmark.json`;
  const runs: Record<string, { seconds: number; resumedFrom?: number; result: FitResult }> = only && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).runs : {};
  for (const [name, days] of [['window', 30], ['whole', 100]] as const) {
    if (only && name !== only) continue;
    const options = { export: data, scenario: { extends: 'facebook' }, users: 2000, days, particles: 1000, seed: 1 };
    // A record of finished runs (gitignored; the one `feedsim fit --resume` reads) lets a killed
    // fit go on: recorded runs are read back, not run again. Its folder's name holds a digest of
    // the version and the fit's options, so a record of another fit is never read; it is deleted
    // once the fit is done.
    const key = createHash('sha256').update(JSON.stringify({ VERSION, options })).digest('hex').slice(0, 12);
    const record = `${results}../.records/calibration-${name}-${key}`;
    mkdirSync(record, { recursive: true });
    const { recorded, append } = openFitRecord(record);
    if (recorded.size > 0) console.log(`${name}: ${recorded.size} runs read back from ${record} (its wall time is then not a measurement)`);
    const { result, seconds } = await timed(() => fit({ ...options, workers, recorded, onRun: append }));
    rmSync(record, { recursive: true });
    runs[name] = { seconds, ...(recorded.size > 0 ? { resumedFrom: recorded.size } : {}), result };
    console.log(`\n### ${name} (${days} days): ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min)\n\n${formatFit(result)}`);
    save('benchmark', { truth: TRUTH, runs });
  }
} else if (part === 'scale') {
  const seeds = flag('seeds', 20);
  const data = syntheticExport({ scenario: { extends: 'facebook' }, parameters: TRUTH, posts: 200, days: 100, users: 2000, followers: 100, seed: 7 }).export;
  const observed = exportStatistics(data);
  const sizes: Record<string, { mean: number[]; sd: number[] }> = {};
  for (const users of [500, 1000, 2000]) {
    const w = accountWorld(data, { users, scenario: { extends: 'facebook' } });
    const scenario = applyPoint(w.scenario, TRUTH);
    const values = Array.from({ length: seeds }, (_, s) => exportStatistics(simulatedExport(executeRun({ id: 's', label: 'a', scenario, strategy: w.strategy, replicate: 0, seed: s + 1 }, true), { ...w, scenario }), { only: observed.names }).values);
    const mean = observed.names.map((_, j) => values.reduce((a, v) => a + v[j], 0) / seeds);
    const sd = observed.names.map((_, j) => Math.sqrt(values.reduce((a, v) => a + (v[j] - mean[j]) ** 2, 0) / (seeds - 1)));
    sizes[users] = { mean, sd };
  }
  console.log(`| statistic | observed (2,000 users, 100 days) | ${Object.keys(sizes).map((u) => `${u} users, 30 days: mean ± SD`).join(' | ')} |`);
  console.log(`|---|---:|${Object.keys(sizes).map(() => '---:').join('|')}|`);
  observed.names.forEach((name, j) => console.log(`| ${name} | ${observed.values[j].toFixed(3)} | ${Object.values(sizes).map((s) => `${s.mean[j].toFixed(3)} ± ${s.sd[j].toFixed(3)}`).join(' | ')} |`));
  save('scale', { truth: TRUTH, seeds, statistics: observed, sizes });
} else {
  console.error('usage: npx tsx bench/calibration.ts coverage|benchmark|scale [--exports n] [--workers n] [--seeds n]');
  process.exit(2);
}
