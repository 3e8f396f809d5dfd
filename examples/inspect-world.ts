/**
 * Looking inside a world, step by step: create a world with two focal accounts (one building
 * followers, one chasing likes), advance it a few hours at a time, and read its state directly —
 * follower counts, who follows whom (`isFollowing`, `followersOf`), notification subscribers,
 * a user's interests and friends, the per-step and run counters (`COUNTER`), and the summaries of
 * posts that have left the feeds. Everything read here is a typed array or a plain object on the
 * world; `step` is the only thing that changes it.
 *
 * Run: npx tsx examples/inspect-world.ts   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import {
  CHANNEL_NAMES,
  COUNTER,
  createWorld,
  edgeCount,
  followBuilding,
  followersOf,
  hasNotifications,
  isFollowing,
  likeChasing,
  step,
  type World,
} from '../src/index.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const world = createWorld({
  seed: 3,
  users: small ? 2000 : 10000,
  cycles: 2,
  accounts: [
    { name: 'builder', topic: 0, strategy: followBuilding(), startingFollowers: 50, startingNotify: 0.2 },
    { name: 'chaser', topic: 0, strategy: likeChasing(), startingFollowers: 50 },
  ],
});
const [builder, chaser] = world.focal;
const { accounts, users, graph, scenario } = world;
console.log(
  `world: ${users.size} users, ${edgeCount(graph)} social-graph edges, ${accounts.count - accounts.focal} background creators, ` +
    `${scenario.topics} topics, ${scenario.stepsPerCycle} steps of ${scenario.stepDuration} per cycle, seed ${world.seed}`,
);

// The counters of one step (`stepCounters`), summed over the four channels where split.
const byChannel = (c: Float64Array, base: number) => c[base] + c[base + 1] + c[base + 2] + c[base + 3];

console.log('\nfollowers at the end of the hour; impressions, likes and follows during it (stepCounters)');
const names = world.focal.map((f) => `${f.name}: followers`.padStart(18) + '  impressions  likes  follows');
console.log(`hour | active users | ${names.join(' | ')}`);
const row = (w: World) => {
  const cells = w.focal.map((f) => {
    const s = f.stepCounters;
    const followers = w.accounts.followers[f.index];
    return `${String(followers).padStart(18)} ${String(byChannel(s, COUNTER.impressions)).padStart(12)} ${String(s[COUNTER.likes]).padStart(6)} ${String(s[COUNTER.follows]).padStart(8)}`;
  });
  console.log(`${String(w.step).padStart(4)} | ${String(w.activeCount).padStart(12)} | ${cells.join(' | ')}`);
};
// One day, a row every four hours: `step(world, n, listener)` calls the listener after each step.
for (let i = 0; i < 6; i++) step(world, 4, (w) => w.step % 4 === 0 && row(w));

// Who follows whom. Follows are kept per user; `followersOf` scans every user.
const fans = followersOf(world, builder.index);
const both = fans.filter((u) => isFollowing(world, u, chaser.index));
const bell = fans.filter((u) => hasNotifications(world, u, builder.index));
console.log(`\nafter ${world.step} steps: builder has ${fans.length} followers (first: ${fans.slice(0, 8).join(', ')}),`);
console.log(`  ${both.length} of them also follow chaser; ${bell.length} have builder's notifications on (accounts.notifySubscribers: ${accounts.notifySubscribers[builder.index]})`);

// One user up close: interests (one row of a users × topics matrix) and social-graph followers (CSR).
const u = fans[0];
const interests = Array.from(users.interest.subarray(u * users.topics, (u + 1) * users.topics), (x) => x.toFixed(2));
const friends = graph.followers.subarray(graph.offsets[u], graph.offsets[u + 1]);
console.log(`user ${u}: interests by topic [${interests.join(', ')}], activity ${users.activity[u].toFixed(3)} visits per step, ${friends.length} users see their reshares`);

// Run totals: one Float64Array per account, indexed by COUNTER; channel splits sit at base + channel.
for (const f of [builder, chaser]) {
  const t = f.totalCounters;
  const split = CHANNEL_NAMES.map((name, c) => `${name} ${t[COUNTER.impressions + c]}`).join(', ');
  console.log(
    `${f.name}: ${t[COUNTER.posts]} posts, impressions ${byChannel(t, COUNTER.impressions)} (${split}), likes ${t[COUNTER.likes]}, shares ${t[COUNTER.shares]}, ` +
      `follows ${t[COUNTER.follows]}, unfollows ${t[COUNTER.unfollows]}, conversions ${byChannel(t, COUNTER.conversions)}, ` +
      `cost ${(t[COUNTER.contentCost] + t[COUNTER.paidCost]).toFixed(1)}, value ${t[COUNTER.value]}`,
  );
}

// Finish the run; posts that have left every feed are summarised in `finishedPosts`.
step(world, scenario.cycles * scenario.stepsPerCycle - world.step);
console.log(`\nafter ${world.step} steps (${scenario.cycles} cycles): followers builder ${accounts.followers[builder.index]}, chaser ${accounts.followers[chaser.index]}`);
for (const p of world.finishedPosts.slice(0, 4)) {
  console.log(
    `post ${p.serial} by ${world.focal[p.account].name} (${p.kind}, quality ${p.quality}, cta ${p.cta}): ${p.impressions} impressions, reach ${p.reach}, ` +
      `${p.likes} likes, ${p.follows} follows, organic reach ${(100 * p.organicReach).toFixed(1)} % of followers, cascade of ${p.cascadeSize}`,
  );
}
