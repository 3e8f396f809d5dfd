/**
 * The report of a sensitivity study: small real studies (Morris, and Sobol with an emulator),
 * their pages — the sentence on what decides the answer first, the emulator's verdict and the
 * warnings beside it, then per output its chart and its table of indices, then the study — a
 * malformed summary.json refused naming the field, and `feedsim report` on a directory written
 * by `feedsim sensitivity --out`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSpec } from '../src/plots/index.js';
import { buildSensitivityReport, checkSensitivitySummary, sensitivityReportCharts, REPORT_LAYOUTS, type SensitivitySummary } from '../src/report/index.js';
import { escapeHtml, interval, num } from '../src/report/format.js';
import { sensitivity, type SensitivityResult } from '../src/sensitivity/study.js';
import { cliHere, tempDir, writeIn } from './helpers/cli.js';
import { svgTexts, xmlProblems } from './helpers/plot-fixtures.js';

// At 3 cycles the difference of this small world is the same at every point; at 6 it moves.
const scenario = { users: 500, cycles: 6, stepsPerCycle: 12 };
const factors = ['market.buyers', 'economics.valuePerConversion', 'behavior.follow.base'];
let morris: SensitivitySummary;
let sobol: SensitivitySummary;
let morrisHtml: string;
let sobolHtml: string;

beforeAll(async () => {
  const [m, s] = await Promise.all([
    sensitivity({ scenario, factors, trajectories: 2, replicates: 1, metrics: ['followers'] }),
    sensitivity({ scenario, factors, method: 'sobol', samples: 4, replicates: 1, emulator: true }),
  ]);
  morris = { kind: 'sensitivity', ...m };
  sobol = { kind: 'sensitivity', ...s };
  [morrisHtml, sobolHtml] = await Promise.all([buildSensitivityReport({ summary: morris }), buildSensitivityReport({ summary: sobol })]);
});

/** The HTML of a section of the page, by id (sections are not nested). */
const section = (page: string, id: string) => {
  const at = page.indexOf(`<section id="${id}"`);
  return at < 0 ? '' : page.slice(at, page.indexOf('</section>', at));
};
const outputSection = (page: string, output: string) => section(page, `output-${output.replace(/[^A-Za-z0-9-]+/g, '-')}`);
/** Body rows of the tables in `htmlPart`: the cells of each, tags stripped. */
const rowsOf = (htmlPart: string) =>
  [...htmlPart.matchAll(/<tr><th scope="row">([\s\S]*?)<\/tr>/g)].map((m) => `<th>${m[1]}`.split(/<\/t[hd]>/).filter((c) => c.trim()).map((c) => c.replace(/<[^>]+>/g, '').trim()));
/** The text of some HTML: tags stripped, entities decoded. */
const text = (htmlPart: string) => htmlPart.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** An estimate and its interval as the tables print them: bounds that are rounding noise beside the estimate (1e-15) print as 0. */
const shown = (e: { estimate: number; lower: number; upper: number }) => {
  const scale = Math.max(...[e.estimate, e.lower, e.upper].map((x) => (Number.isFinite(x) ? Math.abs(x) : 0)));
  const clean = (x: number) => (Number.isFinite(x) && Math.abs(x) < 1e-12 * scale ? 0 : x);
  return interval({ mean: clean(e.estimate), lower: clean(e.lower), upper: clean(e.upper) });
};
/** "a", "a and b", "a, b and c". */
const listed = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const crafted = (from: SensitivitySummary, change: (s: SensitivitySummary) => void): SensitivitySummary => {
  const s = structuredClone(from);
  change(s);
  return s;
};
/** Factor paths of an output in the order its table lists them, and the estimate the order is by. */
const morrisRanked = (r: SensitivityResult, output: string) => {
  const out = r.outputs[output];
  if (out.method !== 'morris') throw new Error('not Morris');
  return out.morris.factors.map((f, i) => ({ f, path: r.factors[i].path })).sort((a, b) => a.f.rank - b.f.rank);
};
const sobolByTotal = (r: SensitivityResult, output: string) => {
  const out = r.outputs[output];
  if (out.method !== 'sobol') throw new Error('not Sobol');
  const total = (x: number) => (Number.isFinite(x) ? x : -Infinity);
  return out.sobol.factors.map((f, i) => ({ f, i, path: r.factors[i].path })).sort((a, b) => total(b.f.total.estimate) - total(a.f.total.estimate) || a.i - b.i);
};

