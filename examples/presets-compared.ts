/**
 * Presets compared: like-chasing against follow-building on each platform preset (facebook,
 * youtube, instagram, twitch; docs/presets.md), at equal spend with common random numbers. Prints
 * a table of final cumulative net return with 95 % intervals, the paired difference and the
 * winner per platform (the strategy whose paired difference is significantly ahead, else
 * "neither"), and where follow-building overtakes, if it does.
 *
 * Run: npx tsx examples/presets-compared.ts   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import { availableParallelism } from 'node:os';
import { compare, followBuilding, likeChasing, platformPresetNames, platformPresets, type Interval } from '../src/index.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
// Small worlds: money scales with the users (economics.referenceUsers), so they spend alike per user.
const size = small ? { users: 2500, cycles: 3 } : { users: 10000, cycles: 30 };
const replicates = small ? 2 : 10;

// Whole units; a real difference under one unit (e.g. 0.004: half a paid impression not yet
// spent at a cycle's end) shows its first digit, so "0" is only printed for a tie.
const fmt = (x: number) => {
  const r = Math.round(x);
  if (r === 0 && Math.abs(x) >= 1e-6) return x.toPrecision(1).replace('-', '−');
  return (r < 0 ? '−' : '') + Math.abs(r);
};
const ci = (i: Interval) => `${fmt(i.mean)} [${fmt(i.lower)}, ${fmt(i.upper)}]`;
const started = performance.now();
const rows: string[] = [];
const crossings: string[] = [];
const warnings: string[] = [];
for (const platform of platformPresetNames()) {
  const r = await compare({
    scenario: { extends: platform, ...size },
    strategies: [likeChasing(), followBuilding()],
    replicates,
    // At small size one thread is quicker than starting workers.
    workers: small ? 1 : Math.min(2, availableParallelism()),
  });
  const [likes, follows] = r.strategies;
  const last = r.cycles - 1;
  const d = r.differences[follows].cumulativeNet[last];
  const winner = d.lower > 0 ? follows : d.upper < 0 ? likes : 'neither';
  rows.push(`| ${platform} | ${ci(r.summary[likes].cumulativeNet[last])} | ${ci(r.summary[follows].cumulativeNet[last])} | ${ci(d)} | ${winner} |`);
  crossings.push(`${platform} (${platformPresets[platform].description}): ${r.crossovers[0].summary}`);
  for (const w of r.warnings) warnings.push(`warning (${platform}): ${w}`);
}

console.log(`Final cumulative net return after ${size.cycles} cycles, ${size.users} users, ${replicates} replicates per strategy (95 % t intervals)`);
// Warnings beside the headline, before the table they qualify.
for (const w of warnings) console.log(w);
console.log('| platform | like-chasing | follow-building | follow − like | winner |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log('');
for (const c of crossings) console.log(c);
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
