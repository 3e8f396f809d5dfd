/**
 * Issue 15's table, re-measured: follow-building − like-chasing at the last cycle of the default
 * scenario (10,000 users, 30 cycles) for the recipe variants that flipped the 0.2.1 answer, each a
 * paired comparison with common random numbers (10 replicates, seed 1) through the built bundle.
 * Prints a markdown table. Run after `npm run build`: node --import tsx bench/variants.ts [replicates]
 */
const replicates = Number(process.argv[2] ?? 10);
const dist = new URL('../dist/index.js', import.meta.url).href;
const { compare, followBuilding, likeChasing } = (await import(dist)) as typeof import('../src/index.js');

const variants: Array<{ name: string; scenario?: object; baseline?: object; challenger?: object }> = [
  { name: 'defaults' },
  { name: 'follow-building selling on every post (`productEvery: 1`)', challenger: { productEvery: 1 } },
  { name: 'follow-building boosting only its product posts', challenger: { boost: 'product' } },
  { name: 'like-chasing with quality 0.85 (against default like-chasing)', baseline: {}, challenger: { quality: 0.85 } },
  { name: 'follow-building selling on every post, follows switched off', scenario: { follows: false }, challenger: { productEvery: 1 } },
];
const money = (x: number) => Math.round(x).toLocaleString('en');
console.log('| variant | difference at cycle 30 [95 % CI] | spend per cycle (baseline, challenger) | crossover |');
console.log('| --- | --- | --- | --- |');
for (const v of variants) {
  const likeVsLike = v.name.startsWith('like-chasing with');
  const r = await compare({
    scenario: v.scenario ?? {},
    strategies: [
      { ...likeChasing(v.baseline ?? {}), label: 'baseline' },
      { ...(likeVsLike ? likeChasing(v.challenger ?? {}) : followBuilding(v.challenger ?? {})), label: 'challenger' },
    ],
    replicates, seed: 1, workers: 2,
  });
  const d = r.differences.challenger.cumulativeNpv[r.cycles - 1];
  const spend = Object.values(r.spendPerCycle).map((x) => x.toFixed(1)).join(', ');
  console.log(`| ${v.name} | ${money(d.mean)} [${money(d.lower)}, ${money(d.upper)}] | ${spend} | ${r.crossovers[0]?.summary ?? '–'} |`);
}
console.log(`\n${replicates} paired replicates each, seed 1, default scenario (feedsim ${(await import(dist)).VERSION}).`);
