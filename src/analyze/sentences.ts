/**
 * Sentence segmentation for news text: sentences end at stops (with the quotes and brackets
 * that close on them), paragraph and line breaks end sentences, `?" he said` stays one
 * sentence, title abbreviations such as `Gen.` do not end one; minus the non-story spans.
 */
import type { Sentence, Span, Token } from '../model/types.js';
import { lexicon } from '../lexicon/index.js';
import { isSpaceCode } from './chars.js';

/** True when a text is hard-wrapped (DUC style): single newlines are not breaks. */
export function isHardWrapped(text: string): boolean {
  // Of the lines with any text, the share that are 35-110 characters long without a closing stop.
  // (A scan along the text: this is asked several times per article.)
  let lines = 0;
  let wrapped = 0;
  for (let from = 0; from <= text.length; ) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    let end = to;
    while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end > from) {
      lines++;
      const length = end - from; // (leading white space counts, as in the line trimmed at its end)
      if (length >= 35 && length <= 110 && !LINE_CLOSERS.has(text.charCodeAt(end - 1))) wrapped++;
    }
    from = to + 1;
  }
  return lines >= 6 && wrapped / lines >= 0.4;
}
/** `.`, `!`, `?`, `"`, `'`, `”`. */
const LINE_CLOSERS = new Set([46, 33, 63, 34, 39, 0x201d]);

const OPENERS = new Set(['"', "'", '(', '[', '``', '\u201c', '\u2018']);
const CLOSERS = new Set(["''", '\u201d', '\u2019', '"', "'"]);

/**
 * Sentences of the story text. `exclude` holds spans that are not story text
 * (headline, dateline, credits, captions); tokens inside them belong to no sentence.
 */
export function segment(text: string, tokens: Token[], exclude: Span[] = []): Sentence[] {
  const hard = isHardWrapped(text);
  const excluded = (t: Token) => exclude.some((s) => t.start < s.end && t.end > s.start);
  const breakBefore = (t: Token) => (hard ? t.paraStart : t.lineStart);

  // 1. Candidate pieces: runs ended by stops, cut at breaks and excluded spans.
  const pieces: Array<[number, number]> = [];
  for (const [from, to] of stopRuns(tokens)) {
    let s = -1;
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (excluded(t)) {
        if (s >= 0) pieces.push([s, i]);
        s = -1;
        continue;
      }
      if (s >= 0 && breakBefore(t)) {
        pieces.push([s, i]);
        s = i;
      } else if (s < 0) s = i;
    }
    if (s >= 0) pieces.push([s, to]);
  }

  // 2. A closing quote left at the start of the next piece (`...?''' Gett said.`: it
  //    touches the word before and not the one after) goes back to the piece it closes.
  for (let k = 1; k < pieces.length; k++) {
    const prev = pieces[k - 1]!;
    const p = pieces[k]!;
    if (prev[1] !== p[0] || p[0] >= p[1]) continue;
    const q = tokens[p[0]]!;
    const after = tokens[p[0] + 1];
    if (CLOSERS.has(q.text) && tokens[p[0] - 1]!.end === q.start && (!after || after.start > q.end)) {
      prev[1]++;
      p[0]++;
    }
  }
  for (let k = pieces.length - 1; k >= 0; k--) if (pieces[k]![0] >= pieces[k]![1]) pieces.splice(k, 1);

  // 3. Merge pieces split wrongly (after an abbreviation, before a lower-case attribution).
  const merged: Array<[number, number]> = [];
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && prev[1] === p[0] && shouldMerge(tokens, prev, p, breakBefore)) prev[1] = p[1];
    else merged.push([p[0], p[1]]);
  }

  // 4. Paragraph numbers and spans.
  const out: Sentence[] = [];
  let paragraph = 0;
  let lastEnd = -1;
  for (const [from, to] of merged) {
    const first = tokens[from]!;
    if (lastEnd >= 0 && (first.paraStart || (!hard && first.lineStart))) paragraph++;
    lastEnd = to;
    out.push({ index: out.length, start: first.start, end: tokens[to - 1]!.end, tokens: [from, to], paragraph });
  }
  return out;
}

