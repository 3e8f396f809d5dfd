/**
 * From user input to a complete, checked {@link Scenario}: shorthands are expanded, the input
 * is merged over {@link defaultScenario}, and every field is checked before any work starts.
 * All problems are reported together in one {@link ScenarioError}.
 * @module
 */
import { defaultScenario } from './defaults.js';
import { closestKey, ScenarioError, type ScenarioProblem } from './errors.js';
import type { FocalAccountSpec, Scenario, ScenarioInput } from './types.js';
import { tryParseHours } from '../time.js';

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose values are probabilities in [0, 1]. */
const PROBABILITY = new Set([
  'base', 'perImpression', 'probability', 'clickThrough', 'activity', 'userPostProbability',
  'inNetworkReach', 'inNetworkShare', 'accustomRate', 'notificationDrop', 'accountSignalCarryover',
  'engagementAffinity', 'floor', 'amount', 'creatorAudienceShare', 'mean', 'startingNotify',
]);
/** Keys whose values are whole numbers, with their minimum. */
const INTEGER: Record<string, number> = {
  seed: -(2 ** 31), users: 1, topics: 1, stepsPerCycle: 1, cycles: 1, inboxSize: 1, recommendations: 0,
  attention: 0, creators: 0, cap: 0, maxPosts: 1, retargetPool: 1, version: 1,
};
/** Upper bounds that keep a typo from asking for a universe. */
const MAXIMUM: Record<string, number> = {
  seed: 2 ** 31 - 1, users: 50_000_000, topics: 64, stepsPerCycle: 100_000, cycles: 100_000, inboxSize: 255,
  recommendations: 1000, attention: 1000, creators: 100_000, retargetPool: 10_000_000, version: 1,
};
/** Keys that must be strictly positive. */
const POSITIVE = new Set(['temperature', 'engagementPrior', 'cpm', 'shape', 'creatorPostsPerDay']);
/** Behaviour sub-models whose non-base numbers are odds ratios (> 0). */
const ODDS_MODELS = new Set(['like', 'share', 'follow', 'notify', 'convert']);
const DURATION_KEYS = new Set(['stepDuration', 'halfLife', 'lifetime', 'window', 'after', 'per']);

function checkNumber(path: string, key: string, parent: string, v: number, problems: ScenarioProblem[]): void {
  const bad = (allowed: string): void => void problems.push({ path, value: v, allowed });
  if (!Number.isFinite(v)) return bad('must be a finite number');
  if (key in INTEGER) {
    if (!Number.isInteger(v) || v < INTEGER[key] || v > (MAXIMUM[key] ?? Infinity)) {
      return bad(`must be a whole number from ${INTEGER[key]} to ${MAXIMUM[key] ?? 'any size'}`);
    }
    return;
  }
  if (ODDS_MODELS.has(parent) && key !== 'base') {
    if (v <= 0) bad('is an odds ratio: must be > 0 (1 = no effect)');
    return;
  }
  if (parent === 'unfollow' && key === 'qualityGap') {
    if (v <= 0) bad('is an odds ratio: must be > 0 (1 = no effect)');
    return;
  }
  if (PROBABILITY.has(key)) {
    if (v < 0 || v > 1) bad('must be a probability from 0 to 1');
    return;
  }
  if (POSITIVE.has(key)) {
    if (v <= 0) bad('must be > 0');
    return;
  }
  if (v < 0) bad('must be ≥ 0');
}

