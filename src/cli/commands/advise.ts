/**
 * `feedsim advise <fit-dir>`: plays the best recipe of each family in the account's fitted world
 * at posterior draws and prints the answer for this account; writes `<fit-dir>/advice.json` and,
 * with `--plots` or when the fit was run with `--plots`, `<fit-dir>/plots/advice.svg`.
 * @module
 */
import { join } from 'node:path';
import { advise, type Advice } from '../../calibrate/advise.js';
import { markedCycles } from '../../calibrate/format.js';
import { contestStrategies } from '../../contest/strategies.js';
import { writeAtomic } from '../../io/safe-write.js';
import type { StrategySpec } from '../../scenario/types.js';
import { InputError } from '../exit.js';
import { hasFitPlots, readFit, writeFitPlots } from './fit.js';

/** Options of the advise command. */
export interface AdviseCommandOptions {
  strategies?: string[];
  strategiesFrom?: string;
  draws?: number;
  cycles?: number;
  seed?: number;
  workers: number;
  module: string[];
  plots?: boolean;
}

/** The advice as a short table beside its headline. */
export function formatAdvice(a: Advice): string {
  const marks = markedCycles(a.cycles);
  return [
    a.headline,
    '',
    `| cycle | ${marks.join(' | ')} |`,
    `|---|${marks.map(() => '---:').join('|')}|`,
    `| P(${a.strategies[1]} ahead) | ${marks.map((c) => a.aheadByCycle[c - 1].toFixed(2)).join(' | ')} |`,
    '',
    '| fitted parameter | rank correlation with the difference |',
    '|---|---:|',
    ...a.drivers.map((d) => `| ${d.path} | ${d.correlation.toFixed(2)} |`),
  ].join('\n');
}

/** Advises the account of a fit; returns the exit status. */
export async function adviseCommand(dir: string, o: AdviseCommandOptions, print: (s: string) => void): Promise<number> {
  if (o.strategies && o.strategiesFrom) throw new InputError('give either --strategies or --strategies-from, not both');
  const f = readFit(dir);
  let strategies: Array<StrategySpec | string> | undefined = o.strategies;
  if (o.strategiesFrom) {
    const { readReportSummary } = await import('../../report/write.js');
    const summary = await readReportSummary(o.strategiesFrom).catch((e: Error) => {
      throw new InputError(`--strategies-from ${o.strategiesFrom}: ${e.message}`);
    });
    if (summary.kind !== 'contest') throw new InputError(`--strategies-from ${o.strategiesFrom}: holds a ${summary.kind} summary, not a contest's`);
    strategies = contestStrategies(summary);
  }
  if (!strategies) print('running a contest in the fitted world (its posterior median) for the best recipe of each family…\n');
  const advice = await advise({ fit: f, strategies, draws: o.draws, cycles: o.cycles, seed: o.seed, workers: o.workers, modules: o.module });
  writeAtomic(join(dir, 'advice.json'), [JSON.stringify(advice, null, 1) + '\n']);
  const plots = o.plots || hasFitPlots(dir) ? await writeFitPlots(dir, [(await import('../../plots/fit.js')).adviceChart(advice)]) : [];
  print(`${formatAdvice(advice)}\n\nwrote ${['advice.json', ...plots].join(', ')} to ${dir}\n`);
  return 0;
}
