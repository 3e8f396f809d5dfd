/**
 * Refuses, before any work starts, an experiment whose worlds cannot fit in this machine's
 * memory (the smaller of physical memory and a container's cgroup limit).
 * @module
 */
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { estimateWorldBytes, formatBytes } from '../engine/memory-estimate.js';
import { ScenarioError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/types.js';

/** Memory this process may use: physical memory, or the cgroup v2 limit when lower. */
export function memoryLimit(): number {
  let limit = totalmem();
  try {
    const cg = readFileSync('/sys/fs/cgroup/memory.max', 'utf8').trim();
    if (/^\d+$/.test(cg)) limit = Math.min(limit, Number(cg));
  } catch {
    // No cgroup v2 limit visible: physical memory it is.
  }
  return limit;
}

/** Throws a {@link ScenarioError} showing the estimate when `workers` worlds of `scenario` would not fit. */
export function checkMemory(scenario: Scenario, workers: number, limit = memoryLimit()): void {
  const one = estimateWorldBytes(scenario);
  const need = one * Math.max(1, workers);
  if (need > 0.9 * limit) {
    throw new ScenarioError([{
      path: 'users',
      value: scenario.users,
      allowed: `needs an estimated ${formatBytes(need)} (${formatBytes(one)} per world × ${Math.max(1, workers)} worker${workers > 1 ? 's' : ''}), more than 90 % of this machine's ${formatBytes(limit)}: use fewer users or workers, or a bigger machine`,
    }]);
  }
}
