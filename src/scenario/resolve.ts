/**
 * From user input to a complete, checked {@link Scenario}: shorthands are expanded, the input
 * is merged over {@link defaultScenario}, and every field is checked before any work starts.
 * All problems are reported together in one {@link ScenarioError}.
 * @module
 */
import { defaultScenario } from './defaults.js';
import { closestKey, ScenarioError, type ScenarioProblem } from './errors.js';
import { platformPresets, type PlatformName } from './platforms.js';
import { shapeProblems } from './schema.js';
import { parseEdgeList } from '../graph/edge-list.js';
import { DEFAULT_MIN_DEGREE, defaultMaxDegree } from '../graph/power-law-degrees.js';
import type { FocalAccountSpec, Scenario, ScenarioInput } from './types.js';
import { clonePlain, isPlain, type Plain } from './plain.js';
import { DEFAULT_MEAN_DEGREE } from '../graph/defaults.js';

/** Users named by an edge list, or a problem with the list (bad lines are named with their number). */
function edgeListUsers(text: string, undirected: boolean): number | ScenarioProblem {
  try {
    return parseEdgeList(text, { undirected }).users;
  } catch (e) {
    return { path: 'graph.text', value: `${text.slice(0, 40)}…`, allowed: (e as Error).message };
  }
}

/** The users an edge list (or the problem with its text) or a configuration model's degree list names; undefined otherwise. */
function listedUsers(input: Plain): number | ScenarioProblem | undefined {
  const g = input.graph;
  if (isPlain(g) && g.kind === 'configuration' && Array.isArray(g.degrees) && g.degrees.length > 0) return g.degrees.length;
  return isPlain(g) && g.kind === 'edge-list' && typeof g.text === 'string' ? edgeListUsers(g.text, g.undirected === true) : undefined;
}

/** Accounts a user can follow at most (the follow store's per-user limit). */
const MAX_ACCOUNTS = 65_535;
/** Post-step and notification-step ring entries over all accounts (256 MB). */
const MAX_RING_ENTRIES = 2 ** 26;

/** Edges a graph may hold: its CSR offsets are 32-bit. */
const MAX_EDGES = 2 ** 31 - 1;

/** What the graph generators would refuse at set-up, found before it (a crash otherwise). */
function graphProblems(g: Plain, users: number): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const k = g.meanDegree;
  if (typeof k === 'number' && Number.isFinite(k)) {
    if (g.kind === 'barabasi-albert' && k < 1) problems.push({ path: 'graph.meanDegree', value: k, allowed: 'must be at least 1 for a barabasi-albert graph (each newcomer attaches round(meanDegree / 2) ties)' });
    if (k * users > MAX_EDGES) problems.push({ path: 'graph.meanDegree', value: k, allowed: `× users (${users}) must be at most ${MAX_EDGES.toLocaleString('en')} edges` });
  }
  if (g.kind === 'configuration') {
    if (Array.isArray(g.degrees)) {
      const degrees = g.degrees as unknown[];
      let stubs = 0;
      for (const d of degrees) stubs += typeof d === 'number' ? d : 0;
      if (stubs % 2 !== 0) problems.push({ path: 'graph.degrees', value: `[${degrees.length} degrees summing to ${stubs}]`, allowed: 'must sum to an even number (each tie uses two ends)' });
      if (stubs > MAX_EDGES) problems.push({ path: 'graph.degrees', value: `[${degrees.length} degrees summing to ${stubs}]`, allowed: `must sum to at most ${MAX_EDGES.toLocaleString('en')}` });
    } else {
      const min = typeof g.minDegree === 'number' ? g.minDegree : DEFAULT_MIN_DEGREE;
      const max = typeof g.maxDegree === 'number' ? g.maxDegree : defaultMaxDegree(users);
      if (min < 1) problems.push({ path: 'graph.minDegree', value: min, allowed: 'must be at least 1' });
      else if (max < min) {
        const why = typeof g.maxDegree === 'number' ? '' : ` (the default maxDegree is 3√users = ${max}: set maxDegree)`;
        problems.push({ path: 'graph.maxDegree', value: max, allowed: `must be at least minDegree (${min})${why}` });
      }
    }
  }
  return problems;
}

