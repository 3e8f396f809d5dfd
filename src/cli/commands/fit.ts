/**
 * `feedsim fit <export.csv> --extends <preset> --out <dir>`: calibrates the account's world to its
 * analytics export (ABC-SMC on the worker pool). Every finished run's statistics are appended to
 * `<dir>/runs.jsonl`, so `--resume <dir>` replays the fit over its record and runs only what is
 * missing; `--shard i/N` runs only its share of each generation and stops where the next needs the
 * other shards' runs, which `--from <dir>` reads back (one round of shards per generation). The
 * result is `<dir>/fit.json` (read by `feedsim advise`) and `<dir>/posterior.csv` (one particle a
 * row, with its weight); with `--plots`, the predictive check and the posterior as
 * `<dir>/plots/predictive.svg` and `posterior.svg`.
 * @module
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readExport, readFollowerCounts, parseMapping, MAPPING_NAMES, type MappingName, type AnalyticsExport } from '../../calibrate/export.js';
import { fit, FitPending, fitSetup, type FitOptions, type FitResult } from '../../calibrate/fit.js';
import { appender } from '../../io/files.js';
import { hashKey } from '../../rng.js';
import { formatFit } from '../../calibrate/format.js';
import type { Chart } from '../../plots/charts.js';
import { ensureDirectory, refuseLink, writeAtomic } from '../../io/safe-write.js';
import { readRegularFile, textOf } from '../../io/safe-read.js';
import { loadScenarioFile } from '../../io/scenario-file.js';
import type { ScenarioInput } from '../../scenario/types.js';
import { VERSION } from '../../version.js';
import { checkFitResult } from '../../report/fit-summary.js';
import { InputError } from '../exit.js';
import type { Shard } from '../options.js';

/** Options of the fit command. */
export interface FitCommandOptions {
  extends?: string;
  scenario?: string;
  mapping?: string;
  followers?: number;
  followersFile?: string;
  users?: number;
  days?: number;
  promotionPerDay?: number;
  parameters?: string[];
  particles?: number;
  maxSimulations?: number;
  checks?: number;
  seed?: number;
  workers: number;
  module: string[];
  out?: string;
  resume?: string;
  shard?: Shard;
  from: string[];
  signal?: AbortSignal;
  plots?: boolean;
}

/** What `<dir>/input.json` records: everything that decides the fit, so a resume repeats it. */
interface FitInput {
  feedsim: string;
  exportFile: string;
  options: Omit<FitOptions, 'export' | 'workers' | 'modules' | 'onGeneration' | 'resume'>;
  export: AnalyticsExport;
}

const FILES = { input: 'input.json', runs: 'runs.jsonl', fit: 'fit.json', posterior: 'posterior.csv', plots: 'plots' } as const;
const MAX_EXPORT_BYTES = 64 * 2 ** 20;

function text(path: string, what: string): string {
  if (!existsSync(path)) throw new InputError(`${what} ${path}: not found`);
  return textOf(readRegularFile(path, what, MAX_EXPORT_BYTES), path, what);
}

function readJson<T>(path: string, what: string): T {
  try {
    return JSON.parse(text(path, what)) as T;
  } catch (e) {
    if (e instanceof SyntaxError) throw new InputError(`${path}: not a ${what} (${e.message})`);
    throw e;
  }
}

/** The export and the fit's settings from the command line. */
function startInput(file: string, o: FitCommandOptions): FitInput {
  const mapping = o.mapping === undefined ? 'auto' : (MAPPING_NAMES as readonly string[]).includes(o.mapping) ? (o.mapping as MappingName) : parseMapping(text(o.mapping, 'mapping file'), o.mapping);
  const exp = readExport(text(file, 'export'), { mapping, file });
  if (o.followersFile) exp.followers = readFollowerCounts(text(o.followersFile, 'follower counts'), { file: o.followersFile });
  let scenario: ScenarioInput = { extends: o.extends ?? 'facebook' };
  if (o.scenario) {
    const loaded = loadScenarioFile(o.scenario).input;
    scenario = o.extends ? { ...loaded, extends: o.extends } : loaded;
  }
  const keys = ['followers', 'users', 'days', 'promotionPerDay', 'parameters', 'particles', 'maxSimulations', 'checks', 'seed'] as const;
  const options = { scenario, ...Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) };
  return { feedsim: VERSION, exportFile: file, options, export: exp };
}

