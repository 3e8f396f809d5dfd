/**
 * A small RFC 4180 CSV parser for analytics exports: quoted fields may hold commas, doubled
 * quotes and line breaks; records end with CRLF or LF; a UTF-8 byte-order mark is dropped. It is
 * strict where a lenient parser would silently misread a file (d3-dsv, already a dependency of
 * vega, swallows an unterminated quote to the end of the file and splits `"a"b` in two): an
 * unterminated quote or text after a closing quote is an error naming the line.
 * @module
 */
import { place, refuse } from './export-error.js';

/**
 * The records of `text`, each a list of fields. A final line break ends the last record; it does
 * not start an empty one. Empty text has no records.
 * @throws {ExportError} for an unterminated quote, text after a closing quote, or NUL characters.
 */
export function parseCsv(text: string, file = 'the file'): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A UTF-16 file read as UTF-8 is full of NULs; no CSV export holds one.
  if (text.includes('\0')) refuse(file, 'NUL', 'holds NUL characters: is it UTF-16? Save it as UTF-8 CSV');
  const rows: string[][] = [];
  const n = text.length;
  let row: string[] = [];
  let line = 1;
  let i = 0;
  while (i < n) {
    let value: string;
    if (text[i] === '"') {
      const opened = line;
      let j = i + 1;
      value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) refuse(`${place(file)}, line ${opened}`, text.slice(i, i + 30), 'has a quote that is never closed: a quoted field ends with a quote; a quote inside one is doubled ("")');
        value += text.slice(j, q);
        if (text[q + 1] !== '"') {
          j = q + 1;
          break;
        }
        value += '"';
        j = q + 2;
      }
      line += countBreaks(text, i, j);
      if (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') {
        refuse(`${place(file)}, line ${line}`, text.slice(i, j + 10), 'has text after a closing quote: a field with a quote in it must be quoted whole, its quotes doubled ("")');
      }
      i = j;
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      value = text.slice(i, j);
      i = j;
    }
    row.push(value);
    if (i >= n) break;
    if (text[i] === ',') {
      i++;
      // A trailing comma ends the record with an empty field.
      if (i === n) row.push('');
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Line breaks (CRLF, LF or a lone CR) in `text` between `from` and `to`. */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    if (text[k] === '\n' || (text[k] === '\r' && text[k + 1] !== '\n')) breaks++;
  }
  return breaks;
}