/** Rules that span fields (shapes, types and ranges are the schema's); `listed`: see {@link listedUsers}. */
function crossFieldProblems(input: Plain, listed: number | ScenarioProblem | undefined): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  // Checks against the user count only make sense when the count itself is valid.
  const validCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 1;
  if (input.users !== undefined && !validCount(input.users)) return problems;
  // Without a user count an edge list sets it (see resolveScenario); otherwise the default.
  const users = validCount(input.users) ? input.users : typeof listed === 'number' ? listed : defaultScenario.users;
  const g = input.graph;
  if (typeof listed === 'object') problems.push(listed);
  else if (listed === 0 && input.users === undefined) {
    problems.push({ path: 'graph.text', value: '(no edges)', allowed: 'must name at least one edge, or give users: without them the list makes a world of no users' });
  } else if (listed !== undefined && isPlain(g) && g.kind === 'edge-list' && typeof input.users === 'number' && listed > input.users) {
    problems.push({ path: 'users', value: input.users, allowed: `must be at least ${listed}: the edge list names users 0 … ${listed - 1} (leave users out to use exactly the list's users)` });
  }
  // Generators whose degree is bounded by the users there are (the default, 15, included).
  if (isPlain(g) && (g.kind === 'erdos-renyi' || g.kind === 'watts-strogatz')) {
    const k = typeof g.meanDegree === 'number' ? g.meanDegree : DEFAULT_MEAN_DEGREE;
    const tooHigh = g.kind === 'erdos-renyi' ? k > users - 1 : 2 * Math.round(k / 2) >= users;
    if (tooHigh) problems.push({ path: 'graph.meanDegree', value: k, allowed: `must be below the number of users (${users}) for a ${g.kind} graph` });
  }
  if (isPlain(g) && g.kind === 'configuration' && Array.isArray(g.degrees) && typeof input.users === 'number' && g.degrees.length !== input.users) {
    problems.push({ path: 'graph.degrees', value: `[${g.degrees.length} degrees]`, allowed: `must list one degree per user (${input.users}); leave users out to take it from the list` });
  }
  if (isPlain(g)) problems.push(...graphProblems(g, users));
  const topics = typeof input.topics === 'number' ? input.topics : defaultScenario.topics;
  // Without accounts the default one applies, and its starting audience must fit too.
  const accounts = Array.isArray(input.accounts) ? input.accounts : defaultScenario.accounts;
  accounts.forEach((a: unknown, i) => {
    if (!isPlain(a)) return;
    const path = `accounts[${i}]`;
    if (typeof a.startingFollowers === 'number' && a.startingFollowers > users) {
      const fix = Array.isArray(input.accounts) ? '' : ' (the default account\'s audience: set startingFollowers)';
      problems.push({ path: `${path}.startingFollowers`, value: a.startingFollowers, allowed: `must be at most the number of users (${users})${fix}` });
    }
    if (typeof a.topic === 'number' && a.topic >= topics) {
      problems.push({ path: `${path}.topic`, value: a.topic, allowed: `must be below the number of topics (${topics})` });
    }
    if (typeof a.homeUser === 'number' && a.homeUser >= users) {
      problems.push({ path: `${path}.homeUser`, value: a.homeUser, allowed: `must be a user id below ${users}` });
    }
  });
  // A user may follow every account (creators, inauthentic and focal), up to 65,535 follows a user.
  const content = isPlain(input.content) ? input.content : {};
  const creators = typeof content.creators === 'number' ? content.creators : defaultScenario.content.creators;
  const bots = isPlain(input.inauthentic) && typeof input.inauthentic.count === 'number' ? input.inauthentic.count : 0;
  const accountCount = creators + bots + accounts.length;
  if (accountCount > MAX_ACCOUNTS) {
    const [path, value, others] = bots > creators ? ['inauthentic.count', bots, `${creators} creators`] : ['content.creators', creators, `${bots} inauthentic accounts`];
    problems.push({ path, value, allowed: `must be at most ${(MAX_ACCOUNTS - accountCount + value).toLocaleString('en')}: creators, inauthentic accounts (${others} here) and the ${accounts.length} focal account(s) together at most ${MAX_ACCOUNTS.toLocaleString('en')}, the follows a user can hold` });
  }
  // Each account keeps its last cadence.maxPosts + 1 post steps and notifications.cap notification steps.
  const unfollow = isPlain(input.behavior) && isPlain(input.behavior.unfollow) ? input.behavior.unfollow : {};
  const cadence = isPlain(unfollow.cadence) ? unfollow.cadence : {};
  const maxPosts = typeof cadence.maxPosts === 'number' ? cadence.maxPosts : defaultScenario.behavior.unfollow.cadence.maxPosts;
  const cap = isPlain(input.notifications) && typeof input.notifications.cap === 'number' ? input.notifications.cap : defaultScenario.notifications.cap;
  if (accountCount * (maxPosts + 1 + cap) > MAX_RING_ENTRIES) {
    const [path, value] = maxPosts >= cap ? ['behavior.unfollow.cadence.maxPosts', maxPosts] : ['notifications.cap', cap];
    problems.push({ path, value, allowed: `with ${accountCount.toLocaleString('en')} accounts, (cadence.maxPosts + 1 + notifications.cap) × accounts must be at most ${MAX_RING_ENTRIES.toLocaleString('en')} (each account remembers that many post and notification steps: 4 bytes each)` });
  }
  if (isPlain(input.graph) && input.graph.kind === 'edge-list' && typeof input.graph.text !== 'string') {
    problems.push({
      path: 'graph.text', value: input.graph.text,
      allowed: input.graph.file !== undefined
        ? 'is required: a `file` is read only by scenario files (feedsim CLI, loadScenarioFile from feedsim/node)'
        : 'is required for an edge-list graph (the edge list as text)',
    });
  }
  return problems;
}

