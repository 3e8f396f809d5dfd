/**
 * Fuzz cases for results directories and input files (issue 20, classes 4 and 5): crafted
 * records (edited numbers and checksums, repeats, conflicting copies, stripped checksums, cut and
 * garbage lines) through `sweep --resume` and `merge`; symbolic links and special files planted
 * where a command writes results; and special files (/proc, /dev, named pipes, sockets,
 * directories, links to them) where a command reads its input. Case `i` of seed `s` is always
 * the same (the project's seeded xor128 stream). Each case runs the CLI in this process.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { signedLine } from '../../src/io/record-checksum.js';
import { createXor128, nextFloat, seedXor128 } from '../../src/rng.js';
import { cliHere, writeIn } from '../helpers/cli.js';

/** What is fuzzed. */
export type IoKind = 'record' | 'symlink' | 'special';

/** What the CLI did with a case. */
export interface IoReport {
  id: string;
  status: number;
  mutations: string[];
  failure?: string;
}

/** The finished sweep every case starts from, and places for the cases. */
export interface IoContext {
  dir: string;
  sweepFile: string;
  scenarioFile: string;
  whole: string;
  reference: string;
  summary: string;
  /** A FIFO and a socket made by the caller (sockets need a listening server). */
  fifo: string;
  socket: string;
}

const SWEEP = `scenario:\n  users: 300\n  cycles: 1\n  stepsPerCycle: 4\ndesign:\n  kind: grid\n  factors:\n    behavior.follow.base: [0.0005, 0.005]\nstrategies: [like-chasing, follow-building]\nreplicates: 2\nseed: 3\n`;
const SCENARIO = 'users: 300\ncycles: 1\nstepsPerCycle: 4\n';
/** Put in the environment of the process under test: it must never appear in an error. */
export const SECRET = 'FEEDSIM_FUZZ_SECRET=do-not-echo-7f3a';

/** Runs the reference sweep in `dir` (8 runs). */
export async function prepareIo(dir: string, fifo: string, socket: string): Promise<IoContext> {
  const sweepFile = writeIn(dir, 'sweep.yaml', SWEEP);
  const scenarioFile = writeIn(dir, 'scenario.yaml', SCENARIO);
  const whole = join(dir, 'whole');
  const r = await cliHere(['sweep', sweepFile, '--out', whole, '--workers', '1', '--format', 'jsonl']);
  if (r.status !== 0) throw new Error(`reference sweep failed: ${r.stderr}`);
  return { dir, sweepFile, scenarioFile, whole, reference: readFileSync(join(whole, 'runs.jsonl'), 'utf8'), summary: readFileSync(join(whole, 'summary.json'), 'utf8'), fifo, socket };
}

