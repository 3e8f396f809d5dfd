/**
 * Scenario files in and out of the playground. Export: the state's scenario as YAML that
 * `feedsim validate` and `feedsim compare` accept, with the command that reproduces the page's
 * numbers in a comment. Import: a scenario file (JSON or YAML), or a document holding
 * `{ scenario, strategies, replicates, seed }` (a sweep file's shape), checked by the engine and
 * split into the controls it sets and the fields kept as they are. No DOM.
 * @module
 */
import { stringify } from 'yaml';
import { parseDocument, type DocumentFormat } from '../src/scenario/file.js';
import { resolveScenario } from '../src/scenario/resolve.js';
import { ScenarioError, formatProblem } from '../src/scenario/errors.js';
import { shapeProblems, strategySchema } from '../src/scenario/schema.js';
import { isPlain, type Plain } from '../src/scenario/plain.js';
import { VERSION } from '../src/version.js';
import { RECIPE_CONTROLS, STRATEGY_KINDS, WORLD_CONTROLS, type RecipeControl, type RecipeValues, type StrategyKind } from './controls.js';
import { defaultState, scenarioOf, splitScenario, type PlaygroundState } from './state.js';

/** The exported file's name. */
export const SCENARIO_FILE = 'playground-scenario.yaml';

/** The state's scenario as a YAML scenario file, with how to run it from the command line. */
export function scenarioYaml(s: PlaygroundState): string {
  const changed = STRATEGY_KINDS.filter((k) => Object.keys(s.recipes[k]).length > 0);
  const head = [
    `# A feedsim ${VERSION} scenario from the playground (docs/playground.md). Check it, then run the page's comparison:`,
    `#   feedsim validate ${SCENARIO_FILE}`,
    `#   feedsim compare ${SCENARIO_FILE} --strategies ${STRATEGY_KINDS.join(',')} --replicates ${s.replicates}`,
    '# (in a clone of the repository: npm run feedsim -- validate …).',
  ];
  if (changed.length) {
    head.push(
      '# The page changed these recipes; the command line runs each strategy with its built-in recipe,',
      '# so for the page\'s numbers call compare from code with these strategies:',
      ...changed.map((k) => `#   { kind: ${k}, params: ${JSON.stringify(s.recipes[k])} }`),
    );
  }
  return `${head.join('\n')}\n${stringify(scenarioOf(s))}`;
}

/**
 * The state a parsed document describes, and notes on what it left out. Settings the document
 * does not give are the defaults'; a scenario the engine refuses throws its {@link ScenarioError}.
 */
export function stateFromDocument(doc: unknown, fallback: PlaygroundState = defaultState()): { state: PlaygroundState; notes: string[] } {
  if (!isPlain(doc)) throw new ScenarioError([{ path: '', value: doc, allowed: 'must be a scenario: an object such as { extends: youtube, users: 5000 }' }]);
  const notes: string[] = [];
  const wrapped = 'scenario' in doc;
  if (wrapped && !isPlain(doc.scenario)) throw new ScenarioError([{ path: 'scenario', value: doc.scenario, allowed: 'must be the scenario itself (a file path cannot be read in the browser)' }]);
  const { $schema: _schema, ...scenario } = (wrapped ? doc.scenario : doc) as Plain;
  resolveScenario(scenario); // every problem at once, as feedsim validate lists them
  const parts = splitScenario(scenario);
  const s = defaultState();
  s.replicates = fallback.replicates;
  s.preset = parts.preset;
  Object.assign(s, parts.world);
  s.assumptions = parts.assumptions;
  s.extra = parts.extra;
  notes.push(...parts.notes);
  if (!wrapped) {
    keepRecipes(fallback, s, notes, 'a scenario file has none');
    return { state: s, notes };
  }
  for (const key of Object.keys(doc)) {
    if (!SWEEP_FIELDS.includes(key)) notes.push(`${key} is left out: not a field of a { scenario, strategies, replicates, seed } file`);
  }
  const world = (key: 'seed' | 'replicates') => {
    const c = WORLD_CONTROLS.find((w) => w.key === key)!;
    const v = doc[key];
    if (v === undefined) return;
    if (typeof v === 'number' && Number.isInteger(v) && v >= c.min && v <= c.max) s[key] = v;
    else notes.push(`${key} ${JSON.stringify(v)} is left out: the page takes a whole number from ${c.min.toLocaleString('en')} to ${c.max.toLocaleString('en')} (it keeps ${s[key]})`);
  };
  world('seed');
  world('replicates');
  if ('design' in doc) notes.push('the file\'s design is left out: the page compares the strategies on one scenario');
  if (doc.strategies === undefined) keepRecipes(fallback, s, notes, 'the file lists no strategies');
  else if (Array.isArray(doc.strategies)) readStrategies(doc.strategies, s, notes);
  else notes.push('strategies is left out: not a list');
  return { state: s, notes };
}

