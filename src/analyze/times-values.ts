/**
 * TimeML values: numbers and units to durations, anaphoric shifts ("a year earlier"),
 * offsets from the publication date ("15 months ago") and the direction a tense gives to
 * weekdays and month names written without a year. Pure functions of their arguments.
 */
import {
  addDays,
  addMonths,
  daysBetween,
  fmtDay,
  fmtMonth,
  fmtWeek,
  quarterOf,
  validDay,
  weekday,
  type Day,
} from './times-calendar.js';
import type { Tense } from './tense.js';
import { timeWords } from './times-words.js';

const W = timeWords();

/** A number word or digits as a number; NaN for vague quantities ("several"). */
export function parseNumber(s: string): number {
  const t = s.toLowerCase().replace(/\s+/g, ' ').trim();
  const d = /^(\d+(?:\.\d+)?)(?: 1\/2)?$/.exec(t);
  if (d) return Number(d[1]) + (t.endsWith('1/2') ? 0.5 : 0);
  if (t.startsWith('half')) return 0.5;
  if (t === 'another' || t === 'an additional' || t === 'an extra') return 1;
  const known = W.numbers.get(t);
  if (known !== undefined) return known;
  const parts = t.split(/[- ]/);
  if (parts.length === 2 && W.numbers.has(parts[0]!) && W.numbers.has(parts[1]!)) {
    return W.numbers.get(parts[0]!)! + W.numbers.get(parts[1]!)!;
  }
  return NaN;
}

/** Unit word to its TimeML letter and whether it is a time-of-day unit. */
export function unitOf(u: string): { code: string; time: boolean; word: string } {
  let w = u.toLowerCase();
  if (w === 'centuries') w = 'century';
  else if (w === 'millennia') w = 'millennium';
  else if (w.endsWith('s')) w = w.slice(0, -1);
  const x = W.units.get(w);
  // Spelt out, not spread: it is called for every duration.
  return { code: x?.code ?? 'X', time: x?.time ?? false, word: w };
}

/** The next smaller unit for fractions ("2 1/2 years" = P2Y6M): [code, how many, is a time unit]. */
const SMALLER: Record<string, [string, number, boolean]> = {
  Y: ['M', 12, false],
  M: ['D', 30, false],
  W: ['D', 7, false],
  D: ['H', 24, true],
  TH: ['M', 60, true],
  TM: ['S', 60, true],
};

/** A TimeML duration value: `P3Y`, `PT2H`, `PXM`, `P2Y6M`, `PT1M30S`. */
export function durationValue(n: number, unit: string): string {
  const u = unitOf(unit);
  let code = u.code;
  let k = n;
  if (code === '2W') {
    code = 'W';
    k = n * 2;
  }
  const T = u.time ? 'T' : '';
  if (Number.isNaN(k)) return `P${T}X${code}`;
  const whole = Math.floor(k);
  const frac = k - whole;
  const sm = frac > 0 ? SMALLER[T + code] : undefined;
  if (sm) {
    const [c2, mult, timeUnit] = sm;
    const left = whole ? `${whole}${code}` : '';
    const right = `${Math.round(frac * mult)}${c2}`;
    // A date unit split into hours crosses into the time part: P1DT12H.
    return !T && timeUnit ? `P${left}T${right}` : `P${T}${left}${right}`;
  }
  return `P${T}${Math.round(k * 100) / 100}${code}`;
}

export type Gran = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century' | 'season';

/** A value's granularity and fields, for shifting anaphoric references. */
export interface Parsed {
  g: Gran;
  y: number;
  n: number; // month, week, quarter, half; day is in d
  d?: number;
}

/** Parse a TimeML date value into its granularity and fields. */
export function parseValue(v: string): Parsed | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return { g: 'day', y: +m[1]!, n: +m[2]!, d: +m[3]! };
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) return { g: 'week', y: +m[1]!, n: +m[2]! };
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return { g: 'month', y: +m[1]!, n: +m[2]! };
  m = /^(\d{4})-Q(\d)$/.exec(v);
  if (m) return { g: 'quarter', y: +m[1]!, n: +m[2]! };
  m = /^(\d{4})-H(\d)$/.exec(v);
  if (m) return { g: 'half', y: +m[1]!, n: +m[2]! };
  m = /^(\d{4})$/.exec(v);
  if (m) return { g: 'year', y: +m[1]!, n: 0 };
  return undefined;
}

