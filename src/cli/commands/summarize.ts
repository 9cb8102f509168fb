/** `dossier summarize`: a cited extractive summary of the articles of one story. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { emit, finish, inputHelp, inputOptions, loadInputs } from '../inputs.js';
import { summarize } from '../../story/summary.js';
import { summaryHtml, summaryJson, summaryMarkdown, summaryText } from '../../story/summary-render.js';

const FORMATS = ['text', 'md', 'json', 'html'];

const command: Command = {
  name: 'summarize',
  summary: 'a cited extractive summary: whole source sentences, each with its source and corroborating sources',
  help: `Usage: dossier summarize <inputs…> [--words N | --sentences N] [--format text|md|json|html] [-o FILE]

Picks whole sentences from the articles that together cover what most sources report, without
repeating themselves, skipping sentences that need missing context (questions, quotes cut
from their speaker, sentences opening with "But", "He", "It" ...). Sentences are ordered by
article date, then position. Each cites its source sentence (article and character span) and
lists the sentences of other articles that say nearly the same ("reported by 3 of 5 sources").

Options:
  --words N           word budget (default 100); the summary stays within it
  --sentences N       pick N sentences instead of a word budget
  --fill              end with one more sentence that runs past the budget, to be cut at
                      the budget by an evaluation (DUC style)
  --format FMT        text (one sentence per line, default), md, json or html
  -o, --output FILE   write to FILE instead of standard output
${inputHelp}

Examples:
  dossier summarize examples/articles --meta examples/articles.tsv
  dossier summarize ../shared/seeds --meta ../shared/seeds-published.tsv --format md
  dossier summarize story/*.html --sentences 5 --format html -o summary.html`,
  options: {
    ...inputOptions,
    words: { type: 'string' },
    sentences: { type: 'string' },
    fill: { type: 'boolean' },
    format: { type: 'string', default: 'text' },
    output: { type: 'string', short: 'o' },
  },
  async run(args, io) {
    const format = args.values['format'] as string;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    const wordsArg = args.values['words'] as string | undefined;
    const sentencesArg = args.values['sentences'] as string | undefined;
    if (wordsArg !== undefined && sentencesArg !== undefined) throw new UsageError('give --words or --sentences, not both');
    const count = (name: string, v: string | undefined) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, got "${v}"`);
      return n;
    };
    const words = count('words', wordsArg);
    const sentences = count('sentences', sentencesArg);
    const { analyzed, problems } = await loadInputs(args, io);
    const summary = summarize(analyzed, { words, sentences, fill: Boolean(args.values['fill']) });
    const out =
      format === 'md'
        ? summaryMarkdown(summary, analyzed)
        : format === 'json'
          ? summaryJson(summary, analyzed)
          : format === 'html'
            ? summaryHtml(summary, analyzed)
            : summaryText(summary);
    await emit(out, args, io);
    return finish(problems, args, io);
  },
};
export default command;
