/**
 * The state in the URL's hash, readable and exact: `preset=youtube&users=500&…`, an assumption
 * by its scenario path (`economics.budgetPerCycle=150`), a recipe knob under its strategy
 * (`follow-building.quality=0.9`), and any imported scenario fields without a control as JSON
 * (`scenario={…}`). Numbers are written as JavaScript prints them, which reads back to the same
 * double, so a shared link reproduces the run exactly (bit for bit in the same JavaScript engine:
 * Math.exp, Math.log and the like may differ in the last bit between engines). The hash never
 * leaves the browser.
 * @module
 */
import { ASSUMPTION_CONTROLS, PRESET_CHOICES, RECIPE_CONTROLS, STRATEGY_KINDS, WORLD_CONTROLS, type PresetChoice, type RecipeValues } from './controls.js';
import { defaultState, splitScenario, type PlaygroundState } from './state.js';
import { ScenarioError } from '../src/scenario/errors.js';
import { isPlain } from '../src/scenario/plain.js';

/** A number as text that reads back to the same double, −0 included (String(−0) is "0"). */
const numberText = (v: unknown) => (Object.is(v, -0) ? '-0' : String(v));

/** The hash (without `#`) of a state. */
export function stateToHash(s: PlaygroundState): string {
  const p = new URLSearchParams();
  p.set('preset', s.preset);
  for (const c of WORLD_CONTROLS) p.set(c.key, numberText(s[c.key]));
  for (const c of ASSUMPTION_CONTROLS) if (c.path in s.assumptions) p.set(c.path, numberText(s.assumptions[c.path]));
  for (const kind of STRATEGY_KINDS) {
    const recipe = s.recipes[kind];
    for (const c of RECIPE_CONTROLS) if (recipe[c.key] !== undefined) p.set(`${kind}.${c.key}`, numberText(recipe[c.key]));
  }
  if (Object.keys(s.extra).length) p.set('scenario', JSON.stringify(s.extra));
  return p.toString();
}

/** A finite number, or undefined. */
function numberOf(text: string): number | undefined {
  const x = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * The state a hash describes, over the defaults (what it does not say is the default), and a
 * note for each part it could not read (a hand-edited link), which is then left out.
 */
export function stateFromHash(hash: string): { state: PlaygroundState; notes: string[] } {
  const s = defaultState();
  const notes: string[] = [];
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  // The scenario's fields first, split into the controls they set, so the hash's own settings
  // after them win and the form shows what runs (the page never writes a field twice).
  const fromScenario = new Map<string, unknown>();
  for (const value of p.getAll('scenario')) {
    const bad = (why: string) => notes.push(`scenario=${value}: ${why}`);
    let extra: unknown;
    try {
      extra = JSON.parse(value);
    } catch {
      bad('not JSON');
      continue;
    }
    if (!isPlain(extra)) {
      bad('not a JSON object');
      continue;
    }
    try {
      const parts = splitScenario(extra);
      notes.push(...parts.notes);
      if ('extends' in extra) fromScenario.set('preset', (s.preset = parts.preset));
      for (const [key, v] of Object.entries(parts.world)) fromScenario.set(key, (s[key as keyof typeof parts.world] = v));
      for (const [path, v] of Object.entries(parts.assumptions)) fromScenario.set(path, (s.assumptions[path] = v));
      s.extra = parts.extra;
    } catch (e) {
      bad(e instanceof ScenarioError ? e.problems.map((q) => `${q.path} ${q.allowed}`).join('; ') : String(e));
    }
  }
  for (const [key, value] of p) {
    const bad = (why: string) => notes.push(`${key}=${value}: ${why}`);
    if (fromScenario.has(key) && value !== numberText(fromScenario.get(key))) notes.push(`${key}=${value} replaces the scenario's ${key} ${JSON.stringify(fromScenario.get(key))}`);
    if (key === 'preset') {
      if ((PRESET_CHOICES as readonly string[]).includes(value)) s.preset = value as PresetChoice;
      else bad(`not a preset (${PRESET_CHOICES.join(', ')})`);
      continue;
    }
    const world = WORLD_CONTROLS.find((c) => c.key === key);
    if (world) {
      const x = numberOf(value);
      if (x !== undefined && Number.isInteger(x)) s[world.key] = x;
      else bad('not a whole number');
      continue;
    }
    if (ASSUMPTION_CONTROLS.some((c) => c.path === key)) {
      const x = numberOf(value);
      if (x !== undefined) s.assumptions[key] = x;
      else bad('not a number');
      continue;
    }
    const dot = key.indexOf('.');
    const kind = STRATEGY_KINDS.find((k) => k === key.slice(0, dot));
    const knob = kind && RECIPE_CONTROLS.find((c) => c.key === key.slice(dot + 1));
    if (kind && knob) {
      const recipe: Partial<Record<keyof RecipeValues, unknown>> = s.recipes[kind];
      if (knob.kind === 'choice') recipe[knob.key] = value;
      else if (knob.kind === 'switch') {
        if (value === 'true' || value === 'false') recipe[knob.key] = value === 'true';
        else bad('not true or false');
      } else {
        const x = numberOf(value);
        if (x !== undefined) recipe[knob.key] = x;
        else bad('not a number');
      }
      continue;
    }
    if (key === 'scenario') continue; // read first, above
    bad('not a setting of this page');
  }
  return { state: s, notes };
}
