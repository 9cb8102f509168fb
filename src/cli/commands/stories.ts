/** `dossier stories`: the stories in the store, with why they hold together. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { validDate } from '../../read/meta.js';
import { reclusterStore, type StoryInfo, type StoryMember } from '../../store/index.js';
import { storyTerms } from '../../story/cluster.js';
import { dbHelp, dbOption, openDb } from './ingest.js';

function range(s: { first?: string; last?: string }): string {
  if (!s.first) return 'undated';
  return s.first === s.last ? s.first : `${s.first} – ${s.last}`;
}

function storyLines(stories: StoryInfo[]): string {
  if (stories.length === 0) return 'No stories.\n';
  const out = [`# Stories (${stories.length})`, ''];
  for (const s of stories) {
    out.push(`## ${s.title}`);
    out.push(`${s.id} · ${range(s)} · ${s.articles} article${s.articles === 1 ? '' : 's'} · ${s.sources} source${s.sources === 1 ? '' : 's'}`);
    out.push(`terms: ${s.terms.slice(0, 8).map((t) => t.term).join(', ')}`);
    out.push('');
  }
  return out.join('\n');
}

function whyLines(s: StoryInfo, terms: Array<{ term: string; weight: number }>, members: StoryMember[]): string {
  const out = [`# ${s.title}`, '', `${s.id} · ${range(s)} · ${s.articles} articles · ${s.sources} sources`, ''];
  out.push('## What holds it together', '', '| term | weight |', '|---|---|');
  for (const t of terms) out.push(`| ${t.term} | ${t.weight.toFixed(3)} |`);
  out.push('', '## Articles', '');
  for (const m of members) {
    const head = `${m.published?.slice(0, 10) ?? 'undated'} · ${m.title ?? m.file ?? m.id}${m.source ? ` (${m.source})` : ''}`;
    const why = m.shared.length ? `joined at similarity ${m.similarity.toFixed(2)}, sharing: ${m.shared.join(', ')}` : 'started the story';
    out.push(`- ${head} — ${why}  [${m.id}${m.file ? ` ${m.file}` : ''}]`);
  }
  return out.join('\n') + '\n';
}

const command: Command = {
  name: 'stories',
  summary: 'list the stories in the store (title, dates, articles, sources); --why ID explains one',
  help: `Usage: dossier stories [--db PATH] [--since YYYY-MM-DD] [--limit N] [--format md|json]
       dossier stories --why STORY_ID [--db PATH] [--format md|json]
       dossier stories --recluster [--db PATH]

Lists the stories in the store, most recent first: a generated title (the member headline
that best covers the story's terms), the date range, and article and source counts.
--why shows the terms that hold a story together and, for each article, the similarity
and shared terms with which it joined. --recluster re-clusters the whole store in one batch
(term rarity from the whole collection, then group-average merging) and lists the result.
Safe to run while an ingest is writing.

Options:
${dbHelp}
  --since DATE       only stories with an article on or after DATE
  --limit N          at most N stories
  --why ID           explain one story
  --recluster        batch re-clustering of the whole store first
  --format md|json   Markdown (default) or JSON

Examples:
  dossier stories --db news.db --since 2012-06-01
  dossier stories --db news.db --why s0a1b2c3d4e5f
  dossier stories --db news.db --recluster --format json`,
  options: {
    ...dbOption,
    since: { type: 'string' },
    limit: { type: 'string' },
    why: { type: 'string' },
    recluster: { type: 'boolean' },
    format: { type: 'string', default: 'md' },
  },
  async run(args, io) {
    const format = args.values['format'] as string;
    if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, got "${format}"`);
    const since = args.values['since'] as string | undefined;
    if (since !== undefined && !validDate(since)) throw new UsageError(`--since must be YYYY-MM-DD, got "${since}"`);
    const limitArg = args.values['limit'] as string | undefined;
    const limit = limitArg !== undefined ? Number(limitArg) : undefined;
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError(`--limit must be a positive whole number, got "${limitArg}"`);
    const store = openDb(args, io, true);
    try {
      const why = args.values['why'] as string | undefined;
      if (why) {
        const s = await store.story(why);
        const state = await store.storyState(why);
        if (!s || !state) {
          io.stderr(`dossier stories: no story ${why} in the store (see \`dossier stories\`)\n`);
          return 1;
        }
        const terms = storyTerms(state, 20);
        const members = await store.storyMembers(why);
        io.stdout(format === 'json' ? JSON.stringify({ ...s, terms, members }, null, 2) + '\n' : whyLines(s, terms, members));
        return 0;
      }
      if (args.values['recluster']) {
        const r = await reclusterStore(store);
        io.stderr(`re-clustered ${r.articles} articles into ${r.stories} stories\n`);
      }
      const stories = await store.stories({ since, limit });
      io.stdout(format === 'json' ? JSON.stringify(stories, null, 2) + '\n' : storyLines(stories) + '\n');
      return 0;
    } finally {
      await store.close();
    }
  },
};
export default command;
