import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, ScenarioError } from '../src/index.js';
import { sweepSpecs } from '../src/experiment/sweep.js';
import { loadScenarioFile, loadSweepFile } from '../src/io/scenario-file.js';
import { recordLine } from '../src/io/run-record.js';
import { buildReport } from '../src/report/build.js';
import type { ResultsSummary } from '../src/report/summary.js';
import { cliHere, tempDir, writeIn } from './helpers/cli.js';

// Issue 20, class 3 (rest): inputs that were accepted and then crashed, or silently ran
// something else, are refused before any work with exit 2, naming what is wrong.

const tiny = { users: 150, cycles: 2, stepsPerCycle: 3 };

describe('options are checked before any run', () => {
  it('--level 0.9999999999999999 (whose upper quantile rounds to 1) is refused before the directory is made', async () => {
    const dir = tempDir();
    const file = writeIn(dir, 's.json', JSON.stringify(tiny));
    const out = join(dir, 'out');
    const r = await cliHere(['compare', file, '--level', '0.9999999999999999', '--replicates', '2', '-w', '1', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--level "0\.9999999999999999": must be a number above 0 and at most 0\.999999/);
    expect(existsSync(out)).toBe(false);
  });

  it('compare({ level }) refuses the same before any run; 0.999999 itself works', async () => {
    let runs = 0;
    await expect(compare({ scenario: tiny, strategies: ['like-chasing', 'follow-building'], replicates: 2, level: 0.9999999999999999, onRun: () => void runs++ })).rejects.toThrow(/level: 0\.9999999999999999 — a number above 0 and at most 0\.999999/);
    expect(runs).toBe(0);
    const ok = await compare({ scenario: tiny, strategies: ['like-chasing', 'follow-building'], replicates: 2, level: 0.999999 });
    expect(Number.isFinite(ok.summary['follow-building'].cumulativeNet.at(-1)!.upper)).toBe(true);
  });

  it('sweep options: a null scenario and a grid without factors are refused (they ran the default scenario, or one point)', () => {
    const base = { design: { kind: 'grid' as const, factors: { 'behavior.follow.base': [0.001] } }, strategies: ['like-chasing'], replicates: 2 };
    expect(() => sweepSpecs({ ...base, scenario: null as never })).toThrow(/scenario: null — a scenario object/);
    expect(() => sweepSpecs({ ...base, scenario: tiny, design: { kind: 'grid' } as never })).toThrow(/design\.factors: undefined — must name at least one scenario path/);
    expect(() => sweepSpecs({ ...base, scenario: tiny, design: { kind: 'grid', factors: {} } })).toThrow(/design\.factors/);
    expect(() => sweepSpecs({ ...base, scenario: tiny, design: { kind: 'latin-hypercube', samples: 3, seed: 1, factors: {} } })).toThrow(/design\.factors/);
  });
});

describe('JSON files refuse duplicate keys, as YAML files do', () => {
  it('names the key, its path and its line, in scenario and sweep files', () => {
    const dir = tempDir();
    const scenario = writeIn(dir, 's.json', '{"users":100,"users":200}');
    expect(() => loadScenarioFile(scenario)).toThrow(/has the key "users" twice in one object \(users, line 1\)/);
    const sweep = writeIn(dir, 'w.json', '{\n  "scenario": {"behavior": {"follow": {"base": 0.1}, "follow": {}}},\n  "design": {"kind": "grid", "factors": {"behavior.like.base": [0.1]}},\n  "strategies": ["like-chasing"]\n}');
    expect(() => loadSweepFile(sweep)).toThrow(/has the key "follow" twice in one object \(scenario\.behavior\.follow, line 2\)/);
    // Escaped spellings of one key are one key; equal keys in different objects are fine.
    expect(() => loadScenarioFile(writeIn(dir, 'e.json', '{"users":100,"us\\u0065rs":200}'))).toThrow(/"users" twice/);
    expect(loadScenarioFile(writeIn(dir, 'ok.json', '{"users":100,"accounts":[{"name":"a"},{"name":"b"}]}')).scenario.users).toBe(100);
  });
});

describe('records are checked with a schema when read back', () => {
  it('resume refuses a record line that is JSON but not a run, naming the file and line (exit 2, was a TypeError)', async () => {
    const dir = tempDir();
    const design = writeIn(dir, 'sweep.json', JSON.stringify({ scenario: tiny, design: { kind: 'grid', factors: { 'behavior.follow.base': [0.001, 0.002] } }, strategies: ['like-chasing', 'follow-building'], replicates: 2, seed: 1 }));
    const out = join(dir, 'out');
    expect((await cliHere(['sweep', design, '--out', out, '-w', '1'])).status).toBe(0);
    const path = join(out, 'runs.jsonl');
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    writeFileSync(path, [...lines.slice(0, 3), '{"id":"p2/follow-building/r4","accounts":[]}', ...lines.slice(4)].join('\n') + '\n');
    const r = await cliHere(['sweep', '--resume', out, '-w', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/runs\.jsonl, line 4: not a run record .*accounts: \[\] — must hold the first focal account's record at least/);
    expect(r.stderr).not.toMatch(/TypeError|at .*\.ts:/);
    // A well-formed run that contradicts the sweep (replicate 99 of 2) is bad input too, even
    // signed with a valid checksum (written by something else than this sweep).
    const { checksum: _checksum, ...edited } = JSON.parse(lines[3]);
    writeFileSync(path, [...lines.slice(0, 3), recordLine({ ...edited, replicate: 99 }).trimEnd(), ...lines.slice(4)].join('\n') + '\n');
    const again = await cliHere(['sweep', '--resume', out, '-w', '1']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/run p\d\/[a-z-]+\/r\d is replicate 99; the sweep has replicates 0-1/);
  });
});

describe('report', () => {
  it('a summary of 10,000 strategies is reported (it overflowed the stack): charts show the first ten, the tables all', async () => {
    const N = 10_000;
    const labels = Array.from({ length: N }, (_, i) => `s${i}`);
    const r = await compare({ scenario: tiny, strategies: ['like-chasing', 'follow-building'], replicates: 2 });
    const j = JSON.parse(JSON.stringify(r));
    const spread = (o: Record<string, unknown>) => Object.fromEntries(labels.map((l, i) => [l, o[i === 0 ? 'like-chasing' : 'follow-building']]));
    const summary = {
      ...j, kind: 'compare', strategies: labels,
      summary: spread(j.summary), economics: spread(j.economics), spendPerCycle: spread(j.spendPerCycle), probabilityAhead: spread(j.probabilityAhead),
      differences: Object.fromEntries(labels.slice(1).map((l) => [l, j.differences['follow-building']])),
      crossovers: labels.slice(1).map((l) => ({ ...j.crossovers[0], challenger: l })),
    } as ResultsSummary;
    const html = await buildReport({ summary });
    expect(html).toContain('The charts show the baseline and the first 9 challengers of 10,000 strategies');
    expect(html).toContain('<b>s9999</b>');
    expect(html.match(/<figure class="chart"/g)?.length).toBeGreaterThan(0);
  });
});

it('every refusal above is a ScenarioError (exit 2 in the CLI)', () => {
  expect(() => sweepSpecs({ scenario: null as never, design: { kind: 'grid', factors: { 'behavior.follow.base': [0.001] } }, strategies: ['like-chasing'] })).toThrow(ScenarioError);
});
