import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartSvg, niceTicks, tickLabel } from '../playground/chart.js';
import { finalTable, netOf } from '../playground/table.js';
import { formatHeadline, money } from '../src/experiment/format.js';
import { ASSUMPTION_CONTROLS, PRESET_CHOICES, RECIPE_CONTROLS, STRATEGY_KINDS, assumptionRanges, rangeReason } from '../playground/controls.js';
import { stateFromHash, stateToHash } from '../playground/hash.js';
import { scenarioYaml, stateFromDocument, stateFromFile } from '../playground/scenario-doc.js';
import { defaultState, runRequest, valueAt, type PlaygroundState } from '../playground/state.js';
import { fitOptions, fittedState, type FitRequest } from '../playground/fit-request.js';
import type { FitResult } from '../src/calibrate/fit.js';
import { readFileSync } from 'node:fs';
import { compare, labelStrategies, summarise, summaryOptions } from '../src/experiment/compare.js';
import type { RunOutput } from '../src/experiment/run.js';
import { resolveScenario } from '../src/scenario/resolve.js';
import { scenarioHash } from '../src/scenario/hash.js';
import { assumptionFactors } from '../src/sensitivity/assumptions.js';

// The playground's logic without a browser (test/browser/playground.browser.ts drives the page).

/** Any state the page can hold: every control set or not, to any double. */
const states: fc.Arbitrary<PlaygroundState> = fc.record({
  preset: fc.constantFrom(...PRESET_CHOICES),
  users: fc.integer({ min: 1000, max: 1_000_000 }),
  cycles: fc.integer({ min: 1, max: 365 }),
  seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  replicates: fc.integer({ min: 2, max: 100 }),
  assumptions: fc.dictionary(fc.constantFrom(...ASSUMPTION_CONTROLS.map((c) => c.path)), fc.double({ noNaN: true, noDefaultInfinity: true })),
  recipes: fc.record({
    'like-chasing': fc.record({ quality: fc.double({ min: 0, max: 1, noNaN: true }), cta: fc.constantFrom('like', 'share'), promote: fc.boolean(), productEvery: fc.nat(20) }, { requiredKeys: [] }),
    'follow-building': fc.record({ appeal: fc.double({ min: 0, max: 1, noNaN: true }), postsPerCycle: fc.nat(24), persona: fc.double({ min: 0, max: 1, noNaN: true }) }, { requiredKeys: [] }),
  }),
  extra: fc.constantFrom({}, { startingFollowers: 500 }, { graph: { kind: 'watts-strogatz', meanDegree: 10, rewire: 0.1 } }),
});

/** States whose scenario the engine accepts: each assumption within what its schema allows. */
const validStates: fc.Arbitrary<PlaygroundState> = fc.tuple(states, fc.dictionary(fc.constantFrom(...ASSUMPTION_CONTROLS.map((c) => c.path)), fc.double({ min: 0.1, max: 0.9, noNaN: true })), fc.integer({ min: 1, max: 50 }))
  .map(([s, assumptions, posts]) => ({ ...s, assumptions: 'behavior.promotionFatigue.posts' in assumptions ? { ...assumptions, 'behavior.promotionFatigue.posts': posts } : assumptions }));

describe('playground state', () => {
  it('asks, by default, for the comparison npm start runs', () => {
    expect(runRequest(defaultState())).toEqual({
      scenario: { version: 1, seed: 1, users: 10_000, cycles: 30 },
      strategies: [{ kind: 'like-chasing', params: {} }, { kind: 'follow-building', params: {} }],
      replicates: 5,
    });
  });

  it('round-trips through the URL hash exactly, for any state', () => {
    fc.assert(fc.property(states, (s) => {
      const { state, notes } = stateFromHash(`#${stateToHash(s)}`);
      expect(notes).toEqual([]);
      expect(state).toEqual(s);
      expect(stateToHash(state)).toBe(stateToHash(s));
    }));
  });

  it('writes a readable hash, and names what it cannot read', () => {
    const s = defaultState();
    s.preset = 'youtube';
    s.assumptions['economics.budgetPerCycle'] = 124.5;
    s.recipes['follow-building'].quality = 0.9;
    expect(stateToHash(s)).toBe('preset=youtube&users=10000&cycles=30&replicates=5&seed=1&economics.budgetPerCycle=124.5&follow-building.quality=0.9');
    const { state, notes } = stateFromHash('#preset=myspace&users=ten&economics.budgetPerCycle=50&colour=red');
    expect(state.preset).toBe('default');
    expect(state.assumptions).toEqual({ 'economics.budgetPerCycle': 50 });
    expect(notes).toHaveLength(3);
  });
});

