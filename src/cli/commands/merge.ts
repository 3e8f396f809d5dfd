/**
 * `feedsim merge <dirs…> --out <dir>`: combines the records of a sweep's shards, verifying they
 * are shards of one sweep and that every run is there exactly once.
 * @module
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { formatSweep } from '../../experiment/format.js';
import type { RunOutput } from '../../experiment/run.js';
import { summariseSweep, sweepSpecs } from '../../experiment/sweep.js';
import { RESULTS, type ExportFormat, type Manifest } from '../../io/results-dir.js';
import { readRunRecord } from '../../io/run-record.js';
import { checkSweepDocument } from '../../io/scenario-file.js';
import { InputError } from '../exit.js';
import { closeResults, finishedRuns, manifestOf, openResults } from '../results.js';

/** Merges shard directories into `out`; throws when runs are missing or duplicated. */
export async function mergeCommand(dirs: string[], o: { out: string; format?: ExportFormat[]; plots: boolean }, print: (s: string) => void): Promise<void> {
  if (dirs.length === 0) throw new InputError('name the shard directories to merge');
  const manifests = dirs.map((d) => manifestOf(d));
  const first = manifests[0];
  manifests.forEach((m, i) => {
    if (m.command !== 'sweep') throw new InputError(`${dirs[i]} holds a ${m.command}, not a sweep`);
    if (!isDeepStrictEqual(m.input, first.input)) throw new InputError(`${dirs[i]} is from a different sweep than ${dirs[0]} (their designs differ)`);
    // Shards run by different versions may differ for the same seed: mixing them would be wrong.
    if (m.feedsim !== first.feedsim) throw new InputError(`${dirs[i]} was run by feedsim ${m.feedsim} and ${dirs[0]} by ${first.feedsim}: a seed's results can differ between versions, so shards of one sweep must come from one version`);
  });
  const doc = checkSweepDocument(first.input, dirs[0]);
  const specs = sweepSpecs(doc);
  const where = new Map<string, string>();
  const byId = new Map<string, RunOutput>();
  const duplicated: string[] = [];
  dirs.forEach((d) => {
    // Read without repair: merging must not write to its inputs (a shard may still be running).
    for (const run of readRunRecord(join(d, RESULTS.runs)).runs) {
      if (where.has(run.id)) duplicated.push(`${run.id} (in ${where.get(run.id)} and ${d})`);
      where.set(run.id, d);
      byId.set(run.id, run);
    }
  });
  const missing = specs.filter((s) => !byId.has(s.id)).map((s) => s.id);
  const known = new Set(specs.map((s) => s.id));
  const unknown = [...byId.keys()].filter((id) => !known.has(id));
  const problems = [
    duplicated.length ? `${duplicated.length} runs appear twice: ${duplicated.slice(0, 5).join(', ')}${duplicated.length > 5 ? ', …' : ''}` : '',
    missing.length ? `${missing.length} of ${specs.length} runs are missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''} (finish their shards, e.g. feedsim sweep --resume <dir>)` : '',
    unknown.length ? `${unknown.length} runs are not part of the sweep: ${unknown.slice(0, 5).join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) throw new Error(`cannot merge ${dirs.join(' ')}:\n  - ${problems.join('\n  - ')}`);
  const runs = specs.map((s) => byId.get(s.id)!);
  const manifest: Manifest = {
    feedsim: first.feedsim, command: 'sweep', input: first.input, runsPlanned: specs.length, workers: first.workers,
    formats: o.format ?? first.formats, plots: o.plots || first.plots,
  };
  const append = openResults(o.out, manifest);
  if (finishedRuns(o.out).runs.length) throw new InputError(`${o.out} already holds runs: merge into a new directory`);
  for (const run of runs) append(run);
  const result = summariseSweep(doc, runs);
  const written = await closeResults(o.out, { kind: 'sweep', ...result }, runs, manifest);
  print(`merged ${dirs.length} shards: ${runs.length} runs, none missing or duplicated\n${formatSweep(result)}\nwrote ${written.length} files to ${o.out}\n`);
}
