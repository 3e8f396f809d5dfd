/**
 * `npm run golden:update`: recomputes every golden case and rewrites `digests.json` over the
 * committed field lists, so a change of digests is a change of results: say so in CHANGELOG.md.
 * `-- --add-fields` also adds the output fields new since (a new metric): run it only after the
 * golden test passed with the old lists, so the new digests differ only by the fields added.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { digest, GOLDEN_CASES, GOLDEN_FILE, shapeSets, shapesOf, type GoldenFile } from './cases.js';

const old: GoldenFile | undefined = existsSync(GOLDEN_FILE) ? JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) : undefined;
const outputs = new Map<string, unknown>();
for (const c of GOLDEN_CASES) outputs.set(c.name, await c.run());

const fields = shapeSets();
for (const c of GOLDEN_CASES) for (const s of shapesOf(outputs.get(c.name))) fields[c.kind].add(s);
// Fields the old file listed stay listed, even if an output lost them (the test then says so).
if (old) for (const k of Object.keys(fields) as Array<keyof typeof fields>) for (const s of old.fields[k] ?? []) fields[k].add(s);
const keep = !process.argv.includes('--add-fields') && old;
const lists = Object.fromEntries(
  Object.entries(fields).map(([k, set]) => [k, keep && old.fields[k as keyof typeof fields] ? [...old.fields[k as keyof typeof fields]] : [...set].sort()]),
) as GoldenFile['fields'];

const digests: Record<string, string> = {};
const changed: string[] = [];
for (const c of GOLDEN_CASES) {
  digests[c.name] = digest(outputs.get(c.name), new Set(lists[c.kind]));
  if (old && old.digests[c.name] !== digests[c.name]) changed.push(c.name);
}
const file: GoldenFile = { fields: lists, digests };
writeFileSync(GOLDEN_FILE, JSON.stringify(file, null, 2) + '\n');
console.log(`wrote ${GOLDEN_CASES.length} golden digests to test/golden/digests.json`);
if (changed.length) console.log(`changed: ${changed.join(', ')} — say why in CHANGELOG.md`);
