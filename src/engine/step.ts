/**
 * The step loop. A step: who is active (keyed by step, so identical across strategies); organic
 * posts by users and creators; focal accounts' strategies publish and buy promotion; every
 * active user's session; reshares delivered; counters rolled into the cycle.
 * @module
 */
import { accrueAccountHazards } from '../accounts/accounts.js';
import { followedAccount, followSlot } from '../accounts/follows.js';
import type { AccountDashboard, StrategyView } from '../campaign/strategy.js';
import { hasSeen } from './focal-posts.js';
import { addPodLikes, CTA, KIND, PF, RECORD_SHIFT, serialAt } from '../content/posts.js';
import { resolveTargeting } from '../campaign/targeting.js';
import { moneyScale, scaledBudget, scaledPostCost } from '../scenario/money-scale.js';
import { buyPaidImpressions } from './paid.js';
import { deliverToFollowers } from '../feed/inbox.js';
import { redrawInterests } from '../population.js';
import { nextFloat, seedKeyed } from '../rng.js';
import { accountLevels, COUNTERS, DASHBOARD_METRICS, COUNTER, metricValues, UNIQUE_COUNTERS } from './metrics.js';
import { finishFocalPost, publish } from './publish.js';
import { prefetchSessions } from './prefetch.js';
import { unfollow } from '../behavior/follow.js';
import { runSession } from './session.js';
import { internal, type FocalAccount, type World, type WorldState } from './world.js';

function dashboard(c: Float64Array, f: FocalAccount, w: World): AccountDashboard {
  return metricValues(DASHBOARD_METRICS, { counters: c, ...accountLevels(w.accounts, f.index) }, false) as AccountDashboard;
}

/** Production cost of a post of quality q in this world. */
export function postCost(w: WorldState, quality: number): number {
  return scaledPostCost(w.scenario, quality);
}

function runStrategies(w: WorldState, t: number, cycle: number, stepInCycle: number): void {
  const sc = w.scenario;
  for (const f of w.focal) {
    const view: StrategyView = {
      step: t,
      cycle: cycle + 1,
      stepInCycle,
      stepsPerCycle: sc.stepsPerCycle,
      budgetPerCycle: scaledBudget(sc),
      moneyScale: moneyScale(sc),
      postCost: (q) => postCost(w, q),
      total: dashboard(f.totalCounters, f, w),
      lastCycle: dashboard(f.lastCycleCounters, f, w),
    };
    const plan = f.strategy.plan(view);
    const home = w.accounts.homeUser[f.index];
    // A user's strategy is code: what it returns is checked as input, naming the account.
    const where = `strategy of ${f.name} (${sc.accounts[f.index].strategy?.kind ?? 'custom'})`;
    if (typeof plan !== 'object' || plan === null || !Array.isArray(plan.posts)) {
      throw new RangeError(`${where}: plan() must return { posts: [...], promotion, retarget, targeting? }, got ${JSON.stringify(plan)}`);
    }
    if (plan.retarget !== undefined && typeof plan.retarget !== 'boolean') throw new RangeError(`${where}: plan retarget = ${JSON.stringify(plan.retarget)} must be true or false`);
    for (const post of plan.posts) {
      if (typeof post !== 'object' || post === null) throw new RangeError(`${where}: each post must be an object { kind, quality, appeal, cta, persona }, got ${JSON.stringify(post)}`);
      if (!Object.hasOwn(KIND, post.kind)) throw new RangeError(`${where}: post kind = ${JSON.stringify(post.kind)} must be one of ${Object.keys(KIND).join(', ')}`);
      if (!Object.hasOwn(CTA, post.cta)) throw new RangeError(`${where}: post cta = ${JSON.stringify(post.cta)} must be one of ${Object.keys(CTA).join(', ')}`);
      for (const k of ['quality', 'appeal', 'persona'] as const) {
        if (!(typeof post[k] === 'number' && post[k] >= 0 && post[k] <= 1)) throw new RangeError(`${where}: post ${k} = ${JSON.stringify(post[k])} must be a number from 0 to 1`);
      }
      if (post.lifetimeSteps !== undefined && !(Number.isInteger(post.lifetimeSteps) && post.lifetimeSteps >= 0)) {
        throw new RangeError(`${where}: post lifetimeSteps = ${JSON.stringify(post.lifetimeSteps)} must be a whole number of steps ≥ 0 (0 and 1: shown in the step it appears only)`);
      }
      const topic = post.topic ?? w.accounts.topic[f.index];
      if (!(Number.isInteger(topic) && topic >= 0 && topic < sc.topics)) {
        throw new RangeError(`${where}: post topic = ${topic} must be a whole number from 0 to ${sc.topics - 1}`);
      }
      const bought = checkedPurchase(post.podLikes, post.podLikePrice, 'post podLikes', where);
      const slot = publish(w, f.index, home, post, topic);
      f.stepCounters[COUNTER.contentCost] += postCost(w, post.quality);
      if (bought > 0) {
        addPodLikes(w.posts, slot, bought);
        f.stepCounters[COUNTER.podLikes] += bought;
        f.stepCounters[COUNTER.boughtCost] += bought * post.podLikePrice!;
      }
    }
    const followers = checkedPurchase(plan.boughtFollowers, plan.followerPrice, 'boughtFollowers', where);
    if (followers > 0) {
      f.stepCounters[COUNTER.boughtFollowers] += followers;
      f.stepCounters[COUNTER.boughtCost] += followers * plan.followerPrice!;
    }
    if (!(typeof plan.promotion === 'number' && plan.promotion >= 0 && Number.isFinite(plan.promotion))) {
      throw new RangeError(`${where}: promotion = ${JSON.stringify(plan.promotion)} must be a finite amount ≥ 0`);
    }
    if (!f.noAds) f.promotionBank += plan.promotion;
    f.retarget = plan.retarget === true && sc.retargeting;
    f.targeting = resolveTargeting(plan.targeting, where);
    buyPaidImpressions(w, f, t);
  }
}

