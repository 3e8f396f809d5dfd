/**
 * Where does each strategy win? A sweep over the least-known behaviour parameters (follow base
 * rate × unfollow sensitivity, CALIBRATION.md) and the platform rules that could favour either
 * strategy (organic reach of followed accounts, account signal carry-over, engagement affinity,
 * retargeting, the price of ads, how much more readily followers buy), like-chasing vs
 * follow-building, written as JSON Lines and CSV, and printed as
 * a win map. docs/experiments.md shows and interprets its output.
 *
 * Run: npx tsx examples/sweep.ts [out-dir]   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { sweep, type DesignPoint } from '../src/index.js';
import { csvSink, jsonLinesSink } from '../src/node.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const out = process.argv[2] ?? join('out', 'sweep');

// A 3 × 3 grid on the two least-known parameters, then one platform rule at a time.
const grid: DesignPoint[] = [];
for (const follow of [0.0002, 0.0005, 0.002]) {
  for (const gap of [2, 8, 32]) grid.push({ 'behavior.follow.base': follow, 'behavior.unfollow.qualityGap': gap });
}
const rules: DesignPoint[] = [
  { 'feed.inNetworkReach': 0.1 },
  { 'feed.inNetworkReach': 0.3 },
  { accountSignalCarryover: 0.5 },
  { accountSignalCarryover: 1 },
  { engagementAffinity: 0.5 },
  { engagementAffinity: 1 },
  { retargeting: true },
  { 'paid.cpm': 24 },
  { 'behavior.convert.follower': 6 },
];
const points = small ? [grid[0], grid[8], rules[0], rules[6]] : [...grid, ...rules];

const started = performance.now();
const result = await sweep({
  scenario: small ? { users: 3000, cycles: 4, economics: { budgetPerCycle: 40 } } : {},
  design: { kind: 'list', points },
  strategies: ['like-chasing', 'follow-building'],
  replicates: small ? 2 : 10,
  workers: Math.min(2, availableParallelism()),
  sinks: [jsonLinesSink(join(out, 'rows.jsonl')), csvSink(join(out, 'rows.csv'))],
  onProgress: (done, total) => {
    if (process.stderr.isTTY && !process.env.CI) process.stderr.write(`\r${done}/${total} runs`);
  },
});
if (process.stderr.isTTY && !process.env.CI) process.stderr.write('\n');

const fmt = (x: number) => (x < 0 ? '−' : '') + Math.abs(x).toFixed(0);
console.log(`${result.runs} runs (${result.replicates} replicates per point and strategy), seed ${result.seed}; rows in ${out}/rows.jsonl and rows.csv`);
console.log('| point | like-chasing | follow-building | difference (95 % CI) | winner | crossover |');
console.log('| --- | ---: | ---: | --- | --- | --- |');
for (const p of result.points) {
  const d = p.difference['follow-building'];
  const x = p.crossovers[0];
  const where = Object.entries(p.point).map(([k, v]) => `${k} = ${v}`).join(', ');
  const cross = x.population !== null ? `cycle ${x.estimate} (${x.earliest}–${x.population})` : x.estimate !== null ? `not significant (from ${x.estimate}?)` : 'none';
  console.log(`| ${where} | ${fmt(p.final['like-chasing'].mean)} | ${fmt(p.final['follow-building'].mean)} | ${fmt(d.mean)} [${fmt(d.lower)}, ${fmt(d.upper)}] | ${p.winner} | ${cross} |`);
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
