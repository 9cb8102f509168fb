/** `dossier eval clusters`: story clustering scored against gold groups (DUC 2004 clusters, Timeline17 topics). */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from '../command.js';
import { evaluatePool, readDuc, readT17, type ClusterEvalResult } from '../../eval/clusters.js';

const f3 = (x: number) => x.toFixed(3);

function row(mode: string, r: ClusterEvalResult): string {
  return `| ${mode} | ${r.articles} | ${r.goldGroups} | ${r.stories} | ${f3(r.bcubed.precision)} | ${f3(r.bcubed.recall)} | ${f3(r.bcubed.f1)} | ${f3(r.nmi)} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} |`;
}

const HEAD = '| mode | articles | gold groups | stories | B³ P | B³ R | B³ F1 | NMI | cluster s | cpu s |\n|---|---|---|---|---|---|---|---|---|---|';

const command: Command = {
  name: 'eval clusters',
  summary: 'story clustering scored with B-cubed and NMI on pooled DUC 2004 clusters and Timeline17 topics',
  help: `Usage: dossier eval clusters [--duc DIR] [--t17 DIR]

1. Pools every article under DIR/<topic>/ of DUC 2004 (25 clusters of 10 articles; gold =
   the topic folder), clusters the pool as \`dossier cluster\` does, and prints B-cubed
   precision/recall/F1 and NMI (arithmetic normalisation), for the batch clusterer and for
   the online one that \`dossier ingest\` uses. Targets: batch B-cubed F1 >= 0.95.
2. Pools the InputDocs of every Timeline17 collection (gold = the topic: the collection name
   before "_": bpoil, H1N1, haiti, MJ, Finan) and prints the same scores; a story may be
   narrower than a topic, but must not mix topics: target B-cubed precision >= 0.97, and
   clustering in <= 10 s. Articles with identical text count once.
No published system was run on these pools: trivial baselines (every article alone; all in
one story) are printed as reference points. Skips a data set that is not there.

Options:
  --duc DIR   default ../shared/data/duc2004/docs
  --t17 DIR   default ../shared/data/t17

Examples:
  dossier eval clusters
  npm run eval:clusters
  dossier eval clusters --duc /data/duc2004/docs --t17 /data/t17`,
  options: { duc: { type: 'string' }, t17: { type: 'string' } },
  async run(args, io) {
    const duc = resolve(io.cwd, (args.values['duc'] as string | undefined) ?? '../shared/data/duc2004/docs');
    const t17 = resolve(io.cwd, (args.values['t17'] as string | undefined) ?? '../shared/data/t17');
    if (!existsSync(duc)) io.stdout(`skipped: DUC 2004 data not found at ${duc}\n`);
    else {
      const t0 = performance.now();
      const pool = await readDuc(duc);
      const read = (performance.now() - t0) / 1000;
      io.stdout(`\n## DUC 2004 pool (${duc}; gold = topic folder; read in ${read.toFixed(1)} s)\n\n${HEAD}\n`);
      io.stdout(row('batch', evaluatePool('duc', pool)) + '\n');
      io.stdout(row('online', evaluatePool('duc', pool, { online: true })) + '\n');
      io.stdout(row('baseline: singletons', evaluatePool('duc', pool, { baseline: 'singletons' })) + '\n');
      io.stdout(row('baseline: one story', evaluatePool('duc', pool, { baseline: 'one' })) + '\n');
    }
    if (!existsSync(t17) || !existsSync(join(t17))) io.stdout(`skipped: Timeline17 data not found at ${t17}\n`);
    else {
      const t0 = performance.now();
      const pool = await readT17(t17);
      const read = (performance.now() - t0) / 1000;
      if (pool.length === 0) io.stdout(`skipped: no <collection>/InputDocs under ${t17}\n`);
      else {
        io.stdout(`\n## Timeline17 pool (${t17}; gold = topic; read in ${read.toFixed(1)} s)\n\n${HEAD}\n`);
        io.stdout(row('batch', evaluatePool('t17', pool)) + '\n');
        io.stdout(row('online', evaluatePool('t17', pool, { online: true })) + '\n');
        io.stdout(row('baseline: singletons', evaluatePool('t17', pool, { baseline: 'singletons' })) + '\n');
      }
    }
    io.stdout('\nB³ = B-cubed (per-article precision/recall, averaged); "cluster s" is wall-clock time to cluster (reading excluded), "cpu s" the CPU time it took (the honest number on a loaded machine).\n');
    return 0;
  },
};
export default command;
