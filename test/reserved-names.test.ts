import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, formatComparison, sweep } from '../src/index.js';
import { cliHere, tempDir, writeIn } from './helpers/cli.js';
import { missingFromReport, missingLabels, RESERVED as RESERVED_NAMES } from './helpers/reserved-outputs.js';

// Strategy labels are user strings: names JavaScript objects know must be ordinary keys in every
// output (issue 20, class 2). `__proto__` as a label vanished from summary, differences and economics.
const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

describe('reserved names as strategy labels', () => {
  it('reach every per-strategy output of compare, and survive JSON', async () => {
    const r = await compare({
      scenario: { users: 300, cycles: 2, stepsPerCycle: 4 },
      strategies: RESERVED.map((label, i) => ({ kind: i % 2 ? 'follow-building' : 'like-chasing', label })),
      replicates: 2,
    });
    const back = JSON.parse(JSON.stringify(r));
    for (const label of RESERVED) {
      for (const field of ['summary', 'economics', 'spendPerCycle', 'probabilityAhead'] as const) {
        expect(Object.hasOwn(r[field], label), `${field}.${label}`).toBe(true);
        expect(Object.hasOwn(back[field], label), `JSON ${field}.${label}`).toBe(true);
      }
      expect(r.summary[label].cumulativeNet).toHaveLength(2);
    }
    for (const label of RESERVED.slice(1)) expect(Object.hasOwn(r.differences, label), `differences.${label}`).toBe(true);
    expect(formatComparison(r)).toContain('__proto__');
  });
});

// Every output, for any choice and order of reserved labels: the library's sweep results, the
// CLI's run, compare and sweep summaries, tidy exports (CSV, JSON Lines), report.html and merge.
const tinyScenario = { users: 150, cycles: 2, stepsPerCycle: 3 };
const labelSets = fc.shuffledSubarray([...RESERVED_NAMES, 'ordinary'], { minLength: 2, maxLength: 3 });
const strategiesFor = (labels: string[]) => labels.map((label, i) => ({ kind: i % 2 ? 'follow-building' : 'like-chasing', label }));

describe('reserved names through every output (property)', () => {
  it('library sweep: every point keeps every label in final, difference and crossovers, also through JSON', async () => {
    await fc.assert(fc.asyncProperty(labelSets, async (labels) => {
      const r = await sweep({ scenario: tinyScenario, design: { kind: 'grid', factors: { 'behavior.follow.base': [0.001, 0.002] } }, strategies: strategiesFor(labels), replicates: 2, workers: 1 });
      const back = JSON.parse(JSON.stringify(r));
      for (const p of [...r.points, ...back.points]) {
        for (const [i, l] of labels.entries()) {
          expect(Object.hasOwn(p.final, l), `final.${l}`).toBe(true);
          if (i > 0) expect(Object.hasOwn(p.difference, l), `difference.${l}`).toBe(true);
        }
        expect(p.crossovers.map((x: { challenger: string }) => x.challenger)).toEqual(labels.slice(1));
        expect([...labels, 'neither']).toContain(p.winner);
      }
    }), { numRuns: 4, seed: 20 });
  });

  it('CLI sweep, merge of its shards and report; compare (strategies registered under the names); run', async () => {
    const module = fileURLToPath(new URL('./fixtures/reserved-strategies.ts', import.meta.url));
    await fc.assert(fc.asyncProperty(labelSets, async (labels) => {
      const dir = tempDir('feedsim-reserved-');
      const design = writeIn(dir, 'sweep.json', JSON.stringify({ scenario: tinyScenario, design: { kind: 'grid', factors: { 'behavior.follow.base': [0.001, 0.002] } }, strategies: strategiesFor(labels), replicates: 2, seed: 1 }));
      const formats = ['--format', 'csv,jsonl'];
      const ok = async (args: string[]) => {
        const r = await cliHere([...args, '-w', '1']);
        expect(r.stderr, args.join(' ')).toBe('');
        expect(r.status, args.join(' ')).toBe(0);
      };
      const whole = join(dir, 'whole');
      await ok(['sweep', design, '--out', whole, '--plots', ...formats]);
      await ok(['sweep', design, '--out', join(dir, 's0'), '--shard', '0/2', ...formats]);
      await ok(['sweep', design, '--out', join(dir, 's1'), '--shard', '1/2', ...formats]);
      const merged = await cliHere(['merge', join(dir, 's0'), join(dir, 's1'), '--out', join(dir, 'merged')]);
      expect(merged.stderr).toBe('');
      expect(merged.status).toBe(0);
      expect((await cliHere(['report', whole])).status).toBe(0);
      const names = labels.filter((l) => l !== 'ordinary');
      const compared = join(dir, 'compare');
      await ok(['compare', writeIn(dir, 's.json', JSON.stringify(tinyScenario)), '--strategies', names.join(','), '--replicates', '2', '--module', module, '--out', compared, '--plots', ...formats]);
      expect((await cliHere(['report', compared])).status).toBe(0);
      const ran = join(dir, 'run');
      await ok(['run', writeIn(dir, 'r.json', JSON.stringify({ ...tinyScenario, accounts: [{ strategy: strategiesFor(labels)[0] }] })), '--out', ran, ...formats]);
      expect([
        ...missingLabels(whole, labels), ...missingFromReport(whole, labels), ...missingLabels(join(dir, 'merged'), labels),
        ...(names.length ? [...missingLabels(compared, names), ...missingFromReport(compared, names)] : []),
        ...missingLabels(ran, labels.slice(0, 1)),
      ]).toEqual([]);
      expect(readFileSync(join(dir, 'merged', 'summary.json'), 'utf8')).toBe(readFileSync(join(whole, 'summary.json'), 'utf8'));
      // The plots carry the labels too (SVG text, escaped).
      const svg = readFileSync(join(whole, 'plots', 'sweep-win-map.svg'), 'utf8') + (names.length ? readFileSync(join(compared, 'plots', 'net-return.svg'), 'utf8') : '');
      for (const l of names) expect(svg, `plots: ${l}`).toContain(`>${l}<`);
    }), { numRuns: 3, seed: 20 });
  });
});
