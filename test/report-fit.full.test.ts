/**
 * The charts and the report of a fit: a tiny fit and its advice built in-process, their plots
 * (one panel per statistic and per parameter, each with its marks), the page `feedsim report`
 * writes for a fit's directory (the advice's headline first, the parameters' and the predictive
 * check's tables, the charts, the notes), `feedsim fit --plots` and `feedsim advise` writing the
 * SVG files, and malformed fit.json or advice.json refused naming the file (exit 2).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { advise, type Advice } from '../src/calibrate/advise.js';
import { exportCsv, followerCsv } from '../src/calibrate/export-csv.js';
import { fit, type FitResult } from '../src/calibrate/fit.js';
import { learned, markedCycles, simulatedRange } from '../src/calibrate/format.js';
import { syntheticExport } from '../src/calibrate/synthetic.js';
import { ADVICE_CURVE_TITLE, adviceCurvePlot, compileSpec, POSTERIOR_TITLE, posteriorPlot, PREDICTIVE_TITLE, predictiveCheckPlot, renderSvg } from '../src/plots/index.js';
import { buildFitReport, checkFitResult, fitReportCharts, REPORT_LAYOUTS, writeReport } from '../src/report/index.js';
import { escapeHtml, interval, num } from '../src/report/format.js';
import { cliHere, tempDir } from './helpers/cli.js';
import { svgTexts, xmlProblems } from './helpers/plot-fixtures.js';

const { export: data } = syntheticExport({ posts: 12, days: 6, users: 300, followers: 30, seed: 4 });
let result: FitResult;
let advice: Advice;
let dir: string;
let html: string;

beforeAll(async () => {
  result = await fit({ export: data, users: 300, particles: 16, maxSimulations: 48, checks: 4, seed: 3 });
  advice = await advise({ fit: result, strategies: ['like-chasing', 'follow-building'], draws: 3, cycles: 2 });
  dir = join(tempDir('feedsim-report-fit-'), 'fit');
  mkdirSync(dir);
  writeFileSync(join(dir, 'fit.json'), JSON.stringify(result));
  writeFileSync(join(dir, 'advice.json'), JSON.stringify(advice));
  html = readFileSync(await writeReport(dir), 'utf8');
});

/** The HTML of a section of the page, by id (sections are not nested). */
const section = (page: string, id: string) => {
  const at = page.indexOf(`<section id="${id}"`);
  return at < 0 ? '' : page.slice(at, page.indexOf('</section>', at));
};
/** Body rows of the tables in `part`: the cells of each, tags stripped. */
const rowsOf = (part: string) =>
  [...part.matchAll(/<tr><th scope="row">([\s\S]*?)<\/tr>/g)].map((m) => `<th>${m[1]}`.split(/<\/t[hd]>/).filter((c) => c.trim()).map((c) => c.replace(/<[^>]+>/g, '').trim()));
