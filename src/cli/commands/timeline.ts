/** `dossier timeline`: the story's key dates, each with cited sentences saying what happened. */
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { emit, finish, inputHelp, inputOptions, loadInputs } from '../inputs.js';
import { validDate } from '../../read/meta.js';
import { buildTimeline, type TimelineOptions } from '../../story/timeline.js';
import { renderTimeline, TIMELINE_FORMATS, type TimelineFormat } from '../../story/timeline-render.js';

function positiveInt(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number of at least 1, got "${String(v)}"`);
  return n;
}

function date(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (!validDate(String(v))) throw new UsageError(`${name} must be a date YYYY-MM-DD, got "${String(v)}"`);
  return String(v);
}

const command: Command = {
  name: 'timeline',
  summary: 'key dates of the story, each with cited sentences saying what happened',
  help: `Usage: dossier timeline <inputs…> [--dates N] [--per-date K] [--from D] [--to D]
                        [--format text|md|json|html|tilse] [-o FILE]

Chooses the story's key dates from what the sentences say ("on Friday", "May 25",
"yesterday", resolved against each article's publication date) and from how much was
published each day, then gives each date 1-K sentences from the articles. Every sentence
cites its source span (article and character offsets) and the articles that report the same.

Options:
  --dates N          number of dates (default: 4-30, from the number of articles)
  --per-date K       sentences per date (default 2 for up to 20 articles, else 1)
  --from YYYY-MM-DD  first eligible date
  --to YYYY-MM-DD    last eligible date
  --format F         text (default), md, json, html, or tilse (date line, sentences,
                     32 dashes: the Timeline17 / tilse file format)
  -o, --output FILE  write to FILE instead of standard output
${inputHelp}

Examples:
  dossier timeline ../shared/seeds --meta ../shared/seeds-published.tsv
  dossier timeline articles/ --dates 10 --per-date 1 --format md -o timeline.md
  dossier timeline ../shared/data/t17/H1N1_bbc/InputDocs --from 2009-04-27 --to 2009-05-04 --format tilse`,
  options: {
    ...inputOptions,
    dates: { type: 'string' },
    'per-date': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', default: 'text' },
    output: { type: 'string', short: 'o' },
  },
  async run(args, io) {
    const format = args.values['format'] as string;
    if (!TIMELINE_FORMATS.includes(format as TimelineFormat)) {
      throw new UsageError(`--format must be one of ${TIMELINE_FORMATS.join(', ')}, got "${format}"`);
    }
    const opts: TimelineOptions = {
      dates: positiveInt(args.values['dates'], '--dates'),
      perDate: positiveInt(args.values['per-date'], '--per-date'),
      from: date(args.values['from'], '--from'),
      to: date(args.values['to'], '--to'),
    };
    if (opts.from && opts.to && opts.from > opts.to) throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`);
    // The timeline reads sentences and words only: no POS tagging or per-article analysers.
    const { docs, problems } = await loadInputs(args, io, { light: true });
    const timeline = buildTimeline(docs, opts);
    const articles = new Map(docs.map((d) => [d.article.id, d.article]));
    await emit(renderTimeline(timeline, articles, format as TimelineFormat), args, io);
    return finish(problems, args, io);
  },
};
export default command;
