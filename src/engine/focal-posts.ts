/**
 * Full detail of focal accounts' posts: who has seen each (a bitset, so every user decides
 * once, at first exposure), counters by channel and the share cascade. Records are freed and
 * summarised when the post leaves every pool, so memory is bounded by the live focal posts.
 * @module
 */
import { CHANNEL_NAMES, CHANNELS, type ChannelName } from '../feed/channel.js';
import { cascadeDepth, createCascade, structuralVirality, type Cascade } from './cascade.js';

/** A live focal post's record. */
export interface FocalPost {
  serial: number;
  account: number;
  created: number;
  kind: number;
  quality: number;
  appeal: number;
  cta: number;
  persona: number;
  /** One bit per user: has seen the post. */
  seen: Uint8Array;
  impressions: Float64Array;
  conversions: Float64Array;
  reach: number;
  /** Unique viewers who followed the account when they first saw the post. */
  reachFollowers: number;
  /** Unique viewers whose first view was a paid impression. */
  reachPaid: number;
  likes: number;
  shares: number;
  follows: number;
  clicks: number;
  /** Followers when posted, and how many of them it reached in-network (organic reach). */
  followersAtPost: number;
  followerViews: number;
  cascade: Cascade;
}

/** What remains of a focal post once it has left every pool. */
export interface PostSummary {
  serial: number;
  account: number;
  created: number;
  kind: 'product' | 'audience' | 'organic';
  quality: number;
  appeal: number;
  cta: 'none' | 'like' | 'share' | 'follow' | 'notify';
  persona: number;
  impressions: number;
  impressionsByChannel: Record<ChannelName, number>;
  conversions: number;
  conversionsByChannel: Record<ChannelName, number>;
  /** Unique users who saw it. */
  reach: number;
  /** Of them, those who followed the account when they first saw it (the rest are non-followers). */
  reachFollowers: number;
  /** Of them, those whose first view was paid (the rest first saw it organically). */
  reachPaid: number;
  likes: number;
  shares: number;
  follows: number;
  /** Clicks on a product post (0 for other kinds): each may end in a conversion. */
  clicks: number;
  /** Share of the followers at posting time who saw it in-network. */
  organicReach: number;
  /** Cascade: tree size (root and reshares), depth, resharers, structural virality (null for a post nobody shared). */
  cascadeSize: number;
  cascadeDepth: number;
  resharers: number;
  structuralVirality: number | null;
}

const KINDS = ['product', 'audience', 'organic'] as const;
const CTAS = ['none', 'like', 'share', 'follow', 'notify'] as const;

/** A fresh record for a focal post of `users` possible viewers. */
export function createFocalPost(users: number, rootUser: number, reuse?: Uint8Array): FocalPost {
  const seen = reuse ?? new Uint8Array((users + 7) >> 3);
  if (reuse) seen.fill(0);
  return {
    serial: -1, account: -1, created: 0, kind: 0, quality: 0, appeal: 0, cta: 0, persona: 0,
    seen,
    impressions: new Float64Array(CHANNELS),
    conversions: new Float64Array(CHANNELS),
    reach: 0, reachFollowers: 0, reachPaid: 0, likes: 0, shares: 0, follows: 0, clicks: 0, followersAtPost: 0, followerViews: 0,
    cascade: createCascade(rootUser),
  };
}

/** Whether user `u` has seen the post. */
export function hasSeen(p: FocalPost, u: number): boolean {
  return (p.seen[u >> 3] & (1 << (u & 7))) !== 0;
}

/** Marks user `u` as having seen the post. */
export function markSeen(p: FocalPost, u: number): void {
  p.seen[u >> 3] |= 1 << (u & 7);
}

/** The summary of a record; `impressions` is the post store's own count (an independent tally). */
export function summarise(p: FocalPost): PostSummary {
  const byChannel = (a: Float64Array) =>
    Object.fromEntries(CHANNEL_NAMES.map((c, i) => [c, a[i]])) as Record<ChannelName, number>;
  const sum = (a: Float64Array) => a[0] + a[1] + a[2] + a[3];
  const n = p.cascade.users.length;
  return {
    serial: p.serial,
    account: p.account,
    created: p.created,
    kind: KINDS[p.kind],
    quality: p.quality,
    appeal: p.appeal,
    cta: CTAS[p.cta],
    persona: p.persona,
    impressions: sum(p.impressions),
    impressionsByChannel: byChannel(p.impressions),
    conversions: sum(p.conversions),
    conversionsByChannel: byChannel(p.conversions),
    reach: p.reach,
    reachFollowers: p.reachFollowers,
    reachPaid: p.reachPaid,
    likes: p.likes,
    shares: p.shares,
    follows: p.follows,
    clicks: p.clicks,
    organicReach: p.followersAtPost > 0 ? p.followerViews / p.followersAtPost : 0,
    cascadeSize: n,
    cascadeDepth: cascadeDepth(p.cascade),
    resharers: n - 1,
    structuralVirality: n > 1 ? structuralVirality(p.cascade.parent) : null,
  };
}