describe('playground hash with a scenario', () => {
  it('puts the scenario\'s controlled fields into their controls, and the hash\'s own settings win', () => {
    const hash = `#users=500&scenario=${encodeURIComponent('{"users":20000,"extends":"twitch","economics":{"budgetPerCycle":999,"postCost":5},"startingFollowers":50}')}`;
    const { state, notes } = stateFromHash(hash);
    // The form shows what runs: twitch, 500 users, a budget of 999; only fields without a control stay kept.
    expect(state).toEqual({ ...defaultState(), preset: 'twitch', users: 500, assumptions: { 'economics.budgetPerCycle': 999 }, extra: { economics: { postCost: 5 }, startingFollowers: 50 } });
    const scenario = runRequest(state).scenario as Record<string, unknown>;
    expect(scenario).toMatchObject({ extends: 'twitch', users: 500, economics: { budgetPerCycle: 999, postCost: 5 } });
    expect(notes).toEqual(['users=500 replaces the scenario\'s users 20000']);
    // Read back, it is the same state, and the hash no longer holds a field twice.
    expect(stateFromHash(`#${stateToHash(state)}`)).toEqual({ state, notes: [] });
    expect(stateToHash(state)).not.toMatch(/budgetPerCycle%22|%22users|%22extends/);
  });

  it('names a scenario field it cannot show, and leaves it out', () => {
    const { state, notes } = stateFromHash(`#scenario=${encodeURIComponent('{"extends":"myspace","cycles":"ten","market":{"buyers":"most"},"version":2}')}`);
    expect(state).toEqual(defaultState());
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/extends the playground builds on one preset/);
    const kept = stateFromHash(`#scenario=${encodeURIComponent('{"cycles":"ten","market":{"buyers":"most"},"version":2}')}`);
    expect(kept.state).toEqual(defaultState());
    expect(kept.notes).toEqual([
      'version 2 is left out: the page writes version 1',
      'the scenario\'s cycles "ten" is left out: not a number',
      'the scenario\'s market.buyers "most" is left out: not a number',
    ]);
  });

  it('runs what the controls show even when a state keeps a controlled field among the others', () => {
    const s = { ...defaultState(), users: 500, extra: { users: 20_000, extends: 'twitch', startingFollowers: 50 } };
    expect(runRequest(s).scenario).toEqual({ version: 1, seed: 1, users: 500, cycles: 30, startingFollowers: 50 });
  });
});