/** The text of some HTML: tags stripped, entities decoded. */
const text = (part: string) => part.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** The groups of one kind of data mark in an SVG (a facet draws one per panel), each with its paths. */
const markGroups = (svg: string, mark: string) => [...svg.matchAll(new RegExp(`<g class="mark-${mark} role-mark [^"]*"[^>]*>([\\s\\S]*?)</g>`, 'g'))].map((m) => (m[1].match(/<path /g) ?? []).length);
const xAxes = (svg: string) => svg.match(/aria-label="X-axis/g)?.length ?? 0;
type Row = Record<string, number | string>;
const rowsOfSpec = (spec: unknown) => (spec as { data: { values: Row[] } }).data.values;

describe('the plots of a fit', () => {
  it('the predictive check: one panel per statistic with its own x axis, its simulated values, their range and the observed value as its one diamond', async () => {
    const spec = predictiveCheckPlot(result);
    const s = spec as unknown as { facet: { field: string }; resolve: { scale: { x: string } }; title: { text: string } };
    expect(s.facet.field).toBe('statistic');
    expect(s.resolve.scale.x).toBe('independent');
    expect(s.title.text).toBe(PREDICTIVE_TITLE);
    expect(PREDICTIVE_TITLE).toMatch(/observed vs simulated at posterior draws/i);
    const rows = rowsOfSpec(spec);
    expect(new Set(rows.map((r) => r.order))).toEqual(new Set(result.predictive.map((_, i) => i)));
    result.predictive.forEach((c, i) => {
      const mine = rows.filter((r) => r.order === i);
      expect(mine.filter((r) => r.kind === 'simulated').map((r) => r.value), c.statistic).toEqual(c.simulated);
      expect(mine.filter((r) => r.kind === 'observed').map((r) => r.value)).toEqual([c.observed]);
      const range = simulatedRange(c);
      expect(mine.filter((r) => r.kind === 'range').map((r) => [r.lower, r.value, r.upper])).toEqual([[range.q05, range.q50, range.q95]]);
      // The panel is named by its statistic, flagged when the observed value is outside the range.
      expect(new Set(mine.map((r) => r.statistic))).toEqual(new Set([c.quantile < 0.05 || c.quantile > 0.95 ? `${c.statistic}: observed outside the 90 % range` : c.statistic]));
    });
    const svg = await renderSvg(spec);
    const n = result.predictive.length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(xAxes(svg)).toBe(n);
    // One diamond per panel, and a tick for each simulated value.
    expect(markGroups(svg, 'symbol')).toEqual(new Array(n).fill(1));
    expect(markGroups(svg, 'rect')).toHaveLength(2 * n);
    expect(markGroups(svg, 'rect').filter((paths) => paths === 4)).toHaveLength(n);
    const texts = svgTexts(svg);
    expect(texts).toContain(PREDICTIVE_TITLE);
    const headers = texts.filter((t) => result.predictive.some((c) => t.startsWith(c.statistic)));
    expect(headers.map((h) => h.split(':')[0])).toEqual(result.predictive.map((c) => c.statistic));
    expect(xmlProblems(svg)).toEqual([]);
  });

  it('the posterior: one panel per parameter on a log axis over its prior range, the particles\' weights in bins, the prior\'s share and the median marked', async () => {
    const spec = posteriorPlot(result);
    const s = spec as unknown as { facet: { field: string }; resolve: { scale: { x: string } }; spec: { layer: Array<{ encoding: { x: { scale: { type: string } } } }> } };
    expect(s.facet.field).toBe('parameter');
    expect(s.resolve.scale.x).toBe('independent');
    expect(s.spec.layer.every((l) => l.encoding.x.scale.type === 'log')).toBe(true);
    const rows = rowsOfSpec(spec);
    result.parameters.forEach((p, k) => {
      const mine = rows.filter((r) => r.parameter === p.path);
      expect(mine.every((r) => r.order === k)).toBe(true);
      const bins = mine.filter((r) => r.kind === 'bin') as Array<{ lo: number; hi: number; weight: number }>;
      expect(bins).toHaveLength(20);
      expect(bins[0].lo).toBeCloseTo(p.prior.min, 12);
      expect(bins[19].hi).toBeCloseTo(p.prior.max, 12);
      expect(bins.reduce((a, b) => a + b.weight, 0)).toBeCloseTo(1, 12);
      // Each particle's weight is in the bin that holds its value.
      const inBin = (lo: number, hi: number) => result.posterior.particles.reduce((a, t, i) => a + (t[k] >= lo && t[k] < hi ? result.posterior.weights[i] : 0), 0);
      bins.slice(0, 19).forEach((b) => expect(b.weight).toBeCloseTo(inBin(b.lo, b.hi), 12));
      expect(mine.filter((r) => r.kind === 'prior').map((r) => [r.lo, r.hi, r.weight])).toEqual([[p.prior.min, p.prior.max, 1 / 20]]);
      expect(mine.filter((r) => r.kind === 'median').map((r) => r.lo)).toEqual([p.q50]);
    });
    const svg = await renderSvg(spec);
    const n = result.parameters.length;
    expect(xAxes(svg)).toBe(n);
    // Per panel: the prior's shaded range (one rect) and the 20 bins.
    expect(markGroups(svg, 'rect')).toHaveLength(2 * n);
    expect(markGroups(svg, 'rect').filter((x) => x === 20)).toHaveLength(n);
    expect(markGroups(svg, 'rect').filter((x) => x === 1)).toHaveLength(n);
    const texts = svgTexts(svg);
    expect(texts).toContain(POSTERIOR_TITLE);
    expect(texts.filter((t) => result.parameters.some((p) => p.path === t))).toEqual(result.parameters.map((p) => p.path));
  });

  it('the advice: P(challenger ahead) at each cycle, with half the draws marked', async () => {
    const spec = adviceCurvePlot(advice);
    expect(rowsOfSpec(spec)).toEqual(advice.aheadByCycle.map((ahead, c) => ({ cycle: c + 1, ahead })));
    const layers = (spec as unknown as { layer: Array<{ data?: { values: Row[] } }> }).layer;
    expect(layers.map((l) => l.data?.values)).toContainEqual([{ half: 0.5 }]);
    const svg = await renderSvg(spec);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining([ADVICE_CURVE_TITLE, 'P(follow-building ahead)', '0.5']));
    // The line's points, one per cycle.
    expect(markGroups(svg, 'symbol')).toEqual([advice.cycles]);
  });

  it('are laid out for a page\'s width without warnings, and refuse what is not a fit', async () => {
    for (const width of [1134, 720, 360]) {
      for (const c of fitReportCharts({ fit: result, advice }, { width })) {
        expect(compileSpec(c.spec).warnings, `${c.name} at ${width}`).toEqual([]);
        const w = Number(/^<svg[^>]*\swidth="([\d.]+)"/.exec(await renderSvg(c.spec))![1]);
        expect(w, `${c.name} at ${width}`).toBeGreaterThanOrEqual(0.95 * width);
        expect(w, `${c.name} at ${width}`).toBeLessThanOrEqual(width + 4);
      }
    }
    expect(() => predictiveCheckPlot({} as FitResult)).toThrow(/predictiveCheckPlot: fit\.predictive is undefined/);
    expect(() => adviceCurvePlot({ strategies: ['a', 'b'] } as Advice)).toThrow(/adviceCurvePlot: advice\.aheadByCycle is undefined/);
  });
});