/** The top-level fields of a document holding a scenario (a sweep file's). */
const SWEEP_FIELDS = ['scenario', 'strategies', 'replicates', 'seed', 'design'];

/** Keeps the page's recipes for a document without any, saying so when one was set. */
function keepRecipes(fallback: PlaygroundState, s: PlaygroundState, notes: string[], why: string): void {
  s.recipes = { 'like-chasing': { ...fallback.recipes['like-chasing'] }, 'follow-building': { ...fallback.recipes['follow-building'] } };
  const set = STRATEGY_KINDS.filter((k) => Object.keys(s.recipes[k]).length > 0);
  if (set.length) notes.push(`the recipes set on the page (${set.join(', ')}) are kept: ${why}`);
}

/** Why a recipe knob cannot take a value, if it cannot (the control's range; the engine checks the rest when it runs). */
function knobProblem(c: RecipeControl, v: unknown): string | undefined {
  if (c.kind === 'unit') return typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'must be a number from 0 to 1';
  if (c.kind === 'count') return typeof v === 'number' && Number.isInteger(v) && v >= c.min && v <= c.max ? undefined : `must be a whole number from ${c.min} to ${c.max}`;
  if (c.kind === 'choice') return typeof v === 'string' && c.choices.includes(v) ? undefined : `must be one of ${c.choices.join(', ')}`;
  return typeof v === 'boolean' ? undefined : 'must be true or false';
}

/**
 * Recipes of the two compared strategies from a document's strategy list, each checked against
 * the engine's strategy schema; a note for everything dropped or changed: another strategy, a
 * second entry of the same kind, a label, a knob without a control or with a value it cannot
 * take, the order (the page always puts like-chasing, the baseline, first) and a compared
 * strategy the list lacks (it runs with its built-in recipe).
 */
function readStrategies(list: unknown[], s: PlaygroundState, notes: string[]): void {
  const seen: StrategyKind[] = [];
  list.forEach((spec, i) => {
    const problems = shapeProblems(typeof spec === 'string' ? { kind: spec } : spec, strategySchema);
    if (problems.length) {
      notes.push(`strategies[${i}] is left out: ${problems.map((p) => formatProblem({ ...p, path: p.path || 'the entry' })).join('; ')}`);
      return;
    }
    const { kind, params = {}, label } = (typeof spec === 'string' ? { kind: spec } : spec) as { kind: string; params?: Plain; label?: string };
    const k = STRATEGY_KINDS.find((x) => x === kind);
    if (!k) {
      notes.push(`strategy ${JSON.stringify(kind)} is left out: the page compares ${STRATEGY_KINDS.join(' and ')}`);
      return;
    }
    if (seen.includes(k)) {
      notes.push(`strategies[${i}], a second ${k}, is left out: the page compares one of each`);
      return;
    }
    seen.push(k);
    if (label !== undefined) notes.push(`${k}'s label ${JSON.stringify(label)} is left out: the page names the strategies by kind`);
    const recipe: Partial<Record<keyof RecipeValues, unknown>> = {};
    for (const [key, value] of Object.entries(params)) {
      const c = RECIPE_CONTROLS.find((x) => x.key === key);
      const problem = c ? knobProblem(c, value) : 'the page has no control for it';
      if (c && !problem) recipe[c.key] = value;
      else notes.push(`${k}'s parameter ${key} ${JSON.stringify(value)} is left out: ${problem}`);
    }
    s.recipes[k] = recipe as Partial<RecipeValues>;
  });
  if (seen.length === STRATEGY_KINDS.length && seen[0] !== STRATEGY_KINDS[0]) {
    notes.push(`the file lists ${seen.join(' before ')}: the page puts ${STRATEGY_KINDS[0]}, the baseline, first`);
  }
  for (const k of STRATEGY_KINDS) if (!seen.includes(k)) notes.push(`${k} is not in the file's strategies: the page runs it with its built-in recipe`);
}

/** The state of a file's text (JSON or YAML by its name). */
export function stateFromFile(text: string, name: string, fallback?: PlaygroundState): { state: PlaygroundState; notes: string[] } {
  const format: DocumentFormat = /\.json$/i.test(name) ? 'json' : 'yaml';
  return stateFromDocument(parseDocument(text, format, name), fallback);
}
