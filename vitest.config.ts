import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the everyday suite (npm test, < 3 min on 2 cores);
// `full` adds the heavy statistical and scale suites (npm run test:full).
export default defineConfig({
  test: {
    // Vitest's default leaves one core idle (one file at a time on 2 cores); the test files are
    // single-threaded compute, so use every core (npm test: ~95 s instead of ~150–180 s on 2).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.full.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'full',
          include: ['test/**/*.full.test.ts'],
          testTimeout: 600_000,
        },
      },
    ],
  },
});
