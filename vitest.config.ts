import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the everyday suite (npm test, < 3 min on 2 cores);
// `full` adds the heavy statistical and scale suites (npm run test:full).
export default defineConfig({
  test: {
    // Vitest's default leaves one core idle (one file at a time on 2 cores); the test files are
    // single-threaded compute, so use every core. npm test on 2 cores: 160 s on 2026-12-06's AMD
    // EPYC machine (idle), 225 s before the worker-pool, study-report and statistical tests below
    // moved to *.full (integration-heavy and validation-size files are *.full).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.full.test.ts'],
          testTimeout: 300_000, // a hang guard, not a speed limit
          hookTimeout: 300_000, // set-up hooks run studies too
        },
      },
      {
        test: {
          name: 'full',
          include: ['test/**/*.full.test.ts'],
          testTimeout: 1_200_000, // a hang guard, not a speed limit: the CI machines are shared and noisy
          hookTimeout: 1_200_000,
        },
      },
    ],
  },
});
