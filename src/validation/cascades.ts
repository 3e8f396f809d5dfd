/**
 * Runs independent cascades on the normal engine: one seed post at a time from a seed user,
 * stepped until nothing is pending, its cascade read from the focal post's record.
 * @module
 */
import { cascadeDepth, structuralVirality as structuralViralityOf } from '../engine/cascade.js';
import { readPost, retireNow, serialAt } from '../content/posts.js';
import { finishFocalPost, publish } from '../engine/publish.js';
import { step } from '../engine/step.js';
import { createWorldState, type WorldState } from '../engine/world.js';
import { createXor128, nextFloat, seedKeyed } from '../rng.js';
import type { CascadeSetup } from '../scenario/presets.js';

/** One cascade's measures (MODEL.md: the tree is the original post and its reshares). */
export interface CascadeMeasures {
  seedUser: number;
  /** Tree size: the root (author) and every resharer. */
  size: number;
  depth: number;
  /** Users who received the post (impressions; the author is not counted). */
  reached: number;
  resharers: number;
  /** Mean pairwise distance in the tree; `null` for a single node. */
  structuralVirality: number | null;
}

/** Options of {@link runCascades}. */
export interface RunCascadesOptions {
  cascades: number;
  /** Replicate index (seeds are derived from it). */
  replicate?: number;
  /** Seed users; default: drawn uniformly from a seeded stream. */
  seedUsers?: ArrayLike<number>;
  /** Safety cap on steps per cascade (default: users + 2). */
  maxSteps?: number;
}

/** Runs `cascades` cascades one after another in one world (decisions are per post, so they are independent). */
export function runCascades(setup: CascadeSetup, options: RunCascadesOptions): CascadeMeasures[] {
  const w: WorldState = createWorldState(setup.scenario, { replicate: options.replicate ?? 0, ...(setup.graph ? { graph: setup.graph } : {}) });
  const N = w.users.size;
  const draw = seedKeyed(createXor128(), w.keys.audience, 0x5eed, options.replicate ?? 0);
  const out: CascadeMeasures[] = [];
  const maxSteps = options.maxSteps ?? N + 2;
  for (let k = 0; k < options.cascades; k++) {
    const seedUser = options.seedUsers ? options.seedUsers[k] : Math.floor(nextFloat(draw) * N);
    w.accounts.homeUser[0] = seedUser;
    const before = w.finishedPosts.length;
    const serial = serialAt(w.posts, publish(w, 0, seedUser, { kind: 'organic', quality: 1, appeal: 1, cta: 'none', persona: 0 }, 0));
    // Its slot, looked up afresh after each step (the store may have grown).
    const slot = () => serial & w.posts.mask;
    // Everyone is active and sees everything: a step without impressions leaves nothing pending.
    for (let s = 0; s < maxSteps; s++) {
      const shown = readPost(w.posts, slot()).impressions;
      step(w, 1);
      if (readPost(w.posts, slot()).impressions === shown && w.shareCount === 0) break;
    }
    // Retire it now (it has no decay, so it would never leave by age).
    retireNow(w.posts, slot(), w.step - 1);
    const rec = w.focalPosts[readPost(w.posts, slot()).focal]!;
    const sv = structuralViralityOf(rec.cascade.parent);
    out.push({
      seedUser,
      size: rec.cascade.users.length,
      depth: cascadeDepth(rec.cascade),
      reached: rec.reach,
      resharers: rec.cascade.users.length - 1,
      structuralVirality: Number.isNaN(sv) ? null : sv,
    });
    finishPost(w, slot(), serial, before);
  }
  return out;
}

function finishPost(w: WorldState, slot: number, serial: number, keep: number): void {
  if (serialAt(w.posts, slot) === serial) finishFocalPost(w, slot);
  w.finishedPosts.length = keep; // measures are returned above; do not accumulate summaries
}
