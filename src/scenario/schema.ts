/**
 * The scenario schema, in zod: the one description of what a scenario may contain. It checks
 * shapes, types and ranges (cross-field rules live in `resolveScenario`) and is published as a
 * JSON Schema (`feedsim schema`) so editors autocomplete and check scenario files. It is built
 * from {@link defaultScenario}: every default is a field, and the rule tables below give ranges.
 * @module
 */
import { z } from 'zod';
import { defaultScenario } from './defaults.js';
import { closestKey, type ScenarioProblem } from './errors.js';
import { DURATION_PATTERN, tryParseHours } from '../time.js';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose values are probabilities in [0, 1]. */
const PROBABILITY = new Set([
  'base', 'perImpression', 'probability', 'clickThrough', 'activity', 'userPostProbability',
  'inNetworkReach', 'inNetworkShare', 'accustomRate', 'notificationDrop', 'accountSignalCarryover',
  'engagementAffinity', 'floor', 'amount', 'creatorAudienceShare', 'mean', 'startingNotify',
  'rewire', 'homophily',
]);
/** Keys whose values are whole numbers, with their minimum and maximum (bounds keep a typo from asking for a universe). */
const INTEGER: Record<string, [number, number]> = {
  seed: [-(2 ** 31), 2 ** 31 - 1], users: [1, 50_000_000], topics: [1, 64], stepsPerCycle: [1, 100_000],
  cycles: [1, 100_000], inboxSize: [1, 255], recommendations: [0, 1000], attention: [0, 1000],
  creators: [0, 100_000], cap: [0, 1_000_000], maxPosts: [1, 1_000_000], retargetPool: [1, 10_000_000],
  startingFollowers: [0, 50_000_000], topic: [0, 63], homeUser: [0, 50_000_000 - 1],
  minDegree: [0, 50_000_000], maxDegree: [0, 50_000_000],
};
/** Keys that must be strictly positive. */
const POSITIVE = new Set(['temperature', 'engagementPrior', 'cpm', 'shape', 'creatorPostsPerDay']);
/** Behaviour sub-models whose numbers other than `base` are odds ratios (> 0). */
const ODDS_MODELS = new Set(['like', 'share', 'follow', 'notify', 'convert']);
const DURATION_KEYS = new Set(['stepDuration', 'halfLife', 'lifetime', 'window', 'after', 'per']);

const DURATION_RULE = 'must be a positive duration such as "90m", "1.5h", "6d", "2w"';

/** A number field; every failed check reports the same `allowed` sentence. */
function numberField(key: string, parent: string): z.ZodType {
  const fail = (allowed: string) => ({ error: allowed });
  if (key in INTEGER) {
    const [lo, hi] = INTEGER[key];
    const allowed = `must be a whole number from ${lo} to ${hi}`;
    return z.number(fail(allowed)).int(fail(allowed)).min(lo, fail(allowed)).max(hi, fail(allowed));
  }
  if ((ODDS_MODELS.has(parent) && key !== 'base') || (parent === 'unfollow' && key === 'qualityGap')) {
    const allowed = 'is an odds ratio: must be > 0 (1 = no effect)';
    return z.number(fail(allowed)).gt(0, fail(allowed));
  }
  if (PROBABILITY.has(key)) {
    const allowed = 'must be a probability from 0 to 1';
    return z.number(fail(allowed)).min(0, fail(allowed)).max(1, fail(allowed));
  }
  if (POSITIVE.has(key)) return z.number(fail('must be a number > 0')).gt(0, fail('must be a number > 0'));
  if (key === 'exponent') return z.number(fail('must be a number > 1')).gt(1, fail('must be a number > 1'));
  return z.number(fail('must be a number ≥ 0')).min(0, fail('must be a number ≥ 0'));
}

const durationField = (): z.ZodType =>
  z.string({ error: DURATION_RULE })
    .regex(DURATION_PATTERN, { error: DURATION_RULE })
    .refine((d) => (tryParseHours(d) ?? 0) > 0, { error: DURATION_RULE });

