/**
 * Paths of every NaN or ±Infinity inside a value (objects, arrays and typed arrays), so a test
 * can say exactly where a non-finite number appeared. `null` is allowed: it is how ratios with a
 * zero denominator are written.
 */
export function nonFinitePaths(value: unknown, path = '', out: string[] = [], limit = 20): string[] {
  if (out.length >= limit) return out;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path || '(value)'} = ${value}`);
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const xs = value as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < xs.length && out.length < limit; i++) {
      const x = xs[i];
      if (typeof x === 'number' && !Number.isFinite(x)) out.push(`${path}[${i}] = ${x}`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((x, i) => nonFinitePaths(x, `${path}[${i}]`, out, limit));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, x] of Object.entries(value)) nonFinitePaths(x, path ? `${path}.${k}` : k, out, limit);
  }
  return out;
}
