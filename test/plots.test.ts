import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult, SweepResult } from '../src/index.js';
import {
  compileSpec,
  CROSSOVER_LABEL,
  followersPlot,
  FOLLOWERS_TITLE,
  netReturnName,
  netReturnPlot,
  NET_RETURN_TITLE,
  performancePlot,
  PERFORMANCE_TITLE,
  reachByChannelPlot,
  REACH_BY_CHANNEL_TITLE,
  renderSvg,
  renumberIds,
  replicatesPlot,
  REPLICATES_TITLE,
  resultCharts,
  sweepWinMap,
  SWEEP_WIN_MAP_TITLE,
  textWidth,
  validationPlot,
  validationPointsFromChecks,
  VALIDATION_TITLE,
  type BenchResults,
} from '../src/plots/index.js';
import { smallCompare, smallSweep, svgTexts, syntheticCompare, xmlProblems } from './helpers/plot-fixtures.js';

/** Checks common to every chart: well-formed SVG with its title, drawn marks and no compile warnings. */
async function expectChart(spec: Parameters<typeof renderSvg>[0], title: string): Promise<string> {
  expect(compileSpec(spec).warnings).toEqual([]);
  const svg = await renderSvg(spec);
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(xmlProblems(svg)).toEqual([]);
  expect(svgTexts(svg)).toContain(title);
  expect(svg).toMatch(/class="mark-(line|area|rect|symbol|rule|tick)[^"]*"/);
  expect(svg).not.toMatch(/NaN|undefined/);
  return svg;
}

// The Erdős–Rényi rows of docs/validation.md, as test/validation/cases.ts names them.
const checks = [
  { case: 'Erdős–Rényi (directed), c = 10, R = 0.5', quantity: 'mean users reached', theory: 20, simulated: 20.5, tolerance: 1.2 },
  { case: 'Erdős–Rényi (directed), c = 10, R = 0.8', quantity: 'mean users reached', theory: 50, simulated: 47, tolerance: 5.1 },
  { case: 'Erdős–Rényi (directed), c = 10, R = 1.5', quantity: 'P(large cascade)', theory: 0.5828, simulated: 0.538, tolerance: 0.088 },
  { case: 'Erdős–Rényi (directed), c = 10, R = 2', quantity: 'P(large cascade)', theory: 0.7968, simulated: 0.816, tolerance: 0.072 },
  { case: 'star of 10 nodes', quantity: 'structural virality', theory: 1.8, simulated: 1.8, tolerance: 1e-12 },
];

