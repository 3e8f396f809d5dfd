import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every example runs at small size, as users would run it (a separate tsx process).
const dir = fileURLToPath(new URL('../examples/', import.meta.url));
const examples = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run-all.ts');

describe.each(examples)('example %s', (file) => {
  it('runs at small size and prints output', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', dir + file], {
      env: { ...process.env, FEEDSIM_EXAMPLE_SIZE: 'small' },
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(50);
  });
});
