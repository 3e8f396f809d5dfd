import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toRows, type CompareResult, type SweepResult } from '../src/index.js';
import { REPLICATES_TITLE, SWEEP_WIN_MAP_TITLE } from '../src/plots/index.js';
import { buildReport, readReplicateFinals, replicateFinalsFromRuns, reportCharts, toResultsSummary, writeReport, type ReportInput } from '../src/report/index.js';
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

describe('HTML report', () => {
  let result: CompareResult;
  let swept: SweepResult;
  beforeAll(async () => {
    [result, swept] = await Promise.all([smallCompare(), smallSweep()]);
  }, 60_000);

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
    await expect(writeReport(empty)).rejects.toThrow(/kind is "grid"; expected "compare" or "sweep"/);
    writeFileSync(join(empty, 'summary.json'), '{ not json');
    await expect(writeReport(empty)).rejects.toThrow(/not valid JSON/);
  });
});
