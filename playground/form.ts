/**
 * The settings form, built from the control tables: plain labelled HTML controls, each with its
 * meaning on hover (`title`) and for screen readers (`aria-describedby` to a short help text).
 * Assumption sliders move along the engine's range for the preset (a log scale for multipliers),
 * but the state holds the value, so a value from a file or a link is kept exactly.
 * @module
 */
import { followBuildingDefaults, likeChasingDefaults } from '../src/campaign/builtins.js';
import { resolveScenario } from '../src/scenario/resolve.js';
import { factorValue, type Factor } from '../src/sensitivity/factor.js';
import {
  ASSUMPTION_CONTROLS, PRESET_CHOICES, RECIPE_CONTROLS, STRATEGY_KINDS, WORLD_CONTROLS, assumptionRanges, presetHelp, rangeReason,
  type AssumptionControl, type RecipeControl, type RecipeValues, type StrategyKind,
} from './controls.js';
import { valueAt, type PlaygroundState } from './state.js';

/** Called with the new state after a control changed; `redraw` when the form must be rebuilt (a new preset's ranges). */
export type OnChange = (next: PlaygroundState, redraw: boolean) => void;

/** The form's current state, shared by its controls: each change starts from the latest. */
interface Store {
  state: PlaygroundState;
  /** Applies a change to a copy of the latest state and reports it. */
  change(edit: (s: PlaygroundState) => void, redraw?: boolean): void;
}

/** Slider positions: fine enough that neighbouring values differ by under 1 % on a factor-of-9 range. */
const STEPS = 1000;

/** Each built-in recipe, for the knobs a reader has not set. */
const RECIPE_DEFAULTS: Record<StrategyKind, RecipeValues> = { 'like-chasing': likeChasingDefaults, 'follow-building': followBuildingDefaults };

/** An element with attributes and children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** A labelled control with its help text (hover and screen readers) and an optional value display. */
function field(id: string, label: string, help: string, control: HTMLElement, shown?: HTMLOutputElement): HTMLElement {
  control.id = id;
  control.title = help;
  control.setAttribute('aria-describedby', `${id}-help`);
  const row = el('div', { class: 'field' }, el('label', { for: id, title: help }, label), control);
  if (shown) row.append(shown);
  row.append(el('span', { id: `${id}-help`, class: 'help' }, help));
  return row;
}

/** A copy of the state for a change. */
const copy = (s: PlaygroundState): PlaygroundState => ({
  ...s, assumptions: { ...s.assumptions }, recipes: { 'like-chasing': { ...s.recipes['like-chasing'] }, 'follow-building': { ...s.recipes['follow-building'] } }, extra: s.extra,
});

/** A number for display: up to four significant digits. */
const show = (x: number) => String(Number(x.toPrecision(4)));

/** The slider position of a value (clamped to the range). */
function position(f: Factor, v: number): number {
  const u = f.log ? Math.log(v / f.min) / Math.log(f.max / f.min) : (v - f.min) / (f.max - f.min);
  return Math.round(Math.min(1, Math.max(0, Number.isFinite(u) ? u : 0.5)) * STEPS);
}

/**
 * A whole-number box. A value it cannot take (empty, not whole, out of range) is marked invalid
 * with the reason beside it, for sight and screen readers, and is not taken: the page keeps the
 * last good value and disables Run until the box is corrected (main.ts reads `aria-invalid`).
 */
function wholeNumberField(id: string, label: string, help: string, min: number, max: number, value: number, take: (v: number) => void): HTMLElement {
  const input = el('input', { type: 'number', min: String(min), max: String(max), step: '1', inputmode: 'numeric' });
  input.value = String(value);
  const error = el('span', { id: `${id}-error`, class: 'error', 'aria-live': 'polite' });
  const check = () => {
    const ok = input.value !== '' && input.checkValidity();
    input.setAttribute('aria-invalid', String(!ok));
    error.textContent = ok ? '' : `Not taken: must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}; the page keeps ${value}.`;
    return ok;
  };
  input.addEventListener('input', check);
  input.addEventListener('change', () => {
    if (!check()) return;
    value = Number(input.value);
    take(value);
  });
  const row = field(id, label, help, input);
  input.setAttribute('aria-describedby', `${id}-help ${id}-error`);
  row.append(error);
  return row;
}

function assumptionSlider(c: AssumptionControl, f: Factor, preset: number, store: Store): HTMLElement {
  const id = `assumption-${c.path.replace(/\./g, '-')}`;
  const set = c.path in store.state.assumptions;
  const value = set ? store.state.assumptions[c.path] : preset;
  const input = el('input', { type: 'range', min: '0', max: String(STEPS), step: '1', 'data-path': c.path });
  input.value = String(position(f, value));
  const out = el('output', { for: id, id: `${id}-value` });
  const display = (v: number, changed: boolean) => {
    out.textContent = `${show(v)} ${c.unit}${changed ? ` (preset ${show(preset)})` : ''}`;
    input.setAttribute('aria-valuetext', `${show(v)} ${c.unit}`);
    input.classList.toggle('changed', changed);
  };
  display(value, set);
  input.addEventListener('input', () => {
    const v = Number(factorValue(f, Number(input.value) / STEPS));
    display(v, true);
    store.change((s) => (s.assumptions[c.path] = v));
  });
  const range = `${show(f.min)} to ${show(f.max)}${f.log ? ' on a log scale' : ''}`;
  return field(id, c.label, `${c.help} Range ${range}: ${rangeReason(c.path)}.`, input, out);
}

