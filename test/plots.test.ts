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
  MONEY_UNIT,
  moneyTitle,
  validationPlot,
  validationPointsFromChecks,
  VALIDATION_TITLE,
  type BenchResults,
} from '../src/plots/index.js';
import { CHANNEL_NAMES } from '../src/feed/channel.js';
import { smallCompare, smallSweep, svgTexts, syntheticCompare, xmlProblems } from './helpers/plot-fixtures.js';

/** The width attribute of an SVG's root element. */
const svgWidth = (svg: string) => Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);

/** Domains of the y axes of an SVG, in order, from Vega's aria labels ("Y-axis … values from 0 to 28"). */
const yDomains = (svg: string) => [...svg.matchAll(/aria-label="Y-axis[^"]*values from ([\d.,−-]+) to ([\d.,−-]+)"/g)].map((m) => [m[1], m[2]].map((x) => Number(x.replace(/,/g, '').replace('−', '-'))));

/** One axis label as drawn: position (relative to its axis), anchor, lines, and width of its widest line. */
interface AxisLabel {
  x: number;
  y: number;
  anchor: string;
  angle: number;
  lines: string[];
  width: number;
}

/** The labels of every axis of an SVG, one list per axis. */
function axisLabels(svg: string): AxisLabel[][] {
  return [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>([\s\S]*?)<\/g>/g)].map((g) =>
    [...g[1].matchAll(/<text text-anchor="(\w+)" transform="translate\(([-\d.]+),([-\d.]+)\)(?: rotate\(([-\d.]+)\))?[^"]*"[^>]*>([\s\S]*?)<\/text>/g)].map((m) => {
      const body = m[5];
      const lines = body.includes('<tspan') ? [...body.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]) : [body];
      const decoded = lines.map((l) => l.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      const angle = ((Number(m[4] ?? 0) + 540) % 360) - 180; // Vega writes −35° as rotate(325)
      return { anchor: m[1], x: Number(m[2]), y: Number(m[3]), angle, lines: decoded, width: Math.max(...decoded.map((l) => textWidth(l))) };
    }),
  );
}

