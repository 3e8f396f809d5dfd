/**
 * Platform presets: partial scenarios that make the engine behave like Facebook, YouTube,
 * Instagram or Twitch, for scenario files such as `{ "version": 1, "extends": "youtube", "users": 5000 }`.
 * Each figure comes from a row of docs/calibration-sources.md (named in the comment beside it;
 * "suggested" = its table of suggested preset values) or is marked GUESS. Presets set no seed,
 * users, cycles or accounts: those belong to the user's scenario.
 * docs/presets.md lists every parameter with its source and what each preset produces.
 * @module
 */
import type { ScenarioInput } from './types.js';

/** A platform preset: a one-line description and the partial scenario merged under the user's. */
export interface PlatformPreset {
  /** One line, shown by `feedsim presets`. */
  readonly description: string;
  /** The preset's fields; the user's scenario is deep-merged over them. */
  readonly scenario: ScenarioInput;
}

/** Names of the built-in platform presets. */
export type PlatformName = 'facebook' | 'youtube' | 'instagram' | 'twitch';

/** Freezes an object and everything in it, so a preset cannot be changed by a caller. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// Calibration of `feed.inNetworkReach` (the share of followers for whom a followed account's
// post becomes a feed candidate): with the throttle off (1), followers see a share R1 of a
// reference post in-network, set by activity, freshness, ranking and attention. The throttle is
// the target share ÷ R1, adjusted once against the measured figure (a throttled feed has less
// in-network competition). R1 and the figures: `npx tsx bench/preset-figures.ts [--reach 1]`.

const facebook: PlatformPreset = {
  description: 'Page follows, engagement-ranked feed, ~6 % organic reach of followers, 1.5 h half-life',
  scenario: {
    // Half-hour steps resolve the 1.5 h half-life (a half-life under two steps is coarse);
    // 48 steps keep a cycle one day, and activity per step is halved to keep ~2.4 visits a day.
    stepDuration: '30m',
    stepsPerCycle: 48,
    population: { activity: 0.05 }, // = the default 0.1 per hour (GUESS)
    content: {
      // FB post lifetime: 50 % of reach in 30 min, 75 % by ~2 h; likes half-life ~80 min (Wisemetrics 2013; Visibli, IND).
      freshness: { kind: 'exponential', halfLife: '90m', floor: 0.01 },
    },
    feed: {
      ranker: 'engagement', // affinity × engagement rate × freshness: EdgeRank's shape (MODEL.md, Feeds)
      recommendations: 5, // GUESS: the 2014–2020 feed behind the reach figures was mostly in-network
      // Organic reach of a page post 5.2–5.5 % (2019–20, Hootsuite, IND), reach ÷ followers 8.6 %
      // (Socialinsider, IND): target ~6 %; R1 ≈ 0.48, measured 6.4 % (derived).
      inNetworkReach: 0.13,
    },
    notifications: {
      enabled: true,
      cap: 0, // suggested: no cap
      clickThrough: 0.02, // suggested 2 % (no Facebook row: GUESS)
    },
    behavior: {
      like: { base: 0.02 }, // engagement per reach FB ~1.4 % (Socialinsider, IND); suggested 2 %
      share: { base: 0.002 }, // likes ~8× shares or comments (quintly, 130K posts, IND)
      follow: { base: 0.0005 }, // suggested 0.05 % (no primary source: GUESS)
      notify: { base: 0.03 }, // GUESS (Facebook has no bell; suggested 3 %)
      convert: { base: 0.009 }, // clicks per impression: Facebook ads CTR 0.90 % across 18 industries (WordStream 2017, 256 accounts, IND)
      unfollow: {
        baseline: { probability: 0.01, per: '30d' }, // GUESS (1 %/month suggested)
        // 19 % unfollow a brand posting > 6 times a day (Fractl 2015, IND).
        cadence: { maxPosts: 6, window: '24h', probability: 0.19, per: '30d' },
      },
    },
    paid: { cpm: 8 }, // Meta ~$8 ($6–15) (vendor aggregates, VEN)
    // 1 % purchases per click (Monetate 2012; Oribi 2020, IND) = 20 % of users in the market (GUESS) × 5 %.
    market: { purchasePerClick: 0.05 },
  },
};

const youtube: PlatformPreset = {
  description: 'Subscriptions, bell capped at 3 per 24 h, recommendation-heavy hybrid feed, 6-day half-life',
  scenario: {
    content: {
      userPostProbability: 0.02, // GUESS: most viewers never upload
      // 50 % of a video's views in 6 days, 75 % in 20 days (TubeMogul 2010, 10,916 videos, IND).
      freshness: { kind: 'exponential', halfLife: '144h', floor: 0.01 },
    },
    feed: {
      ranker: 'hybrid', // in-network by engagement, recommendations by interest (MODEL.md, Feeds)
      inNetworkShare: 0.3, // GUESS: home feed weighted towards recommendations
      recommendations: 50, // GUESS: "recommendation-heavy"
      // Views per video ÷ subscribers 5–10 % on mature channels (creator sources, VEN): target ~8 %
      // in-network; R1 ≈ 0.49, measured 7.6 % (derived).
      inNetworkReach: 0.16,
    },
    notifications: {
      enabled: true,
      cap: 3, // no bell notification for a 4th upload within 24 h (YouTube, Creator Insider 2018, OFF)
      window: '24h',
      clickThrough: 0.015, // bell-notification click-through 0.5–2.5 % (YouTube help, OFF)
    },
    behavior: {
      like: { base: 0.02 }, // suggested 2 % (no YouTube row: GUESS)
      share: { base: 0.001 }, // suggested 0.1 % (no YouTube row: GUESS)
      follow: { base: 0.005 }, // views → subscribers 1–2 % (creator sources, VEN); suggested 0.5 % per impression
      notify: { base: 0.1 }, // subscribers with the bell on "10–20 %", ~5 % with device push (creator sources, VEN)
      convert: { base: 0.009 }, // clicks per impression: Facebook's 0.90 % (WordStream 2017, IND; no YouTube row: GUESS)
      unfollow: {
        baseline: { probability: 0.01, per: '30d' }, // GUESS (1 %/month suggested)
        // Penalty above 3 posts a day (suggested; size 19 %/month from Fractl's Facebook figure: GUESS).
        cadence: { maxPosts: 3, window: '24h', probability: 0.19, per: '30d' },
      },
    },
    paid: { cpm: 8 }, // YouTube $5–15 (vendor aggregates, VEN)
    market: { purchasePerClick: 0.05 }, // 1 % per click (Monetate; Oribi, IND) = 20 % in the market (GUESS) × 5 %
  },
};

const instagram: PlatformPreset = {
  description: 'Follower feed plus interest-based explore (hybrid ranker), ~14 % reach of followers, 2 h half-life',
  scenario: {
    content: {
      // Conflicting: 50 % of engagement in 1 h (Takumi) vs a 19 h half-life (Simply Measured 2014); suggested 2 h.
      freshness: { kind: 'exponential', halfLife: '2h', floor: 0.01 },
    },
    feed: {
      ranker: 'hybrid', // follower feed by engagement, explore by interest (MODEL.md, Feeds)
      inNetworkShare: 0.5, // GUESS
      recommendations: 30, // GUESS: explore and reels supply many out-of-network candidates
      // Reach ÷ followers IG 13.5 % (Socialinsider, IND); 19–38 % by account size (Minter.io 2019, IND):
      // target ~14 %; R1 ≈ 0.33, measured 14.5 % (derived).
      inNetworkReach: 0.45,
    },
    notifications: {
      enabled: true,
      cap: 0, // suggested: no cap
      clickThrough: 0.02, // suggested 2 % (no Instagram row: GUESS)
    },
    behavior: {
      like: { base: 0.035 }, // engagement per reach IG 3.35 % (Socialinsider, IND)
      share: { base: 0.003 }, // suggested 0.3 % (no Instagram row: GUESS)
      follow: { base: 0.002 }, // suggested 0.2 % (no primary source: GUESS)
      notify: { base: 0.03 }, // GUESS
      convert: { base: 0.009 }, // clicks per impression: Facebook's 0.90 % (WordStream 2017, IND; no Instagram row: GUESS)
      unfollow: {
        baseline: { probability: 0.015, per: '30d' }, // GUESS (1.5 %/month suggested)
        // Penalty above 3 posts a day (suggested; size from Fractl's Facebook figure: GUESS).
        cadence: { maxPosts: 3, window: '24h', probability: 0.19, per: '30d' },
      },
    },
    paid: { cpm: 7 }, // IG ~$7 (vendor aggregates, VEN)
    market: { purchasePerClick: 0.04 }, // 0.8 % per click (suggested; Monetate/Oribi 0.4–1.5 %, IND) = 20 % in the market (GUESS) × 4 %
  },
};

const twitch: PlatformPreset = {
  description: 'Live streams that end after 3 h, go-live notifications, ~2 % of followers watch a stream',
  scenario: {
    content: {
      userPostProbability: 0.02, // GUESS: few viewers stream
      // A stream is equally joinable while live and gone when it ends: stream length ~2.7–3.75 h (Statista, IND).
      freshness: { kind: 'none', lifetime: '3h' },
    },
    feed: {
      // "~2 % watch a given stream" (suggested, GUESS); R1 ≈ 0.26, measured 2.4 % (derived from a guess).
      inNetworkReach: 0.09,
    },
    notifications: {
      enabled: true,
      cap: 0, // each stream notifies once ("1 per stream", suggested): a post notifies at most once
      clickThrough: 0.03, // GUESS (suggested 3 %)
    },
    behavior: {
      like: { base: 0.02 }, // GUESS: Twitch has no likes; chat participation stands in
      share: { base: 0.0005 }, // suggested 0.05 % (GUESS)
      follow: { base: 0.05 }, // suggested 5 % per unique viewer (no primary source: GUESS)
      notify: { base: 0.3 }, // GUESS (suggested 30 %); go-live notifications are opt-in (Twitch, OFF)
      convert: { base: 0.009 }, // clicks per impression: Facebook's 0.90 % (WordStream 2017, IND; no Twitch row: GUESS)
      unfollow: {
        baseline: { probability: 0.02, per: '30d' }, // GUESS (2 %/month suggested)
        cadence: { probability: 0 }, // the suggested values have no posting-frequency penalty for Twitch
      },
    },
    paid: { cpm: 5 }, // GUESS (suggested $5)
    market: { purchasePerClick: 0.025 }, // 0.5 % per click (suggested, GUESS) = 20 % in the market (GUESS) × 2.5 %
  },
};

/**
 * The platform presets by name. Each is a partial {@link ScenarioInput}; a scenario file that
 * says `"extends": "<name>"` is deep-merged over it. Frozen: copy before changing.
 * @example
 * ```ts
 * import { platformPresets, simulate } from 'feedsim';
 * const r = simulate({ ...platformPresets.youtube.scenario, users: 5000, cycles: 7 });
 * ```
 */
export const platformPresets: Readonly<Record<PlatformName, PlatformPreset>> = deepFreeze({ facebook, youtube, instagram, twitch });

/** The names of the platform presets, in a stable order. */
export function platformPresetNames(): PlatformName[] {
  return Object.keys(platformPresets) as PlatformName[];
}