describe('plots of a real comparison and sweep', () => {
  let result: CompareResult;
  let swept: SweepResult;
  beforeAll(async () => {
    [result, swept] = await Promise.all([smallCompare(), smallSweep()]);
  }, 60_000);

  it('followers, reach by channel and net return render as SVG with their titles', async () => {
    const svg = await expectChart(followersPlot(result), FOLLOWERS_TITLE);
    for (const s of result.strategies) expect(svgTexts(svg)).toContain(s);
    const reach = await expectChart(reachByChannelPlot(result), REACH_BY_CHANNEL_TITLE);
    for (const ch of ['network', 'recommended', 'notification', 'paid']) expect(svgTexts(reach)).toContain(ch);
    await expectChart(netReturnPlot(result), NET_RETURN_TITLE);
  });

  it('is deterministic: the same result, also after a JSON round trip, gives the same bytes', async () => {
    const first = await renderSvg(netReturnPlot(result));
    await renderSvg(sweepWinMap(swept)); // advances Vega's process-wide id counters in between
    expect(await renderSvg(netReturnPlot(result))).toBe(first);
    expect(await renderSvg(netReturnPlot(JSON.parse(JSON.stringify(result))))).toBe(first);
  });

  it('sweep map: a grid of cells for two factors, a strip for one, each point labelled with its winner', async () => {
    const svg = await expectChart(sweepWinMap(swept), SWEEP_WIN_MAP_TITLE);
    const texts = svgTexts(svg);
    expect(texts).toContain('behavior.follow.base');
    expect(texts).toContain('economics.budgetPerCycle');
    expect((svg.match(/<path[^>]*class="mark-rect|class="mark-rect/g) ?? []).length).toBeGreaterThan(0);
    const cells = [...svg.matchAll(/<g class="mark-rect role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g)][0][1].match(/<path/g) ?? [];
    expect(cells).toHaveLength(swept.points.length);
    for (const p of swept.points) expect(texts.some((t) => t.startsWith(p.winner))).toBe(true);
    const strip = { ...swept, points: swept.points.filter((p) => p.point['economics.budgetPerCycle'] === 10) };
    const one = await expectChart(sweepWinMap(strip), SWEEP_WIN_MAP_TITLE);
    expect(svgTexts(one)).not.toContain('economics.budgetPerCycle');
  });

  it('renders the same bytes concurrently as one at a time, and gives Vega its text measurer back', async () => {
    const specs = [netReturnPlot(result), sweepWinMap(swept), followersPlot(result), reachByChannelPlot(result)];
    const before = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width;
    const alone: string[] = [];
    for (const spec of specs) alone.push(await renderSvg(spec));
    expect(await Promise.all(specs.map((spec) => renderSvg(spec)))).toEqual(alone);
    expect((vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width).toBe(before);
  });

  it('resultCharts: three charts for a comparison, the map for a sweep', () => {
    expect(resultCharts(result).map((c) => c.title)).toEqual([NET_RETURN_TITLE, FOLLOWERS_TITLE, REACH_BY_CHANNEL_TITLE]);
    expect(resultCharts(swept).map((c) => c.title)).toEqual([SWEEP_WIN_MAP_TITLE]);
  });

  it('a sweep varying more than two factors gets one labelled cell per design point (what --plots writes)', async () => {
    const three = { ...swept, points: swept.points.map((p, i) => ({ ...p, point: { ...p.point, 'feed.recommendations': 10 + i, 'paid.cpm': 8 - i } })) };
    const [chart] = resultCharts(three);
    const svg = await renderSvg(chart.spec);
    for (const p of three.points) expect(svg).toContain(`${p.index}: `);
    // Colours follow the strategies (baseline first) whoever wins first, and cells keep their Δ labels.
    const challengerFirst = { ...three, points: three.points.map((p, i) => ({ ...p, winner: i === 0 ? 'follow-building' : p.winner })) };
    const [wide] = resultCharts(challengerFirst);
    const domain = (spec: unknown) => JSON.stringify(spec).match(/"domain":\["(like-chasing|follow-building|neither)"[^\]]*\]/g);
    expect(domain(wide.spec)).toEqual(domain(sweepWinMap(swept)));
    expect(svgTexts(await renderSvg(wide.spec)).some((t) => t.includes('Δ'))).toBe(true);
  });

  it('replicates: one tick per run', async () => {
    const values = result.runs!.map((r) => ({ strategy: r.label, replicate: r.replicate, value: r.accounts[0].cycles.at(-1)!.cumulativeNpv }));
    const svg = await expectChart(replicatesPlot(values, result.strategies), REPLICATES_TITLE);
    const ticks = svg.match(/<g class="mark-rect role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/)![1].match(/<path/g) ?? [];
    expect(ticks).toHaveLength(values.length);
  });
});

describe('naming the plotted return', () => {
  it('calls it a net present value when it is discounted (it equals the net return only at rate 0)', async () => {
    const plain = syntheticCompare(5);
    expect(netReturnName(plain)).toBe('cumulative net return');
    const discounted = structuredClone(plain);
    for (const l of discounted.strategies) discounted.summary[l].cumulativeNpv = discounted.summary[l].cumulativeNpv.map((x) => ({ ...x, mean: x.mean * 0.9 }));
    expect(netReturnName(discounted)).toBe('cumulative net present value');
    expect(JSON.stringify(netReturnPlot(discounted))).toContain('"cumulative net present value"');
    expect(JSON.stringify(netReturnPlot(plain))).not.toContain('net present value');
  });
});

describe('crossover marking', () => {
  it('marks a crossover with a dashed rule and a label exactly when there is one', async () => {
    const crossing = syntheticCompare(5);
    expect(crossing.crossovers[0].estimate).toBe(5);
    expect(crossing.crossovers[0].population).not.toBeNull();
    const marked = await expectChart(netReturnPlot(crossing), NET_RETURN_TITLE);
    const label = svgTexts(marked).find((t) => t.startsWith(`${CROSSOVER_LABEL}:`));
    expect(label).toBe(`${CROSSOVER_LABEL}: follow-building overtakes like-chasing from cycle 5 (95 % interval ${crossing.crossovers[0].earliest}–${crossing.crossovers[0].population})`);
    expect(marked).toContain('stroke-dasharray="6,4"');

    const flat = syntheticCompare(null);
    expect(flat.crossovers[0].estimate).toBeNull();
    const unmarked = await expectChart(netReturnPlot(flat), NET_RETURN_TITLE);
    expect(svgTexts(unmarked).some((t) => t.startsWith(`${CROSSOVER_LABEL}:`))).toBe(false);
    expect(unmarked).not.toContain('stroke-dasharray="6,4"');
  });

  it('keeps the crossover label inside the plot wherever the crossover falls', () => {
    for (const at of [2, 4, 7]) {
      const spec = netReturnPlot(syntheticCompare(at)) as unknown as { width: number; layer: Array<{ mark: { type: string; align?: string }; encoding: { x: { value?: number } }; data?: { values: Array<{ label: string }> } }> };
      const text = spec.layer.find((l) => l.mark.type === 'text')!;
      const x = text.encoding.x.value!;
      const w = textWidth(text.data!.values[0].label, 11, 'bold');
      const [left, right] = text.mark.align === 'right' ? [x - w, x] : [x, x + w];
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(spec.width);
    }
  });
});

describe('validation and performance charts', () => {
  it('validation: R parsed from the case names, one panel per quantity, checks without R left out', async () => {
    const points = validationPointsFromChecks(checks);
    expect(points.map((p) => p.R)).toEqual([0.5, 0.8, 1.5, 2]);
    const svg = await expectChart(validationPlot(points), VALIDATION_TITLE);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['mean users reached', 'P(large cascade)']));
    expect(svgTexts(svg)).not.toContain('structural virality');
    expect(() => validationPlot([{ ...points[0], theory: 'x' as never }])).toThrow(/points\[0\]\.theory is "x"; expected a number/);
  });

  it('performance: time per impression against users on log axes, from bench/results/latest.json', async () => {
    const bench = JSON.parse(readFileSync(new URL('../bench/results/latest.json', import.meta.url), 'utf8')) as BenchResults;
    const spec = performancePlot(bench);
    const scales = (compileSpec(spec).vega as { scales: Array<{ name: string; type: string }> }).scales;
    expect(scales.find((s) => s.name === 'x')?.type).toBe('log');
    expect(scales.find((s) => s.name === 'y')?.type).toBe('log');
    const svg = await expectChart(spec, PERFORMANCE_TITLE);
    for (const c of bench.cases) expect(svgTexts(svg)).toContain(`${c.nsPerImpression.toFixed(0)} ns`);
    expect(() => performancePlot({ cases: [{ name: 'x', users: 0, nsPerImpression: 1 }] })).toThrow(/cases\[0\]\.users is 0/);
  });
});

describe('rendering details', () => {
  it('renumbers SVG ids from a prefix, with their references, so charts can share a page', async () => {
    const svg = '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_3"/></defs><g clip-path="url(#clip7)"><path fill="url(#gradient_3)"/></g></svg>';
    expect(renumberIds(svg, 'a')).toBe('<svg><defs><clipPath id="a-1"><rect/></clipPath><linearGradient id="a-2"/></defs><g clip-path="url(#a-1)"><path fill="url(#a-2)"/></g></svg>');
    // Vega numbers clip paths and gradients from process-wide counters: without renumbering, the
    // second rendering of this spec would differ from the first, and two charts on a page could clash.
    const spec = {
      title: 'Clipped gradient',
      data: { values: [{ x: 1, y: 2 }, { x: 3, y: 5 }] },
      mark: { type: 'area', clip: true, color: { gradient: 'linear', x1: 1, y1: 1, x2: 1, y2: 0, stops: [{ offset: 0, color: 'white' }, { offset: 1, color: 'green' }] } },
      encoding: { x: { field: 'x', type: 'quantitative', scale: { domain: [0, 2] } }, y: { field: 'y', type: 'quantitative' } },
    } as never;
    const ids = (s: string) => [...s.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    const [a, again, b] = [await renderSvg(spec, { idPrefix: 'one' }), await renderSvg(spec, { idPrefix: 'one' }), await renderSvg(spec, { idPrefix: 'two' })];
    expect(again).toBe(a);
    expect(ids(a)).toEqual(['one-1', 'one-2']);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    for (const id of ids(a)) expect(a).toContain(`url(#${id})`);
  });

  it('measures text from Helvetica widths: digits 0.556 em, narrow i, wide M', () => {
    expect(textWidth('0', 10)).toBeCloseTo(5.56, 10);
    expect(textWidth('iiii', 11)).toBeLessThan(textWidth('MMMM', 11) / 3);
    expect(textWidth('ab', 11, 'bold')).toBeGreaterThan(textWidth('ab', 11));
  });

  it('bad input names the field', () => {
    expect(() => followersPlot({ strategies: [] } as never)).toThrow(/compareResult\.strategies is \[\]/);
    expect(() => followersPlot({ ...syntheticCompare(null), summary: { 'like-chasing': {} } } as never)).toThrow(/summary\["like-chasing"\]\.followers is missing/);
    expect(() => sweepWinMap([{ point: { a: 1, b: 1, c: 1 }, winner: 'x' }, { point: { a: 2, b: 2, c: 2 }, winner: 'y' }])).toThrow(/3 factors vary/);
    expect(() => sweepWinMap([{ point: { a: 1 }, winner: 'x' }], { factors: ['z'] })).toThrow(/names "z", which no design point sets/);
  });

  it('draws a non-grid design (e.g. Latin hypercube) as a scatter of points', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ point: { x: ((i * 7) % 20) / 20, y: i * 1.5 }, winner: i % 3 ? 'like-chasing' : 'neither' }));
    const svg = await expectChart(sweepWinMap(rows), SWEEP_WIN_MAP_TITLE);
    const symbols = svg.match(/<g class="mark-symbol role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/)![1].match(/<path/g) ?? [];
    expect(symbols).toHaveLength(20);
  });
});

describe('the cycle axis', () => {
  it('labels each cycle once on short runs (no "1 2 2 3 3"), and a one-cycle run shows its interval', async () => {
    for (const cycles of [1, 2, 3]) {
      const r = syntheticCompare(null, cycles);
      const ticks = svgTexts(await renderSvg(netReturnPlot(r))).filter((t) => /^\d+$/.test(t) && Number(t) <= cycles + 1);
      expect(ticks.slice(0, cycles)).toEqual(Array.from({ length: cycles }, (_, i) => String(i + 1)));
    }
    const one = JSON.stringify(netReturnPlot(syntheticCompare(null, 1)));
    expect(one).toContain('"rule"');
    expect(one).toContain('"domain":[0.5,1.5]');
  });
});
