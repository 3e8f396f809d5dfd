/**
 * The two 32-bit halves of an IEEE-754 double, as fdlibm's GET_HIGH_WORD / GET_LOW_WORD /
 * INSERT_WORDS / SET_HIGH_WORD / SET_LOW_WORD macros see them. One module-level buffer serves
 * every call (a JS isolate is single-threaded), so the ported functions allocate nothing.
 *
 * C types are mirrored as follows: a high word comes back as an int32 (`int32_t hx`), a low word
 * as a uint32 (`uint32_t lx`); callers that need the other signedness apply `| 0` or `>>> 0`.
 * Writing goes through typed-array stores, which wrap modulo 2^32 exactly like C's conversion to
 * a 32-bit word, so either signedness may be passed in.
 * @module
 */

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const u32 = new Uint32Array(f64.buffer);

// The word order in memory follows the platform's byte order (V8 picks it at compile time;
// we check once at load).
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** The sign, exponent and top 20 mantissa bits of `x`, as a signed 32-bit integer. */
export function highWord(x: number): number {
  f64[0] = x;
  return i32[HI];
}

/** The low 32 mantissa bits of `x`, as an unsigned 32-bit integer. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}

/** The double whose high word is `hi` and low word is `lo` (INSERT_WORDS). */
export function fromWords(hi: number, lo: number): number {
  i32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

/** `x` with its high word replaced by `hi` (SET_HIGH_WORD). */
export function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  i32[HI] = hi;
  return f64[0];
}

/** `x` with its low word replaced by `lo` (SET_LOW_WORD); `withLowWord(x, 0)` keeps the top 21 bits. */
export function withLowWord(x: number, lo: number): number {
  f64[0] = x;
  u32[LO] = lo;
  return f64[0];
}

/**
 * x · 2^n rounded once, as C's scalbn (exact unless the result over- or underflows). Large |n| is
 * applied in steps that keep the intermediate normal, so a subnormal result is rounded only once
 * (the musl scheme; any correct scalbn gives these bits).
 */
export function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= 8.98846567431158e307; // 2^1023
    n -= 1023;
    if (n > 1023) {
      y *= 8.98846567431158e307;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    y *= 2.004168360008973e-292; // 2^-969 = 2^-1022 · 2^53: the product stays normal
    n += 969;
    if (n < -1022) {
      y *= 2.004168360008973e-292;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return y * fromWords((0x3ff + n) << 20, 0);
}
