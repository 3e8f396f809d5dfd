import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the everyday suite (npm test, < 3 min on 2 cores);
// `full` adds the heavy statistical and scale suites (npm run test:full).
export default defineConfig({
  test: {
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