describe('the report of a fit\'s directory', () => {
  it('opens with the advice\'s headline and what the export taught, before any chart or table', () => {
    const headline = section(html, 'headline');
    expect(headline).toContain(`<p class="verdict">${escapeHtml(advice.headline)}</p>`);
    for (const p of result.parameters) expect(headline).toContain(`<b>${p.path}</b>`);
    expect(text(headline)).toMatch(/Headline\nFor this account, follow-building ends 2 cycles/);
    expect(html.indexOf(advice.headline.slice(0, 40))).toBeLessThan(Math.min(html.indexOf('<figure'), html.indexOf('<table')));
    // This fit's follower growth is outside its simulations (the export's followers never change): a warning says so.
    const outside = result.predictive.filter((c) => c.quantile < 0.05 || c.quantile > 0.95).map((c) => c.statistic);
    expect(outside.length).toBeGreaterThan(0);
    expect([...headline.matchAll(/<li>([^:]+):/g)].map((m) => m[1])).toEqual(outside);
  });

  it('draws the two plots of the fit and the advice\'s, each titled, for every report width, with marks for each statistic and parameter', () => {
    const figures = [...html.matchAll(/<figure class="chart" id="chart-([^"]+)" data-title="([^"]+)">([\s\S]*?)<\/figure>/g)];
    // In reading order, as fitReportCharts lists them.
    expect(fitReportCharts({ fit: result, advice }).map((c) => c.name)).toEqual(['posterior', 'predictive', 'advice']);
    expect(figures.map((f) => [f[1], f[2]])).toEqual([
      ['posterior', escapeHtml(POSTERIOR_TITLE)],
      ['predictive', PREDICTIVE_TITLE],
      ['advice', ADVICE_CURVE_TITLE],
    ]);
    const [posterior, predictive, curve] = figures.map((f) => f[3]);
    for (const fig of [posterior, predictive, curve]) expect(fig.match(/<div class="view view-\w+"[^>]*>\n<svg /g)).toHaveLength(REPORT_LAYOUTS.length);
    const layouts = REPORT_LAYOUTS.length;
    expect(markGroups(predictive, 'symbol')).toEqual(new Array(layouts * result.predictive.length).fill(1));
    expect(markGroups(posterior, 'rect').filter((x) => x === 20)).toHaveLength(layouts * result.parameters.length);
    expect(xAxes(posterior)).toBe(layouts * result.parameters.length);
    const texts = svgTexts(posterior + predictive);
    for (const p of result.parameters) expect(texts).toContain(p.path);
    for (const c of result.predictive) expect(texts.some((t) => t.startsWith(c.statistic))).toBe(true);
    expect(svgTexts(curve)).toContain(ADVICE_CURVE_TITLE);
    // Each figure sits in its section.
    expect(section(html, 'posterior')).toContain('id="chart-posterior"');
    expect(section(html, 'predictive')).toContain('id="chart-predictive"');
    expect(section(html, 'advice')).toContain('id="chart-advice"');
  });

  it('tables each parameter: prior, posterior median [90 %], spread and what the export taught', () => {
    expect(rowsOf(section(html, 'posterior'))).toEqual(
      result.parameters.map((p) => [p.path, `${num(p.prior.min)} – ${num(p.prior.max)}`, `${num(p.q50)} [${num(p.q05)}, ${num(p.q95)}]`, p.shrinkage.toFixed(2), learned(p.shrinkage)]),
    );
    // This small fit teaches something about some parameters and nothing about others.
    const words = new Set(result.parameters.map((p) => learned(p.shrinkage)));
    expect(words.size).toBeGreaterThan(1);
  });

  it('tables the sampler\'s generations and names the one the posterior is', () => {
    expect(rowsOf(section(html, 'sampler')).map((r) => r[0])).toEqual(result.generations.map((g) => String(g.generation)));
    expect(section(html, 'sampler')).toContain(`The posterior is generation ${result.posterior.generation}`);
  });

  it('tables the predictive check: each statistic, what it measures, observed, simulated median [90 % range] and the quantile, ⚠ outside', () => {
    expect(rowsOf(section(html, 'predictive'))).toEqual(
      result.predictive.map((c) => {
        const q = simulatedRange(c);
        return [`${c.statistic} ${c.about}`, num(c.observed), `${num(q.q50)} [${num(q.q05)}, ${num(q.q95)}]`, `${c.quantile.toFixed(2)}${c.quantile < 0.05 || c.quantile > 0.95 ? ' ⚠' : ''}`];
      }),
    );
  });

  it('tables the advice: P(ahead) at the marked cycles, the difference and its spread, and the drivers', () => {
    const rows = rowsOf(section(html, 'advice'));
    expect(rows[0]).toEqual(['P(follow-building ahead)', ...markedCycles(2).map((c) => advice.aheadByCycle[c - 1].toFixed(2))]);
    expect(rows[1]).toEqual(['difference at cycle 2: mean [90 % interval]', interval(advice.difference)]);
    expect(rows[2]).toEqual(['90 % of posterior draws', `${num(advice.spread.lower)} to ${num(advice.spread.upper)}`]);
    expect(rows[3]).toEqual(['stays ahead in at least half the draws', advice.crossover === null ? 'from no cycle up to 2' : `from cycle ${advice.crossover} on`]);
    expect(rows.slice(4)).toEqual(advice.drivers.map((d) => [d.path, d.correlation.toFixed(2)]));
  });

  it('without advice: no advice section, the fit\'s sentence is the verdict; notes are listed; the same input gives the same bytes', async () => {
    const noted = { ...result, notes: ['3 rows skipped: no views', 'times read as UTC <b>'] };
    const page = await buildFitReport({ fit: noted });
    expect(page).not.toContain('<section id="advice"');
    expect(page.match(/<figure /g)).toHaveLength(2);
    expect(section(page, 'headline')).toMatch(new RegExp(`<p class="verdict">Of ${result.parameters.length} fitted parameters, the export `));
    expect([...section(page, 'notes').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1])).toEqual(['3 rows skipped: no views', 'times read as UTC &lt;b&gt;']);
    // The fit's own notes (statistics left out of so small an export) are listed in the full report.
    expect([...section(html, 'notes').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1])).toEqual(result.notes.map(escapeHtml));
    expect(await buildFitReport({ fit: JSON.parse(JSON.stringify(noted)) })).toBe(page);
    expect(xmlProblems(page.replace(/<!doctype html>/i, '').replace(/<meta [^>]*>/g, ''))).toEqual([]);
    expect(page).not.toMatch(/<script|<link|<iframe|<img/i);
  });

  it('says which parameters the export pinned down, narrowed and did not inform', async () => {
    const shrinkages = [0.2, 0.7, 1.1, 0.95, 0.3];
    // Five parameters (the tiny fit has fewer), each with a set spread ratio.
    const paths = ['feed.inNetworkReach', 'feed.outOfNetworkWeight', 'behavior.like.base', 'behavior.share.base', 'behavior.follow.base'];
    const crafted = {
      ...result,
      parameters: paths.map((path, i) => ({ ...result.parameters[0], path, shrinkage: shrinkages[i] })),
      posterior: { ...result.posterior, particles: result.posterior.particles.map((p) => paths.map(() => p[0])) },
    };
    const [a, b, c, d, e] = paths;
    const page = await buildFitReport({ fit: crafted });
    expect(text(section(page, 'headline'))).toContain(`Of 5 fitted parameters, the export pinned down ${a} and ${e}, narrowed ${b} and left ${c} and ${d} about where the prior had them.`);
  });
});

