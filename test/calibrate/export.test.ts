import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/exit.js';
import { parseCsv } from '../../src/calibrate/csv.js';
import { readDate } from '../../src/calibrate/dates.js';
import { ExportError, MAPPINGS, parseMapping, readExport, readFollowerCounts, type AnalyticsExport } from '../../src/calibrate/export.js';
import { ScenarioError } from '../../src/scenario/errors.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url), 'utf8');
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, m - 1, d, h, mi, s);

/** The message of what `f` throws (failing the test when it throws nothing or not an ExportError). */
function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ExportError);
    return (e as Error).message;
  }
  throw new Error('expected an ExportError, nothing was thrown');
}

const CANONICAL = 'published,kind,impressions,reach,reach_followers,reach_non_followers,reach_organic,reach_paid,likes,shares,comments,link_clicks,follows';
const read = (csv: string, file = 'posts.csv'): AnalyticsExport => readExport(csv, { file });

describe('CSV parser (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes, line breaks inside quotes, CRLF and a byte-order mark', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n,,\r\nlast,"",end';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['', '', ''],
      ['last', '', 'end'],
    ]);
  });

  it('a final line break ends the last record without starting another; a trailing comma is an empty field', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('an unterminated quote names the line it was opened on (after a multi-line field)', () => {
    const text = 'a,b\n"one\ntwo",x\n3,"never closed\nmore\n';
    expect(errorOf(() => parseCsv(text, 'f.csv'))).toMatch(/^f\.csv, line 4: "\\"never closed.*never closed/);
  });

  it('text after a closing quote is an error naming the line, not a silent split', () => {
    expect(errorOf(() => parseCsv('a,b\n"x"y,2\n', 'f.csv'))).toMatch(/^f\.csv, line 2: .*text after a closing quote/);
  });

  it('refuses NUL characters (a UTF-16 file read as UTF-8)', () => {
    expect(errorOf(() => parseCsv('a\0,b\0\n'))).toMatch(/NUL characters: is it UTF-16/);
  });
});

describe('publication dates', () => {
  it('reads ISO 8601 with a zone exactly and without one as UTC', () => {
    expect(readDate('2026-03-01T14:00:00Z')).toEqual({ time: utc(2026, 3, 1, 14), day: utc(2026, 3, 1), timed: true, zoned: true });
    expect(readDate('2026-03-01T14:00:00+02:00')?.time).toBe(utc(2026, 3, 1, 12));
    expect(readDate('2026-03-01T14:00:00.250-0130')?.time).toBe(utc(2026, 3, 1, 15, 30) + 250);
    expect(readDate('2026-03-01 14:00')).toMatchObject({ time: utc(2026, 3, 1, 14), timed: true, zoned: false });
    expect(readDate('2026-03-01')).toMatchObject({ time: utc(2026, 3, 1), timed: false, zoned: false });
  });

  it("reads Meta's month/day/year (and 12-hour clocks), or day/month/year when the mapping says so", () => {
    expect(readDate('03/01/2026 14:00')?.time).toBe(utc(2026, 3, 1, 14));
    expect(readDate('3/1/2026 2:05 PM')?.time).toBe(utc(2026, 3, 1, 14, 5));
    expect(readDate('3/1/2026 12:30 am')?.time).toBe(utc(2026, 3, 1, 0, 30));
    expect(readDate('03/01/2026 14:00', 'day-first')?.time).toBe(utc(2026, 1, 3, 14));
    expect(readDate('7-16-2020')?.time).toBe(utc(2020, 7, 16));
  });

  it("reads YouTube Studio's month names and Excel's re-saved day-month-year", () => {
    expect(readDate('Mar 1, 2026')?.time).toBe(utc(2026, 3, 1));
    expect(readDate('September 22, 2026')?.time).toBe(utc(2026, 9, 22));
    expect(readDate('Sept 2 2026')?.time).toBe(utc(2026, 9, 2));
    expect(readDate('3-Jun-26')?.time).toBe(utc(2026, 6, 3));
    expect(readDate('3 Jun 2026')?.time).toBe(utc(2026, 6, 3));
  });

  it('refuses impossible or foreign dates instead of rolling them over', () => {
    for (const bad of ['2026-02-30', '13/01/2026', '2026-03-01T24:00', '2026-03-01T10:60', 'Mär 1, 2026', '01.03.2026', 'yesterday', '1772373600000', '13:00 PM 3/1/2026']) {
      expect(readDate(bad), bad).toBeUndefined();
    }
    expect(readDate('13/01/2026', 'day-first')?.time).toBe(utc(2026, 1, 13));
  });
});

