/**
 * The playground in a real browser (part of `npm run test:browser`). Builds the site, opens
 * site/index.html from disk in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM,
 * driven by playwright-core; no network) and, as a reader would: sets a small world (500 users,
 * 5 cycles, 3 replicates), changes the preset, moves an assumption slider and a recipe slider
 * with the keyboard, runs, and waits for the verdict. Then checks that the charts drew marks from
 * data; that the numbers equal Node's `compare` for the same request bit for bit (and the CSV
 * rows too); that the URL hash reopens the same controls; that the exported YAML passes
 * `feedsim validate` and describes the page's scenario; that an import sets the controls (and a
 * bad file is explained); that a setting the engine refuses fails the run with its reason; that Stop stops a run with the page responsive throughout; that
 * a fit of the synthetic export in the page equals Node's `fit` bit for bit, carries its
 * posterior medians into the comparison, explains a bad export and stops; that the page fits 1280 px and a 390 px phone without running past the window. Screenshots go to
 * out/playground-screenshots/ (CI artefacts). Prints one summary line; exits non-zero on failure.
 *
 * Run: npx tsx test/browser/playground.browser.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { buildPlayground } from '../../playground/build.js';
import { stateFromHash } from '../../playground/hash.js';
import { fitOptions, type FitRequest } from '../../playground/fit-request.js';
import { runRequest, valueAt, type RunRequest } from '../../playground/state.js';
import { fit } from '../../src/calibrate/fit.js';
import { compare, type CompareResult } from '../../src/experiment/compare.js';
import { toRows } from '../../src/engine/tidy.js';
import { CSV_HEADER, csvLines } from '../../src/io/sink.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { scenarioHash } from '../../src/scenario/hash.js';
import { colourStats, decodePng } from './png.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'out', 'playground-screenshots');
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** The longest a frame may wait while the engine runs: a frozen page would wait seconds. */
const MAX_FRAME_GAP_MS = 1000;
const started = performance.now();
const failures: string[] = [];
const check = (ok: boolean, msg: string) => {
  if (!ok) failures.push(msg);
};

/**
 * Math.exp, log, pow, sin and cos on fixed inputs, as float64 bit patterns. V8 has changed these
 * between versions (Chromium 156 differs from Node 20's V8 11.3 in the last bit for a few percent
 * of inputs), which is why the engine computes them with its own port (src/math): the page must
 * give Node's numbers bit for bit whatever the browser's Math does. The probe says whether this
 * browser is one that would differ, so a pass here shows the port doing its job.
 */
const MATH_PROBE = `(() => {
  const view = new DataView(new ArrayBuffer(8));
  const bits = (x) => { view.setFloat64(0, x); return view.getBigUint64(0).toString(16); };
  const out = [];
  let s = 12345;
  const next = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  for (let i = 0; i < 4000; i++) {
    const a = (next() - 0.3) * 20, b = (next() - 0.5) * 6;
    out.push(bits(Math.exp(a)), bits(Math.log(Math.abs(a) + 1e-9)), bits(Math.pow(Math.abs(a), b)), bits(Math.log1p(Math.abs(a))), bits(Math.expm1(b)), bits(Math.cos(a)), bits(Math.sin(a)), bits(Math.sqrt(Math.abs(a))));
  }
  return out;
})()`;
/** How this browser's Math differs from Node's, if it does (reported, not a failure). */
let mathDiffers: string | null = null;

/** A value computed in the page (an expression: DevTools evaluation, which the page's CSP allows). */
async function inPage<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

/** Every setting control's id and value, in page order. */
const controlsOf = (page: Page) =>
  inPage<Array<[string, string | boolean]>>(page, `[...document.querySelectorAll('#settings input, #settings select')].map((e) => [e.id, e.type === 'checkbox' ? e.checked : e.value])`);

/** Per chart: its id, the data paths it drew (with their point counts) and the laid-out size of its SVG. */
const chartsOf = (page: Page) =>
  inPage<Array<{ id: string; lines: number[]; bands: number; width: number; height: number; visible: number }>>(page, `[...document.querySelectorAll('figure.chart')].map((f) => {
    const svg = f.querySelector('svg');
    const box = svg.getBoundingClientRect();
    const paths = [...svg.querySelectorAll('path.line, path.band, circle.point')];
    return {
      id: f.id,
      lines: [...svg.querySelectorAll('path.line')].map((p) => (p.getAttribute('d').match(/[ML]/g) || []).length),
      bands: svg.querySelectorAll('path.band').length,
      width: Math.round(box.width), height: Math.round(box.height),
      visible: paths.filter((p) => { const b = p.getBBox(); return b.width > 0 || b.height > 0; }).length,
    };
  })`);

