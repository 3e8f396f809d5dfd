/**
 * Same-process A/B of the hot loop: two source trees (this one and a base, e.g. a git worktree
 * of an earlier commit) loaded side by side in one process, stepping the pinned bench scenario
 * in alternation, so drift of a shared, noisy machine hits both alike. Reports per-step medians
 * and their ratio, and checks both trees produce the same impressions (a refactor keeps results).
 *
 *   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   (cd /tmp/base && npx tsup) && npm run build
 *   node --import tsx bench/ab.ts --base /tmp/base [--users 100000] [--rounds 6] [--steps 24] [--source]
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type * as Feedsim from '../src/index.js';
import { benchScenario } from './cases.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const base = arg('base', '');
if (!base) throw new Error('usage: bench/ab.ts --base <source tree of the base version> [--users N] [--rounds R] [--steps S]');
const users = Number(arg('users', '100000'));
const rounds = Number(arg('rounds', '6'));
const steps = Number(arg('steps', '24'));

// The built bundle by default (what users run, and what `npm run bench` measures); `--source`
// loads the TypeScript sources through tsx instead, where cross-module calls cost more.
const entry = process.argv.includes('--source') ? 'src/index.ts' : 'dist/index.js';
const load = async (root: string) => (await import(pathToFileURL(resolve(root, entry)).href)) as typeof Feedsim;
const trees = { base: await load(base), head: await load('.') };

/** One round: a fresh world of each tree, warmed up a day, then `steps` timed steps one at a time. */
function round(lib: typeof Feedsim): { perStep: number[]; impressions: number } {
  const w = lib.createWorld(benchScenario(users));
  lib.step(w, 24);
  const perStep: number[] = [];
  for (let s = 0; s < steps; s++) {
    const t0 = performance.now();
    lib.step(w, 1);
    perStep.push(performance.now() - t0);
  }
  const impressions = w.impressionsByChannel.reduce((a, b) => a + b, 0);
  return { perStep, impressions };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const times = { base: [] as number[], head: [] as number[] };
console.log(`A/B at ${users.toLocaleString('en')} users, ${rounds} rounds × ${steps} steps (alternating; base first in odd rounds)`);
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? (['base', 'head'] as const) : (['head', 'base'] as const);
  const got: Record<string, { perStep: number[]; impressions: number }> = {};
  for (const k of order) got[k] = round(trees[k]);
  if (got.base.impressions !== got.head.impressions) {
    console.log(`round ${r + 1}: impressions differ (base ${got.base.impressions}, head ${got.head.impressions}): results changed`);
  }
  times.base.push(median(got.base.perStep));
  times.head.push(median(got.head.perStep));
  console.log(`round ${r + 1}: per-step median base ${median(got.base.perStep).toFixed(1)} ms, head ${median(got.head.perStep).toFixed(1)} ms`);
}
const ratios = times.base.map((b, i) => b / times.head[i]);
console.log(`median per-step time: base ${median(times.base).toFixed(1)} ms, head ${median(times.head).toFixed(1)} ms; ` +
  `head speed / base speed: median ${median(ratios).toFixed(3)} (rounds ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`);
