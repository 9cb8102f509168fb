/**
 * Ingest benchmark: `dossier ingest` end to end (read files, cluster, commit to SQLite) on
 * synthetic articles recombined from the invented example set (see bench/articles.ts), in
 * this process through the CLI entry point. Prints articles/s and memory as the store grows.
 *
 *   npx tsx bench/ingest.ts [N=5000] [--analyze] [--keep DIR]
 *   npx tsx bench/ingest.ts 50000        # memory stays flat?
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/command.js';
import { writeSynth } from './articles.js';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 5000);
const analyze = args.includes('--analyze');
const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
const mb = (x: number) => (x / 1024 / 1024).toFixed(0);

try {
  const input = join(dir, 'in');
  let t0 = performance.now();
  // ~200 articles a day over 400 concurrent stories; stories live ~10 days, then new ones start.
  writeSynth(input, 0, n, { stories: 400, perDay: 200 });
  console.log(`generated ${n} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s (${input})`);

  let lines = 0;
  const samples: string[] = [];
  const step = Math.max(1000, Math.floor(n / 10));
  const io: Io = {
    stdout: (s) => {
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
        lines++;
        if (lines % step === 0) {
          const m = process.memoryUsage();
          const secs = (performance.now() - t0) / 1000;
          samples.push(`${String(lines).padStart(7)} articles  ${secs.toFixed(1).padStart(6)} s  ${(lines / secs).toFixed(0).padStart(5)}/s  rss ${mb(m.rss)} MB  heap ${mb(m.heapUsed)} MB`);
        }
      }
    },
    stderr: (s) => void process.stderr.write(s),
    readStdin: async () => Buffer.alloc(0),
    isTTY: false,
    env: process.env,
    cwd: process.cwd(),
  };
  const db = join(dir, 'bench.db');
  t0 = performance.now();
  const c0 = process.cpuUsage();
  const code = await main(['ingest', input, '--db', db, '--format', 'jsonl', '-q', ...(analyze ? ['--analyze'] : [])], io);
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  console.log(samples.join('\n'));
  console.log(
    `ingest${analyze ? ' --analyze' : ''}: ${n} articles in ${secs.toFixed(1)} s = ${(n / secs).toFixed(0)} articles/s ` +
      `(CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s = ${(n / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} articles per CPU-second); exit ${code}`,
  );
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
