/**
 * `writeReport(resultsDir)`: reads a results directory and writes its `report.html` (Node).
 * A results directory holds `summary.json` (a {@link ReportSummary}) and optionally
 * `runs.jsonl` (run records or tidy rows) and `manifest.json` (what was asked: version,
 * command, input); a fit's directory holds `fit.json` instead, and optionally `advice.json`
 * and `input.json`. Node modules are imported when called.
 * @module
 */
import type { Chart } from '../plots/charts.js';
import { buildReport } from './build.js';
import { readReplicateFinals, replicateFinalsFromRuns } from './runs.js';
import { buildContestReport } from './contest.js';
import { buildSensitivityReport } from './sensitivity.js';
import { buildFitReport, type FitReportInput } from './fit.js';
import { checkAdvice, checkFitResult } from './fit-summary.js';
import { parseReportSummary, type ReportSummary } from './report-summary.js';
import { parseResultsSummary, parseSummaryJson, type ResultsSummary, type SummaryContext } from './summary.js';
import type { RunOutput } from '../experiment/run.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** Where to write (default: `<resultsDir>/report.html`). */
  out?: string;
  /** Further charts to append (e.g. validation or performance). */
  extraCharts?: Chart[];
}

/** Reads `summary.json` of a results directory (a comparison or a sweep), with a clear error when it is missing or malformed. */
export async function readResultsSummary(resultsDir: string): Promise<ResultsSummary> {
  return readSummaryWith(resultsDir, parseResultsSummary);
}

/** Reads `summary.json` of a results directory of any kind a report covers (a comparison, a sweep, a contest or a sensitivity study). */
export async function readReportSummary(resultsDir: string): Promise<ReportSummary> {
  return readSummaryWith(resultsDir, parseReportSummary);
}

async function readSummaryWith<T>(resultsDir: string, parse: (text: string) => T): Promise<T> {
  const [{ readFile }, { join }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  const path = join(resultsDir, 'summary.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`report: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); a results directory holds summary.json (a compare, sweep, contest or sensitivity result with kind "compare" | "sweep" | "contest" | "sensitivity") and optionally runs.jsonl`);
  }
  try {
    return parse(text);
  } catch (e) {
    throw new TypeError(`${path}: ${(e as Error).message.replace(/^summary\.json: /, '')}`);
  }
}

/** True for a fit's directory: `fit.json` and no `summary.json`. */
export async function isFitDirectory(dir: string): Promise<boolean> {
  const [{ stat }, { join }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  const isFile = (name: string) => stat(join(dir, name)).then((s) => s.isFile(), () => false);
  return !(await isFile('summary.json')) && (await isFile('fit.json'));
}

/** `name` in `dir` parsed and checked, or undefined when absent; a bad file's error names its path. */
async function readChecked<T>(dir: string, name: string, check: (value: unknown) => T, required: boolean): Promise<T | undefined> {
  const [{ readFile }, { join }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  const path = join(dir, name);
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' && !required) return undefined;
    throw new Error(`report: cannot read ${path} (${e.code ?? e.message}); a fit's directory holds fit.json, written by feedsim fit --out ${dir}`);
  });
  if (text === undefined) return undefined;
  try {
    return check(parseSummaryJson(text, name));
  } catch (e) {
    const message = (e as Error).message;
    throw new TypeError(`${path}: ${message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message}`);
  }
}

/**
 * Reads a fit's directory: `fit.json`, `advice.json` when `feedsim advise` has run, and what
 * `input.json` says the fit was made with; a missing or malformed file is named with what is wrong.
 */
export async function readFitReport(dir: string): Promise<FitReportInput> {
  const fit = (await readChecked(dir, 'fit.json', (v) => checkFitResult(v), true))!;
  const advice = await readChecked(dir, 'advice.json', (v) => checkAdvice(v), false);
  const input = await readChecked(dir, 'input.json', (v) => v as { feedsim?: unknown; exportFile?: unknown; options?: unknown } | null, false);
  const context: SummaryContext = {
    ...(typeof input?.feedsim === 'string' ? { version: input.feedsim } : {}),
    ...(typeof input?.exportFile === 'string' ? { command: `feedsim fit ${input.exportFile}` } : {}),
    ...(input?.options !== undefined ? { input: input.options } : {}),
  };
  return { fit, ...(advice ? { advice } : {}), context };
}

/** Version, command and input from `manifest.json`, when there is one. */
async function readManifestContext(path: string): Promise<SummaryContext | undefined> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(text);
  } catch (e) {
    throw new TypeError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return {
    ...(typeof m.feedsim === 'string' ? { version: m.feedsim } : {}),
    ...(typeof m.command === 'string' ? { command: `feedsim ${m.command}` } : {}),
    ...(m.input !== undefined ? { input: m.input } : {}),
  };
}

/**
 * Writes `report.html` for a results directory: the charts and summary tables of its
 * `summary.json` (a comparison's, a sweep's, a contest's or a sensitivity study's), plus the per-replicate chart of a
 * comparison when `runs.jsonl` (or kept runs in the summary) is there, and the version, command
 * and input of `manifest.json` when present; or, for a fit's directory (`fit.json`, no
 * `summary.json`), the fit's report with its advice when `advice.json` is there. Returns the path written.
 * @example
 * ```ts
 * import { writeReport } from 'feedsim/report';
 * const path = await writeReport('results/likes-vs-follows');
 * ```
 */
export async function writeReport(resultsDir: string, options: WriteReportOptions = {}): Promise<string> {
  const [{ stat }, { join }, { writeAtomic }] = await Promise.all([import('node:fs/promises'), import('node:path'), import('../io/safe-write.js')]);
  const out = options.out ?? join(resultsDir, 'report.html');
  if (await isFitDirectory(resultsDir)) {
    writeAtomic(out, [await buildFitReport({ ...(await readFitReport(resultsDir)), extraCharts: options.extraCharts })]);
    return out;
  }
  const summary = await readReportSummary(resultsDir);
  const runsPath = join(resultsDir, 'runs.jsonl');
  const hasRunsFile = await stat(runsPath).then((s) => s.isFile(), () => false);
  const kept = (summary as { runs?: unknown }).runs;
  let replicates;
  let runsFile;
  if (summary.kind === 'compare' && Array.isArray(kept)) replicates = replicateFinalsFromRuns(kept as RunOutput[]);
  if (hasRunsFile) {
    const finals = await readReplicateFinals(runsPath);
    runsFile = { rows: finals.rows, runs: finals.runs };
    if (summary.kind === 'compare' && !replicates) replicates = finals.values;
  }
  const context = await readManifestContext(join(resultsDir, 'manifest.json'));
  const extraCharts = options.extraCharts;
  const html =
    summary.kind === 'contest' ? await buildContestReport({ summary, runsFile, extraCharts, context })
    : summary.kind === 'sensitivity' ? await buildSensitivityReport({ summary, runsFile, extraCharts, context })
    : await buildReport({ summary, replicates, runsFile, extraCharts, context });
  // Atomically, as every results file: an interrupted write never leaves half a report, and
  // never through a symbolic link.
  writeAtomic(out, [html]);
  return out;
}
