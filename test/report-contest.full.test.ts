/**
 * `feedsim report` on a contest's results directory: a tiny contest run as a user runs it, then
 * its report.html — the contest's sentence first with its warnings beside it, the chart of each
 * finalist's causes, the finalists, difference, recipes and searches — and a crafted summary.json
 * whose family names and recipe values try to inject markup.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTEST_SPLIT_TITLE, compileSpec, contestSplitPlot } from '../src/plots/index.js';
import { buildContestReport, contestReportCharts, REPORT_LAYOUTS, writeReport, type ContestSummary } from '../src/report/index.js';
import { escapeHtml, interval } from '../src/report/format.js';
import { cliHere, tempDir, writeIn } from './helpers/cli.js';
import { svgTexts, xmlProblems } from './helpers/plot-fixtures.js';

let dir: string;
let summary: ContestSummary;
let html: string;
let reported: { status: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  const root = tempDir('feedsim-report-contest-');
  const file = writeIn(root, 'small.yaml', 'users: 600\ncycles: 3\nstepsPerCycle: 12\n');
  dir = join(root, 'contest');
  const ran = await cliHere(['contest', file, '--candidates', '4', '--held-out', '4', '--screen-users', '300', '--horizon', '2', '--workers', '2', '--out', dir]);
  expect(ran.status, ran.stderr).toBe(0);
  summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  reported = await cliHere(['report', dir]);
  html = existsSync(join(dir, 'report.html')) ? readFileSync(join(dir, 'report.html'), 'utf8') : '';
});

/** The HTML of a section of the page, by id. */
const section = (page: string, id: string) => page.slice(page.indexOf(`<section id="${id}">`), page.indexOf('</section>', page.indexOf(`<section id="${id}">`)));
/** The HTML between a heading and the next one. */
const under = (page: string, heading: string) => page.slice(page.indexOf(`<h3>${heading}</h3>`)).split(/<h3>/)[1] ?? '';
/** Body rows of the tables in `htmlPart`: the cells of each, tags stripped. */
const rowsOf = (htmlPart: string) =>
  [...htmlPart.matchAll(/<tr><th scope="row">([\s\S]*?)<\/tr>/g)].map((m) => `<th>${m[1]}`.split(/<\/t[hd]>/).filter((c) => c.trim()).map((c) => c.replace(/<[^>]+>/g, '').trim()));
