/**
 * chrono-node alone, as a tagger of temporal expressions: the peer our time tagger is scored
 * beside in `dossier eval timebank`. Its parses become spans with TimeML-style values. (The
 * analysis does not use it: the rules of times-rules.ts and times-numeric.ts cover what it read.)
 */
import { createRequire } from 'node:module';

// Loaded on first use, and only its English locale (`chrono-node/en`, the same `casual` parser
// the package root re-exports): about 20 ms, against about 80 ms for the root, which loads all
// sixteen of its locales.
type Chrono = typeof import('chrono-node/en');
let chronoModule: Chrono | undefined;
const chrono = (): Chrono => (chronoModule ??= createRequire(import.meta.url)('chrono-node/en') as Chrono);
import type { TimeMention } from '../model/types.js';
import { fmtDay, parseDay, type Day } from '../analyze/times-calendar.js';

/** One chrono parse: span, which components the text states, and the full implied date. */
interface ChronoHit {
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
function chronoHits(text: string, published: string | undefined): ChronoHit[] {
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
function chronoValue(h: ChronoHit): Pick<TimeMention, 'type' | 'value'> {
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
