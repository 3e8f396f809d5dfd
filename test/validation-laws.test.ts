import { describe, expect, it } from 'vitest';
import { createWorld, presets, readPost, step } from '../src/index.js';
import { popularityPlot, renderSvg } from '../src/plots/index.js';
import { uniformStream } from '../src/rng.js';
import { binomialLaw, complementary, lawMean, totalProgenyLaw } from '../src/validation/branching.js';
import { fft } from '../src/validation/fft.js';
import { gleesonFirstRetweetExact, gleesonPopularity, gleesonRegularExact, gleesonRegularOffspring } from '../src/validation/gleeson.js';
import { memeCompetitionLaws, memeCompetitionMean, memeCompetitionPopularity } from '../src/validation/meme-competition.js';
import { gaussLegendre } from '../src/validation/quadrature.js';
import { regularDigraph } from './helpers/regular-digraph.js';
import { windowExponent } from './helpers/window-exponent.js';

// The numerical pieces of the meme-popularity validation (docs/validation.md, Gleeson et al. 2014).
describe('FFT and quadrature', () => {
  it('the FFT equals the direct discrete Fourier transform, and inverts', () => {
    const rand = uniformStream('fft');
    const n = 64;
    const re = Float64Array.from({ length: n }, () => rand() - 0.5);
    const im = Float64Array.from({ length: n }, () => rand() - 0.5);
    const [r0, i0] = [re.slice(), im.slice()];
    fft(re, im);
    for (const k of [0, 1, 7, 33, 63]) {
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        const a = (-2 * Math.PI * j * k) / n;
        sr += r0[j] * Math.cos(a) - i0[j] * Math.sin(a);
        si += r0[j] * Math.sin(a) + i0[j] * Math.cos(a);
      }
      expect(re[k]).toBeCloseTo(sr, 12);
      expect(im[k]).toBeCloseTo(si, 12);
    }
    fft(re, im, true);
    for (let j = 0; j < n; j++) expect(re[j] / n).toBeCloseTo(r0[j], 12);
    expect(() => fft(new Float64Array(6), new Float64Array(6))).toThrow(/power of two/);
  });

  it('Gauss–Legendre with n nodes integrates u^k exactly on [0, 1] for k ≤ 2n − 1', () => {
    for (const n of [1, 5, 56]) {
      const { nodes, weights } = gaussLegendre(n);
      for (const k of [0, 1, 2 * n - 1]) {
        let s = 0;
        for (let i = 0; i < n; i++) s += weights[i] * nodes[i] ** k;
        expect(s).toBeCloseTo(1 / (k + 1), 12);
      }
    }
  });
});

describe('total progeny of a branching process', () => {
  it('counts the root alone at 0 generations and the root and its children at 1', () => {
    const root = binomialLaw(3, 0.4);
    expect(totalProgenyLaw({ root, offspring: root, generations: 0, points: 16 })[1]).toBeCloseTo(1, 12);
    const one = totalProgenyLaw({ root, offspring: root, generations: 1, points: 16 });
    for (let k = 0; k <= 3; k++) expect(one[k + 1]).toBeCloseTo(root[k], 12);
  });

  it('matches a direct Galton–Watson simulation (4 binomial SE)', () => {
    const off = binomialLaw(4, 0.22);
    const law = complementary(totalProgenyLaw({ root: off, offspring: off, generations: Infinity, points: 1 << 12 }));
    const rand = uniformStream('gw');
    const draw = () => {
      let k = 0;
      for (let i = 0; i < 4; i++) if (rand() < 0.22) k++;
      return k;
    };
    const trees = 20_000;
    const sizes = Array.from({ length: trees }, () => {
      let size = 1;
      let alive = 1;
      while (alive > 0) {
        let next = 0;
        for (let i = 0; i < alive; i++) next += draw();
        size += next;
        alive = next;
      }
      return size;
    });
    for (const k of [2, 3, 5, 10, 30]) {
      const p = sizes.filter((x) => x >= k).length / trees;
      expect(Math.abs(p - law[k])).toBeLessThan(4 * Math.sqrt((law[k] * (1 - law[k])) / trees));
    }
  });
});

