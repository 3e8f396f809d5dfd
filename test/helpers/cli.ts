import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI from source, as a new user's `npx feedsim` would run it (a separate process). */
export const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `feedsim …args` to completion. */
export function cli(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `feedsim …args` in the background. */
export function cliChild(args: string[], cwd = ROOT): ChildProcess & { out: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd, env: { ...process.env, CI: 'true' } });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return Object.assign(child, { out: () => out });
}

/** Resolves with the exit code (or signal) of a child. */
export const exited = (child: ChildProcess): Promise<number | string> =>
  new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));

/** A fresh temporary directory. */
export const tempDir = (name = 'feedsim-cli-'): string => mkdtempSync(join(tmpdir(), name));

/** Writes `text` to `dir/name` and returns the path. */
export function writeIn(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Lines of a file (0 when it does not exist). */
export const lineCount = (path: string): number => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

/** Polls until `ready()` or the timeout. */
export async function waitFor(ready: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs `feedsim …args` in this process (fast), capturing what it prints. */
export async function cliHere(args: string[]): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((stdout += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
  try {
    const status = await main(['node', 'feedsim', ...args]);
    return { status, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
