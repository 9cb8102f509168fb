/**
 * Quoted segments of a text: typographic (“…”), ASCII ("…") and tokenised (``…'') double
 * quotes, paired into top-level segments. Quotes inside quotes (‘bravo’, or “…” inside "…")
 * stay inside their outer segment. A quote left open at the end of a paragraph continues when
 * the next paragraph opens with a quote mark (the news convention), and is otherwise closed
 * at the paragraph end.
 */
import type { Span } from '../model/types.js';
import { isSpaceCode } from './chars.js';

/** A top-level quoted segment: `[start, end)` includes the quote marks. */
export interface QuoteSegment extends Span {
  /** Characters of the opening mark (1, or 2 for ``). */
  openLen: number;
  /** Characters of the closing mark (0 when closed by a paragraph end). */
  closeLen: number;
  /** Continued across at least one paragraph break. */
  multiParagraph: boolean;
  /** Single quotes (`'Terrifying'`): headline style. */
  single?: boolean;
}

type Family = 'typo' | 'ascii' | 'tex' | 'single';
interface Mark {
  pos: number;
  len: number;
  family: Family;
  role: 'open' | 'close' | 'either';
}

const LEFT_SIDE = /[\s([{\u2014\u2013\-/]/;
const RIGHT_SIDE = /[\s.,;:!?)\]}\u2014\u2013\-/]/;

