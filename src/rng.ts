/**
 * Randomness. Every draw in feedsim comes from seedrandom: seeds are derived with seedrandom's
 * ARC4 generator (`deriveSeed`), and draws are made with seedrandom's xor128 algorithm, ported
 * here to plain numbers so the hot loop allocates nothing. `test/rng.test.ts` proves the port
 * emits exactly `seedrandom.xor128(seed)`'s sequence.
 *
 * Streams are keyed, never shared: a stream for (purpose, step) or (purpose, user, step) is
 * `xor128(hashKey(key, a, b))`, so draws that must stay aligned across strategies (who is active,
 * who posts organically) do not depend on what happened earlier in the run.
 * @module
 */
import seedrandom from 'seedrandom';
import * as math from './math/index.js';

/** State of one xor128 generator (Marsaglia 2003), as in seedrandom's `lib/xor128.js`. */
export interface Xor128 {
  x: number;
  y: number;
  z: number;
  w: number;
}

const TWO_POW_32 = 0x100000000;

/** A new generator state, all zeros: seed it with {@link seedXor128}. */
export function createXor128(): Xor128 {
  return { x: 0, y: 0, z: 0, w: 0 };
}

/** The next 32-bit signed integer (seedrandom's `prng.int32()`). */
export function nextInt32(s: Xor128): number {
  const t = s.x ^ (s.x << 11);
  s.x = s.y;
  s.y = s.z;
  s.z = s.w;
  return (s.w ^= (s.w >>> 19) ^ t ^ (t >>> 8));
}

/** The next uniform draw in [0, 1) (seedrandom's `prng()`). */
export function nextFloat(s: Xor128): number {
  const t = s.x ^ (s.x << 11);
  s.x = s.y;
  s.y = s.z;
  s.z = s.w;
  s.w ^= (s.w >>> 19) ^ t ^ (t >>> 8);
  return (s.w >>> 0) / TWO_POW_32;
}

/**
 * Seeds `s` in place exactly as `seedrandom.xor128(seed)` does: an integer seed goes in `x`,
 * a string seed is mixed in character by character, then 64 values are discarded.
 */
export function seedXor128(s: Xor128, seed: number | string): Xor128 {
  s.x = 0;
  s.y = 0;
  s.z = 0;
  s.w = 0;
  let str = '';
  if (typeof seed === 'number' && seed === (seed | 0)) s.x = seed;
  else str = String(seed);
  const rounds = str.length + 64;
  for (let k = 0; k < rounds; k++) {
    s.x ^= str.charCodeAt(k) | 0;
    nextInt32(s);
  }
  return s;
}

/** A uniform [0, 1) function over a fresh xor128 stream (for set-up code, not the hot loop). */
export function uniformStream(seed: number | string): () => number {
  const s = seedXor128(createXor128(), seed);
  return () => nextFloat(s);
}

/**
 * A 32-bit seed derived from any list of parts with seedrandom's default generator (ARC4).
 * Used for the few seeds per run: (master seed, scenario hash, replicate, purpose).
 */
export function deriveSeed(...parts: Array<string | number>): number {
  return seedrandom(parts.join('\u241f')).int32() | 0;
}

/** Murmur3's 32-bit finaliser: an avalanche mix of one integer. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Hashes a stream key with two integers (typically user and step) to a non-zero 32-bit seed.
 * Zero is avoided because xor128 seeded with 0 emits only zeros.
 */
export function hashKey(key: number, a: number, b: number): number {
  let h = fmix32(key ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(a | 0, 0xcc9e2d51));
  h = fmix32(h ^ Math.imul(b | 0, 0x1b873593));
  return h === 0 ? 1 : h;
}

/**
 * xor128's step only shifts and xors, so it is linear over GF(2), and so are its 64 discarded
 * seeding steps: the seeded state is the xor of the seeded states of the seed's four bytes.
 * Row `(byte position · 256 + byte value)` holds one such state (x, y, z, w): 16 KB.
 */
const SEEDED_BYTE = (() => {
  const table = new Int32Array(4 * 256 * 4);
  const s = createXor128();
  for (let p = 0; p < 4; p++) {
    for (let v = 0; v < 256; v++) {
      seedXor128(s, v << (8 * p));
      table.set([s.x, s.y, s.z, s.w], (p * 256 + v) * 4);
    }
  }
  return table;
})();

/**
 * Seeds `s` as the keyed stream `xor128(hashKey(key, a, b))` — exactly `seedXor128` with an
 * integer seed, its 64 discarded values taken from {@link SEEDED_BYTE} (16 lookups instead of 64
 * steps) because every session does it.
 */
export function seedKeyed(s: Xor128, key: number, a: number, b: number): Xor128 {
  const h = hashKey(key, a, b);
  const t = SEEDED_BYTE;
  const r0 = (h & 255) << 2;
  const r1 = (256 + ((h >>> 8) & 255)) << 2;
  const r2 = (512 + ((h >>> 16) & 255)) << 2;
  const r3 = (768 + (h >>> 24)) << 2;
  s.x = t[r0] ^ t[r1] ^ t[r2] ^ t[r3];
  s.y = t[r0 + 1] ^ t[r1 + 1] ^ t[r2 + 1] ^ t[r3 + 1];
  s.z = t[r0 + 2] ^ t[r1 + 2] ^ t[r2 + 2] ^ t[r3 + 2];
  s.w = t[r0 + 3] ^ t[r1 + 3] ^ t[r2 + 3] ^ t[r3 + 3];
  return s;
}

/** A standard normal draw (Box–Muller; one of the pair is discarded to stay stateless). */
export function normal(next: () => number): number {
  let u = next();
  while (u <= 0) u = next();
  return Math.sqrt(-2 * math.log(u)) * math.cos(2 * Math.PI * next());
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000, with the shape < 1 boost). */
export function gamma(shape: number, next: () => number): number {
  if (shape < 1) {
    let u = next();
    while (u === 0) u = next();
    return gamma(shape + 1, next) * math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(next);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (math.log(u) < 0.5 * x * x + d * (1 - v + math.log(v))) return d * v;
  }
}

/** Purposes of the named streams of one replicate. Adding one never shifts the others. */
export const Purpose = {
  graph: 'graph',
  population: 'population',
  audience: 'audience',
  activity: 'activity',
  posting: 'posting',
  session: 'session',
  paid: 'paid',
  creators: 'creators',
  reach: 'reach',
  market: 'market',
  inauthentic: 'inauthentic',
} as const;