/** A strict object whose unknown-key error lists the allowed fields (read back by {@link shapeProblems}). */
function strictObject(shape: Record<string, z.ZodType>, what: string): z.ZodType {
  const fields = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `is not a field of ${what} (fields: ${fields.join(', ')})` : `must be an object (${what})`,
  });
}

/** Schema of one default value: the same shape, every field optional. */
function fieldFor(key: string, parent: string, template: unknown, what: string): z.ZodType {
  const described = (s: z.ZodType): z.ZodType => s.optional().meta({ default: template });
  if (DURATION_KEYS.has(key)) return described(durationField());
  if (key === 'selection') return described(z.enum(['top-k', 'gumbel'], { error: 'must be one of top-k, gumbel' }));
  if (typeof template === 'number') return described(numberField(key, parent));
  if (typeof template === 'boolean') return described(z.boolean({ error: 'must be true or false' }));
  if (isPlain(template)) return objectFor(template, key, what ? `${what}.${key}` : key).optional();
  return described(z.string({ error: 'must be a string' }));
}

function objectFor(template: Plain, parent: string, what: string): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(template)) shape[k] = fieldFor(k, parent, v, what);
  return strictObject(shape, what);
}

const GRAPH_FIELDS: Record<string, Record<string, z.ZodType>> = {
  'erdos-renyi': { meanDegree: numberField('meanDegree', 'graph') },
  'barabasi-albert': { meanDegree: numberField('meanDegree', 'graph') },
  'watts-strogatz': { meanDegree: numberField('meanDegree', 'graph'), rewire: numberField('rewire', 'graph') },
  sbm: { meanDegree: numberField('meanDegree', 'graph'), homophily: numberField('homophily', 'graph') },
  configuration: {
    degrees: z.array(z.number().int().min(0), { error: 'must be an array of whole numbers ≥ 0, one per user' })
      .max(50_000_000, { error: 'at most one degree per user (50,000,000)' }),
    exponent: numberField('exponent', 'graph'),
    minDegree: numberField('minDegree', 'graph'),
    maxDegree: numberField('maxDegree', 'graph'),
  },
  'edge-list': {
    text: z.string({ error: 'must be the edge list as text' }),
    file: z.string({ error: 'must be a path to an edge-list file (relative to the scenario file)' }),
    undirected: z.boolean({ error: 'must be true or false' }),
  },
};

/** A union over `kind`; each variant's fields are optional unless listed in `required`. */
function kinded(variants: Record<string, Record<string, z.ZodType>>, what: string, required: Record<string, string[]> = {}) {
  const kinds = Object.keys(variants).join(', ');
  return z.discriminatedUnion(
    'kind',
    Object.entries(variants).map(([kind, fields]) => {
      const shape: Record<string, z.ZodType> = { kind: z.literal(kind) };
      for (const [k, s] of Object.entries(fields)) shape[k] = required[kind]?.includes(k) ? s : s.optional();
      return strictObject(shape, `a ${kind} ${what}`) as z.ZodObject;
    }) as [z.ZodObject, ...z.ZodObject[]],
    { error: `must be an object with a "kind" (${kinds})` },
  );
}

const graphSchema = kinded(GRAPH_FIELDS, 'graph').describe(
  'The social graph among users: a generator or an edge list (`a b` per line: b sees a\'s posts).',
);

const freshnessSchema = kinded(
  {
    exponential: { halfLife: durationField(), floor: numberField('floor', ''), lifetime: durationField() },
    stretched: { halfLife: durationField(), shape: numberField('shape', ''), floor: numberField('floor', ''), lifetime: durationField() },
    none: { lifetime: durationField() },
    custom: { name: z.string({ error: 'must be the name given to registerFreshness' }), floor: numberField('floor', ''), lifetime: durationField() },
  },
  'freshness curve',
  { exponential: ['halfLife'], stretched: ['halfLife'], custom: ['name'] },
).describe('Freshness f(age) multiplies ranking scores; posts leave candidate pools below `floor` or after `lifetime`.');

