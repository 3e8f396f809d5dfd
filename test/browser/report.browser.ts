/**
 * `npm run test:browser`: the HTML report in a real browser. Generates a comparison report, a
 * sweep report, a contest report, a sensitivity study's report and a fit's report (with its advice) from small runs into a temporary directory, opens each in headless Chromium
 * (Debian's /usr/bin/chromium, or $CHROMIUM) with no network, takes a screenshot and dumps the
 * rendered DOM, and asserts that every chart figure is there with its title, laid out at a real
 * size with visible marks, filling the content width at 1280 px (or shown at its own size when
 * narrower) with text at a readable scale, and again at a phone's width (390 px) without running
 * past the page; and that the screenshot is painted (many colours, chart colours present).
 * Prints one summary line; exits non-zero on any failure. `npm test` needs no browser.
 *
 * Run: npx tsx test/browser/report.browser.ts   (--keep to leave the temporary directory)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { advise } from '../../src/calibrate/advise.js';
import { fit } from '../../src/calibrate/fit.js';
import { syntheticExport } from '../../src/calibrate/synthetic.js';
import { contest } from '../../src/contest/contest.js';
import { contestReportCharts, fitReportCharts, readFitReport, readReportSummary, readResultsSummary, reportCharts, replicateFinalsFromRuns, sensitivityReportCharts, toResultsSummary, writeReport, type ContestSummary, type SensitivitySummary } from '../../src/report/index.js';
import { sensitivity } from '../../src/sensitivity/study.js';
import { smallCompare, smallSweep } from '../helpers/plot-fixtures.js';
import { colourStats, decodePng } from './png.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WINDOW = [1280, 3000] as const;
/** A phone's viewport (CSS pixels), where the report shows its narrow charts. */
const PHONE = [390, 3000] as const;
/** Chart text drawn at least this share of its size (11 px labels: about 8 px or more). */
const MIN_SCALE = 0.75;
const started = performance.now();
const failures: string[] = [];
const fail = (msg: string) => failures.push(msg);
/** Scale of each chart in the phone's viewport (drawn width ÷ own width), for the summary line. */
const phoneScales: number[] = [];

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
  // The view the CSS shows at this window width (the report draws each chart for several).
  const svg = [...fig.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
  if (!svg) { fig.setAttribute('data-probe', 'no-svg'); continue; }
  const box = svg.getBoundingClientRect();
  const style = getComputedStyle(fig);
  const content = fig.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const natural = Number(svg.getAttribute('width'));
  let marks = 0; // data marks (lines, areas, rects, symbols, rules, ticks; not text) with a visible box
  for (const el of svg.querySelectorAll('g.role-mark:not(.mark-text) > path, g.role-mark:not(.mark-text) > line')) {
    const b = el.getBBox();
    if (b.width > 0 || b.height > 0) marks++;
  }
  const titles = [...svg.querySelectorAll('g.role-title-text text')].map((t) => t.textContent.trim());
  fig.setAttribute('data-probe', JSON.stringify({ width: Math.round(box.width), height: Math.round(box.height), marks, titles, content: Math.round(content), natural, right: Math.round(box.right) }));
}
document.body.setAttribute('data-probed', 'yes');
document.body.setAttribute('data-page', JSON.stringify({ viewport: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth }));
</script>`;

interface Probe {
  width: number;
  height: number;
  marks: number;
  titles: string[];
  /** Width of the figure's content box. */
  content: number;
  /** The SVG's own width (what it was drawn for). */
  natural: number;
  /** Right edge of the SVG in the window. */
  right: number;
}

/** The probed figures of a dumped DOM. */
function probedFigures(dom: string) {
  return [...dom.matchAll(/<figure class="chart"[^>]*data-title="([^"]*)"[^>]*data-probe="([^"]*)"/g)].map((m) => ({
    title: m[1].replace(/&amp;/g, '&'),
    probe: m[2] === 'no-svg' ? null : (JSON.parse(m[2].replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Probe),
  }));
}

/**
 * Checks the charts' layout at one window width: each fills the figure's content width (with
 * `mustFill`; otherwise a chart drawn narrower than the page, e.g. a small sweep grid, may keep
 * its own size), stays inside it and the window, and is not scaled down below {@link MIN_SCALE}
 * (so its text stays readable).
 */
function checkLayout(label: string, figs: ReturnType<typeof probedFigures>, viewport: number, mustFill: boolean): void {
  for (const f of figs) {
    const p = f.probe;
    if (!p) continue;
    const scale = p.width / p.natural;
    if (p.width > p.content + 1) fail(`${label}: "${f.title}" is ${p.width} px wide in a ${p.content} px figure`);
    if (p.right > viewport + 1) fail(`${label}: "${f.title}" runs past the window (right edge ${p.right} px, window ${viewport} px)`);
    if (mustFill && p.width < 0.97 * p.content) fail(`${label}: "${f.title}" is ${p.width} px wide in a ${p.content} px figure: not the full width`);
    if (p.width < Math.min(p.content, p.natural) - 2) fail(`${label}: "${f.title}" is ${p.width} px wide: neither the figure's width (${p.content} px) nor its own (${p.natural} px)`);
    if (scale < MIN_SCALE) fail(`${label}: "${f.title}" drawn at ${(100 * scale).toFixed(0)} % of its size (${p.natural} px into ${p.width} px): text too small`);
  }
}

