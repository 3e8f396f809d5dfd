import { ScenarioError } from '../../src/scenario/errors.js';

/** The field paths of the ScenarioError that `f` throws; fails the test when it throws nothing or something else. */
export function problemPaths(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => p.path);
    throw e;
  }
  throw new Error('expected a ScenarioError, but nothing was thrown');
}
