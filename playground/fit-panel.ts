/**
 * "Your own account": the page's fit of an uploaded analytics export. The reader picks the export
 * (and optionally its daily follower counts) or the shipped synthetic example, sets the world and
 * the sample, and fits in its own Web Worker (the comparison's worker is left alone); each ABC-SMC
 * generation is reported as it finishes, then the report's own tables — what the export taught,
 * the parameters' posteriors, the predictive check. "Use the fitted values" carries the posterior
 * medians into the comparison. The result is written as JSON into `#fit-json` (and
 * `window.__feedsimFit`) for tests.
 * @module
 */
import type { FitResult } from '../src/calibrate/fit.js';
import { learnedSentence, parametersTable, predictiveTable, predictiveWarnings } from '../src/report/fit-tables.js';
import { escapeHtml } from '../src/report/format.js';
import exampleExport from '../examples/data/synthetic-export.csv';
import exampleFollowers from '../examples/data/synthetic-followers.csv';
import { FIT_DEFAULTS, fittedState, type FitRequest, type UploadedFile } from './fit-request.js';
import { byId } from './dom.js';
import type { RunMessage, WorkerMessage } from './protocol.js';
import type { PlaygroundState } from './state.js';

/** What the panel needs from the page: its state, and a way to set it. */
export interface FitPanelHooks {
  state(): PlaygroundState;
  apply(next: PlaygroundState): void;
}

