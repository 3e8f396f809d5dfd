/**
 * The commands about files rather than runs: `validate` (checks a scenario or sweep file and
 * explains every problem), `presets` (lists platform presets) and `schema` (prints the JSON Schema).
 * @module
 */
import { dirname, resolve } from 'node:path';
import { preflightSweep, sweepScenarios } from '../../experiment/sweep.js';
import { preflight } from '../../experiment/preflight.js';
import { checkSweepDocument, readDocument, loadScenarioFile, sweepFileSchema } from '../../io/scenario-file.js';
import { platformPresets } from '../../scenario/platforms.js';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';
import * as z from 'zod/mini';
import { estimateWorldBytes, formatBytes } from '../../engine/memory-estimate.js';

/** Checks a scenario or sweep file (a sweep file has a `design`); prints what it describes. */
export async function validateCommand(file: string, o: { module: string[] }, print: (s: string) => void): Promise<void> {
  const doc = readDocument(file);
  if ('design' in doc) {
    const sweep = checkSweepDocument(doc, dirname(resolve(file)));
    const scenarios = sweepScenarios(sweep.scenario, sweep.design);
    // One world must fit at least: a scenario this machine cannot run once is refused here too.
    await preflightSweep(scenarios, sweep.strategies, { modules: o.module, workers: 1 });
    const points = scenarios.length;
    const most = scenarios.reduce((m, { resolved }) => Math.max(m, estimateWorldBytes(resolved)), 0);
    print(`${file}: a valid sweep — ${points} design points × ${sweep.strategies.length} strategies × ${sweep.replicates} replicates = ${points * sweep.strategies.length * sweep.replicates} runs; an estimated ${formatBytes(most)} per world at most\n`);
    return;
  }
  const { scenario } = loadScenarioFile(file);
  await preflight([{ scenario }], [], { modules: o.module, workers: 1 });
  const accounts = scenario.accounts.map((a) => `${a.name} (${a.strategy?.label ?? a.strategy?.kind})`).join(', ');
  print(`${file}: a valid scenario — ${scenario.users} users, ${scenario.graph.kind} graph, ${scenario.feed.ranker} feed, ${scenario.cycles} cycles of ${scenario.stepsPerCycle} × ${scenario.stepDuration} steps; focal accounts: ${accounts}; an estimated ${formatBytes(estimateWorldBytes(scenario))} per world\n`);
}

/** Lists the platform presets with their one-line descriptions. */
export function presetsCommand(print: (s: string) => void): void {
  const names = Object.keys(platformPresets) as Array<keyof typeof platformPresets>;
  const width = Math.max(...names.map((n) => n.length));
  for (const n of names) print(`${n.padEnd(width)}  ${platformPresets[n].description}\n`);
  print('\nUse one in a scenario file with "extends": "<name>" (docs/presets.md lists every assumption and its source).\n');
}

/** Prints the JSON Schema of scenario files (or, with `sweep`, of sweep files). */
export function schemaCommand(o: { sweep?: boolean }, print: (s: string) => void): void {
  const schema = o.sweep
    ? { ...z.toJSONSchema(sweepFileSchema, { unrepresentable: 'any' }), title: 'feedsim sweep file' }
    : scenarioJsonSchema();
  print(JSON.stringify(schema, null, 2) + '\n');
}

