/**
 * Small real results for the plot and report tests (a comparison and a sweep that take about a
 * second each), a synthetic comparison whose crossover is chosen, and an SVG/XML checker.
 */
import { compare, crossover, sweep, tInterval, type CompareResult, type Interval, type SweepResult } from '../../src/index.js';
import { CHANNEL_NAMES } from '../../src/feed/channel.js';

/** A two-strategy comparison: 1,500 users, 4 cycles of 12 steps, 3 replicates, runs kept. */
export function smallCompare(): Promise<CompareResult> {
  return compare({ scenario: { users: 1500, cycles: 4, stepsPerCycle: 12 }, strategies: ['like-chasing', 'follow-building'], replicates: 3, seed: 5, workers: 1, keepRuns: true });
}

/** A two-factor grid sweep: 2 × 2 points, 800 users, 3 cycles of 8 steps, 2 replicates. */
export function smallSweep(): Promise<SweepResult> {
  return sweep({
    scenario: { users: 800, cycles: 3, stepsPerCycle: 8 },
    design: { kind: 'grid', factors: { 'behavior.follow.base': [0.0005, 0.005], 'economics.budgetPerCycle': [10, 40] } },
    strategies: ['like-chasing', 'follow-building'],
    replicates: 2,
    seed: 3,
    workers: 1,
  });
}

/**
 * A comparison built by hand: the challenger's per-replicate net return difference is
 * `slope · (cycle − crossAt) + noise`, so it turns positive for good at `crossAt` (or never, when
 * `crossAt` is null: it stays negative). Summaries and the crossover come from the library's own
 * interval and crossover functions.
 */
export function syntheticCompare(crossAt: number | null, cycles = 8, replicates = 6): CompareResult {
  const labels = ['like-chasing', 'follow-building'];
  const noise = (r: number, c: number) => ((r * 7 + c * 3) % 5) / 10 - 0.2; // deterministic, |noise| ≤ 0.2
  const base = Array.from({ length: replicates }, (_, r) => Array.from({ length: cycles }, (_, c) => 10 * (c + 1) + noise(r, c)));
  const diffs = base.map((rep, r) => rep.map((_, c) => (crossAt === null ? -5 - c : 3 * (c + 1 - crossAt) + 1.5 + noise(r, c))));
  const chall = base.map((rep, r) => rep.map((v, c) => v + diffs[r][c]));
  const perCycle = (m: number[][]) => Array.from({ length: cycles }, (_, c) => tInterval(m.map((rep) => rep[c])));
  const series = (npv: number[][], followers: number): Record<string, Interval[]> => {
    const flat = (v: number) => Array.from({ length: cycles }, (_, c) => tInterval(Array.from({ length: replicates }, (_, r) => v + c + r)));
    return {
      cumulativeNpv: perCycle(npv),
      cumulativeNet: perCycle(npv),
      followers: flat(followers),
      reach: flat(500),
      ...Object.fromEntries(CHANNEL_NAMES.map((ch, i) => [`reach.${ch}`, flat(100 * (i + 1))])),
    };
  };
  const diffIntervals = perCycle(diffs);
  return {
    scenarioHash: 'synthetic', seed: 1, replicates, cycles, level: 0.95, strategies: labels,
    summary: { [labels[0]]: series(base, 100), [labels[1]]: series(chall, 120) },
    differences: { [labels[1]]: { cumulativeNpv: diffIntervals } },
    probabilityAhead: { [labels[0]]: new Array(cycles).fill(0.5), [labels[1]]: new Array(cycles).fill(0.5) },
    crossovers: [crossover(labels[1], labels[0], diffs, diffIntervals)],
    economics: {},
    spendPerCycle: { [labels[0]]: 10, [labels[1]]: 10 },
    warnings: [],
  };
}

/** Problems with `xml` as XML: unbalanced or mismatched tags (a small tag-stack check). */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , self] = m;
    if (self) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  const stray = xml.replace(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g, '').match(/[<>]/g);
  if (stray) problems.push(`${stray.length} stray < or > characters`);
  return problems;
}

/** Text of every `<text>` element of an SVG (entities decoded). */
export function svgTexts(svg: string): string[] {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => decode(m[1].replace(/<[^>]+>/g, '')));
}
