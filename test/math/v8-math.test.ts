/**
 * feedsim's ports of V8's fdlibm (src/math) against the engine's own Math.*, bit for bit
 * (Object.is, so −0 and NaN count too).
 *
 * The reference is Node 20's V8 (11.3) on x64, the CI's Node: the ports must return exactly its
 * bits so golden outputs stay put. If a future Node changes its Math (newer V8s compute pow, and
 * may compute sin/cos, with other code), these tests fail and name the V8 version: the ports are
 * then still the specification, and the comparison needs another reference. On other processors
 * Node's own C++ math may be compiled differently (fused multiply-add on arm64), so the comparison
 * runs on x64; the ports' own outputs are pinned by digest everywhere (the last test), which is
 * what keeps a run's numbers the same on every machine and in every engine.
 */
import { describe, expect, it } from 'vitest';
import { cos, exp, expm1, log, log1p, log2, pow, sin } from '../../src/math/index.js';

const V8 = process.versions.v8;

// ---- inputs ----------------------------------------------------------------------------------

/** xorshift32: a small seeded generator (the project never uses Math.random). */
function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const bitsOf = (x: number) => {
  f64[0] = x;
  return u64[0].toString(16).padStart(16, '0');
};
/** The next double towards +Infinity (towards −Infinity for `down`). */
function nextAfter(x: number, down = false): number {
  if (x === 0) return down ? -5e-324 : 5e-324;
  f64[0] = x;
  u64[0] += (x > 0) !== down ? 1n : -1n;
  return f64[0];
}
const withNeighbours = (xs: number[]) => xs.flatMap((x) => (Number.isFinite(x) ? [nextAfter(x, true), x, nextAfter(x)] : [x]));
const withNegatives = (xs: number[]) => xs.flatMap((x) => [x, -x]);

const LN2 = 0.6931471805599453;
const SPECIAL = withNegatives(
  withNeighbours([
    0, Infinity, NaN, 5e-324, 1e-323, 2.225073858507201e-308, 2.2250738585072014e-308, 1, 0.5, 2, 3, 10, 0.1, 1e-10,
    Number.MAX_VALUE, Number.EPSILON, 2 ** -28, 2 ** -29, 2 ** -54, 2 ** -1022, 2 ** 31, 2 ** 52, 2 ** 53, 2 ** 64,
    // exp/expm1 thresholds: overflow, underflow to zero, first subnormal, the reduction's cut points.
    709.782712893384, 7.09782712893383973096e2, -745.1332191019411, -745.1332191019412, -708.3964185322641,
    0.5 * LN2, 1.5 * LN2, 56 * LN2, 1023 * LN2, 1024 * LN2,
    // log/log1p/log2 cut points: sqrt(2), sqrt(2)/2, 1 ± 2^-20, e.
    Math.SQRT2, Math.SQRT1_2, 1 + 2 ** -20, 1 - 2 ** -20, Math.E, -0.2928932188134524, 0.41421356237309503,
  ]),
);

/** Arguments where sin/cos reduction is hardest: near multiples of π/4 and π/2, and huge ones. */
const TRIG_SPECIAL = withNegatives(
  withNeighbours([
    ...Array.from({ length: 129 }, (_, k) => (k * Math.PI) / 4),
    ...[1e3, 1e6, 1e9, 1e15, 1e22, 1e100, 1e300, 2 ** 19 * (Math.PI / 2), 2 ** 20 * Math.PI, 2 ** 1023, 2 ** 1000, 2 ** 60],
    6381956970095103 * 2 ** 797, // the double closest to a multiple of π/2
    5.319372648326541e255,
    0.3,
    0.78125,
    Math.PI / 4 - 1e-17,
  ]),
);

