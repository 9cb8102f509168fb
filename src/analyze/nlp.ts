/**
 * Our small interface over wink-nlp: tokens with character offsets, POS tags and lemmas.
 * (Sentences are ours: see `sentences.ts`.) Nothing else in the project imports wink-nlp directly.
 */
import { createRequire } from 'node:module';
import type { Token } from '../model/types.js';
import { isSpaceCode, keepsWordsApart } from './chars.js';

const require = createRequire(import.meta.url);

interface WinkItem {
  out(f?: unknown): unknown;
}
interface WinkItemList {
  out(f?: unknown): unknown[];
  itemAt(i: number): WinkItem;
}
interface WinkDoc {
  tokens(): WinkItemList;
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

const winks: Partial<Record<'full' | 'light', Wink>> = {};
/** wink-nlp with POS tagging (`full`) or tokens only (`light`). */
function nlp(kind: 'full' | 'light' = 'full'): Wink {
  let w = winks[kind];
  if (!w) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
    const model = require('wink-eng-lite-web-model') as unknown;
    // No NER/sentiment/negation, and no sentence boundaries (`sentences.ts` finds them on our
    // tokens): POS tags and lemmas for `full`, tokens alone for `light`. The tags are the same
    // with or without wink's sentence boundaries: its tagger runs over the whole text.
    w = winkNLP(model, kind === 'full' ? ['pos'] : []);
    winks[kind] = w;
  }
  return w;
}

/**
 * wink-nlp's own work on a text (tokens, POS) and nothing of ours: the floor under our
 * analysis speed, which `npm run bench` reports beside it.
 */
export function winkOnly(text: string): void {
  nlp('full').readDoc(text);
}

/** The tokens of a text. */
export interface Tokenized {
  tokens: Token[];
}

/**
 * Tokenise `text`, giving every token its exact `[start, end)` offsets. Whitespace
 * tokens are dropped; their effect is kept as `lineStart` / `paraStart` on the next token.
 */
export function tokenize(text: string, withPos = true): Tokenized {
  const w = nlp(withPos ? 'full' : 'light');
  const its = w.its;
  const doc = w.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const normal = doc.tokens().out(its.normal) as string[];
  // Without POS tagging, tokens carry pos 'X' and their normal form as lemma.
  const pos = withPos ? (doc.tokens().out(its.pos) as string[]) : [];
  // Lemmas are asked for by few tokens (verbs and nouns, in some places): wink lemmatises a
  // token only when its `lemma` is first read (see `WinkToken`).
  const lemmaAt = withPos ? new DocLemmas(doc.tokens(), its, values, pos, text) : undefined;

  const tokens: Token[] = [];
  // What became of wink's token before this one: kept whole as our last token (`last`), joined
  // to the token before it (`joined`), or other (white space, split in two).
  let before: 'last' | 'joined' | 'other' = 'other';
  let at = 0;
  // Line breaks (0, 1, or 2 for two or more) in the white space since the last kept token.
  let newlines = 0;
  const countBreaks = (from: number, to: number) => {
    for (let c = from; c < to && newlines < 2; c++) if (text.charCodeAt(c) === 10) newlines++;
  };
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // White space is not a token of ours: the next token's search crosses it, counting its breaks.
    const first = v.charCodeAt(0);
    if (v.length === 0 || (isSpaceCode(first) && isBlank(v))) {
      before = 'other';
      continue;
    }
    // Locate the token exactly, past the white space before it; wink is lossless, but be robust to drift.
    let start = at;
    while (start < text.length && isSpaceCode(text.charCodeAt(start))) start++;
    if (text.charCodeAt(start) !== first || (v.length > 1 && !text.startsWith(v, start))) {
      const found = text.indexOf(v, at);
      start = found >= 0 ? found : start;
    }
    const end = start + v.length;
    if (start > at) countBreaks(at, start);
    at = end;
    // A TeX quote (`` or '') comes from wink as two one-character tokens: rejoin them into one.
    const prev = tokens[tokens.length - 1];
    if (
      (v === "'" || v === '`') &&
      prev !== undefined &&
      prev.text === v &&
      prev.end === start &&
      before === 'last' &&
      text[end] !== v // in `'''` (a plural possessive, then the close) the last two are the pair
    ) {
      prev.end = end;
      prev.text = v + v;
      prev.normal = '"';
      prev.lemma = '"';
      before = 'joined';
      continue;
    }
    // wink cuts words at letters it does not know (`Erdo` + `ğ` + `an`, `İ` + `zmir`): a piece that
    // touches the token before, letter to letter across a non-ASCII letter, is part of that word.
    if (prev !== undefined && prev.end === start && before !== 'other' && wordPiece(prev.text, v)) {
      const base = possessiveBase(v);
      const piece = base === undefined ? v : v.slice(0, base);
      prev.end = start + piece.length;
      prev.text += piece;
      prev.normal = prev.text.toLowerCase();
      prev.lemma = prev.normal;
      if (prev.pos !== 'X' || withPos) prev.pos = !withPos ? 'X' : /^\p{Lu}/u.test(prev.text) ? 'PROPN' : prev.pos === 'X' ? (pos[i] && pos[i] !== 'X' ? pos[i]! : 'NOUN') : prev.pos;
      before = 'joined';
      if (base !== undefined) {
        const suffix = v.slice(piece.length);
        tokens.push(new WinkToken(prev.end, end, suffix, suffix.toLowerCase(), withPos ? 'PART' : 'X', suffix.toLowerCase(), false, false));
      }
      continue;
    }
    const nv = normal[i] ?? v.toLowerCase();
    const token = new WinkToken(
      start,
      end,
      v,
      normalizeQuote(nv),
      pos[i] ?? 'X',
      lemmaAt ? undefined : nv,
      newlines > 0 || tokens.length === 0,
      newlines > 1 || tokens.length === 0,
      i,
      lemmaAt,
    );
    newlines = 0;
    const base = possessiveBase(v);
    if (base !== undefined) tokens.push(...splitPossessive(token, base));
    else tokens.push(token);
    before = base === undefined ? 'last' : 'other';
  }
  return { tokens };
}

