/** `dossier cluster`: group articles into stories without a store (batch use, evaluation). */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { finish, inputHelp, inputOptions } from '../inputs.js';
import { readInputs } from '../../read/index.js';
import { validDate } from '../../read/meta.js';
import { OnlineClusterer, clusterBatch, clusterOrder, storyTerms, type Assignment } from '../../story/cluster.js';

const command: Command = {
  name: 'cluster',
  summary: 'group articles into stories (no store): one {id, file, story} line per article',
  help: `Usage: dossier cluster <inputs…> [--format jsonl|md] [--online]

Groups the articles into stories by what they are about (names, places, keywords, numbers,
weighted by rarity across the inputs) and when (a story goes cold after 21 days without an
article). Batch mode (default): a precise first pass in date order, then stories merged while
their articles are on average similar enough. --online places each article once, in date
order, as \`dossier ingest\` does. Deterministic: the same inputs give the same stories.

Options:
  --format jsonl|md  jsonl: {id, file, story, similarity, shared} per article (default);
                     md: the stories with their terms and files
  --online           one online pass only (what ingest does)
  --cold-days N      a story takes no articles N days after its latest one (default 21)
${inputHelp}

Examples:
  dossier cluster ../shared/data/duc2004/docs > stories.jsonl
  dossier cluster examples/articles --meta examples/articles.tsv --format md`,
  options: { ...inputOptions, format: { type: 'string', default: 'jsonl' }, online: { type: 'boolean' }, 'cold-days': { type: 'string', default: '21' } },
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('give at least one input: a file, a folder, or - for standard input');
    const format = args.values['format'] as string;
    if (format !== 'jsonl' && format !== 'md') throw new UsageError(`--format must be jsonl or md, got "${format}"`);
    const date = args.values['date'] as string | undefined;
    if (date !== undefined && !validDate(date)) throw new UsageError(`--date must be YYYY-MM-DD, got "${date}"`);
    const coldDays = Number(args.values['cold-days']);
    if (!(coldDays > 0)) throw new UsageError(`--cold-days must be a positive number, got "${String(args.values['cold-days'])}"`);
    const { articles, problems } = await readInputs(args.positionals, { meta: args.values['meta'] as string | undefined, date, readStdin: io.readStdin });
    let assignments: Assignment[];
    let terms = new Map<string, string[]>();
    if (args.values['online']) {
      const c = new OnlineClusterer({ coldDays });
      assignments = clusterOrder(articles).map((a) => c.add(a));
      for (const s of c.stories()) terms.set(s.id, storyTerms(s, 8).map((t) => t.term));
    } else {
      const r = clusterBatch(articles, { coldDays });
      assignments = r.assignments;
      terms = new Map(r.stories.map((s) => [s.id, storyTerms(s, 8).map((t) => t.term)]));
    }
    const byId = new Map(articles.map((a) => [a.id, a]));
    if (format === 'jsonl') {
      for (const a of assignments) {
        const art = byId.get(a.article)!;
        io.stdout(JSON.stringify({ id: a.article, file: art.file ?? null, story: a.story, similarity: a.similarity, shared: a.shared }) + '\n');
      }
    } else {
      const groups = new Map<string, Assignment[]>();
      for (const a of assignments) groups.set(a.story, [...(groups.get(a.story) ?? []), a]);
      const out = [`# ${groups.size} stories from ${assignments.length} articles`, ''];
      for (const [id, members] of [...groups].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1))) {
        out.push(`## ${id} (${members.length})`, `terms: ${(terms.get(id) ?? []).join(', ')}`);
        for (const m of members) {
          const art = byId.get(m.article)!;
          out.push(`- ${art.published?.slice(0, 10) ?? 'undated'} ${art.file ?? art.id}`);
        }
        out.push('');
      }
      io.stdout(out.join('\n'));
    }
    return finish(problems, args, io);
  },
};
export default command;