/** A number box's value: a whole number within its min and max, absent when empty and optional; else the reason. */
function wholeNumber(input: HTMLInputElement, name: string, optional: boolean): number | undefined | string {
  const text = input.value.trim();
  if (text === '' && optional) return undefined;
  const v = Number(text);
  const [min, max] = [Number(input.min), Number(input.max)];
  if (text === '' || !Number.isInteger(v) || v < min || v > max) {
    return `${name} ${JSON.stringify(input.value)}: must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  }
  return v;
}

/** Sets up the panel; `workerUrl` is the engine's worker. */
export function setupFitPanel(workerUrl: string, hooks: FitPanelHooks): void {
  const ui = {
    section: byId('account'),
    exportFile: byId<HTMLInputElement>('fit-export'),
    followersFile: byId<HTMLInputElement>('fit-followers'),
    users: byId<HTMLInputElement>('fit-users'),
    days: byId<HTMLInputElement>('fit-days'),
    particles: byId<HTMLInputElement>('fit-particles'),
    max: byId<HTMLInputElement>('fit-max'),
    run: byId<HTMLButtonElement>('fit-run'),
    stop: byId<HTMLButtonElement>('fit-stop'),
    example: byId<HTMLButtonElement>('fit-example'),
    progress: byId<HTMLProgressElement>('fit-progress'),
    status: byId('fit-status'),
    notes: byId('fit-notes'),
    results: byId('fit-results'),
    apply: byId<HTMLButtonElement>('fit-apply'),
    json: byId('fit-json'),
    requestJson: byId('fit-request-json'),
  };
  const exposed = window as unknown as { __feedsimFit?: FitResult };
  ui.users.value = String(FIT_DEFAULTS.users);
  ui.particles.value = String(FIT_DEFAULTS.particles);
  ui.max.value = String(FIT_DEFAULTS.maxSimulations);

  let exportFile: UploadedFile | undefined;
  let followersFile: UploadedFile | undefined;
  let worker: Worker | undefined;
  let request: FitRequest | undefined;
  let result: FitResult | undefined;

  const setPhase = (phase: 'idle' | 'running' | 'done' | 'stopped' | 'error') => {
    ui.section.dataset.state = phase;
    ui.run.disabled = phase === 'running' || !exportFile;
    ui.stop.disabled = phase !== 'running';
  };
  const showNotes = (lead: string, notes: string[]) => {
    ui.notes.hidden = notes.length === 0;
    ui.notes.textContent = notes.length ? `${lead}: ${notes.join('; ')}` : '';
  };
  const stop = () => {
    worker?.terminate();
    worker = undefined;
  };
  const filesChosen = () => {
    ui.status.textContent = exportFile ? `Export: ${exportFile.name}${followersFile ? `; followers: ${followersFile.name}` : ''}. Fit when ready.` : 'Choose an export file.';
    setPhase('idle');
  };
  const readChosen = async (input: HTMLInputElement): Promise<UploadedFile | undefined> => {
    const file = input.files?.[0];
    return file ? { name: file.name, text: await file.text() } : undefined;
  };

  const show = (r: FitResult) => {
    const warnings = predictiveWarnings(r);
    const meta = `${r.world.posts} posts over ${r.world.days} days replayed in ${r.world.scenario.users?.toLocaleString('en-US') ?? '?'} users · ${r.posterior.particles.length} particles, effective sample size ${Math.round(r.posterior.ess)}, ${r.posterior.distinct} distinct · ${r.simulations.toLocaleString('en-US')} simulations (stopped: ${escapeHtml(r.stoppedBecause)}) · seed ${r.seed}`;
    ui.results.innerHTML = [
      `<p class="learned">${learnedSentence(r)}</p>`,
      `<p class="note">${meta}</p>`,
      warnings.length ? `<div class="notes">${warnings.map(escapeHtml).join('\n')}</div>` : '',
      `<div class="table">${parametersTable(r)}</div>`,
      `<div class="table">${predictiveTable(r)}</div>`,
      r.notes.length ? `<ul class="note">${r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '',
    ].join('\n');
  };

  const onMessage = (m: WorkerMessage, started: number) => {
    if (m.type === 'fit-generation') {
      const g = m.report;
      ui.progress.value = Math.min(g.simulations, ui.progress.max);
      const tolerance = Number.isFinite(g.tolerance) ? `, tolerance ${g.tolerance.toPrecision(3)}` : '';
      ui.status.textContent = `Fitting: generation ${g.generation} done${tolerance}, effective sample size ${Math.round(g.ess)}, ${g.simulations.toLocaleString('en-US')} simulations…`;
    } else if (m.type === 'fit-done') {
      stop();
      result = m.result;
      exposed.__feedsimFit = m.result;
      ui.json.textContent = JSON.stringify(m.result);
      show(m.result);
      ui.apply.hidden = false;
      ui.progress.value = ui.progress.max;
      ui.status.textContent = `Fitted in ${((performance.now() - started) / 1000).toFixed(1)} s: ${m.result.generations.length} generations, ${m.result.simulations.toLocaleString('en-US')} simulations.`;
      setPhase('done');
    } else if (m.type === 'error') {
      stop();
      ui.status.textContent = 'The fit failed.';
      showNotes('The fit failed', [m.message]);
      setPhase('error');
    }
  };

  const run = () => {
    if (!exportFile) return;
    const state = hooks.state();
    const numbers = [
      wholeNumber(ui.users, 'Users of the simulated world', false), wholeNumber(ui.days, 'Days replayed', true),
      wholeNumber(ui.particles, 'Particles', false), wholeNumber(ui.max, 'Most simulations', false),
    ];
    const wrong = numbers.filter((n): n is string => typeof n === 'string');
    if (wrong.length) {
      showNotes('Not fitted', wrong);
      return;
    }
    const [users, days, particles, maxSimulations] = numbers as Array<number | undefined>;
    request = {
      export: exportFile, ...(followersFile ? { followers: followersFile } : {}), preset: state.preset,
      users: users!, ...(days === undefined ? {} : { days }), particles: particles!, maxSimulations: maxSimulations!, checks: FIT_DEFAULTS.checks, seed: state.seed,
    };
    stop();
    result = undefined;
    exposed.__feedsimFit = undefined;
    ui.json.textContent = '';
    ui.requestJson.textContent = JSON.stringify(request);
    ui.results.innerHTML = '';
    ui.apply.hidden = true;
    showNotes('', []);
    ui.progress.max = maxSimulations!;
    ui.progress.value = 0;
    ui.status.textContent = `Fitting ${exportFile.name} on the ${state.preset} preset…`;
    setPhase('running');
    const started = performance.now();
    const w = new Worker(workerUrl);
    worker = w;
    w.onmessage = (e: MessageEvent<WorkerMessage>) => {
      if (worker === w) onMessage(e.data, started);
    };
    w.onerror = (e) => {
      if (worker === w) onMessage({ type: 'error', message: e.message || 'the worker failed' }, started);
    };
    const message: RunMessage = { type: 'fit', request };
    w.postMessage(message);
  };

  ui.exportFile.addEventListener('change', async () => {
    exportFile = await readChosen(ui.exportFile);
    filesChosen();
  });
  ui.followersFile.addEventListener('change', async () => {
    followersFile = await readChosen(ui.followersFile);
    filesChosen();
  });
  ui.example.addEventListener('click', () => {
    exportFile = { name: 'synthetic-export.csv', text: exampleExport };
    followersFile = { name: 'synthetic-followers.csv', text: exampleFollowers };
    // The file boxes would otherwise still name a file of the reader's that is no longer used.
    ui.exportFile.value = '';
    ui.followersFile.value = '';
    filesChosen();
  });
  ui.run.addEventListener('click', run);
  ui.stop.addEventListener('click', () => {
    stop();
    ui.status.textContent = 'Stopped: no fit.';
    setPhase('stopped');
  });
  ui.apply.addEventListener('click', () => {
    if (!result || !request) return;
    hooks.apply(fittedState(hooks.state(), request.preset, result));
    ui.status.textContent = `The comparison now uses the fitted values (posterior medians) on the ${request.preset} preset: Run to compare the strategies for this account.`;
  });
  setPhase('idle');
}
