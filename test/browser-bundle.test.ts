import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The core entry must run in browsers: bundle it for the browser platform and run a small
// simulation in a bare JavaScript context (no require, process, Buffer or other Node globals).
describe('browser bundle of the core entry', () => {
  it('bundles for the browser with no Node-only module on the simulation path, and simulates', async () => {
    const result = await build({
      entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'feedsim',
      write: false,
      logLevel: 'silent',
      // The worker pool and memory check are loaded only by compare/sweep with Node; they must
      // stay lazy (behind dynamic imports), which the context below verifies by never having require.
      external: ['node:*', 'piscina'],
    });
    const code = result.outputFiles[0].text;
    const context = createContext({ console, performance, TextEncoder, TextDecoder, crypto: globalThis.crypto });
    runInContext(code, context);
    const simulate = runInContext('feedsim.simulate', context);
    const r = simulate({ users: 500, cycles: 2, strategy: { kind: 'follow-building' } });
    expect(r.accounts[0].cycles).toHaveLength(2);
    expect(r.accounts[0].cycles[1].followers).toBeGreaterThan(0);
    // Same bytes as the Node build of the same scenario.
    const { simulate: nodeSimulate } = await import('../src/index.js');
    expect(JSON.stringify(r.accounts)).toBe(JSON.stringify(nodeSimulate({ users: 500, cycles: 2, strategy: { kind: 'follow-building' } }).accounts));
    expect(runInContext('typeof require', context)).toBe('undefined');
    expect(runInContext('typeof process', context)).toBe('undefined');
    console.log(`browser bundle: ${(code.length / 1024).toFixed(0)} KB`);
  });
});