describe('feedsim fit --plots, advise and report on a fit\'s directory', () => {
  it('fit --plots writes the two plots, advise its own after it, and report the page (exit 0)', async () => {
    const root = tempDir('feedsim-fit-plots-');
    writeFileSync(join(root, 'export.csv'), exportCsv(data));
    writeFileSync(join(root, 'followers.csv'), followerCsv(data.followers!));
    const out = join(root, 'fit');
    const ran = await cliHere(['fit', join(root, 'export.csv'), '--followers-file', join(root, 'followers.csv'), '--users', '300', '--particles', '16', '--max-simulations', '48', '--checks', '4', '--seed', '3', '--workers', '1', '--out', out, '--plots']);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toContain(`wrote fit.json, posterior.csv, ${join('plots', 'posterior.svg')}, ${join('plots', 'predictive.svg')} to ${out}`);
    expect(svgTexts(readFileSync(join(out, 'plots', 'predictive.svg'), 'utf8'))).toContain(PREDICTIVE_TITLE);
    expect(svgTexts(readFileSync(join(out, 'plots', 'posterior.svg'), 'utf8'))).toContain(POSTERIOR_TITLE);
    expect(existsSync(join(out, 'plots', 'advice.svg'))).toBe(false);
    const advised = await cliHere(['advise', out, '--strategies', 'like-chasing,follow-building', '--draws', '3', '--cycles', '2', '--workers', '1']);
    expect(advised.status, advised.stderr).toBe(0);
    expect(svgTexts(readFileSync(join(out, 'plots', 'advice.svg'), 'utf8'))).toContain(ADVICE_CURVE_TITLE);
    const reported = await cliHere(['report', out]);
    expect(reported.status, reported.stderr).toBe(0);
    expect(reported.stdout).toBe(`wrote ${join(out, 'report.html')}\n`);
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    expect(page.match(/<figure /g)).toHaveLength(3);
    expect(page).toContain(`<p>Command: <code>feedsim fit ${escapeHtml(join(root, 'export.csv'))}</code></p>`);
    // The fit read from the CSV is this test's fit: the same tables.
    expect(rowsOf(section(page, 'posterior'))).toEqual(rowsOf(section(html, 'posterior')));
  });

  it('advise without --plots writes no plot for a fit run without them; with --plots it does', async () => {
    const d = join(tempDir('feedsim-advise-plots-'), 'fit');
    mkdirSync(d);
    writeFileSync(join(d, 'fit.json'), JSON.stringify(result));
    const args = ['advise', d, '--strategies', 'like-chasing,follow-building', '--draws', '2', '--cycles', '1', '--workers', '1'];
    expect((await cliHere(args)).status).toBe(0);
    expect(existsSync(join(d, 'plots'))).toBe(false);
    expect((await cliHere([...args, '--plots'])).status).toBe(0);
    expect(existsSync(join(d, 'plots', 'advice.svg'))).toBe(true);
  });

  it('a malformed fit.json or advice.json is refused naming the file and the field (exit 2), and no report is written', async () => {
    const root = tempDir('feedsim-report-fit-bad-');
    const refusedWith = async (fitText: string, adviceText?: string) => {
      const d = join(root, `d${Math.random().toString(36).slice(2)}`);
      mkdirSync(d);
      writeFileSync(join(d, 'fit.json'), fitText);
      if (adviceText !== undefined) writeFileSync(join(d, 'advice.json'), adviceText);
      const r = await cliHere(['report', d]);
      expect(existsSync(join(d, 'report.html'))).toBe(r.status === 0);
      return { ...r, d };
    };
    const broken = (change: (f: Record<string, any>) => void) => {
      const f = JSON.parse(JSON.stringify(result));
      change(f);
      return JSON.stringify(f);
    };
    let r = await refusedWith(broken((f) => delete f.parameters[1].prior));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`feedsim: ${join(r.d, 'fit.json')}: parameters[1].prior is undefined; expected a log-uniform range { min, max } with 0 < min < max\n`);
    // feedsim advise reads it with the same check.
    const advised = await cliHere(['advise', r.d, '--strategies', 'like-chasing,follow-building', '--draws', '2', '--cycles', '1', '--workers', '1']);
    expect(advised.status).toBe(2);
    expect(advised.stderr).toBe(`feedsim: ${join(r.d, 'fit.json')}: parameters[1].prior is undefined; expected a log-uniform range { min, max } with 0 < min < max\n`);
    r = await refusedWith(broken((f) => (f.posterior.weights = f.posterior.weights.slice(1))));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^feedsim: ${join(r.d, 'fit\\.json')}: posterior\\.weights is \\[.*; expected one weight per particle\\n$`));
    r = await refusedWith(broken((f) => (f.predictive[0].simulated = 'many')));
    expect(r.stderr).toMatch(/fit\.json: predictive\[0\]\.simulated is "many"; expected the simulated values at posterior draws/);
    r = await refusedWith('{"parameters": [');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^feedsim: ${join(r.d, 'fit\\.json')}: not valid JSON \\(`));
    r = await refusedWith(JSON.stringify(result), JSON.stringify({ ...advice, aheadByCycle: [0.5] }));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`feedsim: ${join(r.d, 'advice.json')}: aheadByCycle is [0.5]; expected a share of draws for each of the 2 cycles\n`);
    r = await refusedWith(JSON.stringify(result), JSON.stringify(advice));
    expect(r.status, r.stderr).toBe(0);
    // The library refuses it too, naming the field.
    expect(() => checkFitResult({ ...result, notes: 'none' })).toThrow(/^fit\.json: notes is "none"; expected a list of sentences$/);
    const g = result.generations.length;
    expect(() => checkFitResult({ ...result, posterior: { ...result.posterior, generation: g } })).toThrow(new RegExp(`^fit\\.json: posterior\\.generation is ${g}; expected the number of one of the fit's generations$`));
    // A directory with neither a summary nor a fit.
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const none = await cliHere(['report', empty]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/is not a results directory \(no summary\.json\) nor a fit's \(no fit\.json\): write one with feedsim compare, sweep, contest, sensitivity or fit --out /);
  });
});
