/**
 * What each platform preset produces at a small size: organic reach per post (share of
 * followers who saw it in-network), reach ÷ followers, likes per impression and impressions by
 * channel. Prints the Markdown table pasted into docs/presets.md. Under a minute on one core.
 *
 *   npx tsx bench/preset-figures.ts                 # the table in docs/presets.md
 *   npx tsx bench/preset-figures.ts --reach 1       # throttle off: R1, used to calibrate feed.inNetworkReach
 *   npx tsx bench/preset-figures.ts --only youtube  # one preset
 */
import {
  followBuilding, likeChasing, platformPresetNames, platformPresets, script, simulate,
  type ScenarioInput, type SimulationResult, type StrategySpec,
} from '../src/index.js';

const argValue = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const reachOverride = argValue('--reach') === undefined ? undefined : Number(argValue('--reach'));
const only = argValue('--only');

/** The stated size: 5,000 users, a focal account with 500 starting followers, 8 daily cycles, 3 seeds. */
const SIZE = { users: 5000, startingFollowers: 500, cycles: 8 } as const;
const SEEDS = [1, 2, 3];
/** Only posts from the first half of the run count, so long-lived (YouTube) posts are not cut short. */
const MEASURED_CYCLES = SIZE.cycles / 2;

/** Two reference posts a day (quality 0.5, appeal 0.5, no call to action, no persona), no paid promotion. */
function referencePosts(stepsPerCycle: number): StrategySpec {
  const posts = [];
  for (let s = 0; s < SIZE.cycles * stepsPerCycle; s += stepsPerCycle / 2) {
    posts.push({ step: s, kind: 'organic' as const, quality: 0.5, appeal: 0.5, cta: 'none' as const, persona: 0 });
  }
  return script({ posts });
}

const CHANNELS = ['network', 'recommended', 'notification', 'paid'] as const;

interface Measures {
  organicReach: number;
  reachPerFollower: number;
  likesPerImpression: number;
  focalShare: Record<(typeof CHANNELS)[number], number>;
  allShare: Record<(typeof CHANNELS)[number], number>;
}

function measure(r: SimulationResult): Measures {
  const S = r.scenario.stepsPerCycle;
  const series = r.accounts[0];
  const posts = r.posts.filter((p) => p.created < MEASURED_CYCLES * S);
  // Followers when a post was published: strategies publish before the step's sessions.
  const followersAt = (t: number) => (t === 0 ? series.startingFollowers : series.steps[t - 1].followers);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const focal = { network: 0, recommended: 0, notification: 0, paid: 0 };
  let impressions = 0;
  let likes = 0;
  for (const p of posts) {
    for (const c of CHANNELS) focal[c] += p.impressionsByChannel[c];
    impressions += p.impressions;
    likes += p.likes;
  }
  const all = CHANNELS.reduce((a, c) => a + r.impressionsByChannel[c], 0);
  const share = (x: Record<(typeof CHANNELS)[number], number>, total: number) =>
    Object.fromEntries(CHANNELS.map((c) => [c, x[c] / total])) as Measures['focalShare'];
  return {
    organicReach: mean(posts.map((p) => p.organicReach)),
    reachPerFollower: mean(posts.map((p) => p.reach / Math.max(1, followersAt(p.created)))),
    likesPerImpression: likes / impressions,
    focalShare: share(focal, impressions),
    allShare: share(r.impressionsByChannel, all),
  };
}

/** Mean and standard error across seeds (the seeds are the independent replicates). */
function across(xs: number[]): { mean: number; se: number } {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return { mean: m, se: Math.sqrt(v / xs.length) };
}

const pct = (x: { mean: number; se: number }, digits: number, seDigits: number) => `${(100 * x.mean).toFixed(digits)} ± ${(100 * x.se).toFixed(seDigits)} %`;
const shares = (rows: Measures[], key: 'focalShare' | 'allShare') =>
  CHANNELS.slice(0, 3).map((c) => (100 * across(rows.map((m) => m[key][c])).mean).toFixed(1)).join(' / ');

const started = performance.now();
const lines = [
  '| preset | organic reach, reference posts | like-chasing posts | follow-building posts | reach ÷ followers | likes ÷ impressions | focal impressions: network / recommended / notification % | all impressions: network / recommended / notification % |',
  '| --- | ---: | ---: | ---: | ---: | ---: | :---: | :---: |',
];
for (const name of platformPresetNames()) {
  if (only !== undefined && only !== name) continue;
  const base: ScenarioInput = { extends: name, ...(reachOverride === undefined ? {} : { feed: { inNetworkReach: reachOverride } }) };
  const run = (strategy: StrategySpec, seed: number) => measure(simulate({ ...base, ...SIZE, seed, strategy }));
  const S = platformPresets[name].scenario.stepsPerCycle ?? 24;
  const perDay = { postsPerCycle: 2, promote: false };
  const reference = SEEDS.map((seed) => run(referencePosts(S), seed));
  const like = SEEDS.map((seed) => run(likeChasing(perDay), seed));
  const follow = SEEDS.map((seed) => run(followBuilding(perDay), seed));
  const col = (rows: Measures[], key: 'organicReach' | 'reachPerFollower' | 'likesPerImpression', digits = 1, seDigits = 2) =>
    pct(across(rows.map((m) => m[key])), digits, seDigits);
  lines.push(
    `| ${name} | ${col(reference, 'organicReach')} | ${col(like, 'organicReach')} | ${col(follow, 'organicReach')} | ${col(reference, 'reachPerFollower', 0, 1)} | ${col(reference, 'likesPerImpression', 2, 2)} | ${shares(reference, 'focalShare')} | ${shares(reference, 'allShare')} |`,
  );
}
console.log(lines.join('\n'));
console.log(
  `\n${SIZE.users} users, ${SIZE.startingFollowers} starting followers, ${SIZE.cycles} daily cycles, two posts a day without paid promotion, ` +
    `posts of the first ${MEASURED_CYCLES} cycles; mean ± standard error over seeds ${SEEDS.join(', ')}` +
    `${reachOverride === undefined ? '' : `; feed.inNetworkReach = ${reachOverride}`} (${((performance.now() - started) / 1000).toFixed(0)} s).`,
);