describe('playground scenario files', () => {
  it('exports YAML that reads back to the same state and scenario (the page\'s recipes kept: the file is a scenario)', () => {
    fc.assert(fc.property(validStates, (s) => {
      const text = scenarioYaml(s);
      const { state: back, notes } = stateFromFile(text, 'playground-scenario.yaml', s);
      expect(back).toEqual(s);
      const set = STRATEGY_KINDS.filter((k) => Object.keys(s.recipes[k]).length > 0);
      expect(notes).toEqual(set.length ? [`the recipes set on the page (${set.join(', ')}) are kept: a scenario file has none`] : []);
      expect(runRequest(back).scenario).toEqual(runRequest(s).scenario);
    }), { numRuns: 30 });
  });

  it('exports a scenario the engine accepts, naming the command and any changed recipe', () => {
    const s = defaultState();
    s.preset = 'twitch';
    s.assumptions['population.activitySpread'] = 1.2;
    s.recipes['like-chasing'].appeal = 0.7;
    const text = scenarioYaml(s);
    expect(text).toContain('feedsim compare playground-scenario.yaml --strategies like-chasing,follow-building --replicates 5');
    expect(text).toContain('{ kind: like-chasing, params: {"appeal":0.7} }');
    const doc = parse(text) as Record<string, unknown>;
    expect(doc).toEqual({ version: 1, extends: 'twitch', seed: 1, users: 10_000, cycles: 30, population: { activitySpread: 1.2 } });
    expect(scenarioHash(resolveScenario(doc))).toBe(scenarioHash(resolveScenario(runRequest(s).scenario)));
  });

  it('exports the command that reproduces the page: compare on the file with the strategies by name', async () => {
    const s = { ...defaultState(), preset: 'instagram' as const, users: 400, cycles: 2, replicates: 2, seed: 3, assumptions: { 'market.buyers': 0.3 } };
    const file = parse(scenarioYaml(s)) as Record<string, unknown>;
    const cli = await compare({ scenario: file, strategies: ['like-chasing', 'follow-building'], replicates: 2, workers: 1 });
    expect(JSON.stringify(cli)).toBe(JSON.stringify(await compare({ ...runRequest(s), workers: 1 })));
  });

  it('imports a scenario file: controls from it, other fields kept, the rest default', () => {
    const { state, notes } = stateFromFile('$schema: x.json\nversion: 1\nextends: youtube\nusers: 20000\nstartingFollowers: 500\neconomics: { budgetPerCycle: 80, postCost: 5 }\n', 'a.yaml');
    expect(notes).toEqual([]);
    expect(state).toEqual({
      ...defaultState(), preset: 'youtube', users: 20_000, assumptions: { 'economics.budgetPerCycle': 80 }, extra: { startingFollowers: 500, economics: { postCost: 5 } },
    });
  });

  it('imports a { scenario, strategies, replicates } document with its recipes, and says what it left out', () => {
    const doc = { scenario: { users: 3000 }, strategies: ['like-chasing', { kind: 'follow-building', params: { quality: 0.7, audience: 'broad' } }, 'mixed'], replicates: 8, seed: 4, design: { kind: 'grid' } };
    const { state, notes } = stateFromDocument(doc);
    expect(state.recipes).toEqual({ 'like-chasing': {}, 'follow-building': { quality: 0.7 } });
    expect([state.users, state.replicates, state.seed]).toEqual([3000, 8, 4]);
    expect(notes).toHaveLength(3);
  });

  it('says what it drops or reorders in a { scenario, strategies } file: the strategy schema\'s problems, a second entry, a label, bad knobs, the order, replicates', () => {
    const doc = {
      scenario: { users: 3000 },
      strategies: [
        { kind: 'follow-building', label: 'fb', params: { quality: 'high', postsPerCycle: 2.5, cta: 'shout', promote: 1, persona: 0.4 } },
        { kind: 'like-chasing', params: { appeal: 0.8 }, colour: 'red' },
        { kind: 'like-chasing', params: { appeal: 0.6 } },
        { kind: 'follow-building', params: { quality: 0.1 } },
      ],
      replicates: 1,
      seed: 1.5,
      workers: 4,
    };
    const fallback = { ...defaultState(), replicates: 7 };
    const { state, notes } = stateFromDocument(doc, fallback);
    expect(state.recipes).toEqual({ 'like-chasing': { appeal: 0.6 }, 'follow-building': { persona: 0.4 } });
    expect([state.replicates, state.seed]).toEqual([7, 1]);
    expect(notes).toEqual([
      'workers is left out: not a field of a { scenario, strategies, replicates, seed } file',
      'seed 1.5 is left out: the page takes a whole number from -2,147,483,648 to 2,147,483,647 (it keeps 1)',
      'replicates 1 is left out: the page takes a whole number from 2 to 100 (it keeps 7)',
      'follow-building\'s label "fb" is left out: the page names the strategies by kind',
      'follow-building\'s parameter quality "high" is left out: must be a number from 0 to 1',
      'follow-building\'s parameter postsPerCycle 2.5 is left out: must be a whole number from 0 to 24',
      'follow-building\'s parameter cta "shout" is left out: must be one of none, like, share, follow, notify',
      'follow-building\'s parameter promote 1 is left out: must be true or false',
      expect.stringMatching(/^strategies\[1\] is left out: .*colour.*not a field of a strategy/),
      'strategies[3], a second follow-building, is left out: the page compares one of each',
      'the file lists follow-building before like-chasing: the page puts like-chasing, the baseline, first',
    ]);
  });

  it('keeps the page\'s recipes for a plain scenario, and says so; a list without one of the two runs it built-in', () => {
    const page = defaultState();
    page.recipes['follow-building'] = { quality: 0.95 };
    const plain = stateFromDocument({ users: 3000 }, page);
    expect(plain.state.recipes).toEqual(page.recipes);
    expect(plain.notes).toEqual(['the recipes set on the page (follow-building) are kept: a scenario file has none']);
    const listed = stateFromDocument({ scenario: {}, strategies: [{ kind: 'like-chasing', params: { appeal: 0.5 } }] }, page);
    expect(listed.state.recipes).toEqual({ 'like-chasing': { appeal: 0.5 }, 'follow-building': {} });
    expect(listed.notes).toEqual(['follow-building is not in the file\'s strategies: the page runs it with its built-in recipe']);
  });

  it('refuses what the engine refuses, and a list of presets', () => {
    expect(() => stateFromFile('users: -5\n', 'bad.yaml')).toThrow(/users/);
    expect(() => stateFromFile('{"extends": ["youtube", "twitch"]}', 'two.json')).toThrow(/one preset/);
    expect(() => stateFromFile('users: [1\n', 'broken.yaml')).toThrow(/not valid YAML/);
  });
});

