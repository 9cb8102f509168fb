/**
 * The time word lists (src/lexicon/time-*.txt) as maps and regex alternations.
 */
import { readList } from '../lexicon/index.js';

function pairs(name: string): Array<[string, string[]]> {
  return readList(name).map((l) => {
    const [k, ...rest] = l.split('\t');
    return [k!, rest];
  });
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Alternation of phrases, longest first, spaces matching any run of blanks. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => esc(w).replace(/ /g, '\\s+'))
    .join('|');
}

function build() {
  const months = new Map<string, number>();
  for (const [k, v] of pairs('time-months.txt')) months.set(k.toLowerCase(), Number(v[0]));
  const weekdays = new Map<string, number>();
  for (const [k, v] of pairs('time-weekdays.txt')) weekdays.set(k.toLowerCase(), Number(v[0]));
  const numbers = new Map<string, number>();
  for (const [k, v] of pairs('time-numbers.txt')) numbers.set(k.toLowerCase(), Number(v[0]));
  const units = new Map<string, { code: string; time: boolean }>();
  for (const [k, v] of pairs('time-units.txt')) units.set(k, { code: v[0]!, time: v[1] === 'T' });
  const refs = new Map<string, string>();
  for (const [k, v] of pairs('time-refs.txt')) refs.set(k.toLowerCase(), v[0]!);
  const sets = new Map<string, string>();
  for (const [k, v] of pairs('time-sets.txt')) sets.set(k.toLowerCase(), v[0]!);
  const seasons = new Map<string, { code: string; month: number }>();
  for (const [k, v] of pairs('time-seasons.txt')) seasons.set(k, { code: v[0]!, month: Number(v[1]) });
  const dayparts = new Map<string, string>();
  for (const [k, v] of pairs('time-dayparts.txt')) dayparts.set(k, v[0]!);
  const holidays = new Map<string, string>();
  for (const [k, v] of pairs('time-holidays.txt')) holidays.set(k.toLowerCase(), v[0]!);
  return { months, weekdays, numbers, units, refs, sets, seasons, dayparts, holidays };
}

let cache: ReturnType<typeof build> | undefined;

/** All time word lists, loaded once. */
export function timeWords(): ReturnType<typeof build> {
  return (cache ??= build());
}
