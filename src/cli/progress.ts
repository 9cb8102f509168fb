/** A progress line on stderr, only on a terminal and only for runs longer than ~2 s. */
import type { Io } from './command.js';

export interface Progress {
  update(stage: string, done: number, total: number): void;
  done(): void;
}

/** Make a progress reporter; silent when quiet or stderr is not a terminal. */
export function progress(io: Io, quiet: boolean): Progress {
  const t0 = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(stage, done, total) {
      if (quiet || !io.isTTY) return;
      const now = Date.now();
      if (now - t0 < 2000 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      const width = 30;
      const fill = total ? Math.round((done / total) * width) : 0;
      const rate = done / Math.max(0.001, (now - t0) / 1000);
      io.stderr(`\r${stage.padEnd(10)} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} (${rate.toFixed(0)}/s)   `);
    },
    done() {
      if (shown) io.stderr('\n');
    },
  };
}
