/**
 * The published JSON Schema of scenario files (`feedsim schema`, docs/scenario.schema.json),
 * generated from the zod schema. Kept out of the core entry: only tools need it.
 * @module
 */
import * as z from 'zod/mini';
import { scenarioFileSchema } from './schema.js';

/** The JSON Schema (draft 2020-12) of scenario files, as printed by `feedsim schema`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioFileSchema, { unrepresentable: 'any' }),
    $id: 'https://github.com/feedsim/feedsim/schema/scenario-v1.json',
    title: 'feedsim scenario (schema version 1)',
    description: 'A feedsim scenario file: every field is optional and falls back to the default shown.',
  };
}