function checkReport(label: string, dir: string, expectedTitles: string[], profile: string, mustFill: boolean): { charts: number; marks: number; pngKb: number; painted: number } {
  const report = join(dir, 'report.html');
  const html = readFileSync(report, 'utf8');
  const probeFile = join(dir, 'report.probe.html');
  writeFileSync(probeFile, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</body>', `${PROBE}\n</body>`));

  // 1. The rendered DOM, measured by the browser.
  const dom = chromium(profile, probeFile, ['--dump-dom']);
  if (!dom.includes('data-probed="yes"')) fail(`${label}: the probe did not run (no data-probed in the dumped DOM)`);
  const figs = probedFigures(dom);
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
  checkLayout(`${label} at ${WINDOW[0]} px`, figs, WINDOW[0], mustFill);

  // 1b. The same page in a phone's viewport: the narrow charts, inside the page, readable.
  // (Headless Chromium's window is at least 500 px wide, so the page goes in a 390 px frame.)
  const phoneFile = join(dir, 'report.phone.html');
  const probed = readFileSync(probeFile, 'utf8');
  const srcdoc = probed.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  writeFileSync(
    phoneFile,
    `<!doctype html><html><body style="margin:0"><iframe id="phone" style="width:${PHONE[0]}px;height:${PHONE[1]}px;border:0" srcdoc="${srcdoc}"></iframe>
<script>
window.addEventListener('load', () => {
  const d = document.getElementById('phone').contentDocument;
  const figures = [...d.querySelectorAll('figure.chart')].map((f) => ({ title: f.getAttribute('data-title'), probe: f.getAttribute('data-probe') }));
  document.body.setAttribute('data-phone', JSON.stringify({ page: JSON.parse(d.body.getAttribute('data-page') || '{}'), figures }));
});
</script></body></html>`,
  );
  const phoneDom = chromium(profile, phoneFile, ['--dump-dom']);
  const dumped = /data-phone="([^"]*)"/.exec(phoneDom)?.[1];
  if (!dumped) fail(`${label} at ${PHONE[0]} px: the probe did not run in the frame`);
  else {
    const phone = JSON.parse(dumped.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { page: { viewport?: number }; figures: Array<{ title: string; probe: string | null }> };
    const phoneFigs = phone.figures.map((f) => ({ title: f.title, probe: !f.probe || f.probe === 'no-svg' ? null : (JSON.parse(f.probe) as Probe) }));
    if (phone.page.viewport !== PHONE[0]) fail(`${label}: the phone frame's viewport is ${phone.page.viewport} px, expected ${PHONE[0]}`);
    if (phoneFigs.length !== figs.length || phoneFigs.some((f) => !f.probe)) fail(`${label} at ${PHONE[0]} px: ${phoneFigs.filter((f) => f.probe).length} of ${figs.length} charts shown`);
    checkLayout(`${label} at ${PHONE[0]} px`, phoneFigs, phone.page.viewport ?? PHONE[0], mustFill);
    phoneScales.push(...phoneFigs.flatMap((f) => (f.probe ? [f.probe.width / f.probe.natural] : [])));
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
  const [result, swept, contested, studied, fitted] = await Promise.all([
    smallCompare(),
    smallSweep(),
    contest({ scenario: { users: 600, cycles: 3, stepsPerCycle: 12 }, candidates: 4, screenUsers: 300, firstReplicates: 1, maxReplicates: 2, keep: 2, checkReplicates: 2, heldOut: 4, horizon: 2 }),
    // Outputs that every factor moves, so each chart has marks to see (at 6 cycles this small world's answer varies).
    sensitivity({ scenario: { users: 500, cycles: 6, stepsPerCycle: 12 }, factors: ['market.buyers', 'economics.valuePerConversion', 'behavior.follow.base'], trajectories: 2, replicates: 1, metrics: ['followers'] }),
    fit({ export: syntheticExport({ posts: 8, days: 4, users: 300, followers: 15, seed: 4 }).export, users: 300, particles: 16, maxSimulations: 48, checks: 4, seed: 3 }),
  ]);
  const advised = await advise({ fit: fitted, strategies: ['like-chasing', 'follow-building'], draws: 3, cycles: 4 });
  const compareDir = join(root, 'compare');
  const sweepDir = join(root, 'sweep');
  const contestDir = join(root, 'contest');
  const sensitivityDir = join(root, 'sensitivity');
  const fitDir = join(root, 'fit');
  for (const d of [compareDir, sweepDir, contestDir, sensitivityDir, fitDir]) mkdirSync(d);
  writeFileSync(join(compareDir, 'summary.json'), JSON.stringify(toResultsSummary(result)));
  // runs.jsonl as the CLI writes it: one finished run a line.
  writeFileSync(join(compareDir, 'runs.jsonl'), result.runs!.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(join(sweepDir, 'summary.json'), JSON.stringify(toResultsSummary(swept)));
  // As feedsim contest --out writes it.
  writeFileSync(join(contestDir, 'summary.json'), JSON.stringify({ kind: 'contest', ...contested }));
  // As feedsim sensitivity --out writes it.
  writeFileSync(join(sensitivityDir, 'summary.json'), JSON.stringify({ kind: 'sensitivity', ...studied }));
  // As feedsim fit --out and feedsim advise write them.
  writeFileSync(join(fitDir, 'fit.json'), JSON.stringify(fitted));
  writeFileSync(join(fitDir, 'advice.json'), JSON.stringify(advised));
  for (const d of [compareDir, sweepDir, contestDir, sensitivityDir, fitDir]) await writeReport(d);

  const expected = {
    compare: reportCharts({ summary: await readResultsSummary(compareDir), replicates: replicateFinalsFromRuns(result.runs!) }).map((c) => c.title),
    sweep: reportCharts({ summary: await readResultsSummary(sweepDir) }).map((c) => c.title),
    contest: contestReportCharts({ summary: (await readReportSummary(contestDir)) as ContestSummary }).map((c) => c.title),
    sensitivity: sensitivityReportCharts({ summary: (await readReportSummary(sensitivityDir)) as SensitivitySummary }).map((c) => c.title),
    fit: fitReportCharts(await readFitReport(fitDir)).map((c) => c.title),
  };
  const profile = join(root, 'profile');
  // A comparison's charts fill the page; a small sweep grid may be narrower than the page.
  const c = checkReport('compare report', compareDir, expected.compare, profile, true);
  const s = checkReport('sweep report', sweepDir, expected.sweep, profile, false);
  const k = checkReport('contest report', contestDir, expected.contest, profile, true);
  const v = checkReport('sensitivity report', sensitivityDir, expected.sensitivity, profile, true);
  const f = checkReport('fit report', fitDir, expected.fit, profile, true);
  const reports = [c, s, k, v, f];
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    for (const f of failures) console.error(`FAIL ${f}`);
    console.log(`test:browser FAILED: ${failures.length} problem(s) in ${reports.length} reports (${seconds} s); files in ${root}`);
    process.exitCode = 1;
  } else {
    console.log(
      `test:browser ok: ${reports.length} reports, ${reports.reduce((n, x) => n + x.charts, 0)} charts rendered in Chromium with their titles (${reports.reduce((n, x) => n + x.marks, 0)} visible marks); ` +
        `full width at ${WINDOW[0]} px; at ${PHONE[0]} px drawn at ${(100 * Math.min(...phoneScales)).toFixed(0)}–${(100 * Math.max(...phoneScales)).toFixed(0)} % of size; ` +
        `screenshots ${reports.map((x) => `${x.pngKb.toFixed(0)} KB`).join(', ')}, ${reports.map((x) => `${(100 * x.painted).toFixed(0)} %`).join(', ')} painted (${seconds} s)`,
    );
  }
} finally {
  if (!process.argv.includes('--keep') && !process.exitCode) rmSync(root, { recursive: true, force: true });
  else console.error(`kept ${root}`);
}
