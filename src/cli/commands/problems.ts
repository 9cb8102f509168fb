/** `dossier problems`: the input problems the store has met, never silently dropped. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { isFailure } from '../../model/problems.js';
import { dbHelp, dbOption, openDb } from './ingest.js';

const command: Command = {
  name: 'problems',
  summary: 'list the problems met while ingesting (bad files, duplicates, failed analyses)',
  help: `Usage: dossier problems [--db PATH] [--format md|json]

Every problem an ingest met (unreadable or empty files, bad feeds, duplicates within one
input, dates that could not be read ...), with how many times it was met. Exits 1 when any
is a failure (not only a notice).

Options:
${dbHelp}
  --format md|json   Markdown (default) or JSON

Examples:
  dossier problems --db news.db
  dossier problems --format json`,
  options: { ...dbOption, format: { type: 'string', default: 'md' } },
  async run(args, io) {
    const format = args.values['format'] as string;
    if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, got "${format}"`);
    const store = openDb(args, io, true);
    try {
      const ps = await store.problems();
      if (format === 'json') io.stdout(JSON.stringify(ps, null, 2) + '\n');
      else if (ps.length === 0) io.stdout('No problems.\n');
      else {
        const out = [`# Problems (${ps.length})`, ''];
        for (const p of ps) out.push(`- ${isFailure(p) ? 'problem' : 'note'} [${p.code}] ${p.message}${p.seen > 1 ? ` (×${p.seen})` : ''}`);
        io.stdout(out.join('\n') + '\n');
      }
      return ps.some(isFailure) ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
export default command;
