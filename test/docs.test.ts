import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { program } from '../src/cli/main.js';
import { loadScenarioFile, loadSweepFile } from '../src/node.js';
import { codeBlocks, type CodeBlock } from './helpers/markdown-blocks.js';
import { headingAnchors, markdownLinks } from './helpers/markdown-links.js';

// The code in the guides is tested: every ```ts block of docs/*.md and README.md is written to
// out/doc-snippets/ (gitignored) with the package's import names pointed at the sources, and
// type-checked with the project's compiler settings in one program; every ```yaml / ```json
// block that is a scenario file (it has `version` or `extends`) or a sweep file (it has a
// `design`) is loaded and checked as one; and the help text quoted in docs/cli.md must be
// exactly what the command prints (FEEDSIM_UPDATE_DOCS=1 rewrites it). Tag a block `nocheck`
// (```ts nocheck) only when it is deliberately not code that compiles.

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SNIPPETS = join(ROOT, 'out', 'doc-snippets');
const GUIDES = [
  ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`),
  'README.md',
];

/** Package import names → the sources they are built from (tsup.config.ts entries). */
const ENTRIES: Record<string, string> = {
  feedsim: 'src/index.js',
  'feedsim/node': 'src/node.js',
  'feedsim/plots': 'src/plots/index.js',
  'feedsim/report': 'src/report/index.js',
  'feedsim/arrow': 'src/io/arrow.js',
};

interface Snippet extends CodeBlock {
  /** `docs/strategies.md:120`: where the block is. */
  where: string;
  /** The file it is written to. */
  file: string;
}

function snippets(langs: string[], extension: (b: CodeBlock) => string): Snippet[] {
  const out: Snippet[] = [];
  for (const guide of GUIDES) {
    for (const b of codeBlocks(readFileSync(join(ROOT, guide), 'utf8'))) {
      if (!langs.includes(b.lang) || b.tags.includes('nocheck')) continue;
      const stem = `${basename(guide, '.md')}-L${b.line}`;
      out.push({ ...b, where: `${guide}:${b.line}`, file: join(SNIPPETS, `${stem}.${extension(b)}`) });
    }
  }
  return out;
}

/** Points imports of `feedsim…` at the sources, keeping every line where it was. */
function withSourceImports(code: string): string {
  return code.replace(/(from\s+|import\s*\(\s*|import\s+)(['"])(feedsim(?:\/[a-z]+)?)\2/g, (_all, head: string, quote: string, name: string) => {
    const target = ENTRIES[name];
    if (!target) throw new Error(`unknown package entry ${JSON.stringify(name)} (known: ${Object.keys(ENTRIES).join(', ')})`);
    return `${head}${quote}../../${target}${quote}`;
  });
}

const tsSnippets = snippets(['ts', 'typescript'], () => 'ts');
const dataSnippets = snippets(['yaml', 'yml', 'json'], (b) => (b.lang === 'json' ? 'json' : 'yaml'));

beforeAll(() => {
  rmSync(SNIPPETS, { recursive: true, force: true });
  mkdirSync(SNIPPETS, { recursive: true });
  // `export {}` makes each snippet a module: its names stay its own and top-level await works.
  for (const s of tsSnippets) writeFileSync(s.file, `${withSourceImports(s.code)}export {};\n`);
  for (const s of dataSnippets) writeFileSync(s.file, s.code);
});

describe('TypeScript in the guides', () => {
  let diagnostics: Map<string, string[]>;
  beforeAll(() => {
    const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
    const prog = ts.createProgram(tsSnippets.map((s) => s.file), { ...parsed.options, noEmit: true });
    // Only the snippets' own diagnostics: the sources are type-checked by `npm run typecheck`.
    diagnostics = new Map(
      tsSnippets.map((s) => {
        const sf = prog.getSourceFile(s.file)!;
        const found = [...prog.getSyntacticDiagnostics(sf), ...prog.getSemanticDiagnostics(sf)];
        return [s.file, found.map((d) => {
          const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
          return `${s.where.replace(/:\d+$/, '')}:${s.line + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
        })];
      }),
    );
  }, 120_000); // a TypeScript program over every guide: seconds alone, more on a loaded machine

  it('there are blocks to check (the guides show code)', () => {
    expect(tsSnippets.length).toBeGreaterThanOrEqual(10);
  });

  it.each(tsSnippets.map((s) => [s.where, s] as const))('%s type-checks', (_where, s) => {
    expect(diagnostics.get(s.file)).toEqual([]);
  });
});

