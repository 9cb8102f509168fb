/**
 * Plain-text articles. `text` is the whole file exactly as decoded; the headline, a
 * ` date YYYY-MM-DD` prefix, the dateline, credits lines and photo captions become spans
 * within it (kept out of the story's sentences).
 */
import type { Article, Span } from '../model/types.js';
import { lexicon } from '../lexicon/index.js';
import { isHardWrapped } from '../analyze/sentences.js';
import { findComments } from './comments.js';

/** The parts of a plain-text article found by `parseText`. */
export type TextParts = Pick<Article, 'headline' | 'dateline' | 'credits' | 'captions' | 'meta' | 'published' | 'title' | 'comments'>;

interface Para extends Span {
  text: string;
}

/** Paragraphs: blank-line separated when hard-wrapped, else one per line. */
function paragraphs(text: string): Para[] {
  const hard = isHardWrapped(text);
  const out: Para[] = [];
  const re = hard ? /[^\n]+(?:\n(?![ \t]*\r?\n)[^\n]*)*/g : /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (!t) continue;
    const start = m.index + lead;
    out.push({ start, end: start + t.length, text: t });
  }
  return out;
}

const DATE_PREFIX = /^\s*date (\d{4}-\d{2}-\d{2})\b/;
// (Capitals of any alphabet: `GDAŃSK -`, `SÃO PAULO -`.)
const DASH_DATELINE =
  /^(\p{Lu}[\p{Lu}'.-]+(?:[ ,]+\p{Lu}[\p{L}'.-]*){0,3}?)(?:,?\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})?(?:\s*\(\p{L}[\p{L} .&-]{0,40}\))?\s*(?:--?|\u2013|\u2014|_)\s+/u;
