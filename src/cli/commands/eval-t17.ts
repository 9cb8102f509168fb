/** `dossier eval t17`: the story timeline on Timeline17, scored the news-tls way with tilse's metrics. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { runT17, type T17Row } from '../../eval/t17.js';
import type { PRF } from '../../eval/tilse.js';

const f3 = (x: number) => x.toFixed(3);
const prf = (x: PRF) => `${f3(x.precision)} ${f3(x.recall)} ${f3(x.f_score)}`;

const command: Command = {
  name: 'eval t17',
  summary: 'timeline quality on Timeline17 (AR-1, AR-2, date F1 as news-tls reports them)',
  help: `Usage: dossier eval t17 [ROOT] [--only NAME,...] [--out DIR]

For every collection under ROOT (default ../shared/data/t17: <collection>/InputDocs/<date>/*
and <collection>/timelines/*.txt) and every reference timeline, builds a timeline with
N = the reference's number of dates and K = its mean sentences per date, dates restricted
to the reference's first..last date, and scores it with our reimplementation of tilse:
AR-1 and AR-2 (alignment-based ROUGE, many-to-one, date and content costs) and date F1.
Prints one row per (collection, reference) and the averages (F of mean precision and mean
recall, as news-tls). Times are per collection: read, analyse (tokens, sentences), timeline.

Published peers on these 11 collections (tilse's scorer): news-tls DATEWISE
0.154 / 0.048 / 0.671, CLUST 0.107 / 0.029 / 0.513 (AR-1 F / AR-2 F / date F1).

Options:
  --only NAMES   comma-separated collection names
  --out DIR      also write each system timeline (tilse format) to DIR/<collection>/<reference>

Examples:
  dossier eval t17
  dossier eval t17 ../shared/data/t17 --only bpoil_bbc,H1N1_bbc --out /tmp/t17-runs`,
  options: { only: { type: 'string' }, out: { type: 'string' } },
  async run(args, io) {
    const root = resolve(io.cwd, args.positionals[0] ?? io.env['DOSSIER_T17'] ?? '../shared/data/t17');
    if (!existsSync(root)) {
      io.stdout(`skipped: Timeline17 data not found at ${root}\n`);
      return 0;
    }
    const only = (args.values['only'] as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean);
    const out = args.values['out'] as string | undefined;
    io.stdout(
      `${'collection'.padEnd(22)} ${'reference'.padEnd(46)} ${'docs'.padStart(4)} ${'N'.padStart(3)} K  ` +
        `AR-1 P R F          AR-2 P R F          date P R F           read  anlz  tl ms\n`,
    );
    const row = (r: T17Row) =>
      io.stdout(
        `${r.collection.padEnd(22)} ${r.reference.slice(0, 46).padEnd(46)} ${String(r.articles).padStart(4)} ${String(r.n).padStart(3)} ${r.k}  ` +
          `${prf(r.ar1)}  ${prf(r.ar2)}  ${prf(r.date)}  ${r.ms.read.toFixed(0).padStart(5)} ${r.ms.prepare.toFixed(0).padStart(5)} ${r.ms.timeline.toFixed(0).padStart(4)}\n`,
      );
    const res = await runT17(root, { only, out: out ? resolve(io.cwd, out) : undefined, onRow: row });
    if (res.rows.length === 0) {
      io.stdout(`skipped: no Timeline17 collections under ${root}\n`);
      return 0;
    }
    const a = res.average;
    const collections = new Set(res.rows.map((r) => r.collection)).size;
    // Per collection: read + sentences + timeline, once per collection (a collection's second
    // reference timeline reuses its read and prepared articles).
    const perCollection = new Map<string, number>();
    for (const r of res.rows) perCollection.set(r.collection, (perCollection.get(r.collection) ?? r.ms.read + r.ms.prepare) + r.ms.timeline);
    const times = [...perCollection.values()];
    const ms = times.reduce((s, x) => s + x, 0) / collections;
    const tl = res.rows.reduce((s, r) => s + r.ms.timeline, 0) / collections;
    const within = times.filter((x) => x <= 1000).length;
    io.stdout(
      `\naverage over ${res.rows.length} timelines (${collections} collections), F of mean P and mean R:\n` +
        `  AR-1  P ${f3(a.ar1.precision)} R ${f3(a.ar1.recall)} F ${f3(a.ar1.f_score)}\n` +
        `  AR-2  P ${f3(a.ar2.precision)} R ${f3(a.ar2.recall)} F ${f3(a.ar2.f_score)}\n` +
        `  date  P ${f3(a.date.precision)} R ${f3(a.date.recall)} F ${f3(a.date.f_score)}\n` +
        `  time per collection: ${ms.toFixed(0)} ms on average from raw text (timeline stage ${tl.toFixed(0)} ms), slowest ${Math.max(...times).toFixed(0)} ms, ${within} of ${collections} within 1 s;\n` +
        `  the language model loaded once before them, in ${res.modelMs.toFixed(0)} ms\n` +
        `peers (same 11 collections, tilse scorer): DATEWISE 0.154 / 0.048 / 0.671, CLUST 0.107 / 0.029 / 0.513\n`,
    );
    return 0;
  },
};
export default command;
