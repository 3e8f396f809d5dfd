/**
 * Text widths for chart layout without a browser. Vega lays out axes, legends and titles from
 * text widths; with no canvas it guesses 0.8 em a character, far too wide, which spreads panels
 * apart and truncates labels. Here widths come from Helvetica's advance widths (Arial and
 * Liberation Sans share them), the fonts the charts ask for — the same on every machine, so the
 * SVG bytes never depend on installed fonts or a canvas package.
 * @module
 */

/** Helvetica advance widths (1/1000 em) of ASCII 32 … 126. */
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 … 9
  278, 278, 584, 584, 584, 556, 1015, // : … @
  667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // A … Z
  278, 278, 278, 469, 556, 333, // [ … `
  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // a … z
  334, 260, 334, 584, // { … ~
];

/** A few non-ASCII characters the charts use; anything else counts as a digit's width. */
const OTHER: Record<string, number> = { '–': 556, '—': 1000, '−': 584, '…': 1000, '±': 584, 'Δ': 668, '×': 584, '≥': 584, '≤': 584, 'é': 556, 'ő': 556, '·': 278, '’': 222, '‘': 222, '“': 333, '”': 333 };

/** Bold Helvetica runs about 6 % wider overall. */
const BOLD = 1.06;

/** Width in pixels of `text` at `fontSize` px (bold when `fontWeight` is bold or ≥ 600). */
export function textWidth(text: string, fontSize = 11, fontWeight: string | number = 'normal'): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? ASCII[code - 32] : (OTHER[ch] ?? 556);
  }
  const bold = fontWeight === 'bold' || fontWeight === 'bolder' || Number(fontWeight) >= 600;
  return (units / 1000) * fontSize * (bold ? BOLD : 1);
}

/**
 * `text` broken at spaces into lines no wider than `width` px at `fontSize` (never inside a
 * word: a word wider than `width` gets a line of its own).
 */
export function wrapText(text: string, width: number, fontSize = 11, fontWeight: string | number = 'normal'): string[] {
  const words = text.split(/ +/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const candidate = line ? `${line} ${w}` : w;
    if (line && textWidth(candidate, fontSize, fontWeight) > width) {
      lines.push(line);
      line = w;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
