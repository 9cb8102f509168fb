/** `dossier search`: full-text search over the stored articles, with their stories. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { dbHelp, dbOption, openDb } from './ingest.js';

const command: Command = {
  name: 'search',
  summary: 'full-text search of the stored articles, with snippets and their stories',
  help: `Usage: dossier search QUERY [--db PATH] [--limit N] [--format md|json]

Searches titles and texts of the stored articles (SQLite FTS5: words are ANDed; "exact
phrase", OR, NOT and prefix* work). Prints the best matches with a snippet (matched words
in [brackets]) and the story each belongs to. Safe to run while an ingest is writing.

Options:
${dbHelp}
  --limit N          at most N hits (default 20)
  --format md|json   Markdown (default) or JSON

Examples:
  dossier search "Houla massacre" --db news.db
  dossier search 'Annan AND Putin' --db news.db --format json
  dossier search 'ceasefire*' --limit 5`,
  options: { ...dbOption, limit: { type: 'string', default: '20' }, format: { type: 'string', default: 'md' } },
  async run(args, io) {
    const query = args.positionals.join(' ').trim();
    if (!query) throw new UsageError('give a query: dossier search "words to find"');
    const format = args.values['format'] as string;
    if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, got "${format}"`);
    const limit = Number(args.values['limit']);
    if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit must be a positive whole number, got "${String(args.values['limit'])}"`);
    const store = openDb(args, io, true);
    try {
      const hits = await store.search(query, { limit });
      if (format === 'json') io.stdout(JSON.stringify(hits, null, 2) + '\n');
      else if (hits.length === 0) io.stdout(`No matches for ${JSON.stringify(query)}.\n`);
      else {
        const out = [`# ${hits.length} match${hits.length === 1 ? '' : 'es'} for ${JSON.stringify(query)}`, ''];
        for (const h of hits) {
          out.push(`- ${h.published?.slice(0, 10) ?? 'undated'} · ${h.title ?? h.file ?? h.id}  [${h.id}]`);
          out.push(`  ${h.snippet}`);
          if (h.story) out.push(`  story: ${h.storyTitle ?? ''} (${h.story})`);
        }
        io.stdout(out.join('\n') + '\n');
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
export default command;
