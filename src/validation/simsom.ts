/**
 * The SimSoM model of Truong, Lou, Flammini & Menczer, "Quantifying the vulnerabilities of the
 * online public square to adversarial manipulation tactics", PNAS Nexus 3:pgae258 (2024) — its
 * rules written from the paper and its code's documented behaviour (osome-iu/SimSoM,
 * libs/simsom/model.py), over typed arrays and feedsim's seeded streams, so `npm run reproduce`
 * can set its headline numbers beside the paper's (issue 18).
 *
 * Humans follow humans on a directed random graph; bots (β per human) follow three other bots and
 * no human; each bot is followed by Binomial(humans, γ) humans drawn uniformly (infiltration).
 * Every step each agent, in a fresh random order, posts a new message with probability μ (or when
 * its feed is empty), else reshares one of its feed's entries chosen in proportion to
 * appeal × share count × exp(−0.4·age^0.4). A message has a quality and an appeal, drawn
 * independently: human quality with density ∝ e^{10q} on [0, 1], appeal with density
 * 5(1 − a)⁴; a bot's message has quality 0 and, with probability φ (deception), appeal 1. A bot
 * pushes θ copies (flooding), which merge into one feed entry with share count θ. Feeds change
 * once per step, after every agent acted, by SimSoM's rule (`updateFeed` below). The run stops
 * when the smoothed mean quality of the messages in human feeds (Q ← 0.8·Q + 0.2·q̄) changes by
 * at most 10⁻⁴ of itself.
 * @module
 */
import { binomialDraw, distinctDraw } from '../accounts/inauthentic.js';
import { uniformStream } from '../rng.js';
import * as math from '../math/index.js';

/** The model's parameters (defaults: the paper's). */
export interface SimsomOptions {
  /** Human agents (the paper: 10,006, a k-core of an empirical Twitter follower network). */
  humans?: number;
  /** Mean number of humans a human follows (the paper's network: 180.9). */
  friends?: number;
  /** β: bots per human (0.05). */
  bots?: number;
  /** γ: chance that a given human follows a given bot (0.01). */
  infiltration?: number;
  /** φ: chance a bot's message has appeal 1 (0). */
  deception?: number;
  /** θ: copies of each bot message pushed to each follower (1). */
  flooding?: number;
  /** σ: feed size (15; the α). */
  feedSize?: number;
  /** μ: chance of posting a new message rather than resharing (0.5). */
  mu?: number;
  /** Exponent λ of the human quality density ∝ e^{λq} (10). */
  qualityExponent?: number;
  /** Exponent α of the appeal density (α + 1)(1 − a)^α (4). */
  appealExponent?: number;
  /** Smoothing ρ and relative stopping tolerance ε of the mean feed quality (0.8, 10⁻⁴). */
  rho?: number;
  epsilon?: number;
  /** Steps at most (200). */
  maxSteps?: number;
  seed?: number | string;
  /** Called after each step with the step's mean human-feed quality and the smoothed one. */
  onStep?: (step: number, quality: number, smoothed: number) => void;
}

/** What a run measures (SimSoM's system metrics). */
export interface SimsomResult {
  /** Smoothed mean quality of the messages in human feeds when the run stopped. */
  quality: number;
  steps: number;
  /** Entropy (natural log) of the messages' shares of all feed entries, bots' feeds included. */
  diversity: number;
  /**
   * Kendall τ between the messages' ranking by quality and by human shares, ties in shares broken
   * by quality as SimSoM's stable sort does (which makes it high even where appeal ignores quality).
   */
  discrimination: number;
  /** Messages created, and the share of the entries of human feeds that are bots' messages. */
  messages: number;
  botShareOfHumanFeeds: number;
}

const DEFAULTS = {
  humans: 10_006, friends: 180.9, bots: 0.05, infiltration: 0.01, deception: 0, flooding: 1, feedSize: 15,
  mu: 0.5, qualityExponent: 10, appealExponent: 4, rho: 0.8, epsilon: 1e-4, maxSteps: 200, seed: 1,
};

/** Who each agent's pushes reach: followers in CSR form (agents 0…H−1 humans, then bots). */
interface Followers {
  offsets: Int32Array;
  list: Int32Array;
}

