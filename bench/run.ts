/**
 * `npm run bench`: the engine's throughput on the pinned bench scenario at 10⁴, 10⁵ and 10⁶ users,
 * the SimSoM peer workload and replicates on 2 workers, each against the limit kernel measured in
 * the same run. Set-up and stepping are timed apart; medians of 3 runs. Writes
 * bench/results/latest.json. `--quick` (< 60 s) for smoke runs, `--huge` adds the 10⁷-user
 * memory case. Run it on an idle machine: it uses both cores for the 2-worker case.
 *
 * Run through the built bundle (`npm run build` first; `npm run bench` does both), since tsx's
 * module wrappers slow the hot loop.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { writePerformancePlot } from './doc-plots.js';
import type { BenchResults } from '../src/plots/index.js';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type * as Feedsim from '../src/index.js';
import { benchScenario, limitKernel, simsomGraph, simsomScenario, type BenchCase } from './cases.js';
import { internal } from '../src/engine/world.js';

const quick = process.argv.includes('--quick');
const huge = process.argv.includes('--huge');
const dist = new URL('../dist/index.js', import.meta.url);
const lib = (await import(dist.href)) as typeof Feedsim;

interface CaseResult {
  name: string;
  users: number;
  edges: number;
  steps: number;
  setupSeconds: number;
  stepSeconds: number;
  sessions: number;
  impressions: number;
  sessionsPerSecond: number;
  impressionsPerSecond: number;
  nsPerImpression: number;
  bytesPerUser: number;
  bytesPerEdge: number;
  bytesPerFollow: number;
  limitImpressionsPerSecond: number;
  ratioToLimit: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runCase(c: BenchCase): CaseResult {
  const setups: number[] = [];
  const steps: number[] = [];
  let last: { w: Feedsim.World; impressions: number; sessions: number } | undefined;
  for (let rep = 0; rep < c.repeats; rep++) {
    let t0 = performance.now();
    const w = lib.createWorld(c.scenario, c.graph ? { graph: c.graph(), replicate: rep } : { replicate: rep });
    setups.push((performance.now() - t0) / 1000);
    lib.step(w, c.warmup);
    const imp0 = w.impressionsByChannel.reduce((a, b) => a + b, 0);
    const sessions0 = internal(w).sessionId;
    t0 = performance.now();
    lib.step(w, c.steps);
    steps.push((performance.now() - t0) / 1000);
    last = { w, impressions: w.impressionsByChannel.reduce((a, b) => a + b, 0) - imp0, sessions: internal(w).sessionId - sessions0 };
  }
  const { w, impressions, sessions } = last!;
  const stepSeconds = median(steps);
  const bytes = lib.worldBytes(w);
  const edges = w.graph.followers.length;
  const follows = w.accounts.followers.reduce((a, b) => a + b, 0);
  const limit = limitKernel(w, c.steps);
  const impressionsPerSecond = impressions / stepSeconds;
  return {
    name: c.name,
    users: w.users.size,
    edges,
    steps: c.steps,
    setupSeconds: median(setups),
    stepSeconds,
    sessions,
    impressions,
    sessionsPerSecond: sessions / stepSeconds,
    impressionsPerSecond,
    nsPerImpression: 1e9 / impressionsPerSecond,
    bytesPerUser: (bytes.total - bytes.graph - bytes.follows) / w.users.size,
    bytesPerEdge: edges ? bytes.graph / edges : 0,
    bytesPerFollow: follows ? bytes.follows / follows : 0,
    limitImpressionsPerSecond: limit,
    ratioToLimit: impressionsPerSecond / limit,
  };
}

interface WorkersResult {
  name: string;
  replicates: number;
  users: number;
  stepsPerRun: number;
  /** One run's time on 1 worker: short runs weigh a new thread's start-up more. */
  secondsPerRun: number;
  /** Medians over alternating fresh processes. */
  oneWorkerSeconds: number;
  twoWorkerSeconds: number;
  speedup: number;
}

/**
 * Replicates on 1 and 2 workers, each batch in a fresh process (`bench/replicates.ts`),
 * alternating 1, 2, 1, 2, … so drift on a shared machine hits both alike; medians of 3 each.
 * Both configurations start cold: with 2 workers this thread runs replicates beside one worker
 * thread, and each pays its JIT warm-up (about a second of CPU, much of it background
 * compilation that a single worker gets for free on the idle second core). Results must be
 * identical. The full case is the default comparison with 8 replicates per strategy (16 runs
 * of 30 simulated days); the quick one 4 bench-scenario replicates of 2 days, which weigh
 * start-up as much as throughput. `bench/compare-workers.ts` times the whole default comparison.
 */
