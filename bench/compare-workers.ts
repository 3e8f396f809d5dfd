/**
 * The default comparison (30 replicates × like-chasing and follow-building, default scenario)
 * timed on 1 and 2 workers, each in a fresh process (`bench/replicates.ts`), through the built
 * bundle; checks the results are identical and prints the speed-up and the last cycle's summary.
 * Run on an idle machine: node --import tsx bench/compare-workers.ts [replicates]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const replicates = Number(process.argv[2] ?? 30);
const script = fileURLToPath(new URL('./replicates.ts', import.meta.url));
const run = (workers: number) =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, String(workers), String(replicates)], { encoding: 'utf8' }).trim().split('\n').pop()!) as {
    seconds: number;
    digest: string;
    lines: string[];
  };
const one = run(1);
const two = run(2);
if (one.digest !== two.digest) throw new Error('1 and 2 workers differ');
console.log(`${replicates} replicates: 1 worker ${one.seconds.toFixed(1)} s, 2 workers ${two.seconds.toFixed(1)} s, speed-up ${(one.seconds / two.seconds).toFixed(2)}× (results identical)`);
for (const line of one.lines) console.log(line);
