/**
 * In-place radix-2 fast Fourier transform of a complex sequence held as two Float64Arrays. The
 * generating-function inversions of the meme-popularity validation (Gleeson et al. 2014,
 * supplement S2: a distribution's coefficients from its generating function on the unit circle)
 * need one transform of a few hundred thousand points; no dependency offers one for typed arrays.
 * @module
 */
import * as math from '../math/index.js';

/**
 * Transforms (`re`, `im`) in place: X_k = Σ_n x_n·e^(∓2πi·nk/M) (minus sign forward, plus
 * inverse; no 1/M factor). The length M must be a power of two.
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (im.length !== n || n === 0 || (n & (n - 1)) !== 0) throw new RangeError(`fft: length ${n} (imaginary ${im.length}) must be one power of two`);
  // Bit-reversal permutation.
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i];
      re[i] = re[j];
      re[j] = tr;
      const ti = im[i];
      im[i] = im[j];
      im[j] = ti;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    // Twiddles from cos/sin per index, not by repeated multiplication, so rounding does not build up.
    const step = (sign * 2 * Math.PI) / len;
    for (let k = 0; k < half; k++) {
      const wr = math.cos(step * k);
      const wi = math.sin(step * k);
      for (let i = k; i < n; i += len) {
        const j = i + half;
        const xr = re[j] * wr - im[j] * wi;
        const xi = re[j] * wi + im[j] * wr;
        re[j] = re[i] - xr;
        im[j] = im[i] - xi;
        re[i] += xr;
        im[i] += xi;
      }
    }
  }
}
