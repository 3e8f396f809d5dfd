/**
 * Your own account: calibrate the facebook preset to an analytics export, then ask which strategy
 * this account should expect to pay back better. The export is the SYNTHETIC one shipped in
 * examples/data (made by make-synthetic-export.ts from known parameters), so the fit can be
 * checked against the truth it should recover.
 *
 * Run: npx tsx examples/calibrate.ts   (FEEDSIM_EXAMPLE_SIZE=small for a smoke run)
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { advise, fit, followBuilding, formatFit, likeChasing, readExport, readFollowerCounts } from '../src/index.js';
import { TRUTH } from './data/make-synthetic-export.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const file = (name: string) => readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8');
const data = readExport(file('synthetic-export.csv'), { file: 'synthetic-export.csv' });
data.followers = readFollowerCounts(file('synthetic-followers.csv'), { file: 'synthetic-followers.csv' });
const workers = Math.max(1, availableParallelism());

const result = await fit({
  export: data,
  scenario: { extends: 'facebook' },
  // The world the export came from: 2,000 users (small: 300 users, the first 10 days).
  users: small ? 300 : 2000,
  ...(small ? { days: 10, particles: 40, maxSimulations: 200, checks: 8 } : { particles: 1000, checks: 100 }),
  seed: 1,
  workers,
});
console.log(formatFit(result));
console.log('\ntruth:', Object.entries(TRUTH).map(([k, v]) => `${k} = ${v}`).join(', '));

const advice = await advise({ fit: result, strategies: [likeChasing(), followBuilding()], draws: small ? 4 : 40, cycles: small ? 3 : 30, workers });
console.log(`\n${advice.headline}`);
