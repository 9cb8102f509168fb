/** `dossier brief`: the main job — a report on a set of articles. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { emit, finish, inputHelp, inputOptions, loadInputs } from '../inputs.js';
import { buildBrief } from '../../brief.js';
import { dbHelp, dbOption, openDb } from './ingest.js';
import { storeDigest, storyBrief } from '../../store/index.js';
import type { Report } from '../../model/report.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderHtml } from '../../render/html.js';
import { renderJson } from '../../render/json.js';

const command: Command = {
  name: 'brief',
  summary: 'the main job: a report on the articles (md, json or self-contained html)',
  help: `Usage: dossier brief <inputs…> [--format md|json|html] [-o FILE]
       dossier brief --story ID [--db PATH] [--format md|json|html]
       dossier brief --digest [--db PATH] [--limit N] [--since YYYY-MM-DD]

A report on a set of articles about one story: the articles with source, date, dateline
and credits; the people, organisations and places across them with mentions per source;
the numbers each source gives; and every sentence cited back to its exact source words.

Options:
  --format md|json|html  Markdown (default), JSON, or one self-contained HTML page
  -o, --output FILE      write to FILE instead of standard output
  --story ID             report one story of the store (see \`dossier stories\`)
  --digest               a digest of the latest stories of the store (also: --db without inputs)
  --limit N              stories in the digest (default 10)
  --since YYYY-MM-DD     only stories active since this date (digest)
${dbHelp}
${inputHelp}

Examples:
  dossier brief examples/articles --meta examples/articles.tsv
  dossier brief examples/articles --meta examples/articles.tsv --format html -o brief.html
  dossier brief feed.xml notes.jsonl --format json
  dossier brief --db news.db --story s0a1b2c3d4e5f --format html -o story.html
  dossier brief --db news.db --digest --since 2026-03-01`,
  options: {
    ...inputOptions,
    ...dbOption,
    format: { type: 'string', default: 'md' },
    output: { type: 'string', short: 'o' },
    story: { type: 'string' },
    digest: { type: 'boolean' },
    limit: { type: 'string' },
    since: { type: 'string' },
  },
  async run(args, io) {
    const format = args.values['format'] as string;
    if (!['md', 'json', 'html'].includes(format)) throw new UsageError(`--format must be md, json or html, got "${format}"`);
    const fromStore = args.positionals.length === 0 && (args.values['story'] !== undefined || args.values['digest'] || args.values['db'] !== undefined);
    let report: Report;
    let problems: Report['problems'] = [];
    if (fromStore) {
      const store = openDb(args, io, true);
      try {
        const storyId = args.values['story'] as string | undefined;
        if (storyId !== undefined) {
          const story = await storyBrief(store, storyId);
          if (!story) throw new UsageError(`no story ${storyId} in the store: \`dossier stories\` lists them`);
          report = story;
        } else {
          const limit = Number(args.values['limit'] ?? 10);
          if (!(limit > 0)) throw new UsageError('--limit must be a positive number');
          const since = args.values['since'] as string | undefined;
          report = await storeDigest(store, { limit, ...(since ? { since } : {}) });
        }
      } finally {
        await store.close();
      }
    } else {
      const loaded = await loadInputs(args, io);
      problems = loaded.problems;
      report = buildBrief(loaded.analyzed, problems, loaded.docs);
    }
    const out = format === 'html' ? renderHtml(report) : format === 'json' ? renderJson(report) : renderMarkdown(report);
    await emit(out, args, io);
    return finish(problems, args, io);
  },
};
export default command;
