/** `dossier brief`: the main job — a report on a set of articles. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { emit, finish, inputHelp, inputOptions, loadInputs } from '../inputs.js';
import { buildBrief } from '../../brief.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderHtml } from '../../render/html.js';
import { renderJson } from '../../render/json.js';

const command: Command = {
  name: 'brief',
  summary: 'the main job: a report on the articles (md, json or self-contained html)',
  help: `Usage: dossier brief <inputs…> [--format md|json|html] [-o FILE]

A report on a set of articles about one story: the articles with source, date, dateline
and credits; the people, organisations and places across them with mentions per source;
the numbers each source gives; and every sentence cited back to its exact source words.

Options:
  --format md|json|html  Markdown (default), JSON, or one self-contained HTML page
  -o, --output FILE      write to FILE instead of standard output
${inputHelp}

Examples:
  dossier brief examples/articles --meta examples/articles.tsv
  dossier brief examples/articles --meta examples/articles.tsv --format html -o brief.html
  dossier brief feed.xml notes.jsonl --format json`,
  options: { ...inputOptions, format: { type: 'string', default: 'md' }, output: { type: 'string', short: 'o' } },
  async run(args, io) {
    const format = args.values['format'] as string;
    if (!['md', 'json', 'html'].includes(format)) throw new UsageError(`--format must be md, json or html, got "${format}"`);
    const { analyzed, docs, problems } = await loadInputs(args, io);
    const report = buildBrief(analyzed, problems, docs);
    const out = format === 'html' ? renderHtml(report) : format === 'json' ? renderJson(report) : renderMarkdown(report);
    await emit(out, args, io);
    return finish(problems, args, io);
  },
};
export default command;
