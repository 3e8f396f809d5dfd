/**
 * Plain objects: what scenario documents are made of, once parsed.
 * @module
 */

/** A plain (JSON-like) object. */
export type Plain = Record<string, unknown>;

/** True for an object that is not null and not an array. */
export const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
