/**
 * Where does each strategy win? A sweep over the least-known behaviour parameters (follow base
 * rate × unfollow sensitivity: no citable source, docs/calibration-sources.md) and the platform rules that could favour either
 * strategy (organic reach of followed accounts, account signal carry-over, engagement affinity,
 * retargeting, the price of ads, how much more readily followers buy, bell notifications),
 * like-chasing vs follow-building (and a variant that sells more often), written as JSON Lines and CSV, printed as
 * a win map and drawn as SVG win maps in <out-dir>/plots: the grid with `writePlots`, the rules
 * as a strip with `sweepWinMap` and `writeChart`. docs/experiments.md shows and interprets its output.
 *
 * Run: npx tsx examples/sweep.ts [out-dir]   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 * The out-dir (default out/sweep, out/sweep-small at small size) gets a fresh record each run.
 */
import { availableParallelism } from 'node:os';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { followBuilding, likeChasing, sweep, type DesignPoint } from '../src/index.js';
import { csvSink, jsonLinesSink } from '../src/node.js';
import { sweepWinMap, writeChart, writePlots, type SweepWinRow } from '../src/plots/index.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const out = process.argv[2] ?? join('out', small ? 'sweep-small' : 'sweep');
// The sinks append (so an interrupted sweep keeps its finished runs): start a fresh record.
for (const file of ['rows.jsonl', 'rows.csv']) rmSync(join(out, file), { force: true });

// A 2 × 2 grid on the two least-known parameters, then one platform or market rule at a time.
const grid: DesignPoint[] = [];
for (const follow of [0.0002, 0.002]) {
  for (const gap of [2, 32]) grid.push({ 'behavior.follow.base': follow, 'behavior.unfollow.qualityGap': gap });
}
const bell = { 'notifications.clickThrough': 0.3, 'behavior.notify.base': 0.3 };
const rules: DesignPoint[] = [
  { 'feed.inNetworkReach': 0.1 },
  { accountSignalCarryover: 1 },
  { engagementAffinity: 1 },
  { retargeting: true },
  { 'paid.cpm': 24 },
  { 'behavior.convert.follower': 6 },
  { 'behavior.convert.follower': 20 },
  bell,
  { ...bell, 'behavior.convert.follower': 6 },
];
const points = small ? [grid[0], grid[3], rules[0], rules[7]] : [...grid, ...rules];
// The built-in follow-building sells on every third post; a variant sells on every second.
const strategies = [likeChasing(), followBuilding(), { ...followBuilding({ productEvery: 2 }), label: 'follow-building/2' }];

const started = performance.now();
const result = await sweep({
  scenario: small ? { users: 2000, cycles: 3 } : {},
  design: { kind: 'list', points },
  strategies,
  replicates: small ? 2 : 8,
  // At small size one thread is quicker than starting workers.
  workers: small ? 1 : Math.min(2, availableParallelism()),
  sinks: [jsonLinesSink(join(out, 'rows.jsonl')), csvSink(join(out, 'rows.csv'))],
  onProgress: (done, total) => {
    if (process.stderr.isTTY && !process.env.CI) process.stderr.write(`\r${done}/${total} runs`);
  },
});
if (process.stderr.isTTY && !process.env.CI) process.stderr.write('\n');

const fmt = (x: number) => (x < 0 ? '−' : '') + Math.abs(x).toFixed(0);
console.log(`${result.runs} runs (${result.replicates} replicates per point and strategy), seed ${result.seed}; rows in ${out}/rows.jsonl and rows.csv`);
const labels = result.strategies;
console.log(`| point | ${labels.map((l) => `${l}: final net`).join(' | ')} | ${labels.slice(1).map((l) => `${l} − ${labels[0]} (95 % CI)`).join(' | ')} | winner | crossovers |`);
console.log(`| --- | ${labels.map(() => '---:').join(' | ')} | ${labels.slice(1).map(() => '---').join(' | ')} | --- | --- |`);
for (const p of result.points) {
  const where = Object.entries(p.point).map(([k, v]) => `${k} = ${v}`).join(', ');
  const finals = labels.map((l) => fmt(p.final[l].mean));
  const diffs = labels.slice(1).map((l) => `${fmt(p.difference[l].mean)} [${fmt(p.difference[l].lower)}, ${fmt(p.difference[l].upper)}]`);
  const cross = p.crossovers
    .map((x) => `${x.challenger}: ${x.population !== null ? `cycle ${x.estimate} (${x.earliest}–${x.population})` : x.estimate !== null ? `mean ahead from ${x.estimate}, not significant` : 'none'}`)
    .join('; ');
  console.log(`| ${where} | ${finals.join(' | ')} | ${diffs.join(' | ')} | ${p.winner} | ${cross} |`);
}
// A win map has at most two axes. The grid points vary two factors: `writePlots` draws them as
// plots/sweep-win-map.svg. The rules vary one thing each: one cell per rule, in a strip.
const inGrid = (p: DesignPoint) => grid.some((g) => JSON.stringify(g) === JSON.stringify(p));
const plots = await writePlots(join(out, 'plots'), { ...result, points: result.points.filter((p) => inGrid(p.point)) });
const ruleRows: SweepWinRow[] = result.points
  .filter((p) => !inGrid(p.point))
  .map((p) => ({ point: { rule: Object.entries(p.point).map(([k, v]) => `${k} = ${v}`).join(', ') }, winner: p.winner }));
const rulesPath = join(out, 'plots', 'sweep-rules.svg');
await writeChart(rulesPath, sweepWinMap(ruleRows, { strategies: result.strategies }), 'sweep-rules');
for (const p of plots) console.log(`plot: ${p.path} (${p.title}, the grid)`);
console.log(`plot: ${rulesPath} (where each strategy wins, one rule at a time)`);
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`);
