/**
 * `npm run test:browser`: the HTML report in a real browser. Generates a comparison report and a
 * sweep report from small runs into a temporary directory, opens each in headless Chromium
 * (Debian's /usr/bin/chromium, or $CHROMIUM) with no network, takes a screenshot and dumps the
 * rendered DOM, and asserts that every chart figure is there with its title, laid out at a real
 * size with visible marks, and that the screenshot is painted (many colours, chart colours
 * present). Prints one summary line; exits non-zero on any failure. `npm test` needs no browser.
 *
 * Run: npx tsx test/browser/report.browser.ts   (--keep to leave the temporary directory)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readResultsSummary, reportCharts, replicateFinalsFromRuns, toResultsSummary, writeReport } from '../../src/report/index.js';
import { smallCompare, smallSweep } from '../helpers/plot-fixtures.js';
import { colourStats, decodePng } from './png.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WINDOW = [1200, 3000] as const;
const started = performance.now();
const failures: string[] = [];
const fail = (msg: string) => failures.push(msg);

/** Waits for the browser (it may still be installing), up to `seconds`. */
async function waitForChromium(seconds: number): Promise<void> {
  for (let waited = 0; !existsSync(CHROMIUM); waited += 5) {
    if (waited >= seconds) throw new Error(`${CHROMIUM} not found after ${seconds} s; install it (apt-get install -y chromium) or set CHROMIUM=/path/to/chromium`);
    if (waited === 0) console.error(`waiting for ${CHROMIUM} …`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}

/** Runs headless Chromium on a file with extra flags; no network, a throwaway profile. */
function chromium(profile: string, file: string, flags: string[]): string {
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--no-first-run', '--disable-extensions', '--hide-scrollbars', '--mute-audio',
    `--user-data-dir=${profile}`, '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=127.0.0.1:9',
    `--window-size=${WINDOW.join(',')}`, ...flags, pathToFileURL(file).href,
  ];
  const r = spawnSync(CHROMIUM, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`chromium failed to start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`chromium exited with ${r.status}: ${r.stderr.split('\n').filter((l) => !/dbus|Fontconfig/.test(l)).slice(-5).join(' | ')}`);
  return r.stdout;
}

/**
 * Measures each chart in the browser: its SVG's laid-out size, how many marks have a visible
 * box, and the chart's title as drawn. Added to a copy of the report only (the report itself has
 * no scripts, and its Content-Security-Policy would block this one).
 */
const PROBE = `<script>
for (const fig of document.querySelectorAll('figure.chart')) {
  const svg = fig.querySelector('svg');
  if (!svg) { fig.setAttribute('data-probe', 'no-svg'); continue; }
  const box = svg.getBoundingClientRect();
  let marks = 0; // data marks (lines, areas, rects, symbols, rules, ticks; not text) with a visible box
  for (const el of svg.querySelectorAll('g.role-mark:not(.mark-text) > path, g.role-mark:not(.mark-text) > line')) {
    const b = el.getBBox();
    if (b.width > 0 || b.height > 0) marks++;
  }
  const titles = [...svg.querySelectorAll('g.role-title-text text')].map((t) => t.textContent.trim());
  fig.setAttribute('data-probe', JSON.stringify({ width: Math.round(box.width), height: Math.round(box.height), marks, titles }));
}
document.body.setAttribute('data-probed', 'yes');
</script>`;

interface Probe {
  width: number;
  height: number;
  marks: number;
  titles: string[];
}

function checkReport(label: string, dir: string, expectedTitles: string[], profile: string): { charts: number; marks: number; pngKb: number; painted: number } {
  const report = join(dir, 'report.html');
  const html = readFileSync(report, 'utf8');
  const probeFile = join(dir, 'report.probe.html');
  writeFileSync(probeFile, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</body>', `${PROBE}\n</body>`));

  // 1. The rendered DOM, measured by the browser.
  const dom = chromium(profile, probeFile, ['--dump-dom']);
  if (!dom.includes('data-probed="yes"')) fail(`${label}: the probe did not run (no data-probed in the dumped DOM)`);
  const figs = [...dom.matchAll(/<figure class="chart"[^>]*data-title="([^"]*)"[^>]*data-probe="([^"]*)"/g)].map((m) => ({
    title: m[1].replace(/&amp;/g, '&'),
    probe: m[2] === 'no-svg' ? null : (JSON.parse(m[2].replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Probe),
  }));
  const titles = figs.map((f) => f.title);
  if (JSON.stringify(titles) !== JSON.stringify(expectedTitles)) fail(`${label}: charts ${JSON.stringify(titles)}, expected ${JSON.stringify(expectedTitles)}`);
  let marks = 0;
  for (const f of figs) {
    if (!f.probe) {
      fail(`${label}: "${f.title}" has no SVG`);
      continue;
    }
    marks += f.probe.marks;
    if (f.probe.width < 200 || f.probe.height < 100) fail(`${label}: "${f.title}" laid out at ${f.probe.width}×${f.probe.height} px`);
    if (f.probe.marks < 3) fail(`${label}: "${f.title}" has ${f.probe.marks} visible marks`);
    if (!f.probe.titles.includes(f.title)) fail(`${label}: "${f.title}" draws the titles ${JSON.stringify(f.probe.titles)}`);
  }

  // 2. The screenshot of the report itself, as a reader opens it.
  const png = join(dir, 'report.png');
  chromium(profile, report, [`--screenshot=${png}`]);
  if (!existsSync(png)) {
    fail(`${label}: no screenshot written`);
    return { charts: figs.length, marks, pngKb: 0, painted: 0 };
  }
  const image = decodePng(readFileSync(png));
  const stats = colourStats(image);
  if (image.width !== WINDOW[0] || image.height !== WINDOW[1]) fail(`${label}: screenshot is ${image.width}×${image.height}, expected ${WINDOW.join('×')}`);
  if (stats.distinct < 50) fail(`${label}: screenshot has only ${stats.distinct} colours`);
  if (stats.nonWhite < 0.02) fail(`${label}: only ${(100 * stats.nonWhite).toFixed(2)} % of the screenshot is painted`);
  if (stats.saturated < 0.001) fail(`${label}: no chart colours in the screenshot (${(100 * stats.saturated).toFixed(3)} % saturated pixels)`);
  return { charts: figs.length, marks, pngKb: statSync(png).size / 1024, painted: stats.nonWhite };
}

await waitForChromium(900);
const root = mkdtempSync(join(tmpdir(), 'feedsim-browser-'));
try {
  const [result, swept] = await Promise.all([smallCompare(), smallSweep()]);
  const compareDir = join(root, 'compare');
  const sweepDir = join(root, 'sweep');
  mkdirSync(compareDir);
  mkdirSync(sweepDir);
  writeFileSync(join(compareDir, 'summary.json'), JSON.stringify(toResultsSummary(result)));
  // runs.jsonl as the CLI writes it: one finished run a line.
  writeFileSync(join(compareDir, 'runs.jsonl'), result.runs!.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(join(sweepDir, 'summary.json'), JSON.stringify(toResultsSummary(swept)));
  await writeReport(compareDir);
  await writeReport(sweepDir);

  const expected = {
    compare: reportCharts({ summary: await readResultsSummary(compareDir), replicates: replicateFinalsFromRuns(result.runs!) }).map((c) => c.title),
    sweep: reportCharts({ summary: await readResultsSummary(sweepDir) }).map((c) => c.title),
  };
  const profile = join(root, 'profile');
  const c = checkReport('compare report', compareDir, expected.compare, profile);
  const s = checkReport('sweep report', sweepDir, expected.sweep, profile);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    for (const f of failures) console.error(`FAIL ${f}`);
    console.log(`test:browser FAILED: ${failures.length} problem(s) in 2 reports (${seconds} s); files in ${root}`);
    process.exitCode = 1;
  } else {
    console.log(
      `test:browser ok: 2 reports, ${c.charts + s.charts} charts rendered in Chromium with their titles (${c.marks + s.marks} visible marks); ` +
        `screenshots ${c.pngKb.toFixed(0)} KB and ${s.pngKb.toFixed(0)} KB, ${(100 * c.painted).toFixed(0)} % and ${(100 * s.painted).toFixed(0)} % painted (${seconds} s)`,
    );
  }
} finally {
  if (!process.argv.includes('--keep') && !process.exitCode) rmSync(root, { recursive: true, force: true });
  else console.error(`kept ${root}`);
}
