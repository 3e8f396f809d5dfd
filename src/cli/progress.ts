/**
 * A progress bar on stderr (runs done, rate, ETA) for long work; silent when stderr is not a
 * terminal or `CI` is set, so logs and pipes stay clean.
 * @module
 */
import cliProgress from 'cli-progress';

/** Updates progress; `stop` clears the bar. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A bar labelled `label`, or a no-op where a bar would not help. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {value}/{total} runs | {rate} runs/s | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  return {
    update(done, total) {
      const rate = ((done * 1000) / Math.max(1, performance.now() - started)).toFixed(2);
      if (!running) {
        bar.start(total, done, { rate });
        running = true;
      } else bar.setTotal(total);
      bar.update(done, { rate });
    },
    stop() {
      if (running) bar.stop();
    },
  };
}
