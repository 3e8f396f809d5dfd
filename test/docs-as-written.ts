/**
 * The guides' code as a user runs it in a clone, after `npm run build` (CI runs this right after
 * the build: `npx tsx test/docs-as-written.ts`). test/docs.test.ts type-checks the same blocks
 * with their imports pointed at src/, so it cannot see what a user sees; this script can.
 *
 * 1. Every ```ts block of README.md and docs/*.md that imports 'feedsim' (not tagged `nocheck`, as
 *    in docs.test.ts) is written unchanged to out/docs-as-written/<doc>/: inside the repository,
 *    so that `import … from 'feedsim'` resolves through package.json `exports` to dist/, the
 *    package's self-reference (a path under node_modules/ would not). A block whose first line
 *    is `// <name>.ts` is written under that name, so that a block loading it
 *    (`modules: ['./my-strategy.ts']`) finds it; the others as L<line>.mts. A block tagged
 *    `after=<name>.ts` (```ts after=followed-first.ts) is run after importing that file.
 * 2. The blocks are type-checked together against dist's declarations (NodeNext resolution).
 * 3. Each block runs in its own process (`node --import tsx`, in its doc's directory) at small
 *    size: a resolve hook hands the blocks a `feedsim` whose simulate, createWorld, compare and
 *    sweep cap users, cycles, replicates and workers (docs.test.ts runs nothing, so there is no
 *    size-shrinking to mirror). The import is still resolved first as written, so a missing
 *    dist/ fails as it would for a user.
 * 4. The commands of README's "Use it from the command line" block that finish in seconds
 *    (presets, validate, schema) run exactly as written, from the repository's root; the others
 *    (compare, sweep, …) are listed as skipped. `npx feedsim` there is an error: it does not
 *    work in a clone.
 *
 * Exits 1 naming the doc, the block's line and the error of every failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { codeBlocks, type CodeBlock } from './helpers/markdown-blocks.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCRATCH = join(ROOT, 'out', 'docs-as-written');
const GUIDES = [
  ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`),
  'README.md',
];
/** Small size for running the blocks. */
const SMALL = { users: 800, cycles: 3, replicates: 3, workers: 2 };
/** README commands that finish in seconds, run as written. */
const QUICK_COMMANDS = new Set(['presets', 'validate', 'schema']);
const TIMEOUT_MS = 180_000;

/** The end of a process's output, without stack frames. */
const tail = (out: string) => out.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(-12).join('\n');
const failures: string[] = [];
const fail = (where: string, what: string) => {
  failures.push(`${where}: ${what}`);
  console.log(`FAIL ${where}\n${what.replace(/^/gm, '     ')}`);
};

if (!existsSync(join(ROOT, 'dist', 'index.js')) || !existsSync(join(ROOT, 'dist', 'index.d.ts'))) {
  console.error('docs-as-written: no build in dist/. Run `npm run build` first.');
  process.exit(1);
}

// ---- 1. The blocks, written as they are.
interface Snippet extends CodeBlock {
  /** `docs/extending.md:22` */
  where: string;
  dir: string;
  file: string;
  /** A file of the same doc to import first (tag `after=<name>`). */
  after?: string;
}

