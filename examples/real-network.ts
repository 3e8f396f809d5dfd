/**
 * A real network: like-chasing against follow-building among the 4,039 users of the SNAP
 * ego-Facebook network (data/facebook_combined.txt: J. McAuley and J. Leskovec, "Learning to
 * Discover Social Circles in Ego Networks", NIPS 2012; see data/README.md), on the facebook
 * preset, read through the scenario file examples/scenarios/facebook-network.json. The same
 * comparison then runs on a random graph with the same users and mean degree, to show what the
 * real network's friend circles (clustering 0.61 against ~0.01) change.
 *
 * Run: npx tsx examples/real-network.ts   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { clusteringCoefficient, compare, degreeStats, edgeCount, followBuilding, likeChasing, type Interval, type ScenarioInput } from '../src/index.js';
import { loadEdgeList, loadScenarioFile } from '../src/node.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The graph alone, to describe it (friendship is mutual: each line is a tie both ways).
const graph = loadEdgeList(here('../data/facebook_combined.txt'), { undirected: true });
const degrees = degreeStats(graph);
console.log('SNAP ego-Facebook (McAuley & Leskovec, NIPS 2012; data/README.md):');
console.log(
  `  ${graph.users} users, ${edgeCount(graph) / 2} friendships, mean degree ${degrees.mean.toFixed(1)}, ` +
    `max ${degrees.max}, clustering ${clusteringCoefficient(graph).toFixed(4)}`,
);

// The scenario file names the preset and the edge list; loading it inlines the edges as text,
// so worker threads need no file access.
const { input } = loadScenarioFile(here('scenarios/facebook-network.json'));
// Money scales with the users (economics.referenceUsers): 4,039 users spend about 40 a cycle.
const common: ScenarioInput = { cycles: small ? 3 : input.cycles };
const graphs: Array<[string, ScenarioInput]> = [
  ['ego-Facebook', { ...input, ...common }],
  ['random, same mean degree', { ...input, ...common, users: graph.users, graph: { kind: 'erdos-renyi', meanDegree: degrees.mean } }],
];

const fmt = (x: number) => (Math.round(x) < 0 ? '−' : '') + Math.abs(Math.round(x));
const ci = (i: Interval) => `${fmt(i.mean)} [${fmt(i.lower)}, ${fmt(i.upper)}]`;
console.log('\n| graph | strategy | followers | reach (last cycle) | shares | cumulative net (95 % CI) |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
const verdicts: string[] = [];
for (const [name, scenario] of graphs) {
  const r = await compare({
    scenario,
    strategies: [likeChasing(), followBuilding()],
    replicates: small ? 2 : 10,
    // At small size one thread is quicker than starting workers.
    workers: small ? 1 : Math.min(2, availableParallelism()),
  });
  const last = r.cycles - 1;
  for (const s of r.strategies) {
    const m = r.summary[s];
    const shares = m.shares.reduce((sum, c) => sum + c.mean, 0);
    console.log(`| ${name} | ${s} | ${fmt(m.followers[last].mean)} | ${fmt(m.reach[last].mean)} | ${fmt(shares)} | ${ci(m.cumulativeNet[last])} |`);
  }
  verdicts.push(`${name}: ${r.crossovers[0].summary}`);
  for (const w of r.warnings) console.warn(`warning (${name}):`, w);
}
console.log('');
for (const v of verdicts) console.log(v);
