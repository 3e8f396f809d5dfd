/**
 * Duplicate keys in JSON text: `JSON.parse` keeps the last of `{"users": 100, "users": 200}`
 * without a word, while YAML files refuse them; scenario and sweep files refuse both.
 * @module
 */

/** Where a key appears a second time in one object: the key, its dotted path and its line. */
export interface DuplicateKey {
  key: string;
  path: string;
  line: number;
}

/** An object or list being read: its path, and an object's keys so far and whether a key comes next. */
interface Container {
  path: string;
  keys?: Set<string>;
  expectKey: boolean;
  current: string;
  index: number;
}

/** The first duplicate key of `text`, which must be valid JSON (it is scanned, not checked); undefined if none. */
export function duplicateJsonKey(text: string): DuplicateKey | undefined {
  const stack: Container[] = [];
  let line = 1;
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return top.keys ? (top.path ? `${top.path}.${top.current}` : top.current) : `${top.path}[${top.index}]`;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 10) line++;
    else if (c === 123 /* { */ || c === 91 /* [ */) stack.push({ path: childPath(), keys: c === 123 ? new Set() : undefined, expectKey: c === 123, current: '', index: 0 });
    else if (c === 125 /* } */ || c === 93 /* ] */) stack.pop();
    else if (c === 44 /* , */ && top) {
      if (top.keys) top.expectKey = true;
      else top.index++;
    } else if (c === 34 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return { key, path: top.path ? `${top.path}.${key}` : key, line };
        top.keys.add(key);
        top.current = key;
        top.expectKey = false;
      }
      i = j;
    }
  }
  return undefined;
}