/**
 * The statistics recorded in a fit directory's `runs.jsonl`, by run id. A torn last line (a kill
 * mid-write) is skipped; returns whether there was one, so the writer can cut it before appending.
 */
function readRecord(dir: string, into: Map<string, number[]>): boolean {
  const path = join(dir, FILES.runs);
  if (!existsSync(path)) return false;
  const lines = text(path, 'fit record').split('\n');
  let torn = false;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let r: { id?: unknown; statistics?: unknown };
    try {
      r = JSON.parse(line);
    } catch {
      if (lines.slice(i + 1).every((l) => !l.trim())) {
        torn = true;
        return;
      }
      throw new InputError(`${path}: line ${i + 1} is not a run record`);
    }
    if (typeof r.id !== 'string' || !Array.isArray(r.statistics) || !r.statistics.every((x) => typeof x === 'number')) throw new InputError(`${path}: line ${i + 1} is not a run record`);
    into.set(r.id, r.statistics as number[]);
  });
  return torn;
}

/**
 * A directory's record of a fit's runs, `<dir>/runs.jsonl`: the runs it holds, and where to
 * append each new one (`fit`'s `onRun`). A torn last line is cut before anything is appended.
 */
export function openFitRecord(dir: string): { recorded: Map<string, number[]>; append: (id: string, statistics: number[]) => void } {
  const recorded = new Map<string, number[]>();
  if (readRecord(dir, recorded)) writeAtomic(join(dir, FILES.runs), [...recorded].map(([id, statistics]) => JSON.stringify({ id, statistics }) + '\n'));
  const write = appender(join(dir, FILES.runs));
  return { recorded, append: (id, statistics) => write(JSON.stringify({ id, statistics }) + '\n') };
}

/** What decides a fit's runs, for checking that directories read back belong to the same fit. */
const identity = (input: FitInput) => JSON.stringify({ options: input.options, export: input.export });

/** A run belongs to shard i/N by a hash of its id (spreads each generation evenly). */
const inShard = (id: string, shard: Shard) => {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = hashKey(h, id.charCodeAt(i), i);
  return (h >>> 0) % shard.count === shard.index;
};