/** `YYYY-Qn`, carrying over years (quarter 0 is the last of the year before). */
export function fmtQuarter(y: number, q: number): string {
  const k = y * 4 + (q - 1);
  return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
}

/** Shift a value by n units ("a year earlier" = shift(ref, 'year', -1)), keeping its granularity. */
export function shiftValue(v: string, unit: string, n: number): string | undefined {
  const p = parseValue(v);
  if (!p || !Number.isInteger(n)) return undefined;
  const u = unitOf(unit).word;
  const months = u === 'year' ? 12 * n : u === 'quarter' ? 3 * n : u === 'month' ? n : u === 'decade' ? 120 * n : NaN;
  if (p.g === 'day') {
    const day: Day = { y: p.y, m: p.n, d: p.d! };
    if (u === 'day') return fmtDay(addDays(day, n));
    if (u === 'week') return fmtDay(addDays(day, 7 * n));
    if (!Number.isNaN(months)) {
      const [y, m] = addMonths(p.y, p.n, months);
      const x = { y, m, d: p.d! };
      return validDay(x) ? fmtDay(x) : fmtMonth(y, m);
    }
    return undefined;
  }
  if (p.g === 'month' && !Number.isNaN(months)) {
    const [y, m] = addMonths(p.y, p.n, months);
    return fmtMonth(y, m);
  }
  if (p.g === 'quarter' && !Number.isNaN(months) && months % 3 === 0) return fmtQuarter(p.y, p.n + months / 3);
  if (p.g === 'half' && u === 'year') return `${p.y + n}-H${p.n}`;
  if (p.g === 'year' && (u === 'year' || u === 'decade')) return String(p.y + (u === 'year' ? n : 10 * n));
  if (p.g === 'week' && u === 'week') {
    const jan4: Day = { y: p.y, m: 1, d: 4 };
    const monday = addDays(jan4, 1 - weekday(jan4) + 7 * (p.n - 1));
    return fmtWeek(addDays(monday, 7 * n));
  }
  return undefined;
}

/** Value of "N units ago" from the publication date, at the unit's granularity. */
export function agoValue(dct: Day, unit: string, n: number): string | undefined {
  const u = unitOf(unit).word;
  if (!Number.isInteger(n)) return undefined;
  switch (u) {
    case 'day':
    case 'night':
      return fmtDay(addDays(dct, n));
    case 'week':
      return fmtWeek(addDays(dct, 7 * n));
    case 'fortnight':
      return fmtWeek(addDays(dct, 14 * n));
    case 'month': {
      const [y, m] = addMonths(dct.y, dct.m, n);
      return fmtMonth(y, m);
    }
    case 'quarter':
      return fmtQuarter(dct.y, quarterOf(dct.m) + n);
    case 'year':
      return String(dct.y + n);
    case 'decade':
      return String(Math.floor((dct.y + 10 * n) / 10));
    case 'century':
      return String(Math.floor((dct.y + 100 * n) / 100)).padStart(2, '0');
    default:
      return undefined;
  }
}

