import { describe, expect, it } from 'vitest';
import { uniformStream } from '../src/index.js';
import { fitPowerLaw } from './helpers/power-law.js';

describe('Clauset–Shalizi–Newman fit', () => {
  it('recovers the exponent of synthetic power-law data and accepts it', () => {
    const rand = uniformStream('pl');
    const alpha = 2.5;
    const xs = Array.from({ length: 5000 }, () => Math.floor(0.5 * Math.pow(1 - rand(), -1 / (alpha - 1)) + 0.5)).filter((x) => x >= 1);
    const fit = fitPowerLaw(xs, uniformStream('pl-boot'), 20);
    // α's standard error is (α − 1)/√n_tail (CSN eq. 3.2): within 4 SE.
    expect(Math.abs(fit.alpha - alpha)).toBeLessThan(4 * ((fit.alpha - 1) / Math.sqrt(fit.tail)) + 0.1);
    expect(fit.p).toBeGreaterThan(0.05);
  });

  it('finds where the power-law tail starts (x_min) above a different body', () => {
    const rand = uniformStream('mix');
    const xs = Array.from({ length: 6000 }, () =>
      rand() < 0.5 ? 1 + Math.floor(rand() * 9) : Math.floor(9.5 * Math.pow(1 - rand(), -1 / 1.5) + 0.5),
    );
    const fit = fitPowerLaw(xs, uniformStream('mix-boot'), 10);
    expect(fit.xmin).toBeGreaterThanOrEqual(8);
    expect(fit.xmin).toBeLessThanOrEqual(16);
    expect(Math.abs(fit.alpha - 2.5)).toBeLessThan(4 * ((fit.alpha - 1) / Math.sqrt(fit.tail)) + 0.1);
  });
});
