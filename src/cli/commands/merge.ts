/**
 * `feedsim merge <dirs…> --out <dir>`: combines the records of a sweep's shards, verifying they
 * are shards of one sweep, that every record is as written (checksums), and that every run is
 * there; a run recorded identically in two shards is kept once, differently is refused.
 * @module
 */
import { lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { quoteExcerpt } from '../../excerpt.js';
import { formatSweep } from '../../experiment/format.js';
import type { RunOutput } from '../../experiment/run.js';
import { summariseSweep, sweepSpecs } from '../../experiment/sweep.js';
import { RESULTS, type ExportFormat, type Manifest } from '../../io/results-dir.js';
import { readRunRecord } from '../../io/run-record.js';
import { checkSweepDocument } from '../../io/scenario-file.js';
import { InputError } from '../exit.js';
import { closeResults, manifestOf, note, noteRecord, openResults, type SummaryFile } from '../results.js';
import { formatSensitivity } from '../../sensitivity/format.js';
import { analyseSensitivity, studyScenarios } from '../../sensitivity/study.js';
import { sweepSpecsOf } from '../../experiment/sweep.js';
import type { RunSpec } from '../../experiment/run.js';
import { planOf, type SensitivityInput } from './sensitivity.js';

/** What merging needs of a sweep or a study: its run specs, its checked input, and its summary from the runs. */
interface Mergeable {
  input: Record<string, unknown>;
  specs: RunSpec[];
  summarise: (runs: RunOutput[]) => { summary: SummaryFile; text: string };
}

function mergeable(m: Manifest, dir: string): Mergeable {
  if (m.command === 'sensitivity') {
    const input = m.input as unknown as SensitivityInput;
    const plan = planOf(input);
    return {
      input: m.input, specs: sweepSpecsOf(plan.sweep, studyScenarios(plan)),
      summarise: (runs) => {
        const result = analyseSensitivity(plan, runs);
        return { summary: { kind: 'sensitivity', ...result }, text: formatSensitivity(result) };
      },
    };
  }
  const doc = checkSweepDocument(m.input, dir);
  return {
    // The checked document: its edge list (if any) is written beside the merged manifest too.
    input: doc as unknown as Record<string, unknown>, specs: sweepSpecs(doc),
    summarise: (runs) => {
      const result = summariseSweep(doc, runs);
      return { summary: { kind: 'sweep', ...result }, text: formatSweep(result) };
    },
  };
}

const some = (items: string[]): string => `${items.slice(0, 5).join(', ')}${items.length > 5 ? ', …' : ''}`;
// Ids come from the records, which may have been crafted: each is quoted as an escaped excerpt.
const quoted = (ids: string[]): string[] => ids.map((id) => quoteExcerpt(id));

/** Merges shard directories into `out`; refuses (exit 2) when runs are missing, changed or conflicting. */
export async function mergeCommand(dirs: string[], o: { out: string; format?: ExportFormat[]; plots: boolean }, print: (s: string) => void): Promise<void> {
  if (dirs.length === 0) throw new InputError('name the shard directories to merge');
  const manifests = dirs.map((d) => manifestOf(d));
  const real = new Map<string, string>();
  dirs.forEach((d) => {
    const r = realpathSync(d);
    if (real.has(r)) throw new InputError(`${d} is named twice (as ${real.get(r)} too): name each shard directory once`);
    real.set(r, d);
  });
  const first = manifests[0];
  manifests.forEach((m, i) => {
    if (m.command !== 'sweep' && m.command !== 'sensitivity') throw new InputError(`${dirs[i]} holds a ${m.command}, not a sweep or a sensitivity study`);
    if (m.command !== first.command) throw new InputError(`${dirs[i]} holds a ${m.command} and ${dirs[0]} a ${first.command}: shards of one experiment are of one kind`);
    if (!isDeepStrictEqual(m.input, first.input)) throw new InputError(`${dirs[i]} is from a different ${m.command} than ${dirs[0]} (their inputs differ)`);
    // Shards run by different versions may differ for the same seed: mixing them would be wrong.
    if (m.feedsim !== first.feedsim) throw new InputError(`${dirs[i]} was run by feedsim ${m.feedsim} and ${dirs[0]} by ${first.feedsim}: a seed's results can differ between versions, so shards of one sweep must come from one version`);
  });
  const { input, specs, summarise } = mergeable(first, dirs[0]);
  const byId = new Map<string, { run: RunOutput; digest: string; dir: string }>();
  const conflicting: string[] = [];
  let repeats = 0;
  dirs.forEach((d, i) => {
    // Read without repair: merging must not write to its inputs (a shard may still be running).
    const path = join(d, RESULTS.runs);
    const record = readRunRecord(path, { requireChecksums: manifests[i].recordChecksums === 'sha256' });
    noteRecord(path, record, 0);
    repeats += record.duplicateLines.length;
    record.runs.forEach((run, k) => {
      const seen = byId.get(run.id);
      if (!seen) byId.set(run.id, { run, digest: record.digests[k], dir: d });
      else if (seen.digest === record.digests[k]) repeats++;
      else conflicting.push(`${quoteExcerpt(run.id)} (${seen.dir} and ${d})`);
    });
  });
  const missing = specs.filter((s) => !byId.has(s.id)).map((s) => s.id);
  const known = new Set(specs.map((s) => s.id));
  const unknown = [...byId.keys()].filter((id) => !known.has(id));
  const problems = [
    conflicting.length ? `${conflicting.length} runs are recorded differently in two shards: ${some(conflicting)} (one was edited, or the shards are not of one sweep)` : '',
    missing.length ? `${missing.length} of ${specs.length} runs are missing: ${some(quoted(missing))} (finish their shards, e.g. feedsim ${first.command} --resume <dir>)` : '',
    unknown.length ? `${unknown.length} runs are not part of the ${first.command}: ${some(quoted(unknown))}` : '',
  ].filter(Boolean);
  if (problems.length) throw new InputError(`cannot merge ${dirs.join(' ')}:\n  - ${problems.join('\n  - ')}`);
  if (repeats) note(`${repeats} run records repeated identically (in one shard or two) are kept once`);
  const runs = specs.map((s) => byId.get(s.id)!.run);
  const manifest: Manifest = {
    feedsim: first.feedsim, command: first.command, input, runsPlanned: specs.length, workers: first.workers,
    formats: o.format ?? first.formats, plots: o.plots || first.plots,
  };
  const results = openResults(o.out, manifest, { command: `feedsim merge --out ${o.out}` });
  try {
    if (lstatSync(join(o.out, RESULTS.runs), { throwIfNoEntry: false })?.size) throw new InputError(`${o.out} already holds runs: merge into a new directory`);
    for (const run of runs) results.append(run);
    const { summary, text } = summarise(runs);
    const written = await closeResults(o.out, summary, runs, results.manifest);
    print(`merged ${dirs.length} shards: ${runs.length} runs, none missing${repeats ? '' : ' or duplicated'}\n${text}\nwrote ${written.length} files to ${o.out}\n`);
  } finally {
    results.release();
  }
}
