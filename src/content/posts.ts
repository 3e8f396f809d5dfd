/**
 * The post store: every live post in structure-of-arrays typed arrays, in a ring indexed by
 * serial number (slot = serial & mask). Posts leave by age, so the ring's size depends on the
 * posting rate and freshness, never on the number of steps; it doubles when a slot it would
 * reuse still holds a live post.
 * @module
 */

/** Call-to-action codes, in the order of {@link CallToAction}. */
export const CTA = { none: 0, like: 1, share: 2, follow: 3, notify: 4 } as const;
/** Post-kind codes, in the order of {@link PostKind}. */
export const KIND = { product: 0, audience: 1, organic: 2 } as const;

/** Structure-of-arrays storage for live posts. */
export interface PostStore {
  mask: number;
  /** Serial of the post in each slot, −1 when empty. */
  serial: Int32Array;
  /** Account index of the author, −1 for an ordinary user's post. */
  account: Int32Array;
  /** User whose social-graph followers receive the post (−1 for none). */
  authorUser: Int32Array;
  topic: Uint8Array;
  kind: Uint8Array;
  cta: Uint8Array;
  /** 1 when the post triggers notifications to subscribers. */
  notifies: Uint8Array;
  quality: Float32Array;
  appeal: Float32Array;
  persona: Float32Array;
  /** Step of creation. */
  created: Int32Array;
  /** Last step at which the post may be shown organically (age and lifetime cut). */
  expires: Int32Array;
  /** Last step the post must stay in the store: its expiry, or later while paid boosts still deliver it. */
  hold: Int32Array;
  /** Impressions and engagements (likes + shares), which engagement ranking smooths (exact to 2^32). */
  impressions: Uint32Array;
  engagements: Uint32Array;
  /** Prior engagement rate of the smoothed estimate (carries account signal, C2). */
  priorRate: Float32Array;
  /** Post-level log-odds of each decision (base rate plus the post's own features). */
  likeLogit: Float32Array;
  shareLogit: Float32Array;
  followLogit: Float32Array;
  convertLogit: Float32Array;
  /** Index of the focal-post record (detail and cascade), −1 for background posts. */
  focal: Int32Array;
  /** Id of the last session that took the post as a candidate (de-duplication). */
  stamp: Int32Array;
  /** Next serial to hand out. */
  nextSerial: number;
}

function allocate(capacity: number): PostStore {
  const s: PostStore = {
    mask: capacity - 1,
    serial: new Int32Array(capacity).fill(-1),
    account: new Int32Array(capacity),
    authorUser: new Int32Array(capacity),
    topic: new Uint8Array(capacity),
    kind: new Uint8Array(capacity),
    cta: new Uint8Array(capacity),
    notifies: new Uint8Array(capacity),
    quality: new Float32Array(capacity),
    appeal: new Float32Array(capacity),
    persona: new Float32Array(capacity),
    created: new Int32Array(capacity),
    expires: new Int32Array(capacity),
    hold: new Int32Array(capacity),
    impressions: new Uint32Array(capacity),
    engagements: new Uint32Array(capacity),
    priorRate: new Float32Array(capacity),
    likeLogit: new Float32Array(capacity),
    shareLogit: new Float32Array(capacity),
    followLogit: new Float32Array(capacity),
    convertLogit: new Float32Array(capacity),
    focal: new Int32Array(capacity),
    stamp: new Int32Array(capacity).fill(-1),
    nextSerial: 0,
  };
  return s;
}

/**
 * A store with room for `expectedLive` posts plus four standard deviations of a Poisson count
 * (rounded up to a power of two, at least 1,024). The live count varies little around its
 * expectation; when it does exceed the room, the store doubles, which changes no result.
 */
export function createPostStore(expectedLive: number): PostStore {
  const room = expectedLive + 4 * Math.sqrt(expectedLive);
  let cap = 1024;
  while (cap < room) cap *= 2;
  return allocate(cap);
}

const ARRAY_FIELDS = [
  'serial', 'account', 'authorUser', 'topic', 'kind', 'cta', 'notifies', 'quality', 'appeal', 'persona',
  'created', 'expires', 'hold', 'impressions', 'engagements', 'priorRate', 'likeLogit', 'shareLogit', 'followLogit',
  'convertLogit', 'focal', 'stamp',
] as const;

/** Doubles the store, moving each live post to its slot under the new mask. */
function grow(s: PostStore): void {
  const bigger = allocate((s.mask + 1) * 2);
  for (let old = 0; old <= s.mask; old++) {
    const serial = s.serial[old];
    if (serial < 0) continue;
    const slot = serial & bigger.mask;
    for (const f of ARRAY_FIELDS) (bigger[f] as unknown as number[])[slot] = (s[f] as unknown as number[])[old];
  }
  for (const f of ARRAY_FIELDS) (s as unknown as Record<string, unknown>)[f] = bigger[f];
  s.mask = bigger.mask;
}

/**
 * Reserves a slot for a new post created at `step` and returns it; the caller fills the fields.
 * `onEvict(slot)` is called first for a post leaving the ring (to flush focal detail).
 */
export function reservePost(s: PostStore, step: number, onEvict: (slot: number) => void): number {
  const serial = s.nextSerial;
  s.nextSerial = (serial + 1) | 0;
  if (s.nextSerial < 0) throw new RangeError('post serial overflow: more than 2^31 posts in one run');
  let slot = serial & s.mask;
  if (s.serial[slot] >= 0 && s.hold[slot] >= step) {
    grow(s);
    slot = serial & s.mask;
  }
  if (s.serial[slot] >= 0) onEvict(slot);
  s.serial[slot] = serial;
  s.impressions[slot] = 0;
  s.engagements[slot] = 0;
  s.focal[slot] = -1;
  s.notifies[slot] = 0;
  s.stamp[slot] = -1;
  return slot;
}