/**
 * wink-nlp splits `Trump's` into `Trump` + `'s`, until its lexicon cache has seen the whole
 * form in some earlier text: then it keeps it whole. So that an article's analysis does not
 * depend on what was read before it, a possessive (or `'s` contraction) is always split.
 */
/** Whether `next` goes on the word `prev` (letters meeting, one of them outside ASCII). */
function wordPiece(prev: string, next: string): boolean {
  const a = prev.codePointAt(prev.length - 1) ?? 0;
  const b = next.codePointAt(0) ?? 0;
  return (a > 127 || b > 127) && LETTER.test(prev[prev.length - 1]!) && LETTER.test(String.fromCodePoint(b));
}
const LETTER = /^\p{L}$/u;

/**
 * wink's lemmas by tag and word, for tokens outside contractions: a lemma depends on the token's
 * lexicon entry (one per word form: fixed, or fixed at the form's first sight) and its tag only.
 */
const LEMMAS = new Map<string, Map<string, string>>();

/** A token that is all white space (or empty). */
function isBlank(v: string): boolean {
  for (let c = 0; c < v.length; c++) if (!isSpaceCode(v.charCodeAt(c))) return false;
  return true;
}
const POSSESSIVE = /^(\p{L}[\p{L}\p{N}.&-]*)['\u2019]s$/u;
const APOSTROPHES = new Set(["'", '\u2019']);
/** Length of the word before a possessive or `'s` contraction ending `v`, if it has one. */
function possessiveBase(v: string): number | undefined {
  if (v.length <= 2 || v.charCodeAt(v.length - 1) !== 115 || !APOSTROPHES.has(v[v.length - 2]!)) return undefined;
  return POSSESSIVE.exec(v)?.[1]!.length;
}
/** Words whose `'s` is `is`/`has` (an auxiliary), not a possessive, with their own tag. */
const S_IS = new Map([
  ...['he', 'she', 'it', 'that', 'what', 'who', 'everyone', 'nobody', 'someone', 'something', 'nothing', 'everything'].map((w) => [w, 'PRON'] as const),
  ...['where', 'how', 'here', 'there', 'when', 'why'].map((w) => [w, 'ADV'] as const),
]);

function splitPossessive(t: Token, baseLength: number): Token[] {
  const base = t.text.slice(0, baseLength);
  const suffix = t.text.slice(baseLength);
  const baseNormal = base.toLowerCase();
  const aux = S_IS.get(baseNormal);
  const tagged = t.pos !== 'X';
  const suffixPos = !tagged ? 'X' : baseNormal === 'let' ? 'PRON' : aux ? 'AUX' : 'PART';
  // The whole form is tagged as a name more often than its base would be (`nation's`).
  const basePos = !tagged ? 'X' : baseNormal === 'let' ? 'VERB' : (aux ?? (t.pos === 'PROPN' && base === baseNormal ? 'NOUN' : t.pos));
  return [
    new WinkToken(t.start, t.start + baseLength, base, baseNormal, basePos, baseNormal, t.lineStart, t.paraStart),
    new WinkToken(t.start + baseLength, t.end, suffix, suffix.toLowerCase(), suffixPos, suffix.toLowerCase(), false, false),
  ];
}

/**
 * The lemmas of one wink document's tokens, worked out on request (one class, so that every
 * token's lemma read calls the same function).
 */
class DocLemmas {
  #contraction: boolean[] | undefined; // (asked for on the first lemma read that needs it)
  constructor(
    private readonly all: WinkItemList,
    private readonly its: Record<string, unknown>,
    private readonly values: string[],
    private readonly pos: string[],
    private readonly text: string,
  ) {}
  /** The lemma of wink's token `i`, found at `[start, end)` in the text. */
  at(i: number, start: number, end: number): string {
    const its = this.its;
    // Outside contractions wink's lemma is a function of the token's word and tag alone. A piece
    // of a contraction (`do` + `nt`, `let` + `'s`) touches another piece, letter or apostrophe
    // to letter: a word of ASCII letters with nothing word-like touching it is not one.
    if (!this.plain(start, end)) {
      this.#contraction ??= this.all.out(its.contractionFlag) as boolean[];
      if (this.#contraction[i]) return this.all.itemAt(i).out(its.lemma) as string;
    }
    const tag = this.pos[i] ?? '';
    let byWord = LEMMAS.get(tag);
    if (byWord === undefined) LEMMAS.set(tag, (byWord = new Map()));
    const word = this.values[i]!;
    let l = byWord.get(word);
    if (l === undefined) byWord.set(word, (l = this.all.itemAt(i).out(its.lemma) as string));
    return l;
  }
  /** ASCII letters at `[start, end)`, with no letter, digit, apostrophe or non-ASCII character on either side. */
  private plain(start: number, end: number): boolean {
    const text = this.text;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k) | 32;
      if (c < 97 || c > 122) return false;
    }
    return (start === 0 || keepsWordsApart(text.charCodeAt(start - 1))) && (end >= text.length || keepsWordsApart(text.charCodeAt(end)));
  }
}