describe('the canonical (feedsim) schema', () => {
  const csv = [
    CANONICAL,
    '2026-03-02T09:00:00Z,product,"1,200",900,600,300,800,100,30,4,5,6,2',
    '2026-03-01T14:00:00Z,audience,500,400,,,,,20,1,,,1',
    '2026-03-02T09:00:00Z,Promo,700,500,,,,,10,0,0,0,0',
    '2026-03-03,,50,,,,,,1,,,,',
  ].join('\n');

  it('reads every column, sorts posts by publication time (ties keep the file order), and numbers rows as a spreadsheet does', () => {
    const r = read(csv);
    expect(r.mapping).toBe('feedsim');
    expect(r.posts.map((p) => p.row)).toEqual([3, 2, 4, 5]);
    expect(r.posts[1]).toEqual({
      row: 2, published: utc(2026, 3, 2, 9), kind: 'product', impressions: 1200, reach: 900, reachFollowers: 600,
      reachNonFollowers: 300, reachOrganic: 800, reachPaid: 100, likes: 30, shares: 4, comments: 5, linkClicks: 6, follows: 2,
    });
    expect(r.posts[0]).toEqual({ row: 3, published: utc(2026, 3, 1, 14), kind: 'audience', impressions: 500, reach: 400, likes: 20, shares: 1, follows: 1 });
    expect(r.posts[2].kind).toBe('product'); // "Promo" is a synonym
  });

  it('counts missing values per optional field and notes empty kinds and times without a zone', () => {
    const r = read(csv);
    expect(r.missing).toEqual({ reach: 1, reachFollowers: 3, reachNonFollowers: 3, reachOrganic: 3, reachPaid: 3, shares: 1, comments: 2, linkClicks: 2, follows: 1 });
    expect(r.posts[3].kind).toBe('other');
    expect(r.notes).toContain("row 5: no kind; read as 'other'");
    expect(r.notes.join('\n')).toMatch(/1 publication date has no time of day \(e\.g\. "2026-03-03"\): read as 00:00 UTC/);
    expect(r.notes.join('\n')).not.toMatch(/no time zone/); // the other times have Z
  });

  it('without a kind column every post is other, and a note says so', () => {
    const r = read('published,impressions,likes\n2026-03-01 10:00,10,1\n');
    expect(r.posts[0].kind).toBe('other');
    expect(r.notes.join('\n')).toMatch(/no kind column .*every post is 'other'/);
    expect(r.notes.join('\n')).toMatch(/1 publication time has no time zone \(e\.g\. "2026-03-01 10:00"\): read as UTC/);
  });

  it('matches column names without regard to case or surrounding spaces, and notes columns it does not read', () => {
    const r = read(' Published ,IMPRESSIONS,Likes,lieks,notes\n2026-03-01,10,1,5,hello\n');
    expect(r.posts[0]).toMatchObject({ impressions: 10, likes: 1 });
    expect(r.notes.join('\n')).toMatch(/columns not read \(not feedsim columns\): "lieks", "notes" \("lieks": did you mean likes\?\)/);
  });

  it('skips blank rows in the middle with a note, and ignores blank lines at the end', () => {
    const r = read('published,impressions,likes\n2026-03-01,10,1\n,,\n\n2026-03-02,20,2\n\n\n');
    expect(r.posts).toHaveLength(2);
    expect(r.notes).toContain('skipped empty rows 3, 4');
  });
});

