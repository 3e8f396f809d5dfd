/**
 * The 10⁷-user memory check on its own: builds the bench scenario's world in a fresh process,
 * steps it twice and prints its typed-array bytes and the process's peak resident memory.
 * Run after `npm run build`: node --import tsx bench/huge.ts
 */
import type * as Feedsim from '../src/index.js';
import { benchScenario } from './cases.js';

const lib = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof Feedsim;
const t0 = performance.now();
const w = lib.createWorld(benchScenario(10_000_000));
const setup = (performance.now() - t0) / 1000;
lib.step(w, 2);
const b = lib.worldBytes(w);
const peak = process.resourceUsage().maxRSS * 1024;
const gib = (x: number) => (x / 2 ** 30).toFixed(2);
console.log(
  `10^7 users: set-up ${setup.toFixed(1)} s, world ${gib(b.total)} GiB (graph ${gib(b.graph)} GiB, follows ${(b.follows / 2 ** 20).toFixed(0)} MiB), ` +
    `${((b.total - b.graph - b.follows) / 1e7).toFixed(0)} B/user, peak RSS ${gib(peak)} GiB (${(peak / 1e9).toFixed(2)} GB)`,
);