const POW_BASES = withNegatives(
  withNeighbours([0, Infinity, NaN, 5e-324, 2.2250738585072014e-308, 0.5, 1, 2, 3, 8, 10, 1e-300, 1e300, Number.MAX_VALUE, 1.0000001]),
);
const POW_EXPONENTS = withNegatives([
  0, Infinity, NaN, 0.5, 1, 2, 3, 1 / 3, 0.25, 1.5, 10, 52, 53, 63, 64, 307, 308, 309, 1023, 1024, 1074, 1075, 2 ** 31, 2 ** 31 + 1,
  2 ** 53, 2 ** 53 + 2, 2 ** 64, 1e300, 5e-324, 2 ** 52 + 1, 4503599627370497,
]);
const POW_PAIRS: [number, number][] = [
  [0, -1], [-0, -3], [-0, -2], [-0, 3], [-0, 0.5], [-8, 1 / 3], [1, Infinity], [-1, Infinity], [1, -Infinity], [-1, -Infinity],
  [NaN, 0], [NaN, -0], [1, NaN], [-Infinity, 0.5], [-Infinity, 3], [-Infinity, -3], [2, -1074], [2, -1075], [2, 1023], [2, 1024],
  [10, 308], [10, 309], [10, -323], [10, -324], [-2, 1023], [-2, 1024], [-10, 21], [-10, -5], [-1.0000001, 2 ** 40], [0.9999999, 2 ** 40],
  [7, 1.5], [10, -4], [Math.E, 709.78], [2, 0.5], [-2, 0.5], [1e-310, 0.5], [1e-310, -1],
];

// ---- comparison --------------------------------------------------------------------------------

interface Mismatches {
  count: number;
  first: string[];
}

/** Runs port and reference on every input; `show` names an input in the report. */
function compare<T>(inputs: Iterable<T>, port: (t: T) => number, ref: (t: T) => number, show: (t: T) => string): Mismatches {
  const out: Mismatches = { count: 0, first: [] };
  for (const t of inputs) {
    const a = port(t);
    const b = ref(t);
    if (Object.is(a, b)) continue;
    out.count++;
    if (out.first.length < 5) out.first.push(`${show(t)}: port ${a} (${bitsOf(a)}), Math ${b} (${bitsOf(b)})`);
  }
  return out;
}
const compare1 = (port: (x: number) => number, ref: (x: number) => number, xs: Iterable<number>) =>
  compare(xs, port, ref, (x) => `x=${x} (${bitsOf(x)})`);

/** `n` seeded draws of `draw`, without an array. */
function* draws(seed: number, n: number, draw: (r: () => number) => number): Generator<number> {
  const r = generator(seed);
  for (let i = 0; i < n; i++) yield draw(r);
}
const uniform = (a: number, b: number) => (r: () => number) => a + (b - a) * r();
const logUniform = (a: number, b: number) => (r: () => number) => a * (b / a) ** r();

const N = 400_000;
const none: Mismatches = { count: 0, first: [] };

const unary: [string, (x: number) => number, (x: number) => number, [string, (r: () => number) => number][]][] = [
  ['exp', exp, Math.exp, [['[-50, 50]', uniform(-50, 50)], ['[-745, 710]', uniform(-745, 710)]]],
  ['expm1', expm1, Math.expm1, [['[-40, 40]', uniform(-40, 40)], ['[-1, 1]', uniform(-1, 1)]]],
  ['log', log, Math.log, [['(0, 1e300] log-uniform', logUniform(1e-300, 1e300)], ['(0, 1)', (r) => r() || 0.5]]],
  ['log1p', log1p, Math.log1p, [['(-1, 10]', uniform(-1, 10)], ['(1e-20, 1] log-uniform', logUniform(1e-20, 1)]]],
  ['log2', log2, Math.log2, [['[1, 1e9]', uniform(1, 1e9)], ['(0, 1e300] log-uniform', logUniform(1e-300, 1e300)]]],
  [
    'sin',
    sin,
    Math.sin,
    [['[0, 2π)', uniform(0, 2 * Math.PI)], ['[-1e3, 1e3]', uniform(-1e3, 1e3)], ['[-1e9, 1e9]', uniform(-1e9, 1e9)], ['log-uniform to 1e300', logUniform(1e-10, 1e300)]],
  ],
  [
    'cos',
    cos,
    Math.cos,
    [['[0, 2π)', uniform(0, 2 * Math.PI)], ['[-1e3, 1e3]', uniform(-1e3, 1e3)], ['[-1e9, 1e9]', uniform(-1e9, 1e9)], ['log-uniform to 1e300', logUniform(1e-10, 1e300)]],
  ],
];

