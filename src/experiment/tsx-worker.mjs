// Worker entry when feedsim runs from its TypeScript sources (tests, examples through tsx):
// worker threads do not inherit tsx's ESM hooks, so register them here, then load the worker.
const { register } = await import('tsx/esm/api');
register();
globalThis.__feedsimTsxRegistered = true;
const worker = await import('./worker.ts');
export default worker.default;