describe('platform mappings read their (fictitious) exports', () => {
  it('facebook: Meta Business Suite post export', () => {
    const r = readExport(fixture('facebook-posts.csv'), { file: 'facebook-posts.csv', mapping: 'facebook' });
    expect(r.mapping).toBe('facebook');
    expect(r.posts.map((p) => p.row)).toEqual([3, 4, 2, 6]);
    expect(r.posts[0]).toEqual({ row: 3, published: utc(2026, 3, 1, 14), kind: 'other', impressions: 1505, reach: 820, reachOrganic: 820, reachPaid: 0, likes: 31, comments: 5, shares: 4 });
    expect(r.posts[1]).toMatchObject({ impressions: 3900, reach: 2050, reachOrganic: 900, reachPaid: 1150, likes: 80, linkClicks: 41 });
    expect(r.missing.linkClicks).toBe(1);
    // Row 5 has no Views (Meta left views empty for old posts): skipped with a note, not an error.
    expect(r.notes).toContain('skipped row 5: no impressions ("Views" is empty), as the platform exported it');
    expect(r.notes.join('\n')).toMatch(/4 publication times have no time zone .*read as UTC/);
  });

  it('instagram: Meta Business Suite Instagram post export', () => {
    const r = readExport(fixture('instagram-posts.csv'), { file: 'instagram-posts.csv', mapping: 'instagram' });
    expect(r.posts).toHaveLength(5);
    expect(r.posts[0]).toEqual({ row: 2, published: utc(2026, 3, 1, 10), kind: 'other', impressions: 4810, reach: 3020, likes: 212, shares: 18, follows: 7, comments: 14 });
    expect(r.posts[2]).toMatchObject({ row: 4, impressions: 2300 });
    expect(r.posts[2].comments).toBeUndefined();
    expect(r.missing).toMatchObject({ comments: 1, linkClicks: 5, reachOrganic: 5 });
  });

  it('youtube: YouTube Studio Content table, Total row skipped, Views as impressions, Subscribers gained as follows', () => {
    const r = readExport(fixture('youtube-content.csv'), { file: 'Table data.csv', mapping: 'youtube' });
    expect(r.posts.map((p) => p.row)).toEqual([6, 3, 4]);
    expect(r.posts[1]).toEqual({ row: 3, published: utc(2026, 3, 1), kind: 'other', impressions: 6100, likes: 280, shares: 20, comments: 41, follows: 60 });
    expect(r.missing.reach).toBe(3); // Unique viewers is empty per video
    expect(r.notes).toContain(`skipped the "Total" row 2 of a youtube export (the channel's totals, not a post)`);
    expect(r.notes).toContain('skipped row 5: no published ("Video publish time" is empty), as the platform exported it');
    expect(r.notes.join('\n')).toMatch(/3 publication dates have no time of day \(e\.g\. "Mar 1, 2026"\)/);
    expect(r.notes.join('\n')).toMatch(/impressions ← "Views".*follows ← "Subscribers gained"/);
  });

  it('a legacy Facebook Page Insights export: the row of descriptions is skipped with a note', () => {
    const legacy = [
      'Post ID,Permalink,Post Message,Type,Posted,Lifetime Post Total Reach,Lifetime Post organic reach,Lifetime Post Paid Reach,Lifetime Post Total Impressions,Lifetime Post reach by people who like your Page,Reactions',
      ',,,,,Lifetime: The total number of people your Page post was served to. (Unique Users),"Lifetime: The number of people who saw your Page post in News Feed or ticker, or on your Page\'s timeline. (Unique Users)",Lifetime: The number of people your advertised Page post was served to. (Unique Users),Lifetime: The number of impressions of your Page post. (Total Count),Lifetime: The number of people who saw your Page post because they\'ve liked your Page (Unique Users),',
      '1_2,https://example.invalid/1,Hello,Photo,10/1/2015 21:00,80,70,10,120,50,9',
    ].join('\n');
    const r = readExport(legacy, { file: 'legacy.csv' });
    expect(r.mapping).toBe('facebook');
    expect(r.posts).toEqual([{ row: 3, published: utc(2015, 10, 1, 21), kind: 'other', impressions: 120, reach: 80, reachOrganic: 70, reachPaid: 10, reachFollowers: 50, likes: 9 }]);
    expect(r.notes).toContain('skipped row 2: column descriptions, not a post (legacy Facebook Page Insights exports have them)');
  });

  it('a legacy export without a likes column is refused, saying which column is needed and listing the header', () => {
    const msg = errorOf(() => readExport('Posted,Lifetime Post Total Impressions\n10/1/2015 21:00,120\n', { file: 'legacy.csv', mapping: 'facebook' }));
    expect(msg).toMatch(/^legacy\.csv, row 1: "Reactions" — has no likes column \("Reactions"\) for the facebook mapping; .*The header: Posted, Lifetime Post Total Impressions/);
  });

  it('a kind column added by hand to a platform export is read', () => {
    // Each post row ends with its Saves count (a digit); the added Kind cell is empty except on row 3.
    const csv = fixture('instagram-posts.csv').replace('Comments,Saves\n', 'Comments,Saves,Kind\n').replace(/(\d)\n/g, '$1,\n').replace(/(\n8000000000000002[^\n]*),/, '$1,product');
    const r = readExport(csv, { mapping: 'instagram' });
    expect(r.posts.find((p) => p.row === 3)?.kind).toBe('product');
    expect(r.posts.filter((p) => p.kind === 'other')).toHaveLength(4);
  });
});

