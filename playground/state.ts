/**
 * The playground's state — everything a reader set — and the comparison it asks for. The state
 * holds values, not slider positions, so a value typed into a file or a URL survives exactly; it
 * holds only what differs from the preset and the built-in recipes, so the scenario it makes says
 * what was changed and nothing else. No DOM.
 * @module
 */
import { applyPoint } from '../src/experiment/design.js';
import { defaultScenario } from '../src/scenario/defaults.js';
import type { ScenarioInput, StrategySpec } from '../src/scenario/types.js';
import { STRATEGY_KINDS, type PresetChoice, type RecipeValues, type StrategyKind } from './controls.js';

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

/** The scenario the state describes: the preset, the world, the imported fields, the assumptions set. */
export function scenarioOf(s: PlaygroundState): ScenarioInput {
  const base: Record<string, unknown> = { version: 1 };
  if (s.preset !== 'default') base.extends = s.preset;
  Object.assign(base, { seed: s.seed, users: s.users, cycles: s.cycles }, s.extra);
  return applyPoint(base as ScenarioInput, s.assumptions);
}

/** The compare options of the state. */
export function runRequest(s: PlaygroundState): RunRequest {
  return {
    scenario: scenarioOf(s),
    strategies: STRATEGY_KINDS.map((kind) => ({ kind, params: { ...s.recipes[kind] } })),
    replicates: s.replicates,
  };
}