describe('the report of a Morris screening', () => {
  it('opens with one sentence naming the assumptions that move the answer most, with their μ*, before any chart or table', () => {
    const headline = section(morrisHtml, 'headline');
    const verdict = /<p class="verdict">([\s\S]*?)<\/p>/.exec(headline)?.[1] ?? '';
    const moving = morrisRanked(morris, 'difference').filter((x) => x.f.muStar.estimate > 0);
    // This study's difference moves with some factors and not others, so the sentence has something to say.
    expect(moving.length).toBeGreaterThan(0);
    expect(moving.length).toBeLessThan(3);
    const names = listed(moving.map((x) => `<b>${x.path}</b>`));
    const effects = listed(moving.map((x) => num(x.f.muStar.estimate)));
    expect(verdict).toContain(`Of 3 assumptions, the answer (follow-building − like-chasing, net return at cycle 6) moves most with ${names} (μ* ${effects} currency units over`);
    expect(text(verdict)).toContain(`the other ${3 - moving.length === 1 ? 'one leaves' : `${3 - moving.length} leave`} it unchanged`);
    // With 3 factors the top 5 is all of them: the sentence gives the first's bootstrap rank range instead.
    const [lo, hi] = moving[0].f.rankRange;
    expect(verdict).toMatch(new RegExp(`<b>${moving[0].path}</b> ranks ${lo === hi ? lo : `${lo}–${hi}`} in 95 % of bootstrap resamples of the 2 trajectories\\.$`));
    const body = morrisHtml.slice(morrisHtml.indexOf('<body>'));
    expect(body.indexOf('<section')).toBe(body.indexOf('<section id="headline">'));
    expect(morrisHtml.indexOf(verdict)).toBeLessThan(Math.min(morrisHtml.indexOf('<figure'), morrisHtml.indexOf('<table')));
    expect(headline).not.toContain('id="warnings"');
    // The answer's own section does not say it again; the other outputs' sections have their sentences.
    expect(outputSection(morrisHtml, 'difference')).toContain(`<p>Mean over the design: ${num(morris.means.difference)} currency units.</p>`);
    expect(outputSection(morrisHtml, 'difference')).not.toContain('moves most with');
    expect(text(outputSection(morrisHtml, 'followers:follow-building'))).toContain(`Of 3 assumptions, followers:follow-building moves most with ${morrisRanked(morris, 'followers:follow-building')[0].path} (μ*`);
  });

  it('says how stable the top factors are when there are more factors than the top', async () => {
    const page = await buildSensitivityReport({
      summary: crafted(morris, (s) => {
        const out = s.outputs.difference;
        if (out.method === 'morris') Object.assign(out.morris, { top: 2, topStability: 0.93 });
      }),
    });
    expect(section(page, 'headline')).toMatch(/; the top 2 is stable in 93 % of bootstrap resamples of the 2 trajectories\.<\/p>/);
  });

  it('an output no factor moves says so rather than naming any', async () => {
    const page = await buildSensitivityReport({
      summary: crafted(morris, (s) => {
        const out = s.outputs.difference;
        if (out.method === 'morris') for (const f of out.morris.factors) Object.assign(f, { muStar: { estimate: 0, lower: 0, upper: 0 }, mu: 0, sigma: 0 });
      }),
    });
    expect(text(section(page, 'headline'))).toContain('Of 3 assumptions, none moves the answer (follow-building − like-chasing, net return at cycle 6): it is the same at every step of the 2 trajectories (μ* = 0 for each).');
  });

  it('tables every factor of every output by rank: μ* [interval], μ, σ and rank range, as in the result', () => {
    expect(Object.keys(morris.outputs)).toEqual(['difference', 'crossover', 'followers:like-chasing', 'followers:follow-building']);
    for (const output of Object.keys(morris.outputs)) {
      const rows = rowsOf(outputSection(morrisHtml, output));
      const ranked = morrisRanked(morris, output);
      expect(rows, output).toEqual(
        ranked.map(({ f, path }) => [String(f.rank), path, shown(f.muStar), num(f.mu), num(f.sigma), f.rankRange[0] === f.rankRange[1] ? String(f.rankRange[0]) : `${f.rankRange[0]}–${f.rankRange[1]}`]),
      );
      expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(factors));
      expect(rows.flat().join(' '), output).not.toMatch(/\de-\d/);
    }
    // The outputs do not all rank the factors alike: the rows follow each output's own ranks.
    expect(morrisRanked(morris, 'followers:follow-building')[0].path).not.toBe(morrisRanked(morris, 'difference')[0].path);
  });

  it('draws one chart per output inline in its section, for every report width, titled as drawn', () => {
    const charts = sensitivityReportCharts({ summary: morris });
    expect(charts.map((c) => c.name)).toEqual(['morris-difference', 'morris-crossover', 'morris-followers-like-chasing', 'morris-followers-follow-building']);
    Object.keys(morris.outputs).forEach((output, i) => {
      const part = outputSection(morrisHtml, output);
      const figs = [...part.matchAll(/<figure class="chart" id="chart-([^"]+)" data-title="([^"]+)">([\s\S]*?)<\/figure>/g)];
      expect(figs.map((f) => [f[1], f[2]]), output).toEqual([[charts[i].name, escapeHtml(charts[i].title)]]);
      const views = figs[0][3].match(/<div class="view view-\w+"[^>]*>\n<svg /g) ?? [];
      expect(views).toHaveLength(REPORT_LAYOUTS.length);
      expect(figs[0][3]).toMatch(/class="mark-symbol/);
      expect(svgTexts(figs[0][3])).toEqual(expect.arrayContaining([charts[i].title]));
      expect(figs[0][3]).toContain('<figcaption>Each assumption&#39;s μ*');
      expect(compileSpec(sensitivityReportCharts({ summary: morris }, { width: 720 })[i].spec).warnings).toEqual([]);
    });
    expect(morrisHtml.match(/<figure /g)).toHaveLength(4);
  });

  it('gives the context: method, factors with their ranges, points, runs, replicates, seed and cycle', () => {
    expect(morrisHtml).toContain(`<p class="meta">Morris screening · 3 assumptions · ${morris.points} design points · 1 replicates · ${morris.runs} runs · cycle 6 · seed ${morris.seed}</p>`);
    const study = section(morrisHtml, 'study');
    expect(text(study)).toContain(`Morris screening: ${morris.points} design points on 2 one-at-a-time trajectories; at each, like-chasing and follow-building on 1 paired replicate (${morris.runs} runs, seed ${morris.seed}); outputs at cycle 6.`);
    expect(rowsOf(study)).toEqual(morris.factors.map((f) => [f.path, `${num(f.min)} – ${num(f.max)}`, f.log ? 'log' : 'linear']));
    expect(morris.points).toBe(8);
    expect(morris.runs).toBe(16);
  });

  it('is self-contained and deterministic: the same summary, in memory or read back from JSON, gives the same bytes', async () => {
    expect(morrisHtml).not.toMatch(/<script|<link|<iframe|<img|@import|url\((?!#)/i);
    expect(morrisHtml.replace(/\sxmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]+"/g, '')).not.toMatch(/https?:\/\//);
    expect(morrisHtml).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    const ids = [...morrisHtml.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xmlProblems(morrisHtml.replace(/<!doctype html>/i, '').replace(/<meta [^>]*>/g, ''))).toEqual([]);
    expect(await buildSensitivityReport({ summary: morris })).toBe(morrisHtml);
    expect(await buildSensitivityReport({ summary: JSON.parse(JSON.stringify(morris)) })).toBe(morrisHtml);
  });

  it('escapes every string of the summary: a hostile factor path, output name and warning', async () => {
    const attack = '<script>alert(1)</script>';
    const page = await buildSensitivityReport({
      summary: crafted(morris, (s) => {
        s.factors[0].path = attack;
        s.outputs[`<img src=x>`] = s.outputs.crossover;
        s.means[`<img src=x>`] = 0;
        s.warnings = [`<iframe src="x"></iframe>`];
      }),
    });
    expect(page).not.toMatch(/<script|<img|<iframe/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<li>&lt;iframe src=&quot;x&quot;&gt;&lt;/iframe&gt;</li>');
    expect(xmlProblems(page.replace(/<!doctype html>/i, '').replace(/<meta [^>]*>/g, ''))).toEqual([]);
  });
});

describe('the report of Sobol indices from an emulator', () => {
  it('opens with the factors of largest total index and, beside them, the emulator\'s Q² and verdict, then the warnings', () => {
    const headline = section(sobolHtml, 'headline');
    const d = sobol.outputs.difference;
    if (d.method !== 'sobol' || !d.emulator) throw new Error('expected Sobol indices with an emulator report');
    const named = sobolByTotal(sobol, 'difference').filter((x) => x.f.total.estimate > 0).slice(0, 3);
    expect(named.length).toBeGreaterThan(0);
    const verdict = /<p class="verdict">([\s\S]*?)<\/p>/.exec(headline)?.[1] ?? '';
    expect(verdict).toContain(`Of 3 assumptions, the answer (follow-building − like-chasing, net return at cycle 6) depends most on ${listed(named.map((x) => `<b>${x.path}</b>`))} (total index S_T ${listed(named.map((x) => num(x.f.total.estimate)))}: `);
    // This tiny design does not teach the emulator much: it is not trusted, and the page says so next to the sentence.
    expect(d.emulator.trusted).toBe(false);
    expect(headline).toMatch(
      new RegExp(`</p>\\n<p class="emulator">Emulator: held-out Q² ${d.emulator.q2.toFixed(2)} on ${d.emulator.heldOut} runs, 95 % interval coverage ${Math.round(100 * d.emulator.coverage)} % — <b>not trusted</b> \\(Q² &lt; 0\\.9\\): the indices are the direct estimates from the ${sobol.points} design points\\.</p>\\n<aside id="warnings"`),
    );
    expect(sobol.warnings.length).toBeGreaterThan(0);
    expect(rowsOf(headline)).toEqual([]);
    expect([...headline.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]))).toEqual(sobol.warnings);
  });

  it('a trusted emulator is said to be trusted', async () => {
    const page = await buildSensitivityReport({
      summary: crafted(sobol, (s) => {
        const out = s.outputs.difference;
        if (out.method === 'sobol') Object.assign(out.emulator!, { q2: 0.954, coverage: 0.96, trusted: true, samples: 4096 });
      }),
    });
    expect(text(section(page, 'headline'))).toContain(`Emulator: held-out Q² 0.95 on 4 runs, 95 % interval coverage 96 % — trusted (Q² ≥ 0.9): the indices are estimated on the emulator (fitted to`);
    expect(page).not.toContain('<b>not trusted</b> (Q² &lt; 0.9): the indices are the direct estimates from the 20 design points.</p>\n<aside');
  });

  it('tables S₁ and S_T [interval] of every factor by total index; a constant output says it has none', () => {
    for (const output of Object.keys(sobol.outputs)) {
      const rows = rowsOf(outputSection(sobolHtml, output));
      expect(rows, output).toEqual(sobolByTotal(sobol, output).map(({ f, path }) => [path, shown(f.first), shown(f.total)]));
      expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(factors));
    }
    const crossover = sobol.outputs.crossover;
    expect(crossover.method === 'sobol' && crossover.sobol.constant).toBe(true);
    const part = outputSection(sobolHtml, 'crossover');
    expect(text(part)).toContain('Of 3 assumptions, none moves crossover: it is the same at every design point, so there is no variance to apportion.');
    expect(rowsOf(part).every((r) => r[1] === '—' && r[2] === '—')).toBe(true);
    expect(text(part)).toContain('Emulator: not fitted — the output is the same at every design point');
  });

  it('draws one chart per output, finite and laid out even for the constant output, and is deterministic through JSON', async () => {
    for (const output of Object.keys(sobol.outputs)) {
      const figs = outputSection(sobolHtml, output).match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? [];
      expect(figs, output).toHaveLength(1);
      const fig = figs[0] ?? '';
      const widths = [...fig.matchAll(/<svg [^>]*\swidth="([^"]+)"/g)].map((m) => Number(m[1]));
      expect(widths).toHaveLength(REPORT_LAYOUTS.length);
      // Each view is drawn for its layout's width, within a few per cent (the page scales it to fill).
      widths.forEach((w, i) => expect(Math.abs(w - REPORT_LAYOUTS[i].width) / REPORT_LAYOUTS[i].width, `${output} ${REPORT_LAYOUTS[i].key}: ${w}`).toBeLessThan(0.05));
      // Every factor keeps its row, by the last two parts of its path, even where there is no bar.
      expect(svgTexts(fig)).toEqual(expect.arrayContaining([`Sobol indices of ${output}`, 'market.buyers', 'economics.valuePerConversion', 'follow.base']));
    }
    expect(compileSpec(sensitivityReportCharts({ summary: sobol }, { width: 360 })[1].spec).warnings).toEqual([]);
    expect(sobolHtml).toContain('<p class="meta">Sobol indices · 3 assumptions · 20 design points · 1 replicates · 40 runs · cycle 6');
    expect(await buildSensitivityReport({ summary: JSON.parse(JSON.stringify(sobol)) })).toBe(sobolHtml);
  });
});

describe('a malformed sensitivity summary', () => {
  const refused = (s: unknown) => {
    try {
      checkSensitivitySummary(s);
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };
  it('is refused naming the field and what it should be', async () => {
    const json = () => JSON.parse(JSON.stringify(morris)) as Record<string, any>;
    const without = (change: (s: Record<string, any>) => void) => {
      const s = json();
      change(s);
      return s;
    };
    expect(refused(json())).toBe('accepted');
    expect(refused(JSON.parse(JSON.stringify(sobol)))).toBe('accepted');
    expect(refused(without((s) => delete s.outputs))).toMatch(/^summary\.json: outputs is undefined; expected the indices of each output/);
    expect(refused(without((s) => (s.method = 'fast')))).toMatch(/^summary\.json: method is "fast"; expected "morris" or "sobol"$/);
    expect(refused(without((s) => delete s.outputs.difference.morris.factors[1].muStar))).toMatch(/^summary\.json: outputs\["difference"\]\.morris\.factors\[1\]\.muStar is undefined; expected μ\* with its interval/);
    expect(refused(without((s) => s.outputs.crossover.morris.factors.pop()))).toMatch(/^summary\.json: outputs\["crossover"\]\.morris\.factors is \[.*; expected the indices of each of the 3 factors/);
    expect(refused(without((s) => (s.outputs.difference.morris.factors[2].rank = 1)))).toMatch(/outputs\["difference"\]\.morris\.factors is \[1,2\]; expected ranks 1 to 3, each once/);
    expect(refused(without((s) => (s.factors[2] = { path: 'behavior.follow.base' })))).toMatch(/^summary\.json: factors\[2\] is \{"path":"behavior\.follow\.base"\}; expected \{ path, min, max/);
    expect(refused(without((s) => (s.runs = '16')))).toMatch(/^summary\.json: runs is "16"; expected a number$/);
    expect(refused(without((s) => (s.outputs.difference.method = 'sobol')))).toMatch(/outputs\["difference"\]\.method is "sobol"; expected "morris", the study's method/);
    const badSobol = JSON.parse(JSON.stringify(sobol));
    badSobol.outputs.difference.emulator.trusted = 'yes';
    expect(refused(badSobol)).toMatch(/^summary\.json: outputs\["difference"\]\.emulator\.trusted is "yes"; expected true or false$/);
    delete badSobol.outputs.crossover.sobol.factors[0].total;
    badSobol.outputs.difference.emulator.trusted = false;
    expect(refused(badSobol)).toMatch(/outputs\["crossover"\]\.sobol\.factors\[0\]\.total is undefined; expected an index with its interval/);
    // The report builds nothing from it.
    await expect(buildSensitivityReport({ summary: without((s) => delete s.warnings) as SensitivitySummary })).rejects.toThrow(/^summary\.json: warnings is undefined; expected a list of sentences$/);
  });
});

describe('feedsim report on a sensitivity study\'s directory', () => {
  it('writes report.html from what feedsim sensitivity --out wrote (exit 0), and refuses a malformed summary (exit 2) naming the field', async () => {
    const root = tempDir('feedsim-report-sensitivity-');
    const file = writeIn(root, 'small.yaml', 'users: 500\ncycles: 6\nstepsPerCycle: 12\n');
    const dir = join(root, 'study');
    const ran = await cliHere(['sensitivity', file, '--factors', factors.join(','), '--trajectories', '2', '--replicates', '1', '--metrics', 'followers', '--workers', '1', '--out', dir]);
    expect(ran.status, ran.stderr).toBe(0);
    const reported = await cliHere(['report', dir]);
    expect(reported.status, reported.stderr).toBe(0);
    expect(reported.stdout).toBe(`wrote ${join(dir, 'report.html')}\n`);
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    // The same study as the library's: the same sentence, the command and the record's size beside it.
    const verdict = (html: string) => /<p class="verdict">[\s\S]*?<\/p>/.exec(html)?.[0];
    expect(verdict(page)).toBe(verdict(morrisHtml));
    expect(page).toContain(`runs.jsonl: 16 rows from 16 runs`);
    expect(page).toContain(`<p>Command: <code>feedsim sensitivity</code></p>\n<details><summary>Input</summary>`);
    expect(page.match(/<figure /g)).toHaveLength(4);

    const bad = join(root, 'bad');
    mkdirSync(bad);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    delete summary.outputs.difference.morris.factors[0].sigma;
    writeFileSync(join(bad, 'summary.json'), JSON.stringify(summary));
    const refused = await cliHere(['report', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/summary\.json: outputs\["difference"\]\.morris\.factors\[0\]\.sigma is undefined; expected a number/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(bad, 'report.html'))).toBe(false);
  });
  it('says how much of each output is run-to-run noise when points have replicates', async () => {
    // The fixtures have 1 replicate a point: nothing to measure, nothing said.
    expect(morris.noise.difference).toBeNull();
    expect(morrisHtml).not.toContain('Run-to-run noise');
    const two = await sensitivity({ scenario, factors, trajectories: 2, replicates: 2 });
    const noise = two.noise.difference!;
    expect(noise.sdPerReplicate).toBeGreaterThan(0);
    const html = await buildSensitivityReport({ summary: { kind: 'sensitivity', ...two } });
    expect(text(html)).toContain(`Run-to-run noise: a standard deviation of ${num(noise.sdPerReplicate)} per replicate, ${num(noise.sdOfPointMean)} for a point's mean. A μ* below ${num(noise.muStarFloor!)} is within what noise alone gives.`);
  });
});