function shouldMerge(
  tokens: Token[],
  prev: [number, number],
  next: [number, number],
  breakBefore: (t: Token) => boolean,
): boolean {
  const first = tokens[next[0]]!;
  if (breakBefore(first)) return false;
  const last = tokens[prev[1] - 1]!;
  const beforeLast = prev[1] - 2 >= prev[0] ? tokens[prev[1] - 2]! : undefined;
  // `"Has it?" he said.` — a quote ending in ?/! followed by a lower-case attribution.
  const firstIsLower = /^[a-z]/.test(first.text);
  if (firstIsLower) return true;
  // A title abbreviation (`Gen.`, `Sept.`) does not end a sentence — unless what follows opens
  // a sentence, not a name (`... led by Hun Sen. In a letter, ...`).
  const opensSentence = lexicon.sentenceOpeners.has(first.text) || opensQuote(tokens, next[0]);
  if (!opensSentence && (lexicon.abbreviations.has(last.text) || lexicon.abbreviations.has(last.text.toLowerCase()))) return true;
  // `Mr` + `.` split by the tokenizer.
  if (!opensSentence && last.text === '.' && beforeLast && lexicon.abbreviations.has(beforeLast.text + '.')) return true;
  // A lone closing quote or bracket belongs to the previous sentence.
  if (next[1] - next[0] === 1 && /^["'\u201d\u2019)\]]+$/.test(first.text)) return true;
  // A piece that is only an opening quote belongs to the next sentence (handled by caller order).
  if (prev[1] - prev[0] === 1 && OPENERS.has(last.text)) return true;
  return false;
}

/**
 * Token runs, each ended by a stop (`.`, `?`, `!`, several of them, or an abbreviation's period
 * that ends a sentence) with the closing quotes and brackets that follow it, where the next token
 * can open a sentence. Line breaks and the fixes are left to `segment`.
 */
export function stopRuns(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = tokens.length;
  let from = 0;
  for (let i = 0; i < n - 1; i++) {
    const t = tokens[i]!;
    if (!isStop(t.text) && !abbreviationEnds(tokens, i)) continue;
    // A period inside a word the tokenizer cut (`D-R` + `.` + `I.`) ends nothing.
    if (t.text === '.' && tokens[i + 1]!.start === t.end && /^\p{L}/u.test(tokens[i + 1]!.text)) continue;
    // More stops touching it (`?!`, `!!!`) and closers (quotes, brackets) stay with its sentence:
    // a closer that touches the token before it, or that stands apart from the token after it.
    let j = i + 1;
    for (; j < n; j++) {
      const u = tokens[j]!;
      const touches = u.start === tokens[j - 1]!.end;
      if (isStop(u.text) && touches) continue;
      if (CLOSE.has(u.text) && (touches || (j + 1 < n && tokens[j + 1]!.start > u.end))) continue;
      break;
    }
    if (j < n && canOpenSentence(tokens, j)) {
      out.push([from, j]);
      from = j;
    }
    i = j - 1;
  }
  if (from < n) out.push([from, n]);
  return out;
}
/** `.`, `?` or `!` (a test of one character code: this is asked of every token). */
function isStop(v: string): boolean {
  if (v.length !== 1) return false;
  const c = v.charCodeAt(0);
  return c === 46 || c === 63 || c === 33;
}
/** Closing quotes and brackets, which stay with the stop before them. */
const CLOSE = new Set([...CLOSERS, ')', ']']);

/** Whether token `j` can begin a sentence: a capital, a digit, an opening quote or bracket, a dash, or a new line. */
function canOpenSentence(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  if (t.lineStart || OPENING.test(t.text)) return true;
  // A dash standing apart (`... he said. -- Next`), not the start of a word (`Calif. -based`).
  return DASH.test(t.text) && (j + 1 >= tokens.length || tokens[j + 1]!.start > t.end);
}
const OPENING = /^(?:\p{Lu}|\p{N}|["'`(\[\u201c\u2018])/u;
const DASH = /^[-\u2013\u2014\u2015_]+$/;

/**
 * Whether the period of an abbreviation token (`U.S.`, `Calif.`, `p.m.`) also ends the sentence:
 * before a word that opens one (`... in the U.S. The ...`) or a quote that does, or before two
 * spaces on the same line (`... to 31.5 m.  Meanwhile`). Never after an initial (`James P.
 * Rubin`) or a title (`Sen.`).
 */
function abbreviationEnds(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1]!;
  const v = t.text;
  if (v.length < 2 || v.charCodeAt(v.length - 1) !== 46 || lexicon.titleAbbreviations.has(v)) return false;
  // (An initial is a name's, unless it ends an abbreviation the tokenizer cut: `D-N` + `.` + `Y.`)
  const prev = tokens[i - 1];
  if (INITIAL.test(v) && !(prev !== undefined && prev.text === '.' && prev.end === t.start)) return false;
  return lexicon.sentenceOpeners.has(next.text) || (!next.lineStart && next.start - t.end >= 2) || opensQuote(tokens, i + 1);
}
const INITIAL = /^\p{Lu}\.$/u;

/**
 * A quote opening a sentence at token `j`: `` `` ``, `“` or a `"` standing apart, before a capital
 * (`… in the U.S. "We won," …`; not scare quotes: `the U.N. “peacekeepers”`).
 */
function opensQuote(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  const next = tokens[j + 1];
  if (next === undefined || next.start !== t.end || !/^\p{Lu}/u.test(next.text)) return false;
  return t.text === '``' || t.text === '\u201c' || (t.text === '"' && j > 0 && tokens[j - 1]!.end < t.start);
}
