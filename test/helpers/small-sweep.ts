/**
 * The small sweep the CLI tests of interrupted, resumed, sharded and locked sweeps share:
 * 2 points × 2 strategies × 4 replicates = 16 runs, each a fraction of a second.
 */
export const SMALL_SWEEP = `scenario:
  users: 1500
  cycles: 3
design:
  kind: grid
  factors:
    behavior.follow.base: [0.0005, 0.002]
strategies: [like-chasing, follow-building]
replicates: 4
`;

/** Its number of runs. */
export const SMALL_SWEEP_RUNS = 16;
