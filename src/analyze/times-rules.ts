/**
 * Our grammar of English temporal expressions (news copy), with times-numeric.ts for numeric dates:
 * each rule is a regular expression over the text plus a function that turns a match into a
 * TimeML type and value, given the publication date, the tense of the sentence and the last
 * date the text mentioned. Spans follow the TimeBank convention: prepositions are left out,
 * determiners and approximators ("the", "nearly", "at least") are kept.
 */
import type { TimeType } from '../model/types.js';
import { addDays, addMonths, daysBetween, fmtClock, fmtDay, fmtMonth, fmtWeek, hour24, quarterOf, validDay, weekday, type Day } from './times-calendar.js';
import type { Tense } from './tense.js';
import { alternation, timeWords } from './times-words.js';
import {
  agoValue,
  durationValue,
  fmtQuarter,
  parseNumber,
  parseValue,
  seasonYear,
  shiftToGranularity,
  shiftValue,
  unitOf,
  weekdayDate,
  weekendOf,
  yearFor,
  yearOf,
} from './times-values.js';

export { durationValue, parseNumber, shiftValue, weekdayDate } from './times-values.js';

/** What a rule needs to resolve a match. */
export interface RuleContext {
  text: string;
  start: number;
  end: number;
  dct?: Day;
  tense(): Tense;
  /** The last specific date value mentioned before this expression (for "a year earlier"). */
  ref?: string;
  /** The last period (quarter, half, year, month) mentioned in the article, for "a year ago". */
  periodRef?: string;
  /** Universal POS tag of the token right after the match. */
  posAfter(): string | undefined;
}

/** A rule's answer: type and value, and what the value is anchored to. */
export interface Resolution {
  type: TimeType;
  value?: string;
  anchor: 'dct' | 'absolute' | 'event' | 'none';
  /** The value needed the publication date and there was none. */
  unresolved?: boolean;
  /** The value was computed from another time in the text (not to be used as a reference). */
  derived?: boolean;
  /** Narrower span than the match (absolute offsets). */
  start?: number;
  end?: number;
}

/** See Rule.head. */
export interface Head {
  words: string[];
  lead: number;
  /**
   * Where letters never touch the head in a match: no ASCII letter right before it
   * ('before'), or none right before or after it ('both'). The scan then passes over
   * look-alikes ("Obama" for "am", "months" for "mon").
   */
  apart?: 'before' | 'both';
  /**
   * What every whole word of a match before the head's word matches, as a sticky expression
   * that must also reach the word's end (followed by `(?=\s)`): the search stops looking
   * further back at a word it rejects. Made by `leadWords`.
   */
  leadWord?: RegExp;
}

export interface Rule {
  name: string;
  /** A cheap test the text must pass before the rule's regular expression is run at all. */
  need?: RegExp;
  /**
   * What every match contains: a word (a run of non-blanks) holding one of `words` (ASCII,
   * lower case, matched case-insensitively), with at most `lead` blank runs between the
   * match's start and that word, each whole word between them one that `leadWord` (if
   * given) matches. findTimes tries the rule only near such words
   * (times-scan.ts), so all of this must hold for every match or the rule silently loses it; the
   * counts are worked out beside each rule, with what keeps letters apart from the head
   * (`apart`). (The expression must also begin, in each of its alternatives, with a
   * lookbehind that rejects a word character before the match.)
   */
  head?: Head;
  /**
   * `false` for durations and frequencies: a numeric date or clock time written next to a match
   * is not part of it (`23:40 every Saturday`), as it is of a date (`Tuesday at 10:30`; see
   * times-numeric.ts).
   */
  joinsNumeric?: false;
  re: RegExp;
  make(m: RegExpExecArray, c: RuleContext): Resolution | null;
}

// ---------------------------------------------------------------- building blocks

const W = timeWords();
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const VAGUE = 'several|a few|few|many|some|a number of|numerous|a couple of';
const NUMBER =
  `(?:\\d+(?:\\.\\d+)?(?:\\s1\\/2)?|(?:${TENS})(?:[- ](?:${ONES}))?|${TEENS}|${ONES}|` +
  `a couple of|a couple|couple of|a dozen|a hundred|a thousand|half an?|another|an additional|an extra|an?|${VAGUE})`;
const UNIT_STEMS = ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade'];
const UNIT = `(?:${UNIT_STEMS.map((u) => `${u}s?`).join('|')}|century|centuries|millennium|millennia)`;
/** Every word UNIT matches (heads of the rules built on it). */
const UNIT_WORDS = [...UNIT_STEMS.flatMap((u) => [u, `${u}s`]), 'century', 'centuries', 'millennium', 'millennia'];
const APPROX =
  '(?:about|around|nearly|almost|some|roughly|approximately|more than|less than|fewer than|at least|at most|up to|no more than|' +
  'not more than|no less than|just over|just under|well over|well under|another|an additional|an extra|' +
  'the past|the last|the next|the first|the final|the previous|the following|the coming|the same|the latest|the|its|their|each of the past|each of the last)';
const MONTH = `(?:${alternation(W.months.keys())})`;
const WEEKDAY = `(?:${alternation(W.weekdays.keys())})`;
const SEASON = `(?:${alternation(W.seasons.keys())})`;
/** Time zones written after clock times in news copy. */
export const ZONES = '(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|IST|JST|local time)';
const DAYPART = '(?:morning|afternoon|evening|night)';
const YEAR_WORDS = `nineteen[- ](?:(?:${TENS})(?:[- ](?:${ONES}))?|${TEENS}|hundred)|two thousand(?:(?: and)? (?:${ONES}|${TEENS}))?`;
const YEAR = `(?:(?:1[6-9]|20)\\d\\d|${YEAR_WORDS})`;
const DAYNUM = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const ORD_WORDS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth';
const S = '(?<![\\w\'-])';
/** Approximators before an offset: "about two years ago". */
const OFFSET_APPROX = 'about|around|nearly|almost|some|roughly|approximately|more than|less than|at least|just over|well over';
/** Words between a duration's number and its unit: "two trading days". */
const DURATION_MODIFIERS = 'trading|business|working|calendar|full|straight|consecutive|more';
const E = '(?![\\w])';

/** A rule's expression: sticky, as findTimes tries it at chosen starts (times-scan.ts). */
const rx = (s: string) => new RegExp(s, 'iy');

// Heads (Rule.head) shared by several rules. Beside each rule's head: its longest lead-in
// and the blanks, separators or lookbehinds that keep letters apart from it.
const MONTH_HEAD = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Needs (Rule.need) shared by several rules: one object each, so findTimes tests each once per text.
const UNIT_NEED = /second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni/i;
const MONTH_NEED = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/**
 * Head of an alternation of lexicon phrases: the longest word of each phrase; `lead` counts
 * the blank runs before that word in the phrase (plus `before`, those the rule allows ahead
 * of the phrase). Being a whole word of the phrase, it is kept apart from letters by the
 * phrase's blanks and by what the rule puts around the phrase.
 */
function phraseHead(phrases: Iterable<string>, before: number): Head {
  let lead = 0;
  const words = new Set<string>();
  for (const p of phrases) {
    const ws = p.toLowerCase().split(/\s+/);
    const longest = ws.reduce((a, b) => (b.length > a.length ? b : a));
    words.add(longest);
    lead = Math.max(lead, ws.indexOf(longest));
  }
  return { words: [...words], lead: lead + before };
}

/**
 * Head.leadWord for a lead-in made of `words` (and of what `patterns` match), joined by
 * blanks, hyphens ("two- to three-year") or nothing (`\\s*` in "the end of\\s*this week"):
 * one or more of them, hyphens between, perhaps a hyphen at the end.
 */
