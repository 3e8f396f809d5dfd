/**
 * The playground page: settings from the URL's hash into the form, a run in a Web Worker with
 * results shown as replicates finish, Stop, and the shareable link, exports and import. The final
 * result is compare's, written as JSON into `#result-json` (and `window.__feedsimResult`) for
 * tests and for anyone who wants the numbers.
 * @module
 */
import type { CompareResult } from '../src/experiment/compare.js';
import { setupFitPanel } from './fit-panel.js';
import { renderForm } from './form.js';
import { stateFromHash, stateToHash } from './hash.js';
import { byId } from './dom.js';
import type { RunMessage, WorkerMessage } from './protocol.js';
import { clearResults, drawCharts, showResult } from './results.js';
import { SCENARIO_FILE, scenarioYaml, stateFromFile } from './scenario-doc.js';
import { runRequest, type PlaygroundState, type RunRequest } from './state.js';

const ui = {
  form: byId<HTMLFormElement>('settings'),
  run: byId<HTMLButtonElement>('run'),
  stop: byId<HTMLButtonElement>('stop'),
  progress: byId<HTMLProgressElement>('progress'),
  status: byId('status'),
  notes: byId('notes'),
  stale: byId('stale'),
  exportStale: byId('export-stale'),
  exportYaml: byId<HTMLButtonElement>('export-yaml'),
  exportCsv: byId<HTMLButtonElement>('export-csv'),
  importFile: byId<HTMLInputElement>('import-file'),
  copyLink: byId<HTMLButtonElement>('copy-link'),
  resultJson: byId('result-json'),
  requestJson: byId('request-json'),
  results: { verdict: byId('verdict'), warnings: byId('warnings'), table: byId('final-table'), charts: byId('charts') },
};

/** What tests and the benchmark read besides the DOM. */
const exposed = window as unknown as {
  __feedsimResult?: CompareResult;
  /** The result on screen and how many replicates it holds (live, partial or final). */
  __feedsimShown?: { result: CompareResult; replicates: number };
  __feedsimRequest?: RunRequest;
  __feedsimSeconds?: number;
};

const workerUrl = URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: 'text/javascript' }));

let state: PlaygroundState;
let worker: Worker | undefined;
let request: RunRequest | undefined;
let shown: CompareResult | undefined;
let replicatesDone = 0;
let csv = '';
let started = 0;

type Phase = 'idle' | 'running' | 'done' | 'stopped' | 'error';
let phase: Phase = 'idle';

/** Run is off while running, and while a box holds a value the page cannot take (marked by the form). */
function updateRun(): void {
  ui.run.disabled = phase === 'running' || ui.form.querySelector('[aria-invalid="true"]') !== null;
}

function setPhase(next: Phase): void {
  phase = next;
  document.body.dataset.state = phase;
  updateRun();
  ui.stop.disabled = phase !== 'running';
}

/** Tells the reader what a link or file left out, or why a run or an import failed (`lead` says which). */
function showNotes(notes: string[], lead = 'Left out'): void {
  ui.notes.hidden = notes.length === 0;
  ui.notes.textContent = notes.length ? `${lead}: ${notes.join('; ')}` : '';
}

/** The page's address with the state's hash: the link, whether or not the address bar has caught up. */
const linkOf = (s: PlaygroundState) => `${location.href.replace(/#.*$/, '')}#${stateToHash(s)}`;

/**
 * Writes the state into the address. Browsers cap replaceState (Chrome ignores calls past 200 in
 * 10 s, Firefox and Safari throw), and a slider sends `input` and, from the keyboard, `change` per
 * step, so the address is written a moment after the last change, never per step; Copy link
 * builds its link from the state, so a refused write cannot make it wrong.
 */
let hashTimer = 0;
function writeHash(): void {
  clearTimeout(hashTimer);
  hashTimer = 0;
  try {
    history.replaceState(null, '', `#${stateToHash(state)}`);
  } catch {
    // Over the browser's cap: try again once it has had time to recover.
    hashTimer = window.setTimeout(writeHash, 2000);
  }
}

/** A new state: into the address (soon, see {@link writeHash}) and, when asked, the form. */
function setState(next: PlaygroundState, redraw: boolean): void {
  state = next;
  clearTimeout(hashTimer);
  hashTimer = window.setTimeout(writeHash, 400);
  // A redraw is a single step (a preset, a reset, an import): written at once.
  if (redraw) {
    renderForm(ui.form, state, setState);
    writeHash();
    updateRun();
  }
  showStale(shown !== undefined);
}

/** Whether the results on screen are of other settings than the form's: beside them, and beside the exports, which then differ. */
function showStale(stale: boolean): void {
  ui.stale.hidden = !stale;
  ui.exportStale.hidden = !stale || ui.exportCsv.disabled;
}

function loadHash(): void {
  const { state: s, notes } = stateFromHash(location.hash);
  showNotes(notes);
  setState(s, true);
}

function stop(): void {
  worker?.terminate();
  worker = undefined;
}

function finish(seconds: number): void {
  exposed.__feedsimSeconds = seconds;
  document.body.dataset.seconds = seconds.toFixed(3);
}

