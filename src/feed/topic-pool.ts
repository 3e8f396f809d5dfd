/**
 * Out-of-network candidate pools, one ring per topic. A post enters its topic's ring when
 * published and again at every like or share, so posts that engage are drawn more often —
 * the platform's "trending" signal. Draws come only from entries pushed within the posts'
 * maximum age, so the pool never dilutes with expired posts.
 * @module
 */

/** Pools of all topics. Counters are monotonic (the ring index is counter & mask). */
export interface TopicPools {
  readonly mask: number;
  serial: Int32Array;
  pushedAt: Int32Array;
  head: Float64Array;
  tail: Float64Array;
}

/** Pools of `size` entries per topic (rounded up to a power of two). */
export function createTopicPools(topics: number, size: number): TopicPools {
  let cap = 16;
  while (cap < size) cap *= 2;
  return {
    mask: cap - 1,
    serial: new Int32Array(topics * cap).fill(-1),
    pushedAt: new Int32Array(topics * cap),
    head: new Float64Array(topics),
    tail: new Float64Array(topics),
  };
}

/** Adds a post (again) to topic `t`'s pool at `step`. */
export function pushTopic(p: TopicPools, t: number, serial: number, step: number): void {
  const i = t * (p.mask + 1) + (p.head[t] & p.mask);
  p.serial[i] = serial;
  p.pushedAt[i] = step;
  p.head[t]++;
}

/**
 * Draws an entry of topic `t` pushed within the last `maxAge` steps (u uniform in [0, 1)),
 * or returns −1 when there is none.
 */
export function drawTopic(p: TopicPools, t: number, step: number, maxAge: number, u: number): number {
  const size = p.mask + 1;
  const base = t * size;
  const head = p.head[t];
  let tail = Math.max(p.tail[t], head - size);
  while (tail < head && p.pushedAt[base + (tail & p.mask)] < step - maxAge) tail++;
  p.tail[t] = tail;
  if (tail === head) return -1;
  return p.serial[base + ((tail + Math.floor(u * (head - tail))) & p.mask)];
}
