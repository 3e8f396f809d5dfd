/**
 * The scenario schema, in zod: the one description of what a scenario may contain. It checks
 * shapes, types and ranges (cross-field rules live in `resolveScenario`) and is published as a
 * JSON Schema (`feedsim schema`) so editors autocomplete and check scenario files. It is built
 * from {@link defaultScenario}: every default is a field, and the rule tables below give ranges.
 * @module
 */
import * as z from 'zod/mini';
import { defaultScenario } from './defaults.js';
import { closestKey, type ScenarioProblem } from './errors.js';
import { DURATION_PATTERN, tryParseHours } from '../time.js';
import { isPlain, type Plain } from './plain.js';

/** Keys whose values are probabilities in [0, 1]. */
const PROBABILITY = new Set([
  'base', 'perImpression', 'probability', 'clickThrough', 'activity', 'userPostProbability',
  'inNetworkReach', 'inNetworkShare', 'accustomRate', 'notificationDrop', 'accountSignalCarryover',
  'engagementAffinity', 'floor', 'amount', 'creatorAudienceShare', 'mean', 'startingNotify',
  'rewire', 'homophily', 'purchasePerClick', 'buyers', 'infiltration', 'deception', 'postQuality',
]);
/** Keys whose values are whole numbers, with their minimum and maximum (bounds keep a typo from asking for a universe). */
const INTEGER: Record<string, [number, number]> = {
  seed: [-(2 ** 31), 2 ** 31 - 1], users: [1, 50_000_000], topics: [1, 64], stepsPerCycle: [1, 100_000],
  cycles: [1, 100_000], inboxSize: [1, 255], recommendations: [0, 1000], attention: [0, 1000],
  creators: [0, 100_000], cap: [0, 10_000], maxPosts: [1, 1_000_000], retargetPool: [1, 10_000_000],
  startingFollowers: [0, 50_000_000], topic: [0, 63], homeUser: [0, 50_000_000 - 1],
  minDegree: [0, 50_000_000], maxDegree: [0, 50_000_000], posts: [1, 10_000], referenceUsers: [0, 50_000_000],
  count: [0, 65_535], flooding: [1, 1000],
};
/**
 * Positive keys with an upper bound (a creator posting more than 100 times a day is a typo; ad
 * fatigue is an odds ratio ≤ 1 per earlier exposure — 0 would zero every response, > 1 is not fatigue).
 */
const POSITIVE_MAXIMUM: Record<string, number> = { creatorPostsPerDay: 100, postsPerDay: 1000, fatigue: 1 };
/**
 * Keys with a minimum above 0: a Dirichlet α below 0.1 underflows the Gamma draws (every topic
 * ties and the user likes them all — the opposite of a specialist); 0.1 is already one dominant topic.
 */
const MINIMUM: Record<string, [number, string]> = {
  interestConcentration: [0.1, 'must be a number ≥ 0.1 (smaller values underflow the Dirichlet draw; 0.1 already gives one dominant topic)'],
};
/** Money amounts: bounded so that a run's totals stay finite (1.7e308 per sale overflowed to Infinity). */
const MONEY = new Set(['budgetPerCycle', 'postCost', 'qualityCost', 'valuePerConversion', 'valuePerFollower', 'cpm']);
const MAX_MONEY = 1e9;
/** Keys that must be strictly positive. */
const POSITIVE = new Set(['temperature', 'engagementPrior', 'cpm', 'shape']);
/** Behaviour sub-models whose numbers other than `base` are odds ratios (> 0). */
const ODDS_MODELS = new Set(['like', 'share', 'follow', 'notify', 'convert', 'promotionFatigue']);
const DURATION_KEYS = new Set(['stepDuration', 'halfLife', 'lifetime', 'window', 'after', 'per']);
/** Durations for which 0 means "never" (a repurchase time of "0h": demand is never used up). */
const DURATION_OR_ZERO_KEYS = new Set(['repurchase']);

const DURATION_RULE = 'must be a positive duration such as "90m", "1.5h", "6d", "2w"';
const DURATION_OR_ZERO_RULE = 'must be a duration such as "0h" (never), "12h", "30d", "2w"';

/** Attaches JSON Schema metadata (default, description) to a schema. */
function documented<T extends z.ZodMiniType>(schema: T, meta: { default?: unknown; description?: string }): T {
  z.globalRegistry.add(schema, meta);
  return schema;
}

