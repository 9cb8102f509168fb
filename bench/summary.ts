/**
 * Speed of the summary path on DUC 2004 topics, in-process: reading a topic folder, sentence
 * analysis (`prepare`) and the summary, after a warm-up. Prints the median per topic, as wall
 * time and as CPU time of this process (the machine may be shared: CPU time is what the code
 * costs). Usage: tsx bench/summary.ts [DUC_ROOT] [ROUNDS]
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInputs } from '../src/read/index.js';
import { prepare } from '../src/analyze/doc.js';
import { fromDoc, summarize } from '../src/story/summary.js';

const root = resolve(process.argv[2] ?? '../shared/data/duc2004');
const rounds = Number(process.argv[3] ?? 3);
const docsDir = join(root, 'docs');
if (!existsSync(docsDir)) {
  console.log(`skipped: DUC 2004 data not found at ${root}`);
  process.exit(0);
}
const topics = readdirSync(docsDir).filter((d) => !d.startsWith('.')).sort();

async function once(dir: string): Promise<{ wall: number; cpu: number; stages: number[] }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { articles } = await readInputs([dir]);
  const t1 = performance.now();
  const docs = articles.map((a) => fromDoc(prepare(a)));
  const t2 = performance.now();
  summarize(docs, { words: 100, fill: true });
  const t3 = performance.now();
  const c = process.cpuUsage(c0);
  return { wall: t3 - t0, cpu: (c.user + c.system) / 1000, stages: [t1 - t0, t2 - t1, t3 - t2] };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

for (const t of topics.slice(0, 3)) await once(join(docsDir, t)); // warm-up (JIT, lexicons, model)
const runs: Array<{ wall: number; cpu: number; stages: number[] }> = [];
for (let r = 0; r < rounds; r++) for (const t of topics) runs.push(await once(join(docsDir, t)));
const words = 'read, prepare, summary';
console.log(
  `summary path on ${topics.length} DUC topics x ${rounds} rounds (median per topic):\n` +
    `  wall ${median(runs.map((r) => r.wall)).toFixed(1)} ms, cpu ${median(runs.map((r) => r.cpu)).toFixed(1)} ms\n` +
    `  stages (${words}): ${[0, 1, 2].map((i) => median(runs.map((r) => r.stages[i]!)).toFixed(1)).join(' / ')} ms wall`,
);
