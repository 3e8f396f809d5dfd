import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('writing results', () => {
  it('a write cut short (here a 16 KiB file-size limit) is an error, not a silently truncated file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'feedsim-short-')), 'rows.csv');
    const module = JSON.stringify(new URL('../src/io/files.ts', import.meta.url).href);
    const script = `const { openSync } = await import('node:fs'); const { writeFully } = await import(${module});
      writeFully(openSync(${JSON.stringify(path)}, 'w'), 'x'.repeat(100_000)); console.log('wrote it all');`;
    const r = spawnSync('bash', ['-c', `ulimit -f 16 && exec "${process.execPath}" --import tsx --input-type=module -e "$0"`, script], { encoding: 'utf8' });
    expect(r.stdout).not.toContain('wrote it all');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/EFBIG|could not write/);
    expect(statSync(path).size).toBeLessThan(100_000);
  });
});