const BARE_DATELINE = /^(\p{Lu}[\p{Lu}'.-]{2,}(?: \p{Lu}[\p{Lu}'.-]{2,})?)\s+(?=[\p{Lu}"\u201c])/u;
const CREDITS =
  /^\(?\s*(?:(?:additional |writing and |editing and )?reporting|writing|editing|edited|compiled|produced|translated|written)\s+by\b|^with (?:additional )?reporting (?:by|from)\b|^\([^()]*\b(?:editing|writing|reporting) by\b[^()]*\)$|^(?:copyright|\u00a9)\s|^by(?: [A-Z][\w.'-]+){1,4}(?:,? [A-Z][\w .'-]+)?$/i;
const CAPTION =
  /\((?:left|right|center|centre|top|bottom|front|back|l|r|c|second (?:left|right)|in (?:white|black|red|blue))\)|^(?:photo|picture|image|file photo|caption)\b\s*[:|-]?|\((?:photo|picture|image|credit|photograph)\b[^)]*\)\s*$/i;

/** What every `CAPTION` match needs (a bracket, or a caption word first): a quick test before it. */
function maybeCaption(s: string): boolean {
  return s.includes('(') || /^(?:photo|picture|image|file|caption)/i.test(s);
}

/** Find headline, date prefix, dateline, credits, captions and a comment thread in a plain-text article. */
export function parseText(text: string): TextParts {
  const parts: TextParts = {};
  const comments = findComments(text);
  if (comments) parts.comments = comments;
  let paras = paragraphs(comments ? text.slice(0, comments.start) : text);
  const credits: Span[] = [];
  const captions: Span[] = [];

  const dm = DATE_PREFIX.exec(text);
  if (dm) {
    const start = dm.index + dm[0].indexOf('date');
    parts.meta = [{ start, end: dm.index + dm[0].length }];
    parts.published = dm[1];
    // The prefix shares its line with the story: re-cut the first paragraph after it.
    const first = paras[0];
    if (first && first.start < dm.index + dm[0].length) {
      const rest = text.slice(dm.index + dm[0].length);
      const lead = rest.length - rest.trimStart().length;
      const s = dm.index + dm[0].length + lead;
      paras = first.end > s ? [{ start: s, end: first.end, text: text.slice(s, first.end) }, ...paras.slice(1)] : paras.slice(1);
    }
  }

  // Headline: a short first line with no closing stop, standing on its own.
  const first = paras[0];
  if (first && paras.length > 1 && looksLikeHeadline(first, text, paras[1]!)) {
    parts.headline = { start: first.start, end: first.end };
    parts.title = first.text;
    paras = paras.slice(1);
  }

  // Captions may stand between headline and story; credits anywhere (usually the end).
  for (const p of paras) {
    if (p.text.length >= 400) continue; // (credits and captions are short: the length goes first, it is cheaper)
    if (CREDITS.test(p.text)) credits.push({ start: p.start, end: p.end });
    else if (maybeCaption(p.text) && CAPTION.test(p.text) && !/["\u201c]/.test(p.text)) captions.push({ start: p.start, end: p.end });
  }
  const body = paras.filter((p) => !credits.some((c) => c.start === p.start) && !captions.some((c) => c.start === p.start));

  // Dateline at the start of the first story paragraph.
  const lead = body[0];
  if (lead) {
    const dl = findDateline(lead.text);
    if (dl) parts.dateline = { start: lead.start, end: lead.start + dl.length, place: dl.place };
  }
  if (credits.length) parts.credits = credits;
  if (captions.length) parts.captions = captions;
  return parts;
}

function looksLikeHeadline(p: Para, text: string, next: Para): boolean {
  if (p.text.length > 160 || /[.!?:;,"\u201d]$/.test(p.text)) return false;
  const words = p.text.split(/\s+/);
  if (words.length < 2) return false;
  if (findDateline(p.text)) return false;
  const between = text.slice(p.end, next.start);
  const standsAlone = /\n[ \t]*\r?\n/.test(between);
  const capitalised = words.filter((w) => /^[A-Z0-9"'\u201c]/.test(w)).length / words.length;
  // In hard-wrapped text a line is only a headline if a blank line or title case marks it.
  if (isHardWrapped(text)) return standsAlone && capitalised >= 0.6;
  return standsAlone || capitalised >= 0.6 || next.text.length > p.text.length * 2;
}

/** A dateline (`BEIRUT -`, `MOSCOW (Reuters) -`, bare `MOSCOW` before the story) at the start of `s`. */
export function findDateline(s: string): { length: number; place: string } | undefined {
  const m = DASH_DATELINE.exec(s);
  if (m && m[1] && /\p{Lu}{2}/u.test(m[1])) {
    return { length: m[0].trimEnd().length, place: titleCase(m[1].replace(/,.*$/, '').trim()) };
  }
  const b = BARE_DATELINE.exec(s);
  if (b && b[1]) {
    const place = titleCase(b[1]);
    if (lexicon.places.has(place)) return { length: b[1].length, place };
  }
  return undefined;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_m, a: string, c: string) => a + c.toUpperCase());
}

/** Penn Treebank bracket tokens: -LRB- ( , -RRB- ) , -LSB- [ , -RSB- ] , -LCB- { , -RCB- } . */
const PTB: Record<string, string> = { LR: '(', RR: ')', LS: '[', RS: ']', LC: '{', RC: '}' };

/**
 * Detokenise Timeline17-style text (`` `` ``/`''` quotes, spaces before punctuation) for
 * display, line by line (blank lines dropped). The result is the article `text`, so every
 * offset stays honest. One pass per rule over the whole text; no rule crosses a line.
 */
export function detokenise(text: string): string {
  const brackets = text.includes('-L') || text.includes('-R') ? text.replace(/-([LR])([RSC])B-/g, (_m, side: string, kind: string) => PTB[side + kind]!) : text;
  // White space is made single spaces first, so that each later rule starts at a literal
  // character rather than at every space: about twice as fast, and the same result.
  const spaced = brackets.replace(/\r\n/g, '\n').replace(/[^\S\n]{2,}|[^\S\n ]/g, ' ');
  const joined = spaced
    .replace(/`` ?/g, '"')
    .replace(/ ?''/g, '"')
    .replace(/ ([,.;:?!%)\]}])/g, '$1')
    .replace(/([([{$]) /g, '$1')
    .replace(/ (n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1')
    .replace(/\n /g, '\n')
    .replace(/ \n/g, '\n');
  return trimOne(joined, 32)
    .replace(/\n{2,}/g, '\n')
    .replace(/^\n|\n$/g, '');
}

/** `s` without one leading and one trailing character `code`, where it has them. */
function trimOne(s: string, code: number): string {
  const from = s.charCodeAt(0) === code ? 1 : 0;
  let to = s.length;
  if (to > from && s.charCodeAt(to - 1) === code) to--;
  return from > 0 || to < s.length ? s.slice(from, to) : s;
}

/** True when text looks tokenised (spaces before most punctuation, `` `` `` quotes). */
export function isTokenised(text: string): boolean {
  // Stops before white space or the end, and how many of them have a space before them
  // (counted by `test`, which builds no match arrays).
  let all = 0;
  let spaced = 0;
  STOP.lastIndex = 0;
  while (STOP.test(text)) all++;
  SPACED_STOP.lastIndex = 0;
  while (SPACED_STOP.test(text)) spaced++;
  return (all >= 3 && spaced / all > 0.6) || /(^|\s)``\s/.test(text);
}
/** A stop (`,` `.` `;` `:` `?` `!`) before white space or the end; the same after a space. */
const STOP = /[,.;:?!](?=\s|$)/g;
const SPACED_STOP = / [,.;:?!](?=\s|$)/g;
