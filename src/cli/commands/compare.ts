/** `dossier compare`: how the sources of one story differ and overlap. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { emit, finish, inputHelp, inputOptions, loadInputs } from '../inputs.js';
import { compareArticles } from '../../story/compare.js';
import { renderCompareMarkdown } from '../../render/compare-markdown.js';
import { renderCompareHtml } from '../../render/compare-html.js';

const command: Command = {
  name: 'compare',
  summary: 'compare sources: wire copy, figures that differ, conflicting claims, coverage',
  help: `Usage: dossier compare <inputs…> [--format md|json|html] [-o FILE]

Compares the articles of one story:
  shared text   passages two articles share word for word (wire copy), the share of each
                article they make up, and a verdict: same wire copy, heavily shared, independent
  figures       numbers about the same quantity (people killed in Houla; the death toll in
                Syria) as each source gives them, with attribution, hedge and date, ordered by
                date, and whether they agree, grew over time, or differ
  conflicts     the same question answered differently (who is responsible for an attack),
                each side in its exact words with actor and source
  coverage      facts reported by several articles, facts only one article reports, and a
                source × fact matrix (SVG in HTML)
Every line points back to its source: spans are character offsets into the article text.

Options:
  --format md|json|html  Markdown (default), JSON, or one self-contained HTML page
  -o, --output FILE      write to FILE instead of standard output
${inputHelp}

Examples:
  dossier compare examples/articles --meta examples/articles.tsv
  dossier compare ../shared/seeds --meta ../shared/seeds-published.tsv --format html -o compare.html
  dossier compare story/*.txt --format json | jq '.shared[] | select(.verdict != "independent")'`,
  options: { ...inputOptions, format: { type: 'string', default: 'md' }, output: { type: 'string', short: 'o' } },
  async run(args, io) {
    const format = args.values['format'] as string;
    if (!['md', 'json', 'html'].includes(format)) throw new UsageError(`--format must be md, json or html, got "${format}"`);
    // Comparison reads names, numbers and quotes; it does not need temporal expressions.
    const { analyzed, problems } = await loadInputs(args, io, { times: false });
    const c = compareArticles(analyzed);
    const out = format === 'html' ? renderCompareHtml(c) : format === 'json' ? JSON.stringify(c, null, 2) + '\n' : renderCompareMarkdown(c);
    await emit(out, args, io);
    return finish(problems, args, io);
  },
};
export default command;
