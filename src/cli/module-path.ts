/**
 * `--module <path>`: a path is the user's, resolved against the working directory where the
 * command was typed (not against feedsim's own files, where `import()` would look), and must
 * name a regular file; anything else is a package name, which must be installed where the
 * command runs or where feedsim is. Either problem is bad input naming what the user typed.
 * @module
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileRefusedError } from '../io/refused.js';
import { readRegularFile } from '../io/safe-read.js';
import { InputError } from './exit.js';

/** `./x.mjs`, `../x`, `/abs/x`, `C:\x`, `x.ts`: a path. `pkg`, `@scope/pkg`, `pkg/sub`: a package name. */
const looksLikePath = (m: string): boolean =>
  m.startsWith('.') || isAbsolute(m) || m.includes('\\') || /\.[cm]?[jt]sx?$/i.test(m) || m.startsWith('file:');

/** Whether package `name` resolves from `dir` (an ESM-only package refuses `require` yet is there). */
function installedFrom(dir: string, name: string): boolean {
  try {
    createRequire(join(dir, 'noop.js')).resolve(name);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
  }
}

/** One `--module` value checked: a path becomes absolute; a package name stays as it is. */
export function modulePath(value: string, cwd = process.cwd()): string {
  if (value.trim() === '') throw new InputError('--module "": must name a module file or package');
  if (value.startsWith('node:')) return value;
  if (!looksLikePath(value)) {
    // `feedsim` itself resolves from its own install: the package may be beside it.
    if (installedFrom(cwd, value) || installedFrom(dirname(fileURLToPath(import.meta.url)), value)) return value;
    throw new InputError(`--module ${JSON.stringify(value)}: no package of that name is installed (from ${cwd}); to load a file, give its path, e.g. ./${value}.mjs`);
  }
  const path = value.startsWith('file:') ? fileURLToPath(value) : resolve(cwd, value);
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InputError(`--module ${JSON.stringify(value)}: no such file (looked for ${path})`);
  }
  if (!st.isFile()) throw new InputError(`--module ${JSON.stringify(value)}: ${path} is not a regular file`);
  try {
    // A kernel file (/proc/self/environ) passes as regular: its size gives it away.
    readRegularFile(path, 'the module');
  } catch (e) {
    if (e instanceof FileRefusedError) throw new InputError(`--module ${JSON.stringify(value)}: ${e.message}`);
    throw e;
  }
  return path;
}

/** Collects repeated `--module` values, each checked. */
export const collectModule = (value: string, previous: string[] = []): string[] => [...previous, modulePath(value)];
