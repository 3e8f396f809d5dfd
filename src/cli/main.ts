/**
 * The `feedsim` command. Every command checks all of its input before any work starts; exit
 * codes are 0 success, 1 a failed run, 2 bad input (130 after Ctrl-C, finished runs kept).
 * @module
 */
import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { levelProblem } from '../experiment/check-options.js';
import { releaseHeldLocks } from '../io/lock.js';
import { EXPORT_FORMATS, RESULTS } from '../io/results-dir.js';
import { MAPPING_NAMES } from '../calibrate/export.js';
import { VERSION } from '../version.js';
import { EXIT, InputError, reportError } from './exit.js';
import { collectModule } from './module-path.js';
import { collect, defaultWorkers, formats, shard, strategyList, wholeNumber } from './options.js';
import { lockResults } from './results.js';

const print = (s: string): void => void process.stdout.write(s);

// Each command's module is imported when the command runs, so `feedsim --help` and a light
// command do not load the engine, the report and the sampler first.

/** Builds the command-line program; `signal` stops long work (Ctrl-C). */
export function program(signal: AbortSignal, setCode: (code: number) => void): Command {
  const p = new Command('feedsim')
    .description('Seeded agent-based simulator of social-media feeds: chase likes, or build followers?')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', '\nExamples:\n  feedsim compare examples/scenarios/default.yaml --replicates 10 --out results --plots\n  feedsim sweep examples/scenarios/sweep.yaml --out sweep-results\n  feedsim presets\n\nExit codes: 0 success, 1 failed run, 2 bad input, 130 interrupted (finished runs are kept).\n');

  const workers = () => new Option('-w, --workers <n>', 'worker threads (results do not depend on it)').argParser(wholeNumber('--workers', 1, 1024)).default(defaultWorkers(), 'the number of cores');
  const out = () => new Option('-o, --out <dir>', 'results directory (manifest, runs.jsonl record, summary.json, exports)').argParser((v: string) => {
    if (v.trim() === '') throw new InputError('--out "": must name a directory');
    return v;
  });
  const format = () => new Option('-f, --format <list>', `tidy-row exports, comma-separated: ${EXPORT_FORMATS.join(', ')}`).argParser(formats).default(['csv'], 'csv');
  const modules = () => new Option('-m, --module <path>', 'module registering strategies, rankers or freshness curves (repeatable)').argParser(collectModule).default([], 'none');
  const seed = () => new Option('-s, --seed <n>', 'master seed (default: the scenario\'s)').argParser(wholeNumber('--seed', -(2 ** 31), 2 ** 31 - 1));

  p.command('run')
    .description('simulate a scenario (all its focal accounts) and print each account\'s figures')
    .argument('<scenario>', 'scenario file (.json, .yaml, .yml)')
    .addOption(new Option('-r, --replicates <n>', 'replicates').argParser(wholeNumber('--replicates', 1, 100_000)).default(1))
    .addOption(seed()).addOption(workers()).addOption(out()).addOption(format()).addOption(modules())
    .addHelpText('after', '\nExample:\n  feedsim run examples/scenarios/youtube.yaml --replicates 4 --out youtube-run\n')
    .action(async (file: string, o) => (await import('./commands/run.js')).runCommand(file, { ...o, signal }, print));

  p.command('compare')
    .description('compare strategies on a scenario: intervals, paired differences, crossover, economics')
    .argument('<scenario>', 'scenario file (.json, .yaml, .yml)')
    .addOption(new Option('--strategies <list>', 'comma-separated strategies; the first is the baseline').argParser(strategyList).default(['like-chasing', 'follow-building'], 'like-chasing,follow-building'))
    .addOption(new Option('-r, --replicates <n>', 'replicates per strategy').argParser(wholeNumber('--replicates', 2, 100_000)).default(30))
    .addOption(new Option('--level <p>', 'confidence level').argParser((v: string) => {
      const x = v.trim() === '' ? NaN : Number(v);
      const problem = levelProblem(x);
      if (problem) throw new InputError(`--level ${JSON.stringify(v)}: must be ${problem}`);
      return x;
    }).default(0.95))
    .addOption(seed()).addOption(workers()).addOption(out()).addOption(format()).addOption(modules())
    .option('--plots', 'write SVG plots into <out>/plots', false)
    .addHelpText('after', '\nExample:\n  feedsim compare scenario.yaml --strategies like-chasing,follow-building,mixed --replicates 20 --out results --plots\n')
    .action(async (file: string, o) => {
      if (o.plots && !o.out) o.out = 'compare-results';
      await (await import('./commands/compare.js')).compareCommand(file, { ...o, signal }, print);
    });

  p.command('sweep')
    .description('run a sweep design; every finished run is recorded as it completes (resumable, shardable)')
    .argument('[design]', 'sweep file: { scenario, design, strategies, replicates, seed } (.json, .yaml)')
    .addOption(out().default(undefined, '<design name>-results'))
    .option('--resume <dir>', 'finish an interrupted sweep in <dir> (finished runs are skipped)')
    .addOption(new Option('--shard <i/N>', 'run only slice i of N (0 ≤ i < N); combine with feedsim merge').argParser(shard))
    .addOption(workers()).addOption(format()).addOption(modules())
    .option('--plots', 'write SVG plots into <out>/plots', false)
    .addHelpText('after', '\nExamples:\n  feedsim sweep sweep.yaml --out results --plots\n  feedsim sweep --resume results\n  feedsim sweep sweep.yaml --shard $SLURM_ARRAY_TASK_ID/16 --out shard-$SLURM_ARRAY_TASK_ID\n')
    .action(async (file: string | undefined, o) => setCode(await (await import('./commands/sweep.js')).sweepCommand(file, { ...o, signal }, print)));

  p.command('contest')
    .description('the best recipe of each strategy family against the best of the other, with the causal value of audiences and ads')
    .argument('[scenario]', 'scenario file (.json, .yaml, .yml)')
    .addOption(new Option('--candidates <n>', 'recipes searched per family').argParser(wholeNumber('--candidates', 2, 10_000)))
    .addOption(new Option('--held-out <n>', 'held-out replicates per finalist').argParser(wholeNumber('--held-out', 2, 100_000)))
    .addOption(new Option('--screen-users <n>', 'users of the screening world (money scales with it)').argParser(wholeNumber('--screen-users', 10, 50_000_000)))
    .addOption(new Option('--horizon <n>', 'cycles run on with no ads to value the audience held at the end (0: none)').argParser(wholeNumber('--horizon', 0, 100_000)))
    .addOption(new Option('--objective <what>', 'what the search maximises').choices(['net', 'net+terminal']))
    .addOption(seed()).addOption(workers()).addOption(out()).addOption(format()).addOption(modules())
    .option('--resume <dir>', 'finish an interrupted contest in <dir> (finished runs are read back)')
    .addOption(new Option('--from <dir>', 'read back the runs of another directory of this contest (repeatable: every shard\'s)').argParser(collect).default([], 'none'))
    .addOption(new Option('--shard <i/N>', 'run this machine\'s share of each stage; stop where other shards\' runs are needed').argParser(shard))
    .addHelpText('after', '\nExamples:\n  feedsim contest scenario.yaml --out contest\n  feedsim contest --resume contest\n  feedsim contest scenario.yaml --shard 0/4 --out stage1-0   # then: --shard 0/4 --from stage1-0 … --from stage1-3 --out stage2-0\n')
    .action(async (file: string | undefined, o) => setCode(await (await import('./commands/contest.js')).contestCommand(file, { ...o, signal }, print)));

  p.command('sensitivity')
    .description('which assumptions decide the answer: Morris screening or Sobol indices over a design run as a sweep (resumable, shardable)')
    .argument('[scenario]', 'scenario file (.json, .yaml, .yml)')
    .addOption(new Option('--method <name>', 'morris (screening) or sobol (variance-based indices)').choices(['morris', 'sobol']).default('morris'))
    .addOption(new Option('--factors <list>', 'comma-separated assumption paths (default: every assumption that applies; docs/sensitivity.md)').argParser(strategyList))
    .addOption(new Option('--strategies <list>', 'two strategies, baseline first').argParser(strategyList))
    .option('--strategies-from <dir>', 'the best recipe of each family from a contest\'s results directory')
    .addOption(new Option('-r, --replicates <n>', 'replicates per design point and strategy (default 2)').argParser(wholeNumber('--replicates', 1, 100_000)))
    .addOption(new Option('--trajectories <n>', 'Morris trajectories (default 20)').argParser(wholeNumber('--trajectories', 2, 100_000)))
    .addOption(new Option('--samples <n>', 'Sobol base sample N: N·(k + 2) design points (default 64)').argParser(wholeNumber('--samples', 2, 1_000_000)))
    .option('--emulator', 'Sobol indices from a Gaussian-process emulator of the runs (its held-out Q² is reported)')
    .addOption(new Option('--cycle <n>', 'cycle the outputs are taken at (default the last)').argParser(wholeNumber('--cycle', 1, 100_000)))
    .addOption(new Option('--metrics <list>', 'cycle metrics of either strategy to explain too, e.g. followers').argParser(strategyList))
    .addOption(seed()).addOption(out().default(undefined, '<scenario name>-sensitivity'))
    .option('--resume <dir>', 'finish an interrupted study in <dir> (finished runs are skipped)')
    .addOption(new Option('--shard <i/N>', 'run only slice i of N (0 ≤ i < N); combine with feedsim merge').argParser(shard))
    .addOption(workers()).addOption(modules())
    .addOption(new Option('-f, --format <list>', `tidy-row exports, comma-separated: ${EXPORT_FORMATS.join(', ')}`).argParser(formats).default([], 'none'))
    .option('--plots', 'write SVG plots into <out>/plots (μ*–σ or Sobol bars per output)', false)
    .addHelpText('after', '\nExamples:\n  feedsim sensitivity scenario.yaml --method morris --trajectories 20 --out morris\n  feedsim sensitivity scenario.yaml --method sobol --factors market.buyers,behavior.follow.base --emulator --out sobol\n  feedsim sensitivity scenario.yaml --shard $SLURM_ARRAY_TASK_ID/16 --out shard-$SLURM_ARRAY_TASK_ID   # then feedsim merge\n')
    .action(async (file: string | undefined, o) => setCode(await (await import('./commands/sensitivity.js')).sensitivityCommand(file, { ...o, signal }, print)));

  const positive = (flag: string) => (v: string) => {
    const x = v.trim() === '' ? NaN : Number(v);
    if (!(Number.isFinite(x) && x >= 0)) throw new InputError(`${flag} ${v}: must be a number ≥ 0`);
    return x;
  };
  p.command('fit')
    .description('calibrate an account\'s world to its analytics export (ABC-SMC): posterior, effective sample size, predictive checks')
    .argument('[export]', 'post-level analytics export (.csv): feedsim\'s schema, Meta Business Suite (Facebook, Instagram) or YouTube Studio')
    .option('--extends <preset>', 'the platform the account is on (default facebook)')
    .option('--scenario <file>', 'a scenario file the account\'s world starts from instead of a preset')
    .option('--mapping <name|file>', `the export's columns: ${MAPPING_NAMES.join(', ')} or a YAML mapping (default: detected from the header)`)
    .addOption(new Option('--followers <n>', 'followers when the export starts (default: the follower counts\' first day)').argParser(wholeNumber('--followers', 0, 2 ** 31 - 1)))
    .option('--followers-file <csv>', 'daily follower counts (day,followers)')
    .addOption(new Option('--users <n>', 'users of the simulated world (default 2,000)').argParser(wholeNumber('--users', 100, 10_000_000)))
    .addOption(new Option('--days <n>', 'days of the export replayed (default: all, at most 30)').argParser(wholeNumber('--days', 1, 100_000)))
    .addOption(new Option('--promotion-per-day <amount>', 'ad spend a day in the export\'s period (default 0)').argParser(positive('--promotion-per-day')))
    .addOption(new Option('--parameters <list>', 'parameters to fit (default: every one the export informs; docs/calibration.md)').argParser(strategyList))
    .addOption(new Option('--particles <n>', 'ABC-SMC particles (default 1,000)').argParser(wholeNumber('--particles', 10, 1_000_000)))
    .addOption(new Option('--max-simulations <n>', 'stop after this many simulations (default 20,000)').argParser(wholeNumber('--max-simulations', 10, 100_000_000)))
    .addOption(new Option('--checks <n>', 'runs at posterior draws for the predictive check (default 100)').argParser(wholeNumber('--checks', 1, 1_000_000)))
    .addOption(seed()).addOption(out().default(undefined, '<export name>-fit'))
    .option('--resume <dir>', 'go on with an interrupted fit (or the next round of a shard): recorded runs are read back')
    .addOption(new Option('--shard <i/N>', 'run only slice i of N of each generation, then stop until the other shards\' runs are read back with --from').argParser(shard))
    .addOption(new Option('--from <dir>', 'read back the runs of another shard of this fit (repeatable)').argParser(collect).default([], 'none'))
    .addOption(workers()).addOption(modules())
    .option('--plots', 'write SVG plots into <out>/plots (predictive check, posterior)', false)
    .addHelpText('after', '\nExamples:\n  feedsim fit examples/data/synthetic-export.csv --followers-file examples/data/synthetic-followers.csv --out fit --plots\n  feedsim fit "Table data.csv" --extends youtube --followers 12000 --out my-channel-fit\n  feedsim fit export.csv --shard $SLURM_ARRAY_TASK_ID/8 --out fit-$SLURM_ARRAY_TASK_ID   # then --resume with --from, a round per generation\n')
    .action(async (file: string | undefined, o) => setCode(await (await import('./commands/fit.js')).fitCommand(file, { ...o, signal }, print)));

  p.command('advise')
    .description('which strategy this account should expect to pay back better, and by when: the best recipes played at posterior draws of a fit')
    .argument('<fit-dir>', 'the --out directory of feedsim fit')
    .addOption(new Option('--strategies <list>', 'two strategies, baseline first (default: a contest in the fitted world)').argParser(strategyList))
    .option('--strategies-from <dir>', 'the best recipe of each family from a contest\'s results directory')
    .addOption(new Option('--draws <n>', 'posterior draws played (default 40)').argParser(wholeNumber('--draws', 2, 1_000_000)))
    .addOption(new Option('--cycles <n>', 'cycles each draw runs (default 30)').argParser(wholeNumber('--cycles', 1, 100_000)))
    .addOption(seed()).addOption(workers()).addOption(modules())
    .option('--plots', 'write <fit-dir>/plots/advice.svg (also without it when the fit was run with --plots)', false)
    .addHelpText('after', '\nExample:\n  feedsim advise fit --strategies like-chasing,follow-building --draws 40\n')
    .action(async (dir: string, o) => setCode(await (await import('./commands/advise.js')).adviseCommand(dir, o, print)));

  p.command('merge')
    .description('merge the result directories of a sweep\'s or a sensitivity study\'s shards, checking nothing is missing or duplicated')
    .argument('<dirs...>', 'shard result directories')
    .requiredOption('-o, --out <dir>', 'directory for the merged results')
    .addOption(new Option('-f, --format <list>', 'exports (default: the shards\')').argParser(formats))
    .option('--plots', 'write SVG plots', false)
    .addHelpText('after', '\nExample:\n  feedsim merge shard-0 shard-1 shard-2 shard-3 --out merged --plots\n')
    .action(async (dirs: string[], o) => (await import('./commands/merge.js')).mergeCommand(dirs, o, print));

  p.command('validate')
    .description('check a scenario or sweep file and explain every problem')
    .argument('<file>', 'scenario or sweep file (.json, .yaml, .yml)')
    .addOption(modules())
    .addHelpText('after', '\nExample:\n  feedsim validate my-scenario.yaml\n')
    .action(async (file: string, o) => (await import('./commands/inspect-files.js')).validateCommand(file, o, print));

  p.command('presets')
    .description('list the platform presets a scenario can extend')
    .addHelpText('after', '\nExample:\n  feedsim presets\n')
    .action(async () => (await import('./commands/inspect-files.js')).presetsCommand(print));

  p.command('schema')
    .description('print the JSON Schema of scenario files (for editors)')
    .option('--sweep', 'the schema of sweep files instead', false)
    .addHelpText('after', '\nExample:\n  feedsim schema > feedsim.schema.json   # then "$schema": "./feedsim.schema.json" in a scenario file\n')
    .action(async (o) => (await import('./commands/inspect-files.js')).schemaCommand(o, print));

  p.command('report')
    .description('write one self-contained report.html (plots and tables) for a results or fit directory')
    .argument('<results-dir>', 'the --out directory of compare, sweep, contest, sensitivity or fit')
    .addHelpText('after', '\nExamples:\n  feedsim report results && open results/report.html\n  feedsim report fit   # a fit\'s directory: its posterior, predictive check and advice\n')
    .action(async (dir: string) => {
      const { isFitDirectory, readFitReport, readReportSummary, writeReport } = await import('../report/write.js');
      const fitDir = await isFitDirectory(dir);
      if (!fitDir && !existsSync(join(dir, RESULTS.summary))) throw new InputError(`${dir} is not a results directory (no ${RESULTS.summary}) nor a fit's (no fit.json): write one with feedsim compare, sweep, contest, sensitivity or fit --out ${dir}`);
      // A summary the report cannot use (a run's, or a malformed one of any kind) is bad input too.
      await (fitDir ? readFitReport(dir) : readReportSummary(dir)).catch((e: Error) => {
        throw new InputError(e.message);
      });
      const lock = lockResults(dir, `feedsim report ${dir}`);
      try {
        print(`wrote ${await writeReport(dir)}\n`);
      } finally {
        lock.release();
      }
    });
  return p;
}

