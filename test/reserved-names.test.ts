import { describe, expect, it } from 'vitest';
import { compare, formatComparison } from '../src/index.js';

// Strategy labels are user strings: names JavaScript objects know must be ordinary keys in every
// output (issue 20, class 2). `__proto__` as a label vanished from summary, differences and economics.
const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

describe('reserved names as strategy labels', () => {
  it('reach every per-strategy output of compare, and survive JSON', async () => {
    const r = await compare({
      scenario: { users: 300, cycles: 2, stepsPerCycle: 4 },
      strategies: RESERVED.map((label, i) => ({ kind: i % 2 ? 'follow-building' : 'like-chasing', label })),
      replicates: 2,
    });
    const back = JSON.parse(JSON.stringify(r));
    for (const label of RESERVED) {
      for (const field of ['summary', 'economics', 'spendPerCycle', 'probabilityAhead'] as const) {
        expect(Object.hasOwn(r[field], label), `${field}.${label}`).toBe(true);
        expect(Object.hasOwn(back[field], label), `JSON ${field}.${label}`).toBe(true);
      }
      expect(r.summary[label].cumulativeNet).toHaveLength(2);
    }
    for (const label of RESERVED.slice(1)) expect(Object.hasOwn(r.differences, label), `differences.${label}`).toBe(true);
    expect(formatComparison(r)).toContain('__proto__');
  });
});