interface Draw {
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

function draw(key: string): Draw {
  const state = seedXor128(createXor128(), key);
  const d: Draw = { int: (n) => Math.floor(nextFloat(state) * n), pick: (xs) => xs[d.int(xs.length)] };
  return d;
}

// A stack trace, or a raw control, bidi or escape character, in what the CLI printed.
const RAW = /\n\s+at .*[(:]|[\u0000-\u0008\u000b-\u001f\u007f\u202e]/;
const sha = (path: string): string => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent');
const sortedLines = (text: string): string => text.split('\n').filter(Boolean).sort().join('\n');

// ---------------------------------------------------------------- crafted records

/** Crafted lines: garbage, and records with valid checksums the sweep does not know. */
const GARBAGE = [
  '{}', '[]', 'null', '{"id":"p1/like-chasing/r0"}', `{"id":"p1/like-chasing/r0","accounts":[],"checksum":"sha256:${'0'.repeat(64)}"}`,
  signedLine('{"id":"\\u001b[2J\\u202egone","accounts":[]}').trimEnd(), signedLine('{"id":"p9/nowhere/r0","point":9,"accounts":[]}').trimEnd(),
  signedLine('{"id":"__proto__","accounts":[]}').trimEnd(), 'x'.repeat(20_000), '\u0000\u0001\u0002', '{"id":1e999,"accounts":[]}',
];
const CHARS = ['"', '}', '{', ',', '\u0000', '\u001b', '\u202e', 'x', ' ', '9', '\\'];

/** Applies one mutation to the record's lines; returns its name. */
function mutateRecord(lines: string[], d: Draw): string {
  const k = d.int(lines.length);
  const which = d.pick(['digit', 'char', 'repeat', 'conflict', 'strip', 'drop', 'swap', 'cut', 'garbage', 'checksum'] as const);
  switch (which) {
    case 'digit': {
      const at = [...lines[k].matchAll(/\d/g)].map((m) => m.index!);
      if (!at.length) return 'digit:none';
      const i = d.pick(at);
      lines[k] = lines[k].slice(0, i) + String((Number(lines[k][i]) + 1 + d.int(8)) % 10) + lines[k].slice(i + 1);
      return `digit:${k}:${i}`;
    }
    case 'char': {
      const i = d.int(lines[k].length);
      lines[k] = lines[k].slice(0, i) + d.pick(CHARS) + lines[k].slice(i + 1);
      return `char:${k}:${i}`;
    }
    case 'repeat':
      lines.splice(d.int(lines.length + 1), 0, lines[k]);
      return `repeat:${k}`;
    case 'conflict': {
      let run;
      try {
        run = JSON.parse(lines[k]);
      } catch {
        return 'conflict:skipped';
      }
      if (!run || typeof run !== 'object' || !Array.isArray(run.accounts?.[0]?.cycles)) return 'conflict:skipped';
      delete run.checksum;
      run.accounts[0].cycles[0].impressions = (run.accounts[0].cycles[0].impressions ?? 0) + 1 + d.int(100);
      lines.splice(d.int(lines.length + 1), 0, signedLine(JSON.stringify(run)).trimEnd());
      return `conflict:${k}`;
    }
    case 'strip':
      lines[k] = lines[k].replace(/,"checksum":"[^"]*"/, '');
      return `strip:${k}`;
    case 'drop':
      lines.splice(k, 1);
      return `drop:${k}`;
    case 'swap': {
      const j = d.int(lines.length);
      [lines[k], lines[j]] = [lines[j], lines[k]];
      return `swap:${k}:${j}`;
    }
    case 'cut':
      // Applied to the text at the end (see recordCase): the last line loses its tail.
      return 'cut';
    case 'garbage':
      lines.splice(d.int(lines.length + 1), 0, d.pick(GARBAGE));
      return `garbage:${k}`;
    case 'checksum':
      lines[k] = lines[k].replace(/"sha256:([0-9a-f])/, (_m, c: string) => `"sha256:${c === 'a' ? 'b' : 'a'}`);
      return `checksum:${k}`;
  }
}

async function recordCase(ctx: IoContext, d: Draw, id: string): Promise<IoReport> {
  const dir = join(ctx.dir, id);
  cpSync(ctx.whole, dir, { recursive: true });
  const lines = ctx.reference.trimEnd().split('\n');
  const mutations = Array.from({ length: 1 + d.int(3) }, () => (lines.length ? mutateRecord(lines, d) : 'empty'));
  let text = lines.join('\n') + '\n';
  // What a kill leaves: the last line without its newline and part of its end.
  if (mutations.includes('cut')) text = text.slice(0, text.length - 1 - d.int(lines[lines.length - 1].length));
  writeFileSync(join(dir, 'runs.jsonl'), text);
  const report = (status: number | null, failure?: string): IoReport => ({ id, status: status ?? -1, mutations, ...(failure ? { failure } : {}) });
  const before = sha(join(dir, 'runs.jsonl'));
  // A copy re-signed with other numbers whose original was cut or dropped is a forgery, which a
  // checksum cannot tell (it is not a signature): then only the outcome's form is checked.
  const forged = mutations.some((m) => /^conflict:\d/.test(m)) && mutations.some((m) => m === 'cut' || m.startsWith('drop'));
  const merged = await cliHere(['merge', dir, '--out', join(ctx.dir, `${id}-merged`)]);
  if (merged.status !== 0 && merged.status !== 2) return report(merged.status, `merge exited ${merged.status}: ${merged.stderr.slice(0, 300)}`);
  if (RAW.test(merged.stderr)) return report(merged.status, `merge printed a stack trace or raw control character: ${JSON.stringify(merged.stderr.slice(0, 300))}`);
  if (merged.status === 0 && !forged && readFileSync(join(ctx.dir, `${id}-merged`, 'runs.jsonl'), 'utf8') !== ctx.reference) return report(0, 'merge accepted a record that differs from the one feedsim wrote');
  if (sha(join(dir, 'runs.jsonl')) !== before) return report(merged.status, 'merge wrote to its input');
  const resumed = await cliHere(['sweep', '--resume', dir, '--workers', '1']);
  if (resumed.status !== 0 && resumed.status !== 2) return report(resumed.status, `resume exited ${resumed.status}: ${resumed.stderr.slice(0, 300)}`);
  if (RAW.test(resumed.stderr)) return report(resumed.status, `resume printed a stack trace or raw control character: ${JSON.stringify(resumed.stderr.slice(0, 300))}`);
  if (existsSync(join(dir, '.feedsim.lock'))) return report(resumed.status, 'resume left its lock behind');
  if (resumed.status === 2) {
    if (sha(join(dir, 'runs.jsonl')) !== before) return report(2, 'a refused resume changed the record');
    return report(2);
  }
  // Accepted: every run is exactly as feedsim wrote it, whatever order the lines are in.
  if (forged) return report(0);
  if (sortedLines(readFileSync(join(dir, 'runs.jsonl'), 'utf8')) !== sortedLines(ctx.reference)) return report(0, 'resume accepted a record that differs from the one feedsim wrote');
  if (readFileSync(join(dir, 'summary.json'), 'utf8') !== ctx.summary) return report(0, 'resume gave another summary');
  rmSync(dir, { recursive: true });
  return report(0);
}

// ---------------------------------------------------------------- links and special files where results go

const WRITTEN = ['manifest.json', 'runs.jsonl', 'summary.json', 'rows.csv', 'rows.jsonl', 'rows.json', 'rows.arrow', 'report.html'];
const PLANTED = [...WRITTEN, ...WRITTEN.map((n) => `${n}.tmp`), 'plots', '.feedsim.lock', 'plots/net-return.svg', 'plots/net-return.svg.tmp'];

async function symlinkCase(ctx: IoContext, d: Draw, id: string): Promise<IoReport> {
  const base = join(ctx.dir, id);
  mkdirSync(base);
  const victim = writeIn(base, 'victim.txt', 'precious\n');
  const victimDir = join(base, 'victim-dir');
  mkdirSync(victimDir);
  const out = join(base, 'out');
  mkdirSync(out);
  const mutations: string[] = [];
  for (let n = 1 + d.int(2); n > 0; n--) {
    const name = d.pick(PLANTED);
    const path = join(out, name);
    if (lstatSync(path, { throwIfNoEntry: false })) continue;
    if (name.startsWith('plots/')) {
      // Inside a real plots folder only (one planted as a link would put the entry in the victim's place).
      const plots = lstatSync(join(out, 'plots'), { throwIfNoEntry: false });
      if (plots && !plots.isDirectory()) continue;
      mkdirSync(join(out, 'plots'), { recursive: true });
    }
    const what = d.pick(['link-file', 'link-file-relative', 'link-dir', 'dangling', 'link-null', 'link-self', 'fifo', 'directory'] as const);
    if (what === 'link-file') symlinkSync(victim, path);
    else if (what === 'link-file-relative') symlinkSync(name.includes('/') ? '../../victim.txt' : '../victim.txt', path);
    else if (what === 'link-dir') symlinkSync(victimDir, path);
    else if (what === 'dangling') symlinkSync(join(base, 'nothing-here'), path);
    else if (what === 'link-null') symlinkSync('/dev/null', path);
    else if (what === 'link-self') symlinkSync('.', path);
    else if (what === 'fifo') spawnSync('mkfifo', [path]);
    else mkdirSync(path);
    mutations.push(`${what}:${name}`);
  }
  const command = d.pick(['run', 'compare', 'sweep', 'merge'] as const);
  mutations.push(command);
  const args = {
    run: ['run', ctx.scenarioFile, '--workers', '1', '--out', out],
    compare: ['compare', ctx.scenarioFile, '--replicates', '2', '--workers', '1', '--plots', '--format', 'csv,jsonl,json,arrow', '--out', out],
    sweep: ['sweep', ctx.sweepFile, '--workers', '1', '--plots', '--out', out],
    merge: ['merge', ctx.whole, '--plots', '--out', out],
  }[command];
  const r = await cliHere(args);
  const report = (failure?: string): IoReport => ({ id, status: r.status ?? -1, mutations, ...(failure ? { failure } : {}) });
  if (r.status !== 0 && r.status !== 2) return report(`exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  if (RAW.test(r.stderr)) return report(`a stack trace or raw control character: ${JSON.stringify(r.stderr.slice(0, 300))}`);
  if (readFileSync(victim, 'utf8') !== 'precious\n') return report('wrote through a link into the victim file');
  if (readdirSync(victimDir).length) return report(`wrote into the victim directory: ${readdirSync(victimDir).join(', ')}`);
  // Anything but a real directory named plots, planted beside the results files, must be refused.
  const topLevel = mutations.some((m) => /^[\w-]+:[^/]+$/.test(m) && m !== 'directory:plots');
  if (topLevel && r.status !== 2) return report('a link or special file where results go was not refused');
  if (r.status === 2 && !r.stderr.includes(out)) return report(`the refusal does not name the directory: ${r.stderr.slice(0, 300)}`);
  if (existsSync(join(out, '.feedsim.lock')) && !mutations.some((m) => m.endsWith(':.feedsim.lock'))) return report('the lock was left behind');
  return report();
}

// ---------------------------------------------------------------- special files where input is read

const SPECIAL = ['/proc/self/environ', '/proc/self/cmdline', '/proc/self/status', '/proc/version', '/dev/null', '/dev/zero', '/dev/urandom', 'fifo', 'socket', 'directory', 'dangling'] as const;
const PLACES = ['scenario', 'graph.file', 'sweep scenario', 'module', 'manifest', 'runs.jsonl'] as const;

async function specialCase(ctx: IoContext, d: Draw, id: string): Promise<IoReport> {
  const base = join(ctx.dir, id);
  mkdirSync(base);
  const special = d.pick(SPECIAL);
  const place = d.pick(PLACES);
  const viaLink = d.int(2) === 1;
  const target = special === 'fifo' ? ctx.fifo : special === 'socket' ? ctx.socket : special === 'directory' ? base : special === 'dangling' ? join(base, 'nothing') : special;
  // The special file under a name the place expects (a link), or as it is when a path can be given.
  const named = (name: string): string => {
    const path = join(base, name);
    symlinkSync(target, path);
    return path;
  };
  const given = (name: string): string => (viaLink || special === 'dangling' ? named(name) : target);
  const mutations = [special, place, viaLink ? 'link' : 'direct'];
  let args: string[];
  if (place === 'scenario') args = ['validate', given('s.json')];
  else if (place === 'graph.file') args = ['validate', writeIn(base, 'g.yaml', `${SCENARIO}graph:\n  kind: edge-list\n  file: ${given('edges.txt')}\n`)];
  else if (place === 'sweep scenario') args = ['validate', writeIn(base, 'sw.yaml', `scenario: ${given('s.yaml')}\ndesign:\n  kind: list\n  points: [{}]\nstrategies: [like-chasing]\n`)];
  else if (place === 'module') args = ['validate', ctx.scenarioFile, '--module', given('m.mjs')];
  else {
    // A results directory whose manifest or record is the special file (through a link).
    const dir = join(base, 'results');
    const file = join(dir, place === 'manifest' ? 'manifest.json' : 'runs.jsonl');
    cpSync(ctx.whole, dir, { recursive: true });
    rmSync(file);
    symlinkSync(target, file);
    args = place === 'manifest' ? ['sweep', '--resume', dir, '--workers', '1'] : ['merge', dir, '--out', join(base, 'merged')];
  }
  const r = await cliHere(args);
  const report = (failure?: string): IoReport => ({ id, status: r.status ?? -1, mutations, ...(failure ? { failure } : {}) });
  if (r.status !== 2) return report(`exited ${r.status}, not 2: ${r.stderr.slice(0, 300)}`);
  if (RAW.test(r.stderr)) return report(`a stack trace or raw control character: ${JSON.stringify(r.stderr.slice(0, 300))}`);
  if (r.stderr.includes(SECRET.split('=')[1]) || /\bPATH=|\bHOME=/.test(r.stderr)) return report(`echoed the environment: ${r.stderr.slice(0, 300)}`);
  if (/Linux version|Name:\s|VmRSS/.test(r.stderr)) return report(`echoed a /proc file: ${r.stderr.slice(0, 300)}`);
  return report();
}

/** Runs case `index` of `kind` with seed `seed`. */
export function ioCase(ctx: IoContext, kind: IoKind, seed: number, index: number): Promise<IoReport> {
  const id = `${kind}-${seed}-${index}`;
  const d = draw(id);
  if (kind === 'record') return recordCase(ctx, d, id);
  if (kind === 'symlink') return symlinkCase(ctx, d, id);
  return specialCase(ctx, d, id);
}

/** For messages: the cases' names. */
export const describeIo = (r: IoReport): string => `${r.id} [${r.mutations.join(' ')}] → exit ${r.status}${r.failure ? `: ${r.failure}` : ''}`;

