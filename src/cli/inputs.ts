/**
 * What every command that reads articles shares: input options, reading with progress,
 * problem reporting on stderr, and the exit code rule (0 ok, 1 some input had problems).
 */
import { writeFile } from 'node:fs/promises';
import type { Io, Options, Parsed } from './command.js';
import { UsageError } from './command.js';
import type { AnalyzedArticle, Problem } from '../model/types.js';
import { isFailure } from '../model/problems.js';
import { readAndAnalyze, readAndPrepare } from '../pipeline.js';
import type { ReadOptions } from '../read/index.js';
import type { Doc } from '../analyze/doc.js';
import type { AnalyzeOptions } from '../analyze/index.js';
import { validDate } from '../read/meta.js';
import { progress } from './progress.js';

/** Options of every command that reads inputs. */
export const inputOptions: Options = {
  meta: { type: 'string' },
  date: { type: 'string' },
  'max-size': { type: 'string' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

/** Help lines for `inputOptions`. */
export const inputHelp = `  --meta FILE        metadata sidecar (TSV/CSV: file, published, source, title, url)
  --date YYYY-MM-DD  publication date for articles that have none
  --max-size MB      refuse files larger than this (default 64)
  --strict           exit 1 when any input had a problem (also notices such as duplicates)
  -q, --quiet        no progress or problem lines on stderr`;

/** The shared input options as reading options, checked (misuse is a UsageError). */
export function readOptionsOf(args: Parsed, io: Io): ReadOptions {
  if (args.positionals.length === 0) throw new UsageError('give at least one input: a file, a folder, or - for standard input');
  const date = args.values['date'] as string | undefined;
  if (date !== undefined && !validDate(date)) throw new UsageError(`--date must be YYYY-MM-DD, got "${date}"`);
  const maxSize = args.values['max-size'] as string | undefined;
  const mb = maxSize !== undefined ? Number(maxSize) : undefined;
  if (mb !== undefined && !(mb > 0)) throw new UsageError(`--max-size must be a positive number of megabytes, got "${maxSize}"`);
  return {
    meta: args.values['meta'] as string | undefined,
    date,
    maxBytes: mb !== undefined ? mb * 1024 * 1024 : undefined,
    readStdin: io.readStdin,
  };
}

/** Read and analyse the command's inputs with progress on a terminal (`light`: only tokens and sentences). */
export async function loadInputs(
  args: Parsed,
  io: Io,
  mode: { light?: boolean } & AnalyzeOptions = {},
): Promise<{ analyzed: AnalyzedArticle[]; docs: Doc[]; problems: Problem[] }> {
  const light = mode.light ?? false;
  const readOpts = readOptionsOf(args, io);
  const bar = progress(io, Boolean(args.values['quiet']));
  const read = light ? async (i: string[], o: Parameters<typeof readAndPrepare>[1]) => ({ analyzed: [] as AnalyzedArticle[], ...(await readAndPrepare(i, o)) }) : readAndAnalyze;
  const r = await read(args.positionals, {
    ...readOpts,
    onProgress: (d, t) => bar.update('reading', d, t),
    onAnalyzed: (d, t) => bar.update('analysing', d, t),
    analyze: { times: mode.times },
  });
  bar.done();
  return r;
}

/** Print problems to stderr and compute the exit code. */
export function finish(problems: Problem[], args: Parsed, io: Io): number {
  const quiet = Boolean(args.values['quiet']);
  if (!quiet) for (const p of problems) io.stderr(`${isFailure(p) ? 'problem' : 'note'}: [${p.code}] ${p.message}\n`);
  const strict = Boolean(args.values['strict']);
  return problems.some((p) => strict || isFailure(p)) ? 1 : 0;
}

/** Write output to `-o FILE` or stdout. */
export async function emit(out: string, args: Parsed, io: Io): Promise<void> {
  const file = args.values['output'] as string | undefined;
  if (file && file !== '-') await writeFile(file, out);
  else io.stdout(out);
}
