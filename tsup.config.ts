import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker is its own entry: worker threads load it by file name.
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    worker: 'src/experiment/worker.ts',
    // Optional, heavy parts behind their own subpaths, so the core stays small.
    plots: 'src/plots/index.ts',
    report: 'src/report/index.ts',
    arrow: 'src/io/arrow.ts',
    cli: 'src/cli/bin.ts',
  },
  shims: true,
  // Loaded on demand in worker threads for users' TypeScript modules; never bundled.
  external: ['tsx', 'tsx/esm/api'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