/** Checks `input` against the shape of `template`, recursively. */
function checkAgainst(input: Plain, template: Plain, path: string, problems: ScenarioProblem[]): void {
  const parent = path.split('.').pop() ?? '';
  for (const [key, value] of Object.entries(input)) {
    const here = path ? `${path}.${key}` : key;
    if (!(key in template)) {
      problems.push({
        path: here,
        value,
        allowed: `is not a field of ${path || 'a scenario'} (fields: ${Object.keys(template).join(', ')})`,
        suggestion: closestKey(key, Object.keys(template)),
      });
      continue;
    }
    const t = template[key];
    if (DURATION_KEYS.has(key)) {
      const h = tryParseHours(value);
      if (h === undefined || h <= 0) {
        problems.push({ path: here, value, allowed: 'must be a positive duration such as "90m", "1.5h", "6d", "2w"' });
      }
    } else if (typeof t === 'number') {
      if (typeof value !== 'number') problems.push({ path: here, value, allowed: 'must be a number' });
      else checkNumber(here, key, parent, value, problems);
    } else if (typeof t === 'boolean') {
      if (typeof value !== 'boolean') problems.push({ path: here, value, allowed: 'must be true or false' });
    } else if (typeof t === 'string') {
      if (typeof value !== 'string') problems.push({ path: here, value, allowed: 'must be a string' });
    } else if (isPlain(t)) {
      if (!isPlain(value)) problems.push({ path: here, value, allowed: 'must be an object' });
      else checkAgainst(value, t, here, problems);
    }
  }
}

const GRAPH_FIELDS: Record<string, string[]> = {
  'erdos-renyi': ['meanDegree'],
  'barabasi-albert': ['meanDegree'],
  'watts-strogatz': ['meanDegree', 'rewire'],
  sbm: ['meanDegree', 'homophily'],
  configuration: ['degrees', 'exponent', 'minDegree', 'maxDegree'],
  'edge-list': ['text', 'undirected'],
};

function checkGraph(g: unknown, problems: ScenarioProblem[]): void {
  if (!isPlain(g)) return void problems.push({ path: 'graph', value: g, allowed: 'must be an object with a "kind"' });
  const kinds = Object.keys(GRAPH_FIELDS);
  if (typeof g.kind !== 'string' || !(g.kind in GRAPH_FIELDS)) {
    problems.push({
      path: 'graph.kind', value: g.kind, allowed: `must be one of ${kinds.join(', ')}`,
      suggestion: typeof g.kind === 'string' ? closestKey(g.kind, kinds) : undefined,
    });
    return;
  }
  const fields = GRAPH_FIELDS[g.kind];
  for (const [k, v] of Object.entries(g)) {
    if (k === 'kind') continue;
    const path = `graph.${k}`;
    if (!fields.includes(k)) {
      problems.push({ path, value: v, allowed: `is not a field of a ${g.kind} graph (fields: ${fields.join(', ')})`, suggestion: closestKey(k, fields) });
    } else if (k === 'text') {
      if (typeof v !== 'string') problems.push({ path, value: v, allowed: 'must be the edge list as text' });
    } else if (k === 'undirected') {
      if (typeof v !== 'boolean') problems.push({ path, value: v, allowed: 'must be true or false' });
    } else if (k === 'degrees') {
      if (!Array.isArray(v) || v.some((d) => !Number.isInteger(d) || d < 0)) {
        problems.push({ path, value: v, allowed: 'must be an array of whole numbers ≥ 0, one per user' });
      }
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push({ path, value: v, allowed: 'must be a finite number' });
    } else if ((k === 'rewire' || k === 'homophily') && (v < 0 || v > 1)) {
      problems.push({ path, value: v, allowed: 'must be from 0 to 1' });
    } else if (k === 'exponent' && v <= 1) {
      problems.push({ path, value: v, allowed: 'must be > 1' });
    } else if (k !== 'rewire' && k !== 'homophily' && k !== 'exponent' && v < 0) {
      problems.push({ path, value: v, allowed: 'must be ≥ 0' });
    }
  }
  if (g.kind === 'edge-list' && typeof g.text !== 'string') {
    problems.push({ path: 'graph.text', value: g.text, allowed: 'is required for an edge-list graph' });
  }
}

const FRESHNESS_FIELDS: Record<string, string[]> = {
  exponential: ['halfLife', 'floor', 'lifetime'],
  stretched: ['halfLife', 'shape', 'floor', 'lifetime'],
  none: ['lifetime'],
  custom: ['name', 'floor', 'lifetime'],
};