describe('scenario and sweep files in the guides', () => {
  // A block with a `design` is a sweep file; one with `version` or `extends` a scenario file.
  // Other YAML and JSON (fragments, outputs, other tools' configuration) is not feedsim's input.
  const kindOf = (s: Snippet): 'sweep' | 'scenario' | null => {
    const doc: unknown = s.lang === 'json' ? JSON.parse(s.code) : parseYaml(s.code);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
    return 'design' in doc ? 'sweep' : 'version' in doc || 'extends' in doc ? 'scenario' : null;
  };
  const files = dataSnippets.flatMap((s) => {
    const kind = kindOf(s);
    return kind ? [[s.where, kind, s] as const] : [];
  });

  it('there are files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s is a valid %s file', (_where, kind, s) => {
    expect(() => (kind === 'sweep' ? loadSweepFile(s.file) : loadScenarioFile(s.file))).not.toThrow();
  });
});

describe('links in the guides', () => {
  it.each(GUIDES)('%s: every relative link names an existing file and heading', (guide) => {
    const text = readFileSync(join(ROOT, guide), 'utf8');
    const broken: string[] = [];
    for (const { target, line } of markdownLinks(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path ? join(dirname(join(ROOT, guide)), decodeURIComponent(path)) : join(ROOT, guide);
      if (!existsSync(file)) broken.push(`${guide}:${line}: ${target} (no such file)`);
      else if (anchor && file.endsWith('.md') && !headingAnchors(readFileSync(file, 'utf8')).has(anchor)) {
        broken.push(`${guide}:${line}: ${target} (no heading with this anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('docs/cli.md quotes the real help', () => {
  /** What `feedsim [command] --help` prints on an 80-column terminal. */
  function helpOf(name: string | null): string {
    const p = program(new AbortController().signal, () => {});
    const cmd = name === null ? p : p.commands.find((c) => c.name() === name)!;
    let text = '';
    cmd.configureOutput({ writeOut: (s) => (text += s), getOutHelpWidth: () => 80, getOutHasColors: () => false });
    cmd.outputHelp();
    return text.trimEnd() + '\n';
  }
  const commandOf = (help: string) => /^Usage: feedsim (\S+) \[options\]/.exec(help)?.[1] ?? null;
  const cliDoc = join(ROOT, 'docs/cli.md');
  const quotedBlocks = () => codeBlocks(readFileSync(cliDoc, 'utf8')).filter((b) => b.lang === 'text' && b.code.startsWith('Usage: feedsim'));

  // FEEDSIM_UPDATE_DOCS=1 rewrites the quoted help from the program after a change to the CLI.
  if (process.env.FEEDSIM_UPDATE_DOCS) {
    const lines = readFileSync(cliDoc, 'utf8').split('\n');
    for (const b of quotedBlocks().reverse()) {
      const old = b.code.split('\n').length - 1;
      lines.splice(b.line - 1, old, ...helpOf(commandOf(b.code)).trimEnd().split('\n'));
    }
    writeFileSync(cliDoc, lines.join('\n'));
  }
  const quoted = quotedBlocks();
  const commands = program(new AbortController().signal, () => {}).commands.map((c) => c.name());

  it('every command is documented with its help text, in the order of feedsim --help', () => {
    expect(quoted.map((b) => commandOf(b.code))).toEqual([null, ...commands]);
  });

  it.each(quoted.map((b) => [b.code.split('\n')[0], b] as const))('%s matches the command (FEEDSIM_UPDATE_DOCS=1 rewrites it)', (_usage, b) => {
    expect(b.code).toBe(helpOf(commandOf(b.code)));
  });
});
