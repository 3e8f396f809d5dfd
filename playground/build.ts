/**
 * `npm run playground`: builds the playground into `site/index.html`, one self-contained file
 * that works opened from disk (file://) or from any static host. The worker (the engine) is
 * bundled first and embedded in the page's script as a string, started from a Blob URL, so
 * nothing is fetched; Node built-ins that the engine's experiment path imports are replaced by
 * browser stand-ins (playground/shims/node.ts). Prints the page's JavaScript size, minified and
 * gzipped, and fails (throws, exit 1) above {@link MAX_GZIP_BYTES}.
 *
 * Run: npx tsx playground/build.ts [--out <dir>]
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { VERSION } from '../src/version.js';

/** The budget for the page's JavaScript (engine, charts and page), gzipped. */
export const MAX_GZIP_BYTES = 400 * 1024;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const here = dirname(fileURLToPath(import.meta.url));

/** Maps `node:*` and `piscina` to the browser stand-ins. */
const browserShims: Plugin = {
  name: 'browser-shims',
  setup(b) {
    const shim = join(here, 'shims', 'node.ts');
    b.onResolve({ filter: /^(node:.*|piscina)$/ }, () => ({ path: shim }));
  },
};

/** What a build wrote and measured. */
export interface PlaygroundBuild {
  /** The page. */
  file: string;
  workerBytes: number;
  /** The page's script, the worker's source included. */
  scriptBytes: number;
  scriptGzipBytes: number;
  pageBytes: number;
}

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const r = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'error',
    plugins: [browserShims],
    // The synthetic example export the fit panel offers, as text.
    loader: { '.csv': 'text' },
    // A browser has no environment variables (the memory check reads one).
    define: { 'process.env': '{}', ...define },
  });
  return r.outputFiles[0].text;
}

/** Builds the playground into `outDir` (default `site/` at the repository's root). */
export async function buildPlayground(outDir = resolve(here, '..', 'site')): Promise<PlaygroundBuild> {
  const worker = await bundle('worker.ts');
  const script = await bundle('main.ts', { __WORKER_SOURCE__: JSON.stringify(worker) });
  // esbuild escapes "</script" in strings; anything left would end the inline script early.
  if (/<\/script/i.test(script)) throw new Error('the bundled script contains "</script": it cannot be inlined');
  const html = readFileSync(join(here, 'index.html'), 'utf8')
    .replace('/*STYLE*/', () => readFileSync(join(here, 'style.css'), 'utf8'))
    .replace('/*VERSION*/', VERSION)
    .replace('/*SCRIPT*/', () => script);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'index.html');
  writeFileSync(file, html);
  const gz = gzipSync(script, { level: 9 }).length;
  if (gz > MAX_GZIP_BYTES) throw new Error(`the page's JavaScript is ${kb(gz)} gzipped, over the ${kb(MAX_GZIP_BYTES)} limit (${file})`);
  return { file, workerBytes: worker.length, scriptBytes: script.length, scriptGzipBytes: gz, pageBytes: html.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const b = await buildPlayground(at > 0 ? resolve(process.argv[at + 1]) : undefined);
  console.log(`wrote ${b.file}: page ${kb(b.pageBytes)}; JavaScript ${kb(b.scriptBytes)} minified (worker ${kb(b.workerBytes)}), ${kb(b.scriptGzipBytes)} gzipped (limit ${kb(MAX_GZIP_BYTES)})`);
}