/** A number field; every failed check reports the same `allowed` sentence. */
function numberField(key: string, parent: string): z.ZodMiniType {
  const fail = (allowed: string) => ({ error: allowed });
  if (key in INTEGER) {
    const [lo, hi] = INTEGER[key];
    const allowed = `must be a whole number from ${lo} to ${hi}`;
    return z.number(fail(allowed)).check(z.int(fail(allowed)), z.minimum(lo, fail(allowed)), z.maximum(hi, fail(allowed)));
  }
  if ((ODDS_MODELS.has(parent) && key !== 'base') || (parent === 'unfollow' && key === 'qualityGap')) {
    const allowed = 'is an odds ratio: must be > 0 (1 = no effect)';
    return z.number(fail(allowed)).check(z.positive(fail(allowed)));
  }
  if (PROBABILITY.has(key)) {
    const allowed = 'must be a probability from 0 to 1';
    return z.number(fail(allowed)).check(z.minimum(0, fail(allowed)), z.maximum(1, fail(allowed)));
  }
  if (key in POSITIVE_MAXIMUM) {
    const allowed = `must be a number > 0 and at most ${POSITIVE_MAXIMUM[key]}`;
    return z.number({ error: allowed }).check(z.positive({ error: allowed }), z.maximum(POSITIVE_MAXIMUM[key], { error: allowed }));
  }
  if (MONEY.has(key)) {
    const positive = POSITIVE.has(key);
    const allowed = `must be a number ${positive ? '> 0' : '≥ 0'} and at most 1,000,000,000`;
    return z.number(fail(allowed)).check(positive ? z.positive(fail(allowed)) : z.minimum(0, fail(allowed)), z.maximum(MAX_MONEY, fail(allowed)));
  }
  if (key in MINIMUM) {
    const [min, allowed] = MINIMUM[key];
    return z.number(fail(allowed)).check(z.minimum(min, fail(allowed)));
  }
  if (POSITIVE.has(key)) return z.number(fail('must be a number > 0')).check(z.positive(fail('must be a number > 0')));
  if (key === 'exponent') return z.number(fail('must be a number > 1')).check(z.gt(1, fail('must be a number > 1')));
  return z.number(fail('must be a number ≥ 0')).check(z.minimum(0, fail('must be a number ≥ 0')));
}

const durationField = (): z.ZodMiniType =>
  z.string({ error: DURATION_RULE }).check(
    z.regex(DURATION_PATTERN, { error: DURATION_RULE }),
    z.refine((d) => (tryParseHours(d) ?? 0) > 0, { error: DURATION_RULE }),
  );

/** A strict object whose unknown-key error lists the allowed fields (read back by {@link shapeProblems}). */
/** An object schema whose unknown keys are reported with the fields allowed (and the closest, by `shapeProblems`). */
export function strictObject<T extends Record<string, z.ZodMiniType>>(shape: T, what: string) {
  const fields = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `is not a field of ${what} (fields: ${fields.join(', ')})` : `must be an object (${what})`,
  });
}

/** Schema of one default value: the same shape, every field optional. */
function fieldFor(key: string, parent: string, template: unknown, what: string): z.ZodMiniType {
  const described = (s: z.ZodMiniType): z.ZodMiniType => documented(z.optional(s), { default: template });
  if (DURATION_KEYS.has(key)) return described(durationField());
  if (DURATION_OR_ZERO_KEYS.has(key)) {
    return described(z.string({ error: DURATION_OR_ZERO_RULE }).check(z.regex(DURATION_PATTERN, { error: DURATION_OR_ZERO_RULE })));
  }
  if (key === 'selection') return described(z.enum(['top-k', 'gumbel'], { error: 'must be one of top-k, gumbel' }));
  if (typeof template === 'number') return described(numberField(key, parent));
  if (typeof template === 'boolean') return described(z.boolean({ error: 'must be true or false' }));
  if (isPlain(template)) return z.optional(objectFor(template, key, what ? `${what}.${key}` : key));
  return described(z.string({ error: 'must be a string' }));
}

