import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/cli/progress.js';

/** A stand-in for stderr that records what is written. */
function fakeStream(isTTY: boolean) {
  let written = '';
  const stream = {
    isTTY,
    columns: 100,
    write: (s: string) => ((written += s), true),
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => written };
}

describe('progress bar', () => {
  it('draws runs done, rate and ETA on a terminal', () => {
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      const { stream, written } = fakeStream(true);
      const bar = progressBar('sweep', stream);
      bar.update(3, 12);
      bar.stop();
      expect(written()).toMatch(/sweep .*3\/12 runs \| [\d.]+ runs\/s \| ETA/);
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
  });

  it('stays silent when stderr is not a terminal, or CI is set', () => {
    const pipe = fakeStream(false);
    const bar = progressBar('sweep', pipe.stream);
    bar.update(3, 12);
    bar.stop();
    expect(pipe.written()).toBe('');
    const saved = process.env.CI;
    process.env.CI = 'true';
    try {
      const tty = fakeStream(true);
      const ci = progressBar('sweep', tty.stream);
      ci.update(3, 12);
      ci.stop();
      expect(tty.written()).toBe('');
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
  });
});
