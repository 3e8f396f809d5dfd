/**
 * The whole-number test that option checks share (world options, experiment options).
 * @module
 */

/** 2³¹: seeds are 32-bit integers in [−2³¹, 2³¹ − 1]. */
export const INT32 = 2 ** 31;

/** True for a number that is an integer in [min, max]. */
export const isWhole = (x: unknown, min: number, max = Infinity): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