function checkFreshness(f: unknown, problems: ScenarioProblem[]): void {
  const path = 'content.freshness';
  if (!isPlain(f)) return void problems.push({ path, value: f, allowed: 'must be an object with a "kind"' });
  const kinds = Object.keys(FRESHNESS_FIELDS);
  if (typeof f.kind !== 'string' || !(f.kind in FRESHNESS_FIELDS)) {
    problems.push({ path: `${path}.kind`, value: f.kind, allowed: `must be one of ${kinds.join(', ')}`, suggestion: typeof f.kind === 'string' ? closestKey(f.kind, kinds) : undefined });
    return;
  }
  const template: Plain = { halfLife: '1h', shape: 1, floor: 0.01, lifetime: '1h', name: 'x' };
  const allowed: Plain = {};
  for (const k of FRESHNESS_FIELDS[f.kind]) allowed[k] = template[k];
  const { kind: _kind, ...rest } = f;
  checkAgainst(rest, allowed, path, problems);
  if (f.kind === 'custom' && typeof f.name !== 'string') {
    problems.push({ path: `${path}.name`, value: f.name, allowed: 'is required: the name given to registerFreshness' });
  }
  if ((f.kind === 'exponential' || f.kind === 'stretched') && f.halfLife === undefined) {
    problems.push({ path: `${path}.halfLife`, value: undefined, allowed: `is required for ${f.kind} freshness` });
  }
}

const ACCOUNT_TEMPLATE: Plain = { name: 'x', startingFollowers: 0, startingNotify: 0, topic: 0, homeUser: 0 };

function checkAccounts(accounts: unknown, users: number, topics: number, problems: ScenarioProblem[]): void {
  if (!Array.isArray(accounts)) return void problems.push({ path: 'accounts', value: accounts, allowed: 'must be an array of focal accounts' });
  if (accounts.length > 1000) problems.push({ path: 'accounts', value: `[${accounts.length} accounts]`, allowed: 'at most 1,000 focal accounts' });
  accounts.slice(0, 1000).forEach((a, i) => {
    const path = `accounts[${i}]`;
    if (!isPlain(a)) return void problems.push({ path, value: a, allowed: 'must be an object' });
    const { strategy, ...rest } = a;
    checkAgainst(rest, ACCOUNT_TEMPLATE, path, problems);
    if (strategy !== undefined) checkStrategy(strategy, `${path}.strategy`, problems);
    for (const k of ['startingFollowers', 'topic', 'homeUser'] as const) {
      const v = a[k];
      if (v === undefined || typeof v !== 'number') continue;
      if (!Number.isInteger(v) || v < 0) problems.push({ path: `${path}.${k}`, value: v, allowed: 'must be a whole number ≥ 0' });
    }
    if (typeof a.startingFollowers === 'number' && a.startingFollowers > users) {
      problems.push({ path: `${path}.startingFollowers`, value: a.startingFollowers, allowed: `must be at most the number of users (${users})` });
    }
    if (typeof a.topic === 'number' && a.topic >= topics) {
      problems.push({ path: `${path}.topic`, value: a.topic, allowed: `must be below the number of topics (${topics})` });
    }
    if (typeof a.homeUser === 'number' && a.homeUser >= users) {
      problems.push({ path: `${path}.homeUser`, value: a.homeUser, allowed: `must be a user id below ${users}` });
    }
  });
}

/** Checks the shape of a strategy description (its kind is checked against the registry later). */
export function checkStrategy(s: unknown, path: string, problems: ScenarioProblem[]): void {
  if (!isPlain(s)) return void problems.push({ path, value: s, allowed: 'must be { kind, params }' });
  if (typeof s.kind !== 'string' || s.kind === '') problems.push({ path: `${path}.kind`, value: s.kind, allowed: 'must be a strategy name' });
  if (s.params !== undefined && !isPlain(s.params)) problems.push({ path: `${path}.params`, value: s.params, allowed: 'must be an object' });
  if (s.label !== undefined && (typeof s.label !== 'string' || s.label === '')) problems.push({ path: `${path}.label`, value: s.label, allowed: 'must be a non-empty string' });
  const fields = ['kind', 'params', 'label'];
  for (const k of Object.keys(s)) {
    if (!fields.includes(k)) problems.push({ path: `${path}.${k}`, value: s[k], allowed: 'is not a field of a strategy (fields: kind, params, label)', suggestion: closestKey(k, fields) });
  }
}

