/**
 * Runs results-directory and input-file fuzz cases (io-cases.ts) in a process of its own, so a
 * case that hangs (a blocking read of a named pipe, a mkdir loop) can be stopped from outside:
 *   node --import tsx test/fuzz/io-batch.ts <seed> record=<n> symlink=<n> special=<n>
 * Prints `start <id>` before each case and one JSON report per line after it.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';
import { ioCase, prepareIo, type IoKind } from './io-cases.js';

const [seedArg, ...plans] = process.argv.slice(2);
const dir = tempDir('feedsim-fuzz-io-');
const fifo = join(dir, 'a-fifo');
spawnSync('mkfifo', [fifo]);
const socket = join(dir, 'a-socket');
const server = createServer();
await new Promise<void>((resolve) => server.listen(socket, resolve));
const ctx = await prepareIo(dir, fifo, socket);
for (const plan of plans) {
  const [kind, count] = plan.split('=');
  for (let i = 0; i < Number(count); i++) {
    process.stdout.write(`start ${kind}-${seedArg}-${i}\n`);
    const report = await ioCase(ctx, kind as IoKind, Number(seedArg), i);
    process.stdout.write(JSON.stringify(report) + '\n');
  }
}
server.close();