function leadWords(words: string[], patterns: string[] = []): RegExp {
  const piece = `(?:${[alternation(new Set(words)), ...patterns].join('|')})`;
  return new RegExp(`${piece}(?:-?${piece})*-?(?=\\s)`, 'iy');
}

/** Head.leadWord for a lead-in whose every word is one `pattern` matches. */
function leadPattern(pattern: string): RegExp {
  return new RegExp(`(?:${pattern})(?=\\s)`, 'iy');
}

/** The words of plain alternations of phrases ("more than|at least"), within (?:...) or not. */
const wordsOf = (...alternations: string[]) => alternations.flatMap((a) => a.replace(/^\(\?:|\)$/g, '').split(/[| ]/));

/** What NUMBER matches, word by word: its words and digits ("2 1/2", "2.5"). */
const NUMBER_WORDS = wordsOf(TENS, ONES, TEENS, VAGUE, 'a couple of|a dozen|a hundred|a thousand|half an|another|an additional|an extra');
const NUMBER_PATTERNS = ['\\d+(?:\\.\\d+)?', '1\\/2'];

// ---------------------------------------------------------------- context helpers

const FORWARD = /(?:^|\W)(?:effective|payable|due|starting|beginning|expires?|expiring)\s+(?:on\s+)?$/i;
const DEADLINE = /(?:^|\W)(?:until|till|by|before)\s+(?:on\s+)?$/i;

/**
 * A word right before the expression that points forward: "payable Jan. 2", "effective
 * Feb. 1" always; "until", "by" unless the sentence is in the past ("held it until May").
 */
function forwardSignal(c: RuleContext, at: number): boolean {
  const before = c.text.slice(Math.max(0, at - 14), at);
  return FORWARD.test(before) || (DEADLINE.test(before) && c.tense() !== 'past');
}

function monthOf(s: string): number | undefined {
  return W.months.get(s.toLowerCase().replace(/\s+/g, ''));
}

function weekdayOf(s: string): number | undefined {
  return W.weekdays.get(s.toLowerCase());
}

const isUpper = (s: string) => /^[A-Z]/.test(s);

/** Resolve against the publication date, or report the value unresolved. */
function withDct(c: RuleContext, type: TimeType, f: (dct: Day) => string | undefined): Resolution {
  if (!c.dct) return { type, anchor: 'none', unresolved: true };
  const value = f(c.dct);
  return value === undefined ? { type, anchor: 'none' } : { type, value, anchor: 'dct' };
}

// ---------------------------------------------------------------- the rules

const DAYPART_CODE = (s: string | undefined) => (s ? `T${W.dayparts.get(s.toLowerCase()) ?? 'XX'}` : '');

function timeOfDay(h: string, min: string | undefined, ampm: string | undefined, word?: string): string | undefined {
  if (word) {
    const w = word.toLowerCase();
    return w === 'noon' ? 'T12:00' : 'T24:00';
  }
  const hour = hour24(Number(h), ampm);
  if (hour > 24 || Number(min ?? 0) > 59) return undefined;
  return fmtClock(hour, Number(min ?? 0));
}

const MONTH_DAY_WORD = new RegExp(`^(${MONTH})\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(${YEAR}))?$`, 'i');
const DAY_MONTH_WORD = new RegExp(`^()(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})(?:,?\\s+(${YEAR}))?$`, 'i');

/** Resolve a day word ("yesterday", "Friday", "Nov. 9") to a day, or undefined. */
function dayWord(c: RuleContext, w: string): Day | 'unresolved' | undefined {
  const t = w.toLowerCase().replace(/\s+/g, ' ').trim();
  const md = MONTH_DAY_WORD.exec(w.trim()) ?? DAY_MONTH_WORD.exec(w.trim());
  if (md) {
    const mo = monthOf(md[1] || md[3]!)!;
    const d = Number(md[2]);
    const year = md[1] ? md[3] : md[4];
    if (year) return { y: yearOf(year), m: mo, d };
    if (!c.dct) return 'unresolved';
    return { y: yearFor(c.dct, mo, d, () => c.tense(), forwardSignal(c, c.start)), m: mo, d };
  }
  if (!c.dct) return 'unresolved';
  if (t === 'today' || t === 'tonight') return c.dct;
  if (t === 'yesterday') return addDays(c.dct, -1);
  if (t === 'tomorrow') return addDays(c.dct, 1);
  const wd = weekdayOf(t);
  if (wd) return weekdayDate(c.dct, wd, c.tense());
  return undefined;
}

/** A day written after a clock time: "Wednesday", "Nov. 9", "28 May 2010", "June 1, 2010". */
const DAY_TAIL =
  `(?:,?\\s+(?:on\\s+)?(${WEEKDAY}|today|yesterday|tomorrow|tonight|${MONTH}\\s*\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?|` +
  `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+${YEAR})?))?`;

/** What follows "before"/"after" when the expression is anchored to an event, not a date. */
const PREP_EVENT = /^\s+(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|he|she|it|they|we|i|you|[A-Z][\w-]*|\w+ing)\b/;

