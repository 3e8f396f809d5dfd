// Worker-thread entry of the fuzz runner (isolate.ts): registers tsx so the TypeScript sources
// load in this thread, then runs the planned cases in order, announcing each before it starts
// so the main thread can stop a case that hangs.
import { parentPort, workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { checkCase } = await import('./check-case.ts');
const { fuzzCase } = await import('./mutate.ts');

const { plans, plan: firstPlan, index: firstIndex } = workerData;
for (let p = firstPlan; p < plans.length; p++) {
  const { kind, seed, count } = plans[p];
  for (let i = p === firstPlan ? firstIndex : 0; i < count; i++) {
    const c = fuzzCase(kind, seed, i);
    parentPort.postMessage({ type: 'start', plan: p, index: i, mutations: c.mutations });
    const report = await checkCase(c);
    parentPort.postMessage({ type: 'report', plan: p, index: i, report });
  }
}
parentPort.postMessage({ type: 'done' });
