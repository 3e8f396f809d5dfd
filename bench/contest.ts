/**
 * The contest benchmark (issue 15): a contest on the default scenario — both families searched
 * over 40 recipes each (successive halving in a 2,000-user miniature, the 3 best re-run at full
 * size), then 30 held-out replicates per finalist with both counterfactual twins and a horizon of
 * 30 cycles — timed on 2 workers through the built bundle. Writes the result and the time to
 * bench/results/contest[-<preset>].json and prints the contest's text.
 * Run on an idle machine after `npm run build`: node --import tsx bench/contest.ts [preset] [--quick]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const preset = args.find((a) => !a.startsWith('--'));
const dist = new URL('../dist/index.js', import.meta.url).href;
const { contest, formatContest } = (await import(dist)) as typeof import('../src/index.js');

const options = quick
  ? { scenario: { users: 2000, cycles: 4 }, candidates: 6, screenUsers: 500, heldOut: 4, horizon: 4, maxReplicates: 2 }
  : { scenario: preset ? { extends: preset } : {}, candidates: 40, heldOut: 30 };
const t0 = performance.now();
let runs = 0;
const result = await contest({ ...options, seed: 1, workers: 2, onProgress: (n) => (runs = n) });
const seconds = (performance.now() - t0) / 1000;
console.log(formatContest(result));
console.log(`\n${runs} runs in ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min) on 2 workers, ${cpus()[0]?.model ?? 'unknown CPU'}`);
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const name = quick ? 'contest-quick' : `contest${preset ? `-${preset}` : ''}`;
writeFileSync(`${dir}${name}.json`, JSON.stringify({ seconds, runs, options, machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version }, result }, null, 1) + '\n');
