/**
 * The post store: every live post in a ring indexed by serial number (slot = serial & mask).
 * The fields a session reads for a candidate or an impression sit together in one 64-byte
 * record per post, so a candidate costs one cache line instead of one per field; the few fields
 * only publishing reads stay in separate arrays. Posts leave by age, so the ring's size depends
 * on the posting rate and freshness, never on the number of steps; it doubles when a slot it
 * would reuse still holds a live post.
 * @module
 */

/** Call-to-action codes, in the order of {@link CallToAction}. */
export const CTA = { none: 0, like: 1, share: 2, follow: 3, notify: 4 } as const;
/** Post-kind codes, in the order of {@link PostKind}. */
export const KIND = { product: 0, audience: 1, organic: 2 } as const;

/** 32-bit words per post record (64 bytes, one cache line); a record starts at word `slot << 4`. */
export const RECORD_SHIFT = 4;

/**
 * Word offsets of the record fields, in the order a session reads them: validation words 0–3,
 * the engagement ranker's score words 4–7, impressions the rest. A record spans at most two cache
 * lines (one when the buffer happens to be 64-byte aligned).
 */
export const enum PF {
  /** Serial of the post (`words`), −1 when the slot is empty. */
  serial = 0,
  /** Last step at which the post may be shown organically (`words`). */
  expires = 1,
  /** Id of the last session that took the post as a candidate (`words`). */
  stamp = 2,
  /** Focal-post record id (`words`), −1 for background posts. */
  focal = 3,
  /** Step of creation (`words`). */
  created = 4,
  /** Likes + shares (`counts`). */
  engagements = 5,
  /** Impressions (`counts`). */
  impressions = 6,
  /** Prior engagement rate (`floats`). */
  priorRate = 7,
  /** Publishing account, −1 for a user's post (`words`). */
  account = 8,
  /** Holds the one-byte fields (see {@link PB}). */
  codes = 9,
  likeLogit = 10,
  shareLogit = 11,
  followLogit = 12,
  convertLogit = 13,
  /** Quality in [0, 1] (`floats`). */
  quality = 14,
  /** User whose social-graph followers receive the post (`words`), −1 for none. */
  authorUser = 15,
}

/** Byte offsets of the one-byte fields in a record (`bytes[(slot << 6) + PB.x]`). */
export const enum PB {
  topic = 36,
  kind = 37,
  cta = 38,
  /** 1 when the post triggers notifications to subscribers. */
  notifies = 39,
}

/**
 * Storage for live posts: one record per slot, read through four views of one buffer
 * (`words` for integers, `counts` for the unsigned counters, `floats` for rates and log-odds,
 * `bytes` for codes), plus the fields only publishing reads. {@link readPost} gives one post
 * as a plain object.
 */
export interface PostStore {
  mask: number;
  words: Int32Array;
  counts: Uint32Array;
  floats: Float32Array;
  bytes: Uint8Array;
  appeal: Float32Array;
  persona: Float32Array;
  /** Last step the post must stay in the store: its expiry, or later while paid boosts still deliver it. */
  hold: Int32Array;
  /** Next serial to hand out. */
  nextSerial: number;
  /** Where prefetching loads go, so they are not optimised away (write-only). */
  readonly sink: Float64Array;
}

/** One post of the store, as {@link readPost} returns it. */
export interface PostView {
  serial: number;
  /** Publishing account (focal accounts first, then creators), −1 for an ordinary user's post. */
  account: number;
  /** User whose social-graph followers receive the post, −1 for none. */
  authorUser: number;
  topic: number;
  /** Post kind: 0 product, 1 audience, 2 organic. */
  kind: number;
  /** Call to action: 0 none, 1 like, 2 share, 3 follow, 4 notify. */
  cta: number;
  notifies: boolean;
  quality: number;
  appeal: number;
  persona: number;
  created: number;
  expires: number;
  impressions: number;
  /** Likes + shares. */
  engagements: number;
  /** Index of the live focal-post record (`World.focalPosts`), −1 for background posts. */
  focal: number;
}

/** Most slots a store can have: byte offsets (`slot << 6`) must stay 32-bit integers. */
export const MAX_POST_SLOTS = 2 ** 25;

