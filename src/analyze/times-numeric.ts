/**
 * Numeric dates and clock times: `2012-06-01`, `6/1/2012`, `15:30`, the written forms the rules
 * of times-rules.ts leave alone. They are read the way chrono-node reads them (month first in
 * `6/1/2012` unless the first number cannot be a month, two-digit years to 1951-2050, an hour up
 * to 24, a range `9:10 to 9:30` read as its start), without loading it, as pure functions of the
 * text and the spans the rules already took.
 */
import { hour24, validDay, type Day } from './times-calendar.js';
import { isSpaceCode } from './chars.js';
import { ZONES } from './times-rules.js';

/** A numeric date or clock time: the date it states, if any, and the time of day, if any. */
export interface NumericHit {
  start: number;
  end: number;
  /** The date written out (`2012-06-01`, `6/1/12`); a bare clock time has none. */
  day?: Day;
  hour?: number;
  minute?: number;
}

/** Where a numeric form may start (the search); each is then read by its own sticky expression. */
const FORMS = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{1,2}:\d{2}\b/g;
const SLASH = /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\w/])/y;
const MERIDIEM = '(a\\.m\\.|p\\.m\\.|a\\.m|p\\.m|am|pm)(?![\\w])';
const CLOCK = new RegExp(`(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d:])(?:\\s*${MERIDIEM})?`, 'iy');
/** What may follow a clock time and belongs to it: "o'clock", "at night", "in the morning/afternoon". */
const SUFFIX = /\s*(?:(o\W*clock)|(at\s*night)|in\s*the\s*(morning|afternoon))(?![\w])/iy;
const ZONE = new RegExp(`\\s*\\(?${ZONES}\\)?(?![\\w])`, 'y');
/** The end of a range: "9:10 to 9:30", "10:30-11:45 p.m.". */
const RANGE_END = new RegExp(`\\s*(?:-|\\u2013|~|to|until|through|till)\\s*(\\d{1,2}):(\\d{2})(?![\\d:])(?:\\s*${MERIDIEM})?`, 'iy');
/** What joins a date and a time into one expression ("Tuesday at 10:30", "24 June 2010 09:58"). */
const JOIN = /^\s*(?:,|-|\u2013|at|on|of|T)?\s*$/i;

/**
 * The numeric dates and clock times of `text` outside the spans `taken` covers. A form written
 * next to a span the rules took (`Tuesday at 10:30`, `10:30 this morning`, `24 June 2010 09:58`)
 * is part of that expression, not one of its own: it is left out, as are impossible dates and
 * times (`34:25`, `2/30/2012`).
 */
export function numericHits(text: string, taken: (start: number, end: number) => boolean, spans: ReadonlyArray<{ start: number; end: number }>): NumericHit[] {
  const out: NumericHit[] = [];
  FORMS.lastIndex = 0;
  let m: RegExpExecArray | null;
  let done = 0;
  while ((m = FORMS.exec(text))) {
    if (m.index < done || taken(m.index, m.index + m[0].length)) continue;
    const hit = readAt(text, m.index, m[0]);
    if (!hit) continue;
    done = hit.end;
    if (taken(hit.start, hit.end) || joined(text, hit, spans)) continue;
    out.push(hit);
  }
  return out;
}

/** The numeric form at `i` (`form` is what the search found there), if it is a real date or time. */
function readAt(text: string, i: number, form: string): NumericHit | undefined {
  if (form[4] === '-') {
    const day = { y: +form.slice(0, 4), m: +form.slice(5, 7), d: +form.slice(8, 10) };
    return validDay(day) ? { start: i, end: i + 10, day } : undefined;
  }
  if (form.includes('/')) {
    SLASH.lastIndex = i;
    const m = SLASH.exec(text);
    if (!m || (i > 0 && /\d\/?$/.test(text.slice(Math.max(0, i - 2), i)))) return undefined;
    let month = +m[1]!;
    let d = +m[2]!;
    // Month first, as in American copy, unless the first number cannot be a month.
    if (month > 12 && month <= 31 && d >= 1 && d <= 12) [month, d] = [d, month];
    const raw = +m[3]!;
    const day = { y: raw < 100 ? (raw > 50 ? 1900 + raw : 2000 + raw) : raw, m: month, d };
    return validDay(day) ? { start: i, end: SLASH.lastIndex, day } : undefined;
  }
  CLOCK.lastIndex = i;
  const m = CLOCK.exec(text);
  if (!m) return undefined;
  const minute = +m[2]!;
  if (+m[1]! > 24 || minute >= 60 || (m[3] !== undefined && +m[3] >= 60) || (m[4] && +m[1]! > 12)) return undefined;
  let hour = hour24(+m[1]!, m[4]);
  let end = CLOCK.lastIndex;
  SUFFIX.lastIndex = end;
  const s = SUFFIX.exec(text);
  if (s) {
    end = SUFFIX.lastIndex;
    if (s[2] && hour >= 6 && hour < 12) hour += 12;
    if (s[3]?.toLowerCase() === 'afternoon' && hour <= 6) hour += 12;
  }
  RANGE_END.lastIndex = end;
  const r = RANGE_END.exec(text);
  if (r && +r[1]! <= 24 && +r[2]! < 60) end = RANGE_END.lastIndex;
  ZONE.lastIndex = end;
  if (ZONE.exec(text)) end = ZONE.lastIndex;
  return { start: i, end, hour, minute };
}

/**
 * Whether the hit is written next to a span the rules took, joined to it as one expression. A
 * line break joins too (hard-wrapped copy breaks lines anywhere), except around a hit that has
 * its line to itself, as the dates heading the entries of a timeline do.
 */
function joined(text: string, hit: NumericHit, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  for (const s of spans) {
    const between = s.end <= hit.start ? text.slice(s.end, hit.start) : s.start >= hit.end ? text.slice(hit.end, s.start) : undefined;
    if (between === undefined || between.length > 8 || !JOIN.test(between)) continue;
    if (!between.includes('\n') || !aloneOnLine(text, hit)) return true;
  }
  return false;
}

/** Whether only white space stands between the hit and the ends of its line. */
function aloneOnLine(text: string, hit: NumericHit): boolean {
  let a = hit.start - 1;
  while (a >= 0 && text[a] !== '\n' && isSpaceCode(text.charCodeAt(a))) a--;
  let b = hit.end;
  while (b < text.length && text[b] !== '\n' && isSpaceCode(text.charCodeAt(b))) b++;
  return (a < 0 || text[a] === '\n') && (b >= text.length || text[b] === '\n');
}
