/**
 * Day-level date references in a sentence, resolved against the article's publication date:
 * explicit dates (`May 25`, `25 May 2012`, `2012-05-25`), weekdays (`on Friday`) and
 * `yesterday` / `today` / `tomorrow` / `last night`. Only what names a single calendar day;
 * weeks, months and years are not timeline days. A small resolver of our own for the timeline,
 * used where the shared time analyser gives nothing.
 */
import type { Span } from '../model/types.js';

/** A reference to one calendar day. */
export interface DayRef extends Span {
  /** `YYYY-MM-DD`. */
  date: string;
  kind: 'explicit' | 'weekday' | 'relative';
  /** Said of a day to come (a plan or forecast), not of something that happened. */
  future?: boolean;
  /** The day only anchors something else (`since the April 20 blast`): the sentence is not about it. */
  anchor?: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

// Month names must be capitalised (`may` the verb, `march` the walk).
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)';
const YEAR = '(?:,?\\s+((?:19|20)\\d\\d)(?!\\d))?';
const WD = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
const MONTH_DAY = new RegExp(`\\b${WD}${MONTH}\\s+${DAY}${YEAR}`, 'g');
const DAY_MONTH = new RegExp(`\\b${WD}${DAY}\\s+(?:of\\s+)?${MONTH}${YEAR}`, 'g');
const ISO = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g;
const WEEKDAY = /\b(?:(next|last|this|on|from|until|since|by|early|late)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)(?!\s*,?\s+(?:\d|January|February|March|April|May|June|July|August|September|October|November|December))/g;
const RELATIVE = /\b(yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b/gi;
// A month and day used as the name of an event or an anniversary ("the Sept. 11 attacks",
// "a Sept. 11-style attack", "the July 4 holiday") rather than a day of this story.
const NAMED_DAY = /^(?:-style|\s*(?:attacks?|anniversary|hijack\w*|terror\w*|commission|holiday|weekend)\b)/i;
// A day used as the reference point of something else: `since the April 20 explosion`.
const ANCHOR = /\b(?:since|after|before|until|following|ahead of|prior to)\s+(?:the\s+|an?\s+|its\s+|last\s+)?(?:\S+\s+){0,1}$/i;
// Words before a weekday that make it an upcoming day rather than a past one.
const FUTURE = /\b(will|'ll|shall|is to|are to|is due|are due|due to|scheduled|expected to|likely to|plans? to|set to|going to)\b/i;

// Cheap test: a sentence without a digit or a day word names no day (most sentences).
const MAYBE_DAY = /\d|day|night|tomorrow|morning|afternoon|evening/i;

const DAY_MS = 86400000;

function ymd(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const x = new Date(t);
  return x.getUTCMonth() === m - 1 && x.getUTCDate() === d ? t : undefined;
}

/** Parse `YYYY-MM-DD` (or the date part of an ISO date-time) to a UTC day start. */
export function dayTime(date: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  return m ? utc(+m[1]!, +m[2]!, +m[3]!) : undefined;
}

/** Shift a `YYYY-MM-DD` date by whole days. */
export function addDays(date: string, days: number): string {
  return ymd(dayTime(date)! + days * DAY_MS);
}

/** Days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayTime(b)! - dayTime(a)!) / DAY_MS);
}

/** A month and day without a year: the year that puts it nearest the publication date. */
function nearestYear(month: number, day: number, pub: number | undefined): number | undefined {
  if (pub === undefined) return undefined;
  const y = new Date(pub).getUTCFullYear();
  let best: number | undefined;
  for (const cand of [y - 1, y, y + 1]) {
    const t = utc(cand, month, day);
    if (t === undefined) continue;
    // a small bias towards the past: news mostly reports what happened
    const cost = Math.abs(t - pub) + (t > pub ? 30 * DAY_MS : 0);
    if (best === undefined || cost < Math.abs(best - pub) + (best > pub ? 30 * DAY_MS : 0)) best = t;
  }
  return best;
}

/**
 * Day references inside `text[from, to)`, with offsets into `text`, resolved against
 * `published` (`YYYY-MM-DD`). References that need the publication date are skipped
 * when it is unknown.
 */
export function findDayRefs(text: string, from: number, to: number, published?: string): DayRef[] {
  const s = text.slice(from, to);
  if (!MAYBE_DAY.test(s)) return [];
  const pub = dayTime(published);
  const out: DayRef[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const add = (a: number, b: number, t: number | undefined, kind: DayRef['kind']) => {
    if (t === undefined || !free(a, b)) return;
    taken.push([a, b]);
    const future = (pub !== undefined && t > pub) || FUTURE.test(s.slice(0, a));
    const anchor = ANCHOR.test(s.slice(Math.max(0, a - 40), a));
    out.push({ start: from + a, end: from + b, date: ymd(t), kind, ...(future ? { future } : {}), ...(anchor ? { anchor } : {}) });
  };

  for (const m of s.matchAll(ISO)) add(m.index!, m.index! + m[0].length, utc(+m[1]!, +m[2]!, +m[3]!), 'explicit');
  for (const m of s.matchAll(MONTH_DAY)) {
    if (NAMED_DAY.test(s.slice(m.index! + m[0].length))) continue;
    const month = MONTHS[m[1]!.toLowerCase()]!;
    const day = +m[2]!;
    const t = m[3] ? utc(+m[3], month, day) : nearestYear(month, day, pub);
    add(m.index!, m.index! + m[0].length, t, 'explicit');
  }
  for (const m of s.matchAll(DAY_MONTH)) {
    if (NAMED_DAY.test(s.slice(m.index! + m[0].length))) continue;
    const month = MONTHS[m[2]!.toLowerCase()]!;
    const day = +m[1]!;
    const t = m[3] ? utc(+m[3], month, day) : nearestYear(month, day, pub);
    add(m.index!, m.index! + m[0].length, t, 'explicit');
  }
  if (pub !== undefined) {
    const pubDow = new Date(pub).getUTCDay();
    for (const m of s.matchAll(WEEKDAY)) {
      const a = m.index! + (m[1] ? m[0].length - m[2]!.length : 0);
      const b = m.index! + m[0].length;
      const wd = WEEKDAYS[m[2]!.toLowerCase()]!;
      const mod = m[1]?.toLowerCase();
      const future = mod === 'next' || (mod !== 'last' && FUTURE.test(s.slice(0, m.index!)));
      let delta: number;
      if (future) delta = (wd - pubDow + 7) % 7 || (mod === 'next' ? 7 : 0);
      else delta = -((pubDow - wd + 7) % 7) || (mod === 'last' ? -7 : 0);
      add(a, b, pub + delta * DAY_MS, 'weekday');
    }
    for (const m of s.matchAll(RELATIVE)) {
      const w = m[1]!.toLowerCase();
      const delta = w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
      add(m.index!, m.index! + m[0].length, pub + delta * DAY_MS, 'relative');
    }
  }
  return out.sort((x, y) => x.start - y.start);
}