/** Schema of a strategy description (its kind is checked against the registry when resolved). */
export const strategySchema = strictObject(
  {
    kind: z.string({ error: 'must be a strategy name' }).min(1, { error: 'must be a strategy name' }),
    params: z.record(z.string(), z.unknown(), { error: 'must be an object' }).optional(),
    label: z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string' }).optional(),
  },
  'a strategy',
).describe('A strategy: `kind` (like-chasing, follow-building, mixed, adaptive, scripted or a registered one), `params`, `label`.');

const accountSchema = strictObject(
  {
    name: z.string({ error: 'must be a string' }).optional(),
    strategy: strategySchema.optional(),
    startingFollowers: numberField('startingFollowers', 'account').optional(),
    startingNotify: numberField('startingNotify', 'account').optional(),
    topic: numberField('topic', 'account').optional(),
    homeUser: numberField('homeUser', 'account').optional(),
  },
  'a focal account',
);

function scenarioShape(): Record<string, z.ZodType> {
  const { graph: _g, accounts: _a, content, ...rest } = defaultScenario;
  const { freshness: _f, ...contentRest } = content;
  const shape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(rest)) shape[k] = fieldFor(k, '', v, '');
  shape.version = z.literal(1, { error: 'must be 1 (the scenario schema version)' }).optional();
  const contentShape: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(contentRest)) contentShape[k] = fieldFor(k, 'content', v, 'content');
  contentShape.freshness = freshnessSchema.optional();
  shape.content = strictObject(contentShape, 'content').optional();
  shape.graph = graphSchema.optional();
  shape.accounts = z.array(accountSchema, { error: 'must be an array of focal accounts' })
    .max(1000, { error: 'at most 1,000 focal accounts' }).optional();
  // Shorthands.
  shape.ranker = z.string({ error: 'must be a ranker name' }).optional().describe('Shorthand for feed.ranker.');
  shape.strategy = strategySchema.optional().describe('Shorthand for the first focal account\'s strategy.');
  shape.halfLife = durationField().optional().describe('Shorthand for content.freshness.halfLife.');
  shape.attention = numberField('attention', 'population').optional().describe('Shorthand for population.attention.');
  shape.startingFollowers = numberField('startingFollowers', '').optional().describe('Shorthand for every focal account\'s starting followers.');
  shape.extends = z.union([z.string(), z.array(z.string())], { error: 'must be a preset name or a list of them' })
    .optional().describe('Platform preset(s) this scenario builds on (see `feedsim presets`); later ones and this file override earlier ones.');
  return shape;
}

/** The zod schema of a scenario (what `resolveScenario` accepts). */
export const scenarioSchema = strictObject(scenarioShape(), 'a scenario');

/** The zod schema of a scenario file: a scenario plus `$schema` (for editors). */
export const scenarioFileSchema = (scenarioSchema as z.ZodObject).extend({
  $schema: z.string().optional().describe('URL or path of this JSON Schema, for editors.'),
});

/** The JSON Schema (draft 2020-12) of scenario files, as printed by `feedsim schema`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioFileSchema, { unrepresentable: 'any' }),
    $id: 'https://github.com/feedsim/feedsim/schema/scenario-v1.json',
    title: 'feedsim scenario (schema version 1)',
    description: 'A feedsim scenario file: every field is optional and falls back to the default shown.',
  };
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = isPlain(v) || Array.isArray(v) ? (v as Plain)[k as string] : undefined;
  return v;
}

const pathText = (path: PropertyKey[]): string =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

/** Checks `input` against {@link scenarioSchema}; returns every problem found (none = valid shape). */
export function shapeProblems(input: unknown, schema: z.ZodType = scenarioSchema): ScenarioProblem[] {
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