describe('Gleeson et al. (2014), Eq. (2) at a → ∞', () => {
  it('the FFT solution equals the closed form for z-regular out-degrees, sums to 1 and has mean 1/μ', () => {
    const z = 10;
    for (const mu of [0.1, 0.02]) {
      const q = gleesonPopularity({ z, mu });
      const exact = gleesonRegularExact(z, mu, 3000);
      // FFT rounding is absolute (~1e-16): relative agreement where the probability is not tiny.
      for (const n of [1, 2, 10, 100, 1000, 3000]) expect(Math.abs(q[n] - exact[n])).toBeLessThan(1e-13 + 1e-7 * exact[n]);
      expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 8);
      expect(lawMean(q)).toBeCloseTo(1 / mu, 4);
      // The same law as the Galton–Watson process with Binomial(z + 1, (1 − μ)/(z + 1)) offspring.
      const gw = totalProgenyLaw({ root: gleesonRegularOffspring(z, mu), offspring: gleesonRegularOffspring(z, mu), generations: Infinity });
      for (const n of [1, 5, 50, 500]) expect(Math.abs(gw[n] - q[n])).toBeLessThan(1e-13 + 1e-7 * q[n]);
    }
  });

  it('the tail steepens with μ and tends to n^(−3/2) as μ → 0', () => {
    const slopes = [0.1, 0.01, 0.001].map((mu) => windowExponent(gleesonPopularity({ z: 10, mu, points: 1 << 17 }), 100, 1000));
    expect(slopes[0]).toBeGreaterThan(slopes[1]);
    expect(slopes[1]).toBeGreaterThan(slopes[2]);
    expect(Math.abs(slopes[2] - 1.5)).toBeLessThan(0.01);
  });

  it('the exact first-retweet probability equals its integral over the innovator’s next action time', () => {
    const z = 10;
    const mu = 0.05;
    let none = 0;
    const dt = 1e-4;
    for (let t = dt / 2; t < 30; t += dt) {
      const p = ((1 - mu) * (1 - Math.exp(-z * t))) / z;
      none += Math.exp(-t) * dt * (1 - p) ** z * (1 - (1 - mu) * Math.exp(-z * t));
    }
    expect(gleesonFirstRetweetExact(z, mu)).toBeCloseTo(1 - none, 6);
    // Eq. (2)'s value, with the screens treated as independent, is lower.
    expect(1 - (1 - (1 - mu) / (z + 1)) ** (z + 1)).toBeLessThan(gleesonFirstRetweetExact(z, mu) - 0.01);
  });
});

describe('the meme-competition reduction', () => {
  it('each reshare has one parent: P·m_new + r·m_reshare = r, and the mean popularity is 1/μ_eff', () => {
    for (const [P, s] of [[0.02, 0.98], [0.1, 0.5]]) {
      const laws = memeCompetitionLaws({ z: 10, postProbability: P, shareProbability: s });
      expect(P * lawMean(laws.root) + laws.reshareRate * lawMean(laws.offspring)).toBeCloseTo(laws.reshareRate, 10);
      expect(memeCompetitionMean(laws)).toBeCloseTo(1 / laws.muEffective, 8);
      const law = memeCompetitionPopularity({ z: 10, postProbability: P, shareProbability: s, lifetime: 2000, points: 1 << 15 });
      expect(lawMean(law)).toBeCloseTo(1 / laws.muEffective, 4);
    }
  });

  it('presets.memeCompetition builds a valid world whose posts are new memes and reshares only, and rejects μ outside (0, 1)', () => {
    const graph = regularDigraph(500, 10, uniformStream('preset-graph'));
    for (let u = 0; u < 500; u++) expect(graph.offsets[u + 1] - graph.offsets[u]).toBe(10);
    const setup = presets.memeCompetition({ graph, innovation: 0.05, lifetime: 20, steps: 40 });
    const w = createWorld(setup.scenario, { graph: setup.graph! });
    step(w, 40);
    let memes = 0;
    let reshares = 0;
    for (let s = 0; s <= w.posts.mask; s++) {
      const p = readPost(w.posts, s);
      if (p.serial < 0 || p.created < 20) continue;
      memes++;
      reshares += p.engagements;
    }
    // Each user posts with probability 0.05 a step; reshares per meme near (1 − μ_eff)/μ_eff = 19 (lifetime and start-up cut it).
    expect(memes).toBeGreaterThan(0.05 * 500 * 20 * 0.6);
    expect(reshares / memes).toBeGreaterThan(5);
    for (const innovation of [0, 1, Number.NaN]) expect(() => presets.memeCompetition({ graph, innovation, lifetime: 10, steps: 10 })).toThrow(/innovation/);
  });

  it('a lifetime of one step counts the new post and its first reshares only', () => {
    const laws = memeCompetitionLaws({ z: 10, postProbability: 0.02, shareProbability: 0.98 });
    const law = memeCompetitionPopularity({ z: 10, postProbability: 0.02, shareProbability: 0.98, lifetime: 1, points: 64 });
    for (let k = 0; k <= 10; k++) expect(law[k + 1]).toBeCloseTo(laws.root[k], 12);
  });
});

describe('window exponent and the popularity chart', () => {
  it('recovers the exponent of an exact power law on its window', () => {
    const w = Float64Array.from({ length: 1001 }, (_, n) => (n === 0 ? 0 : n ** -1.5));
    expect(windowExponent(w, 100, 1000)).toBeCloseTo(1.5, 6);
    expect(windowExponent(w, 10, 50)).toBeCloseTo(1.5, 6);
  });

  it('renders theory lines and simulated points on log axes', async () => {
    const svg = await renderSvg(popularityPlot([{ panel: 'μ = 0.02', series: [{ series: 'μ = 0.02', theory: [{ n: 1, p: 1 }, { n: 10, p: 0.3 }, { n: 100, p: 0.05 }], simulated: [{ n: 10, p: 0.31 }, { n: 100, p: 0 }] }] }], { title: 'Meme popularity' }));
    expect(svg).toContain('Meme popularity');
    expect(svg).toContain('<svg');
  });
});