/** The follower lists of the agents: the human graph, the bots' own, and the infiltration edges. */
function buildNetwork(H: number, B: number, friends: number, gamma: number, next: () => number): Followers {
  const N = H + B;
  const from: number[] = []; // follower
  const to: number[] = []; // followed
  const p = Math.min(1, friends / (H - 1));
  for (let h = 0; h < H; h++) {
    for (const x of distinctDraw(H - 1, binomialDraw(H - 1, p, next), next)) {
      from.push(h);
      to.push(x >= h ? x + 1 : x);
    }
  }
  // Each bot follows three other bots (SimSoM grows them by a random walk: three friends each).
  const k = Math.min(3, B - 1);
  for (let b = 0; b < B; b++) {
    for (const x of distinctDraw(B - 1, k, next)) {
      from.push(H + b);
      to.push(H + (x >= b ? x + 1 : x));
    }
  }
  for (let b = 0; b < B; b++) {
    for (const h of distinctDraw(H, binomialDraw(H, gamma, next), next)) {
      from.push(h);
      to.push(H + b);
    }
  }
  const offsets = new Int32Array(N + 1);
  for (const t of to) offsets[t + 1]++;
  for (let a = 0; a < N; a++) offsets[a + 1] += offsets[a];
  const fill = offsets.slice(0, N);
  const list = new Int32Array(to.length);
  for (let e = 0; e < to.length; e++) list[fill[to[e]]++] = from[e];
  return { offsets, list };
}

/** A growable table of messages. */
class Messages {
  quality = new Float32Array(1 << 16);
  appeal = new Float32Array(1 << 16);
  humanShares = new Int32Array(1 << 16);
  /** Scratch of the feed update: which target last saw the message this step, and where. */
  mark = new Int32Array(1 << 16).fill(-1);
  slot = new Int32Array(1 << 16);
  count = 0;
  add(quality: number, appeal: number): number {
    if (this.count === this.quality.length) {
      const grow = <T extends Float32Array | Int32Array>(a: T, fill = 0): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        if (fill !== 0) b.fill(fill, a.length);
        return b;
      };
      this.quality = grow(this.quality);
      this.appeal = grow(this.appeal);
      this.humanShares = grow(this.humanShares);
      this.mark = grow(this.mark, -1);
      this.slot = grow(this.slot);
    }
    this.quality[this.count] = quality;
    this.appeal[this.count] = appeal;
    return this.count++;
  }
}