function merge(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isPlain(v) && isPlain(base[k]) && k !== 'graph' && k !== 'freshness' ? merge(base[k] as Plain, v) : v;
  }
  return out;
}

/** Expands the shorthands of {@link ScenarioInput} into their full fields. */
function expandShorthands(input: Plain): Plain {
  const { ranker, strategy, halfLife, attention, startingFollowers, ...rest } = input;
  const out: Plain = { ...rest };
  const sub = (key: string): Plain => (out[key] = isPlain(out[key]) ? { ...(out[key] as Plain) } : {}) as Plain;
  if (ranker !== undefined) sub('feed').ranker = ranker;
  if (attention !== undefined) sub('population').attention = attention;
  if (halfLife !== undefined) {
    const content = sub('content');
    const f = isPlain(content.freshness) ? content.freshness : defaultScenario.content.freshness;
    content.freshness = { ...f, kind: f.kind === 'none' ? 'exponential' : f.kind, halfLife };
  }
  if (strategy !== undefined || startingFollowers !== undefined) {
    const accounts = Array.isArray(out.accounts) ? (out.accounts as Plain[]) : (defaultScenario.accounts as unknown as Plain[]);
    out.accounts = accounts.map((a, i) => ({
      ...a,
      ...(strategy !== undefined && i === 0 ? { strategy } : {}),
      ...(startingFollowers !== undefined ? { startingFollowers } : {}),
    }));
  }
  return out;
}

/**
 * Merges `input` over the defaults and checks every field. Throws a {@link ScenarioError}
 * listing all problems; returns a complete scenario otherwise.
 */
export function resolveScenario(input: ScenarioInput | Scenario = {}): Scenario {
  if (!isPlain(input)) throw new ScenarioError([{ path: '', value: input, allowed: 'a scenario must be an object' }]);
  const problems: ScenarioProblem[] = [];
  const expanded = expandShorthands(input as Plain);
  const { graph, accounts, content, ...rest } = expanded;
  const template: Plain = { ...(defaultScenario as unknown as Plain) };
  delete template.graph;
  delete template.accounts;
  const contentTemplate = { ...defaultScenario.content } as Plain;
  delete contentTemplate.freshness;
  checkAgainst(rest, template, '', problems);
  if (content !== undefined) {
    if (!isPlain(content)) problems.push({ path: 'content', value: content, allowed: 'must be an object' });
    else {
      const { freshness, ...c } = content;
      checkAgainst(c, contentTemplate, 'content', problems);
      if (freshness !== undefined) checkFreshness(freshness, problems);
    }
  }
  if (graph !== undefined) checkGraph(graph, problems);
  const users = typeof rest.users === 'number' ? rest.users : defaultScenario.users;
  const topics = typeof rest.topics === 'number' ? rest.topics : defaultScenario.topics;
  if (accounts !== undefined) checkAccounts(accounts, users, topics, problems);
  if (problems.length) throw new ScenarioError(problems);

  const merged = merge(defaultScenario as unknown as Plain, { ...rest, content }) as unknown as Scenario;
  if (graph !== undefined) merged.graph = graph as Scenario['graph'];
  const accountList = (accounts as FocalAccountSpec[] | undefined) ?? defaultScenario.accounts;
  merged.accounts = accountList.map((a, i) => ({
    name: a.name ?? (accountList.length === 1 ? 'focal' : `focal-${i + 1}`),
    strategy: a.strategy ?? { kind: 'like-chasing' },
    startingFollowers: a.startingFollowers ?? 0,
    startingNotify: a.startingNotify ?? merged.behavior.notify.base,
    topic: a.topic ?? i % merged.topics,
    ...(a.homeUser !== undefined ? { homeUser: a.homeUser } : {}),
  }));
  const names = new Set<string>();
  merged.accounts.forEach((a, i) => {
    if (names.has(a.name!)) problems.push({ path: `accounts[${i}].name`, value: a.name, allowed: 'focal account names must be unique' });
    names.add(a.name!);
  });
  if (problems.length) throw new ScenarioError(problems);
  return merged;
}
