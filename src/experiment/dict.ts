/**
 * Records keyed by user strings (strategy labels, metric names): objects without a prototype, so
 * a label such as `__proto__` or `constructor` is an ordinary key, not the object's prototype.
 * @module
 */

/** An empty record with no prototype. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