const importsFeedsim = (code: string) => /(?:from\s+|import\s*\(\s*|import\s+)['"]feedsim(?:\/[a-z]+)?['"]/.test(code);
rmSync(SCRATCH, { recursive: true, force: true });
const snippets: Snippet[] = [];
for (const guide of GUIDES) {
  const dir = join(SCRATCH, basename(guide, '.md'));
  const names = new Set<string>();
  for (const b of codeBlocks(readFileSync(join(ROOT, guide), 'utf8'))) {
    if (!['ts', 'typescript'].includes(b.lang) || b.tags.includes('nocheck') || !importsFeedsim(b.code)) continue;
    const where = `${guide}:${b.line}`;
    const name = /^\/\/ ([\w.-]+\.ts)\b/.exec(b.code)?.[1] ?? `L${b.line}.mts`;
    if (names.has(name)) fail(where, `a second block named ${name} in ${guide}`);
    names.add(name);
    const after = b.tags.find((t) => t.startsWith('after='))?.slice('after='.length);
    snippets.push({ ...b, where, dir, file: join(dir, name), ...(after && { after }) });
  }
}
for (const s of snippets) {
  mkdirSync(s.dir, { recursive: true });
  writeFileSync(s.file, s.code);
}
for (const s of snippets) {
  if (s.after && !existsSync(join(s.dir, s.after))) fail(s.where, `after=${s.after}: no block of this doc is named ${s.after}`);
}

// ---- 2. Type-check against dist's declarations, as a user's TypeScript resolves them.
{
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const program = ts.createProgram(snippets.map((s) => s.file), options);
  for (const s of snippets) {
    const sf = program.getSourceFile(s.file)!;
    const found = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    for (const d of found) {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      fail(`${s.where.replace(/:\d+$/, '')}:${s.line + line}`, `type error against dist/: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  console.log(`type-checked ${snippets.length} blocks against dist/*.d.ts`);
}

// ---- 3. Run each block at small size.
const shim = join(SCRATCH, 'feedsim-small.mjs');
const hooks = join(SCRATCH, 'small-hooks.mjs');
const register = join(SCRATCH, 'small-register.mjs');
writeFileSync(shim, `// feedsim, with runs capped at small size (written by test/docs-as-written.ts).
import * as feedsim from 'feedsim';
export * from 'feedsim';
const SMALL = ${JSON.stringify(SMALL)};
const min = (value, cap) => Math.min(value ?? Infinity, cap);
const small = (s = {}) => ({ ...s, users: min(s.users, SMALL.users), cycles: min(s.cycles, SMALL.cycles) });
const experiment = (o = {}) => ({
  ...o,
  scenario: small(o.scenario),
  replicates: min(o.replicates, SMALL.replicates),
  ...(o.workers !== undefined && { workers: min(o.workers, SMALL.workers) }),
});
export const simulate = (scenario, options) => feedsim.simulate(small(scenario), options);
export const createWorld = (scenario, options) => feedsim.createWorld(small(scenario), options);
export const compare = (options) => feedsim.compare(experiment(options));
export const sweep = (options) => feedsim.sweep(experiment(options));
`);
writeFileSync(hooks, `// Hands the doc blocks' \`import 'feedsim'\` the small-size shim (written by test/docs-as-written.ts).
const SCRATCH = ${JSON.stringify(pathToFileURL(SCRATCH).href + '/')};
const SHIM = ${JSON.stringify(pathToFileURL(shim).href)};
export async function resolve(specifier, context, next) {
  if (specifier !== 'feedsim' || !context.parentURL?.startsWith(SCRATCH) || context.parentURL === SHIM) return next(specifier, context);
  await next(specifier, context); // resolved as written first: no dist/ fails as it would for a user
  return { url: SHIM, shortCircuit: true };
}
`);
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

for (const s of snippets) {
  const started = performance.now();
  const preload = s.after ? ['--import', pathToFileURL(join(s.dir, s.after)).href] : [];
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(register).href, ...preload, s.file], {
    cwd: s.dir,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    env: { ...process.env, CI: 'true' },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (r.status === 0) console.log(`ok   ${s.where} (${basename(s.file)}, ${seconds} s)`);
  else fail(s.where, `exit ${r.status ?? r.signal} after ${seconds} s running ${basename(s.file)}:\n${tail(r.stderr || r.stdout)}`);
}

// ---- 4. README's command-line block, as written.
{
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const heading = readme.split('\n').findIndex((l) => l === '## Use it from the command line') + 1;
  const block = codeBlocks(readme).find((b) => b.line > heading && b.lang === 'sh');
  if (heading === 0 || !block) fail('README.md', 'no ```sh block under "## Use it from the command line"');
  else {
    block.code.trimEnd().split('\n').forEach((line, i) => {
      const where = `README.md:${block.line + i}`;
      const command = line.replace(/\s+#.*$/, '').trim();
      const m = /^(npx feedsim|npm run feedsim --|node dist\/cli\.js)\s+(\S+)/.exec(command);
      if (!m) return fail(where, `not a feedsim command: ${command}`);
      if (m[1] === 'npx feedsim') return fail(where, `${command}: npx feedsim does not work in a clone (feedsim: not found); write npm run feedsim -- …`);
      if (!QUICK_COMMANDS.has(m[2])) return console.log(`skip ${where} (${m[2]}: long-running)`);
      const r = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT_MS });
      if (r.status === 0) console.log(`ok   ${where}: ${command}`);
      else fail(where, `${command}: exit ${r.status ?? r.signal}\n${tail(r.stderr || r.stdout)}`);
    });
  }
}

if (failures.length) {
  console.log(`\n${failures.length} failed:\n${failures.map((f) => `- ${f.split('\n')[0]}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nall ${snippets.length} blocks and README's quick commands work as written`);
