/**
 * `feedsim contest <scenario>`: the best recipe of each strategy family against the best of the
 * other, with the causal value of audiences and ads. Every finished run is appended to the
 * record of `--out`; `--resume <dir>` finishes an interrupted contest. A contest decides each
 * stage from the last, so it shards stage by stage: `--shard i/N` runs this machine's share of
 * every stage it can and stops where another shard's runs are needed; the next invocation reads
 * every shard's runs back with `--from <dir>` (repeatable) and goes on.
 * @module
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { contest, type ContestOptions, type ContestResult } from '../../contest/contest.js';
import { quoteExcerpt } from '../../excerpt.js';
import { formatContest } from '../../contest/format.js';
import { ContestPending } from '../../contest/run-book.js';
import type { RunOutput } from '../../experiment/run.js';
import { RESULTS, type ExportFormat, type Manifest } from '../../io/results-dir.js';
import { readRunRecord } from '../../io/run-record.js';
import { loadScenarioFile } from '../../io/scenario-file.js';
import { fnv1a64 } from '../../scenario/hash.js';
import type { ScenarioInput } from '../../scenario/types.js';
import { VERSION } from '../../version.js';
import { InputError } from '../exit.js';
import type { Shard } from '../options.js';
import { progressBar } from '../progress.js';
import { closeResults, finishedRuns, manifestOf, noteRecord, openResults } from '../results.js';

/** The contest settings a manifest records (what decides the runs; workers do not). */
type ContestSettings = Pick<ContestOptions, 'candidates' | 'heldOut' | 'screenUsers' | 'horizon' | 'objective' | 'seed'>;

/** Options of the contest command. */
export interface ContestCommandOptions extends ContestSettings {
  out?: string;
  resume?: string;
  from: string[];
  shard?: Shard;
  workers: number;
  format: ExportFormat[];
  module: string[];
  signal?: AbortSignal;
}

/** Whether a run belongs to `shard`: by a hash of its id, so every stage is shared out evenly. */
export const inContestShard = (id: string, shard: Shard): boolean => parseInt(fnv1a64(id).slice(0, 8), 16) % shard.count === shard.index;

interface Input {
  scenario: ScenarioInput;
  settings: ContestSettings;
}

function start(file: string | undefined, o: ContestCommandOptions): { input: Input; dir?: string; manifest: Manifest; shard?: Shard } {
  if (o.resume) {
    if (file) throw new InputError('give either a scenario file or --resume <dir>, not both');
    const manifest = manifestOf(o.resume);
    if (manifest.command !== 'contest') throw new InputError(`--resume ${o.resume}: holds a ${manifest.command}, not a contest`);
    if (manifest.feedsim !== VERSION) throw new InputError(`--resume ${o.resume}: its runs were made by feedsim ${manifest.feedsim}, this is ${VERSION}; finish it with that version or start afresh`);
    if (o.out !== undefined || o.shard !== undefined) throw new InputError(`--resume ${o.resume}: --out and --shard cannot be changed on resume`);
    return { input: manifest.input as unknown as Input, dir: o.resume, manifest, shard: manifest.shard };
  }
  if (!file) throw new InputError('give a scenario file, or --resume <dir> to finish an interrupted contest');
  if (o.shard && !o.out) throw new InputError('--shard needs --out <dir>: a shard records its runs for the others to read back with --from');
  const { input: scenario } = loadScenarioFile(file);
  const settings: ContestSettings = Object.fromEntries(
    (['candidates', 'heldOut', 'screenUsers', 'horizon', 'objective', 'seed'] as const).filter((k) => o[k] !== undefined).map((k) => [k, o[k]]),
  );
  const input: Input = { scenario, settings };
  const manifest: Manifest = {
    feedsim: VERSION, command: 'contest', input: input as unknown as Record<string, unknown>, runsPlanned: 0, workers: o.workers,
    formats: o.format, plots: false, ...(o.shard ? { shard: o.shard } : {}),
  };
  return { input, dir: o.out, manifest, shard: o.shard };
}

