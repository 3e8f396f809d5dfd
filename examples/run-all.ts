/**
 * Runs every example at small size (FEEDSIM_EXAMPLE_SIZE=small), one process each, and fails
 * when any fails. `npm run examples`; the test suite runs them too (test/examples.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const examples = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run-all.ts').sort();
let failed = 0;
for (const file of examples) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', dir + file], {
    env: { ...process.env, FEEDSIM_EXAMPLE_SIZE: 'small' },
    encoding: 'utf8',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (r.status === 0) console.log(`ok   ${file} (${seconds} s)`);
  else {
    failed++;
    console.log(`FAIL ${file} (exit ${r.status})\n${r.stdout}\n${r.stderr}`);
  }
}
console.log(`${examples.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