/** Runs SimSoM until its mean feed quality settles. */
export function simsom(options: SimsomOptions = {}): SimsomResult {
  const o = { ...DEFAULTS, ...options };
  const onStep = options.onStep;
  const next = uniformStream(`simsom/${o.seed}`);
  const H = o.humans;
  const B = Math.floor(o.bots * H);
  const N = H + B;
  const S = o.feedSize;
  const net = buildNetwork(H, B, o.friends, o.infiltration, next);
  const m = new Messages();
  const lambda = o.qualityExponent;
  const humanQuality = () => {
    const u = next();
    return math.log(1 - u + u * math.exp(lambda)) / lambda;
  };
  const appealPower = 1 / (o.appealExponent + 1);
  const drawAppeal = () => 1 - math.pow(1 - next(), appealPower);

  // Feeds: up to S entries an agent, newest first — message, share count, age.
  const feedId = new Int32Array(N * S);
  const feedShares = new Float64Array(N * S);
  const feedAge = new Int32Array(N * S);
  const feedLength = new Int32Array(N);
  const weight = new Float64Array(S);
  const recency = new Float64Array(1024).map((_, g) => math.exp(-0.4 * math.pow(g, 0.4)));

  // The step's pushes, in the order the agents acted: (target, message, copies), bucketed by target.
  const edges = net.list.length;
  const cap = Math.max(16, edges);
  let pushTarget = new Int32Array(cap);
  let pushMessage = new Int32Array(cap);
  let pushCopies = new Int32Array(cap);
  const order = new Int32Array(N);
  const bucketStart = new Int32Array(N + 1);
  let bucketMessage = new Int32Array(cap);
  let bucketCopies = new Int32Array(cap);
  // The merged incoming messages of one target, in order of first arrival.
  const inId = new Int32Array(Math.max(S, 1 + (edges > 0 ? N : 0)));
  const inCount = new Float64Array(inId.length);
  const mergedId = new Int32Array(S);
  const mergedShares = new Float64Array(S);
  const mergedAge = new Int32Array(S);

  let Q = 1;
  let steps = 0;
  for (let t = 0; t < o.maxSteps; t++) {
    steps = t + 1;
    for (let a = 0; a < N; a++) order[a] = a;
    for (let i = N - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const x = order[i];
      order[i] = order[j];
      order[j] = x;
    }
    let pushes = 0;
    for (let i = 0; i < N; i++) {
      const a = order[i];
      const bot = a >= H;
      const base = a * S;
      const len = feedLength[a];
      let msg: number;
      if (len === 0 || next() < o.mu) {
        msg = bot ? m.add(0, next() < o.deception ? 1 : drawAppeal()) : m.add(humanQuality(), drawAppeal());
      } else {
        let total = 0;
        for (let k = 0; k < len; k++) {
          const g = feedAge[base + k];
          weight[k] = m.appeal[feedId[base + k]] * feedShares[base + k] * (g < recency.length ? recency[g] : math.exp(-0.4 * math.pow(g, 0.4)));
          total += weight[k];
        }
        let k = 0;
        if (total > 0) {
          let r = next() * total;
          while (k < len - 1 && (r -= weight[k]) >= 0) k++;
        } else k = Math.floor(next() * len);
        msg = feedId[base + k];
      }
      if (!bot) m.humanShares[msg]++;
      const copies = bot ? o.flooding : 1;
      const end = net.offsets[a + 1];
      if (pushes + (end - net.offsets[a]) > pushTarget.length) {
        const size = 2 * (pushes + end - net.offsets[a]);
        const grow = (x: Int32Array) => {
          const y = new Int32Array(size);
          y.set(x);
          return y;
        };
        pushTarget = grow(pushTarget);
        pushMessage = grow(pushMessage);
        pushCopies = grow(pushCopies);
        bucketMessage = new Int32Array(size);
        bucketCopies = new Int32Array(size);
      }
      for (let e = net.offsets[a]; e < end; e++) {
        pushTarget[pushes] = net.list[e];
        pushMessage[pushes] = msg;
        pushCopies[pushes] = copies;
        pushes++;
      }
    }
    // Bucket the pushes by target, keeping their order (a counting sort).
    bucketStart.fill(0);
    for (let p = 0; p < pushes; p++) bucketStart[pushTarget[p] + 1]++;
    for (let a = 0; a < N; a++) bucketStart[a + 1] += bucketStart[a];
    const fill = bucketStart.slice(0, N);
    for (let p = 0; p < pushes; p++) {
      const at = fill[pushTarget[p]]++;
      bucketMessage[at] = pushMessage[p];
      bucketCopies[at] = pushCopies[p];
    }
    for (let a = 0; a < N; a++) {
      const from = bucketStart[a];
      const to = bucketStart[a + 1];
      if (from === to) continue;
      updateFeed(a);
    }

    // The step's mean quality of human feeds, each entry once.
    let sum = 0;
    let entries = 0;
    for (let h = 0; h < H; h++) {
      for (let k = 0; k < feedLength[h]; k++) sum += m.quality[feedId[h * S + k]];
      entries += feedLength[h];
    }
    const q = entries > 0 ? sum / entries : 0;
    const before = Q;
    Q = o.rho * Q + (1 - o.rho) * q;
    onStep?.(t, q, Q);
    if (before > 0 && Math.abs(Q - before) / before <= o.epsilon) break;
  }

  /**
   * SimSoM's feed update of agent `a` from its bucket of pushes: the pushes merge into distinct
   * messages in order of first arrival, with their copies counted. Into an empty feed they go as
   * they are. Otherwise, if any is already in the feed, its share count grows (its age stays),
   * every old entry ages by one, and the new ones go in front at age 0; if none is, the new ones
   * go in front and the old entries' ages are set to 1 (SimSoM sets rather than increments
   * there). Then the feed keeps its S youngest entries (a stable sort by age, newest first).
   */
  function updateFeed(a: number): void {
    const from = bucketStart[a];
    const to = bucketStart[a + 1];
    const base = a * S;
    const len = feedLength[a];
    // Mark the feed's messages with where they sit, so an incoming one is found at once.
    const stamp = a;
    for (let k = 0; k < len; k++) {
      m.mark[feedId[base + k]] = stamp;
      m.slot[feedId[base + k]] = -1 - k;
    }
    let n = 0;
    let overlap = false;
    for (let p = from; p < to; p++) {
      const id = bucketMessage[p];
      const c = bucketCopies[p];
      if (m.mark[id] === stamp) {
        const s = m.slot[id];
        if (s < 0) {
          feedShares[base - 1 - s] += c;
          overlap = true;
        } else inCount[s] += c;
        continue;
      }
      m.mark[id] = stamp;
      m.slot[id] = n;
      inId[n] = id;
      inCount[n] = c;
      n++;
    }
    // Clear the marks (the next target may share messages with this one).
    for (let k = 0; k < len; k++) m.mark[feedId[base + k]] = -1;
    for (let k = 0; k < n; k++) m.mark[inId[k]] = -1;
    // New entries (age 0) first, then the old ones, by age: the merged feed, cut to S.
    let out = 0;
    for (let k = 0; k < n && out < S; k++, out++) {
      mergedId[out] = inId[k];
      mergedShares[out] = inCount[k];
      mergedAge[out] = 0;
    }
    if (out < S && len > 0) {
      // Old entries keep their relative order when ages tie; sort the (at most S) survivors by age.
      const room = S - out;
      const idx: number[] = [];
      for (let k = 0; k < len; k++) idx.push(k);
      const age = (k: number) => (overlap ? feedAge[base + k] + 1 : 1);
      idx.sort((x, y) => age(x) - age(y) || x - y);
      for (let j = 0; j < Math.min(room, len); j++, out++) {
        const k = idx[j];
        mergedId[out] = feedId[base + k];
        mergedShares[out] = feedShares[base + k];
        mergedAge[out] = age(k);
      }
    }
    feedId.set(mergedId.subarray(0, out), base);
    feedShares.set(mergedShares.subarray(0, out), base);
    feedAge.set(mergedAge.subarray(0, out), base);
    feedLength[a] = out;
  }

  return { quality: Q, steps, diversity: diversity(feedId, feedLength, S, m.count), discrimination: discrimination(m), messages: m.count, botShareOfHumanFeeds: botShare(feedId, feedLength, S, H, m) };
}

