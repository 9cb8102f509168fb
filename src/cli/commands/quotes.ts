/** `dossier quotes`: who said what across the inputs, grouped by speaker, with sources. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { emit, finish, inputHelp, inputOptions, loadInputs } from '../inputs.js';
import { mergeQuotes, quotesBySpeaker } from '../../story/quotes.js';
import { quotesHtml, quotesJson, quotesMarkdown } from '../../story/quotes-render.js';

const command: Command = {
  name: 'quotes',
  summary: 'who said what: quotes and reported speech grouped by speaker, merged across sources',
  help: `Usage: dossier quotes <inputs…> [--format md|json|html] [-o FILE]

Finds direct quotes and reported speech in every article with their speakers ("he said"
and "the minister said" resolved to the person named before), merges the same words
reported by several outlets into one quote listing every source and wording, and prints
them grouped by speaker. Each report cites its article and the character span.

Options:
  --format md|json|html  output format (default md)
  --speaker NAME         only speakers whose name contains NAME (case-insensitive)
  -o, --output FILE      write to FILE instead of standard output
${inputHelp}

Examples:
  dossier quotes ../shared/seeds --meta ../shared/seeds-published.tsv
  dossier quotes examples/articles --format json -o quotes.json
  dossier quotes story/*.txt --speaker putin --format html`,
  options: {
    ...inputOptions,
    format: { type: 'string', default: 'md' },
    speaker: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  async run(args, io) {
    const format = args.values['format'] as string;
    if (!['md', 'markdown', 'json', 'html'].includes(format)) throw new UsageError(`--format must be md, json or html, got "${format}"`);
    const { analyzed, problems } = await loadInputs(args, io);
    let groups = quotesBySpeaker(mergeQuotes(analyzed));
    const who = (args.values['speaker'] as string | undefined)?.toLowerCase();
    if (who) groups = groups.filter((g) => g.speaker.toLowerCase().includes(who));
    const out = format === 'json' ? quotesJson(groups, analyzed) : format === 'html' ? quotesHtml(groups, analyzed) : quotesMarkdown(groups, analyzed);
    await emit(out, args, io);
    return finish(problems, args, io);
  },
};
export default command;