function objectFor(template: Plain, parent: string, what: string): z.ZodMiniType {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [k, v] of Object.entries(template)) shape[k] = fieldFor(k, parent, v, what);
  // Optional fields with no default value.
  if (what === 'feed') {
    shape.rankerParams = documented(z.optional(z.record(z.string(), z.number({ error: 'must be a number' }).check(z.refine(Number.isFinite, { error: 'must be a finite number' })), { error: 'must be an object of numbers by name' })), {
      description: 'Parameters of a ranker registered as a factory (registerRanker({ name, create(params, feed) })), numbers by name.',
    });
  }
  return strictObject(shape, what);
}

const GRAPH_FIELDS: Record<string, Record<string, z.ZodMiniType>> = {
  'erdos-renyi': { meanDegree: numberField('meanDegree', 'graph') },
  'barabasi-albert': { meanDegree: numberField('meanDegree', 'graph') },
  'watts-strogatz': { meanDegree: numberField('meanDegree', 'graph'), rewire: numberField('rewire', 'graph') },
  sbm: { meanDegree: numberField('meanDegree', 'graph'), homophily: numberField('homophily', 'graph') },
  configuration: {
    degrees: z.array(z.number().check(z.int(), z.minimum(0)), { error: 'must be an array of whole numbers ≥ 0, one per user' })
      .check(z.maxLength(50_000_000, { error: 'at most one degree per user (50,000,000)' })),
    exponent: numberField('exponent', 'graph'),
    minDegree: numberField('minDegree', 'graph'),
    maxDegree: numberField('maxDegree', 'graph'),
  },
  'edge-list': {
    text: z.string({ error: 'must be the edge list as text' }),
    file: z.string({ error: 'must be a path to an edge-list file (relative to the scenario file)' }),
    undirected: z.boolean({ error: 'must be true or false' }),
    reverse: z.boolean({ error: 'must be true or false' }),
  },
};

/** A union over `kind`; each variant's fields are optional unless listed in `required`. */
function kinded(variants: Record<string, Record<string, z.ZodMiniType>>, what: string, required: Record<string, string[]> = {}) {
  const kinds = Object.keys(variants).join(', ');
  return z.discriminatedUnion(
    'kind',
    Object.entries(variants).map(([kind, fields]) => {
      const shape: Record<string, z.ZodMiniType> = { kind: z.literal(kind) };
      for (const [k, s] of Object.entries(fields)) shape[k] = required[kind]?.includes(k) ? s : z.optional(s);
      return strictObject(shape, `a ${kind} ${what}`) as z.ZodMiniObject;
    }) as [z.ZodMiniObject, ...z.ZodMiniObject[]],
    { error: `must be an object with a "kind" (${kinds})` },
  );
}

const graphSchema = documented(kinded(GRAPH_FIELDS, 'graph'), {
  description: 'The social graph among users: a generator or an edge list (`a b` per line: b sees a\'s posts; with `reverse: true`, a sees b\'s).',
});

const freshnessSchema = documented(kinded(
  {
    exponential: { halfLife: durationField(), floor: numberField('floor', ''), lifetime: durationField() },
    stretched: { halfLife: durationField(), shape: numberField('shape', ''), floor: numberField('floor', ''), lifetime: durationField() },
    none: { lifetime: durationField() },
    custom: { name: z.string({ error: 'must be the name given to registerFreshness' }), floor: numberField('floor', ''), lifetime: durationField() },
  },
  'freshness curve',
  { exponential: ['halfLife'], stretched: ['halfLife', 'shape'], custom: ['name'] },
), { description: 'Freshness f(age) multiplies ranking scores; posts leave candidate pools below `floor` or after `lifetime`.' });

/** Schema of a strategy description (its kind is checked against the registry when resolved). */
export const strategySchema = documented(strictObject(
  {
    kind: z.string({ error: 'must be a strategy name' }).check(z.minLength(1, { error: 'must be a strategy name' })),
    params: z.optional(z.record(z.string(), z.unknown(), { error: 'must be an object' })),
    label: z.optional(z.string({ error: 'must be a non-empty string' }).check(z.minLength(1, { error: 'must be a non-empty string' }))),
  },
  'a strategy',
), { description: 'A strategy: `kind` (like-chasing, follow-building, mixed, adaptive, scripted or a registered one), `params`, `label`.' });

