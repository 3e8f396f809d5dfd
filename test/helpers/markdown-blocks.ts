/**
 * Fenced code blocks of a Markdown file, for testing the code in the guides: each block's
 * language, its extra info-string words (e.g. `nocheck`), its text and the line it starts on.
 */
export interface CodeBlock {
  /** First word of the info string (`ts`, `yaml`, `text`, …), '' when there is none. */
  lang: string;
  /** The other words of the info string. */
  tags: string[];
  /** The block's text, ending with a newline. */
  code: string;
  /** 1-based line number of the block's first code line in the file. */
  line: number;
}

/** Every fenced (```) code block of `markdown`, in order. Indented fences count too. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const [lang = '', ...tags] = info.trim().split(/\s+/).filter(Boolean);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[j])) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
      j++;
    }
    if (j === lines.length) throw new Error(`unclosed code fence opened at line ${i + 1}`);
    blocks.push({ lang, tags, code: body.join('\n') + '\n', line: i + 2 });
    i = j;
  }
  return blocks;
}
