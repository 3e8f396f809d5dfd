/**
 * The strategy registry: kind name → factory. Built-ins are registered from the start; users
 * add theirs with {@link registerStrategy}.
 * @module
 */
import type { StrategySpec } from '../scenario/types.js';
import { closestKey, ScenarioError } from '../scenario/errors.js';
import { builtinStrategies } from './builtins.js';
import type { Strategy, StrategyFactory } from './strategy.js';

const registry = new Map<string, StrategyFactory>(Object.entries(builtinStrategies));

/** Registers a strategy kind; scenarios then name it in `{ kind, params }`. */
export function registerStrategy(kind: string, factory: StrategyFactory): void {
  if (typeof kind !== 'string' || !kind) throw new TypeError('registerStrategy: kind must be a non-empty string');
  if (typeof factory !== 'function') throw new TypeError('registerStrategy: factory must be a function');
  // A replaced built-in would run only in this thread: worker threads would run the original.
  if (Object.hasOwn(builtinStrategies, kind)) throw new TypeError(`registerStrategy: "${kind}" is a built-in strategy; register yours under another name`);
  registry.set(kind, factory);
}

/** The registered strategy kinds. */
export function strategyKinds(): string[] {
  return [...registry.keys()];
}

/** Instantiates a strategy description; throws naming the known kinds when it is unknown. */
export function resolveStrategy(spec: StrategySpec, field = 'strategy'): Strategy {
  const factory = registry.get(spec.kind);
  if (!factory) {
    throw new ScenarioError([{ path: `${field}.kind`, value: spec.kind, allowed: `is not a registered strategy (known: ${strategyKinds().join(', ')}; registerStrategy adds one)`, suggestion: closestKey(String(spec.kind), strategyKinds()) }]);
  }
  let strategy: Strategy;
  try {
    strategy = factory(spec.params ?? {});
  } catch (e) {
    // A factory rejecting its parameters: the same typed error as every other bad input.
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError([{ path: `${field}.params`, value: spec.params, allowed: (e as Error).message }]);
  }
  if (typeof strategy?.plan !== 'function') {
    throw new ScenarioError([{ path: `${field}.kind`, value: spec.kind, allowed: 'its registered factory must return a strategy { plan(view) }' }]);
  }
  return strategy;
}
