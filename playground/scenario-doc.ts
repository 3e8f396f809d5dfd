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
import { ScenarioError } from '../src/scenario/errors.js';
import { isPlain, type Plain } from '../src/scenario/plain.js';
import { VERSION } from '../src/version.js';
import { RECIPE_CONTROLS, STRATEGY_KINDS, type RecipeValues } from './controls.js';
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
  if (wrapped) {
    if (typeof doc.seed === 'number') s.seed = doc.seed;
    if (typeof doc.replicates === 'number') s.replicates = doc.replicates;
    if ('design' in doc) notes.push('the file\'s design is left out: the page compares the strategies on one scenario');
    if (Array.isArray(doc.strategies)) readStrategies(doc.strategies, s, notes);
  }
  return { state: s, notes };
}

/** Recipes of the two compared strategies from a document's strategy list. */
function readStrategies(list: unknown[], s: PlaygroundState, notes: string[]): void {
  for (const spec of list) {
    const kind = typeof spec === 'string' ? spec : isPlain(spec) ? spec.kind : undefined;
    const k = STRATEGY_KINDS.find((x) => x === kind);
    if (!k) {
      notes.push(`strategy ${JSON.stringify(kind)} is left out: the page compares ${STRATEGY_KINDS.join(' and ')}`);
      continue;
    }
    const params = isPlain(spec) && isPlain(spec.params) ? spec.params : {};
    const recipe: Partial<Record<keyof RecipeValues, unknown>> = {};
    for (const [key, value] of Object.entries(params)) {
      if (RECIPE_CONTROLS.some((c) => c.key === key)) recipe[key as keyof RecipeValues] = value;
      else notes.push(`${k}'s parameter ${key} is left out: the page has no control for it`);
    }
    s.recipes[k] = recipe as Partial<RecipeValues>;
  }
}

/** The state of a file's text (JSON or YAML by its name). */
export function stateFromFile(text: string, name: string, fallback?: PlaygroundState): { state: PlaygroundState; notes: string[] } {
  const format: DocumentFormat = /\.json$/i.test(name) ? 'json' : 'yaml';
  return stateFromDocument(parseDocument(text, format, name), fallback);
}