const accountSchema = strictObject(
  {
    name: z.optional(z.string({ error: 'must be a string' })),
    strategy: z.optional(strategySchema),
    startingFollowers: z.optional(numberField('startingFollowers', 'account')),
    startingNotify: z.optional(numberField('startingNotify', 'account')),
    topic: z.optional(numberField('topic', 'account')),
    homeUser: z.optional(numberField('homeUser', 'account')),
  },
  'a focal account',
);

function scenarioShape(): Record<string, z.ZodMiniType> {
  const { graph: _g, accounts: _a, content, ...rest } = defaultScenario;
  const { freshness: _f, ...contentRest } = content;
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [k, v] of Object.entries(rest)) shape[k] = fieldFor(k, '', v, '');
  shape.version = z.optional(z.literal(1, { error: 'must be 1 (the scenario schema version)' }));
  const contentShape: Record<string, z.ZodMiniType> = {};
  for (const [k, v] of Object.entries(contentRest)) contentShape[k] = fieldFor(k, 'content', v, 'content');
  contentShape.freshness = z.optional(freshnessSchema);
  shape.content = z.optional(strictObject(contentShape, 'content'));
  shape.graph = z.optional(graphSchema);
  shape.accounts = z.optional(z.array(accountSchema, { error: 'must be an array of focal accounts' })
    .check(z.maxLength(1000, { error: 'at most 1,000 focal accounts' })));
  // Shorthands.
  const shorthand = (s: z.ZodMiniType, description: string) => documented(z.optional(s), { description });
  shape.ranker = shorthand(z.string({ error: 'must be a ranker name' }), 'Shorthand for feed.ranker.');
  shape.strategy = shorthand(strategySchema, 'Shorthand for the first focal account\'s strategy.');
  shape.halfLife = shorthand(durationField(), 'Shorthand for content.freshness.halfLife.');
  shape.attention = shorthand(numberField('attention', 'population'), 'Shorthand for population.attention.');
  shape.startingFollowers = shorthand(numberField('startingFollowers', ''), 'Shorthand for every focal account\'s starting followers.');
  shape.extends = shorthand(z.union([z.string(), z.array(z.string())], { error: 'must be a preset name or a list of them' }),
    'Platform preset(s) this scenario builds on (see `feedsim presets`); later ones and this file override earlier ones.');
  return shape;
}

/** The zod schema of a scenario (what `resolveScenario` accepts). */
export const scenarioSchema = strictObject(scenarioShape(), 'a scenario');

/** The zod schema of a scenario file: a scenario plus `$schema` (for editors). */
export const scenarioFileSchema = z.extend(scenarioSchema as z.ZodMiniObject, {
  $schema: documented(z.optional(z.string()), { description: 'URL or path of this JSON Schema, for editors.' }),
});

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = isPlain(v) || Array.isArray(v) ? (v as Plain)[k as string] : undefined;
  return v;
}

const pathText = (path: PropertyKey[]): string =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : k === '' ? `${s}[""]` : s ? `${s}.${String(k)}` : String(k)), '');

/** Checks `input` against {@link scenarioSchema}; returns every problem found (none = valid shape). */
export function shapeProblems(input: unknown, schema: z.ZodMiniType = scenarioSchema): ScenarioProblem[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  const problems: ScenarioProblem[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const fields = /\(fields: (.*)\)$/.exec(issue.message)?.[1]?.split(', ') ?? [];
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({ path: pathText(path), value: valueAt(input, path), allowed: issue.message, suggestion: closestKey(key, fields) });
      }
      continue;
    }
    const path = pathText(issue.path);
    if (seen.has(path)) continue;
    seen.add(path);
    if (issue.code === 'invalid_value' && issue.values.length > 1) {
      const value = valueAt(input, issue.path);
      problems.push({ path, value, allowed: issue.message, suggestion: typeof value === 'string' ? closestKey(value, issue.values.map(String)) : undefined });
      continue;
    }
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      const options = issue.options.map(String);
      const value = valueAt(input, issue.path);
      problems.push({ path, value, allowed: `must be one of ${options.join(', ')}`, suggestion: typeof value === 'string' ? closestKey(value, options) : undefined });
      continue;
    }
    const value = valueAt(input, issue.path);
    const allowed = value === undefined && issue.code === 'invalid_type' ? `is required: ${issue.message}` : issue.message;
    problems.push({ path, value, allowed });
  }
  return problems;
}
