/** `dossier ingest`: add articles to the store; new articles join existing stories. */
import { existsSync } from 'node:fs';
import type { Command, Io, Options, Parsed } from '../command.js';
import { UsageError } from '../command.js';
import { finish, inputHelp, inputOptions, readOptionsOf } from '../inputs.js';
import { progress } from '../progress.js';
import type { Problem } from '../../model/types.js';
import { listFiles, readInputs } from '../../read/index.js';
import { Ingestor, openStore, storePath, type IngestResult, type Store } from '../../store/index.js';

/** The `--db` option every store command takes. */
export const dbOption: Options = { db: { type: 'string' } };
export const dbHelp = `  --db PATH          the store (default $DOSSIER_DB, else ./dossier.db)`;

/** Open the command's store; `mustExist` for commands that only read. */
export function openDb(args: Parsed, io: Io, mustExist: boolean): Store {
  const path = storePath(args.values['db'] as string | undefined, io.env, io.cwd);
  if (mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new UsageError(`no store at ${path}: run \`dossier ingest <inputs…> --db ${path}\` first, or pass --db`);
  }
  return openStore(path);
}

const command: Command = {
  name: 'ingest',
  summary: 'add articles to the store (idempotent, incremental); they join existing stories',
  help: `Usage: dossier ingest <inputs…> [--db PATH] [--analyze] [--format text|jsonl]

Reads the inputs and stores every new article with its story: an article joins the most
similar story that is still warm (names, places, keywords and numbers it shares; date), or
starts a new one. The same article twice is stored once and counted as a duplicate; input
problems are stored (see \`dossier problems\`). Articles are committed in steps of --batch:
after a crash, rerun the same command to finish.

Options:
${dbHelp}
  --analyze          also analyse each article now and store the analysis (slower; by
                     default an article is analysed on first use and the result kept)
  --batch N          articles per committed step (default 200)
  --cold-days N      a story takes no articles N days after its latest one (default 21)
  --format text|jsonl  text: counts at the end (default); jsonl: one line per article
                     ({id, file, status, story, created}) as soon as its step is committed
${inputHelp}

Examples:
  dossier ingest examples/articles --meta examples/articles.tsv --db news.db
  dossier ingest ~/news/today/ --db news.db --format jsonl
  DOSSIER_DB=news.db dossier ingest feed.xml`,
  options: {
    ...inputOptions,
    ...dbOption,
    analyze: { type: 'boolean' },
    batch: { type: 'string', default: '200' },
    'cold-days': { type: 'string', default: '21' },
    format: { type: 'string', default: 'text' },
  },
  async run(args, io) {
    const readOpts = readOptionsOf(args, io);
    const format = args.values['format'] as string;
    if (format !== 'text' && format !== 'jsonl') throw new UsageError(`--format must be text or jsonl, got "${format}"`);
    const batch = Number(args.values['batch']);
    if (!Number.isInteger(batch) || batch <= 0) throw new UsageError(`--batch must be a positive whole number, got "${String(args.values['batch'])}"`);
    const quiet = Boolean(args.values['quiet']);
    const coldDays = Number(args.values['cold-days']);
    if (!(coldDays > 0)) throw new UsageError(`--cold-days must be a positive number, got "${String(args.values['cold-days'])}"`);

    const store = openDb(args, io, false);
    const t0 = performance.now();
    const counts = { read: 0, new: 0, duplicate: 0, stories: 0 };
    const allProblems: Problem[] = [];
    try {
      const ingestor = await Ingestor.open(store, {
        batchSize: batch,
        analyze: Boolean(args.values['analyze']),
        cluster: { coldDays },
        onCommitted: (rs: IngestResult[]) => {
          for (const r of rs) {
            counts[r.status]++;
            if (r.created) counts.stories++;
            if (format === 'jsonl') io.stdout(JSON.stringify(r) + '\n');
          }
        },
      });
      const listProblems: Problem[] = [];
      const files = await listFiles(args.positionals, listProblems);
      allProblems.push(...listProblems);
      await ingestor.add([], listProblems);
      const bar = progress(io, quiet);
      // Read a few hundred files at a time: memory stays flat however many there are.
      for (let i = 0; i < files.length; i += batch) {
        const chunk = files.slice(i, i + batch);
        const r = await readInputs(chunk, readOpts);
        counts.read += r.articles.length;
        // Within-chunk repeats are read once by readInputs: count them as duplicates here.
        const dups = r.problems.filter((p) => p.code === 'duplicate');
        counts.read += dups.length;
        counts.duplicate += dups.length;
        allProblems.push(...r.problems);
        await ingestor.add(r.articles, r.problems);
        bar.update('ingesting', Math.min(files.length, i + batch), files.length);
      }
      bar.done();
    } finally {
      await store.close();
    }
    const secs = (performance.now() - t0) / 1000;
    const failures = allProblems.filter((p) => p.code !== 'duplicate').length;
    const line =
      `read ${counts.read} · new ${counts.new} · duplicate ${counts.duplicate} · problems ${failures}` +
      ` · new stories ${counts.stories} · ${secs.toFixed(1)} s (${(counts.read / Math.max(secs, 1e-3)).toFixed(0)} articles/s)\n`;
    if (format === 'text') io.stdout(line);
    else if (!quiet) io.stderr(line);
    return finish(allProblems, args, io);
  },
};
export default command;
