/**
 * Calendar arithmetic for TimeML values, all in UTC days (no time zones: a publication date
 * is a calendar day).
 */

/** A calendar day. */
export interface Day {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** `YYYY-MM-DD` of a day. */
export function fmtDay(x: Day): string {
  return `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
}

/** `THH:MM`, a time of day. */
export function fmtClock(hour: number, minute: number): string {
  return `T${pad(hour)}:${pad(minute)}`;
}

/** The hour of a 12-hour clock reading on the 24-hour clock: `ampm` is `am`, `a.m.`, `pm`, ... (or none). */
export function hour24(hour: number, ampm: string | undefined): number {
  const a = ampm?.[0]?.toLowerCase();
  if (a === 'p' && hour < 12) return hour + 12;
  if (a === 'a' && hour === 12) return 0;
  return hour;
}

/** `YYYY-MM`. */
export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** Parse the date part of `YYYY-MM-DD[...]`; undefined when it is not a date. */
export function parseDay(s: string | undefined): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return undefined;
  const x = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  if (x.m < 1 || x.m > 12 || x.d < 1 || x.d > 31) return undefined;
  return x;
}

function toUTC(x: Day): number {
  return Date.UTC(x.y, x.m - 1, x.d);
}

function fromUTC(t: number): Day {
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** Day plus n days. */
export function addDays(x: Day, n: number): Day {
  return fromUTC(toUTC(x) + n * 86400000);
}

/** Month plus n months, as [year, month]. */
export function addMonths(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12) + 1];
}

/** Day of week, 1 = Monday ... 7 = Sunday (ISO). */
export function weekday(x: Day): number {
  const w = new Date(toUTC(x)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO week of a day as [week-year, week]. */
export function isoWeek(x: Day): [number, number] {
  const thursday = addDays(x, 4 - weekday(x));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((toUTC(thursday) - toUTC(jan1)) / 86400000 / 7) + 1;
  return [thursday.y, week];
}

/** `YYYY-Www` of the ISO week containing a day. */
export function fmtWeek(x: Day): string {
  const [y, w] = isoWeek(x);
  return `${pad(y, 4)}-W${pad(w)}`;
}

/** Days between two days (b - a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toUTC(b) - toUTC(a)) / 86400000);
}

/** Is this a real calendar day (e.g. not Feb 30)? */
export function validDay(x: Day): boolean {
  const r = fromUTC(toUTC(x));
  return r.y === x.y && r.m === x.m && r.d === x.d;
}

/** Quarter 1-4 of a month. */
export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}
