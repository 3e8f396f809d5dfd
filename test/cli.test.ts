import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cli, cliHere, tempDir, writeIn } from './helpers/cli.js';
import { scenarioJsonSchema } from '../src/scenario/json-schema.js';

const scenarioYaml = 'extends: facebook\nusers: 1500\ncycles: 2\n';

describe('feedsim CLI', async () => {
  it('validate: a good file passes (0), a bad one lists every problem with suggestions and exits 2 without a stack trace', async () => {
    const dir = tempDir();
    const good = await cliHere(['validate', writeIn(dir, 'good.yaml', scenarioYaml)]);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/a valid scenario — 1500 users/);
    const bad = await cliHere(['validate', writeIn(dir, 'bad.json', '{"users": -1, "feed": {"rankr": "x"}, "extends": "youtub"}')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/extends: "youtub" — must be a preset: .* did you mean "youtube"\?/);
    expect(bad.stderr).toMatch(/3 problems in the input/); // an unknown preset does not hide the others
    const typo = await cliHere(['validate', writeIn(dir, 'typo.json', '{"users": -1, "feed": {"rankr": "x"}}')]);
    expect(typo.stderr).toMatch(/2 problems/);
    expect(typo.stderr).toMatch(/users: -1 — must be a whole number from 1/);
    expect(typo.stderr).toMatch(/feed.rankr: "x" — is not a field of feed .* did you mean "ranker"\?/);
    const malformed = await cliHere(['validate', writeIn(dir, 'broken.yaml', 'users: [1, 2\ncycles: 3\n')]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/is not valid YAML at line \d+, column \d+/);
    for (const r of [bad, typo, malformed]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('bad flags and unknown commands exit 2 naming the flag and what is allowed', async () => {
    const dir = tempDir();
    const file = writeIn(dir, 's.yaml', scenarioYaml);
    const r = await cliHere(['compare', file, '--replicates', 'many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--replicates "many": must be a whole number from 2 to 100000/);
    expect((await cliHere(['compare', file, '--format', 'parquet'])).stderr).toMatch(/--format "parquet": must be one of csv, jsonl, json, arrow/);
    expect((await cliHere(['frobnicate'])).status).toBe(2);
    const notResults = await cliHere(['report', dir]);
    expect(notResults.status).toBe(2);
    expect(notResults.stderr).toMatch(/is not a results directory \(no summary.json\)/);
    const noSweep = await cliHere(['sweep', '--resume', join(dir, 'nothing-here')]);
    expect(noSweep.status).toBe(2);
    expect(noSweep.stderr).toMatch(/is not a feedsim results directory \(no manifest.json\)/);
    expect((await cliHere(['compare', join(dir, 'missing.yaml')])).stderr).toMatch(/scenario file not found/);
  });

  it('--help on every command shows an example and exits 0', async () => {
    for (const c of ['run', 'compare', 'sweep', 'merge', 'validate', 'presets', 'schema', 'report']) {
      const r = await cliHere([c, '--help']);
      expect(r.status, c).toBe(0);
      expect(r.stdout, c).toMatch(/Example/);
    }
  });

  it('presets lists the four platforms; schema prints the published JSON Schema (docs/scenario.schema.json)', async () => {
    const p = await cliHere(['presets']);
    for (const name of ['facebook', 'youtube', 'instagram', 'twitch']) expect(p.stdout).toMatch(new RegExp(`^${name} `, 'm'));
    const s = await cliHere(['schema']);
    expect(JSON.parse(s.stdout)).toEqual(scenarioJsonSchema());
    expect(JSON.parse(readFileSync(new URL('../docs/scenario.schema.json', import.meta.url), 'utf8'))).toEqual(scenarioJsonSchema());
  });

  it('compare writes the record, summary, every export format and plots; exports agree', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const r = cli(['compare', writeIn(dir, 's.yaml', scenarioYaml), '--replicates', '2', '--workers', '1', '--out', out, '--format', 'csv,jsonl,json,arrow', '--plots']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/like-chasing vs follow-building, 2 replicates each/);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8').trim().split('\n')).toHaveLength(4);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.kind).toBe('compare');
    expect(summary.strategies).toEqual(['like-chasing', 'follow-building']);
    const csv = readFileSync(join(out, 'rows.csv'), 'utf8').trim().split('\n');
    const jsonl = readFileSync(join(out, 'rows.jsonl'), 'utf8').trim().split('\n');
    const json = JSON.parse(readFileSync(join(out, 'rows.json'), 'utf8'));
    const arrow = tableFromIPC(readFileSync(join(out, 'rows.arrow')));
    expect(jsonl.length).toBe(csv.length - 1);
    expect(json.length).toBe(jsonl.length);
    expect(arrow.numRows).toBe(jsonl.length);
    const last = JSON.parse(jsonl[jsonl.length - 1]);
    const lastArrow = arrow.get(arrow.numRows - 1)!.toJSON();
    expect(lastArrow.value).toBe(last.value);
    expect(lastArrow.metric).toBe(last.metric);
    expect(readdirSync(join(out, 'plots')).sort()).toEqual(['followers.svg', 'net-return.svg', 'reach-by-channel.svg']);
    const report = await cliHere(['report', out]);
    expect(report.status).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('run prints each focal account; results do not depend on the worker count', async () => {
    const dir = tempDir();
    const file = writeIn(dir, 's.yaml', scenarioYaml);
    const one = await cliHere(['run', file, '--replicates', '2', '--workers', '1', '--out', join(dir, 'a')]);
    const two = cli(['run', file, '--replicates', '2', '--workers', '2', '--out', join(dir, 'b')]);
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/focal\s+like-chasing/);
    expect(readFileSync(join(dir, 'a', 'runs.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'b', 'runs.jsonl'), 'utf8'));
    // A directory that holds results is not appended to (its record would mix two experiments).
    const again = await cliHere(['compare', file, '--replicates', '2', '--out', join(dir, 'a')]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/a already holds results \(manifest\.json\): choose a new --out/);
    expect(readFileSync(join(dir, 'a', 'runs.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'b', 'runs.jsonl'), 'utf8'));
  });

  it('refuses a scenario that cannot fit in memory, showing the estimate', async () => {
    const dir = tempDir();
    const r = await cliHere(['run', writeIn(dir, 'huge.json', '{"users": 50000000, "graph": {"kind": "erdos-renyi", "meanDegree": 42}}')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/users: 50000000 — needs an estimated [\d.]+ GB .* more than 90 % of this machine's/);
  });
});