describe('playground controls', () => {
  it('offers assumptions the engine lists, with the engine\'s ranges around each preset\'s value', () => {
    for (const c of ASSUMPTION_CONTROLS) expect(rangeReason(c.path), c.path).not.toBe('');
    for (const preset of PRESET_CHOICES) {
      const ranges = assumptionRanges(preset);
      const engine = assumptionFactors(preset === 'default' ? {} : { extends: preset });
      for (const [path, f] of ranges) expect(f).toEqual(engine.find((e) => e.path === path));
      // The three that decide the answer (docs/sensitivity.md) apply on every platform.
      for (const path of ['economics.budgetPerCycle', 'population.interestConcentration', 'population.activitySpread']) expect(ranges.has(path), `${preset} ${path}`).toBe(true);
    }
    expect(assumptionRanges('default').get('economics.budgetPerCycle')).toMatchObject({ min: 100 / 3, max: 300, log: true });
  });

  it('has a knob for each recipe parameter it names, for both strategies', () => {
    expect(STRATEGY_KINDS).toEqual(['like-chasing', 'follow-building']);
    expect(RECIPE_CONTROLS.map((c) => c.key).sort()).toEqual(['appeal', 'cta', 'persona', 'postsPerCycle', 'productEvery', 'promote', 'quality']);
  });
});

describe('playground live results', () => {
  it('after r replicates shows what compare gives for r replicates', async () => {
    const request = { scenario: { users: 300, cycles: 3, stepsPerCycle: 6, seed: 5 }, strategies: [{ kind: 'like-chasing' }, { kind: 'follow-building', params: { quality: 0.9 } }], replicates: 3 };
    const runs: RunOutput[] = [];
    const full = await compare({ ...request, workers: 1, onRun: (r) => void runs.push(r) });
    const labels = labelStrategies(request.strategies).map((s) => s.label);
    const opts = summaryOptions(resolveScenario(request.scenario), {});
    expect(JSON.stringify(summarise(runs, labels, opts))).toBe(JSON.stringify(full));
    const two = await compare({ ...request, replicates: 2, workers: 1 });
    expect(JSON.stringify(summarise(runs.slice(0, 4), labels, opts))).toBe(JSON.stringify(two));
  });
});

describe('playground results', () => {
  it('tables the money the verdict is on: net present value when the scenario discounts', async () => {
    for (const discountRate of [0, 0.05]) {
      const r = await compare({ scenario: { users: 300, cycles: 3, stepsPerCycle: 6, seed: 5, economics: { discountRate } }, strategies: ['like-chasing', 'follow-building'], replicates: 2, workers: 1 });
      const { metric, name } = netOf(r);
      expect(formatHeadline(r).startsWith(`Cumulative ${name} after`), `discount ${discountRate}`).toBe(true);
      const table = finalTable(r);
      expect(table).toContain(`<th scope="col">${name}</th>`);
      for (const s of r.strategies) expect(table).toContain(`<td>${money(r.summary[s][metric][2].mean)} <span class="ci">`);
    }
    const npv = await compare({ scenario: { users: 300, cycles: 3, stepsPerCycle: 6, seed: 5, economics: { discountRate: 0.05 } }, strategies: ['like-chasing', 'follow-building'], replicates: 2, workers: 1 });
    expect(netOf(npv).metric).toBe('cumulativeNpv');
  });
});