function allocate(capacity: number): PostStore {
  if (capacity > MAX_POST_SLOTS) {
    throw new RangeError(
      `post store: more than ${MAX_POST_SLOTS.toLocaleString('en')} live posts at once — lower users, posting rates (content.userPostProbability, creators) or post lifetimes (content.freshness)`,
    );
  }
  const buffer = new ArrayBuffer(capacity * 4 * (1 << RECORD_SHIFT));
  const words = new Int32Array(buffer);
  for (let slot = 0; slot < capacity; slot++) {
    words[(slot << RECORD_SHIFT) + PF.serial] = -1;
    words[(slot << RECORD_SHIFT) + PF.stamp] = -1;
  }
  return {
    mask: capacity - 1,
    words,
    counts: new Uint32Array(buffer),
    floats: new Float32Array(buffer),
    bytes: new Uint8Array(buffer),
    appeal: new Float32Array(capacity),
    persona: new Float32Array(capacity),
    hold: new Int32Array(capacity),
    nextSerial: 0,
    sink: new Float64Array(1),
  };
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

/** The serial of the post in `slot` (−1 when empty). */
export function serialAt(s: PostStore, slot: number): number {
  return s.words[(slot << RECORD_SHIFT) + PF.serial];
}

/**
 * The post's smoothed engagement rate: (likes + shares + prior × its prior rate) ÷
 * (impressions + prior) — what rankers see and what an account's signal (C2) carries.
 */
export function smoothedEngagementRate(s: PostStore, r: number, prior: number): number {
  return (s.counts[r + PF.engagements] + prior * s.floats[r + PF.priorRate]) / (s.counts[r + PF.impressions] + prior);
}

/**
 * Likes bought from an engagement pod (docs/model.md §5.1): members see the post as it appears and
 * like it, so it starts with `likes` impressions and engagements — the signal engagement rankers read.
 */
export function addPodLikes(s: PostStore, slot: number, likes: number): void {
  const r = slot << RECORD_SHIFT;
  s.counts[r + PF.impressions] += likes;
  s.counts[r + PF.engagements] += likes;
}

/** The post in `slot` as a plain object, for inspection (not for hot loops: it allocates). */
export function readPost(s: PostStore, slot: number): PostView {
  const r = slot << RECORD_SHIFT;
  const b = slot << (RECORD_SHIFT + 2);
  return {
    serial: s.words[r + PF.serial],
    account: s.words[r + PF.account],
    authorUser: s.words[r + PF.authorUser],
    topic: s.bytes[b + PB.topic],
    kind: s.bytes[b + PB.kind],
    cta: s.bytes[b + PB.cta],
    notifies: s.bytes[b + PB.notifies] === 1,
    quality: s.floats[r + PF.quality],
    appeal: s.appeal[slot],
    persona: s.persona[slot],
    created: s.words[r + PF.created],
    expires: s.words[r + PF.expires],
    impressions: s.counts[r + PF.impressions],
    engagements: s.counts[r + PF.engagements],
    focal: s.words[r + PF.focal],
  };
}

/** Ends the post in `slot` at `step`: it leaves feeds and the store after that step. */
export function retireNow(s: PostStore, slot: number, step: number): void {
  s.words[(slot << RECORD_SHIFT) + PF.expires] = step;
  s.hold[slot] = step;
}

/** Doubles the store, moving each live post to its slot under the new mask. */
function grow(s: PostStore): void {
  const bigger = allocate((s.mask + 1) * 2);
  const W = 1 << RECORD_SHIFT;
  for (let old = 0; old <= s.mask; old++) {
    const serial = s.words[old << RECORD_SHIFT];
    if (serial < 0) continue;
    const slot = serial & bigger.mask;
    bigger.words.set(s.words.subarray(old * W, old * W + W), slot * W);
    bigger.appeal[slot] = s.appeal[old];
    bigger.persona[slot] = s.persona[old];
    bigger.hold[slot] = s.hold[old];
  }
  s.mask = bigger.mask;
  s.words = bigger.words;
  s.counts = bigger.counts;
  s.floats = bigger.floats;
  s.bytes = bigger.bytes;
  s.appeal = bigger.appeal;
  s.persona = bigger.persona;
  s.hold = bigger.hold;
}

/**
 * Reserves a slot for a new post created at `step` and returns it; the caller fills the fields.
 * `onEvict(slot)` is called first for a post leaving the ring (to flush focal detail).
 */
export function reservePost(s: PostStore, step: number, onEvict: (slot: number) => void): number {
  const serial = s.nextSerial;
  s.nextSerial = (serial + 1) | 0;
  if (s.nextSerial < 0) throw new RangeError('post serial overflow: more than 2^31 posts in one run');
  // Slots are taken in ring order: load a few ahead now (a software prefetch, +4 % at 10⁶ users)
  // so their cache misses overlap with this post's work.
  s.sink[0] += s.words[((serial + 4) & s.mask) << RECORD_SHIFT] + s.hold[(serial + 16) & s.mask] + s.appeal[(serial + 16) & s.mask];
  let slot = serial & s.mask;
  if (s.words[slot << RECORD_SHIFT] >= 0 && s.hold[slot] >= step) {
    grow(s);
    slot = serial & s.mask;
  }
  if (s.words[slot << RECORD_SHIFT] >= 0) onEvict(slot);
  const r = slot << RECORD_SHIFT;
  s.words[r + PF.serial] = serial;
  s.counts[r + PF.impressions] = 0;
  s.counts[r + PF.engagements] = 0;
  s.words[r + PF.focal] = -1;
  s.bytes[(slot << (RECORD_SHIFT + 2)) + PB.notifies] = 0;
  s.words[r + PF.stamp] = -1;
  return slot;
}
