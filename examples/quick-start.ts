/**
 * Quick start (`npm start`): the default comparison — like-chasing against follow-building on
 * the default scenario, 5 replicates each with common random numbers (replicate r of both
 * strategies faces the same users, graph and background) — printed as a table of mean followers,
 * reach and cumulative net return per cycle, with the net return's 95 % interval.
 *
 * Run: npx tsx examples/quick-start.ts   (FEEDSIM_EXAMPLE_SIZE=small for a fast smoke run)
 */
import { availableParallelism } from 'node:os';
import { compare, followBuilding, likeChasing, type ScenarioInput } from '../src/index.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const scenario: ScenarioInput = small ? { users: 3000, cycles: 4, economics: { budgetPerCycle: 40 } } : {};
const replicates = small ? 2 : 5;

const started = performance.now();
const r = await compare({
  scenario,
  strategies: [likeChasing(), followBuilding()],
  replicates,
  workers: Math.min(2, availableParallelism()),
});
const seconds = (performance.now() - started) / 1000;

const pad = (x: string | number, n: number) => String(x).padStart(n);
const money = (x: number) => (x < 0 ? '-' : '') + Math.abs(x).toFixed(0);
console.log(`feedsim quick start — default scenario, ${r.replicates} replicates per strategy, seed ${r.seed}`);
console.log(`${pad('', 5)} | ${r.strategies.map((s) => s.padEnd(42)).join(' | ')}`);
console.log(`${pad('cycle', 5)} | ${r.strategies.map(() => `${pad('followers', 9)} ${pad('reach', 7)} ${pad('cum. net [95% CI]', 24)}`).join(' | ')}`);
for (let c = 0; c < r.cycles; c++) {
  const cells = r.strategies.map((s) => {
    const m = r.summary[s];
    const net = m.cumulativeNet[c];
    return `${pad(m.followers[c].mean.toFixed(0), 9)} ${pad(m.reach[c].mean.toFixed(0), 7)} ${pad(`${money(net.mean)} [${money(net.lower)}, ${money(net.upper)}]`, 24)}`;
  });
  console.log(`${pad(c + 1, 5)} | ${cells.join(' | ')}`);
}
console.log(`\n${r.crossovers[0].summary}`);
console.log(`Spend per cycle: ${r.strategies.map((s) => `${s} ${r.spendPerCycle[s].toFixed(1)}`).join(', ')}. ${seconds.toFixed(1)} s.`);
console.log('More replicates and the full statistics: npx tsx examples/likes-vs-follows.ts');
for (const w of r.warnings) console.warn('warning:', w);