/** The page's width against the window's (a page running past it scrolls sideways). */
const overflowOf = (page: Page) => inPage<{ viewport: number; scroll: number }>(page, '({ viewport: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth })');

async function waitUntilNotRunning(page: Page, timeout = 120_000): Promise<string> {
  await page.waitForSelector('body:not([data-state=running])', { timeout });
  return inPage<string>(page, 'document.body.dataset.state');
}

/** Saves a full-page screenshot and checks it is painted with the charts' colours. */
async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(SHOTS, name);
  await inPage(page, 'window.scrollTo(0, 0)'); // the sticky toolbar at the top, where a reader first sees it
  await page.screenshot({ path: file, fullPage: true });
  const stats = colourStats(decodePng(readFileSync(file)));
  check(stats.distinct >= 50, `${name}: only ${stats.distinct} colours`);
  check(stats.saturated >= 0.001, `${name}: no chart colours (${(100 * stats.saturated).toFixed(3)} % saturated pixels)`);
  return file;
}

if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found; install it (apt-get install -y chromium) or set CHROMIUM=/path/to/chromium`);
mkdirSync(SHOTS, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'feedsim-playground-'));
const built = await buildPlayground();
const pageUrl = pathToFileURL(built.file).href;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=127.0.0.1:9'],
});
try {
  const context = await browser.newContext({ viewport: WIDE, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Counts the page's address writes, and refuses them on demand (as Firefox and Safari do past their cap).
  await page.addInitScript(`(() => {
    const write = history.replaceState.bind(history);
    window.__replaceCalls = 0;
    history.replaceState = (...args) => {
      window.__replaceCalls++;
      if (window.__replaceThrows) throw new DOMException('replaceState called too often', 'SecurityError');
      return write(...args);
    };
  })()`);
  await page.goto(pageUrl);
  {
    const inBrowser = await inPage<string[]>(page, MATH_PROBE);
    const inNode = (0, eval)(MATH_PROBE) as string[];
    const differ = inNode.filter((x, i) => x !== inBrowser[i]).length;
    const version = browser.version();
    if (differ > 0) mathDiffers = `this Chromium (${version}) computes Math.exp/log/pow/sin/cos differently from Node ${process.version} in ${differ} of ${inNode.length} probes; the engine's own math (src/math) keeps its numbers identical`;
  }

  // 1. Settings, as a reader sets them: the preset, a small world, an assumption and a recipe knob by keyboard.
  // The preset from the keyboard: focus stays on it through the form's rebuild, and a slider set
  // under the old preset goes back to the new preset's value.
  await page.focus('#assumption-economics-budgetPerCycle');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.focus('#preset');
  for (let i = 0; i < 6 && (await page.inputValue('#preset')) !== 'youtube'; i++) {
    await page.keyboard.press('ArrowDown');
    const at = await inPage<string>(page, 'document.activeElement.id');
    check(at === 'preset', `after a preset change by keyboard the focus is on "${at}", not the preset`);
  }
  check((await page.inputValue('#preset')) === 'youtube', 'the arrow keys did not reach the youtube preset');
  const afterPreset = await page.textContent('#assumption-economics-budgetPerCycle-value');
  check(!/\(preset /.test(afterPreset ?? ''), `a new preset kept the slider set under the old one: "${afterPreset}"`);
  await page.focus('#reset-assumptions');
  await page.keyboard.press('Enter');
  check((await inPage<string>(page, 'document.activeElement.id')) === 'reset-assumptions', 'Reset assumptions lost the keyboard focus');
  // A value a box cannot take is marked, with its reason, and Run waits until it is corrected.
  for (const wrong of ['50', '2.5']) {
    await page.fill('#world-users', wrong);
    const marked = await inPage<{ invalid: string | null; reason: string; run: boolean }>(page, `({ invalid: document.getElementById('world-users').getAttribute('aria-invalid'), reason: document.getElementById('world-users-error').textContent, run: document.getElementById('run').disabled })`);
    check(marked.invalid === 'true' && /whole number from 200/.test(marked.reason) && marked.run, `users ${wrong} is not marked invalid with Run off: ${JSON.stringify(marked)}`);
  }
  for (const [id, value] of [['world-users', '500'], ['world-cycles', '5'], ['world-replicates', '3'], ['world-seed', '7']]) await page.fill(`#${id}`, value);
  check(await page.isEnabled('#run') && (await page.getAttribute('#world-users', 'aria-invalid')) === 'false', 'Run is still off, or users still marked, after the value was corrected');
  // 500 steps, net 100 to the right: more than the 200 address writes in 10 s Chrome allows.
  // Meanwhile the address refuses every write, as Firefox and Safari do past their cap: the page
  // must neither fail nor hand out a stale link, and must not write the address per step.
  await inPage(page, 'window.__replaceCalls = 0, window.__replaceThrows = true');
  await page.focus('#assumption-economics-budgetPerCycle');
  for (let i = 0; i < 200; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 300; i++) await page.keyboard.press('ArrowRight');
  await page.focus('#follow-building-quality');
  await page.keyboard.press('ArrowRight'); // 0.85 → 0.9
  await page.click('#copy-link');
  await page.waitForSelector('#status:has-text("Link copied")');
  const copied = await inPage<string>(page, 'navigator.clipboard.readText()');
  const writes = await inPage<number>(page, 'window.__replaceThrows = false, window.__replaceCalls');
  check(writes <= 25, `the page wrote the address ${writes} times for 501 slider steps`);
  // Once the browser takes writes again, the address catches up (the page retries every 2 s).
  for (const until = Date.now() + 5000; page.url() !== copied && Date.now() < until;) await page.waitForTimeout(100);
  check(page.url() === copied, `the address did not catch up with the settings: ${page.url()}, copied ${copied}`);
  const budgetShown = await page.textContent('#assumption-economics-budgetPerCycle-value');
  check(/\(preset /.test(budgetShown ?? ''), `the moved slider does not show it changed: "${budgetShown}"`);
  const help = await inPage<Array<[string, boolean, boolean]>>(page, `[...document.querySelectorAll('#settings input, #settings select, .toolbar button, .toolbar input')].map((e) => [e.id, !!e.title, !!(e.getAttribute('aria-describedby') && document.getElementById(e.getAttribute('aria-describedby').split(' ')[0])?.textContent.trim())])`);
  for (const [id, title, described] of help) check(title && described, `control #${id} lacks a title or a help text for screen readers`);
  const labelled = await inPage<string[]>(page, `[...document.querySelectorAll('#settings input, #settings select')].filter((e) => !(e.labels && e.labels.length)).map((e) => e.id)`);
  check(labelled.length === 0, `controls without a label: ${labelled.join(', ')}`);

  // 2. Run; the verdict, the table and the charts.
  await page.click('#run');
  const state = await waitUntilNotRunning(page);
  check(state === 'done', `the run ended "${state}": ${await page.textContent('#notes')}`);
  const verdict = (await page.textContent('#verdict')) ?? '';
  check(/after 5 cycles/.test(verdict) && /crossover|overtake/i.test(verdict), `verdict: "${verdict}"`);
  const request = JSON.parse((await page.textContent('#request-json')) ?? '{}') as RunRequest;
  const pageJson = (await page.textContent('#result-json')) ?? '';
  const charts = await chartsOf(page);
  check(charts.length === 7, `${charts.length} charts, expected 7 (net return, followers, 5 reach panels)`);
  for (const c of charts) {
    check(c.lines.length === 2 && c.lines.every((n) => n === 5), `${c.id}: lines with ${JSON.stringify(c.lines)} points, expected 2 lines of 5`);
    check(c.bands === 2, `${c.id}: ${c.bands} interval bands, expected 2`);
    check(c.visible >= 3, `${c.id}: ${c.visible} visible marks`);
  }

  // 3. The request is what was set, and the numbers are Node's compare's, bit for bit.
  const sc = request.scenario as Record<string, unknown> & { economics?: { budgetPerCycle?: number } };
  check(sc.extends === 'youtube' && sc.users === 500 && sc.cycles === 5 && sc.seed === 7 && request.replicates === 3, `request: ${JSON.stringify(request)}`);
  check(sc.economics?.budgetPerCycle !== undefined && Math.abs(sc.economics.budgetPerCycle - 124.5) < 0.5, `budget ${sc.economics?.budgetPerCycle}, expected about 124.5 after 100 steps right`);
  check(JSON.stringify(request.strategies) === JSON.stringify([{ kind: 'like-chasing', params: {} }, { kind: 'follow-building', params: { quality: 0.9 } }]), `strategies: ${JSON.stringify(request.strategies)}`);
  const fromLink = stateFromHash(new URL(copied).hash);
  check(JSON.stringify(runRequest(fromLink.state)) === JSON.stringify(request), `the copied link ${copied} asks for another run than the page's ${JSON.stringify(request)}`);
  const node = await compare({ ...request, workers: 1, keepRuns: true });
  const { runs = [], ...nodeResult } = node;
  const identicalResult = JSON.stringify(nodeResult) === pageJson;
  check(identicalResult, 'the page\'s result differs from Node\'s compare for the same request');
  const page0 = JSON.parse(pageJson) as CompareResult;
  const last = page0.summary['follow-building']?.cumulativeNet.at(-1)?.mean;

  // 4. Exports: the CSV rows are Node's; the YAML passes feedsim validate and is the page's scenario.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csvFile = join(tmp, csvDownload.suggestedFilename());
  await csvDownload.saveAs(csvFile);
  check(readFileSync(csvFile, 'utf8') === CSV_HEADER + runs.map((r) => csvLines(toRows(r, r.id))).join(''), 'the exported CSV differs from Node\'s rows');
  const [yamlDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-yaml')]);
  const yamlFile = join(tmp, yamlDownload.suggestedFilename());
  await yamlDownload.saveAs(yamlFile);
  const yamlText = readFileSync(yamlFile, 'utf8');
  const validate = spawnSync('npx', ['tsx', 'src/cli/bin.ts', 'validate', yamlFile], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  check(validate.status === 0, `feedsim validate ${yamlFile}: exit ${validate.status}: ${validate.stdout}${validate.stderr}`);
  const exported = parse(yamlText) as Parameters<typeof resolveScenario>[0];
  check(scenarioHash(resolveScenario(exported)) === page0.scenarioHash, 'the exported YAML is not the page\'s scenario (hash differs)');
  check(yamlText.includes('"quality":0.9'), 'the exported YAML does not mention the changed recipe');

  // 5. The link: the hash reopens the same controls, and reading it back writes the same hash.
  const url = page.url();
  const before = await controlsOf(page);
  const reopened = await context.newPage();
  await reopened.goto(url);
  const after = await controlsOf(reopened);
  check(JSON.stringify(before) === JSON.stringify(after), `the link reopened other controls: ${JSON.stringify(before.filter((c, i) => JSON.stringify(c) !== JSON.stringify(after[i])))} → ${JSON.stringify(after.filter((c, i) => JSON.stringify(c) !== JSON.stringify(before[i])))}`);
  check(reopened.url() === url, `the link's hash did not read back to itself: ${url} → ${reopened.url()}`);
  await reopened.close();

  // Settings changed after the run: the exports say they now describe different runs.
  check(await page.isHidden('#export-stale'), 'the exports are called stale right after the run');
  await page.focus('#world-seed');
  await page.keyboard.press('ArrowUp'); // 7 → 8
  await page.keyboard.press('Tab');
  check(await page.isVisible('#stale') && await page.isVisible('#export-stale'), 'after a setting changed, the results and exports are not marked as of the previous settings');
  await page.focus('#world-seed');
  await page.keyboard.press('ArrowDown'); // back to 7, as the screenshots and the phone check expect
  await page.keyboard.press('Tab');

  // 6. Layout at 1280 px and on a phone, with screenshots.
  const wide = await overflowOf(page);
  check(wide.scroll <= wide.viewport, `at ${WIDE.width} px the page is ${wide.scroll} px wide`);
  const wideShot = await screenshot(page, 'playground-1280.png');
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300); // the charts redraw for the new width on the next frame
  const phone = await overflowOf(page);
  check(phone.scroll <= phone.viewport, `at ${PHONE.width} px the page is ${phone.scroll} px wide (runs past the window)`);
  for (const c of await chartsOf(page)) check(c.width <= phone.viewport && c.width >= 200, `${c.id} is ${c.width} px wide at ${PHONE.width} px`);
  await screenshot(page, 'playground-390.png');
  await page.setViewportSize(WIDE);
  // Opened on a phone: the form is there, with only the world's group unfolded.
  const phonePage = await browser.newPage({ viewport: PHONE });
  phonePage.on('pageerror', (e) => errors.push(`at ${PHONE.width} px: ${e.message}`));
  await phonePage.goto(url);
  const groups = await inPage<boolean[]>(phonePage, `[...document.querySelectorAll('#settings details')].map((d) => d.open)`);
  check(JSON.stringify(groups) === JSON.stringify([true, false, false, false]), `groups open on a phone: ${JSON.stringify(groups)}`);
  await phonePage.close();

  // 7. Import: a scenario file sets the controls, and keeps what has no control; a bad one is explained.
  await page.setInputFiles('#import-file', join(ROOT, 'examples', 'scenarios', 'youtube.yaml'));
  await page.waitForSelector('#status:has-text("Imported")');
  const imported = Object.fromEntries(await controlsOf(page));
  check(imported.preset === 'youtube' && imported['world-users'] === '20000' && imported['world-cycles'] === '12', `import set ${JSON.stringify(imported)}`);
  check(decodeURIComponent(page.url()).includes('scenario={"startingFollowers":500}'), `the imported startingFollowers is not kept: ${page.url()}`);
  const bad = join(tmp, 'bad.yaml');
  writeFileSync(bad, 'users: -5\n');
  await page.setInputFiles('#import-file', bad);
  await page.waitForSelector('#notes:not([hidden])');
  check(/users/.test((await page.textContent('#notes')) ?? ''), 'a bad file\'s problem is not shown');

  // 8. A setting the engine refuses (a hand-edited link) fails the run with the engine's reason.
  await page.goto(`${pageUrl}#users=300&cycles=1&replicates=2&like-chasing.cta=shout`);
  await page.click('#run');
  const refused = await waitUntilNotRunning(page);
  const reason = (await page.textContent('#notes')) ?? '';
  check(refused === 'error' && /The run failed: [\s\S]*"cta" = "shout"/.test(reason), `a refused setting ended "${refused}": "${reason}"`);

  // 9. Stop: a longer run stops at once, its finished replicates shown as partial; frames kept coming.
  await page.goto(`${pageUrl}#preset=default&users=3000&cycles=12&replicates=20&seed=1`);
  await inPage(page, `window.__gap = 0; (() => { let t = performance.now(); const f = (now) => { window.__gap = Math.max(window.__gap, now - t); t = now; if (!window.__stopFrames) requestAnimationFrame(f); }; requestAnimationFrame(f); })()`);
  await page.click('#run');
  // Polled from here: waitForFunction with a string would need eval, which the page's CSP forbids.
  for (const until = Date.now() + 120_000; (await inPage<number>(page, 'window.__feedsimShown?.replicates ?? 0')) < 2 && Date.now() < until;) await page.waitForTimeout(100);
  await page.click('#stop');
  const stopped = await inPage<string>(page, 'document.body.dataset.state');
  const gap = await inPage<number>(page, 'window.__stopFrames = true, window.__gap');
  check(stopped === 'stopped' && /Stopped after/.test((await page.textContent('#status')) ?? ''), `after Stop: "${stopped}", "${await page.textContent('#status')}"`);
  check(await page.isEnabled('#run'), 'Run is not enabled again after Stop');
  check(gap < MAX_FRAME_GAP_MS, `the page froze for ${gap.toFixed(0)} ms during the run`);
  // Stopped means stopped: two seconds later nothing on the page has moved, and no final result came.
  const resultsHtml = `(() => ['verdict', 'final-table', 'charts', 'status', 'progress'].map((id) => { const e = document.getElementById(id); return id === 'progress' ? String(e.value) : e.innerHTML; }).join('\\n'))()`;
  const atStop = await inPage<string>(page, resultsHtml);
  const partial = await inPage<{ result: CompareResult; replicates: number }>(page, 'window.__feedsimShown');
  await page.waitForTimeout(2000);
  check((await inPage<string>(page, resultsHtml)) === atStop, 'the page changed after Stop');
  check(await inPage<boolean>(page, 'window.__feedsimResult === undefined && document.body.dataset.state === "stopped"'), 'a result arrived after Stop');
  check(/^After \d+ of 20 replicates/.test((await page.textContent('#verdict')) ?? ''), `the stopped run's numbers are not marked partial: "${await page.textContent('#verdict')}"`);
  // The numbers shown after r replicates are compare's for r replicates (Node), bit for bit.
  const stoppedRequest = JSON.parse((await page.textContent('#request-json')) ?? '{}') as RunRequest;
  const { runs: _runs, ...nodePartial } = await compare({ ...stoppedRequest, replicates: partial.replicates, workers: 1 });
  check(JSON.stringify(nodePartial) === JSON.stringify(partial.result), `the live result after ${partial.replicates} replicates differs from Node's compare with ${partial.replicates} replicates`);
  // A new run clears the old numbers at once; stopped before its first replicate, it shows none and calls nothing partial.
  // On a phone, Stop stays in view however far down the reader scrolls.
  await page.setViewportSize(PHONE);
  await page.click('#run');
  const cleared = await inPage<{ table: string; charts: string; verdict: string }>(page, `({ table: document.getElementById('final-table').innerHTML, charts: document.getElementById('charts').innerHTML, verdict: document.getElementById('verdict').textContent })`);
  check(cleared.table === '' && cleared.charts === '' && !/replicates —|Cumulative net/.test(cleared.verdict), `a new run left the previous results on screen: ${JSON.stringify(cleared).slice(0, 300)}`);
  await inPage(page, 'window.scrollTo(0, document.documentElement.scrollHeight)');
  const stopBox = await inPage<{ top: number; bottom: number; height: number }>(page, `(() => { const b = document.getElementById('stop').getBoundingClientRect(); return { top: b.top, bottom: b.bottom, height: innerHeight }; })()`);
  check(stopBox.top >= 0 && stopBox.bottom <= stopBox.height, `on a phone, Stop is off-screen during a run: ${JSON.stringify(stopBox)}`);
  await page.click('#stop');
  await page.setViewportSize(WIDE);
  const early = (await page.textContent('#status')) ?? '';
  check(/before the first/.test(early) && !/partial/.test(early) && /No results/.test((await page.textContent('#verdict')) ?? ''), `Stop before the first replicate: "${early}", "${await page.textContent('#verdict')}"`);
  // 10. Your own account: the synthetic example fitted in the page is Node's fit bit for bit; the
  // fitted values carry into the comparison; a bad export is explained; Stop stops a fit.
  await page.goto(`${pageUrl}#preset=facebook&seed=5`);
  check(await page.isDisabled('#fit-run'), 'Fit is enabled before an export is chosen');
  await page.click('#fit-example');
  for (const [id, value] of [['fit-users', '300'], ['fit-days', '8'], ['fit-particles', '40'], ['fit-max', '160']]) await page.fill(`#${id}`, value);
  const fitStarted = performance.now();
  await page.click('#fit-run');
  await page.waitForSelector('#account:not([data-state=running])', { timeout: 300_000 });
  const fitSeconds = (performance.now() - fitStarted) / 1000;
  const fitState = await inPage<string>(page, 'document.getElementById("account").dataset.state');
  check(fitState === 'done', `the fit ended "${fitState}": ${await page.textContent('#fit-notes')}`);
  const fitRequest = JSON.parse((await page.textContent('#fit-request-json')) || '{}') as FitRequest;
  check(fitRequest.preset === 'facebook' && fitRequest.seed === 5 && fitRequest.users === 300 && fitRequest.days === 8 && fitRequest.particles === 40 && fitRequest.maxSimulations === 160 && fitRequest.export?.name === 'synthetic-export.csv' && fitRequest.followers?.name === 'synthetic-followers.csv', `fit request: ${JSON.stringify({ ...fitRequest, export: fitRequest.export?.name, followers: fitRequest.followers?.name })}`);
  const nodeFit = await fit(fitOptions(fitRequest));
  const fitIdentical = JSON.stringify(nodeFit) === (await page.textContent('#fit-json'));
  check(fitIdentical, 'the page\'s fit differs from Node\'s fit of the same request');
  const fitRows = await inPage<number[]>(page, `[...document.querySelectorAll('#fit-results table')].map((t) => t.querySelectorAll('tbody tr').length)`);
  check(JSON.stringify(fitRows) === JSON.stringify([nodeFit.parameters.length, nodeFit.predictive.length]), `fit tables with ${JSON.stringify(fitRows)} rows, expected ${nodeFit.parameters.length} parameters and ${nodeFit.predictive.length} statistics`);
  await page.click('#fit-apply');
  const applied = resolveScenario(runRequest(stateFromHash(new URL(page.url()).hash).state).scenario);
  // The page's own fit (equal to Node's where the engines' Math agree) is what the button applies.
  const pageFit = JSON.parse((await page.textContent('#fit-json')) || '{}') as typeof nodeFit;
  for (const p of pageFit.parameters ?? []) check(valueAt(applied, p.path) === p.q50, `after "Use the fitted values" the link's ${p.path} is ${String(valueAt(applied, p.path))}, not the page's posterior median ${p.q50}`);
  check((pageFit.parameters ?? []).length === nodeFit.parameters.length, `the page's fit has ${(pageFit.parameters ?? []).length} parameters, Node's ${nodeFit.parameters.length}`);
  check((await page.inputValue('#preset')) === 'facebook', 'the fitted values did not keep the fit\'s preset');
  const badExport = join(tmp, 'bad-export.csv');
  writeFileSync(badExport, 'published,impressions,likes\n2026-01-05T18:00:00Z,40,2\n2026-01-06T18:00:00Z,-3,1\n');
  await page.setInputFiles('#fit-export', badExport);
  await page.waitForSelector('#fit-status:has-text("bad-export.csv")');
  await page.click('#fit-run');
  await page.waitForSelector('#account:not([data-state=running])', { timeout: 60_000 });
  const badNotes = (await page.textContent('#fit-notes')) ?? '';
  check(/The fit failed: bad-export\.csv, row 3, column "impressions"/.test(badNotes), `a bad export's problem is not shown with its row and column: "${badNotes}"`);
  await page.click('#fit-example');
  await page.fill('#fit-users', '2000');
  await page.click('#fit-run');
  await page.waitForTimeout(1000);
  await page.click('#fit-stop');
  await page.waitForTimeout(1000);
  check(await inPage<boolean>(page, 'document.getElementById("account").dataset.state === "stopped" && window.__feedsimFit === undefined && !document.getElementById("fit-run").disabled'), 'Stop did not stop the fit, or a result arrived after it');

  // Headings go h1 → h2; only the status line is announced by itself (the verdict would be read at every replicate).
  const headings = await inPage<string[]>(page, `[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName)`);
  check(!headings.some((h) => h > 'H2'), `heading levels: ${headings.join(' ')}`);
  const live = await inPage<string[]>(page, `[...document.querySelectorAll('[aria-live]')].map((e) => e.id)`);
  check(live.every((id) => id === 'status' || id === 'fit-status' || id.endsWith('-error')), `aria-live on ${live.join(', ')}`);
  check(errors.length === 0, `${errors.length} error(s) in the page: ${errors.slice(0, 5).join(' | ')}`);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (mathDiffers !== null) console.log(`NOTE ${mathDiffers}`);
  if (failures.length) {
    for (const f of failures) console.error(`FAIL ${f}`);
    console.log(`playground browser test FAILED: ${failures.length} problem(s) (${seconds} s); files in ${tmp}`);
    process.exitCode = 1;
  } else {
    console.log(
      `playground browser test ok: JavaScript ${(built.scriptGzipBytes / 1024).toFixed(1)} KB gzipped; ran 2 strategies × 3 replicates in the page, result identical to Node's compare ` +
        `(follow-building final net return ${last?.toFixed(3)}) and CSV too; ${charts.length} charts with marks; link, YAML export (feedsim validate ok), import and Stop work ` +
        `(longest frame ${gap.toFixed(0)} ms while running); the synthetic export fitted in the page in ${fitSeconds.toFixed(1)} s, identical to Node's fit; fits ${WIDE.width} and ${PHONE.width} px; screenshots in ${SHOTS} (${wideShot.split('/').pop()}, playground-390.png) (${seconds} s)`,
    );
  }
} finally {
  await browser.close();
  if (!process.exitCode) rmSync(tmp, { recursive: true, force: true });
}
