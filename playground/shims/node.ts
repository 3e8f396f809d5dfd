/**
 * Browser stand-ins for what the engine's experiment path imports from Node, mapped in by the
 * playground's build (`node:*` and `piscina`). `compare` with one worker never touches a file or
 * a thread, but its modules import them: the worker pool (module paths, piscina) and the memory
 * check, which here measures the browser's memory instead of the machine's.
 * @module
 */

/** A V8 heap in a browser tab holds about 4 GiB at most, whatever the device has. */
const HEAP_LIMIT_GIB = 4;

/** The memory the worlds may use: the device's (where the browser tells it), at most a tab's heap. */
export function totalmem(): number {
  const device = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
  return Math.min(device ?? HEAP_LIMIT_GIB, HEAP_LIMIT_GIB) * 2 ** 30;
}

const nodeOnly = (what: string) => (): never => {
  throw new Error(`${what} is not available in the browser`);
};

/** No files: the memory check's cgroup limit read fails and is skipped, as on a machine without one. */
export const readFileSync = nodeOnly('reading files');
export const existsSync = (): boolean => false;
export const pathToFileURL = nodeOnly('loading modules');
export const isAbsolute = (): boolean => true;
export const resolve = (p: string): string => p;

/** Worker threads: `compare` asks for them only with `workers` > 1, which the page never does. */
export class Piscina {
  constructor() {
    nodeOnly('worker threads')();
  }
}
