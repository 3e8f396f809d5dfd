/**
 * The page's fit of an uploaded analytics export: what the page asks the worker for (the files'
 * text and the fit's settings), the `fit` options that gives — the same in the worker and in
 * Node, so both give the same posterior bit for bit — and the state that carries the fitted
 * values into the comparison. No DOM.
 * @module
 */
import { readExport, readFollowerCounts } from '../src/calibrate/export.js';
import type { FitOptions, FitResult } from '../src/calibrate/fit.js';
import { isPlain } from '../src/scenario/plain.js';
import type { ScenarioInput } from '../src/scenario/types.js';
import { applyPoint } from '../src/experiment/design.js';
import { ASSUMPTION_CONTROLS, type PresetChoice } from './controls.js';
import type { PlaygroundState } from './state.js';

/** A file the reader chose: its name (for messages) and its text. */
export interface UploadedFile {
  name: string;
  text: string;
}

/** The page's fit: the export, optionally its daily follower counts, and the fit's settings. */
export interface FitRequest {
  export: UploadedFile;
  followers?: UploadedFile;
  /** The platform preset the account's world starts from (the page's preset). */
  preset: PresetChoice;
  users: number;
  /** Days of the export replayed (absent: all of it, at most 30). */
  days?: number;
  particles: number;
  maxSimulations: number;
  checks: number;
  seed: number;
}

/** The page's fit settings before a reader changes them: a world and a sample a browser fits in a few minutes. */
export const FIT_DEFAULTS = Object.freeze({ users: 1000, particles: 200, maxSimulations: 3000, checks: 20 });

/**
 * The `fit` options of a request, in one thread: the export read as `feedsim fit` reads it (a bad
 * row or column throws an error naming it), the follower counts attached.
 */
export function fitOptions(r: FitRequest): FitOptions {
  const data = readExport(r.export.text, { file: r.export.name });
  if (r.followers) data.followers = readFollowerCounts(r.followers.text, { file: r.followers.name });
  const scenario: ScenarioInput = r.preset === 'default' ? {} : { extends: r.preset };
  return {
    export: data, scenario, users: r.users, ...(r.days === undefined ? {} : { days: r.days }),
    particles: r.particles, maxSimulations: r.maxSimulations, checks: r.checks, seed: r.seed, workers: 1,
  };
}

/**
 * The state with a fit's posterior medians as its assumptions, on the fit's platform: a fitted
 * parameter with a slider sets the slider, any other goes into the scenario's kept fields. As when
 * the preset is changed in the form, sliders set under another preset go back to this one's. The
 * comparison then runs at point estimates; `feedsim advise` carries the whole posterior.
 */
export function fittedState(s: PlaygroundState, preset: PresetChoice, result: Pick<FitResult, 'parameters'>): PlaygroundState {
  const slider = new Set(ASSUMPTION_CONTROLS.map((c) => c.path));
  const assumptions: Record<string, number> = preset === s.preset ? { ...s.assumptions } : {};
  const kept: Record<string, number> = {};
  for (const p of result.parameters) {
    if (slider.has(p.path)) assumptions[p.path] = p.q50;
    else kept[p.path] = p.q50;
  }
  const extra = applyPoint(s.extra as ScenarioInput, kept) as unknown;
  return { ...s, preset, assumptions, extra: isPlain(extra) ? extra : {} };
}
