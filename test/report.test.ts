import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toRows, type CompareResult, type SweepResult } from '../src/index.js';
import { MONEY_UNIT, REPLICATES_TITLE, SWEEP_WIN_MAP_TITLE } from '../src/plots/index.js';
import { buildReport, readReplicateFinals, replicateFinalsFromRuns, REPORT_LAYOUTS, reportCharts, toResultsSummary, writeReport, type ReportInput } from '../src/report/index.js';
import { smallCompare, smallSweep, svgTexts, xmlProblems } from './helpers/plot-fixtures.js';

/** Every `<figure class="chart">` of a page: its data-title and inner HTML. */
function figures(html: string): Array<{ title: string; body: string }> {
  return [...html.matchAll(/<figure class="chart" id="[^"]+" data-title="([^"]+)">([\s\S]*?)<\/figure>/g)].map((m) => ({ title: m[1], body: m[2] }));
}

/** Checks a report: every expected chart present with drawn marks and its title, nothing external. */
function expectSelfContainedReport(html: string, input: ReportInput): void {
  const expected = reportCharts(input).map((c) => c.title);
  const found = figures(html);
  expect(found.map((f) => f.title)).toEqual(expected);
  for (const f of found) {
    expect(f.body).toMatch(/<svg[\s\S]*<\/svg>/);
    expect(f.body).toMatch(/class="mark-(line|rect|symbol|tick)/);
    expect(svgTexts(f.body)).toContain(f.title);
  }
  // No resources from elsewhere: the only URLs are SVG namespace names, which are never fetched.
  expect(html.replace(/\sxmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]+"/g, '')).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\((?!#)/i);
  expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
  // Charts share the page: element ids must be unique across all of them.
  const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
  expect(xmlProblems(html.replace(/<!doctype html>/i, '').replace(/<meta [^>]*>/g, ''))).toEqual([]);
}

/** The SVGs of a figure with the layout each is for (`view-<key>`), its width and the wrapper's max-width. */
function views(body: string): Array<{ key: string; width: number; maxWidth: number }> {
  return [...body.matchAll(/<div class="view view-(\w+)" style="max-width: (\d+)px">\n<svg[^>]*\swidth="([\d.]+)"/g)].map((m) => ({ key: m[1], maxWidth: Number(m[2]), width: Number(m[3]) }));
}

/** The HTML of a section of the page, by id. */
const section = (html: string, id: string) => html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)));