/** Runs (or resumes, or runs a shard of) a fit; returns the exit status. */
export async function fitCommand(file: string | undefined, o: FitCommandOptions, print: (s: string) => void): Promise<number> {
  let input: FitInput;
  let dir: string;
  if (o.resume) {
    if (file) throw new InputError('give either an export file or --resume <dir>, not both');
    dir = o.resume;
    input = readJson<FitInput>(join(dir, FILES.input), 'fit input');
    if (input.feedsim !== VERSION) throw new InputError(`--resume ${dir}: started by feedsim ${input.feedsim}, this is ${VERSION}; finish it with that version or start afresh`);
  } else {
    if (!file) throw new InputError('give an export file (CSV), or --resume <dir> to finish an interrupted fit');
    dir = o.out ?? `${basename(file).replace(/\.csv$/i, '')}-fit`;
    if (existsSync(join(dir, FILES.input))) throw new InputError(`${dir} already holds a fit: resume it with --resume ${dir}, or choose a new --out`);
    input = startInput(file, o);
    // Every problem of the export or the options before the directory is made: a corrected re-run
    // is then not refused as "already holds a fit".
    fitSetup({ ...input.options, export: input.export });
    ensureDirectory(dir);
    writeAtomic(join(dir, FILES.input), [JSON.stringify(input, null, 1) + '\n']);
  }
  const recorded = new Map<string, number[]>();
  for (const d of o.from ?? []) {
    const other = readJson<FitInput>(join(d, FILES.input), 'fit input');
    if (identity(other) !== identity(input)) throw new InputError(`--from ${d}: not a directory of this fit (its export or settings differ)`);
    readRecord(d, recorded);
  }
  const own = openFitRecord(dir);
  for (const [id, statistics] of own.recorded) recorded.set(id, statistics);
  const before = recorded.size;
  for (const n of input.export.notes) print(`note: ${n}\n`);
  let result: FitResult;
  try {
    result = await fit({
      ...input.options,
      export: input.export,
      workers: o.workers,
      modules: o.module,
      recorded,
      signal: o.signal,
      ...(o.shard ? { filter: (id: string) => inShard(id, o.shard!) } : {}),
      onRun: own.append,
      onGeneration: (g) => {
        const acc = g.acceptanceRate === undefined ? '' : `, moves accepted ${(g.acceptanceRate * 100).toFixed(0)} %`;
        print(`generation ${g.generation}: tolerance ${Number.isFinite(g.tolerance) ? g.tolerance.toFixed(3) : '∞'}, ESS ${Math.round(g.ess)}${acc}, ${g.simulations.toLocaleString('en-US')} simulations\n`);
      },
    });
  } catch (e) {
    if (o.signal?.aborted) {
      print(`\ninterrupted: finished runs are kept in ${join(dir, FILES.runs)}.\nResume with: feedsim fit --resume ${dir}\n`);
      return 130;
    }
    if (!(e instanceof FitPending) || !o.shard) throw e;
    const { index, count } = o.shard;
    print(`shard ${index}/${count}: ran its share of ${e.batch} (${recorded.size - before} new runs in ${dir}); ${e.missing} of its ${e.total} runs belong to other shards.\nWhen every shard has stopped here, go on with each reading the others back:\n  feedsim fit --resume ${dir} --shard ${index}/${count} --from <each other shard's dir>\nand finish on one machine: feedsim fit --resume ${dir} --from <each other shard's dir>\n`);
    return 0;
  }
  writeAtomic(join(dir, FILES.fit), [JSON.stringify(result) + '\n']);
  const header = [...result.parameters.map((p) => p.path), 'weight'].join(',');
  writeAtomic(join(dir, FILES.posterior), [header + '\n', ...result.posterior.particles.map((p, i) => `${p.join(',')},${result.posterior.weights[i]}\n`)]);
  const plots = o.plots ? await writeFitPlots(dir, (await import('../../plots/fit.js')).fitCharts(result)) : [];
  print(`${formatFit(result)}\n\nwrote ${[FILES.fit, FILES.posterior, ...plots].join(', ')} to ${dir}; next: feedsim advise ${dir}\n`);
  return 0;
}

/** Writes `charts` into `<dir>/plots` (never through a link); returns their paths within `dir`. */
export async function writeFitPlots(dir: string, charts: Chart[]): Promise<string[]> {
  const { writeCharts } = await import('../../plots/write.js');
  refuseLink(join(dir, FILES.plots), 'directory');
  return (await writeCharts(join(dir, FILES.plots), charts)).map((p) => join(FILES.plots, `${p.name}.svg`));
}

/** True when the fit in `dir` was run with `--plots` (its plots are there). */
export const hasFitPlots = (dir: string): boolean => existsSync(join(dir, FILES.plots, 'posterior.svg'));

/** The fit in `<dir>/fit.json`. */
export function readFit(dir: string): FitResult {
  const path = join(dir, FILES.fit);
  if (!existsSync(path)) throw new InputError(`${dir} holds no ${FILES.fit}: write one with feedsim fit <export.csv> --out ${dir}`);
  const r = readJson<unknown>(path, 'fit result');
  try {
    return checkFitResult(r, path);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}