/** All rules. Among overlapping matches the longest wins, then the earlier rule. */
export const rules: Rule[] = [
  // ---- clock times: "7:15 p.m.", "10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Thursday"
  {
    name: 'clock',
    // "10 pm": the hour, then the am/pm head; a digit or a blank before am/pm, the lookbehind
    // before noon/midnight; after: (?![\w]), the dot of "a.m.", a blank or the end
    head: { words: ['am', 'a.m', 'pm', 'p.m', 'noon', 'midnight'], lead: 1, apart: 'both' },
    need: /\d\s?(?:a\.m|p\.m|am\b|pm\b)|noon|midnight/i,
    re: rx(
      `${S}(?:(?:(\\d{1,2})(?:[:.](\\d\\d))?\\s?(a\\.m\\.|p\\.m\\.|am|pm)(?![\\w])|(noon|midnight))` +
        `(?:\\s+(${ZONES}))?)` +
        `${DAY_TAIL}${E}`,
    ),
    make(m, c) {
      if (m[5] && !/^(?:[A-Z]{3,4}|local time)$/.test(m[5])) return null;
      const t = timeOfDay(m[1] ?? '', m[2], m[3], m[4]);
      if (!t) return null;
      if (m[6] && /[A-Z\d]/.test(m[6][0]!) === false && !/^(today|yesterday|tomorrow|tonight)$/i.test(m[6]))
        return null;
      const day = m[6] ? dayWord(c, m[6]) : c.dct;
      if (day === 'unresolved' || day === undefined) return { type: 'TIME', anchor: 'none', unresolved: true };
      return { type: 'TIME', value: fmtDay(day) + t, anchor: m[6] && /\d{4}/.test(m[6]) ? 'absolute' : 'dct' };
    },
  },
  // ---- "Thursday evening", "yesterday morning", "last night", "tonight", "this morning"
  {
    name: 'daypart',
    // "early Friday evening", "late mid afternoon"
    head: { words: ['morning', 'afternoon', 'evening', 'night'], lead: 2 },
    need: /morning|afternoon|evening|night/i,
    re: rx(
      `${S}(?:(early|late|mid-?|later|earlier)\\s+)?(?:(${WEEKDAY}|today|yesterday|tomorrow)\\s+(${DAYPART})|(this|last|that|the|yesterday|tomorrow)\\s+(${DAYPART})|(tonight|overnight)|(mid[- ]?afternoon|mid[- ]?morning)(?:\\s+(yesterday|today|${WEEKDAY}))?)${E}`,
    ),
    make(m, c) {
      if (m[2] && weekdayOf(m[2]) && !isUpper(m[2])) return null;
      if (m[6]) {
        // tonight / overnight
        const w = m[6].toLowerCase();
        return withDct(c, 'TIME', (dct) => fmtDay(w === 'overnight' && c.tense() === 'past' ? addDays(dct, -1) : dct) + 'TNI');
      }
      if (m[7]) {
        const day = m[8] ? dayWord(c, m[8]) : c.dct;
        if (day === 'unresolved' || !day) return { type: 'TIME', anchor: 'none', unresolved: true };
        return { type: 'TIME', value: fmtDay(day) + (/morning/i.test(m[7]) ? 'TMO' : 'TAF'), anchor: 'dct' };
      }
      if (m[2]) {
        const day = dayWord(c, m[2]);
        if (day === 'unresolved' || !day) return { type: 'TIME', anchor: 'none', unresolved: true };
        return { type: 'TIME', value: fmtDay(day) + DAYPART_CODE(m[3]), anchor: 'dct' };
      }
      const det = m[4]!.toLowerCase();
      const part = m[5]!;
      if (det === 'last' && part.toLowerCase() !== 'night') return null;
      if (det === 'that' || (det === 'the' && !/^morning$/i.test(part))) return null;
      return withDct(c, 'TIME', (dct) => {
        let day = dct;
        if (det === 'yesterday' || (det === 'last' && part.toLowerCase() === 'night')) day = addDays(dct, -1);
        if (det === 'tomorrow') day = addDays(dct, 1);
        return fmtDay(day) + DAYPART_CODE(part);
      });
    },
  },
  // ---- full dates: "Saturday, April 25", "Oct. 15, 1999", "May 22 1995", "Friday Oct. 13"
  {
    name: 'month-day',
    // "Friday, the early May 5"; a blank or the lookbehind before the month ("Mayfirst" matches)
    head: { words: MONTH_HEAD, lead: 3, apart: 'before', leadWord: leadPattern(`${WEEKDAY},?|the|early|late|mid-?`) },
    need: MONTH_NEED,
    re: rx(
      `${S}(?:(${WEEKDAY}),?\\s+(?:the\\s+)?)?(?:(early|late|mid-?)\\s+)?(${MONTH})\\s*(${DAYNUM}|${ORD_WORDS})(?:,?\\s+(${YEAR}))?${E}`,
    ),
    make(m, c) {
      if (!isUpper(m[3]!)) return null;
      if (m[1] && !isUpper(m[1])) return null;
      const mo = monthOf(m[3]!);
      if (!mo) return null;
      const d = /^\d/.test(m[4]!) ? parseInt(m[4]!, 10) : parseNumber(m[4]!);
      if (!(d >= 1 && d <= 31)) return null;
      // "May 5 percent", "June 3 million": a number, not a day.
      if (/^\s*(?:%|percent|million|billion|thousand|hundred|points?|per\b)/i.test(c.text.slice(m.index + m[0].length, m.index + m[0].length + 12)))
        return null;
      if (m[5]) {
        const y = yearOf(m[5]);
        const x = { y, m: mo, d };
        return validDay(x) ? { type: 'DATE', value: fmtDay(x), anchor: 'absolute' } : null;
      }
      if (!c.dct) return { type: 'DATE', anchor: 'none', unresolved: true };
      const y = yearFor(c.dct, mo, d, () => c.tense(), forwardSignal(c, m.index));
      return { type: 'DATE', value: fmtDay({ y, m: mo, d }), anchor: 'dct' };
    },
  },
  // ---- "25 May 2012", "the 25th of May"
  {
    name: 'day-month',
    // "the 25th of May"; blanks before the month
    head: { words: MONTH_HEAD, lead: 3, apart: 'before', leadWord: leadPattern(`the|of|${DAYNUM}`) },
    need: MONTH_NEED,
    re: rx(`${S}(?:the\\s+)?(${DAYNUM})(?:\\s+of)?\\s+(${MONTH})(?:,?\\s+(${YEAR}))?${E}`),
    make(m, c) {
      if (!isUpper(m[2]!)) return null;
      const mo = monthOf(m[2]!)!;
      const d = parseInt(m[1]!, 10);
      if (!(d >= 1 && d <= 31)) return null;
      if (m[3]) return { type: 'DATE', value: fmtDay({ y: yearOf(m[3]), m: mo, d }), anchor: 'absolute' };
      return withDct(c, 'DATE', (dct) => fmtDay({ y: yearFor(dct, mo, d, () => c.tense(), forwardSignal(c, m.index)), m: mo, d }));
    },
  },
  // ---- months: "August 1988", "last May", "mid-November", "the end of November", "June last year"
  {
    name: 'month',
    // "the first half of May"
    head: { words: MONTH_HEAD, lead: 4, leadWord: leadWords(wordsOf('early|late|mid|the beginning|middle|end|start|first half|second half|of|this past|coming|last|next')) },
    need: MONTH_NEED,
    re: rx(
      `${S}(?:(early|late|mid-?|the\\s+(?:beginning|middle|end|start|first\\s+half|second\\s+half)\\s+of|(?:this|last|next|this\\s+past|this\\s+coming)|(?:early|late)\\s+(?:this|last|next))\\s*)?(${MONTH})(?:(?:,?\\s+(?:of\\s+)?(${YEAR}))|\\s+(?:of\\s+)?(this|last|next)\\s+year)?${E}`,
    ),
    make(m, c) {
      if (!isUpper(m[2]!)) return null;
      const mo = monthOf(m[2]!)!;
      if (m[3]) return { type: 'DATE', value: fmtMonth(yearOf(m[3]), mo), anchor: 'absolute' };
      const pre = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      if (!pre && !m[4]) {
        // A bare month name must read as a time: "in May", "since March", "May's".
        const before = c.text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
        const after = c.text.slice(m.index + m[0].length, m.index + m[0].length + 3);
        if (!/(?:^|\W)(?:in|since|until|till|by|from|through|during|of|before|after|to|and|or|between|for|last|next|this|early|late)\s+$/.test(before) && !/^'s/.test(after))
          return null;
        if (/^(may|march)$/i.test(m[2]!) && !/(?:in|since|until|by|from|through|during|of|before|after)\s+$/.test(before)) return null;
      }
      return withDct(c, 'DATE', (dct) => {
        let y: number;
        const rel = (m[4] ?? '').toLowerCase() || (/\b(last|next|this)\b/.exec(pre)?.[1] ?? '');
        if (m[4]) y = dct.y + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
        else if (rel === 'last' || pre.includes('past')) y = mo < dct.m ? dct.y : dct.y - 1;
        else if (rel === 'next' || pre.includes('coming')) y = mo > dct.m ? dct.y : dct.y + 1;
        else if (rel === 'this') y = dct.y;
        else y = yearFor(dct, mo, undefined, () => c.tense(), forwardSignal(c, m.index));
        return fmtMonth(y, mo);
      });
    },
  },
  // ---- weekdays: "Friday", "last Friday", "the previous Friday", "early Tuesday"; "Mondays" is a SET
  {
    name: 'weekday',
    // "this coming Friday"; a blank or the lookbehind before, (?![\w]) after the weekday and its "s"
    head: {
      words: [...W.weekdays.keys()].flatMap((w) => [w, w + 's']),
      lead: 2,
      apart: 'both',
      leadWord: leadWords(wordsOf('last|next|this coming|past|coming|the previous|following|early|late|earlier|later')),
    },
    need: /mon|tue|wed|thu|fri|sat|sun/i,
    re: rx(
      `${S}(?:(last|next|this|this\\s+coming|this\\s+past|coming|the\\s+previous|the\\s+following|early|late|earlier|later)\\s+)?(${WEEKDAY})(s)?${E}`,
    ),
    make(m, c) {
      if (!isUpper(m[2]!)) return null;
      const wd = weekdayOf(m[2]!);
      if (!wd) return null;
      // Abbreviations alone ("Sun.", "Sat.") are too ambiguous without a date.
      if (m[2]!.length <= 5 && !/day$/i.test(m[2]!)) return null;
      if (m[3]) return { type: 'SET', value: `XXXX-WXX-${wd}`, anchor: 'none' };
      // "the Sunday Times", "Monday Night Football": part of a name.
      const next = /^\s+([A-Z][a-z]+)/.exec(c.text.slice(c.end, c.end + 20));
      if (next && !m[1] && monthOf(next[1]!) === undefined) {
        const afterThe = /\b(?:the|a)\s+$/i.test(c.text.slice(Math.max(0, c.start - 5), c.start));
        if (afterThe || /^(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Tribune|Night|Football)$/.test(next[1]!)) return null;
      }
      const mode = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      if (mode === 'the previous' || mode === 'the following') {
        const p = c.ref ? parseValue(c.ref) : undefined;
        if (p && p.g === 'day') {
          const base: Day = { y: p.y, m: p.n, d: p.d! };
          const d = weekdayDate(base, wd, 'none', mode === 'the previous' ? 'last' : 'next');
          return { type: 'DATE', value: fmtDay(d), anchor: 'absolute' };
        }
      }
      return withDct(c, 'DATE', (dct) => fmtDay(weekdayDate(dct, wd, c.tense(), mode)));
    },
  },
  // ---- today, yesterday, tomorrow (with "early", "late", "the day before yesterday")
  {
    name: 'deictic-day',
    // "early the day before yesterday"; a blank or the lookbehind before, (?![\w]) after
    head: { words: ['today', 'yesterday', 'tomorrow'], lead: 4, apart: 'both' },
    need: /today|yesterday|tomorrow/i,
    re: rx(`${S}(?:(early|late|earlier|later)\\s+)?(the\\s+day\\s+(?:before|after)\\s+)?(today|yesterday|tomorrow)${E}`),
    make(m, c) {
      const w = m[3]!.toLowerCase();
      // "the BBC's Today programme": a capitalised "Today" inside a sentence is a name.
      if (!m[1] && !m[2] && /^T/.test(m[3]!) && /[\w,'’]\s*$/.test(c.text.slice(Math.max(0, m.index - 3), m.index))) return null;
      let n = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      if (m[2]) n += /before/i.test(m[2]) ? -1 : 1;
      return withDct(c, 'DATE', (dct) => fmtDay(addDays(dct, n)));
    },
  },
  // ---- this/last/next week|month|year|quarter|weekend, with early/late/the end of
  {
    name: 'relative-unit',
    // "the first half of this past week"; blanks before the unit, (?![\w]) after
    head: {
      words: ['week', 'weekend', 'month', 'year', 'quarter', 'decade', 'century', 'period'],
      lead: 6,
      apart: 'both',
      leadWord: leadWords(
        wordsOf('early|late|earlier|later|the end|beginning|start|middle|rest|remainder|first half|second half|early part|latter|last days|day|of|mid|this past|coming|next|current|previous|following|same|latest|that'),
      ),
    },
    need: /week|month|year|quarter|decade|century|period/i,
    re: rx(
      `${S}(?:(early|late|earlier|later|the\\s+(?:end|beginning|start|middle|rest|remainder|first\\s+half|second\\s+half|early\\s+part|latter\\s+part|last\\s+days?)\\s+of|mid-?)\\s*)?` +
        `(this\\s+past|this\\s+coming|this|last|next|the\\s+last|the\\s+past|the\\s+coming|the\\s+current|the\\s+previous|the\\s+following|the\\s+same|the\\s+latest|that|the)\\s+` +
        `(week|weekend|month|year|quarter|decade|century|period)${E}`,
    ),
    make(m, c) {
      const pre = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      const det = m[2]!.toLowerCase().replace(/\s+/g, ' ');
      let unit = m[3]!.toLowerCase();
      // "the latest period" of a company report is its last quarter; other periods are vague.
      if (unit === 'period') {
        if (det !== 'the latest' || pre) return null;
        unit = 'quarter';
      }
      const after = c.text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      const before = c.text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
      // "the year-ago quarter", "last year-end": part of a longer word.
      if (/^-\w/.test(after)) return null;
      // "the year two thousand", "the week ending ...": other rules; "the week's" etc. still a time.
      if (det === 'the' && !pre) {
        if (unit === 'year') {
          if (/^\s*(?:two thousand|\d)/i.test(after)) return null;
          if (/(?:^|\W)(?:for|during|over|through|throughout)\s+$/.test(before)) return { type: 'DURATION', value: 'P1Y', anchor: 'none' };
        }
        if (unit === 'century' || unit === 'decade') return null;
      }
      const prev = det === 'last' || det === 'the last' || det === 'the past' || det === 'the previous' || det === 'this past';
      const next = det === 'next' || det === 'the coming' || det === 'the following' || det === 'this coming';
      const anaphoric = det === 'the previous' || det === 'the following' || det === 'the same' || det === 'that';
      // "the past year", "the last decade" read as the period just ended.
      let n = prev ? -1 : next ? 1 : 0;
      if (anaphoric && c.ref && !c.ref.endsWith('_REF')) {
        const shifted = shiftToGranularity(c.ref, unit, det === 'the previous' ? -1 : det === 'the following' ? 1 : 0);
        if (shifted) return { type: 'DATE', value: shifted, anchor: 'absolute', derived: true };
      }
      if (unit === 'quarter' && (det === 'the' || det === 'the latest' || det === 'the past') && !pre) {
        if (c.periodRef && parseValue(c.periodRef)?.g === 'quarter') return { type: 'DATE', value: c.periodRef, anchor: 'absolute', derived: true };
        n = -1;
      }
      if (unit === 'weekend') {
        return withDct(c, 'DATE', (dct) => {
          const wd = weekday(dct);
          if (wd >= 6 && n === 0) return weekendOf(addDays(dct, 6 - wd));
          const t = c.tense();
          const back = n < 0 || (n === 0 && det !== 'this' && t === 'past') || (n === 0 && t === 'past');
          if (back) return weekendOf(addDays(dct, -((wd + 1) % 7 || 7)));
          return weekendOf(addDays(dct, (6 - wd + 7) % 7 + (n > 0 && wd >= 6 ? 7 : 0)));
        });
      }
      return withDct(c, 'DATE', (dct) => {
        switch (unit) {
          case 'week':
            return fmtWeek(addDays(dct, 7 * n));
          case 'month': {
            const [y, mo] = addMonths(dct.y, dct.m, n);
            return fmtMonth(y, mo);
          }
          case 'quarter':
            return fmtQuarter(dct.y, quarterOf(dct.m) + n);
          case 'year':
            return String(dct.y + n);
          case 'decade':
            return String(Math.floor(dct.y / 10) + n);
          case 'century':
            return String(Math.floor(dct.y / 100) + n).padStart(2, '0');
        }
        return undefined;
      });
    },
  },
  // ---- "N units ago", "a year earlier", "two days later", "a week after the massacre"
  {
    name: 'offset',
    // "more than a couple of years ago"; [- ] before the unit, blanks after
    head: { words: UNIT_WORDS, lead: 5, apart: 'both', leadWord: leadWords([...wordsOf(OFFSET_APPROX), ...NUMBER_WORDS], NUMBER_PATTERNS) },
    need: /ago\b|earlier|later|before|after|from now|hence|previously/i,
    re: rx(
      `${S}(?:(${OFFSET_APPROX})\\s+)?(${NUMBER})[- ](${UNIT})(?:\\s+or\\s+so)?\\s+(ago|earlier|later|before|after|from\\s+now|hence|previously)${E}`,
    ),
    make(m, c) {
      const n = parseNumber(m[2]!);
      const unit = m[3]!;
      const dir = m[4]!.toLowerCase().replace(/\s+/g, ' ');
      const sign = dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'previously' ? -1 : 1;
      const end = m.index + m[0].length;
      if ((dir === 'before' || dir === 'after') && PREP_EVENT.test(c.text.slice(end, end + 40))) {
        // Anchored to an event: only the distance is a time expression.
        const durEnd = m.index + m[0].length - m[4]!.length - 1;
        return { type: 'DURATION', value: durationValue(n, unit), anchor: 'event', end: durEnd };
      }
      if (Number.isNaN(n)) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', anchor: 'dct' };
      const u = unitOf(unit).word;
      const fromDct = dir === 'ago' || dir === 'from now' || dir === 'hence';
      // Results "a year earlier/ago" in copy about a quarter mean the same period a year before:
      // the month or quarter just named, else the last quarter named in the article.
      const live = c.ref ? parseValue(c.ref) : undefined;
      const period = live && (live.g === 'month' || live.g === 'quarter' || live.g === 'half') ? c.ref : c.periodRef;
      if (u === 'year' && period && (n === 1 || !fromDct)) {
        const v = shiftValue(period, unit, sign * n);
        if (v) return { type: 'DATE', value: v, anchor: 'absolute', derived: true };
      }
      const ref = c.ref && !fromDct ? live : undefined;
      if (ref) {
        // Shift the date just mentioned, at the coarser of its granularity and the unit's.
        const fine = ref.g === 'day' || ref.g === 'week';
        const v = u === 'year' && fine ? String(ref.y + sign * n) : shiftValue(c.ref!, unit, sign * n);
        if (v) return { type: 'DATE', value: v, anchor: 'absolute', derived: true };
      }
      return withDct(c, 'DATE', (dct) => agoValue(dct, unit, sign * n));
    },
  },
  // ---- "year-earlier", "year-ago" (results compared with the same period a year before)
  {
    name: 'year-ago-adj',
    // "the comparable year-ago"; a blank or the lookbehind before, a blank or (?![\w]) after
    head: { words: ['year-earlier', 'year-ago', 'year-before', 'prior-year'], lead: 2, apart: 'both' },
    need: /year-(?:earlier|ago|before)|prior-year/i,
    re: rx(`${S}(?:the\\s+)?(?:(?:comparable|corresponding)\\s+)?(year-(?:earlier|ago)|prior-year|year-before)(?:\\s+(quarter|period|(?:${ORD_WORDS})\\s+quarter|nine months|six months))?${E}`),
    make(m, c) {
      if (m[2] && /months/i.test(m[2])) return { type: 'DURATION', value: `P${parseNumber(m[2].split(/\s/)[0]!)}M`, anchor: 'none' };
      // "the year-ago results": the determiner belongs to the noun after the adjective.
      const lead = !m[2] ? /^the\s+/i.exec(m[0]) : null;
      const r = yearAgoValue(m, c);
      return lead ? { ...r, start: m.index + lead[0].length } : r;
    },
  },
  // ---- quarters and halves: "the third quarter", "third-quarter", "the fourth quarter of 1990", "fiscal 1989"
  {
    name: 'quarter',
    // "the two thousand and one two thousand and one flat first fiscal quarter": 5 + 4 + 1 + 1 + 1;
    // [- ] before, a blank or (?![\w]) after
    head: { words: ['quarter', 'half'], lead: 12, apart: 'both' },
    need: /quarter|half/i,
    re: rx(
      `${S}(?:(the|its|this|a|last\\s+year's|this\\s+year's|next\\s+year's|the\\s+(?:${YEAR}))\\s+)?(?:(?:fiscal|calendar|(?:${YEAR}))[- ])?(?:(flat|strong|weak|disappointing|fiscal|calendar)[- ])?` +
        `(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?(quarter|half)(?:\\s+of\\s+(?:(?:fiscal|calendar)\\s+)?(${YEAR}|this\\s+year|last\\s+year|next\\s+year))?${E}`,
    ),
    make(m, c) {
      const det = (m[1] ?? '').toLowerCase();
      const hyphen = /(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:fiscal-)?(?:quarter|half)/i.test(m[0]);
      // TimeBank leaves out "a", "its" and, before an adjectival "third-quarter", "the".
      const dropDet = det === 'a' || det === 'its' || (hyphen && (det === 'the' || det === 'this'));
      const r = quarterValue(m, c);
      return r && dropDet ? { ...r, start: m.index + m[1]!.length + 1 } : r;
    },
  },
  // ---- "the 1988 period", "the 1988 quarter"
  {
    name: 'year-period',
    // "the 1988 period"; blanks before, (?![\w]) after
    head: { words: ['period', 'quarter', 'season'], lead: 2, apart: 'both' },
    need: /\d{4}\s+(?:period|quarter|season)/i,
    re: rx(`${S}the\\s+((?:1[6-9]|20)\\d\\d)\\s+(period|quarter|season)${E}`),
    make(m, c) {
      const y = Number(m[1]);
      const ref = c.periodRef ? parseValue(c.periodRef) : undefined;
      if (ref && ref.g === 'quarter') return { type: 'DATE', value: `${y}-Q${ref.n}`, anchor: 'absolute', derived: true };
      return { type: 'DATE', value: String(y), anchor: 'absolute' };
    },
  },
  // ---- years: "1998", "fiscal 1989", "early 1991", "the end of 1994", "nineteen ninety-six", "the year two thousand"
  {
    name: 'year',
    // a year's digits begin 16..20; "the second half of 1990" (4), "the first half of two thousand" (5)
    head: {
      words: ['16', '17', '18', '19', '20', 'nineteen', 'thousand'],
      lead: 5,
      // the words before the year, and "two" before "thousand"
      leadWord: leadWords(wordsOf('fiscal|calendar|early|late|mid|the end|beginning|start|middle|first half|second half|last half|latter half|spring|summer|fall|autumn|winter|of|year|two')),
    },
    need: /\d{4}|nineteen|two thousand/i,
    re: rx(
      `(?<![\\w$£€.,/#-])(?:(fiscal|calendar|early|late|mid-?|the\\s+(?:end|beginning|start|middle|first\\s+half|second\\s+half|last\\s+half|latter\\s+half|spring|summer|fall|autumn|winter)\\s+of|the\\s+year)\\s*)?(${YEAR})(?![\\w%]|,\\d|\\.\\d|-\\d\\d-|-\\d(?!\\d{1,3}(?![\\d-]))|\\s*(?:%|percent|million|billion|people|shares|points|units|tons|feet|meters|miles|votes|jobs|troops)\\b)`,
    ),
    make(m, c) {
      const y = yearOf(m[2]!);
      if (!(y >= 1600 && y <= 2100)) return null;
      // Spoken years ("nineteen ninety-six") are counts when a noun follows ("two thousand students").
      if (/^two/i.test(m[2]!) && !m[1] && c.posAfter() === 'NOUN') return null;
      // "1998" right after a bare number ("1,200 1998") or an amount: not a year.
      const before = c.text.slice(Math.max(0, m.index - 3), m.index);
      if (/\d\s*$/.test(before)) return null;
      const pre = (m[1] ?? '').toLowerCase();
      if (/half/.test(pre)) return { type: 'DATE', value: `${y}-H${/first/.test(pre) ? 1 : 2}`, anchor: 'absolute' };
      const season = /(spring|summer|fall|autumn|winter)/.exec(pre);
      if (season) return { type: 'DATE', value: `${y}-${W.seasons.get(season[1]!)!.code}`, anchor: 'absolute' };
      return { type: 'DATE', value: String(y), anchor: 'absolute' };
    },
  },
  // ---- decades and centuries: "the 1990s", "the mid-1990s", "the '80s", "the nineties", "the 20th century"
  {
    name: 'decade',
    // "the last half of the 1990s"
    head: { words: ["0s", "0's", 'ties'], lead: 5, leadWord: leadWords(wordsOf('the|early|late|mid|last half of')) },
    need: /0'?s\b|ties\b/i,
    re: rx(
      `${S}(?:the\\s+)?(?:(?:early|late|mid-?|last\\s+half\\s+of\\s+the)\\s*)?(?:((?:1[0-9]|20)\\d)0'?s|'(\\d)0'?s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))${E}`,
    ),
    make(m) {
      if (m[1]) return { type: 'DATE', value: m[1], anchor: 'absolute' };
      if (m[2]) return { type: 'DATE', value: `19${m[2]}`, anchor: 'absolute' };
      const tens = parseNumber(m[3]!.replace(/ies$/, 'y'));
      return Number.isNaN(tens) ? null : { type: 'DATE', value: `19${tens / 10}`, anchor: 'absolute' };
    },
  },
  {
    name: 'century',
    // "the early 20th century"; [- ] before, (?![\w]) after
    head: { words: ['century'], lead: 3, apart: 'both' },
    need: /century/i,
    re: rx(`${S}(?:the\\s+)?(?:(?:early|late|mid-?)\\s*)?(\\d{1,2})(?:st|nd|rd|th)[- ]century${E}|${S}(?:the\\s+)?(${ORD_WORDS}|twentieth|twenty-first|nineteenth|eighteenth)[- ]century${E}`),
    make(m) {
      const words: Record<string, number> = { twentieth: 20, 'twenty-first': 21, nineteenth: 19, eighteenth: 18 };
      const n = m[1] ? Number(m[1]) : words[m[2]!.toLowerCase()] ?? parseNumber(m[2]!);
      if (!(n >= 1 && n <= 30)) return null;
      return { type: 'DATE', value: String(n - 1).padStart(2, '0'), anchor: 'absolute' };
    },
  },
  // ---- seasons: "this summer", "last fall", "the winter of 1994"
  {
    name: 'season',
    // "this past summer"
    head: { words: ['spring', 'summer', 'fall', 'autumn', 'winter'], lead: 2 },
    need: /spring|summer|fall|autumn|winter/i,
    re: rx(
      `${S}(?:(early|late|mid-?|the\\s+early|the\\s+late|this\\s+past|this\\s+coming|this|last|next|the|coming|past)\\s*)?(${SEASON})(?:\\s+(?:of\\s+)?(${YEAR}))?${E}`,
    ),
    make(m, c) {
      const s = W.seasons.get(m[2]!.toLowerCase())!;
      if (m[3]) return { type: 'DATE', value: `${yearOf(m[3])}-${s.code}`, anchor: 'absolute' };
      const mode = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ').replace(/^the (early|late)$/, 'the');
      if (!mode) {
        const before = c.text.slice(Math.max(0, m.index - 8), m.index).toLowerCase();
        if (!/(?:in|since|until|by|during|this|last|next)\s+$/.test(before)) return null;
      }
      // "the fall of the Berlin Wall": a noun, not the season.
      if (/^(fall|spring)$/i.test(m[2]!) && !m[3]) {
        const after = c.text.slice(m.index + m[0].length, m.index + m[0].length + 16);
        // "the fall in prices", "the fall of Baghdad", "the spring to life": nouns, not seasons.
        if (/^\s+of\s+(?!\d|nineteen|two thousand)/i.test(after) || /^\s+(?:in|to|from|on|at|by|for)\b/i.test(after)) return null;
        if (/^(the|a)$/i.test(mode) && /^\s*(?:'s|’s)/.test(after)) return null;
      }
      return withDct(c, 'DATE', (dct) => `${seasonYear(dct, s.code, s.month, mode.replace(/^(early|late|mid-?)$/, ''), c.tense())}-${s.code}`);
    },
  },
  // ---- durations: "15 months", "the past two months", "nearly three years", "two-year", "2 1/2 years", "8-month-old"
  {
    name: 'duration',
    joinsNumeric: false,
    // two approximators of up to 4 ("each of the past"), a number of up to 2 ("a couple of")
    // and its separator, "to a couple of " (4), a modifier (1): 8 + 3 + 4 + 1; [- ] or a blank
    // before the unit, a blank, "-" or (?![\w]) after
    head: {
      words: UNIT_WORDS,
      lead: 16,
      apart: 'both',
      leadWord: leadWords([...wordsOf(APPROX, DURATION_MODIFIERS), ...NUMBER_WORDS, 'to', 'or'], NUMBER_PATTERNS),
    },
    need: UNIT_NEED,
    re: rx(
      `${S}(?:${APPROX}\\s+)?(?:${APPROX}\\s+)?(${NUMBER})[- ](?:(?:to|or)\\s+(?:${NUMBER})[- ])?(?:(?:${DURATION_MODIFIERS})\\s+)?(${UNIT})(?:\\s+(and\\s+a\\s+half))?(-old|-long)?(?:\\s+(?:or\\s+so|period|term))?${E}`,
    ),
    make(m, c) {
      let n = parseNumber(m[1]!);
      const unit = m[2]!;
      if (m[3]) n += 0.5;
      const u = unitOf(unit);
      // "a day" or "a year" after amounts or "once", "twice": a frequency ("$5 million a year").
      if (/^(a|an|per)$/i.test(m[1]!) && m[0].toLowerCase().startsWith(m[1]!.toLowerCase())) {
        const before = c.text.slice(Math.max(0, m.index - 20), m.index);
        if (/(?:\d|million|billion|percent|%|once|twice|times|dollars|cents)\s*$/i.test(before))
          return { type: 'SET', value: durationValue(1, unit), anchor: 'none' };
      }
      // "a night shift", "a day trip": a one-unit modifier of a noun, not a duration.
      if (/^(a|an|one)$/i.test(m[1]!) && m[0].toLowerCase().startsWith(m[1]!.toLowerCase()) && c.posAfter() === 'NOUN' && !m[4]) return null;
      // "one day" alone reads as "some day in the future" in TimeML.
      if (/^one\s+day$/i.test(m[0]) && c.tense() === 'future') return { type: 'DATE', value: 'FUTURE_REF', anchor: 'dct' };
      if (u.code === 'X') return null;
      // "a day-care center", "a quarter-century": the unit is part of another word.
      if (/^-[a-z]/i.test(c.text.slice(c.end, c.end + 2)) && !m[4]) return null;
      // "three-quarters of the vote", "a quarter of the people": fractions, not time.
      if (u.word === 'quarter' && /^\s+of\b/i.test(c.text.slice(c.end, c.end + 5))) return null;
      // TimeBank leaves determiners out before adjectival durations ("the two-year", "its 30-day").
      const det = /^(the|its|their|a|an)\s+/i.exec(m[0]);
      // Lower case compares as the i flag would: a duration match holds only ASCII and blanks.
      const adjectival = m[0].toLowerCase().includes(`${m[1]!.toLowerCase()}-`);
      const drop = det && (det[1]!.toLowerCase() === 'its' || det[1]!.toLowerCase() === 'their' || (adjectival && det[0].length < m[0].indexOf(m[1]!) + 1));
      const start = drop ? m.index + det![0].length : undefined;
      return { type: 'DURATION', value: durationValue(n, unit), anchor: 'none', start };
    },
  },
  // ---- vague durations: "several years", "the next few days", "recent years", "coming months", "for years"
  {
    name: 'vague-duration',
    joinsNumeric: false,
    // "the next few years"; a blank or the lookbehind before, a blank or (?![\w]) after
    head: { words: UNIT_WORDS, lead: 3, apart: 'both', leadWord: leadWords(wordsOf('the next|past|last|coming|first|few|several|many|in recent|early|for')) },
    need: UNIT_NEED,
    re: rx(
      `${S}(?:(the\\s+(?:next|past|last|coming|first)\\s+(?:few|several|many)|(?:in\\s+)?recent|the\\s+coming|coming|the\\s+past|the\\s+last|the\\s+next|the\\s+early|the|for)\\s+)?(${UNIT})(\\s+ahead)?${E}`,
    ),
    make(m, c) {
      const unit = m[2]!;
      // "the weeks ahead", "the months ahead"
      if (m[3] && /^the$/i.test(m[1] ?? '') && /s$/i.test(unit)) return { type: 'DURATION', value: durationValue(NaN, unit), anchor: 'none' };
      if (m[3]) return null;
      const plural = /s$/i.test(unit) || /centuries|millennia/i.test(unit);
      const pre = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      if (!plural || !pre || pre === 'the' || pre === 'the last' || pre === 'the next' || pre === 'the past') return null;
      if (pre === 'for') {
        // "for years", "for months": only the unit is the expression.
        return { type: 'DURATION', value: durationValue(NaN, unit), anchor: 'none', start: m.index + m[0].length - unit.length };
      }
      if (pre.includes('recent')) {
        // TimeBank mostly reads "recent months" as an unspecified duration.
        const s = m.index + m[0].toLowerCase().indexOf('recent');
        return { type: 'DURATION', value: durationValue(NaN, unit), anchor: 'none', start: s };
      }
      if (/coming/.test(pre) && !/few|several|many/.test(pre)) return { type: 'DATE', value: 'FUTURE_REF', anchor: 'dct' };
      return { type: 'DURATION', value: durationValue(NaN, unit), anchor: 'none' };
    },
  },
  {
    name: 'vague-count',
    joinsNumeric: false,
    // "a couple of years"; blanks before, a blank or (?![\w]) after
    head: { words: UNIT_WORDS, lead: 3, apart: 'both', leadWord: leadWords(wordsOf('several|a few|a couple of|many|a number of')) },
    need: UNIT_NEED,
    re: rx(`${S}(several|a\\s+few|a\\s+couple\\s+of|many|a\\s+number\\s+of)\\s+(${UNIT})(\\s+ago)?${E}`),
    make(m) {
      if (m[3]) return { type: 'DATE', value: 'PAST_REF', anchor: 'dct' };
      if (/couple/i.test(m[1]!)) return { type: 'DURATION', value: durationValue(2, m[2]!), anchor: 'none' };
      return { type: 'DURATION', value: durationValue(NaN, m[2]!), anchor: 'none' };
    },
  },
  // ---- sets: "daily", "each year", "every Thursday", "each July"
  {
    name: 'set',
    joinsNumeric: false,
    // a frequency word, or "each"/"every"/"per", starts the match
    head: { ...phraseHead([...W.sets.keys(), 'each', 'every', 'per'], 0), apart: 'both' },
    re: rx(
      `${S}(?:(${alternation(W.sets.keys())})|(?:each|every|per)\\s+(?:(other|\\d+|${TEENS}|${ONES}|few)\\s+)?(?:(${UNIT})|(${WEEKDAY})|(${MONTH})))${E}`,
    ),
    make(m, c) {
      if (m[1]) {
        const p = c.posAfter();
        if (p === 'NOUN' || p === 'PROPN' || p === 'ADJ' || p === 'NUM') return null;
        return { type: 'SET', value: W.sets.get(m[1].toLowerCase())!, anchor: 'none' };
      }
      if (m[3]) {
        // "every day", "every other week", "every two years", "every few months"
        const k = !m[2] ? 1 : /other/i.test(m[2]) ? 2 : parseNumber(m[2]);
        if (/s$/i.test(m[3]) !== (k !== 1 && !/other/i.test(m[2] ?? ''))) return null;
        return { type: 'SET', value: durationValue(k, m[3]), anchor: 'none' };
      }
      if (m[2] && !/other/i.test(m[2])) return null;
      if (m[4]) return isUpper(m[4]) ? { type: 'SET', value: `XXXX-WXX-${weekdayOf(m[4])}`, anchor: 'none' } : null;
      if (m[5]) return isUpper(m[5]) ? { type: 'SET', value: `XXXX-${String(monthOf(m[5])).padStart(2, '0')}`, anchor: 'none' } : null;
      return null;
    },
  },
  // ---- vague references: "now", "currently", "recently", "the past", "the future" (src/lexicon/time-refs.txt)
  {
    name: 'ref',
    head: { ...phraseHead(W.refs.keys(), 0), apart: 'both', leadWord: leadWords(wordsOf([...W.refs.keys()].join('|'))) },
    re: rx(`${S}(${alternation(W.refs.keys())})${E}`),
    make(m, c) {
      const w = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const after = c.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      // "as soon as he ...": a conjunction, not a time; "now that": likewise kept (still the present).
      if (w === 'soon' && /^\s+(?:as|after|afterwards|before|thereafter)\b/i.test(after)) return null;
      if (w === 'soon' && /\bas\s+$/i.test(c.text.slice(Math.max(0, m.index - 4), m.index))) return null;
      if (w === 'future' && !/^\s+(?:quarters|years|months|weeks|periods)\b/i.test(after)) return null;
      if (w === 'current' && /^\s+(?:account|assets|liabilities|events|affairs|president|chairman|director)\b/i.test(after)) return null;
      return { type: 'DATE', value: W.refs.get(w)!, anchor: 'dct' };
    },
  },
  // ---- "year-end", "year's end", "the end of the year", "the fiscal year", "the current year"
  {
    name: 'year-end',
    // "around the end of the year"; a blank or the lookbehind before; [- ], "'" or (?![\w]) after
    head: { words: ['year'], lead: 5, apart: 'both', leadWord: leadWords(wordsOf('around|the end of|current|latest|last|next|previous|this|fiscal|full')) },
    need: /year|fiscal/i,
    re: rx(`${S}(?:around\\s+)?(?:(year[- ]end|year's\\s+end|the\\s+end\\s+of\\s+the\\s+year)|(?:the\\s+)?(current|latest|last|next|previous|this)?\\s*fiscal\\s+year|the\\s+current\\s+year|the\\s+full\\s+year)${E}`),
    make(m, c) {
      const rel = (m[2] ?? '').toLowerCase();
      const n = rel === 'last' || rel === 'previous' || rel === 'latest' ? -1 : rel === 'next' ? 1 : 0;
      return withDct(c, 'DATE', (dct) => String(dct.y + n));
    },
  },
  // ---- "0800 GMT", "1430 local time": wire-service clock times
  {
    name: 'clock-24h',
    // "0800 GMT", "0800 local time", "17:33"; digits or a blank before, digits, a blank or (?![\w]) after
    head: { words: ['gmt', 'utc', 'local', ':'], lead: 1, apart: 'both' },
    need: /\d\s?(?:GMT|UTC|local time)|\d:\d\d/i,
    re: rx(
      `${S}(?:([01]\\d|2[0-3]):?([0-5]\\d)\\s?(GMT|UTC|local time)|([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:.]|\\s?(?:a\\.?m|p\\.?m)))${DAY_TAIL}${E}`,
    ),
    make(m, c) {
      const tail = m[6];
      // A bare "17:33" is not this rule's: times-numeric.ts reads it, unless it is part of a date nearby.
      if (m[4] && !tail) return null;
      if (tail && !/^(today|yesterday|tomorrow|tonight)$/i.test(tail) && !/^\d/.test(tail) && !isUpper(tail)) return null;
      const day = tail ? dayWord(c, tail) : c.dct;
      if (day === 'unresolved' || !day) return { type: 'TIME', anchor: 'none', unresolved: true };
      const hh = (m[1] ?? m[4]!).padStart(2, '0');
      const mm = m[2] ?? m[5]!;
      return { type: 'TIME', value: `${fmtDay(day)}T${hh}:${mm}`, anchor: tail && /\d{4}/.test(tail) ? 'absolute' : 'dct' };
    },
  },
  // ---- fixed holidays: "Christmas", "New Year's Eve" (src/lexicon/time-holidays.txt)
  {
    name: 'holiday',
    // "last"/"next"/"this" may come before the holiday
    head: { ...phraseHead(W.holidays.keys(), 1), apart: 'both' },
    re: rx(`${S}(?:(last|next|this)\\s+)?(${alternation(W.holidays.keys())})(?:\\s+(${YEAR}))?${E}`),
    make(m, c) {
      if (!isUpper(m[2]!)) return null;
      const md = W.holidays.get(m[2]!.toLowerCase().replace(/\s+/g, ' '))!;
      const [mo, d] = md.split('-').map(Number) as [number, number];
      if (m[3]) return { type: 'DATE', value: fmtDay({ y: yearOf(m[3]), m: mo, d }), anchor: 'absolute' };
      const rel = (m[1] ?? '').toLowerCase();
      return withDct(c, 'DATE', (dct) => {
        const x: Day = { y: dct.y, m: mo, d };
        const diff = daysBetween(dct, x);
        let y = yearFor(dct, mo, d, () => c.tense(), forwardSignal(c, m.index));
        if (rel === 'last') y = diff < 0 ? dct.y : dct.y - 1;
        if (rel === 'next') y = diff > 0 ? dct.y : dct.y + 1;
        return fmtDay({ y, m: mo, d });
      });
    },
  },
  // ---- "the year before", "the month after": the last date mentioned, shifted
  {
    name: 'anaphoric-unit',
    // "the year before"; blanks before, (?![\w]) after
    head: { words: ['before', 'after', 'earlier', 'later'], lead: 2, apart: 'both', leadWord: leadPattern('the|week|month|year') },
    need: /the\s+(?:week|month|year)\s+(?:before|after|earlier|later)/i,
    re: rx(`${S}the\\s+(week|month|year)\\s+(before|after|earlier|later)${E}`),
    make(m, c) {
      const n = /before|earlier/i.test(m[2]!) ? -1 : 1;
      const unit = m[1]!.toLowerCase();
      // "the year before the war": anchored to an event, not a date.
      const after = c.text.slice(c.end, c.end + 30);
      if (PREP_EVENT.test(after)) return null;
      const v = c.ref ? shiftToGranularity(c.ref, unit, n) : undefined;
      if (v) return { type: 'DATE', value: v, anchor: 'absolute', derived: true };
      return withDct(c, 'DATE', (dct) => agoValue(dct, unit, n));
    },
  },
  // ---- "that day", "the same day", "that year", "then"-like anaphora to the last date
  {
    name: 'anaphoric-day',
    // "the following day"; blanks before, a blank or (?![\w]) after
    head: { words: ['day', 'night'], lead: 2, apart: 'both' },
    need: /day|night/i,
    re: rx(`${S}(that\\s+day|the\\s+same\\s+day|that\\s+night|the\\s+next\\s+day|the\\s+following\\s+day|the\\s+day\\s+before|the\\s+previous\\s+day)${E}`),
    make(m, c) {
      const w = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const p = c.ref ? parseValue(c.ref) : undefined;
      const n = /next|following/.test(w) ? 1 : /before|previous/.test(w) ? -1 : 0;
      if (p && p.g === 'day') {
        const d = addDays({ y: p.y, m: p.n, d: p.d! }, n);
        return w.endsWith('night') ? { type: 'TIME', value: fmtDay(d) + 'TNI', anchor: 'absolute' } : { type: 'DATE', value: fmtDay(d), anchor: 'absolute' };
      }
      // "that day" with no day mentioned before: a time, but of an unknown day.
      if (n === 0) return { type: w.endsWith('night') ? 'TIME' : 'DATE', anchor: 'none' };
      return withDct(c, 'DATE', (dct) => fmtDay(addDays(dct, n)));
    },
  },
];

/** Value of "year-earlier", "the year-ago quarter": the period just named, a year before. */
function yearAgoValue(m: RegExpExecArray, c: RuleContext): Resolution {
  const base = c.periodRef ?? c.ref;
  const ref = base && parseValue(base);
  if (ref && (ref.g === 'quarter' || ref.g === 'year' || ref.g === 'month' || ref.g === 'half'))
    return { type: 'DATE', value: shiftValue(base!, 'year', -1), anchor: 'absolute', derived: true };
  return withDct(c, 'DATE', (dct) => (m[2] ? fmtQuarter(dct.y - 1, quarterOf(dct.m) - 1) : String(dct.y - 1)));
}

/** Value of "the third quarter", "the first half of 1990", "last year's fourth quarter". */
function quarterValue(m: RegExpExecArray, c: RuleContext): Resolution | null {
  const ord = m[3]!.toLowerCase();
  const k = ord.startsWith('1') || ord === 'first' ? 1 : ord.startsWith('2') || ord === 'second' ? 2 : ord.startsWith('3') || ord === 'third' ? 3 : 4;
  const isHalf = m[4]!.toLowerCase() === 'half';
  if (isHalf && k > 2) return null;
  const code = (y: number) => (isHalf ? `${y}-H${k}` : `${y}-Q${k}`);
  const yearText = /(\d{4}|nineteen[\w -]+|two thousand[\w ]*)/i.exec(m[0]);
  if (m[5] && /\d|nineteen|thousand/i.test(m[5])) return { type: 'DATE', value: code(yearOf(m[5])), anchor: 'absolute' };
  if (yearText && !/year's|this year|last year|next year/i.test(m[0])) return { type: 'DATE', value: code(yearOf(yearText[1]!.trim())), anchor: 'absolute' };
  const rel = /(last|next|this)\s+year/i.exec(m[0]);
  // The quarters of the article's year; with "last year's" the year before.
  return withDct(c, 'DATE', (dct) => {
    let y = dct.y + (rel ? (rel[1]!.toLowerCase() === 'last' ? -1 : rel[1]!.toLowerCase() === 'next' ? 1 : 0) : 0);
    if (!rel && !isHalf && c.tense() === 'future' && k < quarterOf(dct.m) - 1) y += 1;
    return code(y);
  });
}
