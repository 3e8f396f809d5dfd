import { describe, expect, it } from 'vitest';
import { problemPaths } from '../helpers/problem-paths.js';
import { SALTELLI_MAX_FACTORS, saltelliOutputs, saltelliRows, saltelliSample } from '../../src/sensitivity/saltelli.js';
import { sobolSequence } from '../../src/sensitivity/sobol-sequence.js';

describe('Saltelli design', () => {
  it('is N blocks of A_j, AB_1,j … AB_k,j, B_j, with A_j and B_j the two halves of Sobol point skip + j', () => {
    for (const [k, N, skip] of [[3, 16, 0], [5, 37, 1], [1, 8, 1000]] as const) {
      const x = saltelliSample(k, N, { skip });
      expect(x.length).toBe(saltelliRows(k, N) * k);
      const sobol = sobolSequence(N, 2 * k, skip);
      const row = (r: number) => Array.from(x.subarray(r * k, (r + 1) * k));
      for (let j = 0; j < N; j++) {
        const a = Array.from(sobol.subarray(2 * k * j, 2 * k * j + k));
        const b = Array.from(sobol.subarray(2 * k * j + k, 2 * k * (j + 1)));
        expect(row((k + 2) * j), `A_${j}`).toEqual(a);
        expect(row((k + 2) * j + k + 1), `B_${j}`).toEqual(b);
        for (let i = 0; i < k; i++) expect(row((k + 2) * j + 1 + i), `AB_${i},${j}`).toEqual(a.map((v, c) => (c === i ? b[i] : v)));
      }
    }
  });

  it('A and B are independent halves: no column of A repeats a column of B', () => {
    const k = 4;
    const N = 64;
    const x = saltelliSample(k, N);
    const col = (first: number, c: number) => Array.from({ length: N }, (_, j) => x[((k + 2) * j + first) * k + c]);
    for (let i = 0; i < k; i++) for (let c = 0; c < k; c++) expect(col(0, i)).not.toEqual(col(k + 1, c));
  });

  it('splits outputs back by matrix', () => {
    const k = 2;
    const N = 3;
    // Output = row number, so each matrix's outputs are its row numbers.
    const y = Array.from({ length: saltelliRows(k, N) }, (_, r) => r);
    const { a, b, ab } = saltelliOutputs(y, k, N);
    expect(Array.from(a)).toEqual([0, 4, 8]);
    expect(Array.from(ab[0])).toEqual([1, 5, 9]);
    expect(Array.from(ab[1])).toEqual([2, 6, 10]);
    expect(Array.from(b)).toEqual([3, 7, 11]);
    expect(() => saltelliOutputs(y.slice(1), k, N)).toThrow('y: "11 outputs" — must have one output per design row: N(k + 2) = 3·4 = 12');
  });

  it('rejects bad sizes with a ScenarioError naming each', () => {
    expect(problemPaths(() => saltelliSample(SALTELLI_MAX_FACTORS + 1, 8))).toEqual(['k']);
    expect(problemPaths(() => saltelliSample(0, 0))).toEqual(['k', 'N']);
    expect(problemPaths(() => saltelliSample(2, 8, { skip: -1 }))).toEqual(['skip']);
    expect(SALTELLI_MAX_FACTORS).toBe(128);
  });
});
