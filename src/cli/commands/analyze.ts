/** `dossier analyze`: one JSON object per article with every span-based analysis. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { emit, finish, inputHelp, inputOptions, loadInputs } from '../inputs.js';

const command: Command = {
  name: 'analyze',
  summary: 'per-article analysis as JSON: sentences, names, numbers, times, quotes',
  help: `Usage: dossier analyze <inputs…> [--format jsonl|json] [-o FILE]

Prints one JSON object per article: {id, file, source, title, published, dateline,
credits, text, sentences, names, numbers, times, quotes, problems}. Every analysis is a
span {start, end} of JavaScript string offsets into "text".

Options:
  --format jsonl|json  one object per line (default) or one JSON array
  -o, --output FILE    write to FILE instead of standard output
${inputHelp}

Examples:
  dossier analyze examples/articles --meta examples/articles.tsv
  dossier analyze story.html --format json -o story.json
  cat article.txt | dossier analyze - --date 2012-06-01`,
  options: { ...inputOptions, format: { type: 'string', default: 'jsonl' }, output: { type: 'string', short: 'o' } },
  async run(args, io) {
    const format = args.values['format'] as string;
    if (format !== 'jsonl' && format !== 'json') throw new UsageError(`--format must be jsonl or json, got "${format}"`);
    const { analyzed, problems } = await loadInputs(args, io);
    // The analysis as it is, with sentences shown as spans (their token ranges are internal).
    const rows = analyzed.map((a) => ({ ...a, sentences: a.sentences.map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph })) }));
    const out = format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
    await emit(out, args, io);
    return finish(problems, args, io);
  },
};
export default command;