describe.runIf(process.arch === 'x64')(`src/math equals Math.* of V8 ${V8} bit for bit`, () => {
  unary.forEach(([name, port, ref, domains], f) => {
    describe(name, () => {
      it('special values', () => {
        const xs = name === 'sin' || name === 'cos' ? [...SPECIAL, ...TRIG_SPECIAL] : SPECIAL;
        expect(compare1(port, ref, xs), `${name} vs Math.${name} of V8 ${V8}`).toEqual(none);
      });
      domains.forEach(([label, draw], d) => {
        it(`${Math.round(N / domains.length / 1000)}k seeded inputs on ${label}`, () => {
          expect(compare1(port, ref, draws(1000 * f + d + 1, Math.round(N / domains.length), draw)), `${name} vs Math.${name} of V8 ${V8}`).toEqual(none);
        });
      });
    });
  });

  describe('pow', () => {
    const comparePairs = (pairs: Iterable<[number, number]>) =>
      compare(pairs, ([x, y]) => pow(x, y), ([x, y]) => Math.pow(x, y), ([x, y]) => `${x} ** ${y}`);
    function* pairDraws(seed: number, n: number, x: (r: () => number) => number, y: (r: () => number) => number): Generator<[number, number]> {
      const r = generator(seed);
      for (let i = 0; i < n; i++) yield [x(r), y(r)];
    }
    const message = `pow vs Math.pow of V8 ${V8}`;

    it('special cases: zeros, infinities, NaN, ±1, integer and half exponents, over- and underflow', () => {
      const grid = POW_BASES.flatMap((x) => [...POW_EXPONENTS, ...SPECIAL].map((y): [number, number] => [x, y]));
      expect(comparePairs([...POW_PAIRS, ...grid]), message).toEqual(none);
    });

    const integer = (a: number, b: number) => (r: () => number) => Math.floor(a + (b - a + 1) * r());
    const domains: [string, (r: () => number) => number, (r: () => number) => number][] = [
      ['bases (0, 1e6] log-uniform, exponents [-10, 10]', logUniform(1e-300, 1e6), uniform(-10, 10)],
      ['bases (0, 1), exponents [-10, 10]', (r) => r() || 0.5, uniform(-10, 10)],
      ['bases (0, 1e6] log-uniform, integer exponents [-60, 60]', logUniform(1e-6, 1e6), integer(-60, 60)],
      ['negative bases [-100, 0), integer exponents [-60, 60]', uniform(-100, 0), integer(-60, 60)],
      ['negative bases, non-integer exponents (NaN)', uniform(-100, 0), uniform(-3, 3)],
    ];
    domains.forEach(([label, x, y], d) => {
      it(`${Math.round(N / 4 / 1000)}k seeded pairs: ${label}`, () => {
        expect(comparePairs(pairDraws(9000 + d, Math.round(N / 4), x, y)), message).toEqual(none);
      });
    });
  });
});

/** FNV-1a over the outputs' bit patterns: one number that any changed bit changes. */
function digest(values: Iterable<number>): string {
  let h = 0x811c9dc5;
  for (const v of values) {
    for (const c of bitsOf(v)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

describe('src/math outputs, pinned by digest (every platform and engine)', () => {
  it('20,000 seeded inputs per function give the recorded bits: those of Math.* in Node 20 on x64', () => {
    const r = generator(77);
    const wide = Array.from({ length: 20_000 }, () => (r() - 0.5) * 2 * 10 ** (r() * 6 - 2));
    const positive = wide.map(Math.abs);
    type Unary = (x: number) => number;
    const digests = (f: { exp: Unary; expm1: Unary; log: Unary; log1p: Unary; log2: Unary; pow: (x: number, y: number) => number; sin: Unary; cos: Unary }) => ({
      exp: digest(wide.map((x) => f.exp(x))),
      expm1: digest(wide.map((x) => f.expm1(x))),
      log: digest(positive.map((x) => f.log(x))),
      log1p: digest(positive.map((x) => f.log1p(x))),
      log2: digest(positive.map((x) => f.log2(x))),
      pow: digest(positive.map((x, i) => f.pow(x, wide[(i * 7919) % wide.length] / 100))),
      sin: digest(wide.map((x) => f.sin(x))),
      cos: digest(wide.map((x) => f.cos(x))),
    });
    expect(digests({ exp, expm1, log, log1p, log2, pow, sin, cos })).toEqual(RECORDED);
    // Where the reference runs, the record is Math's own: it was not taken from the ports.
    if (process.arch === 'x64' && V8.startsWith('11.3.')) expect(digests(Math)).toEqual(RECORDED);
  });
});

const RECORDED = { exp: '19aa84bf', expm1: 'b83df60b', log: '25149028', log1p: '24b2617d', log2: '2256f0dd', pow: '6f0685a6', sin: 'c20b2924', cos: 'b391394c' };
