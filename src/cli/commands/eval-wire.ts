/** `dossier eval wire`: how many DUC 2004 article pairs are flagged as wire copies, with pairs to check by hand. */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { readInputs } from '../../read/index.js';
import { prepare } from '../../analyze/doc.js';
import { wireTopic, type WireTopicResult } from '../../eval/wire.js';

const command: Command = {
  name: 'eval wire',
  summary: 'wire copies between the articles of each DUC 2004 topic: counts, timing, pairs to check by hand',
  help: `Usage: dossier eval wire [ROOT] [--show N]

For each topic folder ROOT/docs/<topic>/, reads the articles, finds the text every pair of
articles shares (dossier compare's shared-text stage) and counts the pairs judged "same wire
copy" and "heavily shared". Prints a table per topic, the totals, the time the shared-text
stage took, and N flagged pairs (spread over the topics) with their shares and first passage,
for checking by hand. DUC has no gold labels for reuse: the count is a measurement, not a score.

Options:
  ROOT       default ../shared/data/duc2004
  --show N   flagged pairs to print for checking (default 10)

Examples:
  dossier eval wire
  dossier eval wire ../shared/data/duc2004 --show 20
  npm run eval:wire`,
  options: { show: { type: 'string', default: '10' } },
  async run(args, io) {
    const root = resolve(io.cwd, args.positionals[0] ?? '../shared/data/duc2004');
    const docs = join(root, 'docs');
    if (!existsSync(docs)) {
      io.stdout(`skipped: DUC 2004 data not found at ${docs}\n`);
      return 0;
    }
    const show = Number(args.values['show']);
    if (!Number.isInteger(show) || show < 0) throw new UsageError(`--show must be a whole number, got "${String(args.values['show'])}"`);
    const topics = readdirSync(docs).filter((d) => !d.startsWith('.')).sort();
    const results: WireTopicResult[] = [];
    const names = new Map<string, string>();
    const texts = new Map<string, string>();
    let ms = 0;
    for (const t of topics) {
      const { articles } = await readInputs([join(docs, t)]);
      const inputs = articles.map((a) => {
        names.set(a.id, `${t}/${basename(a.file ?? a.id)}`);
        texts.set(a.id, a.text);
        return { id: a.id, text: a.text, sentences: prepare(a).sentences };
      });
      const t0 = performance.now();
      results.push(wireTopic(t, inputs));
      ms += performance.now() - t0;
    }
    const out: string[] = [];
    out.push('| topic | articles | pairs | same wire copy | heavily shared | independent (some passage) |', '|---|---:|---:|---:|---:|---:|');
    for (const r of results) out.push(`| ${r.topic} | ${r.articles} | ${r.pairs} | ${r.wire} | ${r.heavy} | ${r.independent} |`);
    const sum = (f: (r: WireTopicResult) => number) => results.reduce((n, r) => n + f(r), 0);
    out.push(`| all | ${sum((r) => r.articles)} | ${sum((r) => r.pairs)} | ${sum((r) => r.wire)} | ${sum((r) => r.heavy)} | ${sum((r) => r.independent)} |`, '');
    out.push(`shared-text stage: ${ms.toFixed(0)} ms for ${results.length} topics`, '');
    // Spread the pairs to check over topics: round-robin over the topics' flagged pairs.
    const picked: Array<{ topic: string; pair: WireTopicResult['flagged'][number] }> = [];
    for (let round = 0; picked.length < show && round < 50; round++) {
      let any = false;
      for (const r of results) {
        const p = r.flagged[round];
        if (!p || picked.length >= show) continue;
        picked.push({ topic: r.topic, pair: p });
        any = true;
      }
      if (!any) break;
    }
    for (const { pair: p } of picked) {
      const x = p.passages[0]!;
      const words = p.passages.reduce((n, q) => n + q.words, 0);
      out.push(`${names.get(p.a)} ~ ${names.get(p.b)}: ${p.verdict}, ${Math.round(p.shareA * 100)}% / ${Math.round(p.shareB * 100)}% shared, ${p.passages.length} passages, ${words} words`);
      const text = texts.get(p.a)!.slice(x.a.start, x.a.end).replace(/\s+/g, ' ');
      out.push(`  first passage: ${text.length > 200 ? text.slice(0, 200) + '…' : text}`);
    }
    io.stdout(out.join('\n') + '\n');
    return 0;
  },
};
export default command;