function recipeControl(kind: StrategyKind, c: RecipeControl, store: Store): HTMLElement {
  const id = `${kind}-${c.key}`;
  const current = store.state.recipes[kind][c.key] ?? RECIPE_DEFAULTS[kind][c.key];
  const update = (v: RecipeValues[typeof c.key]) => store.change((s) => ((s.recipes[kind] as Record<string, unknown>)[c.key] = v));
  if (c.kind === 'unit') {
    const input = el('input', { type: 'range', min: '0', max: '1', step: '0.05' });
    input.value = String(current);
    const out = el('output', { for: id });
    out.textContent = show(Number(current));
    input.addEventListener('input', () => {
      out.textContent = show(Number(input.value));
      update(Number(input.value));
    });
    return field(id, c.label, c.help, input, out);
  }
  if (c.kind === 'count') return wholeNumberField(id, c.label, c.help, c.min, c.max, Number(current), update);
  if (c.kind === 'choice') {
    const select = el('select', {}, ...c.choices.map((v) => el('option', { value: v }, v)));
    select.value = String(current);
    select.addEventListener('change', () => update(select.value as RecipeValues['cta']));
    return field(id, c.label, c.help, select);
  }
  const box = el('input', { type: 'checkbox' });
  box.checked = Boolean(current);
  box.addEventListener('change', () => update(box.checked));
  return field(id, c.label, c.help, box);
}

/** A group of controls that can be folded away. */
function group(title: string, id: string, open: boolean, ...rows: HTMLElement[]): HTMLElement {
  return el('details', { ...(open ? { open: '' } : {}), id }, el('summary', {}, title), el('fieldset', {}, el('legend', { class: 'visually-hidden' }, title), ...rows));
}

/** A button that resets part of the state (its id lets the focus come back to it after the rebuild). */
function resetButton(id: string, text: string, help: string, reset: (s: PlaygroundState) => void, store: Store): HTMLElement {
  const b = el('button', { type: 'button', class: 'reset', title: help, id }, text);
  b.addEventListener('click', () => store.change(reset, true));
  return b;
}

/** Builds the form for a state into `root`. */
export function renderForm(root: HTMLElement, state: PlaygroundState, onChange: OnChange): void {
  const store: Store = {
    state,
    change(edit, redraw = false) {
      const next = copy(this.state);
      edit(next);
      this.state = next;
      onChange(next, redraw);
    },
  };
  const preset = el('select', {}, ...PRESET_CHOICES.map((p) => el('option', { value: p }, p)));
  preset.value = state.preset;
  // A new preset moves every slider's range and centre, so values set under the old one go back to the new preset's.
  preset.addEventListener('change', () => store.change((s) => {
    s.preset = preset.value as PlaygroundState['preset'];
    s.assumptions = {};
  }, true));
  const world = WORLD_CONTROLS.map((c) =>
    wholeNumberField(`world-${c.key}`, `${c.label} (${c.unit})`, c.help, c.min, c.max, state[c.key], (v) => store.change((s) => (s[c.key] = v))));
  // Groups stay as the reader left them; at first all are open on a wide screen, and on a phone
  // only the world's, so the results are a short scroll away.
  const wide = window.matchMedia('(min-width: 900px)').matches;
  const was = new Map([...root.querySelectorAll('details')].map((d) => [d.id, d.open]));
  const open = (id: string) => was.get(id) ?? (wide || id === 'group-world');
  const ranges = assumptionRanges(state.preset);
  const resolved = resolveScenario(state.preset === 'default' ? {} : { extends: state.preset });
  const sliders = ASSUMPTION_CONTROLS.filter((c) => ranges.has(c.path)).map((c) => assumptionSlider(c, ranges.get(c.path)!, Number(valueAt(resolved, c.path)), store));
  const recipes = STRATEGY_KINDS.map((kind) =>
    group(`${kind} recipe`, `recipe-${kind}`, open(`recipe-${kind}`), ...RECIPE_CONTROLS.map((c) => recipeControl(kind, c, store)),
      resetButton(`reset-${kind}`, `Reset ${kind}`, `Back to ${kind}'s built-in recipe`, (s) => (s.recipes[kind] = {}), store)),
  );
  const extra = Object.keys(state.extra);
  // A rebuild (a preset, a reset) must not drop a keyboard user's place: the control keeps its id.
  const focused = root.contains(document.activeElement) ? document.activeElement?.id : undefined;
  root.replaceChildren(
    group('Platform and world', 'group-world', open('group-world'), field('preset', 'Platform preset', `${presetHelp(state.preset)} Presets: docs/presets.md.`, preset), ...world,
      ...(extra.length ? [el('p', { class: 'note' }, `Also set by the imported scenario: ${extra.join(', ')}.`)] : [])),
    group('Assumptions (GUESS)', 'group-assumptions', open('group-assumptions'), el('p', { class: 'note' }, 'The model\'s numbers without a source that move the answer most; ranges around the preset\'s value (docs/sensitivity.md).'),
      ...sliders, resetButton('reset-assumptions', 'Reset assumptions', 'Back to the preset\'s values', (s) => (s.assumptions = {}), store)),
    ...recipes,
  );
  if (focused) document.getElementById(focused)?.focus();
}
