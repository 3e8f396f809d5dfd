/**
 * How fast the playground runs the default comparison in a browser against Node on one thread:
 * 10,000 users, 30 cycles, 5 replicates per strategy (`npm start`'s comparison), seed 1. Builds
 * the site, runs the comparison in headless Chromium (Debian's, or $CHROMIUM) from Run to the
 * final result (the worker's start included), then the same `compare` with `workers: 1` in this
 * process, checks the two results are identical, and prints both times and their ratio. Node runs
 * the built bundle (`dist/`, as users run it; `npm run build` first) when there is one, else the
 * sources through tsx (slower across modules). About a minute at full size on an idle core.
 *
 *   node --import tsx bench/playground.ts [--users 10000] [--cycles 30] [--replicates 5] [--seed 1]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildPlayground } from '../playground/build.js';
import { stateToHash } from '../playground/hash.js';
import { defaultState, runRequest } from '../playground/state.js';
import type * as Feedsim from '../src/index.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const state = { ...defaultState(), users: arg('users', 10_000), cycles: arg('cycles', 30), replicates: arg('replicates', 5), seed: arg('seed', 1) };
const request = runRequest(state);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const built = await buildPlayground();
console.log(`playground: ${state.users.toLocaleString('en')} users, ${state.cycles} cycles, ${state.replicates} replicates per strategy, seed ${state.seed}; page JavaScript ${(built.scriptGzipBytes / 1024).toFixed(1)} KB gzipped`);

// 1. The page: Run to the final result, timed by the page itself.
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const version = browser.version();
let pageSeconds: number;
let pageJson: string;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${pathToFileURL(built.file).href}#${stateToHash(state)}`);
  await page.click('#run');
  await page.waitForSelector('body:not([data-state=running])', { timeout: 3_600_000 });
  const phase = (await page.evaluate('document.body.dataset.state')) as string;
  if (phase !== 'done') throw new Error(`the page's run ended "${phase}": ${await page.textContent('#notes')}`);
  pageSeconds = Number(await page.evaluate('document.body.dataset.seconds'));
  pageJson = (await page.textContent('#result-json')) ?? '';
} finally {
  await browser.close();
}

// 2. Node, one thread, after the browser has closed (the two never share the cores).
const dist = resolve('dist/index.js');
const source = existsSync(dist) ? 'dist/ (the built bundle)' : 'src/ through tsx (no dist/: npm run build for the bundle)';
const lib = (await import(existsSync(dist) ? pathToFileURL(dist).href : '../src/index.js')) as typeof Feedsim;
const t0 = performance.now();
const result = await lib.compare({ ...request, workers: 1 });
const nodeSeconds = (performance.now() - t0) / 1000;

const identical = JSON.stringify(result) === pageJson;
console.log(`page (Chromium ${version}, one Web Worker): ${pageSeconds.toFixed(2)} s`);
console.log(`Node ${process.version}, one thread, ${source}: ${nodeSeconds.toFixed(2)} s`);
console.log(`ratio page / Node: ${(pageSeconds / nodeSeconds).toFixed(2)}; results ${identical ? 'identical' : 'DIFFER'}`);
if (!identical) process.exitCode = 1;