describe('auto-detection', () => {
  it.each([
    ['facebook-posts.csv', 'facebook'],
    ['instagram-posts.csv', 'instagram'],
    ['youtube-content.csv', 'youtube'],
  ])('%s is read as %s, and a note says it was detected', (file, name) => {
    const r = readExport(fixture(file), { file });
    expect(r.mapping).toBe(name);
    expect(r.notes[0]).toMatch(new RegExp(`^read as an? ${name} export \\(detected from the header`));
  });

  it('the canonical header is detected as feedsim', () => {
    expect(read(`${CANONICAL}\n2026-03-01,other,1,1,,,,,1,,,,\n`).mapping).toBe('feedsim');
  });

  it('a header no mapping fits is an error listing the header and what each mapping needs', () => {
    const msg = errorOf(() => read('Date,Clicks\n2026-03-01,3\n'));
    expect(msg).toMatch(/^posts\.csv, row 1: "Date, Clicks" — is a header no mapping fits/);
    expect(msg).toMatch(/youtube needs "Video publish time", "Views", "Likes"/);
  });

  it("a platform's export lacking a required metric says where the platform offers it", () => {
    const studio = 'Content,Video title,Video publish time,Views,Subscribers\nTotal,,,25,1\nAbc,Clip,"Jan 8, 2025",4,0\n';
    expect(errorOf(() => read(studio))).toMatch(/youtube needs "Likes" \(YouTube Studio exports only the metrics shown in the table: .*add Views and Likes/);
  });

  it('a semicolon-separated file gets a hint', () => {
    expect(errorOf(() => read('published;impressions;likes\n2026-03-01;1;1\n'))).toMatch(/one column holding ";": save the file with commas/);
  });

  it('an explicit mapping that does not fit names the missing columns; an unknown mapping name is refused', () => {
    expect(errorOf(() => readExport(fixture('instagram-posts.csv'), { mapping: 'youtube', file: 'ig.csv' }))).toMatch(/^ig\.csv, row 1: "Video publish time" — has no published column/);
    expect(errorOf(() => readExport(fixture('instagram-posts.csv'), { mapping: 'tiktok' as 'youtube' }))).toMatch(/mapping: "tiktok" — must be one of feedsim, facebook, instagram, youtube, auto/);
  });
});

describe('errors name the file, row, column and value', () => {
  const H = 'published,kind,impressions,reach,likes\n';

  it('a negative count', () => {
    expect(errorOf(() => read(`${H}2026-03-01,product,100,50,-3\n`))).toBe('posts.csv, row 2, column "likes": "-3" — must be a count: a whole number, 0 or more (1234 or 1,234); a negative count is impossible');
  });

  it('a non-numeric count, a fraction, a decimal comma and a percentage', () => {
    const msg = errorOf(() => read(`${H}2026-03-01,product,1x,50,3\n2026-03-01,product,100,2.5,3\n2026-03-01,product,100,1,5\n2026-03-01,product,"1,5",1,12%\n`));
    expect(msg).toContain('posts.csv, row 2, column "impressions": "1x" — must be a count');
    expect(msg).toContain('posts.csv, row 3, column "reach": "2.5" — must be a count: a whole number, 0 or more (1234 or 1,234); not a fraction');
    expect(msg).toContain('posts.csv, row 5, column "impressions": "1,5" — must be a count');
    expect(msg).toContain('posts.csv, row 5, column "likes": "12%" — is a percentage, not a count');
    expect(msg).not.toContain('row 4');
  });

  it('a column of percentages mapped to a count is refused at the header', () => {
    const mapping = parseMapping('name: mine\ncolumns:\n  published: Date\n  impressions: Views\n  likes: "Like rate (%)"\n');
    expect(errorOf(() => readExport('Date,Views,Like rate (%)\n2026-03-01,10,2.5\n', { mapping, file: 'm.csv' }))).toMatch(/^m\.csv, row 1, column "Like rate \(%\)": "Like rate \(%\)" — holds percentages/);
  });

  it('an unparseable date lists the forms accepted', () => {
    expect(errorOf(() => read(`${H}yesterday,product,10,5,1\n`))).toMatch(/^posts\.csv, row 2, column "published": "yesterday" — must be the publication date or time: an ISO 8601 .*Mar 1, 2026/);
  });

  it('an empty required cell in a feedsim file is an error, not a skipped row', () => {
    const msg = errorOf(() => read(`${H},product,10,5,1\n2026-03-01,product,,5,1\n`));
    expect(msg).toContain('posts.csv, row 2, column "published": "" — is required: must be the publication date or time');
    expect(msg).toContain('posts.csv, row 3, column "impressions": "" — is required: impressions must be a count');
  });

  it('a required column missing lists the header', () => {
    const mapping = parseMapping('name: mine\ncolumns: { published: Date, impressions: Views, likes: Likes }\n');
    expect(errorOf(() => readExport('Date,Views,Hearts\n2026-03-01,10,2\n', { mapping, file: 'm.csv' }))).toBe('m.csv, row 1: "Likes" — has no likes column ("Likes") for the mine mapping. The header: Date, Views, Hearts');
  });

  it('an empty file, a file with an empty first row, and a header without rows', () => {
    expect(errorOf(() => read(''))).toBe('posts.csv: "" — is empty: it needs a header row, then one row per entry');
    expect(errorOf(() => read('\uFEFF\r\n\r\n'))).toMatch(/^posts\.csv: "" — is empty/);
    expect(errorOf(() => read('\npublished,impressions,likes\n2026-03-01,1,1\n'))).toMatch(/^posts\.csv, row 1: "" — is empty: the header must be the first row/);
    expect(errorOf(() => read('published,impressions,likes\n'))).toBe('posts.csv: "" — has a header but no rows of posts');
  });

  it('reach greater than impressions is a bad row, and says so', () => {
    expect(errorOf(() => read(`${H}2026-03-01,product,100,150,3\n`))).toBe('posts.csv, row 2, column "reach": "150" — is greater than impressions (100, column "impressions"): a post cannot reach more people than it was shown to; this row is bad');
  });

  it('a repeated header name the mapping reads is an error; one it does not read is a note', () => {
    expect(errorOf(() => read('published,impressions,likes,Likes\n2026-03-01,1,2,3\n'))).toBe('posts.csv, row 1, column "likes": "likes" — is the name of columns 3 and 4: which one holds likes is ambiguous; rename or remove the others');
    const r = read('published,impressions,likes,note,note\n2026-03-01,1,2,a,b\n');
    expect(r.notes).toContain('the header names "note" 2 times (columns 4, 5); not read');
  });

  it('an unknown kind names the value and lists what is allowed', () => {
    expect(errorOf(() => read(`${H}2026-03-01,meme,10,5,1\n`))).toMatch(/^posts\.csv, row 2, column "kind": "meme" — must be a kind: product, audience, other \(or promo, .*tutorial.*\); an empty cell is other$/);
  });

  it('a row with more or fewer cells than the header is an error naming it', () => {
    const msg = errorOf(() => read('published,impressions,likes\n2026-03-01,10,1,extra\n2026-03-02,10\n2026-03-03,10,1,\n'));
    expect(msg).toContain('posts.csv, row 2: "4 cells" — has 4 cells; the header has 3 columns: an unquoted comma in a value?');
    expect(msg).toContain('posts.csv, row 3: "2 cells" — has 2 cells; the header has 3 columns: a cut-off row?');
    expect(msg).not.toContain('row 4'); // a trailing empty cell is harmless
  });

  it('every bad row is reported together, the first 20 listed', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `2026-03-01,x${i},1`);
    const msg = errorOf(() => read(`published,impressions,likes\n${rows.join('\n')}\n`));
    expect(msg.split('\n')).toHaveLength(21);
    expect(msg).toContain('row 21, column "impressions": "x19"');
    expect(msg).not.toContain('"x20"');
    expect(msg.split('\n')[20]).toBe('…: 5 — more problems of the same kinds, not listed');
  });

  it('values from the file are quoted safely (control characters escaped, long values cut)', () => {
    const msg = errorOf(() => read(`published,impressions,likes\n2026-03-01,"\u001b[31m${'9'.repeat(100)}",1\n`));
    expect(msg).not.toContain('\u001b');
    expect(msg).toMatch(/"\\\\u001b\[31m9+\.\.\. — must be a count/);
    expect(msg.length).toBeLessThan(200); // the 100 nines are cut
  });

  it('the CLI prints an ExportError as bad input (exit 2), without a stack trace', () => {
    let caught: unknown;
    try {
      read('published,impressions,likes\n2026-03-01,-1,1\n');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    let out = '';
    expect(reportError(caught, (s) => (out += s))).toBe(2);
    expect(out).toContain('posts.csv, row 2, column "impressions": "-1"');
    expect(out).not.toMatch(/\n\s+at /);
  });
});

describe('custom mappings (YAML)', () => {
  const yaml = [
    'name: my-tool',
    'columns:',
    '  published: Date posted',
    '  impressions: Views',
    '  likes: [Likes, Reactions]',
    '  link_clicks: Clicks',
    'kind:',
    '  column: Type',
    '  values: { Promo: product, Tutorial: audience }',
    'dates: day-first',
  ].join('\n');

  it('parses to a mapping with candidate lists, kinds and the date order', () => {
    expect(parseMapping(yaml, 'my-tool.yaml')).toEqual({
      name: 'my-tool',
      columns: { published: ['Date posted'], impressions: ['Views'], likes: ['Likes', 'Reactions'], linkClicks: ['Clicks'] },
      kind: { column: ['Type'], values: { Promo: 'product', Tutorial: 'audience' } },
      dates: 'day-first',
    });
  });

  it('reads an export with it: a later candidate, its own kind words and the standard ones, day-first dates', () => {
    const csv = 'Date posted,Views,Reactions,Type,Clicks\n03/01/2026 08:00,100,7,promo,3\n04/01/2026,50,2,tutorial,\n05/01/2026,20,1,audience,0\n';
    const r = readExport(csv, { mapping: parseMapping(yaml), file: 'x.csv' });
    expect(r.mapping).toBe('my-tool');
    expect(r.posts.map((p) => [p.published, p.kind, p.likes, p.linkClicks])).toEqual([
      [utc(2026, 1, 3, 8), 'product', 7, 3],
      [utc(2026, 1, 4), 'audience', 2, undefined],
      [utc(2026, 1, 5), 'audience', 1, 0],
    ]);
    expect(r.notes.join('\n')).toMatch(/columns read: published ← "Date posted", impressions ← "Views", likes ← "Reactions", link_clicks ← "Clicks", kind ← "Type"/);
  });

  it("an unknown kind lists the mapping's own words too", () => {
    const csv = 'Date posted,Views,Likes,Type\n03/01/2026,100,7,Meme\n';
    expect(errorOf(() => readExport(csv, { mapping: parseMapping(yaml), file: 'x.csv' }))).toMatch(/^x\.csv, row 2, column "Type": "Meme" — must be a kind: product, audience, other \(or Promo, Tutorial, promo,/);
  });

  it('skip options let a custom mapping skip a Total row', () => {
    const mapping = parseMapping('name: totals\ncolumns: { published: Day, impressions: Views, likes: Likes }\nskip: { total_row: true }\n');
    const r = readExport('Day,Views,Likes\nTotal,30,3\n2026-03-01,30,3\n', { mapping });
    expect(r.posts).toHaveLength(1);
    expect(r.notes.join('\n')).toMatch(/skipped the "Total" row 2/);
  });

  it('validation names each bad field, its value and what is allowed, with suggestions', () => {
    const msg = errorOf(() => parseMapping('name: facebook\ncolumns:\n  published: Date\n  impression: Views\nkind:\n  column: Type\n  values: { Promo: prodcut }\ndates: ymd\n', 'm.yaml'));
    expect(msg).toContain('m.yaml, field name: "facebook" — must be the mapping\'s name (1 to 60 characters), not a built-in one');
    expect(msg).toContain('m.yaml, field columns.impressions: undefined — is required: must be a column name or a list of column names');
    expect(msg).toContain('m.yaml, field columns.impression: "Views" — is not a field of the columns');
    expect(msg).toContain('did you mean "impressions"?');
    expect(msg).toContain('m.yaml, field kind.values.Promo: "prodcut" — must be one of product, audience, other — did you mean "product"?');
    expect(msg).toContain('m.yaml, field dates: "ymd" — must be month-first');
  });

  it('an empty list of names, a non-object and invalid YAML are refused naming the file', () => {
    expect(errorOf(() => parseMapping('name: x\ncolumns: { published: [], impressions: V, likes: L }\n', 'm.yaml'))).toBe('m.yaml, field columns.published: [] — must be a column name or a list of column names');
    expect(errorOf(() => parseMapping('- a\n- b\n', 'm.yaml'))).toMatch(/^m\.yaml, field \(top\): \["a","b"\] — must be an object \(an export mapping\)/);
    expect(errorOf(() => parseMapping('name: x\ncolumns: { published: "a\n', 'm.yaml'))).toMatch(/^m\.yaml: "m\.yaml" — is not valid YAML at line \d+/);
  });
});

describe('follower counts', () => {
  it('reads day,followers rows sorted by day, with thousands separators and any date form', () => {
    const counts = readFollowerCounts('day,followers\n2026-03-02,"1,210"\n2026-03-01T00:00:00Z,1200\nMar 3, 2026,1234\n'.replace('Mar 3, 2026', '"Mar 3, 2026"'));
    expect(counts).toEqual([
      { day: utc(2026, 3, 1), followers: 1200 },
      { day: utc(2026, 3, 2), followers: 1210 },
      { day: utc(2026, 3, 3), followers: 1234 },
    ]);
  });

  it('reads other column names when told, ignoring the time of day', () => {
    expect(readFollowerCounts('Date,Page followers,Other\n03/05/2026 23:59,42,x\n', { dayColumn: 'Date', followersColumn: 'Page followers' })).toEqual([{ day: utc(2026, 3, 5), followers: 42 }]);
  });

  it('refuses a missing column (listing the header), a repeated day, a bad day and a bad count, naming row and column', () => {
    expect(errorOf(() => readFollowerCounts('date,count\n2026-03-01,1\n', { file: 'f.csv' }))).toBe('f.csv, row 1: "day" — has no day column; the header: date, count');
    const msg = errorOf(() => readFollowerCounts('day,followers\n2026-03-01,100\n2026-03-01,101\nsoon,-1\n2026-03-04,\n', { file: 'f.csv' }));
    expect(msg).toContain('f.csv, row 3, column "day": "2026-03-01" — is a day already given on row 2: one count per day');
    expect(msg).toContain('f.csv, row 4, column "day": "soon" — must be a day');
    expect(msg).toContain('f.csv, row 4, column "followers": "-1" — must be a count');
    expect(msg).toContain('f.csv, row 5, column "followers": "" — is required');
    expect(errorOf(() => readFollowerCounts('day,followers\n', { file: 'f.csv' }))).toBe('f.csv: "" — has a header but no rows of follower counts');
  });
});

describe('the built-in mappings', () => {
  it('every built-in mapping names the three required fields', () => {
    for (const m of Object.values(MAPPINGS)) {
      for (const f of ['published', 'impressions', 'likes'] as const) expect(m.columns[f].length, `${m.name}.${f}`).toBeGreaterThan(0);
    }
  });

  it('the reader is browser-safe: no module in src/calibrate imports node:', () => {
    const dir = new URL('../../src/calibrate/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(/from ['"]node:/);
  });
});
