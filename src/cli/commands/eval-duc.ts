/** `dossier eval duc`: our summaries on DUC 2004 task 2, scored with our ROUGE-1.5.5 beside the published systems. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { readInputs } from '../../read/index.js';
import { prepare } from '../../analyze/doc.js';
import { fromDoc, summarize } from '../../story/summary.js';
import { checkOfficial, ducTopics, readSummary, scoreSummary, topicModels, type DucScores } from '../../eval/duc.js';

type Metric = keyof DucScores;
const METRICS: Metric[] = ['ROUGE-1', 'ROUGE-2', 'ROUGE-4', 'ROUGE-L', 'ROUGE-SU4'];

const command: Command = {
  name: 'eval duc',
  summary: 'summaries of DUC 2004 scored with ROUGE-1.5.5 (ours, validated) beside every published system',
  help: `Usage: dossier eval duc [ROOT] [--out DIR] [--words N] [--no-check]

For each DUC 2004 topic (ROOT/docs/<topic>/), reads and prepares the articles, summarises them
with a ${100}-word budget (a last sentence may run past the budget: ROUGE's -l cuts it at the
budget, as for the published systems), writes DIR/<topic>.Dossier (one sentence per line),
and scores it against ROOT/models with ROUGE-1.5.5 settings -n 4 -m -l 100 -f A -p 0.5 -t 0.
Every published summary in ROOT/peers is scored the same way. Prints a table of mean recall
x100 (ROUGE-1, -2, -4; ROUGE-L and SU4 are not validated against official numbers), sorted
by ROUGE-1, the mean time per topic (reading + sentence analysis + summary), and first checks
our ROUGE against every line of ROOT/official-pertopic.txt.

Options:
  ROOT          default ../shared/data/duc2004
  --out DIR     write our summaries there
  --words N     word budget (default 100)
  --no-check    skip the check against official-pertopic.txt

Examples:
  dossier eval duc
  dossier eval duc ../shared/data/duc2004 --out /tmp/duc-out
  npm run eval:duc`,
  options: {
    out: { type: 'string' },
    words: { type: 'string', default: '100' },
    'no-check': { type: 'boolean' },
  },
  async run(args, io) {
    const root = resolve(io.cwd, args.positionals[0] ?? '../shared/data/duc2004');
    const topics = existsSync(root) ? ducTopics(root) : undefined;
    if (!topics || topics.length === 0) {
      io.stdout(`skipped: DUC 2004 data not found at ${root}\n`);
      return 0;
    }
    const words = Number(args.values['words']);
    if (!Number.isInteger(words) || words <= 0) throw new UsageError(`--words must be a positive whole number, got "${String(args.values['words'])}"`);
    const outDir = args.values['out'] ? resolve(io.cwd, args.values['out'] as string) : undefined;
    if (outDir) await mkdir(outDir, { recursive: true });

    if (!args.values['no-check']) {
      const check = checkOfficial(root, topics);
      if (check) {
        io.stdout(
          `ROUGE check: ${check.matched} of ${check.total} official per-topic lines (ROUGE-1..4 R/P/F) match exactly` +
            (check.missing ? ` (${check.missing} without peer or models)` : '') +
            '\n',
        );
        for (const m of check.mismatches.slice(0, 10)) io.stdout(`  differs: ${m}\n`);
      }
    }

    const sums = new Map<string, { n: number; s: Record<Metric, number> }>();
    const add = (system: string, sc: DucScores) => {
      let e = sums.get(system);
      if (!e) sums.set(system, (e = { n: 0, s: { 'ROUGE-1': 0, 'ROUGE-2': 0, 'ROUGE-4': 0, 'ROUGE-L': 0, 'ROUGE-SU4': 0 } }));
      e.n++;
      for (const m of METRICS) e.s[m] += sc[m].recall;
    };
    const times: number[] = [];
    const cpu: number[] = [];
    for (const t of topics) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const { articles } = await readInputs([t.docs]);
      const docs = articles.map((a) => fromDoc(prepare(a)));
      const summary = summarize(docs, { words, fill: true });
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      const text = summary.sentences.map((s) => s.text).join('\n') + '\n';
      if (outDir) await writeFile(join(outDir, `${t.id}.Dossier`), text);
      if (t.models.length === 0) continue;
      const models = topicModels(t);
      add('Dossier', scoreSummary(text, models));
      for (const p of t.peers) add(p.system, scoreSummary(readSummary(p.path), models));
    }
    const rows = [...sums.entries()]
      .map(([system, e]) => ({ system, n: e.n, mean: METRICS.map((m) => (100 * e.s[m]) / e.n) }))
      .sort((a, b) => b.mean[0]! - a.mean[0]! || a.system.localeCompare(b.system));
    const width = Math.max(10, ...rows.map((r) => r.system.length));
    io.stdout(`\n${'system'.padEnd(width)}  topics  ROUGE-1  ROUGE-2  ROUGE-4  ROUGE-L* ROUGE-SU4*\n`);
    for (const r of rows) {
      const mark = r.system === 'Dossier' ? ' <' : '';
      io.stdout(`${r.system.padEnd(width)}  ${String(r.n).padStart(6)}  ${r.mean.map((x) => x.toFixed(2).padStart(7)).join('  ')}${mark}\n`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
    io.stdout(
      `\nmean recall x100 over ${topics.length} topics (plain means of per-topic scores; ROUGE-1.5.5's Average_R is a\n` +
        `bootstrap mean and can differ in the second decimal); * = not validated against official numbers\n` +
        `time per topic (read + sentences + summary, first topic includes loading): ` +
        `wall mean ${mean.toFixed(1)} ms, median ${median(times).toFixed(1)} ms; CPU median ${median(cpu).toFixed(1)} ms\n`,
    );
    return 0;
  },
};
export default command;