describe('HTML report', () => {
  let result: CompareResult;
  let swept: SweepResult;
  beforeAll(async () => {
    [result, swept] = await Promise.all([smallCompare(), smallSweep()]);
  });

  it('comparison: every chart, the tables and the crossover sentence, self-contained and deterministic', async () => {
    const replicates = replicateFinalsFromRuns(result.runs!);
    const input = { summary: toResultsSummary(result), replicates };
    const html = await buildReport(input);
    expectSelfContainedReport(html, input);
    expect(figures(html).map((f) => f.title)).toContain(REPLICATES_TITLE);
    expect(html).toContain(result.crossovers[0].summary.replace(/'/g, '&#39;'));
    for (const heading of ['Final cycle', 'Paired differences against the baseline', 'Crossover', 'Economics per run']) expect(html).toContain(`<h3>${heading}</h3>`);
    expect(html).toContain('cost per follower gained');
    expect(await buildReport(JSON.parse(JSON.stringify(input)))).toBe(html);
  });

  it('charts use the full content width: each drawn for a wide window, a medium one and a phone, the CSS picking one and filling the width', async () => {
    const input = { summary: toResultsSummary(result), replicates: replicateFinalsFromRuns(result.runs!) };
    const html = await buildReport(input);
    expect(REPORT_LAYOUTS.map((l) => l.width)).toEqual([1134, 720, 360]);
    for (const f of figures(html)) {
      const vs = views(f.body);
      expect(vs.map((v) => v.key), f.title).toEqual(REPORT_LAYOUTS.map((l) => l.key));
      vs.forEach((v, i) => {
        // Drawn at (about) the layout's width, never wider; scaled up at most to the widest content of its range.
        expect(v.width, `${f.title}: ${v.key}`).toBeGreaterThanOrEqual(0.95 * REPORT_LAYOUTS[i].width);
        expect(v.width, `${f.title}: ${v.key}`).toBeLessThanOrEqual(REPORT_LAYOUTS[i].width + 4);
        expect(v.maxWidth).toBe(Math.round((v.width * REPORT_LAYOUTS[i].maxContent) / REPORT_LAYOUTS[i].width));
      });
    }
    // The SVG fills its view, and media queries show one view per window width.
    expect(html).toMatch(/figure\.chart \.view svg \{[^}]*width: 100%[^}]*height: auto/);
    expect(html).toContain('.view-medium, .view-narrow { display: none; }');
    expect(html).toMatch(/@media \(max-width: 1039\.98px\) \{ \.view-wide \{ display: none; \} \.view-medium \{ display: block; \} \}/);
    expect(html).toMatch(/@media \(max-width: 639\.98px\) \{ \.view-medium \{ display: none; \} \.view-narrow \{ display: block; \} \}/);
    // A chart given as a fixed spec is drawn once, at its own size.
    const extra = reportCharts({ summary: toResultsSummary(result) })[1];
    const withExtra = await buildReport({ ...input, extraCharts: [{ ...extra, name: 'extra', title: 'Extra chart' }] });
    const last = figures(withExtra).at(-1)!;
    expect(last.title).toBe('Extra chart');
    expect(last.body.match(/<svg/g)).toHaveLength(1);
  });

  it('shows the warnings of a comparison right after the headline\'s first verdict, not only at the bottom', async () => {
    const warning = 'strategies do not spend equal budgets (like-chasing 30.60, follow-building 49.50 per cycle): the comparison is not at equal spend; compare return per unit spent';
    const html = await buildReport({ summary: { ...toResultsSummary(result), warnings: [warning, 'a second warning'] } as never });
    const headline = section(html, 'headline');
    const escaped = warning.replace(/'/g, '&#39;');
    expect(headline).toContain(escaped);
    expect(headline).toContain('a second warning');
    // Directly beside the first verdict: the paragraph with the final net return, then the warnings.
    expect(headline).toMatch(/<h2>Headline<\/h2>\n<p class="verdict">Cumulative net return \(currency units\) after \d+ cycles[^\n]*<\/p>\n<aside id="warnings" class="warnings" role="note"[^>]*>\n<p><b>2 warnings[^<]*<\/b><\/p>\n<ul><li>strategies do not spend equal budgets/);
    expect(html.indexOf(escaped)).toBeLessThan(html.indexOf('<section id="charts">'));
    expect(html.split(escaped)).toHaveLength(2); // once
    // No warnings, no box.
    const clean = await buildReport({ summary: { ...toResultsSummary(result), warnings: [] } as never });
    expect(clean).not.toContain('id="warnings"');
  });

  it(`money columns and the headline say their unit (${MONEY_UNIT})`, async () => {
    const html = await buildReport({ summary: toResultsSummary(result) });
    for (const h of ['cumulative net return', 'net present value', 'spend per cycle']) expect(html).toContain(`<th scope="col">${h} (${MONEY_UNIT})</th>`);
    for (const m of ['cost', 'value', 'net return', 'cost per follower gained']) expect(html).toContain(`<th scope="row">${m} (${MONEY_UNIT})</th>`);
    expect(section(html, 'headline')).toContain(`Cumulative net return (${MONEY_UNIT}) after`);
    const sweepHtml = await buildReport({ summary: toResultsSummary(swept) });
    expect(sweepHtml).toContain(`Final cumulative net present value (${MONEY_UNIT})`);
  });

  it('sweep: the win map and a row per design point', async () => {
    const input = { summary: toResultsSummary(swept) };
    const html = await buildReport(input);
    expectSelfContainedReport(html, input);
    expect(figures(html).map((f) => f.title)).toEqual([SWEEP_WIN_MAP_TITLE]);
    const rows = html.slice(html.indexOf('<h3>Design points</h3>')).match(/<tr><th scope="row">\d+<\/th>/g) ?? [];
    expect(rows).toHaveLength(swept.points.length);
  });

  it('writeReport reads summary.json, runs.jsonl (run records or tidy rows) and manifest.json', async () => {
    const sortKey = (v: { strategy: string; replicate: number }) => `${v.strategy}/${v.replicate}`;
    const sorted = <T extends { strategy: string; replicate: number }>(xs: T[]) => [...xs].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    const fromRuns = sorted(replicateFinalsFromRuns(result.runs!));
    expect(fromRuns.every((v) => Number.isFinite(v.value))).toBe(true);

    // The CLI's record: one finished run a line, the last one cut off by a kill.
    const dir = mkdtempSync(join(tmpdir(), 'feedsim-report-'));
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(toResultsSummary(result)));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ feedsim: '9.9.9', command: 'compare', input: { scenario: { users: 1500 } } }));
    const record = result.runs!.map((r) => JSON.stringify(r)).join('\n') + '\n';
    writeFileSync(join(dir, 'runs.jsonl'), record + record.slice(0, 40));
    const finals = await readReplicateFinals(join(dir, 'runs.jsonl'));
    expect(finals.runs).toBe(result.runs!.length);
    expect(sorted(finals.values)).toEqual(fromRuns);

    // Tidy rows give the same values.
    const rows = result.runs!.flatMap((r) => toRows(r, r.id));
    const tidy = join(dir, 'rows.jsonl');
    writeFileSync(tidy, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const fromRows = await readReplicateFinals(tidy);
    expect(fromRows.rows).toBe(rows.length);
    expect(sorted(fromRows.values)).toEqual(fromRuns);
    // A metric split by channel: the total, not the last channel's row.
    const impressions = sorted(replicateFinalsFromRuns(result.runs!, 'impressions'));
    expect(sorted((await readReplicateFinals(tidy, 'impressions')).values)).toEqual(impressions);

    const path = await writeReport(dir);
    expect(path).toBe(join(dir, 'report.html'));
    const html = readFileSync(path, 'utf8');
    expect(figures(html).map((f) => f.title)).toContain(REPLICATES_TITLE);
    expect(html).toContain(`runs.jsonl: ${result.runs!.length} rows from ${result.runs!.length} runs`);
    expect(html).toContain('feedsim 9.9.9');
    expect(html).toContain('<summary>Input</summary>');

    // A bad line that is not the last is an error naming the line.
    writeFileSync(join(dir, 'runs.jsonl'), 'oops\n' + record);
    await expect(readReplicateFinals(join(dir, 'runs.jsonl'))).rejects.toThrow(/runs\.jsonl:1: neither a run record nor a tidy row/);
  });

  it('names the problem with a results directory or its summary', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'feedsim-report-'));
    await expect(writeReport(empty)).rejects.toThrow(/summary\.json \(ENOENT\); a results directory holds summary\.json/);
    writeFileSync(join(empty, 'summary.json'), JSON.stringify({ ...toResultsSummary(swept), kind: 'grid' }));
    await expect(writeReport(empty)).rejects.toThrow(/kind is "grid"; expected "compare", "sweep", "contest" or "sensitivity"/);
    writeFileSync(join(empty, 'summary.json'), '{ not json');
    await expect(writeReport(empty)).rejects.toThrow(/not valid JSON/);
  });
});