function marksOf(text: string, starts: number[]): Mark[] {
  const out: Mark[] = [];
  // Single quotes are top-level quotes only in paragraphs without double quotes (headlines
  // such as `Obama Sees 'Personal Insult'`); elsewhere they are nested quotes or apostrophes.
  const singles: Array<boolean | undefined> = [];
  const singlesOk = (p: number): boolean =>
    (singles[p] ??= !/["\u201c\u201d\u201e]|``|''/.test(text.slice(starts[p] ?? 0, starts[p + 1] ?? text.length)));
  let para = 0;
  const re = /["'`\u201c\u201d\u201e\u2018\u2019]/g;
  let hit: RegExpExecArray | null;
  while ((hit = re.exec(text))) {
    let i = hit.index;
    const c = text.charCodeAt(i);
    while (para + 1 < starts.length && starts[para + 1]! <= i) para++;
    if ((c === 0x2018 || c === 0x2019 || c === 0x27) && singlesOk(para) && text.charCodeAt(i + 1) !== 0x27) {
      const prev = i === 0 ? ' ' : text[i - 1]!;
      const next = i + 1 >= text.length ? ' ' : text[i + 1]!;
      const leftFree = /[\s(\[\u2014\u2013-]/.test(prev);
      const rightFree = /[\s.,;:!?)\]\u2014\u2013-]/.test(next);
      if (leftFree && /\p{L}|\d/u.test(next) && c !== 0x2019) out.push({ pos: i, len: 1, family: 'single', role: 'open' });
      else if (rightFree && /[\p{L}\d.,!?]/u.test(prev) && c !== 0x2018 && !/s/.test(prev)) out.push({ pos: i, len: 1, family: 'single', role: 'close' });
      continue;
    }
    if (c === 0x201c || c === 0x201e) {
      // A left quote used as a closer (`…here,“ said Clyburn`) stands free on its right only.
      const leftFree = i === 0 || LEFT_SIDE.test(text[i - 1]!);
      const rightFree = i + 1 >= text.length || RIGHT_SIDE.test(text[i + 1]!);
      out.push({ pos: i, len: 1, family: 'typo', role: c === 0x201c && !leftFree && rightFree ? 'close' : 'open' });
    } else if (c === 0x201d) {
      // A right quote used as an opener (`”Fear. I am …`) stands free on its left only.
      const leftFree = i === 0 || LEFT_SIDE.test(text[i - 1]!);
      const rightFree = i + 1 >= text.length || RIGHT_SIDE.test(text[i + 1]!);
      out.push({ pos: i, len: 1, family: 'typo', role: leftFree && !rightFree ? 'either' : 'close' });
    }
    else if (c === 0x60 && text.charCodeAt(i + 1) === 0x60) {
      out.push({ pos: i, len: 2, family: 'tex', role: 'open' });
      re.lastIndex = ++i + 1;
    } else if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) {
      // `''` closes ``…''; some outlets also open with it (''…'').
      const leftFree = i === 0 || LEFT_SIDE.test(text[i - 1]!);
      const rightFree = i + 2 >= text.length || RIGHT_SIDE.test(text[i + 2]!);
      out.push({ pos: i, len: 2, family: 'tex', role: leftFree && !rightFree ? 'open' : 'close' });
      re.lastIndex = ++i + 1;
    } else if (c === 0x22) {
      const leftFree = i === 0 || LEFT_SIDE.test(text[i - 1]!);
      const rightFree = i + 1 >= text.length || RIGHT_SIDE.test(text[i + 1]!);
      const role = leftFree && !rightFree ? 'open' : !leftFree && rightFree ? 'close' : 'either';
      out.push({ pos: i, len: 1, family: 'ascii', role });
    }
  }
  return out;
}

/** Paragraph starts (character offsets of each paragraph's first non-space character). */
export function paragraphStarts(text: string, hardWrapped: boolean): number[] {
  if (!hardWrapped) return lineStarts(text);
  const starts: number[] = [];
  const re = /(?:^|\n[ \t]*\r?\n|\n(?=[ \t]+\S))\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const at = m.index + m[0].length;
    if (at < text.length && (starts.length === 0 || starts[starts.length - 1] !== at)) starts.push(at);
    if (m[0].length === 0) re.lastIndex++;
  }
  return starts;
}

/**
 * The first non-space character of the text and after each line break: where the matches of
 * `(?:^|\n)\s*` end, in a global search, found without a regex (a scan for line breaks is
 * quicker).
 */
function lineStarts(text: string): number[] {
  const starts: number[] = [];
  let at = skipSpace(text, 0);
  if (at < text.length) starts.push(at);
  // (The next match is looked for where this one ends, and after an empty one a character on.)
  for (let br = text.indexOf('\n', Math.max(at, 1)); br >= 0; br = text.indexOf('\n', at)) {
    at = skipSpace(text, br + 1);
    if (at < text.length && starts[starts.length - 1] !== at) starts.push(at);
  }
  return starts;
}

/** The first offset from `i` on that is not white space (`\s`). */
function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** Index of the paragraph holding `pos` (binary search over `starts`). */
export function paragraphAt(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function paragraphEnd(text: string, starts: number[], p: number): number {
  let end = p + 1 < starts.length ? starts[p + 1]! : text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Top-level quoted segments of `text`, in text order. */
export function quoteSegments(text: string, starts: number[]): QuoteSegment[] {
  const marks = marksOf(text, starts);
  const out: QuoteSegment[] = [];
  let open: Mark | undefined;
  let para = 0; // paragraph the open quote has reached
  let multi = false;
  let inner = 0; // nested quotes of another family (or same typographic family)
  let innerAscii = false;

  const closeAtParagraphEnd = () => {
    out.push({ start: open!.pos, end: paragraphEnd(text, starts, para), openLen: open!.len, closeLen: 0, multiParagraph: multi, ...(open!.family === 'single' ? { single: true } : {}) });
    open = undefined;
  };

  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    if (!open) {
      if (m.role === 'close') continue; // stray closing mark
      open = m;
      para = paragraphAt(starts, m.pos);
      multi = false;
      inner = 0;
      innerAscii = false;
      continue;
    }
    const p = paragraphAt(starts, m.pos);
    if (p !== para) {
      // The quote ran to a paragraph end without closing. It continues only into the very
      // next paragraph, and only when that paragraph opens with a quote mark.
      if (p === para + 1 && m.pos === starts[p] && m.role !== 'close' && m.family === open.family) {
        para = p;
        multi = true;
        inner = 0;
        innerAscii = false;
        continue;
      }
      closeAtParagraphEnd();
      k--; // handle this mark afresh
      continue;
    }
    if (m.family === open.family) {
      if (open.family === 'ascii' || m.role !== 'open' || (open.family === 'tex' && open.len === 2 && text[open.pos] === "'")) {
        if (inner > 0 && open.family !== 'ascii') {
          inner--;
          continue;
        }
        out.push({ start: open.pos, end: m.pos + m.len, openLen: open.len, closeLen: m.len, multiParagraph: multi, ...(open.family === 'single' ? { single: true } : {}) });
        open = undefined;
      } else inner++;
    } else if (m.family === 'ascii') {
      // `“…," the group wrote`: a straight quote closing a curly one.
      if (open.family === 'typo' && inner === 0 && !innerAscii && m.role === 'close') {
        out.push({ start: open.pos, end: m.pos + m.len, openLen: open.len, closeLen: m.len, multiParagraph: multi });
        open = undefined;
        continue;
      }
      innerAscii = !innerAscii;
    } else if (m.role === 'open') inner++;
    else if (inner > 0) inner--;
    else if (open.family === 'ascii' && m.family === 'typo') {
      // `"…”`: a curly quote closing a straight one.
      out.push({ start: open.pos, end: m.pos + m.len, openLen: open.len, closeLen: m.len, multiParagraph: multi });
      open = undefined;
    }
  }
  if (open) closeAtParagraphEnd();
  void innerAscii;
  return out;
}
