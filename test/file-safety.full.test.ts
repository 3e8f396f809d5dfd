/**
 * Issue 20, class 5: files that cannot be tricked. Results are never written through a
 * symbolic link; directory creation is bounded; input files must be regular files (never a
 * pipe, a device or a /proc file); errors quote at most a short escaped excerpt of a line that
 * failed to parse; `--module` paths are the user's. Each test here fails on 0.2.1. Commands that
 * 0.2.1 would hang on (a mkdir loop, a named pipe) run in a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvSink } from '../src/io/files.js';
import { BIN, ROOT, cliHere, tempDir, writeIn } from './helpers/cli.js';

const SCENARIO = 'users: 300\ncycles: 1\nstepsPerCycle: 4\n';

/**
 * `feedsim …args` in a child process with working directory `cwd`. The time limit only stops
 * a hang (0.2.1 loops or blocks on some of these inputs); no assertion depends on time.
 */
function child(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const r = spawnSync(process.execPath, ['--import', tsx, BIN, ...args], { cwd, encoding: 'utf8', timeout: 90_000, env: { ...process.env, CI: 'true', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const mkfifo = (path: string): string => {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
};

describe('results are never written through a symbolic link', () => {
  it('run --out with summary.json.tmp and runs.jsonl linked to victims: refused (exit 2, naming the link), victims untouched', async () => {
    const dir = tempDir('feedsim-links-');
    const scenario = writeIn(dir, 's.yaml', SCENARIO);
    writeIn(dir, 'victim.txt', 'precious\n');
    writeIn(dir, 'victim2.txt', 'precious too\n');
    mkdirSync(join(dir, 'symout'));
    symlinkSync('../victim.txt', join(dir, 'symout', 'summary.json.tmp'));
    symlinkSync('../victim2.txt', join(dir, 'symout', 'runs.jsonl'));
    const r = await cliHere(['run', scenario, '--out', join(dir, 'symout'), '--workers', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/symout\/(runs\.jsonl|summary\.json\.tmp): a symbolic link \(to "\.\.\/victim2?\.txt"\), and feedsim never writes through a link/);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'victim2.txt'), 'utf8')).toBe('precious too\n');
    expect(lstatSync(join(dir, 'symout', 'runs.jsonl')).isSymbolicLink()).toBe(true);
  });

  it('every name a command writes is checked: exports, temporaries, plots, the report, and the library sinks', async () => {
    const dir = tempDir('feedsim-links-');
    const scenario = writeIn(dir, 's.yaml', SCENARIO);
    const victim = writeIn(dir, 'victim.txt', 'precious\n');
    mkdirSync(join(dir, 'elsewhere'));
    const names = ['manifest.json', 'rows.csv.tmp', 'rows.arrow', 'summary.json', 'plots', 'report.html.tmp'];
    for (const name of names) {
      const out = join(dir, `out-${name}`);
      mkdirSync(out);
      symlinkSync(name === 'plots' ? join(dir, 'elsewhere') : victim, join(out, name));
      const r = await cliHere(['compare', scenario, '--replicates', '2', '--workers', '1', '--plots', '--format', 'csv,arrow', '--out', out]);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toContain(`${join(out, name)}: a symbolic link`);
    }
    // feedsim report writes report.html into a finished directory: a link made afterwards is refused too.
    const done = join(dir, 'done');
    expect((await cliHere(['compare', scenario, '--replicates', '2', '--workers', '1', '--out', done])).status).toBe(0);
    symlinkSync(victim, join(done, 'report.html'));
    const report = await cliHere(['report', done]);
    expect(report.status).toBe(2);
    expect(report.stderr).toContain(`${join(done, 'report.html')}: a symbolic link`);
    symlinkSync(victim, join(dir, 'rows.csv'));
    expect(() => csvSink(join(dir, 'rows.csv'))).toThrow(/rows\.csv: a symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(existsSync(join(dir, 'elsewhere', 'net-return.svg'))).toBe(false);
  });
});

describe('directories are created in a bounded number of steps', () => {
  it('--out /proc/feedsim-x is refused at once (exit 2) instead of looping on mkdir; a file in the way is named', () => {
    const r = child(['run', writeIn(tempDir(), 's.yaml', SCENARIO), '--out', '/proc/feedsim-x', '--workers', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/proc/feedsim-x: cannot create the directory /proc/feedsim-x: the file system does not allow creating it');
    const dir = tempDir();
    writeIn(dir, 'file.txt', 'x');
    const r2 = child(['run', writeIn(dir, 's.yaml', SCENARIO), '--out', join(dir, 'file.txt', 'sub'), '--workers', '1']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain(`${join(dir, 'file.txt')} is a regular file, not a directory`);
  });
});

describe('input files must be regular files', () => {
  it('graph.file: /proc/self/environ is not read, and no environment variable is echoed', async () => {
    const dir = tempDir('feedsim-proc-');
    const file = writeIn(dir, 'g.yaml', `${SCENARIO}graph:\n  kind: edge-list\n  file: /proc/self/environ\n`);
    process.env.FEEDSIM_TEST_SECRET = 'hunter2-do-not-print';
    try {
      const r = await cliHere(['validate', file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('graph.file: "/proc/self/environ" — edge-list file is not an ordinary file on disk: it reports 0 bytes but reads more');
      expect(r.stderr).not.toContain('hunter2');
      expect(r.stderr).not.toMatch(/PATH=|HOME=|FEEDSIM_TEST_SECRET/);
    } finally {
      delete process.env.FEEDSIM_TEST_SECRET;
    }
  });

  it('named pipes as scenario, sweep, edge-list, module and manifest files are refused without blocking', () => {
    const dir = tempDir('feedsim-fifo-');
    const fifo = mkfifo(join(dir, 'pipe.yaml'));
    const scenario = writeIn(dir, 's.yaml', SCENARIO);
    const cases: Array<[string, string[]]> = [
      ['scenario file', ['validate', fifo]],
      ['edge list', ['validate', writeIn(dir, 'g.yaml', `${SCENARIO}graph:\n  kind: edge-list\n  file: pipe.yaml\n`)]],
      ['sweep scenario', ['validate', writeIn(dir, 'sw.yaml', 'scenario: pipe.yaml\ndesign:\n  kind: list\n  points: [{}]\nstrategies: [like-chasing]\n')]],
      ['module', ['validate', scenario, '--module', fifo]],
    ];
    mkdirSync(join(dir, 'results'));
    mkfifo(join(dir, 'results', 'manifest.json'));
    cases.push(['manifest', ['sweep', '--resume', join(dir, 'results')]]);
    for (const [what, args] of cases) {
      const r = child(args, dir);
      expect(r.status, what).toBe(2);
      expect(r.stderr, what).toMatch(/named pipe \(FIFO\)|is not a regular file/);
    }
  });
});

describe('errors quote a short, escaped excerpt of a failed line, never a file that is not an edge list', () => {
  it('an edge list with a bad line after good ones: at most 60 characters of it, control and bidi characters escaped', async () => {
    const dir = tempDir('feedsim-quote-');
    writeIn(dir, 'edges.txt', `0 1\n1 2\n3 \u202e${'x'.repeat(300)}\u001b[31m\n`);
    const r = await cliHere(['validate', writeIn(dir, 'g.yaml', `${SCENARIO}graph:\n  kind: edge-list\n  file: edges.txt\n`)]);
    expect(r.status).toBe(2);
    const quoted = /edge list line 3: ("(?:[^"\\]|\\.)*")/.exec(r.stderr)?.[1];
    expect(quoted).toBeDefined();
    expect(quoted!.length).toBeLessThanOrEqual(62); // 60 characters between the quotes
    expect(quoted).toMatch(/^"3 \\u202exxx+…"$/);
    expect(r.stderr).not.toMatch(/[\u202e\u001b]/);
    expect(r.stderr).toContain('graph.file: "edges.txt"');
  });

  it('a secrets file, a binary file or a JSON/YAML file that is not a document: refused, nothing of it quoted', async () => {
    const dir = tempDir('feedsim-quote-');
    writeIn(dir, 'secrets.env', 'API_KEY=sk-live-0123456789\nDB_PASSWORD=hunter2\n');
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0x41, 0x50, 0x49, 0x5f, 0x4b, 0x45, 0x59, 10]));
    const edgeList = (f: string) => writeIn(dir, `uses-${f}.yaml`, `${SCENARIO}graph:\n  kind: edge-list\n  file: ${f}\n`);
    const cases: Array<[string, string, RegExp]> = [
      ['secrets as edge list', edgeList('secrets.env'), /edge list line 1: not an edge, and no line before it was one, so this is not an edge list \(its text is not quoted\)/],
      ['binary as edge list', edgeList('blob.bin'), /edge-list file is not a text file \(a NUL byte at byte 4\); nothing of it is quoted/],
      ['secrets as JSON scenario', writeIn(dir, 'scenario.json', 'API_KEY=sk-live-0123456789\n'), /is not valid JSON: it does not start with \{ \(its text is not quoted\)/],
      ['secrets as YAML scenario', writeIn(dir, 'scenario.yaml', 'API_KEY=sk-live-0123456789 DB_PASSWORD=hunter2\n'), /scenario\.yaml" — a file must be an object \(JSON \{…\} or YAML key: value lines\), not a string/],
    ];
    for (const [what, file, reason] of cases) {
      const r = await cliHere(['validate', file]);
      expect(r.status, what).toBe(2);
      expect(r.stderr, what).toMatch(reason);
      expect(r.stderr, what).not.toMatch(/sk-live|hunter2|API_K|ELF/);
    }
  });
});

describe('--module paths are the user\'s', () => {
  it('resolved against the working directory and reported as typed (exit 2), never as a path inside feedsim', () => {
    const dir = tempDir('feedsim-module-');
    writeIn(dir, 's.yaml', SCENARIO);
    writeIn(dir, 'empty.mjs', 'export {};\n');
    mkdirSync(join(dir, 'folder.mjs'));
    const missing = child(['validate', 's.yaml', '--module', './nope.mjs'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`feedsim: --module "./nope.mjs": no such file (looked for ${join(dir, 'nope.mjs')})`);
    expect(missing.stderr).not.toMatch(/dist\/|src\/experiment|node_modules/);
    const folder = child(['validate', 's.yaml', '--module', 'folder.mjs'], dir);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain(`--module "folder.mjs": ${join(dir, 'folder.mjs')} is not a regular file`);
    const unknown = child(['validate', 's.yaml', '--module', 'no-such-feedsim-plugin'], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--module "no-such-feedsim-plugin": no package of that name is installed');
    // The same module given relative to the working directory loads.
    expect(child(['validate', 's.yaml', '--module', './empty.mjs'], dir).status).toBe(0);
  });
});
