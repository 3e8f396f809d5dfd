/**
 * feedsim's own exp, expm1, log, log1p, log2, pow, sin and cos: pure-TypeScript ports of the
 * fdlibm code V8 11.3 (Node 20) runs for Math.*, so a run gives the same bits in every engine
 * (newer V8s, as in Chromium, compute these functions differently in the last bit). In Node 20
 * each returns exactly what the corresponding Math function returns; test/math/v8-math.test.ts
 * checks that.
 * @module
 */
export { exp, expm1 } from './exp.js';
export { log, log1p, log2 } from './log.js';
export { pow } from './pow.js';
export { cos, sin } from './trig.js';
export { gammaln } from './gammaln.js';
export { probit } from './probit.js';
