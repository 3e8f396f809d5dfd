/**
 * Parsing and checking command-line values (numbers, formats, shards): a bad value is an
 * {@link InputError} naming the flag, the value and what is allowed.
 * @module
 */
import { availableParallelism } from 'node:os';
import { EXPORT_FORMATS, type ExportFormat } from '../io/results-dir.js';
import { closestKey } from '../scenario/errors.js';
import { InputError } from './exit.js';

/** A whole number flag within [min, max]. */
export function wholeNumber(flag: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) throw new InputError(`${flag} ${JSON.stringify(value)}: must be a whole number from ${min} to ${max}`);
    return n;
  };
}

/** `--format csv,arrow` → the list of export formats. */
export function formats(value: string): ExportFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) {
      const hint = closestKey(f, EXPORT_FORMATS);
      throw new InputError(`--format ${JSON.stringify(f)}: must be one of ${EXPORT_FORMATS.join(', ')}${hint ? ` — did you mean "${hint}"?` : ''}`);
    }
  }
  if (list.length === 0) throw new InputError(`--format ${JSON.stringify(value)}: name at least one of ${EXPORT_FORMATS.join(', ')}`);
  return [...new Set(list)] as ExportFormat[];
}

/** A shard of a sweep: `i/N` with 0 ≤ i < N (Slurm array and Kubernetes indices start at 0). */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard 3/8` → { index: 3, count: 8 }. */
export function shard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new InputError(`--shard ${JSON.stringify(value)}: must be i/N with 0 ≤ i < N, e.g. 0/4 … 3/4`);
  return { index, count };
}

/** `--strategies a,b` → strategy names. */
export function strategyList(value: string): string[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new InputError(`--strategies ${JSON.stringify(value)}: name at least one strategy, e.g. like-chasing,follow-building`);
  return list;
}

/** Default worker count: this machine's cores. */
export const defaultWorkers = (): number => availableParallelism();

/** Collects a repeatable flag. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
