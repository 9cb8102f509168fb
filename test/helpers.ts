/** Shared test helpers: an in-memory `Io` for calling the CLI without a process, and goldens. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Io } from '../src/cli/command.js';

/** An `Io` that collects stdout/stderr; `stdin` is what `-` reads. */
export function memoryIo(opts: { stdin?: string; cwd?: string; env?: Record<string, string | undefined> } = {}): Io & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout(s: string) {
      o.out += s;
    },
    stderr(s: string) {
      o.err += s;
    },
    readStdin: async () => Buffer.from(opts.stdin ?? ''),
    isTTY: false,
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
  };
  return o;
}

/** Compare with a reviewed golden file in test/golden; `UPDATE=1` rewrites it (review the diff). */
export function golden(name: string, actual: string): void {
  const path = `test/golden/${name}`;
  if (process.env['UPDATE'] || !existsSync(path)) writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'), `${path} differs (UPDATE=1 to accept)`);
}