/** Runs read back from other directories of the same contest (`--from`). */
function readFrom(dirs: string[], input: Input): Map<string, RunOutput> {
  const runs = new Map<string, RunOutput>();
  // A run read from two directories must be recorded identically in both.
  const seen = new Map<string, { digest: string; dir: string }>();
  for (const d of dirs) {
    const m = manifestOf(d);
    if (m.command !== 'contest' || !isDeepStrictEqual((m.input as unknown as Input).scenario, input.scenario) || !isDeepStrictEqual((m.input as unknown as Input).settings, input.settings)) {
      throw new InputError(`--from ${d}: not a directory of this contest (its scenario or settings differ)`);
    }
    if (m.feedsim !== VERSION) throw new InputError(`--from ${d}: made by feedsim ${m.feedsim}, this is ${VERSION}`);
    // Read only (another shard may still write it), its checksums verified.
    const path = join(d, RESULTS.runs);
    const record = readRunRecord(path, { requireChecksums: m.recordChecksums === 'sha256' });
    noteRecord(path, record, record.duplicateLines.length);
    record.runs.forEach((run, k) => {
      const first = seen.get(run.id);
      if (first && first.digest !== record.digests[k]) throw new InputError(`--from ${d}: run ${quoteExcerpt(run.id)} is recorded differently in ${first.dir} and ${d} (one was edited, or they are not of one contest)`);
      seen.set(run.id, { digest: record.digests[k], dir: d });
      runs.set(run.id, run);
    });
  }
  return runs;
}

/** Runs (or resumes, or advances a shard of) a contest; returns the exit status (0 done or shard stopped, 130 interrupted). */
export async function contestCommand(file: string | undefined, o: ContestCommandOptions, print: (s: string) => void): Promise<number> {
  const { input, dir, manifest, shard } = start(file, o);
  const recorded = readFrom(o.from, input);
  const results = dir ? openResults(dir, manifest, { command: o.resume ? `feedsim contest --resume ${dir}` : `feedsim contest --out ${dir}`, resume: o.resume !== undefined }) : undefined;
  try {
    if (dir && results) for (const run of finishedRuns(dir, results.manifest).runs) recorded.set(run.id, run);
    const before = recorded.size;
    const bar = progressBar('contest');
    let result: ContestResult;
    try {
      result = await contest({
        scenario: input.scenario, ...input.settings, workers: o.workers, modules: o.module, signal: o.signal, recorded,
        ...(shard ? { filter: (spec) => inContestShard(spec.id, shard) } : {}),
        onRun: (run) => results?.append(run),
        // The number of runs is decided stage by stage: the bar counts runs done.
        onProgress: (done) => bar.update(done, done),
      });
    } catch (e) {
      bar.stop();
      if (o.signal?.aborted) {
        print(`\ninterrupted: finished runs are kept in ${dir ? join(dir, RESULTS.runs) : '(no --out: none kept)'}.${dir ? `\nResume with: feedsim contest --resume ${dir}` : ''}\n`);
        return 130;
      }
      if (!(e instanceof ContestPending) || !shard || !dir) throw e;
      print(`shard ${shard.index}/${shard.count}: ran its share of the contest up to "${e.stage}" (${recorded.size - before} new runs in ${dir}); ${e.missing} of that stage's ${e.total} runs belong to other shards.\nWhen every shard has stopped here, go on with each shard reading the others back:\n  feedsim contest <scenario> --shard ${shard.index}/${shard.count} --from <each shard's dir> --out <a new dir>\nor finish on one machine: feedsim contest <scenario> --from <each shard's dir> --out <a new dir>\n`);
      return 0;
    }
    bar.stop();
    print(formatContest(result) + '\n');
    if (dir) {
      const runs = [...finishedRuns(dir, results!.manifest, { notes: false }).runs];
      const written = await closeResults(dir, { kind: 'contest', ...result }, runs, { ...results!.manifest, runsPlanned: result.runs });
      print(`\nwrote ${written.length} files to ${dir}\n`);
    }
    return 0;
  } finally {
    results?.release();
  }
}