/** The weekday nearest the publication date in the direction the tense says. */
export function weekdayDate(dct: Day, wd: number, tense: Tense, mode?: string): Day {
  const cur = weekday(dct);
  const back = (cur - wd + 7) % 7;
  const fwd = (wd - cur + 7) % 7;
  const m = (mode ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (m === 'last' || m === 'this past' || m === 'the previous' || m === 'past') return addDays(dct, -(back || 7));
  if (m === 'next' || m === 'this coming' || m === 'coming' || m === 'the following' || m === 'the coming') return addDays(dct, fwd || 7);
  // Only a future verb moves a weekday forward; news narrates in the past and headlines in
  // the present ("Obama blasts BP on Friday"), both about the days just gone.
  if (tense === 'future') return addDays(dct, fwd);
  return addDays(dct, -back);
}

/**
 * The year of a month (and day) written without one: past tense takes the last occurrence,
 * future tense (or a deadline word: "until", "effective", "payable") the next, anything else
 * the occurrence nearest the article date. The tense may be given as a function, asked only
 * when it decides the year (working it out is the costly part).
 */
export function yearFor(dct: Day, month: number, day: number | undefined, tense: Tense | (() => Tense), forward = false): number {
  const near = (y: number) => Math.abs(daysBetween(dct, { y, m: month, d: day ?? 15 }));
  // A few weeks of slack: a date just past with a future verb is more likely a tense slip than next year.
  const slack = day ? 30 : 45;
  const diff = daysBetween(dct, { y: dct.y, m: month, d: day ?? 15 });
  if (forward) return diff < -slack ? dct.y + 1 : dct.y;
  // Within the slack every reading below gives the article's year (the other years are 300+ days off).
  if (Math.abs(diff) <= slack) return dct.y;
  const t = typeof tense === 'function' ? tense() : tense;
  if (t === 'future') return diff < -slack ? dct.y + 1 : dct.y;
  if (t === 'past') return diff > slack ? dct.y - 1 : dct.y;
  return [dct.y - 1, dct.y, dct.y + 1].reduce((a, b) => (near(b) < near(a) ? b : a));
}

/** A written year (`1998`, `nineteen ninety-six`, `two thousand`) as a number. */
export function yearOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const t = s.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ');
  if (t.startsWith('two thousand')) {
    const rest = t.replace(/^two thousand( and)? ?/, '');
    return 2000 + (rest ? parseNumber(rest) : 0);
  }
  const rest = t.replace(/^nineteen /, '');
  if (rest === 'hundred') return 1900;
  return 1900 + parseNumber(rest);
}

/** `YYYY-Www-WE` of the weekend starting on a Saturday. */
export function weekendOf(saturday: Day): string {
  return `${fmtWeek(saturday)}-WE`;
}

/** The year of a season named without one ("last summer", "this fall"). */
export function seasonYear(dct: Day, code: string, startMonth: number, mode: string, tense: Tense): number {
  // Winter belongs to the year it starts in (December) for "last winter" in early months.
  const cur = dct.m;
  const seasonEnd = startMonth + 2;
  if (mode === 'last' || mode === 'this past' || mode === 'past') {
    if (code === 'WI') return cur <= 2 ? dct.y - 1 : dct.y - 1;
    return seasonEnd < cur ? dct.y : dct.y - 1;
  }
  if (mode === 'next' || mode === 'this coming' || mode === 'coming') {
    return startMonth > cur ? dct.y : dct.y + 1;
  }
  if (!mode || mode === 'the') {
    if (tense === 'past' && startMonth > cur + 1 && code !== 'WI') return dct.y - 1;
    if (tense === 'future' && seasonEnd < cur) return dct.y + 1;
  }
  return dct.y;
}


/** Same-granularity shift of the anaphoric reference for "the previous year", "that month". */
export function shiftToGranularity(ref: string, unit: string, n: number): string | undefined {
  const p = parseValue(ref);
  if (!p) return undefined;
  switch (unit) {
    case 'year':
      return String(p.y + n);
    case 'month':
      if (p.g === 'day' || p.g === 'month') {
        const [y, mo] = addMonths(p.y, p.n, n);
        return fmtMonth(y, mo);
      }
      return undefined;
    case 'quarter':
      if (p.g === 'quarter') return fmtQuarter(p.y, p.n + n);
      if (p.g === 'day' || p.g === 'month') return fmtQuarter(p.y, quarterOf(p.n) + n);
      return undefined;
    case 'week':
      if (p.g === 'day') return fmtWeek(addDays({ y: p.y, m: p.n, d: p.d! }, 7 * n));
      if (p.g === 'week') return shiftValue(ref, 'week', n);
      return undefined;
  }
  return undefined;
}
