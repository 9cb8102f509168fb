/** `dossier eval polnear`: attribution (quote + speaker) scores on PolNeAR. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { checkSeedQuotes, formatScores, polnearErrors, readPolnear, runPolnear } from '../../eval/polnear.js';
import { readInputs } from '../../read/index.js';
import { analyzeArticle } from '../../analyze/index.js';
import { mergeQuotes } from '../../story/quotes.js';
import { prepare } from '../../analyze/doc.js';
import { findNames } from '../../analyze/names.js';
import { findQuotes } from '../../analyze/quotes.js';

const command: Command = {
  name: 'eval polnear',
  summary: 'score quotes and reported speech with their speakers on PolNeAR',
  help: `Usage: dossier eval polnear [DIR] [--errors FILE]

Reads PolNeAR (DIR/text/*.txt and DIR/attributions/<name>_<annotator>.ann, brat standoff;
where a text has several annotators the first .ann in name order is used) and scores
Dossier's attributions against the gold ones, one-to-one:
  content         our content covers at least half of the gold content's characters and
                  at least half of ours lies within the gold content's extent
  content+source  as above, and our speaker mention overlaps the gold Source (or neither
                  has one)
for all attributions, for direct quotes (content begins or ends with a quote mark) and for
the rest. Prints precision, recall, F1 and the counts, and the time spent finding quotes.

Options:
  DIR              default ../shared/data/polnear/dev (train is there too)
  --errors FILE    write every missed, wrongly attributed or extra attribution to FILE (TSV)
  --seeds DIR      seed articles for the issue's checks (default ../shared/seeds; skipped
                   when absent): every listed quote found with its speaker, and the quote
                   "How many peaceful civilians…" merged across articles 000 and 001
  --published TSV  their publication dates (default ../shared/seeds-published.tsv)

Examples:
  dossier eval polnear
  dossier eval polnear ../shared/data/polnear/train --errors /tmp/polnear-errors.tsv
  npm run eval:polnear`,
  options: { errors: { type: 'string' }, seeds: { type: 'string' }, published: { type: 'string' } },
  async run(args, io) {
    const dir = resolve(io.cwd, args.positionals[0] ?? '../shared/data/polnear/dev');
    await seedChecks(
      resolve(io.cwd, (args.values['seeds'] as string | undefined) ?? '../shared/seeds'),
      resolve(io.cwd, (args.values['published'] as string | undefined) ?? '../shared/seeds-published.tsv'),
      io.stdout,
    );
    if (!existsSync(dir)) {
      io.stdout(`skipped: PolNeAR not found at ${dir}\n`);
      return 0;
    }
    const docs = readPolnear(dir);
    if (!docs || docs.length === 0) {
      io.stdout(`skipped: no PolNeAR documents (text/*.txt with attributions/*.ann) found in ${dir}\n`);
      return 0;
    }
    const { scores, ms, items } = runPolnear(docs, (article) => {
      const doc = prepare(article);
      return findQuotes(doc, findNames(doc));
    });
    io.stdout(`PolNeAR ${dir}\n${formatScores(scores)}\n`);
    io.stdout(`tokens, names and quotes: ${ms.toFixed(0)} ms for ${docs.length} documents (${(docs.length / (ms / 1000)).toFixed(0)} documents/s)\n`);
    const errors = args.values['errors'] as string | undefined;
    if (errors) {
      await writeFile(resolve(io.cwd, errors), polnearErrors(items));
      io.stdout(`errors written to ${errors}\n`);
    }
    return 0;
  },
};
async function seedChecks(seeds: string, published: string, out: (s: string) => void): Promise<void> {
  if (!existsSync(seeds)) {
    out(`seed checks skipped: ${seeds} not found\n`);
    return;
  }
  const { articles } = await readInputs([seeds], existsSync(published) ? { meta: published } : {});
  const analyzed = articles.map(analyzeArticle);
  const r = checkSeedQuotes(analyzed.map((a) => ({ file: a.file ?? a.id, text: a.text, quotes: a.quotes })));
  out(`Seed checks (${seeds}): quotes found ${r.found}/${r.total}, speaker right ${r.right}/${r.total}\n${r.lines.join('\n')}\n`);
  const merged = mergeQuotes(analyzed).find((q) => q.sources.some((s) => analyzed.find((a) => a.id === s.article)?.text.slice(s.content.start, s.content.end).includes('How many peaceful civilians')));
  const files = merged ? [...new Set(merged.sources.map((s) => (analyzed.find((a) => a.id === s.article)?.file ?? s.article).split(/[\\/]/).pop()!.slice(0, 3)))].sort() : [];
  out(`  merged across articles: "How many peaceful civilians…" → ${files.length ? files.join(' + ') : 'not found'}${merged ? `, speaker ${merged.speaker || '(none)'}` : ''}\n\n`);
}

export default command;
