/**
 * Fuzz through the command line (full size): 2,000 mutated scenario, sweep and edge-list files
 * through `feedsim validate` (and `feedsim run` when valid and small). With fuzz.full.test.ts
 * (10,000 cases through the library) this is the heavy fuzz of `npm run test:full`.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';
import { checkCliCase } from './fuzz/cli-case.js';
import { fuzzCase, type FuzzKind } from './fuzz/mutate.js';

const KINDS: FuzzKind[] = ['scenario', 'scenario-text', 'sweep', 'sweep-text', 'edge-list'];
const CASES = 2000;

describe('fuzz through the CLI (full)', () => {
  it(`${CASES} mutated files: exit 0 or 2 with the problems listed, never a crash, stack trace or NaN`, async () => {
    const dir = tempDir('feedsim-fuzz-cli-');
    const statuses: Record<number, number> = {};
    const failures: string[] = [];
    const started = performance.now();
    for (let i = 0; i < CASES; i++) {
      const r = await checkCliCase(fuzzCase(KINDS[i % KINDS.length], 3, i), dir);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.failure) failures.push(`${r.id}: ${r.failure}`);
    }
    console.log(`fuzz cli (full): ${CASES} cases in ${((performance.now() - started) / 1000).toFixed(0)} s — exit 0: ${statuses[0] ?? 0}, exit 2: ${statuses[2] ?? 0}, failures: ${failures.length}`);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 900_000);
});