function merge(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isPlain(v) && isPlain(base[k]) && k !== 'graph' && k !== 'freshness' ? merge(base[k] as Plain, v) : v;
  }
  return out;
}

/** Merges the input over the platform presets it `extends` (in order; later ones win); unknown names go to `problems`. */
function applyExtends(input: Plain, problems: ScenarioProblem[]): Plain {
  const { extends: names, ...rest } = input;
  if (names === undefined) return input;
  const list = typeof names === 'string' ? [names] : names;
  if (!Array.isArray(list) || list.some((n) => typeof n !== 'string')) {
    problems.push({ path: 'extends', value: names, allowed: 'must be a preset name or a list of them' });
    return rest;
  }
  const known = Object.keys(platformPresets);
  let base: Plain = {};
  list.forEach((name: string, i) => {
    if (!Object.hasOwn(platformPresets, name)) {
      problems.push({ path: Array.isArray(names) ? `extends[${i}]` : 'extends', value: name, allowed: `must be a preset: ${known.join(', ')}`, suggestion: closestKey(name, known) });
    } else base = merge(base, clonePlain(platformPresets[name as PlatformName].scenario) as Plain);
  });
  return merge(base, rest);
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
    const accounts = Array.isArray(out.accounts) ? (out.accounts as Plain[]) : (clonePlain(defaultScenario.accounts) as unknown as Plain[]);
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
  const extendProblems: ScenarioProblem[] = [];
  const expanded = expandShorthands(applyExtends(input as Plain, extendProblems));
  const shape = shapeProblems(expanded);
  const shapePaths = new Set(shape.map((p) => p.path));
  const listed = listedUsers(expanded);
  const problems = [...extendProblems, ...shape, ...crossFieldProblems(expanded, listed).filter((p) => !shapePaths.has(p.path))];
  if (problems.length) throw new ScenarioError(problems);
  const { graph, accounts, content, ...rest } = expanded;

  // Copies of the defaults: a caller editing the scenario returned must not edit every later one.
  const merged = merge(clonePlain(defaultScenario) as unknown as Plain, { ...rest, content }) as unknown as Scenario;
  if (graph !== undefined) merged.graph = graph as Scenario['graph'];
  // An edge list or degree list without a user count sets it: exactly the users the list names.
  if ((merged.graph.kind === 'edge-list' || (merged.graph.kind === 'configuration' && typeof listed === 'number')) && rest.users === undefined) {
    merged.users = listed as number;
  }
  const accountList = (accounts as FocalAccountSpec[] | undefined) ?? merged.accounts;
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
