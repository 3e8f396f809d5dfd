/**
 * The playground's state — everything a reader set — and the comparison it asks for. The state
 * holds values, not slider positions, so a value typed into a file or a URL survives exactly; it
 * holds only what differs from the preset and the built-in recipes, so the scenario it makes says
 * what was changed and nothing else. No DOM.
 * @module
 */
import { applyPoint } from '../src/experiment/design.js';
import { defaultScenario } from '../src/scenario/defaults.js';
import { ScenarioError } from '../src/scenario/errors.js';
import { isPlain, type Plain } from '../src/scenario/plain.js';
import type { ScenarioInput, StrategySpec } from '../src/scenario/types.js';
import { ASSUMPTION_CONTROLS, PRESET_CHOICES, STRATEGY_KINDS, type PresetChoice, type RecipeValues, type StrategyKind } from './controls.js';

/** What a reader set. */
export interface PlaygroundState {
  preset: PresetChoice;
  users: number;
  cycles: number;
  seed: number;
  replicates: number;
  /** Assumption values by scenario path, for those set (others keep the preset's). */
  assumptions: Record<string, number>;
  /** Per strategy, the recipe knobs set (others keep the built-in recipe's). */
  recipes: Record<StrategyKind, Partial<RecipeValues>>;
  /** Scenario fields without a control (from an imported file), kept as they were. */
  extra: Record<string, unknown>;
}

/** The comparison the state asks for: `compare`'s options (one thread). */
export interface RunRequest {
  scenario: ScenarioInput;
  strategies: StrategySpec[];
  replicates: number;
}

/** The default comparison of `npm start`: the default world, 5 replicates, seed 1. */
export const DEFAULT_STATE: PlaygroundState = Object.freeze({
  preset: 'default',
  users: defaultScenario.users,
  cycles: defaultScenario.cycles,
  seed: defaultScenario.seed,
  replicates: 5,
  assumptions: {},
  recipes: { 'like-chasing': {}, 'follow-building': {} },
  extra: {},
});

/** A fresh copy of the default state (it is frozen). */
export function defaultState(): PlaygroundState {
  return { ...DEFAULT_STATE, assumptions: {}, recipes: { 'like-chasing': {}, 'follow-building': {} }, extra: {} };
}

/**
 * The scenario the state describes: the preset, the world, the imported fields, the assumptions
 * set. The controls win over the imported fields, so the page runs what its controls show.
 */
export function scenarioOf(s: PlaygroundState): ScenarioInput {
  const { version: _version, extends: _extends, seed: _seed, users: _users, cycles: _cycles, ...extra } = s.extra;
  const base: Record<string, unknown> = { version: 1, ...(s.preset !== 'default' ? { extends: s.preset } : {}), seed: s.seed, users: s.users, cycles: s.cycles, ...extra };
  return applyPoint(base as ScenarioInput, s.assumptions);
}

/** The value at a dotted path of a plain document (a scenario, resolved or not), if any. */
export function valueAt(doc: unknown, path: string): unknown {
  let node = doc;
  for (const k of path.split('.')) node = isPlain(node) ? node[k] : undefined;
  return node;
}

/** `doc` without the value at `path`, dropping objects left empty (`doc` is not changed). */
function without(doc: Plain, path: string): Plain {
  const [head, ...rest] = path.split('.');
  if (!(head in doc)) return doc;
  const { [head]: child, ...others } = doc;
  if (!rest.length) return others;
  if (!isPlain(child)) return doc;
  const inner = without(child, rest.join('.'));
  return Object.keys(inner).length ? { ...others, [head]: inner } : others;
}

/** The preset a scenario extends, or the engine's kind of problem. */
function presetOf(ext: unknown): PresetChoice {
  const name = Array.isArray(ext) && ext.length === 1 ? ext[0] : ext ?? 'default';
  if (typeof name === 'string' && (PRESET_CHOICES as readonly string[]).includes(name)) return name as PresetChoice;
  throw new ScenarioError([{ path: 'extends', value: ext, allowed: `the playground builds on one preset: ${PRESET_CHOICES.filter((p) => p !== 'default').join(', ')}` }]);
}

/** A scenario split into what the page's controls show and the fields kept as they are. */
export interface ScenarioParts {
  preset: PresetChoice;
  /** The world's settings the scenario gives (as numbers). */
  world: Partial<Record<'users' | 'cycles' | 'seed', number>>;
  assumptions: Record<string, number>;
  extra: Plain;
  /** What was left out, and why (a controlled field that is not a number, a version other than 1). */
  notes: string[];
}

/**
 * Splits a scenario into its controls — version, extends, users, cycles, seed and the slider
 * values — and the rest, so nothing the controls show can be overridden unseen by a kept field.
 * An `extends` the page cannot show throws a {@link ScenarioError}.
 */
export function splitScenario(scenario: Plain): ScenarioParts {
  const parts: ScenarioParts = { preset: presetOf(scenario.extends), world: {}, assumptions: {}, extra: scenario, notes: [] };
  if (scenario.version !== undefined && scenario.version !== 1) parts.notes.push(`version ${JSON.stringify(scenario.version)} is left out: the page writes version 1`);
  for (const key of ['users', 'cycles', 'seed'] as const) {
    const v = scenario[key];
    if (typeof v === 'number') parts.world[key] = v;
    else if (v !== undefined) parts.notes.push(`the scenario's ${key} ${JSON.stringify(v)} is left out: not a number`);
  }
  for (const key of ['version', 'extends', 'users', 'cycles', 'seed']) parts.extra = without(parts.extra, key);
  for (const { path } of ASSUMPTION_CONTROLS) {
    const v = valueAt(parts.extra, path);
    if (v === undefined) continue;
    if (typeof v === 'number') parts.assumptions[path] = v;
    else parts.notes.push(`the scenario's ${path} ${JSON.stringify(v)} is left out: not a number`);
    parts.extra = without(parts.extra, path);
  }
  return parts;
}

/** The compare options of the state. */
export function runRequest(s: PlaygroundState): RunRequest {
  return {
    scenario: scenarioOf(s),
    strategies: STRATEGY_KINDS.map((kind) => ({ kind, params: { ...s.recipes[kind] } })),
    replicates: s.replicates,
  };
}
