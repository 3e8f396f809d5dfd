/**
 * Plain objects: what scenario documents are made of, once parsed.
 * @module
 */

/** A plain (JSON-like) object. */
export type Plain = Record<string, unknown>;

/** True for an object that is not null and not an array. */
export const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy of plain data (objects, arrays, primitives); the core bundle cannot count on `structuredClone`. */
export function clonePlain<T>(x: T): T {
  if (Array.isArray(x)) return x.map(clonePlain) as T;
  if (isPlain(x)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, clonePlain(v)])) as T;
  return x;
}