/** A purchase a plan asks for: a whole count ≥ 0 (0 when absent) with a price ≥ 0 when any is bought. */
function checkedPurchase(count: number | undefined, price: number | undefined, field: string, where: string): number {
  if (count === undefined || count === 0) return 0;
  if (!(Number.isInteger(count) && count > 0 && count <= 1e9)) throw new RangeError(`${where}: ${field} = ${JSON.stringify(count)} must be a whole number from 0 to 1000000000`);
  if (!(typeof price === 'number' && price >= 0 && Number.isFinite(price))) throw new RangeError(`${where}: the price of ${field} = ${JSON.stringify(price)} must be a finite amount ≥ 0`);
  return count;
}

/** Who is active this step, organic posting, turnover and drift — all keyed by the step. */
function activityPass(w: WorldState, t: number): void {
  const stream = w.stream;
  const pop = w.users;
  const N = pop.size;
  const sc = w.scenario;
  const s = seedKeyed(stream, w.keys.activity, t, 0);
  let n = 0;
  // Always-active users (activity 1) take no draw: the others' draws stay aligned across strategies.
  const act = pop.activity;
  for (let u = 0; u < N; u++) {
    if (act[u] >= 1 || nextFloat(s) < act[u]) {
      w.active[n++] = u;
      w.activeStep[u] = t;
    }
  }
  w.activeCount = n;
  const { turnoverPerStep, driftPerStep } = w.params;
  if (turnoverPerStep > 0 || driftPerStep > 0) {
    seedKeyed(stream, w.keys.population, t, 1);
    const next = () => nextFloat(stream);
    for (let u = 0; u < N; u++) {
      if (turnoverPerStep > 0 && nextFloat(stream) < turnoverPerStep) replaceUser(w, u, next);
      else if (driftPerStep > 0 && nextFloat(stream) < driftPerStep) redrawInterests(pop, u, sc.population.interestConcentration, 1, next);
    }
  }
  // Organic posts by active users, from one draw sequence per step (aligned across strategies).
  const postP = sc.content.userPostProbability;
  if (postP > 0) {
    seedKeyed(stream, w.keys.posting, t, 0);
    const q = sc.content.quality;
    const ap = sc.content.appeal;
    for (let i = 0; i < n; i++) {
      if (nextFloat(stream) >= postP) continue;
      const u = w.active[i];
      const quality = clamp01(q.mean + q.sd * (2 * nextFloat(stream) - 1) * SQRT3);
      const appeal = clamp01(ap.mean + ap.sd * (2 * nextFloat(stream) - 1) * SQRT3);
      publish(w, -1, u, { kind: 'organic', quality, appeal, cta: 'none', persona: 0 }, pop.mainTopic[u]);
    }
  }
  // Background creators.
  const acc = w.accounts;
  const ap = sc.content.appeal;
  if (acc.inauthenticFrom > acc.focal) {
    seedKeyed(stream, w.keys.creators, t, 0);
    for (let a = acc.focal; a < acc.inauthenticFrom; a++) {
      if (nextFloat(stream) >= acc.postRate[a]) continue;
      const quality = clamp01(acc.meanQuality[a] + 0.1 * (2 * nextFloat(stream) - 1));
      const appeal = clamp01(ap.mean + ap.sd * (2 * nextFloat(stream) - 1) * SQRT3);
      publish(w, a, -1, { kind: 'organic', quality, appeal, cta: 'none', persona: 0.3 }, acc.topic[a]);
    }
  }
  // Inauthentic accounts (§2.7), from their own stream: θ posts at a posting event, each
  // deceptively appealing (appeal 1) with probability φ.
  if (acc.count > acc.inauthenticFrom) {
    seedKeyed(stream, w.keys.inauthentic, t, 0);
    const { flooding, deception } = sc.inauthentic;
    for (let a = acc.inauthenticFrom; a < acc.count; a++) {
      if (nextFloat(stream) >= acc.postRate[a]) continue;
      for (let k = 0; k < flooding; k++) {
        const appeal = nextFloat(stream) < deception ? 1 : clamp01(ap.mean + ap.sd * (2 * nextFloat(stream) - 1) * SQRT3);
        publish(w, a, -1, { kind: 'organic', quality: acc.meanQuality[a], appeal, cta: 'none', persona: 0 }, acc.topic[a]);
      }
    }
  }
}

