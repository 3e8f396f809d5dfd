import { describe, expect, it } from 'vitest';
import { applyPoint } from '../../src/experiment/design.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { ASSUMPTIONS, assumptionFactors } from '../../src/sensitivity/assumptions.js';
import { factorBase, factorValue, pointOf } from '../../src/sensitivity/factor.js';
import { readFileSync } from 'node:fs';

const presets = [undefined, 'facebook', 'youtube', 'instagram', 'twitch'] as const;

describe('the assumptions a sensitivity study varies', () => {
  it.each(presets)('every applying assumption of %s gives valid scenarios at both ends and in the middle of its range, around the scenario\'s value', (preset) => {
    const scenario = preset ? { extends: preset } : {};
    const factors = assumptionFactors(scenario);
    expect(factors.length).toBeGreaterThan(40);
    const base = resolveScenario(scenario);
    const study = factorBase(scenario, factors);
    // Written out, the graph and the freshness curve resolve exactly as before (same hash, same streams).
    expect(resolveScenario(study)).toEqual(base);
    for (const u of [0, 0.5, 1]) {
      const s = resolveScenario(applyPoint(study, pointOf(factors, factors.map(() => u))));
      expect(s.graph.kind).toBe(base.graph.kind);
      expect(s.content.freshness.kind).toBe(base.content.freshness.kind);
      for (const f of factors.filter((x) => x.kind !== 'switch')) {
        const v = f.path === 'startingFollowers' ? s.accounts[0].startingFollowers : f.path.split('.').reduce<any>((n, k) => n[k], s);
        const hours = typeof v === 'string' ? parseFloat(v) : v;
        // Each factor takes its range's end (within rounding to whole numbers and 4 digits).
        expect(Math.abs(hours - (u === 0 ? f.min : u === 1 ? f.max : hours))).toBeLessThanOrEqual(f.integer ? 0.5 : Math.abs(hours) * 1e-3);
      }
    }
    // A relative range brackets the scenario's own value.
    const follow = factors.find((f) => f.path === 'behavior.follow.base')!;
    expect(follow.min).toBeCloseTo(base.behavior.follow.base / 3, 12);
    expect(follow.max).toBeCloseTo(base.behavior.follow.base * 3, 12);
  });

  it('leaves out what cannot matter: the hybrid weight under another ranker, follow effects without follows', () => {
    const paths = (s: object) => assumptionFactors(s).map((f) => f.path);
    expect(paths({})).not.toContain('feed.inNetworkShare');
    expect(paths({ extends: 'youtube' })).toContain('feed.inNetworkShare');
    expect(paths({ follows: false }).filter((p) => p.startsWith('behavior.follow.'))).toEqual([]);
    expect(paths({ accountSignalCarryover: 0 })).toContain('accountSignalCarryover');
  });

  it('maps the unit interval onto each kind of factor', () => {
    expect(factorValue({ path: 'x', min: 1, max: 100, log: true }, 0.5)).toBeCloseTo(10, 10);
    expect(factorValue({ path: 'x', min: 4, max: 16, log: true, integer: true }, 0.5)).toBe(8);
    expect(factorValue({ path: 'x', min: 0, max: 1, kind: 'switch' }, 0.49)).toBe(false);
    expect(factorValue({ path: 'x', min: 0, max: 1, kind: 'switch' }, 0.5)).toBe(true);
    expect(factorValue({ path: 'x', min: 240, max: 2160, log: true, kind: 'duration' }, 0)).toBe('240h');
  });

  it('docs/sensitivity.md lists every assumption', () => {
    const doc = readFileSync(new URL('../../docs/sensitivity.md', import.meta.url), 'utf8');
    const missing = ASSUMPTIONS.map((a) => a.path).filter((p) => !doc.includes(`\`${p}\``));
    expect(missing).toEqual([]);
  });
});