/** Runs the command line `argv` (as in process.argv); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupted = false;
  // Stopped from outside, a command still releases its results directory's lock.
  const quit = (code: number): never => {
    releaseHeldLocks();
    process.exit(code);
  };
  const onSigint = () => {
    // A second Ctrl-C quits at once, even in the middle of a run (finished runs are on disk).
    if (interrupted) quit(EXIT.interrupted);
    interrupted = true;
    process.stderr.write('\nfeedsim: stopping after the runs in progress (Ctrl-C again to quit at once)…\n');
    controller.abort();
  };
  // SIGTERM (kill, a scheduler's time limit or pre-emption) quits as soon as this thread is free:
  // a run it is executing finishes and is recorded first (a handler runs between tasks).
  const onSigterm = () => {
    process.stderr.write('\nfeedsim: terminated (SIGTERM); finished runs are kept in the --out directory\'s runs.jsonl.\n');
    quit(EXIT.terminated);
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  let code: number = EXIT.ok;
  try {
    await program(controller.signal, (c) => (code = c)).parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      code = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.badInput;
    } else if (interrupted) {
      process.stderr.write(`feedsim: interrupted (${(e as Error).message}); finished runs are kept in the --out directory's runs.jsonl.\n`);
      code = EXIT.interrupted;
    } else code = reportError(e);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
  return code;
}