function diversity(feedId: Int32Array, feedLength: Int32Array, S: number, messages: number): number {
  const counts = new Int32Array(messages);
  let total = 0;
  for (let a = 0; a < feedLength.length; a++) {
    for (let k = 0; k < feedLength[a]; k++) counts[feedId[a * S + k]]++;
    total += feedLength[a];
  }
  let h = 0;
  for (let i = 0; i < messages; i++) if (counts[i] > 0) h -= (counts[i] / total) * math.log(counts[i] / total);
  return h;
}

function botShare(feedId: Int32Array, feedLength: Int32Array, S: number, H: number, m: Messages): number {
  let bots = 0;
  let total = 0;
  for (let h = 0; h < H; h++) {
    // A bot's message is the only kind with quality exactly 0 (a human's is > 0 almost surely).
    for (let k = 0; k < feedLength[h]; k++) if (m.quality[feedId[h * S + k]] === 0) bots++;
    total += feedLength[h];
  }
  return total > 0 ? bots / total : 0;
}

/**
 * Kendall τ of SimSoM's two rankings of every message: by quality (ties by creation), and by
 * human shares with ties kept in quality order (a stable sort of the first ranking). With no ties
 * left, τ = 1 − 2·D / (n(n − 1)/2), D the pairs in quality order whose shares fall (merge-sort count).
 */
function discrimination(m: Messages): number {
  const n = m.count;
  if (n < 2) return 0;
  const byQuality = Array.from({ length: n }, (_, i) => i).sort((x, y) => m.quality[x] - m.quality[y] || x - y);
  const shares = Int32Array.from(byQuality, (i) => m.humanShares[i]);
  const scratch = new Int32Array(n);
  const inversions = (lo: number, hi: number): number => {
    if (hi - lo < 2) return 0;
    const mid = (lo + hi) >> 1;
    let d = inversions(lo, mid) + inversions(mid, hi);
    let i = lo;
    let j = mid;
    let k = lo;
    while (i < mid && j < hi) {
      if (shares[j] < shares[i]) {
        d += mid - i;
        scratch[k++] = shares[j++];
      } else scratch[k++] = shares[i++];
    }
    while (i < mid) scratch[k++] = shares[i++];
    while (j < hi) scratch[k++] = shares[j++];
    shares.set(scratch.subarray(lo, hi), lo);
    return d;
  };
  const D = inversions(0, n);
  return 1 - (2 * D) / ((n * (n - 1)) / 2);
}
