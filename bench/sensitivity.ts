/**
 * The sensitivity benchmark and study (issue 16), through the built bundle on 2 workers:
 * 1. Morris screening of every assumption that applies, in a 2,000-user miniature of the scenario
 *    (money scales with the world, so it spends like the full size per user), follow-building −
 *    like-chasing at the last cycle, with the best recipe of each family from the scenario's
 *    contest (bench/results/contest[-<preset>].json; the built-ins when there is none);
 * 2. the scale check: the ten most and five least influential factors screened again at the
 *    scenario's full size, and the rank correlation of μ* between the two sizes;
 * 3. Sobol indices of the top 8 on a Gaussian-process emulator of a Saltelli design (its held-out
 *    Q² decides whether the emulator is believed).
 * Writes bench/results/sensitivity[-<preset>].json and prints the tables and wall times.
 * `--resolve` instead screens only the factors that act in the earlier result's scale check, at
 * full size with 2 replicates a point (so the noise floor is measured): the second stage of a
 * screen-then-resolve study; it writes sensitivity-resolve[-<preset>].json.
 * `--staged` (the preset studies) runs stage 1's screening, skips the scale check and the Sobol
 * stage, and resolves the ten factors with the largest miniature μ* (those above 0) at once; the
 * screening is written first, so `--resolve` after a staged screening resolves those ten.
 * Run on an idle machine after `npm run build`:
 *   node --import tsx bench/sensitivity.ts [preset] [--trajectories 20] [--samples 64] [--quick] [--resolve | --staged]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { sampleRankCorrelation } from 'simple-statistics';
import { fileURLToPath } from 'node:url';
import { args, flag } from './args.js';

const quick = args.includes('--quick');
const preset = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const dist = new URL('../dist/index.js', import.meta.url).href;
const { sensitivity, formatSensitivity, contestStrategies } = (await import(dist)) as typeof import('../src/index.js');

const results = fileURLToPath(new URL('./results/', import.meta.url));
const contestFile = `${results}contest${preset ? `-${preset}` : ''}.json`;
const strategies = existsSync(contestFile) ? contestStrategies(JSON.parse(readFileSync(contestFile, 'utf8')).result) : ['like-chasing', 'follow-building'];
const base = preset ? { extends: preset } : {};
const miniature = { ...base, users: quick ? 500 : 2000, ...(quick ? { cycles: 3, stepsPerCycle: 12 } : {}) };
const full = { ...base, ...(quick ? { users: 1000, cycles: 3, stepsPerCycle: 12 } : {}) };
const common = { strategies, replicates: 1, seed: 1, workers: 2 };

const timed = async <T>(what: string, run: () => Promise<T>): Promise<{ result: T; seconds: number }> => {
  const t0 = performance.now();
  const result = await run();
  const seconds = (performance.now() - t0) / 1000;
  console.log(`\n${what}: ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min)`);
  return { result, seconds };
};


const machine = { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version };
const suffix = `${quick ? '-quick' : ''}${preset ? `-${preset}` : ''}`;
mkdirSync(results, { recursive: true });

async function resolve(acting: string[]): Promise<void> {
  const resolved = await timed(`Resolving ${acting.length} factors (full size, 2 replicates a point)`, () =>
    sensitivity({ ...common, replicates: 2, scenario: full, method: 'morris', factors: acting, trajectories: flag('trajectories', quick ? 2 : 20) }));
  console.log(formatSensitivity(resolved.result, { rows: 20 }));
  writeFileSync(`${results}sensitivity-resolve${suffix}.json`, JSON.stringify({ machine, seconds: resolved.seconds, result: resolved.result }, null, 1) + '\n');
}

type Screening = import('../src/index.js').SensitivityResult;
/** A staged study's resolved factors: the ten with the largest miniature μ* above 0. */
const stagedFactors = (screening: Screening): string[] => {
  const diff = screening.outputs.difference;
  if (diff.method !== 'morris') throw new Error('expected Morris');
  return diff.morris.factors.map((f, i) => ({ f, path: screening.factors[i].path })).filter((x) => x.f.muStar.estimate > 0).sort((a, b) => a.f.rank - b.f.rank).slice(0, 10).map((x) => x.path);
};

if (args.includes('--resolve')) {
  const earlier = JSON.parse(readFileSync(`${results}sensitivity${suffix}.json`, 'utf8'));
  await resolve(earlier.scale ? (earlier.scale.factors as string[]).filter((_, i) => earlier.scale.full[i] > 0) : stagedFactors(earlier.morris.result));
  process.exit(0);
}

const trajectories = flag('trajectories', quick ? 2 : 20);
const morris = await timed('Morris screening (miniature)', () => sensitivity({ ...common, scenario: miniature, method: 'morris', trajectories }));
console.log(formatSensitivity(morris.result, { rows: 20 }));
const diff = morris.result.outputs.difference;
if (diff.method !== 'morris') throw new Error('expected Morris');
const byRank = diff.morris.factors.map((f, i) => ({ f, factor: morris.result.factors[i] })).sort((a, b) => a.f.rank - b.f.rank);
const strategiesNote = existsSync(contestFile) ? `best recipes of ${contestFile.split('/').pop()}` : 'built-ins';

if (args.includes('--staged')) {
  writeFileSync(`${results}sensitivity${suffix}.json`, JSON.stringify({ machine, strategies: strategiesNote, morris: { seconds: morris.seconds, result: morris.result } }, null, 1) + '\n');
  await resolve(stagedFactors(morris.result));
  process.exit(0);
}

// Scale check: the ten most and five least influential, screened again at full size.
const checked = [...byRank.slice(0, 10), ...byRank.slice(-5)].map((x) => x.factor.path);
const scale = await timed('Scale check (full size)', () => sensitivity({ ...common, scenario: full, method: 'morris', factors: checked, trajectories: quick ? 2 : 10 }));
const fullDiff = scale.result.outputs.difference;
if (fullDiff.method !== 'morris') throw new Error('expected Morris');
const small = checked.map((p) => diff.morris.factors[morris.result.factors.findIndex((f) => f.path === p)].muStar.estimate);
// μ* is in money per full range; the miniature's money is scaled by its size, so compare ranks.
const large = checked.map((p) => fullDiff.morris.factors[scale.result.factors.findIndex((f) => f.path === p)].muStar.estimate);
// Spearman's correlation, ties (factors that cannot act: μ* exactly 0 at both sizes) at their mean rank.
const rho = sampleRankCorrelation(small, large);
console.log(formatSensitivity(scale.result, { rows: 15 }));
console.log(`rank correlation of μ* (miniature vs full size, ${checked.length} factors): ${rho.toFixed(2)}`);

const top = byRank.slice(0, 8).map((x) => x.factor);
const sobol = await timed('Sobol on an emulator (miniature, top 8)', () => sensitivity({ ...common, scenario: miniature, method: 'sobol', factors: top, samples: flag('samples', quick ? 4 : 64), emulator: true }));
console.log(formatSensitivity(sobol.result));

writeFileSync(`${results}sensitivity${suffix}.json`, JSON.stringify({
  machine,
  strategies: strategiesNote,
  morris: { seconds: morris.seconds, result: morris.result },
  scale: { seconds: scale.seconds, factors: checked, miniature: small, full: large, spearman: rho, result: scale.result },
  sobol: { seconds: sobol.seconds, result: sobol.result },
}, null, 1) + '\n');
