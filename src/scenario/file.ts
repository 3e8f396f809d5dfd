/**
 * Scenario and design files: JSON or YAML text to a plain document, with parse errors reported
 * as {@link ScenarioError}s naming the file, line and column (never a stack trace).
 * @module
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { printable } from '../excerpt.js';
import { ScenarioError } from './errors.js';
import { duplicateJsonKey } from './json-keys.js';

/** The text formats of scenario and design files. */
export type DocumentFormat = 'json' | 'yaml';

/** The format a file name implies: `.yaml`/`.yml` are YAML, everything else JSON. */
export function formatOf(name: string): DocumentFormat {
  return /\.ya?ml$/i.test(name) ? 'yaml' : 'json';
}

/** Where in `text` a character offset falls, as `line L, column C` (1-based). */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** Parses a JSON or YAML document; malformed text throws a {@link ScenarioError} with its position. */
export function parseDocument(text: string, format: DocumentFormat, source = 'the file'): unknown {
  // A byte-order mark (Windows editors write one) is not part of the document: JSON.parse rejects
  // it, and before a YAML block sequence it shifts the first line's indentation.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const fail = (what: string): never => {
    throw new ScenarioError([{ path: '', value: source, allowed: what }]);
  };
  if (format === 'json') {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      // The parser's message quotes the text near the error: only for text that starts like a
      // JSON document, never for a file that is something else (a wrong path, a secrets file).
      if (!/^\s*[{[]/.test(text)) return fail('is not valid JSON: it does not start with { (its text is not quoted)');
      const m = /position (\d+)/.exec((e as Error).message);
      const where = m ? ` at ${lineColumn(text, Number(m[1]))}` : '';
      return fail(`is not valid JSON${where}: ${printable((e as Error).message.replace(/ in JSON at position \d+.*$/s, ''))}`);
    }
    // As YAML files do (uniqueKeys below): JSON.parse would keep the last value without a word.
    const dup = duplicateJsonKey(text);
    if (dup) return fail(`has the key "${dup.key}" twice in one object (${dup.path}, line ${dup.line}): only one value can hold; keep one`);
    return doc;
  }
  try {
    // Unique keys and a bounded alias expansion keep a hostile file from exploding memory.
    return parseYaml(text, { uniqueKeys: true, maxAliasCount: 1000, prettyErrors: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const [line, col] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [0, 0];
      return fail(`is not valid YAML at line ${line}, column ${col}: ${printable(e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''))}`);
    }
    // Alias bombs and unresolved aliases surface as other errors from the parser.
    return fail(`is not valid YAML: ${printable((e as Error).message.split('\n')[0])}`);
  }
}
