/**
 * Quoting untrusted text in an error message: a few characters of the line that failed, never
 * more, with every control, format and line-separator character escaped, so a message can neither
 * carry terminal escape sequences nor echo much of a file that was not what it claimed to be.
 * @module
 */

/** The longest excerpt quoted, in characters between the quotes. */
export const EXCERPT_CHARS = 60;

// C0/C1 controls, DEL, format characters (bidi overrides, zero-width), line and paragraph
// separators, lone surrogates.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

function escaped(ch: string): string {
  const code = ch.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with unsafe characters escaped as `\uXXXX` (and, with `quotes`, `"` and `\` escaped),
 * at most `max` characters long, cut with `…`.
 */
function escapeText(text: string, max: number, quotes: boolean): string {
  const pieces: string[] = [];
  let length = 0;
  // Stops one piece past the limit: a line may be megabytes long.
  for (const ch of text) {
    const piece = UNSAFE.test(ch) ? escaped(ch) : quotes && (ch === '"' || ch === '\\') ? `\\${ch}` : ch;
    pieces.push(piece);
    length += piece.length;
    if (length > max) break;
  }
  if (length <= max) return pieces.join('');
  let out = '';
  for (const piece of pieces) {
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/**
 * `text` in double quotes, at most `max` characters between them (cut with `…`), with control,
 * format and separator characters escaped as `\uXXXX`, and `"` and `\` as `\"` and `\\`.
 * @example
 * ```ts
 * quoteExcerpt('3 x\u001b[31m') // '"3 x\\u001b[31m"'
 * ```
 */
export const quoteExcerpt = (text: string, max = EXCERPT_CHARS): string => `"${escapeText(text, max, true)}"`;

/** A message from elsewhere (a parser's) made printable: unsafe characters escaped, at most `max` characters. */
export const printable = (text: string, max = 200): string => escapeText(text, max, false);