/** Pairs of labels of one axis whose boxes overlap (horizontal labels; 13 px lines of 11 px text). */
function overlapping(labels: AxisLabel[]): string[] {
  const box = (l: AxisLabel) => {
    const left = l.anchor === 'middle' ? l.x - l.width / 2 : l.anchor === 'end' ? l.x - l.width : l.x;
    return { left, right: left + l.width, top: l.y - 9, bottom: l.y + 13 * (l.lines.length - 1) + 3 };
  };
  const out: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      const [p, q] = [box(a), box(b)];
      if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push(`${a.lines.join(' ')} / ${b.lines.join(' ')}`);
    }),
  );
  return out;
}

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
  });

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
    expect(JSON.stringify(netReturnPlot(discounted))).toContain('"cumulative net present value (currency units)"');
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

  it('keeps the crossover label inside the plot wherever the crossover falls, on several lines in a narrow chart', () => {
    for (const width of [undefined, 720, 360]) {
      for (const at of [2, 4, 7]) {
        const spec = netReturnPlot(syntheticCompare(at), { width }) as unknown as { width: number; layer: Array<{ mark: { type: string; align?: string }; encoding: { x: { value?: number } }; data?: { values: Array<{ label: string }> } }> };
        const text = spec.layer.find((l) => l.mark.type === 'text')!;
        const x = text.encoding.x.value!;
        const lines = text.data!.values[0].label.split('\n');
        expect(lines.join(' ')).toMatch(/^crossover: follow-building overtakes like-chasing from cycle \d/);
        if (width === 360) expect(lines.length).toBeGreaterThan(1);
        const w = Math.max(...lines.map((l) => textWidth(l, 11, 'bold')));
        const [left, right] = text.mark.align === 'right' ? [x - w, x] : [x, x + w];
        expect(left).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(spec.width);
      }
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

describe('reach by channel: every channel readable', () => {
  let result: CompareResult;
  beforeAll(async () => {
    result = await smallCompare();
  });

  it('one panel per channel, each on its own y scale, so small channels are not flattened by paid reach', async () => {
    const spec = reachByChannelPlot(result) as unknown as { facet: { field: string; sort: string[] }; resolve: { scale: { y: string } } };
    expect(spec.facet.field).toBe('channel');
    expect(spec.facet.sort).toEqual([...CHANNEL_NAMES, 'all channels (unique)']);
    expect(spec.resolve.scale.y).toBe('independent');
    const svg = await expectChart(reachByChannelPlot(result), REACH_BY_CHANNEL_TITLE);
    const texts = svgTexts(svg);
    for (const panel of spec.facet.sort) expect(texts).toContain(panel);
    // Each panel's scale fits its own channel: the largest mean fills at least half of it.
    const domains = yDomains(svg);
    expect(domains).toHaveLength(spec.facet.sort.length);
    spec.facet.sort.forEach((panel, i) => {
      const metric = panel === 'all channels (unique)' ? 'reach' : `reach.${panel}`;
      const top = Math.max(...result.strategies.flatMap((l) => result.summary[l][metric].map((iv) => iv.mean)));
      const [lo, hi] = domains[i];
      expect(lo).toBe(0);
      if (top > 0) expect(top / hi, `${panel}: largest mean ${top} on a scale to ${hi}`).toBeGreaterThan(0.5);
      else expect(hi).toBeLessThanOrEqual(1); // nobody reached: a small scale, and a note
    });
    // The small fixture reaches tens through the network and hundreds through paid boosts.
    const network = domains[0][1];
    const paid = domains[3][1];
    expect(network * 10).toBeLessThan(paid);
  });

  it('strategies differ by colour, dash and point shape (readable without colour)', () => {
    const three = { ...syntheticCompare(null), strategies: ['like-chasing', 'follow-building'] };
    const spec = JSON.stringify(reachByChannelPlot(three));
    const layers = (reachByChannelPlot(three) as unknown as { spec: { layer: Array<{ mark: { type: string; shape?: string }; encoding?: Record<string, { scale?: { range?: unknown[] } }> }> } }).spec.layer;
    const line = layers.find((l) => l.mark.type === 'line')!;
    const dashes = line.encoding!.strokeDash.scale!.range!.map((d) => JSON.stringify(d));
    expect(new Set(dashes).size).toBe(three.strategies.length);
    const colours = line.encoding!.color.scale!.range!;
    expect(new Set(colours).size).toBe(three.strategies.length);
    const shapes = layers.filter((l) => l.mark.type === 'point').map((l) => l.mark.shape);
    expect(new Set(shapes).size).toBe(three.strategies.length);
    expect(spec).not.toContain('"stack"');
  });
});

describe('sweep strips and grids: axis labels fit', () => {
  // One platform rule per point, as examples/sweep.ts draws them (plots/sweep-rules.svg).
  const rules = [
    'feed.inNetworkReach = 0.1', 'accountSignalCarryover = 1', 'engagementAffinity = 1', 'retargeting = true', 'paid.cpm = 24',
    'behavior.convert.follower = 6', 'behavior.convert.follower = 20', 'notifications.clickThrough = 0.3, behavior.notify.base = 0.3',
    'notifications.clickThrough = 0.3, behavior.notify.base = 0.3, behavior.convert.follower = 6',
  ];
  const strategies = ['like-chasing', 'follow-building', 'follow-building/2'];
  const ruleRows = rules.map((rule, i) => ({ point: { rule }, winner: [...strategies, 'neither'][i % 4] }));
  type Axis = { labelAngle?: number; labelLimit?: number; labelExpr?: string };
  const axisOf = (spec: unknown, channel: 'x' | 'y') => (spec as { layer: Array<{ encoding: Record<string, { axis?: Axis }> }> }).layer[0].encoding[channel]?.axis;

  it('long labels: a vertical strip, labels horizontal on the left, wrapped at commas and never cut', async () => {
    for (const width of [undefined, 1134, 360]) {
      const spec = sweepWinMap(ruleRows, { strategies, width });
      const axis = axisOf(spec, 'y')!;
      expect(axisOf(spec, 'x')).toBeUndefined();
      expect(axis.labelAngle).toBe(0);
      const svg = await expectChart(spec, SWEEP_WIN_MAP_TITLE);
      const [labels] = axisLabels(svg);
      expect(labels).toHaveLength(rules.length);
      // Every rule in full, in the design's order, its parts on lines of their own.
      expect(labels.map((l) => l.lines.join(' '))).toEqual(rules.map((r) => r.replace(/, /g, ', ')));
      expect(labels[8].lines.length).toBeGreaterThanOrEqual(3);
      expect(svg).not.toContain('…');
      for (const l of labels) expect(l.width).toBeLessThanOrEqual(axis.labelLimit!);
      expect(overlapping(labels)).toEqual([]);
      if (width !== undefined) expect(svgWidth(svg)).toBeLessThanOrEqual(width + 2);
    }
  });

  it('short labels: a horizontal strip with level labels that fit under their cells', async () => {
    const rows = [0.0005, 0.002, 0.005, 0.02].map((v, i) => ({ point: { 'behavior.follow.base': v }, winner: strategies[i % 2] }));
    const spec = sweepWinMap(rows, { strategies });
    const axis = axisOf(spec, 'x')!;
    expect(axis.labelAngle).toBe(0);
    expect(axis.labelLimit).toBeGreaterThan(0);
    const svg = await expectChart(spec, SWEEP_WIN_MAP_TITLE);
    const [labels] = axisLabels(svg);
    expect(labels.map((l) => l.lines.join(' '))).toEqual(['0.0005', '0.002', '0.005', '0.02']);
    for (const l of labels) expect(l.width).toBeLessThanOrEqual(axis.labelLimit!);
    expect(overlapping(labels)).toEqual([]);
  });

  it('two factors with long x labels: angled, each label in full', async () => {
    const names = ['chronological', 'engagement-weighted with decay', 'recommendations first, then network'];
    const rows = names.flatMap((ranker, i) => [1, 2].map((b) => ({ point: { ranker, budget: b }, winner: strategies[(i + b) % 2] })));
    const spec = sweepWinMap(rows, { strategies, width: 360 });
    const axis = axisOf(spec, 'x')!;
    expect(axis.labelAngle).toBeLessThan(0);
    expect(axis.labelLimit).toBeGreaterThanOrEqual(Math.max(...names.map((n) => textWidth(n))));
    const svg = await expectChart(spec, SWEEP_WIN_MAP_TITLE);
    expect(svg).not.toContain('…');
    const x = axisLabels(svg).find((ls) => ls.some((l) => l.lines[0] === names[1]))!;
    expect(x.map((l) => l.lines.join(' '))).toEqual(names);
    for (const l of x) expect(l.angle).toBe(axis.labelAngle);
  });

  it('a sweep of more than two factors: one row per design point, every factor of it on its own line', async () => {
    const swept = await smallSweep();
    const three = { ...swept, points: swept.points.map((p, i) => ({ ...p, point: { ...p.point, 'feed.recommendations': 10 + i, 'paid.cpm': 8 - i } })) };
    const svg = await renderSvg(resultCharts(three)[0].spec);
    const [labels] = axisLabels(svg);
    expect(labels).toHaveLength(three.points.length);
    for (const l of labels) expect(l.lines).toHaveLength(4);
    expect(svg).not.toContain('…');
    expect(overlapping(labels)).toEqual([]);
  });
});

describe('money axes say their unit', () => {
  const money = /net|return|cost|value|spend|Δ/;
  it(`every axis and Δ showing money says "(${MONEY_UNIT})"`, async () => {
    const r = syntheticCompare(5);
    expect(moneyTitle('cumulative net return')).toBe('cumulative net return (currency units)');
    const specs = [netReturnPlot(r), followersPlot(r), reachByChannelPlot(r), replicatesPlot([{ strategy: 'like-chasing', replicate: 0, value: -3 }], ['like-chasing'])];
    const titles = specs.flatMap((spec) => [...JSON.stringify(spec).matchAll(/"title":"([^"]*)"/g)].map((m) => m[1]));
    const moneyTitles = titles.filter((t) => money.test(t) && t !== NET_RETURN_TITLE && t !== REPLICATES_TITLE);
    expect(moneyTitles.length).toBeGreaterThanOrEqual(2);
    for (const t of moneyTitles) expect(t).toContain(`(${MONEY_UNIT})`);
    expect(svgTexts(await renderSvg(netReturnPlot(r)))).toContain(`cumulative net return (${MONEY_UNIT})`);
    expect(svgTexts(await renderSvg(replicatesPlot([{ strategy: 'a', replicate: 0, value: 1 }])))).toContain(`final cumulative net return (${MONEY_UNIT})`);
    // The sweep map's cells show a money difference: its subtitle gives the unit.
    const rows = [{ point: { a: 1 }, winner: 'follow-building', difference: { 'follow-building': { mean: 3, lower: 1, upper: 5, n: 4 } } }, { point: { a: 2 }, winner: 'neither', difference: { 'follow-building': { mean: 0, lower: -1, upper: 1, n: 4 } } }];
    const map = JSON.stringify(sweepWinMap({ strategies: ['like-chasing', 'follow-building'], points: rows } as never));
    expect(map).toMatch(/Δ = mean follow-building − like-chasing \(currency units\)/);
  });
});

describe('charts laid out for a width', () => {
  it('come out at about the width asked for (a page\'s content width, a phone\'s)', async () => {
    const r = syntheticCompare(5);
    const values = [0, 1, 2].flatMap((i) => r.strategies.map((strategy) => ({ strategy, replicate: i, value: 10 * i - 5 })));
    for (const width of [1134, 720, 360]) {
      const specs = {
        'net return': netReturnPlot(r, { width }),
        followers: followersPlot(r, { width }),
        'reach by channel': reachByChannelPlot(r, { width }),
        replicates: replicatesPlot(values, r.strategies, undefined, { width }),
      };
      for (const [name, spec] of Object.entries(specs)) {
        expect(compileSpec(spec).warnings, name).toEqual([]);
        const w = svgWidth(await renderSvg(spec));
        expect(w, `${name} at ${width}`).toBeGreaterThanOrEqual(0.95 * width);
        expect(w, `${name} at ${width}`).toBeLessThanOrEqual(width + 4);
      }
    }
    // Default: the sizes the SVG files have always had.
    expect((netReturnPlot(r) as { width?: number }).width).toBe(560);
  });
});