function onMessage(m: WorkerMessage): void {
  const planned = request?.replicates ?? 0;
  if (m.type === 'progress') {
    ui.progress.max = m.runsTotal;
    ui.progress.value = m.runsDone;
    ui.status.textContent = `Running: ${m.runsDone} of ${m.runsTotal} runs (${replicatesDone} of ${planned} replicates)…`;
  } else if (m.type === 'partial') {
    replicatesDone = m.replicatesDone;
    shown = m.result;
    exposed.__feedsimShown = { result: m.result, replicates: m.replicatesDone };
    showResult(ui.results, m.result, m.replicatesDone, planned);
  } else if (m.type === 'done') {
    const seconds = (performance.now() - started) / 1000;
    stop();
    shown = m.result;
    replicatesDone = planned;
    csv = m.csv;
    exposed.__feedsimShown = { result: m.result, replicates: planned };
    showResult(ui.results, m.result, planned, planned);
    ui.resultJson.textContent = JSON.stringify(m.result);
    exposed.__feedsimResult = m.result;
    ui.exportCsv.disabled = false;
    ui.status.textContent = `Finished: ${planned} replicates of each strategy in ${seconds.toFixed(1)} s.`;
    finish(seconds);
    setPhase('done');
  } else if (m.type === 'error') {
    stop();
    ui.status.textContent = 'The run failed.';
    showNotes([m.message], 'The run failed');
    setPhase('error');
  }
}

function run(): void {
  stop();
  request = runRequest(state);
  exposed.__feedsimRequest = request;
  exposed.__feedsimResult = undefined;
  exposed.__feedsimShown = undefined;
  shown = undefined;
  clearResults(ui.results, 'Running: the results appear when each strategy has finished its first replicate.');
  ui.requestJson.textContent = JSON.stringify(request);
  ui.resultJson.textContent = '';
  ui.exportCsv.disabled = true;
  showStale(false);
  ui.progress.value = 0;
  replicatesDone = 0;
  csv = '';
  showNotes([]);
  ui.status.textContent = 'Starting…';
  setPhase('running');
  started = performance.now();
  const w = new Worker(workerUrl);
  worker = w;
  // A message a stopped worker sent before it ended is not this run's any more.
  w.onmessage = (e: MessageEvent<WorkerMessage>) => {
    if (worker === w) onMessage(e.data);
  };
  w.onerror = (e) => {
    if (worker === w) onMessage({ type: 'error', message: e.message || 'the worker failed' });
  };
  const message: RunMessage = { type: 'run', request };
  w.postMessage(message);
  // On a phone the results are below the settings: bring them into view.
  if (!window.matchMedia('(min-width: 900px)').matches) byId('results').scrollIntoView({ block: 'start' });
}

/** Offers text as a file download (a Blob URL: nothing leaves the browser). */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

ui.run.addEventListener('click', run);
ui.stop.addEventListener('click', () => {
  stop();
  const planned = request?.replicates ?? 0;
  if (replicatesDone > 0) ui.status.textContent = `Stopped after ${replicatesDone} of ${planned} replicates: the numbers shown are partial.`;
  else {
    ui.status.textContent = `Stopped before the first of ${planned} replicates finished: no results.`;
    clearResults(ui.results, 'No results: the run was stopped before its first replicate finished.');
  }
  setPhase('stopped');
});
ui.exportYaml.addEventListener('click', () => download(scenarioYaml(state), SCENARIO_FILE, 'text/yaml'));
ui.exportCsv.addEventListener('click', () => download(csv, 'playground-rows.csv', 'text/csv'));
ui.copyLink.addEventListener('click', () => {
  writeHash();
  navigator.clipboard.writeText(linkOf(state)).then(
    () => (ui.status.textContent = 'Link copied: it opens this page with these settings.'),
    () => (ui.status.textContent = 'Copy the address from the address bar: it holds these settings.'),
  );
});
ui.importFile.addEventListener('change', async () => {
  const file = ui.importFile.files?.[0];
  if (!file) return;
  try {
    const { state: next, notes } = stateFromFile(await file.text(), file.name, state);
    showNotes(notes);
    setState(next, true);
    ui.status.textContent = `Imported ${file.name}.`;
  } catch (e) {
    showNotes([e instanceof Error ? e.message : String(e)], `${file.name} was not imported`);
  } finally {
    ui.importFile.value = '';
  }
});
window.addEventListener('hashchange', loadHash);
// A reload or a bookmark right after a change still gets it.
window.addEventListener('pagehide', writeHash);
ui.form.addEventListener('submit', (e) => e.preventDefault());
ui.form.addEventListener('input', updateRun);
ui.form.addEventListener('change', updateRun);

// Charts are drawn for their width: redraw when it changes (a rotated phone, a resized window).
let pending = 0;
let lastWidth = 0;
new ResizeObserver(() => {
  const width = ui.results.charts.clientWidth;
  if (!shown || width === lastWidth || pending) return;
  pending = requestAnimationFrame(() => {
    pending = 0;
    lastWidth = ui.results.charts.clientWidth;
    if (shown) drawCharts(ui.results.charts, shown);
  });
}).observe(ui.results.charts);

setPhase('idle');
loadHash();
setupFitPanel(workerUrl, { state: () => state, apply: (next) => setState(next, true) });
