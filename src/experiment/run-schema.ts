/**
 * The shape of a finished run as a results directory records it (one line of `runs.jsonl`),
 * checked whenever a record is read back (resume, merge) so that an edited or foreign line is
 * refused naming its file and line, instead of failing later with a TypeError
 * (`{"id": "p2/follow-building/r4", "accounts": []}` did, on resume).
 * @module
 */
import * as z from 'zod/mini';
import { formatProblem, ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { shapeProblems } from '../scenario/schema.js';

const whole = (min: number, allowed: string) => z.number({ error: allowed }).check(z.int({ error: allowed }), z.minimum(min, { error: allowed }));
/** A metric: a number, or null where JSON wrote NaN or an infinity. */
const figure = z.nullable(z.number({ error: 'must be a number' }));
const byChannel = z.record(z.string(), figure, { error: 'must be a number or { channel: number }' });

const cycle = z.catchall(z.object({
  cycle: whole(1, 'must be a cycle number (1, 2, …)'),
  cumulativeNpv: figure,
}, { error: 'must be a cycle record { cycle, followers, …, cumulativeNpv }' }), z.union([figure, byChannel], { error: 'must be a number or { channel: number }' }));

const account = z.object({
  name: z.string({ error: 'must be the account\'s name' }),
  strategy: z.string({ error: 'must be the strategy\'s label' }),
  cycles: z.array(cycle, { error: 'must be a list of cycle records' }).check(z.minLength(1, { error: 'must hold at least one cycle record' })),
}, { error: 'must be an account { name, strategy, cycles }' });

/** Schema of one run record; fields it does not name (a later version's) are let through. */
export const runRecordSchema = z.object({
  id: z.string({ error: 'must be the run\'s id' }).check(z.minLength(1, { error: 'must be the run\'s id' })),
  label: z.string({ error: 'must be the strategy\'s label' }),
  replicate: whole(0, 'must be a replicate number (0, 1, …)'),
  seed: z.number({ error: 'must be the run\'s seed' }).check(z.int({ error: 'must be a whole number' })),
  point: z.optional(whole(1, 'must be a design point number (1, 2, …)')),
  scenarioHash: z.string({ error: 'must be the scenario\'s hash' }),
  version: z.string({ error: 'must be the feedsim version that made the run' }),
  accounts: z.array(account, { error: 'must be a list of the focal accounts\' records' }).check(z.minLength(1, { error: 'must hold the first focal account\'s record at least' })),
  posts: z.optional(z.array(z.unknown())),
  warnings: z.array(z.string(), { error: 'must be a list of warnings' }),
}, { error: 'must be a run record (an object)' });

/** What is wrong with `value` as a run record (paths inside the record); empty when it is one. */
export function runRecordProblems(value: unknown): ScenarioProblem[] {
  return shapeProblems(value, runRecordSchema);
}

/** A record line that is not a run: bad input (exit 2 in the CLI), each problem naming the file and line. */
export class RunRecordError extends ScenarioError {
  constructor(problems: ScenarioProblem[]) {
    super(problems);
    this.name = 'RunRecordError';
    this.message = problems.map(formatProblem).join('\n');
  }
}
