/**
 * The one error class for bad input: it carries every problem found, each naming the field
 * path, the bad value and what is allowed.
 * @module
 */

/** One problem with a scenario or design. */
export interface ScenarioProblem {
  /** Dotted field path, e.g. `behavior.like.base` or `accounts[0].strategy.kind`. */
  path: string;
  /** The offending value (as given). */
  value: unknown;
  /** What is allowed, in words. */
  allowed: string;
  /** The closest valid key, for a misspelled one. */
  suggestion?: string;
}

function show(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    const s = JSON.stringify(value);
    if (s === undefined) return typeof value === 'object' ? Object.prototype.toString.call(value) : String(value);
    return s.length > 60 ? s.slice(0, 57) + '...' : s;
  } catch {
    // Values whose own toString or toJSON is broken still get a name.
    return Object.prototype.toString.call(value);
  }
}

/** Formats one problem as a line a person can act on. */
export function formatProblem(p: ScenarioProblem): string {
  const hint = p.suggestion ? ` — did you mean "${p.suggestion}"?` : '';
  return `${p.path || '(scenario)'}: ${show(p.value)} — ${p.allowed}${hint}`;
}

/** Thrown when a scenario (or design) is invalid; `problems` lists all of them together. */
export class ScenarioError extends Error {
  readonly problems: ScenarioProblem[];
  constructor(problems: ScenarioProblem[]) {
    const lines = problems.map((p) => '  - ' + formatProblem(p));
    super(`invalid scenario (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** Levenshtein distance, for suggesting the closest valid key. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The closest of `keys` to `key`, if it is close enough to be a likely typo. */
export function closestKey(key: string, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of keys) {
    const d = editDistance(key, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}
