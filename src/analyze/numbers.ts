/**
 * Numbers with what they count (`108 people`, `more than 10,000`, `300 UN monitors`,
 * `$4.5 billion`, `15 months`) and their hedges (`more than`, `at least`, `about`, `feared`).
 * Dates and clock times are left to the times analyser.
 */
import type { NumberMention, Token } from '../model/types.js';
import type { Doc } from './doc.js';

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, dozen: 12, dozens: 24, hundreds: 200, thousands: 2000, scores: 40,
};
/** The words `w in WORDS` holds for (its own, and those of `Object.prototype`), as a set: faster to ask. */
const WORD_GATE = new Set([...Object.keys(WORDS), ...Object.getOwnPropertyNames(Object.prototype)]);
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mln: 1e6, bln: 1e9, m: 1e6, bn: 1e9 };
const CURRENCY: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.']);
/** Hedges before a number, longest first. */
const HEDGES = [
  'more than', 'less than', 'fewer than', 'at least', 'at most', 'as many as', 'as few as', 'up to', 'an estimated', 'upwards of',
  'about', 'around', 'nearly', 'almost', 'approximately', 'roughly', 'some', 'over', 'under', 'estimated', 'close to', 'just over', 'just under',
];
const AFTER_HEDGES = new Set(['feared', 'believed', 'estimated', 'thought', 'reported', 'reportedly', 'suspected', 'presumed']);
const UNIT_STOP = new Set(['ADP', 'VERB', 'AUX', 'PUNCT', 'CCONJ', 'SCONJ', 'PRON', 'DET', 'PART', 'NUM', 'SYM', 'ADV']);

function parseNumeral(s: string): number | undefined {
  const clean = s.replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(clean)) return parseFloat(clean);
  const lower = s.toLowerCase();
  if (lower in WORDS) return WORDS[lower];
  const m = /^(\w+)-(\w+)$/.exec(lower);
  if (m && m[1]! in WORDS && m[2]! in WORDS) return WORDS[m[1]!]! + WORDS[m[2]!]!;
  return undefined;
}

function isYearLike(t: Token, prev?: Token): boolean {
  const v = t.text;
  if (!/^\d{4}$/.test(v)) return false;
  const n = +v;
  return n >= 1800 && n <= 2100 && (!prev || prev.text !== '$');
}

/** Numbers of a document, with hedge, what they count and a range upper bound. */
export function findNumbers(doc: Doc): NumberMention[] {
  const out: NumberMention[] = [];
  const T = doc.tokens;
  for (const s of doc.sentences) {
    const [from, to] = s.tokens;
    let i = from;
    while (i < to) {
      const t = T[i]!;
      const c = t.text.charCodeAt(0);
      const digit = c >= 48 && c <= 57;
      // Cheap gate first: only digits and number words can be numbers.
      if (!digit && !WORD_GATE.has(t.normal)) {
        i++;
        continue;
      }
      const value = parseNumeral(t.text);
      const prev = T[i - 1];
      if (value === undefined) {
        i++;
        continue;
      }
      // Skip dates, years, clock times, ordinals and `one` as a pronoun; and the second number of
      // a rate (`1 in 100 people`, `one in five`), which counts nothing.
      const rate =
        (prev?.normal === 'in' && T[i - 2] !== undefined && parseNumeral(T[i - 2]!.text) !== undefined) ||
        (T[i + 1]?.normal === 'in' && T[i + 2] !== undefined && parseNumeral(T[i + 2]!.text) !== undefined);
      if (rate || (prev && MONTHS.has(prev.normal)) || (T[i + 1] && MONTHS.has(T[i + 1]!.normal)) || isYearLike(t, prev) || /:/.test(t.text) || (t.normal === 'one' && T[i + 1]?.pos !== 'NOUN')) {
        i++;
        continue;
      }
      let start = t.start;
      let end = t.end;
      let v = value;
      let j = i + 1;
      let unit: string | undefined;
      if (prev && CURRENCY[prev.text] && prev.end === t.start) {
        start = prev.start;
        unit = CURRENCY[prev.text];
      }
      while (j < to && SCALE[T[j]!.normal] !== undefined) {
        v *= SCALE[T[j]!.normal]!;
        end = T[j]!.end;
        j++;
      }
      // Ranges: `50 to 100`, `between 10 and 15`, `10-15`.
      let upper: number | undefined;
      if (j + 1 < to && (T[j]!.normal === 'to' || T[j]!.normal === 'and' && T[i - 1]?.normal === 'between' || T[j]!.text === '-')) {
        const u = parseNumeral(T[j + 1]!.text);
        if (u !== undefined && u > value) {
          upper = u;
          end = T[j + 1]!.end;
          j += 2;
          while (j < to && SCALE[T[j]!.normal] !== undefined) {
            upper *= SCALE[T[j]!.normal]!;
            end = T[j]!.end;
            j++;
          }
          if (v !== value) v = value * (upper / u);
        }
      }
      // Percent and currency words.
      if (j < to && (T[j]!.text === '%' || T[j]!.normal === 'percent' || T[j]!.normal === 'per')) {
        unit = 'percent';
        end = T[j]!.end;
        if (T[j]!.normal === 'per' && T[j + 1]?.normal === 'cent') j++;
        end = T[j]!.end;
        j++;
      }
      // What is counted: the noun phrase after the number (`UN monitors`, `people`).
      let unitSpan: { start: number; end: number } | undefined;
      if (!unit || unit === 'USD' || unit === 'EUR' || unit === 'GBP' || unit === 'JPY') {
        let k = j;
        if (T[k]?.normal === 'of' && (t.normal === 'dozens' || t.normal === 'hundreds' || t.normal === 'thousands' || t.normal === 'scores')) k++;
        const ustart = k;
        while (k < to && k - ustart < 4 && !UNIT_STOP.has(T[k]!.pos)) {
          k++;
          if (T[k - 1]!.pos === 'NOUN' && T[k]?.pos !== 'NOUN' && T[k]?.pos !== 'PROPN') break;
        }
        if (k > ustart && !unit) {
          // Trim trailing adjectives.
          while (k > ustart && T[k - 1]!.pos === 'ADJ') k--;
          if (k > ustart) {
            unitSpan = { start: T[ustart]!.start, end: T[k - 1]!.end };
            unit = doc.text.slice(unitSpan.start, unitSpan.end);
          }
        }
      }
      // Hedge before (`more than`), or after (`13,000 are feared to have died`).
      let hedge: string | undefined;
      const before = T.slice(Math.max(from, i - 3 - (start < t.start ? 1 : 0)), start < t.start ? i - 1 : i).map((x) => x.normal).join(' ');
      for (const h of HEDGES) {
        if (before === h || before.endsWith(' ' + h)) {
          hedge = h;
          const hw = h.split(' ').length;
          const hs = T[(start < t.start ? i - 1 : i) - hw];
          if (hs) start = hs.start;
          break;
        }
      }
      if (!hedge) {
        for (let k = j; k < Math.min(to, j + 5); k++) {
          if (AFTER_HEDGES.has(T[k]!.normal)) {
            hedge = T[k]!.normal;
            break;
          }
          if (T[k]!.pos === 'PUNCT') break;
        }
      }
      const m: NumberMention = { start, end, text: doc.text.slice(start, end), value: v, sentence: s.index };
      if (upper !== undefined) m.upper = upper;
      if (hedge) m.hedge = hedge;
      if (unit) m.unit = unit;
      if (unitSpan) m.unitSpan = unitSpan;
      out.push(m);
      i = j;
    }
  }
  return out;
}
