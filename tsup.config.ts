import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'tsup';

// The worker is its own entry: worker threads load it by file name.
const entry = {
  index: 'src/index.ts',
  node: 'src/node.ts',
  worker: 'src/experiment/worker.ts',
  // Optional, heavy parts behind their own subpaths, so the core stays small.
  plots: 'src/plots/index.ts',
  report: 'src/report/index.ts',
  arrow: 'src/io/arrow.ts',
  cli: 'src/cli/bin.ts',
};

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

/**
 * Type declarations, without tsup's `dts` (rollup-plugin-dts bundling the types of 7 entries ×
 * 2 formats took 90 % of the build's time and 1.1 GB): `tsc` emits the declarations of src/ once
 * into dist/types/ (tsconfig.build.json), each `.d.ts` gets a `.d.cts` twin whose relative
 * imports end in `.cjs` (what `require` resolves under node16/nodenext), and each entry gets
 * `dist/<entry>.d.ts` and `.d.cts`, which re-export its declarations: the paths package.json's
 * `exports` name.
 */
function emitDeclarations(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  } catch {
    throw new Error('tsc -p tsconfig.build.json failed: no type declarations (errors above)');
  }
  for (const file of filesUnder('dist/types').filter((f) => f.endsWith('.d.ts'))) {
    const cjs = readFileSync(file, 'utf8').replace(/((?:from|import)\s*\(?\s*['"]\.\.?\/[^'"]*?)\.js(['"])/g, '$1.cjs$2');
    writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), cjs);
  }
  for (const [name, source] of Object.entries(entry)) {
    const target = `./types/${source.replace(/^src\//, '').replace(/\.ts$/, '')}`;
    const hasDefault = /^export default /m.test(readFileSync(`dist/${target}.d.ts`, 'utf8'));
    for (const [dts, js] of [['d.ts', 'js'], ['d.cts', 'cjs']]) {
      const from = `'${target}.${js}'`;
      writeFileSync(`dist/${name}.${dts}`, `export * from ${from};\n${hasDefault ? `export { default } from ${from};\n` : ''}`);
    }
  }
}

export default defineConfig({
  entry,
  shims: true,
  // Loaded on demand in worker threads for users' TypeScript modules; never bundled.
  external: ['tsx', 'tsx/esm/api'],
  format: ['esm', 'cjs'],
  dts: false, // emitDeclarations() instead
  onSuccess: async () => emitDeclarations(),
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
});