/** A user leaves and a newcomer takes the place: follows end, interests are redrawn. */
function replaceUser(w: WorldState, u: number, next: () => number): void {
  const fol = w.follows;
  for (let k = fol.count[u] - 1; k >= 0; k--) {
    const slot = followSlot(fol, u, k);
    unfollow(w, u, slot, followedAccount(fol, slot));
  }
  redrawInterests(w.users, u, w.scenario.population.interestConcentration, 1, next);
  for (const f of w.focal) {
    f.exposures[u] = 0;
    f.liked[u] = 0;
    f.paidSeen[u] = 0;
    if (f.demandFrom !== null) f.demandFrom[u] = 0;
    if (f.paidInCycle !== null) f.paidInCycle[u] = 0;
  }
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
/** A uniform draw on ±√3·sd has standard deviation sd. */
const SQRT3 = Math.sqrt(3);

function deliverShares(w: WorldState): void {
  const p = w.posts;
  for (let i = 0; i < w.shareCount; i++) {
    const serial = w.shareSerial[i];
    const slot = serial & p.mask;
    if (serialAt(p, slot) !== serial) continue;
    const fid = p.words[(slot << RECORD_SHIFT) + PF.focal];
    const rec = fid >= 0 ? w.focalPosts[fid]! : null;
    deliverToFollowers(w, w.graph, w.shareUser[i], serial, rec === null ? null : (v) => hasSeen(rec, v), true);
  }
  w.shareCount = 0;
}

function retireFocalPosts(w: WorldState, t: number): void {
  const p = w.posts;
  for (const rec of w.focalPosts) {
    if (rec === undefined) continue;
    const slot = rec.serial & p.mask;
    if (p.hold[slot] <= t) finishFocalPost(w, slot);
  }
}

/** Rolls one step's counters into the cycle's and the run's. */
function closeStep(w: WorldState): void {
  for (const f of w.focal) {
    const s = f.stepCounters;
    for (let i = 0; i < COUNTERS; i++) {
      if (UNIQUE_COUNTERS.has(i)) continue;
      f.cycleCounters[i] += s[i];
      f.totalCounters[i] += s[i];
    }
  }
}

/** Called at the start of each cycle: resets the cycle's counters. */
function openCycle(w: WorldState): void {
  for (const f of w.focal) {
    f.lastCycleCounters.set(f.cycleCounters);
    f.cycleCounters.fill(0);
    f.channelMask.fill(0);
    // Ad fatigue recovers: paid exposures count half for each cycle that has passed.
    const seen = f.paidSeen;
    for (let u = 0; u < seen.length; u++) seen[u] >>= 1;
    f.paidInCycle?.fill(0);
  }
}

/** Listener called after each step with the world (for recording series). */
export type StepListener = (w: World) => void;

/** Advances the world by `n` steps (default 1); returns the world. */
export function step(world: World, n = 1, onStep?: StepListener): World {
  const w = internal(world);
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`step: n = ${n} must be a whole number ≥ 0`);
  const S = w.scenario.stepsPerCycle;
  const b = w.params.behavior;
  for (let i = 0; i < n; i++) {
    const t = w.step;
    const cycle = Math.floor(t / S);
    const stepInCycle = t - cycle * S;
    if (stepInCycle === 0) openCycle(w);
    for (const f of w.focal) f.stepCounters.fill(0);
    accrueAccountHazards(w.accounts, t, b.lapsePerStep, b.lapseSteps, b.cadencePerStep, b.cadenceWindowSteps);
    activityPass(w, t);
    runStrategies(w, t, cycle, stepInCycle);
    const cycleStart = cycle * S;
    for (let k = 0; k < w.activeCount; k++) {
      prefetchSessions(w, k);
      runSession(w, w.active[k], t, cycleStart);
    }
    deliverShares(w);
    retireFocalPosts(w, t);
    closeStep(w);
    w.step = t + 1;
    onStep?.(w);
  }
  return w;
}
