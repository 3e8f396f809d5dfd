/**
 * A fuzz case through the command line (in this process, as `feedsim validate` and `feedsim run`
 * would see it from disk): it must end in exit 0 or 2 (bad input, explained), never in a stack
 * trace, exit 1 or a hang; a valid small scenario also runs and prints no NaN.
 */
import { join } from 'node:path';
import { cliHere, writeIn } from '../helpers/cli.js';
import type { FuzzCase } from './mutate.js';

/** What the CLI did with a case. */
export interface CliCaseReport {
  id: string;
  status: number;
  failure?: string;
}

const nonFinite = (v: unknown): boolean => typeof v === 'number' && !Number.isFinite(v);

/** The case as a file's text (documents that JSON cannot hold, e.g. NaN, become YAML-ish text that must be rejected). */
function asFile(c: FuzzCase): { name: string; text: string } {
  if (c.kind === 'scenario-text' || c.kind === 'sweep-text') return { name: `case.${c.format === 'yaml' ? 'yaml' : 'json'}`, text: c.text };
  if (c.kind === 'edge-list') return { name: 'case.json', text: JSON.stringify({ version: 1, cycles: 1, graph: { kind: 'edge-list', file: 'edges.txt', undirected: c.undirected } }) };
  // JSON has no NaN or Infinity: write them as they would be typed in YAML (.nan, .inf).
  const text = JSON.stringify(c.document, (_k, v) => (nonFinite(v) ? `__${String(v)}__` : v))
    ?.replace(/"__(NaN|Infinity|-Infinity)__"/g, (_m, x: string) => (x === 'NaN' ? '.nan' : x === 'Infinity' ? '.inf' : '-.inf'));
  return { name: 'case.yaml', text: text ?? 'null' };
}

/** Small enough to run in a fuzz loop. */
function runnable(stdout: string): boolean {
  const m = /a valid scenario — (\d+) users, .* (\d+) cycles of (\d+) ×/.exec(stdout);
  return !!m && Number(m[1]) * Number(m[2]) * Number(m[3]) <= 200_000;
}

/** Runs one case through `feedsim validate` (and `feedsim run` when it is valid and small). */
export async function checkCliCase(c: FuzzCase, dir: string): Promise<CliCaseReport> {
  const { name, text } = asFile(c);
  if (c.kind === 'edge-list') writeIn(dir, 'edges.txt', c.text);
  const file = writeIn(dir, name, text);
  const report = (status: number | null, failure?: string): CliCaseReport => ({ id: c.id, status: status ?? -1, ...(failure ? { failure } : {}) });
  const v = await cliHere(['validate', file]);
  if (v.status !== 0 && v.status !== 2) return report(v.status, `validate exited ${v.status}: ${v.stderr.slice(0, 300)}`);
  if (/\n\s+at .*\(|TypeError|RangeError|ReferenceError/.test(v.stderr)) return report(v.status, `a stack trace or raw error: ${v.stderr.slice(0, 300)}`);
  if (v.status === 2 && !/problems? in the input:\n {2}- /.test(v.stderr)) return report(2, `exit 2 without a list of problems: ${v.stderr.slice(0, 300)}`);
  if (v.status === 0 && runnable(v.stdout)) {
    const r = await cliHere(['run', file, '--workers', '1', '--out', join(dir, `out-${c.id.replace(/\W/g, '_')}`), '--format', 'jsonl']);
    if (r.status !== 0) return report(r.status, `run of a valid scenario exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    if (/NaN|Infinity/.test(r.stdout)) return report(0, `NaN or Infinity in the output: ${r.stdout.slice(0, 300)}`);
  }
  return report(v.status);
}
