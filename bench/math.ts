/**
 * feedsim's fdlibm ports (src/math) against the engine's Math.*: ns per call over 10⁵ seeded
 * inputs from the domains the simulator uses, port and Math timed in alternation, medians of
 * several rounds, and their ratio. The results are summed (and the sums compared) so no call is
 * optimised away.
 *
 *   npx tsx bench/math.ts [--rounds 15]
 */
import { cos, exp, expm1, log, log1p, log2, pow, sin } from '../src/math/index.js';
import { uniformStream } from '../src/rng.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rounds = Number(arg('rounds', '15'));
const SIZE = 100_000;

type Fn = (x: number, y: number) => number;
type Loop = (xs: Float64Array, ys: Float64Array) => number;

/**
 * A summing loop over `f`. Each call compiles a fresh copy of the loop, so every benchmarked
 * function gets its own call site that the optimiser can inline into (one shared loop would go
 * megamorphic and time the indirect call instead of the function).
 */
function summingLoop(f: Fn): Loop {
  const make = new Function('f', 'return function loop(xs, ys) { let s = 0; for (let i = 0; i < xs.length; i++) s += f(xs[i], ys[i]); return s; };') as (f: Fn) => Loop;
  return make(f);
}

/** Seeded inputs: `draw` maps a uniform [0, 1) draw into the domain. */
function inputs(seed: string, draw: (u: number) => number): Float64Array {
  const next = uniformStream(seed);
  return Float64Array.from({ length: SIZE }, () => draw(next()));
}
const uniform = (a: number, b: number) => (u: number) => a + (b - a) * u;
const logUniform = (a: number, b: number) => (u: number) => Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * u);

const cases: { name: string; domain: string; port: Fn; math: Fn; xs: Float64Array; ys: Float64Array }[] = [
  { name: 'exp', domain: '[-50, 50]', port: exp, math: Math.exp, xs: inputs('exp', uniform(-50, 50)), ys: new Float64Array(SIZE) },
  { name: 'expm1', domain: '[-40, 40]', port: expm1, math: Math.expm1, xs: inputs('expm1', uniform(-40, 40)), ys: new Float64Array(SIZE) },
  { name: 'log', domain: '(0, 1e300] log-uniform', port: log, math: Math.log, xs: inputs('log', logUniform(1e-300, 1e300)), ys: new Float64Array(SIZE) },
  { name: 'log1p', domain: '(-1, 10]', port: log1p, math: Math.log1p, xs: inputs('log1p', uniform(-1, 10)), ys: new Float64Array(SIZE) },
  { name: 'log2', domain: '[1, 1e9]', port: log2, math: Math.log2, xs: inputs('log2', uniform(1, 1e9)), ys: new Float64Array(SIZE) },
  { name: 'pow', domain: '(0, 1e6] ** [-10, 10]', port: pow, math: Math.pow, xs: inputs('pow-x', logUniform(1e-6, 1e6)), ys: inputs('pow-y', uniform(-10, 10)) },
  { name: 'sin', domain: '[-1e3, 1e3]', port: sin, math: Math.sin, xs: inputs('sin', uniform(-1e3, 1e3)), ys: new Float64Array(SIZE) },
  { name: 'cos', domain: '[-1e3, 1e3]', port: cos, math: Math.cos, xs: inputs('cos', uniform(-1e3, 1e3)), ys: new Float64Array(SIZE) },
];

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
/** ns per call of one pass of `loop`, and the pass's sum. */
function time(loop: Loop, xs: Float64Array, ys: Float64Array): [number, number] {
  const t0 = process.hrtime.bigint();
  const sum = loop(xs, ys);
  return [Number(process.hrtime.bigint() - t0) / xs.length, sum];
}

console.log(`Node ${process.version} (V8 ${process.versions.v8}), ${SIZE} inputs, median of ${rounds} rounds\n`);
console.log('function  domain                    port ns  Math ns  port/Math');
for (const c of cases) {
  const portLoop = summingLoop(c.port);
  const mathLoop = summingLoop(c.math);
  for (let w = 0; w < 3; w++) {
    portLoop(c.xs, c.ys); // warm-up: let both loops reach optimised code
    mathLoop(c.xs, c.ys);
  }
  const portNs: number[] = [];
  const mathNs: number[] = [];
  let portSum = 0;
  let mathSum = 0;
  for (let r = 0; r < rounds; r++) {
    const [p, ps] = time(portLoop, c.xs, c.ys);
    const [m, ms] = time(mathLoop, c.xs, c.ys);
    portNs.push(p);
    mathNs.push(m);
    portSum = ps;
    mathSum = ms;
  }
  // The sums are also a cheap end-to-end check: the port returns Math's bits in Node 20.
  const same = Object.is(portSum, mathSum) ? '' : `  (sums differ: ${portSum} vs ${mathSum})`;
  const [p, m] = [median(portNs), median(mathNs)];
  console.log(`${c.name.padEnd(10)}${c.domain.padEnd(26)}${p.toFixed(1).padStart(7)}  ${m.toFixed(1).padStart(7)}  ${(p / m).toFixed(2).padStart(9)}${same}`);
}
