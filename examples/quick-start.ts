/**
 * Quick start (`npm start`): the default comparison — like-chasing against follow-building on
 * the default scenario, same seed (so both face the same users, graph and background) — printed
 * as a table of followers, reach and cumulative net return per cycle.
 *
 * Run: npx tsx examples/quick-start.ts   (FEEDSIM_EXAMPLE_SIZE=small for a fast smoke run)
 */
import { followBuilding, likeChasing, simulate, type ScenarioInput } from '../src/index.js';

const small = process.env.FEEDSIM_EXAMPLE_SIZE === 'small';
const scenario: ScenarioInput = small ? { users: 2000, cycles: 4 } : {};

const started = performance.now();
const strategies = [likeChasing(), followBuilding()];
const results = strategies.map((strategy) => simulate({ ...scenario, strategy }));
const seconds = (performance.now() - started) / 1000;

const s = results[0].scenario;
console.log(
  `feedsim quick start — ${s.users.toLocaleString('en')} users, ${s.cycles} cycles of ${s.stepsPerCycle} × ${s.stepDuration}, ` +
    `budget ${s.economics.budgetPerCycle}/cycle each, seed ${s.seed}`,
);
const pad = (x: string | number, n: number) => String(x).padStart(n);
const money = (x: number) => (x < 0 ? '-' : '') + Math.abs(x).toFixed(0);
const header = ['cycle', 'followers', 'reach', 'cum. net'];
console.log(
  pad('', 5) + ' | ' + strategies.map((st) => st.kind.padEnd(29)).join(' | '),
);
console.log(pad(header[0], 5) + ' | ' + strategies.map(() => header.slice(1).map((h) => pad(h, 9)).join(' ')).join(' | '));
const cycles = results[0].accounts[0].cycles.length;
for (let c = 0; c < cycles; c++) {
  const cells = results.map((r) => {
    const row = r.accounts[0].cycles[c];
    return [pad(row.followers, 9), pad(row.reach, 9), pad(money(row.cumulativeNet), 9)].join(' ');
  });
  console.log(pad(c + 1, 5) + ' | ' + cells.join(' | '));
}
const final = results.map((r) => r.accounts[0].cycles[cycles - 1].cumulativeNet);
const ahead = final[0] >= final[1] ? 0 : 1;
console.log(
  `\nAfter ${cycles} cycles ${strategies[ahead].kind} is ahead by ${money(Math.abs(final[0] - final[1]))} ` +
    `(one replicate; see examples/likes-vs-follows.ts for intervals). ${seconds.toFixed(1)} s.`,
);
for (const w of results[0].warnings) console.warn('warning:', w);