async function workersCase(): Promise<WorkersResult> {
  const replicates = quick ? 4 : 8;
  const users = quick ? 10_000 : 0; // 0: the default comparison's own scenario
  const cycles = 2;
  const script = fileURLToPath(new URL('./replicates.ts', import.meta.url));
  const time = (workers: number) => {
    const args = [script, String(workers), String(replicates), ...(quick ? [String(users), String(cycles)] : [])];
    const out = execFileSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; digest: string };
  };
  const ones: number[] = [];
  const twos: number[] = [];
  const digests = new Set<string>();
  for (let round = 0; round < 3; round++) {
    for (const [workers, times] of [[1, ones], [2, twos]] as const) {
      const r = time(workers);
      times.push(r.seconds);
      digests.add(r.digest);
    }
  }
  if (digests.size !== 1) throw new Error(`replicates differ between 1 and 2 workers (${[...digests].join(', ')})`);
  const one = median(ones);
  const two = median(twos);
  const scenario = lib.resolveScenario(quick ? benchScenario(users) : {});
  const runs = quick ? replicates : 2 * replicates;
  const stepsPerRun = (quick ? cycles : scenario.cycles) * scenario.stepsPerCycle;
  const what = quick ? `${replicates} bench replicates` : `default comparison, ${replicates} replicates × 2 strategies`;
  return {
    name: `replicates on 2 workers (${what}: ${runs} runs × ${scenario.users.toLocaleString('en')} users, ${stepsPerRun} steps each)`,
    replicates: runs, users: scenario.users, stepsPerRun, secondsPerRun: one / runs, oneWorkerSeconds: one, twoWorkerSeconds: two, speedup: one / two,
  };
}

const cases: BenchCase[] = [
  { name: 'bench 10^4 users', scenario: benchScenario(10_000), steps: quick ? 48 : 200, warmup: 24, repeats: 3 },
  { name: 'bench 10^5 users', scenario: benchScenario(100_000), steps: quick ? 12 : 48, warmup: 24, repeats: 3 },
  ...(quick ? [] : [{ name: 'bench 10^6 users', scenario: benchScenario(1_000_000), steps: 12, warmup: 12, repeats: 3 }]),
  { name: 'peer: SimSoM workload (10^4 users, 10 follows each, feed 15, 20 steps)', scenario: simsomScenario(), graph: () => simsomGraph(lib), steps: 20, warmup: 5, repeats: 3 },
  ...(huge ? [{ name: 'memory: 10^7 users', scenario: benchScenario(10_000_000), steps: 2, warmup: 1, repeats: 1 }] : []),
];

const results: CaseResult[] = [];
for (const c of cases) {
  const r = runCase(c);
  results.push(r);
  console.error(`${r.name}: ${(r.impressionsPerSecond / 1e6).toFixed(2)} M impressions/s, ${r.bytesPerUser.toFixed(0)} B/user, ratio to limit ${r.ratioToLimit.toFixed(2)}`);
}
const workers = await workersCase();
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: `${process.platform}-${process.arch}` };

const pad = (s: string, n: number) => s.padStart(n);
console.log(`feedsim bench${quick ? ' --quick' : ''} — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
console.log(`${'case'.padEnd(72)} ${pad('users', 10)} ${pad('setup s', 8)} ${pad('M imp/s', 8)} ${pad('k sess/s', 9)} ${pad('ns/imp', 7)} ${pad('B/user', 7)} ${pad('B/edge', 7)} ${pad('limit M/s', 9)} ${pad('ratio', 6)}`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(72)} ${pad(r.users.toLocaleString('en'), 10)} ${pad(r.setupSeconds.toFixed(2), 8)} ${pad((r.impressionsPerSecond / 1e6).toFixed(2), 8)} ${pad((r.sessionsPerSecond / 1e3).toFixed(0), 9)} ${pad(r.nsPerImpression.toFixed(0), 7)} ${pad(r.bytesPerUser.toFixed(0), 7)} ${pad(r.bytesPerEdge.toFixed(1), 7)} ${pad((r.limitImpressionsPerSecond / 1e6).toFixed(1), 9)} ${pad(r.ratioToLimit.toFixed(2), 6)}`,
  );
}
console.log(`${workers.name}: 1 worker ${workers.oneWorkerSeconds.toFixed(1)} s (${workers.secondsPerRun.toFixed(2)} s a run), 2 workers ${workers.twoWorkerSeconds.toFixed(1)} s, speed-up ${workers.speedup.toFixed(2)}×`);

const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const latest = { date: new Date().toISOString(), quick, machine, cases: results, workers };
writeFileSync(`${dir}latest.json`, JSON.stringify(latest, null, 2) + '\n');
console.log(`wrote bench/results/latest.json`);
// The docs' chart shows full runs only; a quick smoke run leaves it alone.
if (!quick) console.log(`wrote ${await writePerformancePlot(latest as unknown as BenchResults)}`);