describe('playground chart', () => {
  it('draws a line and a band per series, skipping undefined values, with escaped names', () => {
    const svg = chartSvg({
      label: 'a <chart>', xLabel: 'cycle', yLabel: 'y', width: 400, height: 240,
      series: [
        { name: 'a&b', color: '#123456', points: [1, 2, 3].map((x) => ({ x, y: x * 10, lower: x * 10 - 2, upper: x * 10 + 2 })) },
        { name: 'one', color: '#654321', points: [{ x: 1, y: 5, lower: NaN, upper: NaN }, { x: 2, y: NaN }] },
      ],
      marker: { x: 2, label: 'crossover' },
    });
    expect(svg.match(/class="line"/g)).toHaveLength(1);
    expect(svg.match(/class="band"/g)).toHaveLength(1);
    expect(svg.match(/class="point"/g)).toHaveLength(1);
    expect(svg).toContain('data-series="a&amp;b"');
    expect(svg).toContain('aria-label="a &lt;chart&gt;"');
    expect(svg).toContain('class="marker"');
    expect(svg).not.toContain('NaN');
  });

  it('picks round ticks', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(-2507, 13, 4)).toEqual([-2000, -1000, 0]);
    expect(niceTicks(-2507, 13, 8)).toEqual([-2500, -2000, -1500, -1000, -500, 0]);
    expect(tickLabel(-2500)).toBe('−2500');
    expect(tickLabel(25_000)).toBe('25k');
  });
});

describe('playground fit of an uploaded export', () => {
  const file = (name: string) => ({ name, text: readFileSync(new URL(`../examples/data/${name}`, import.meta.url), 'utf8') });
  const request: FitRequest = { export: file('synthetic-export.csv'), followers: file('synthetic-followers.csv'), preset: 'instagram', users: 300, days: 5, particles: 20, maxSimulations: 40, checks: 2, seed: 3 };

  it('gives fit the export as feedsim fit reads it, on the page\'s preset, in one thread', () => {
    const o = fitOptions(request);
    expect(o.export.posts).toHaveLength(200);
    expect(o.export.followers?.length).toBeGreaterThan(0);
    expect(o).toMatchObject({ scenario: { extends: 'instagram' }, users: 300, days: 5, particles: 20, maxSimulations: 40, checks: 2, seed: 3, workers: 1 });
    expect(fitOptions({ ...request, preset: 'default', days: undefined }).scenario).toEqual({});
    expect('days' in fitOptions({ ...request, days: undefined })).toBe(false);
  });

  it('refuses a bad export naming its row and column', () => {
    const bad = request.export.text.split('\n');
    const header = bad[0].split(',');
    const cells = bad[3].split(',');
    cells[header.indexOf('impressions')] = '-7';
    bad[3] = cells.join(',');
    // Rows are the file's lines, the header being row 1.
    expect(() => fitOptions({ ...request, export: { name: 'mine.csv', text: bad.join('\n') } })).toThrow(/^mine\.csv, row 4, column "impressions": "-7"/);
  });

  it('carries the posterior medians into the comparison: a slider where there is one, a kept field otherwise', () => {
    const parameters = [{ path: 'behavior.follow.base', q50: 0.0021 }, { path: 'feed.inNetworkReach', q50: 0.07 }] as FitResult['parameters'];
    const before = { ...defaultState(), preset: 'instagram' as const, assumptions: { 'market.buyers': 0.3 }, extra: { startingFollowers: 500 } };
    const same = fittedState(before, 'instagram', { parameters });
    expect(same.assumptions).toEqual({ 'market.buyers': 0.3, 'behavior.follow.base': 0.0021 });
    expect(same.extra).toEqual({ startingFollowers: 500, feed: { inNetworkReach: 0.07 } });
    const resolved = resolveScenario(runRequest(same).scenario);
    for (const p of parameters) expect(valueAt(resolved, p.path)).toBe(p.q50);
    // Fitted on another preset: sliders set under the page's preset go back to the fit's, as a preset change in the form does.
    const moved = fittedState(before, 'youtube', { parameters });
    expect(moved.preset).toBe('youtube');
    expect(moved.assumptions).toEqual({ 'behavior.follow.base': 0.0021 });
    expect(before.assumptions).toEqual({ 'market.buyers': 0.3 });
  });
});