/** A recipe value as the report should print it. */
const shown = (v: unknown) => (v === undefined ? 'default' : typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

/** A copy of the contest's summary with some fields replaced. */
const crafted = (change: (s: ContestSummary) => void): ContestSummary => {
  const s = structuredClone(summary);
  change(s);
  return s;
};

describe('feedsim report on a contest', () => {
  it('exits 0 and writes report.html into the directory', () => {
    expect(reported.status, reported.stderr).toBe(0);
    expect(reported.stdout).toBe(`wrote ${join(dir, 'report.html')}\n`);
    expect(html).toMatch(/^<!doctype html>/);
  });

  it('opens with the contest\'s sentence: the first section, before any chart or table, with the warnings beside it', async () => {
    const body = html.slice(html.indexOf('<body>'));
    expect(body.indexOf('<section')).toBe(body.indexOf('<section id="headline">'));
    const verdict = `<h2>Headline</h2>\n<p class="verdict">${escapeHtml(summary.headline)}</p>`;
    expect(html).toContain(verdict);
    expect(html.indexOf(verdict)).toBeLessThan(Math.min(html.indexOf('<figure'), html.indexOf('<table')));
    expect(summary.headline).toMatch(/^At equal spend of/);
    // The warnings box of a comparison's report, directly after the sentence.
    const warned = crafted((s) => void (s.warnings = ['the finalists do not spend equal budgets', 'a second warning']));
    const page = await buildContestReport({ summary: warned });
    expect(section(page, 'headline')).toMatch(/<p class="verdict">At equal spend of[^\n]*<\/p>\n<aside id="warnings" class="warnings" role="note"[^>]*>\n<p><b>2 warnings[^<]*<\/b><\/p>\n<ul><li>the finalists do not spend equal budgets<\/li>\n<li>a second warning<\/li><\/ul>/);
    expect(page.split('a second warning')).toHaveLength(2);
  });

  it('without warnings, no warnings box', async () => {
    const page = await buildContestReport({ summary: crafted((s) => void (s.warnings = [])) });
    expect(page).not.toContain('id="warnings"');
  });

  it('tables each finalist\'s net return, causes, terminal value, followers and spend, and the paired difference', () => {
    const rows = rowsOf(under(html, 'Finalists on the held-out replicates'));
    expect(rows.map((r) => r[0])).toEqual(summary.finalists.map((f) => f.family));
    summary.finalists.forEach((f, i) => {
      expect(rows[i].slice(1, 7)).toEqual([f.net, f.audience, f.ads, f.terminal, f.terminalAudience, f.followers].map((iv) => interval(iv)));
      expect(rows[i][7]).toMatch(new RegExp(`^${f.spendPerCycle.toFixed(2)} \\(\\d+ % of the budget\\)$`));
    });
    const difference = under(html, 'Difference');
    expect(rowsOf(difference).map((r) => r[1])).toEqual([interval(summary.difference), interval(summary.differenceWithTerminal)]);
    expect(difference).toContain(`in ${Math.round(100 * summary.shareAhead)} % of the 4 held-out replicates`);
    expect(difference).toContain(escapeHtml(summary.crossover.summary));
  });

  it('shows each finalist\'s family and recipe, parameter by parameter', () => {
    const recipes = under(html, 'Recipes');
    expect(recipes).toContain(`<th scope="col">parameter</th>${summary.families.map((f) => `<th scope="col">${f}</th>`).join('')}`);
    const rows = rowsOf(recipes);
    const keys = [...new Set(summary.finalists.flatMap((f) => Object.keys(f.recipe)))];
    expect(rows.map((r) => r[0])).toEqual(keys);
    for (const [k, ...values] of rows) expect(values, k).toEqual(summary.finalists.map((f) => shown((f.recipe as Record<string, unknown>)[k])));
    expect(keys).toEqual(expect.arrayContaining(['postsPerCycle', 'quality', 'cta']));
  });

  it('tables each family\'s search, and every candidate with the kept ones and the finalist marked', () => {
    const rows = rowsOf(under(html, 'Searches').split('<details')[0]);
    expect(rows).toEqual(
      summary.searches.map((q) => [q.family, String(q.candidates.length), String(q.runs), q.kept.map((i) => `#${i}`).join(', '), `#${q.finalist}`, q.scaleAgreement === null ? expect.any(String) : q.scaleAgreement.toFixed(2), String(q.repaired), String(q.unspent)]),
    );
    const lists = [...html.matchAll(/<details class="candidates">([\s\S]*?)<\/details>/g)].map((m) => m[1]);
    expect(lists).toHaveLength(summary.searches.length);
    summary.searches.forEach((q, i) => {
      expect(lists[i]).toContain(`candidates of <b>${q.family}</b>`);
      const cands = rowsOf(lists[i]);
      expect(cands.map((r) => r[0])).toEqual(q.candidates.map((c) => `#${c.index}`));
      expect(cands.map((r) => r[1])).toEqual(q.candidates.map((c) => (c.index === q.finalist ? 'finalist' : q.kept.includes(c.index) ? 'kept' : '')));
    });
  });

  it('is self-contained and deterministic: one chart of the causes, drawn for every report width', async () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\((?!#)/i);
    expect(html.replace(/\sxmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]+"/g, '')).not.toMatch(/https?:\/\//);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xmlProblems(html.replace(/<!doctype html>/i, '').replace(/<meta [^>]*>/g, ''))).toEqual([]);
    const figs = [...html.matchAll(/<figure class="chart" id="chart-contest-split" data-title="([^"]+)">([\s\S]*?)<\/figure>/g)];
    expect(figs.map((f) => f[1])).toEqual([CONTEST_SPLIT_TITLE]);
    expect(figs[0][2].match(/<div class="view view-\w+"/g)).toHaveLength(REPORT_LAYOUTS.length);
    expect(figs[0][2]).toMatch(/class="mark-symbol/);
    expect(svgTexts(figs[0][2])).toEqual(expect.arrayContaining([CONTEST_SPLIT_TITLE, 'net return', 'audience caused', 'ads caused', ...summary.families]));
    expect(compileSpec(contestSplitPlot(summary, { width: 720 })).warnings).toEqual([]);
    expect(contestReportCharts({ summary }).map((c) => c.title)).toEqual([CONTEST_SPLIT_TITLE]);
    // The same directory gives the same bytes.
    const again = join(tempDir('feedsim-report-contest-'), 'again.html');
    await writeReport(dir, { out: again });
    expect(readFileSync(again, 'utf8')).toBe(html);
  });

  it('escapes every string of the summary: a hostile family name, recipe key and value, headline and warning', async () => {
    const attack = '<script>alert(1)</script>';
    const hostile = crafted((s) => {
      s.families[1] = attack;
      s.finalists[1].family = attack;
      s.searches[1].family = attack;
      s.headline = `${attack} wins`;
      s.warnings = [`<iframe src="x"></iframe>`];
      const recipe = s.finalists[0].recipe as Record<string, unknown>;
      recipe.audience = '"><img src=x onerror=alert(1)>';
      recipe['<b>key</b>'] = attack;
      (s.searches[0].candidates[0].recipe as Record<string, unknown>).cta = attack;
    });
    const d = join(tempDir('feedsim-report-contest-'), 'hostile');
    mkdirSync(d);
    writeFileSync(join(d, 'summary.json'), JSON.stringify(hostile));
    const r = await cliHere(['report', d]);
    expect(r.status, r.stderr).toBe(0);
    const page = readFileSync(join(d, 'report.html'), 'utf8');
    expect(page).not.toMatch(/<script|<img|<iframe|<b>key/i);
    expect(page).toContain(`<p class="verdict">&lt;script&gt;alert(1)&lt;/script&gt; wins</p>`);
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<th scope="row">&lt;b&gt;key&lt;/b&gt;</th>');
    expect(page).toContain('candidates of <b>&lt;script&gt;alert(1)&lt;/script&gt;</b>');
    // The chart draws the name as text, escaped by the SVG writer.
    expect(svgTexts(page.slice(page.indexOf('<figure'), page.indexOf('</figure>')))).toContain(attack);
  });

  it('a contest without a horizon has no terminal values: dashes in the tables, no terminal rows in the chart', async () => {
    const none = crafted((s) => {
      s.horizon = 0;
      s.differenceWithTerminal = null;
      for (const f of s.finalists) [f.terminal, f.terminalAudience] = [null, null];
    });
    const page = await buildContestReport({ summary: none });
    expect(page).toContain('No horizon was run: no terminal value.');
    expect(rowsOf(under(page, 'Finalists on the held-out replicates')).map((r) => r.slice(4, 6))).toEqual([['—', '—'], ['—', '—']]);
    const texts = svgTexts(page.slice(page.indexOf('<figure'), page.indexOf('</figure>')));
    expect(texts).toContain('ads caused');
    expect(texts.some((t) => t.startsWith('terminal value'))).toBe(false);
  });

  it('a malformed contest summary is bad input (exit 2) naming the field', async () => {
    const d = join(tempDir('feedsim-report-contest-'), 'bad');
    mkdirSync(d);
    const { finalists: _gone, ...rest } = summary;
    void _gone;
    writeFileSync(join(d, 'summary.json'), JSON.stringify(rest));
    const r = await cliHere(['report', d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/summary\.json: finalists is undefined; expected one finalist per family \(2\)/);
    expect(existsSync(join(d, 'report.html'))).toBe(false);
    writeFileSync(join(d, 'summary.json'), JSON.stringify(crafted((s) => void ((s.finalists[0] as unknown as Record<string, unknown>).net = 'big'))));
    expect((await cliHere(['report', d])).stderr).toMatch(/finalists\[0\]\.net is "big"; expected an interval/);
    writeFileSync(join(d, 'summary.json'), JSON.stringify({ ...summary, kind: 'tournament' }));
    expect((await cliHere(['report', d])).stderr).toMatch(/kind is "tournament"; expected "compare", "sweep", "contest" or "sensitivity"/);
  });
});
