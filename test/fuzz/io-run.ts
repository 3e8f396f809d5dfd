/**
 * Runs a batch of results-directory and input-file fuzz cases (io-batch.ts) in a child process
 * and collects their reports. The time limit only stops a hang (naming the case that hung); no
 * result depends on time.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../helpers/cli.js';
import { SECRET, type IoKind, type IoReport } from './io-cases.js';

const BATCH = fileURLToPath(new URL('./io-batch.ts', import.meta.url));

/** The reports of `counts` cases per kind with `seed`, and the case that hung, if one did. */
export function runIoBatch(seed: number, counts: Partial<Record<IoKind, number>>, hangMs: number): Promise<{ reports: IoReport[]; hung?: string; stderr: string }> {
  const [name, value] = SECRET.split('=');
  const args = ['--import', 'tsx', BATCH, String(seed), ...Object.entries(counts).map(([k, n]) => `${k}=${n}`)];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CI: 'true', [name]: value } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), hangMs);
  return new Promise((resolve) => child.on('exit', (code) => {
    clearTimeout(timer);
    const lines = out.split('\n').filter(Boolean);
    const reports = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as IoReport);
    const last = lines[lines.length - 1] ?? '';
    const hung = code !== 0 && last.startsWith('start ') ? last.slice(6) : code !== 0 ? `the batch (exit ${code})` : undefined;
    resolve({ reports, stderr: err, ...(hung ? { hung } : {}) });
  }));
}
