import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What `npm publish` would ship: the files npm pack lists (from package.json `files`). dist/ is
// only there after a build, so it is not checked here.
const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('the packed tarball', () => {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
  ) as Array<{ files: Array<{ path: string }> }>;
  const files = new Set(packed[0].files.map((f) => f.path));

  it.each(['LICENSE', 'README.md', 'docs/scenario.schema.json', 'package.json'])('lists %s', (path) => {
    expect(files.has(path)).toBe(true);
  });

  it('LICENSE is the MIT licence that package.json and the README name', () => {
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the feedsim authors\n/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).license).toBe('MIT');
  });
});
