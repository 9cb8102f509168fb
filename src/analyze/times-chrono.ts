/**
 * Our small interface over chrono-node: its parses as spans with TimeML-style values. Used
 * for what our rules do not cover (numeric dates, clock times) and, alone, as the peer in
 * `dossier eval timebank`.
 */
import { createRequire } from 'node:module';

// chrono-node loads on first use, so commands that never resolve dates (summaries, timelines,
// --help) do not wait for it. Only its English locale is loaded (`chrono-node/en`, the same
// `casual` parser the package root re-exports): about 20 ms, against about 80 ms for the root,
// which loads all sixteen of its locales.
type Chrono = typeof import('chrono-node/en');
let chronoModule: Chrono | undefined;
const chrono = (): Chrono => (chronoModule ??= createRequire(import.meta.url)('chrono-node/en') as Chrono);
import type { TimeMention } from '../model/types.js';
import { fmtDay, parseDay, type Day } from './times-calendar.js';

/** One chrono parse: span, which components the text states, and the full implied date. */
export interface ChronoHit {
  start: number;
  end: number;
  text: string;
  certain: { year: boolean; month: boolean; day: boolean; weekday: boolean; hour: boolean };
  /** The date chrono settles on (its implied values filled from the reference date). */
  day: Day;
  hour: number;
  minute: number;
}

function refDate(published: string | undefined): Date | undefined {
  const d = parseDay(published);
  return d ? new Date(Date.UTC(d.y, d.m - 1, d.d, 12)) : undefined;
}

/** chrono-node's parses of `text` against the publication date (noon UTC of that day). */
export function chronoHits(text: string, published: string | undefined): ChronoHit[] {
  const ref = refDate(published);
  const results = chrono().parse(text, ref ? { instant: ref, timezone: 0 } : undefined);
  return results.map((r) => {
    const s = r.start;
    return {
      start: r.index,
      end: r.index + r.text.length,
      text: r.text,
      certain: {
        year: s.isCertain('year'),
        month: s.isCertain('month'),
        day: s.isCertain('day'),
        weekday: s.isCertain('weekday'),
        hour: s.isCertain('hour'),
      },
      day: { y: s.get('year') ?? 0, m: s.get('month') ?? 1, d: s.get('day') ?? 1 },
      hour: s.get('hour') ?? 0,
      minute: s.get('minute') ?? 0,
    };
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A chrono hit as a TimeML type and value, at the finest granularity chrono is sure of. */
export function chronoValue(h: ChronoHit): Pick<TimeMention, 'type' | 'value'> {
  const c = h.certain;
  if (c.hour) return { type: 'TIME', value: `${fmtDay(h.day)}T${pad(h.hour)}:${pad(h.minute)}` };
  if (c.day || c.weekday) return { type: 'DATE', value: fmtDay(h.day) };
  if (c.month) return { type: 'DATE', value: `${h.day.y}-${pad(h.day.m)}` };
  return { type: 'DATE', value: String(h.day.y) };
}

/** chrono-node alone, as a tagger: every parse with chrono's own value (the eval peer). */
export function chronoTimes(text: string, published: string | undefined): Array<Pick<TimeMention, 'start' | 'end' | 'type' | 'value'>> {
  return chronoHits(text, published).map((h) => ({ start: h.start, end: h.end, ...chronoValue(h) }));
}
