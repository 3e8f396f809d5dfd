/**
 * A market: four businesses on the same platform, each in its own topic, three of them building
 * followers. Should the fourth build followers too, or chase likes? Focal account 0 runs each
 * strategy in turn while its competitors keep theirs (common random numbers across the two).
 *
 * Run: npx tsx examples/market.ts   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import { availableParallelism } from 'node:os';
import { compare, followBuilding, likeChasing, simulate, type ScenarioInput } from '../src/index.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const market: ScenarioInput = {
  ...(small ? { users: 4000, cycles: 6 } : { cycles: 30 }),
  accounts: [
    { name: 'us', topic: 0, startingFollowers: 100 },
    { name: 'rival-a', topic: 1, startingFollowers: 100, strategy: followBuilding() },
    { name: 'rival-b', topic: 2, startingFollowers: 100, strategy: followBuilding() },
    { name: 'rival-c', topic: 0, startingFollowers: 100, strategy: followBuilding() }, // same topic as us
  ],
};

// Everyone builds followers: how does the market split?
const all = simulate({ ...market, accounts: market.accounts!.map((a) => ({ ...a, strategy: followBuilding() })) }, { steps: false });
console.log('When every business builds followers:');
for (const a of all.accounts) {
  const last = a.cycles[a.cycles.length - 1];
  console.log(`  ${a.name.padEnd(8)} followers ${String(last.followers).padStart(6)}, cumulative net ${last.cumulativeNet.toFixed(0).padStart(7)}`);
}

const r = await compare({
  scenario: market,
  strategies: [likeChasing(), followBuilding()],
  replicates: small ? 3 : 20,
  workers: Math.min(2, availableParallelism()),
});
const last = r.cycles - 1;
console.log(`\nAccount "us" against three follower-building rivals (${r.replicates} replicates):`);
for (const s of r.strategies) {
  const net = r.summary[s].cumulativeNet[last];
  const f = r.summary[s].followers[last];
  console.log(`  ${s.padEnd(16)} followers ${f.mean.toFixed(0).padStart(6)}, cumulative net ${net.mean.toFixed(0)} [${net.lower.toFixed(0)}, ${net.upper.toFixed(0)}]`);
}
console.log(`  ${r.crossovers[0].summary}`);
