/**
 * A stable hash of a scenario, without its seed and strategies: replicate r of every strategy
 * derives the same seeds from it (common random numbers, MODEL.md).
 * @module
 */
import type { Scenario } from './types.js';

/** JSON with object keys sorted, so equal scenarios give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((value as Record<string, unknown>)[k])).join(',') + '}';
  }
  if (typeof value === 'string' && value.length >= LONG) {
    if (lastLong?.text !== value) lastLong = { text: value, json: JSON.stringify(value) };
    return lastLong.json;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Strings this long (an edge list's text) keep their JSON form: a sweep hashes the list at every point. */
const LONG = 2 ** 16;
/** The long string quoted last, and its JSON form (quoting 20 MB of lines takes a third of a second). */
let lastLong: { text: string; json: string } | undefined;

/** 64-bit FNV-1a of a string, as 16 hex digits (two 32-bit lanes). */
export function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Hash of the scenario without `seed`, the focal accounts' strategies, or an `inauthentic` block of no accounts. */
export function scenarioHash(s: Scenario): string {
  const { seed: _seed, accounts, inauthentic, ...rest } = s;
  // A world without inauthentic accounts hashes as it did before they existed (same streams).
  const stripped = { ...rest, accounts: accounts.map(({ strategy: _strategy, ...a }) => a), ...(inauthentic?.count > 0 ? { inauthentic } : {}) };
  return fnv1a64(canonicalJson(stripped));
}
