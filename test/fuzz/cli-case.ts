/**
 * A fuzz case through the command line (in this process, as `feedsim validate` and `feedsim run`
 * would see it from disk): it must end in exit 0 or 2 (bad input, explained), never in a stack
 * trace, exit 1 or a hang; a valid small scenario also runs and prints no NaN.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunOutput } from '../../src/experiment/run.js';
import { recordLine } from '../../src/io/run-record.js';
import { cliHere, writeIn } from '../helpers/cli.js';
import { missingFromReport, missingLabels } from '../helpers/reserved-outputs.js';
import { craftRecord, type ReservedCase } from './bounds-cases.js';
import type { Draw, FuzzCase } from './mutate.js';

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
  // A sweep past the size bounds is refused; one within them validates.
  if (c.kind === 'sweep-size' && (c.verdict === 'fits') !== (v.status === 0)) return report(v.status, `sweep size: ${c.verdict}, but validate exited ${v.status}: ${v.stderr.slice(0, 300)}`);
  if (v.status === 0 && runnable(v.stdout)) {
    const r = await cliHere(['run', file, '--workers', '1', '--out', join(dir, `out-${c.id.replace(/\W/g, '_')}`), '--format', 'jsonl']);
    if (r.status !== 0) return report(r.status, `run of a valid scenario exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    if (/NaN|Infinity/.test(r.stdout)) return report(0, `NaN or Infinity in the output: ${r.stdout.slice(0, 300)}`);
  }
  return report(v.status);
}

/**
 * A reserved-names case through the CLI: the sweep (with plots, CSV and JSON Lines) and its
 * report, or the comparison of strategies registered under the labels; every label must reach
 * the summary, the exports and the report.
 */
export async function checkCliReserved(c: ReservedCase, dir: string): Promise<CliCaseReport> {
  const out = join(dir, `out-${c.id.replace(/\W/g, '_')}`);
  const args = c.experiment === 'sweep'
    ? ['sweep', writeIn(dir, 'reserved.json', JSON.stringify(c.document))]
    : ['compare', writeIn(dir, 'reserved.json', JSON.stringify((c.document as { scenario: unknown }).scenario)), '--strategies', c.labels.join(','), '--replicates', '2', '--module', MODULE];
  const r = await cliHere([...args, '--out', out, '--plots', '--format', 'csv,jsonl', '-w', '1']);
  if (r.status !== 0) return { id: c.id, status: r.status ?? -1, failure: `${c.experiment} exited ${r.status}: ${r.stderr.slice(0, 300)}` };
  const report = await cliHere(['report', out]);
  if (report.status !== 0) return { id: c.id, status: report.status ?? -1, failure: `report exited ${report.status}: ${report.stderr.slice(0, 300)}` };
  const missing = [...missingLabels(out, c.labels), ...missingFromReport(out, c.labels)];
  return { id: c.id, status: 0, ...(missing.length ? { failure: `labels lost: ${missing.join(', ')}` } : {}) };
}

const MODULE = fileURLToPath(new URL('../fixtures/reserved-strategies.ts', import.meta.url));

/**
 * Resumes a copy of a finished sweep `dir` whose record has one line crafted wrong: it must
 * finish (exit 0) or refuse with the problems listed (exit 2, naming the file and line), never
 * exit 1 or print a stack trace.
 */
export async function checkCraftedRecord(id: string, d: Draw, dir: string, work: string): Promise<CliCaseReport> {
  const copy = join(work, `resume-${id.replace(/\W/g, '_')}`);
  cpSync(dir, copy, { recursive: true });
  rmSync(join(copy, 'summary.json'), { force: true });
  const path = join(copy, 'runs.jsonl');
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const at = d.int(lines.length);
  const { checksum: _checksum, ...unsigned } = JSON.parse(lines[at]) as Record<string, unknown>;
  const crafted = craftRecord(d, JSON.stringify(unsigned));
  // Half the crafted lines are signed, as a writer other than this sweep would sign them: the
  // schema and the sweep's own checks must catch what the checksum then cannot.
  const parsed = (() => {
    try {
      return JSON.parse(crafted.text) as unknown;
    } catch {
      return undefined;
    }
  })();
  const signed = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && d.chance(0.5);
  lines[at] = signed ? recordLine(parsed as RunOutput).trimEnd() : crafted.text;
  if (signed) crafted.mutation += ', signed';
  writeFileSync(path, lines.join('\n') + (d.chance(0.8) ? '\n' : ''));
  const r = await cliHere(['sweep', '--resume', copy, '-w', '1']);
  const what = `line ${at + 1} ${crafted.mutation}`;
  if (r.status !== 0 && r.status !== 2) return { id, status: r.status ?? -1, failure: `resume with ${what} exited ${r.status}: ${r.stderr.slice(0, 300)}` };
  if (/\n\s+at .*\(|TypeError|RangeError|ReferenceError/.test(r.stderr)) return { id, status: r.status, failure: `resume with ${what}: a raw error: ${r.stderr.slice(0, 300)}` };
  if (r.status === 2 && !/^feedsim: \S/.test(r.stderr)) return { id, status: 2, failure: `resume with ${what}: exit 2 without saying why: ${r.stderr.slice(0, 300)}` };
  return { id, status: r.status };
}