/**
 * A token whose lemma wink works out only when it is first read: lemmatising every token of
 * every article costs more than all the reads of it together.
 */
class WinkToken implements Token {
  #lemma: string | undefined;
  #at: number;
  #lemmaAt: DocLemmas | undefined;
  constructor(
    public start: number,
    public end: number,
    public text: string,
    public normal: string,
    public pos: string,
    lemma: string | undefined,
    public lineStart: boolean,
    public paraStart: boolean,
    at = -1,
    lemmaAt?: DocLemmas,
  ) {
    this.#lemma = lemma;
    this.#at = at;
    this.#lemmaAt = lemma === undefined ? lemmaAt : undefined;
  }
  get lemma(): string {
    if (this.#lemma === undefined) {
      this.#lemma = this.#lemmaAt?.at(this.#at, this.start, this.end) ?? this.text.toLowerCase();
      this.#lemmaAt = undefined;
    }
    return this.#lemma;
  }
  set lemma(v: string) {
    this.#lemma = v;
    this.#lemmaAt = undefined;
  }
}

/** A copy of token `t` with another text and end (for trimming a character off a name). */
export function retext(t: Token, text: string, end: number): Token {
  return new WinkToken(t.start, end, text, t.normal, t.pos, t.lemma, t.lineStart, t.paraStart);
}

/** Typographic and TeX-style quotes all normalise to `"` / `'`. */
function normalizeQuote(s: string): string {
  if (s.length > 2) return s;
  if (s === '``' || s === "''" || s === '\u201c' || s === '\u201d' || s === '\u201e') return '"';
  if (s === '\u2018' || s === '\u2019' || s === '`') return "'";
  return s;
}
