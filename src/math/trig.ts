/*
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * Ported from V8's adaptation (src/base/ieee754.cc), Copyright the V8 project authors, BSD-3-Clause.
 */
/**
 * sin and cos exactly as V8 11.3 (Node 20, built without V8_USE_LIBM_TRIG_FUNCTIONS) computes
 * Math.sin and Math.cos: fdlibm's s_sin.c / s_cos.c with the kernels k_sin.c and k_cos.c, as V8
 * adapted them in src/base/ieee754.cc.
 *
 * The cos kernel is fdlibm 5.3's (|x| > 0.3 subtracts qx = |x|/4 rounded, or 0.28125, from both
 * parts so 1 − qx and x²/2 − qx are exact), not FreeBSD msun's later rewrite
 * (w = 1 − x²/2 with a compensated tail), which rounds differently.
 * @module
 */
import { fromWords, highWord } from './words.js';
import { remPio2, remPio2Y } from './rem-pio2.js';

const S1 = -1.66666666666666324348e-1; // 0xBFC55555, 0x55555549
const S2 = 8.33333333332248946124e-3; // 0x3F811111, 0x1110F8A6
const S3 = -1.98412698298579493134e-4; // 0xBF2A01A0, 0x19C161D5
const S4 = 2.75573137070700676789e-6; // 0x3EC71DE3, 0x57B1FE7D
const S5 = -2.50507602534068634195e-8; // 0xBE5AE5E6, 0x8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A, 0x5ACFD57C

/**
 * sin(x + y) on [−π/4, π/4], y the tail of x; iy = 0 says y is zero (no reduction happened).
 * sin(x) ~ x + S1·x³ + … + S6·x¹³ (error <= 2^-58), with sin'(x)·y ~ (1 − x²/2)·y for the tail.
 */
function kernelSin(x: number, y: number, iy: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^-27 ((int)x == 0 always holds here)
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

const C1 = 4.16666666666666019037e-2; // 0x3FA55555, 0x5555554C
const C2 = -1.38888888888741095749e-3; // 0xBF56C16C, 0x16C15177
const C3 = 2.48015872894767294178e-5; // 0x3EFA01A0, 0x19CB1590
const C4 = -2.75573143513906633035e-7; // 0xBE927E4F, 0x809C52AD
const C5 = 2.08757232129817482790e-9; // 0x3E21EE9E, 0xBDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9, 0xBE8838D4

/**
 * cos(x + y) on [−π/4, π/4], y the tail of x. cos(x) ~ 1 − x²/2 + C1·x⁴ + … + C6·x¹⁴
 * (error <= 2^-58), and cos(x + y) ~ cos(x) − x·y.
 */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27 ((int)x == 0 always holds here)
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // qx: |x|/4 with the low word cleared (0.28125 above 0.78125), so both differences are exact.
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}

/** sin(n·π/2 + y0 + y1) for |y0 + y1| <= π/4: n & 3 picks the kernel and the sign. */
function sinOfQuadrant(n: number, y0: number, y1: number): number {
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, 1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, 1);
    default:
      return -kernelCos(y0, y1);
  }
}

/** Sine of x radians, bit-identical to Node 20's Math.sin. */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0); // |x| ~< π/4
  if (ix >= 0x7ff00000) return x - x; // sin(Inf or NaN) is NaN
  const n = remPio2(x);
  return sinOfQuadrant(n, remPio2Y[0], remPio2Y[1]);
}

/** Cosine of x radians, bit-identical to Node 20's Math.cos. */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| ~< π/4
  if (ix >= 0x7ff00000) return x - x; // cos(Inf or NaN) is NaN
  // cos(x) = sin(x + π/2): fdlibm's cos switch is sin's, one quadrant on (same kernels, same signs).
  const n = remPio2(x);
  return sinOfQuadrant(n + 1, remPio2Y[0], remPio2Y[1]);
}
