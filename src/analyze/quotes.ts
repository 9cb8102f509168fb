/**
 * Quotes and reported speech with their speakers.
 *
 * 1. Direct quotes: top-level quoted segments (see quote-marks.ts) attributed by a speech cue
 *    right after (`"…," Putin told …`, `"…," said Caddell`) or right before (`He said: "…"`);
 *    further quotes of the same paragraph without a cue of their own become parts of it
 *    (`"…," he said. "…"`), and a quote paragraph right after an attributed quote keeps its
 *    speaker.
 * 2. Reported speech: a cue verb from the lexicon with its subject (`Gatilov told the agency
 *    that …`, `…, UN diplomats said.`, `according to a letter …`). Content holding a quote
 *    is `mixed`.
 * 3. Speakers are resolved in text order (see speakers.ts); unresolved ones keep their
 *    mention with an empty canonical form.
 * Everything is a window walk over tokens: linear in the article length.
 */
import type { NameMention, Quote, Span, Token } from '../model/types.js';
import type { Doc } from './doc.js';
import { readList } from '../lexicon/index.js';
import { isHardWrapped } from './sentences.js';
import { tokenize } from './nlp.js';
import { keepsWordsApart } from './chars.js';
import { paragraphAt, paragraphStarts, quoteSegments, type QuoteSegment } from './quote-marks.js';
import { POSSESSIVE_PRONOUNS, SpeakerResolver, fallbackNames, phraseAfter, phraseBefore, skipParenForward, speakerNoun, type SpeakerPhrase } from './speakers.js';

interface VerbInfo {
  inv: boolean;
  obj: boolean;
  weak: boolean;
  /** A cue only right next to a direct quote (`the letter reads`). */
  direct: boolean;
}

let verbsCache: Map<string, VerbInfo> | undefined;
/** The speech-verb lexicon: lemma → tags. */
function verbs(): Map<string, VerbInfo> {
  if (!verbsCache) {
    verbsCache = new Map();
    for (const line of readList('speech-verbs.txt')) {
      const [lemma, ...tags] = line.split(/\s+/);
      if (lemma) verbsCache.set(lemma, { inv: tags.includes('inv'), obj: tags.includes('obj'), weak: tags.includes('weak'), direct: tags.includes('direct') });
    }
  }
  return verbsCache;
}

let cuesCache: { lists: string[][]; firsts: string[] } | undefined;
/** Prepositional cues such as `according to`, as word lists (and their first words). */
function prepCues(): { lists: string[][]; firsts: string[] } {
  if (!cuesCache) {
    const lists = readList('quote-cues.txt').map((l) => l.toLowerCase().split(/\s+/));
    // (A few words: a list to search is quicker than a set, which hashes each word asked for.)
    cuesCache = { lists, firsts: [...new Set(lists.map((l) => l[0]!))] };
  }
  return cuesCache;
}

let documentsCache: Set<string> | undefined;
/** A noun for something that reports (`poll`, `survey`, `report`): token `i`. */
function isDocument(tokens: Token[], i: number): boolean {
  documentsCache ??= new Set(readList('quote-documents.txt'));
  const t = tokens[i]!;
  // (The normal form first: it needs no lemma.)
  return (t.pos === 'NOUN' || t.pos === 'PROPN') && (documentsCache.has(withoutS(t.normal)) || documentsCache.has(lemmaAt(tokens, i)));
}

/** `w` without one final `s` (as `w.replace(/s$/, '')`). */
function withoutS(w: string): string {
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/** A verb, not a capitalised name the tagger took for one (`Capital Download`). */
function realVerb(t: Token): boolean {
  return t.pos === 'VERB' && !/^\p{Lu}\p{Ll}/u.test(t.text);
}

/** Speech-verb info of a token, if it is one. */
function verbOf(t: Token): VerbInfo | undefined {
  if (t.pos === 'VERB') return verbs().get(t.lemma) ?? verbs().get(t.normal);
  // The tagger often takes `reports`, `show`, `claims` for nouns; trusted only right
  // before `that` or a colon (see `cueAt`).
  return undefined;
}

/**
 * Caches by word form, for plain words only (see `formKey`): a token's lemma is a function of
 * its form and tag (see `tokenize`), so a lemma, or what is looked up by it, is the same for
 * every token of a form. They spare lemma reads: in an article that reads none, wink-nlp works
 * out no lemma and no contraction flags at all.
 * (Module state: they only grow with the vocabulary, as the lemma cache of `tokenize` does.)
 */
const verbByForm = new Map<string, VerbInfo | null>();
const lemmaByForm = new Map<string, Map<string, string>>();

/** Speech-verb info of token `i`, as `verbOf`, remembered by word form for a plain word. */
function verbAt(tokens: Token[], i: number): VerbInfo | undefined {
  const t = tokens[i]!;
  if (t.pos !== 'VERB' || inName(tokens, i)) return undefined;
  const key = formKey(tokens, i);
  if (key === undefined) return verbOf(t);
  let v = verbByForm.get(key);
  if (v === undefined) verbByForm.set(key, (v = verbOf(t) ?? null));
  return v ?? undefined;
}

/**
 * A capitalised word between a lower-case word and another capitalised one is a first name the
 * tagger took for a verb (`spokeswoman Hope Hicks said`, `actor Will Smith`), not a cue. (Title-case
 * headlines, `Sanders Says Clinton …`, have a capital before it.)
 */
function inName(tokens: Token[], i: number): boolean {
  const c = tokens[i]!.text.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return prev !== undefined && next !== undefined && /^\p{Ll}/u.test(prev.text) && /^\p{Lu}/u.test(next.text);
}

/** The lemma of token `i`, remembered by tag and word form for a plain word. */
function lemmaAt(tokens: Token[], i: number): string {
  const t = tokens[i]!;
  const key = formKey(tokens, i);
  if (key === undefined) return t.lemma;
  let byForm = lemmaByForm.get(t.pos);
  if (byForm === undefined) lemmaByForm.set(t.pos, (byForm = new Map()));
  let l = byForm.get(key);
  if (l === undefined) byForm.set(key, (l = t.lemma));
  return l;
}

/**
 * The text of token `i` as a key of the caches by form, if it is a word as wink-nlp read it,
 * whose lemma depends on its form and tag alone: ASCII letters (no piece joined across a
 * non-ASCII letter), with no letter, digit or apostrophe touching it on either side (no piece
 * of a contraction, `gon` + `na`, `did` + `n't`, nor the base of a split possessive).
 */
function formKey(tokens: Token[], i: number): string | undefined {
  const t = tokens[i]!;
  const s = t.text;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return undefined;
  }
  const prev = tokens[i - 1];
  if (prev !== undefined && prev.end === t.start && !keepsWordsApart(prev.text.charCodeAt(prev.text.length - 1))) return undefined;
  const next = tokens[i + 1];
  if (next !== undefined && next.start === t.end && !keepsWordsApart(next.text.charCodeAt(0))) return undefined;
  // (A lower-case word is its normal form, a string quicker to look up than the text.)
  return s === t.normal ? t.normal : s;
}

/** Speech-verb info of token `i` in context: a verb, or a noun-tagged cue before `that` / `:`. */
function cueAt(tokens: Token[], i: number): VerbInfo | undefined {
  const t = tokens[i]!;
  const v = verbAt(tokens, i);
  if (v) return v;
  if (cueAsNoun(tokens, i)) return verbs().get(t.normal === 'show' ? 'show' : 'say');
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return undefined;
  const next = tokens[i + 1]?.normal;
  if (next !== 'that' && next !== ':') return undefined;
  const prev = tokens[i - 1];
  if (!prev || !(prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'PRON')) return undefined;
  return verbs().get(withoutS(t.normal)) ?? verbs().get(lemmaAt(tokens, i));
}

/**
 * A cue the tagger took for a noun after its subject: `say` before a clause (`Six in 10 say he is
 * …`; not after a determiner or an adjective: `have a say`, `the final say`), and `show` after a
 * document (`polls show Clinton up`, `…, records show.`).
 */
function cueAsNoun(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.pos !== 'NOUN') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev === undefined || next === undefined) return false;
  if (t.normal === 'show') return isDocument(tokens, i - 1);
  if (t.normal !== 'say' && t.normal !== 'says') return false;
  return ['NUM', 'NOUN', 'PROPN', 'PRON'].includes(prev.pos) && !POSSESSIVE_PRONOUNS.has(prev.normal) && ['PRON', 'DET', 'PROPN', 'NUM', 'SCONJ'].includes(next.pos);
}

/**
 * One pass over the tokens: their start offsets (for binary searches that touch no token
 * objects) and the tokens that may open an attribution in the reported-speech scan of
 * `findQuotes`: `as` (`as X put it`), a verb, and a noun or preposition that is the first word
 * of a prepositional cue, `in` (`in a poll`), `asked`, or a noun before `that` / a colon (see
 * `cueAt`). The scan then looks at a few tokens only.
 */
function indexTokens(tokens: Token[]): { starts: Int32Array; candidates: number[] } {
  const firsts = prepCues().firsts;
  const starts = new Int32Array(tokens.length);
  const candidates: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    starts[i] = t.start;
    const pos = t.pos;
    if (pos === 'VERB' || t.normal === 'as' || cueAsNoun(tokens, i)) candidates.push(i);
    else if (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADP') {
      const n = t.normal;
      if (n === 'in' || n === 'asked' || firsts.includes(n)) candidates.push(i);
      else if (pos !== 'ADP' && i + 1 < tokens.length) {
        const next = tokens[i + 1]!.normal;
        if (next === 'that' || next === ':') candidates.push(i);
      }
    }
  }
  return { starts, candidates };
}

/**
 * The prepositional cue among `lists` whose words begin at token `i`, if any. (Loops, not
 * `find` and `every`: two closures made for every candidate token of the scan.)
 */
function prepCueAt(tokens: Token[], i: number, lists: string[][]): string[] | undefined {
  for (const words of lists) {
    let n = 0;
    while (n < words.length && tokens[i + n]?.normal === words[n]) n++;
    if (n === words.length) return words;
  }
  return undefined;
}

/** Index of the first value in sorted `list` that is at least `x`. */
function lowerBound(list: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const LETTER = /\p{L}/u;
/** Whether `s` holds a letter (`/\p{L}/u`, with no regex for ASCII). */
function hasLetter(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128) return LETTER.test(s.slice(k));
    // (`c | 32` folds A-Z onto a-z.)
    if ((c | 32) >= 97 && (c | 32) <= 122) return true;
  }
  return false;
}

const SKIP_BEFORE_VERB = new Set(['also', 'later', 'previously', 'recently', 'repeatedly', 'reportedly', 'then', 'once', 'again', 'further', 'had', 'has', 'have', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'not', "n't", 'never', 'already', 'publicly', 'privately', 'often', 'flatly', 'simply', 'frequently', 'separately', 'angrily', 'bluntly', 'quickly', 'first', 'still', 'even', 'just', 'only', 'shall', 'can', 'must', 'should']);
const TIME_LEAD = new Set(['on', 'last', 'this', 'late', 'early', 'earlier', 'later']);
const TIME_WORD = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'earlier', 'later', 'now', 'again']);
const MAX_CLAUSE = 120;
const TITLE_SMALL = new Set(['the', 'of', 'a', 'an', 'and', 'in', 'on', 'to', 'for', 'at', 'with', 'by', 'or', 'is', 'are']);
const PHRASE_PREPS = new Set(['in', 'at', 'from', 'on', 'during', 'for', 'of', 'with']);
/** Words after a headline's quote that open its setting, not more of what was said. */
const HEADLINE_SETTING = new Set(['after', 'before', 'during', 'amid', 'at', 'as', 'while', 'in']);
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);
/** Words that carry a quote on after its cue: `"…," he said, but "…"`. */
const CONTINUATIONS = new Set(['but', 'and', 'adding', 'still']);
const CLAUSE_BREAK = new Set(['but', 'while', 'although', 'though', 'whereas', 'yet']);
const WEEKDAY = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday']);
const BE = new Set(['is', 'are', 'was', 'were', "'s", "'re", 'been', 'be', 'am']);
const PASSIVE = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', "'s", 'am']);
const QUOTE_CHAR = /["\u201c\u201d\u201e`]|''/;
/** Words that open the clause said (`said that …`, `asked whether …`). */
const COMPLEMENTIZERS = new Set(['that', 'whether']);
const ADVERBIAL_OPENERS = new Set(['when', 'as', 'after', 'before', 'while', 'since', 'until', 'because', 'although', 'though', 'once']);
const SUBORDINATORS = new Set(['after', 'before', 'when', 'because', 'since', 'while', 'as', 'if', 'although', 'though', 'until', 'once', 'that', 'who', 'which', 'whom', 'where']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
const TURN_LABEL = /^(["\u201c]?)(\p{Lu}[\p{Lu}.'\- ]{1,30}):[ \t]/u;
const DASH = /^(\u2015|\u2014|\u2013|--|-)$/;

/** A speech cue next to a quote segment (step 1): its verb token and speaker phrase. */
type Cue = { verb: number; phrase?: SpeakerPhrase; where: 'after' | 'before'; conj?: boolean };

/** An attribution being built by `findQuotes`. */
interface Draft {
  kind: Quote['kind'];
  content: Span;
  parts: Span[];
  cue?: Span;
  cueToken: number;
  phrase?: SpeakerPhrase;
  /** Take the speaker of the draft with this index. */
  inherit?: number;
  /** Speaker of an earlier attribution in the same sentence (`…, adding that …`). */
  sameSentence?: boolean;
}

/**
 * A draft with all its fields, in one order: drafts of one shape keep the property reads of
 * the later steps monomorphic (literals with fields left out each make a shape of their own).
 */
function draft(d: Draft): Draft {
  return { kind: d.kind, content: d.content, parts: d.parts, cue: d.cue, cueToken: d.cueToken, phrase: d.phrase, inherit: d.inherit, sameSentence: d.sameSentence };
}

/**
 * Per-token arrays of `findQuotes`, reused from one article to the next: allocating typed arrays
 * for every article costs more than the work done with them. (`findQuotes` never runs inside
 * itself, so one set is enough.)
 */
const scratch = {
  segs: new Int32Array(0),
  cues: new Uint8Array(0),
  /** `n` entries of -1. */
  segOfToken(n: number): Int32Array {
    if (this.segs.length < n) this.segs = new Int32Array(2 * n);
    return this.segs.subarray(0, n).fill(-1);
  },
  /** `n` entries of 0. */
  usedCue(n: number): Uint8Array {
    if (this.cues.length < n) this.cues = new Uint8Array(2 * n);
    return this.cues.subarray(0, n).fill(0);
  },
};

/**
 * Per-article state of `findQuotes`, shared by its steps. The steps are module-level functions
 * taking it as their first argument, not closures made anew for every article: V8 then sees one
 * function at each call site (closures made per article are new function objects, so call sites
 * saw many targets, deoptimised on them and inlined nothing), and optimises the small functions
 * early in the first pass.
 */
interface QuoteContext {
  readonly doc: Doc;
  readonly tokens: Token[];
  readonly text: string;
  /** Paragraph start offsets (see quote-marks.ts). */
  readonly starts: number[];
  /** Top-level quoted segments, in text order. */
  readonly segs: QuoteSegment[];
  /** Start offset of each token, for binary searches that touch no token objects. */
  readonly tokenStarts: Int32Array;
  /** Tokens that may open a reported-speech attribution (see `indexTokens`). */
  readonly candidates: number[];
  /** Per token: the segment it lies in, or -1. */
  readonly segOfToken: Int32Array;
  /** Per segment: someone's words (cue verbs there are quoted words), not a title or a scare quote. */
  readonly quoteLike: boolean[];
  /** Per segment: a title in quotes (`"Fox News Sunday,"`). */
  readonly titles: boolean[];
  /** The attributions found so far. */
  readonly drafts: Draft[];
  /** Per token: 1 once it is the cue of a draft. */
  readonly usedCue: Uint8Array;
  /** Per segment: the draft that holds it, or -1. */
  readonly segDraft: Int32Array;
  /**
   * Drafts by paragraph (of their content start and of their cue), so that the passes of step 3
   * on look only nearby: linear even for very long documents. Filled from step 3 on.
   */
  readonly byPara: Map<number, number[]>;
}

/** Attributions of a document: the steps below, in their order. */
export function findQuotes(doc: Doc, names: NameMention[]): Quote[] {
  const { tokens, text } = doc;
  if (tokens.length === 0) return [];
  const starts = paragraphStarts(text, isHardWrapped(text));
  const segs = quoteSegments(text, starts);
  const { starts: tokenStarts, candidates } = indexTokens(tokens);
  const cx: QuoteContext = {
    doc,
    tokens,
    text,
    starts,
    segs,
    tokenStarts,
    candidates,
    segOfToken: scratch.segOfToken(tokens.length),
    quoteLike: [],
    titles: [],
    drafts: [],
    usedCue: scratch.usedCue(tokens.length + 1),
    segDraft: new Int32Array(segs.length).fill(-1),
    byPara: new Map(),
  };
  const { drafts } = cx;
  markSegments(cx);
  // ---- 0. Transcripts: a quoted paragraph opening with a speaker label in capitals
  // (`"WALLACE: Let's start …`) is that speaker's turn.
  transcriptTurns(cx);
  // ---- 1. Direct quotes: cues next to the segments.
  cuedSegments(cx);
  // The headline, or else the first paragraph.
  const lead = doc.article.headline ?? { start: starts[0] ?? 0, end: paragraphEndAt(cx, 0) };
  // ---- 1b. A headline `Speaker: what was said` (`Pat Caddell: Democrat Voters Worried …`).
  headlineSpeaker(cx, lead);
  // ---- 2. Reported speech.
  scanReported(cx);
  // ---- 2b. A headline with quoted words and no cue of its own: `Black Lawmakers Rip Donald
  // Trump As A 'Disgusting Fraud.'`, `Obama Sees 'Personal Insult' if …`. Its subject said
  // what follows its verb.
  // (A first paragraph stands for the headline only when more follows it.)
  const headline = doc.article.headline || starts.length > 1 ? lead : undefined;
  if (headline) headlineQuotes(cx, headline);
  // ---- 3. Quotes without a cue of their own: a further part of the closest attribution
  // before them in the same paragraph (`"…," he said. "…"`), or, opening the paragraph
  // right after an attributed quote paragraph, that quote's continuation (same speaker).
  drafts.forEach((_, d) => indexDraft(cx, d));
  attachUncued(cx);
  // ---- 3b. Reported content stops where another attribution of the sentence begins
  // (`he was "frustrated", but Russia said …`, `… was not working and said …`).
  cutAtOtherAttributions(cx);
  // ---- 3c. Quoted words closing a reported clause: `… rolling out a new message: "It's about
  // me."` is the quote; `… criticized the act as a "crazy system" during a stop in Flint` ends
  // with the quote.
  endAtClosingQuotes(cx);
  // ---- 4. Speakers, resolved in text order.
  // (An article without attributions needs no resolver, nor its indexes.)
  if (drafts.length === 0) return [];
  const resolver = new SpeakerResolver(doc, names.length > 0 ? names : fallbackNames(doc), (pos) => inQuoteAt(cx, pos));
  const order = drafts.map((_, i) => i).sort((a, b) => drafts[a]!.content.start - drafts[b]!.content.start || a - b);
  const speakers = resolveSpeakers(cx, resolver, order);
  const out: Quote[] = [];
  for (const di of order) {
    const d = drafts[di]!;
    const q: Quote = { kind: d.kind, content: d.content };
    if (d.parts.length > 0) q.parts = d.parts;
    if (d.cue) q.cue = d.cue;
    const sp = speakers[di];
    if (sp) q.speaker = sp;
    out.push(q);
  }
  return out;
}

/** Which tokens lie in which segment, and which segments are quoted words or titles. */
function markSegments(cx: QuoteContext): void {
  const { tokens, text, starts, segs, segOfToken, quoteLike, titles } = cx;
  for (let si = 0; si < segs.length; si++) {
    const s = segs[si]!;
    const a = firstFrom(cx, s.start);
    const b = firstFrom(cx, s.end);
    let words = 0;
    for (let i = a; i < b; i++) {
      segOfToken[i] = si;
      if (hasLetter(tokens[i]!.text)) words++;
    }
    const innerLast = text[s.end - s.closeLen - 1] ?? '';
    const paraInitial = starts[paragraphAt(starts, s.start)] === s.start;
    // (Headlines are title case throughout, their quotes included.)
    const title = paragraphAt(starts, s.start) > 0 && isTitle(cx, a, b);
    titles.push(title);
    quoteLike.push(!title && (words >= 4 || /[.,!?]/.test(innerLast) || (paraInitial && words >= 2)));
  }
}

/** Step 0: transcript turns (`"WALLACE: Let's start …`), one draft per labelled paragraph. */
function transcriptTurns(cx: QuoteContext): void {
  const { tokens, text, starts, segs, drafts, segDraft } = cx;
  for (let si = 0; si < segs.length; si++) {
    const s = segs[si]!;
    for (let p = paragraphAt(starts, s.start); p < starts.length && starts[p]! < s.end; p++) {
      const at = starts[p]!;
      const m = TURN_LABEL.exec(text.slice(at, at + 40));
      if (!m) continue;
      const labelStart = at + m[1]!.length;
      const a = firstFrom(cx, labelStart);
      const b = firstFrom(cx, labelStart + m[2]!.length);
      const end = paragraphEndAt(cx, p);
      const c = firstFrom(cx, at + m[0].length);
      if (b <= a || c >= tokens.length || tokens[c]!.start >= end) continue;
      drafts.push(draft({ kind: 'direct', content: { start: tokens[c]!.start, end }, parts: [], cue: { start: tokens[b]!.start, end: tokens[b]!.end }, cueToken: b, phrase: { from: a, to: b, head: b - 1 } }));
      segDraft[si] = drafts.length - 1;
    }
  }
}

/** Step 1b: a headline (or lead) `Speaker: what was said`. */
function headlineSpeaker(cx: QuoteContext, hl: Span): void {
  const { tokens, segs, drafts, usedCue, segDraft } = cx;
  const a = firstFrom(cx, hl.start);
  const b = firstFrom(cx, hl.end);
  if (hl.end - hl.start > 160 || b - a < 4) return;
  const ph = phraseAfter(tokens, a, Math.min(b, a + 6));
  const colon = ph ? ph.to : -1;
  // (A name, not a rubric such as `The Latest:`.)
  if (ph && tokens[colon]?.text === ':' && tokens[ph.head]!.pos === 'PROPN' && tokens[ph.from]!.pos !== 'DET' && colon + 2 < b && !usedCue[colon]) {
    let e = b;
    while (e > colon + 1 && /^[.]$/.test(tokens[e - 1]!.text)) e--;
    usedCue[colon] = 1;
    drafts.push(draft({ kind: 'direct', content: { start: tokens[colon + 1]!.start, end: tokens[e - 1]!.end }, parts: [], cue: { start: tokens[colon]!.start, end: tokens[colon]!.end }, cueToken: colon, phrase: ph }));
    for (let si = 0; si < segs.length && segs[si]!.start < hl.end; si++) if (segs[si]!.start > tokens[colon]!.start) segDraft[si] = drafts.length - 1;
  }
}

/** Step 2b: the headline's quoted words with its subject as speaker, or its attributions cut to their quote. */
function headlineQuotes(cx: QuoteContext, headline: Span): void {
  const { tokens, segs, drafts } = cx;
  const d = headlineQuote(cx, headline);
  if (d) drafts.push(d);
  // (A headline attribution found by its cue verb stops there too.)
  for (const x of d ? [] : drafts) {
    if (x.content.start < headline.start || x.content.end > headline.end || x.parts.length > 0) continue;
    const q = segs.find((sg) => sg.start >= x.content.start && sg.end <= x.content.end);
    if (!q) continue;
    const e = headlineContentEnd(cx, q, firstFrom(cx, x.content.end));
    if (e < firstFrom(cx, x.content.end)) x.content = { start: x.content.start, end: Math.max(q.end, tokens[trimEnd(cx, firstFrom(cx, x.content.start), e) - 1]!.end) };
  }
}

/** Index of the first token starting at or after offset `pos`. */
function firstFrom(cx: QuoteContext, pos: number): number {
  return lowerBound(cx.tokenStarts, pos);
}

/** Index of the last token starting before offset `pos` (-1 if none). */
function lastBefore(cx: QuoteContext, pos: number): number {
  return firstFrom(cx, pos) - 1;
}

/** The paragraph of token `i`. */
function paraOfToken(cx: QuoteContext, i: number): number {
  const { tokens, starts } = cx;
  return paragraphAt(starts, tokens[i]!.start);
}

/** `"Fox News Sunday,"`, `''Make Your Kid a Millionaire''`: a title in quotes, not speech. */
function isTitle(cx: QuoteContext, a: number, b: number): boolean {
  const { tokens } = cx;
  let words = 0;
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    if (/^[!?]$/.test(t.text)) return false;
    if (!hasLetter(t.text)) continue;
    words++;
    if (!/^\p{Lu}/u.test(t.text) && !(words > 1 && TITLE_SMALL.has(t.normal))) return false;
  }
  return words >= 1 && words <= 7;
}

/** Whether token `i` lies in a quote-like segment. */
function inQuote(cx: QuoteContext, i: number): boolean {
  const { segOfToken, quoteLike } = cx;
  return segOfToken[i]! >= 0 && quoteLike[segOfToken[i]!]!;
}

/** Whether offset `pos` lies in a token of any segment. */
function inQuoteAt(cx: QuoteContext, pos: number): boolean {
  const { segOfToken } = cx;
  const i = lastBefore(cx, pos + 1);
  return i >= 0 && segOfToken[i]! >= 0;
}

/** Skip adverbs and auxiliaries back from token k; return the token before them. */
function backOverAdverbs(cx: QuoteContext, k: number, floor: number): number {
  const { tokens } = cx;
  while (k >= floor) {
    const t = tokens[k]!;
    if (SKIP_BEFORE_VERB.has(t.normal) || BE.has(t.normal) || (t.pos === 'ADV' && /ly$/.test(t.normal))) k--;
    else if (TIME_WORD.has(t.normal) && k - 1 >= floor && TIME_LEAD.has(tokens[k - 1]!.normal)) k -= 2;
    else if (TIME_WORD.has(t.normal) && k - 1 >= floor && tokens[k - 1]!.pos === 'PROPN' && tokens[k - 1]!.normal === 'on') k -= 2;
    else if (WEEKDAY.has(t.normal) && k - 1 >= floor && tokens[k - 1]!.pos !== 'ADP') k--;
    // `A news report published Wednesday said …`: a participle after its noun.
    else if (t.pos === 'VERB' && /ed$/.test(t.normal) && k - 1 >= floor && (tokens[k - 1]!.pos === 'NOUN' || tokens[k - 1]!.pos === 'PROPN')) k--;
    else break;
  }
  return k;
}

/** Step 1: the cue right after segment `s` (`"…," he said`, `"…," said Caddell`), if any. */
function cueAfter(cx: QuoteContext, s: QuoteSegment): Cue | undefined {
  const { tokens, text, starts, segOfToken } = cx;
  let j = firstFrom(cx, s.end);
  if (j >= tokens.length) return undefined;
  const para = paragraphAt(starts, s.end - 1);
  // A quote paragraph signed by the next one: `"…"` / `- Bernie Sanders.`
  if (paraOfToken(cx, j) === para + 1 && DASH.test(tokens[j]!.text) && s.closeLen > 0 && text.slice(s.end, tokens[j]!.start).trim() === '') {
    const end = firstFrom(cx, starts[para + 2] ?? text.length);
    const ph = phraseAfter(tokens, j + 1, end);
    if (ph && tokens[ph.head]!.pos === 'PROPN' && end - ph.to <= 12) return { verb: j, phrase: ph, where: 'after' };
  }
  if (paraOfToken(cx, j) !== para) return undefined;
  // `"…," he said` / `"…?" he asked` / `"…", he said`; a quote ending in a full stop ends
  // its sentence, so a cue after it belongs to what follows.
  let e = s.end - s.closeLen - 1;
  while (e > s.start && /['\u2018\u2019\s]/.test(text[e]!)) e--;
  const inner = text[e] ?? '';
  const first = tokens[j]!.text;
  const dash = DASH.test(first);
  const outerComma = first === ',' || dash;
  const speechEnd = /[,?!\u2014\-:;]/.test(inner);
  // A quote closed with no comma of its own (`"… of niches" Grubbs said.`) takes a cue only
  // when the cue clause is nothing more: a verb of saying and its speaker.
  const bare = !outerComma && s.closeLen > 0 && !speechEnd;
  if (bare && /[.]/.test(inner)) {
    // (Unless the cue clause is all there is: `"… missing." Trump said.`)
    const ph = phraseAfter(tokens, j, Math.min(tokens.length, j + 6));
    const vv = ph ? ph.to : -1;
    const name = ph !== undefined && (tokens[ph.head]!.pos === 'PROPN' || tokens[ph.head]!.pos === 'PRON');
    if (!(ph && name && vv < tokens.length && verbOf(tokens[vv]!)?.inv && tokens[vv + 1]?.text === '.' && paraOfToken(cx, vv) === para)) return undefined;
    return { verb: vv, phrase: ph, where: 'after' };
  }
  const closes = (i: number) => i >= tokens.length || /^[.,;]$/.test(tokens[i]!.text) || tokens[i]!.pos === 'ADP' || TIME_WORD.has(tokens[i]!.normal);
  if (outerComma) j++;
  // A stray quote mark left over from `'''` (a nested quote closing with the outer one).
  while (j < tokens.length && segOfToken[j]! < 0 && /^["'\u2019\u201d]+$/.test(tokens[j]!.text)) j++;
  if (j >= tokens.length || segOfToken[j]! >= 0 || paraOfToken(cx, j) !== para) return undefined;
  const ceil = Math.min(sentenceEndFrom(cx, j), j + 40);
  // `"…" ― Pamela Padilla` (a name alone after a dash ends the paragraph)
  if (dash) {
    const ph = phraseAfter(tokens, j, ceil);
    const after = ph ? ph.to : j;
    if (ph && tokens[ph.head]!.pos === 'PROPN' && (after >= tokens.length || paraOfToken(cx, after) !== para || /^[.]$/.test(tokens[after]!.text)))
      return { verb: j - 1, phrase: ph, where: 'after' };
  }
  // `said Caddell` / `said the minister` / `he said`
  let v = j;
  while (v < ceil && SKIP_BEFORE_VERB.has(tokens[v]!.normal) && tokens[v]!.pos !== 'PRON') v++;
  const vi = v < ceil ? verbOf(tokens[v]!) : undefined;
  if (vi?.inv) {
    const ph = phraseAfter(tokens, v + 1, ceil);
    // `… of "New York values," saying the city …`: a gerund with words of its own opens
    // another statement.
    if (ph && tokens[v]!.normal.endsWith('ing')) return undefined;
    if (bare && !(ph && closes(skipParenForward(tokens, ph.to, ceil)))) return undefined;
    return { verb: v, phrase: ph && segOfToken[ph.head]! < 0 ? ph : undefined, where: 'after' };
  }
  // `"…," beamed Donald Hartley`, `"…," concluded a 2013 article`: after a quote closing with
  // a comma, any verb inverted before a speaker closing the clause is the cue.
  if (speechEnd && v < ceil && tokens[v]!.pos === 'VERB' && /^\p{Ll}+$/u.test(tokens[v]!.text) && !tokens[v]!.normal.endsWith('ing')) {
    const ph = phraseAfter(tokens, v + 1, ceil);
    const after = ph ? skipParenForward(tokens, ph.to, ceil) : -1;
    if (ph && segOfToken[ph.head]! < 0 && (after >= ceil || /^[.,;]$/.test(tokens[after]!.text)) && tokens[ph.head]!.pos !== 'PRON')
      return { verb: v, phrase: ph, where: 'after' };
  }
  // `Putin told …`, `Flynn, a top Trump surrogate, said …`
  let ph = phraseAfter(tokens, j, ceil);
  if (!ph) return undefined;
  // `the Vermont senator and Democratic presidential candidate told …`
  if (tokens[ph.to]?.normal === 'and') {
    const ph2 = phraseAfter(tokens, ph.to + 1, ceil);
    if (ph2 && cueAt(tokens, skipParenForward(tokens, ph2.to, ceil))) ph = { from: ph.from, to: ph2.to, head: ph2.head };
  }
  let k = skipParenForward(tokens, ph.to, ceil);
  if (tokens[k]?.text === ',') {
    // appositions up to a comma followed by the verb
    let m = k + 1;
    let found = -1;
    for (; m < ceil; m++) {
      if (segOfToken[m]! >= 0) break;
      if (tokens[m]!.text !== ',') continue;
      let n = m + 1;
      while (n < ceil && (SKIP_BEFORE_VERB.has(tokens[n]!.normal) || (tokens[n]!.pos === 'ADV' && /ly$/.test(tokens[n]!.normal)))) n++;
      if (n < ceil && cueAt(tokens, n)) {
        found = n;
        break;
      }
    }
    if (found < 0) return undefined;
    k = found;
  }
  // `a Democratic staffer in the room wondered`, `a spokesman for committee Democrats said`:
  // a short prepositional phrase before the verb.
  const pp = k;
  if (tokens[k]?.pos === 'ADP' && PHRASE_PREPS.has(tokens[k]!.normal)) {
    let m = k + 1;
    while (m < Math.min(ceil, k + 6) && !realVerb(tokens[m]!) && tokens[m]!.pos !== 'PUNCT') m++;
    if (m < ceil && realVerb(tokens[m]!)) k = m;
  }
  while (k < ceil && (SKIP_BEFORE_VERB.has(tokens[k]!.normal) || (tokens[k]!.pos === 'ADV' && /ly$/.test(tokens[k]!.normal)))) k++;
  if (k >= ceil) return undefined;
  const vk = cueAt(tokens, k);
  if (bare) return vk?.inv && closes(k + 1) ? { verb: k, phrase: ph, where: 'after' } : undefined;
  if (vk) return { verb: k, phrase: ph, where: 'after' };
  // `"…?" Vitter demanded.` — after a question or a comma any verb is the speech cue.
  const headTok = tokens[ph.head]!;
  const shortCommon = headTok.pos === 'NOUN' && tokens[ph.from]!.pos === 'DET' && ph.to - ph.from <= 6 && (k === ph.to || k > pp);
  if (!vk && speechEnd && !outerComma && realVerb(tokens[k]!) && !tokens[k]!.normal.endsWith('ing') && (headTok.pos === 'PROPN' || headTok.pos === 'PRON' || shortCommon))
    return { verb: k, phrase: ph, where: 'after' };
  // `"…," Bozell answers.` / `"…," Toomey fumed on Tuesday.`: the tagger took the verb after
  // the name for a noun or an adjective; a lower-case word closing the clause is the cue.
  if (speechEnd || outerComma) {
    const lastTok = tokens[ph.to - 1]!;
    let vv = -1;
    let sp = ph;
    if (ph.to - ph.from >= 2 && tokens[ph.to - 2]!.pos === 'PROPN' && loneWord(lastTok)) {
      vv = ph.to - 1;
      sp = { from: ph.from, to: ph.to - 1, head: ph.to - 2 };
    } else if (k === ph.to && (headTok.pos === 'PROPN' || headTok.pos === 'PRON') && loneWord(tokens[k]!)) vv = k;
    const after = tokens[vv + 1];
    if (vv >= 0 && (!after || /^[.,;]$/.test(after.text) || after.pos === 'ADP' || after.pos === 'ADV' || TIME_WORD.has(after.normal)))
      return { verb: vv, phrase: sp, where: 'after' };
  }
  return undefined;
}

/** A lower-case word that could be a verb the tagger missed. */
function loneWord(t: Token): boolean {
  return /^\p{Ll}+$/u.test(t.text) && (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'VERB') && !t.normal.endsWith('ing');
}

/** End token of the sentence of token `i` (or 20 tokens on, outside sentences). */
function sentenceEndFrom(cx: QuoteContext, i: number): number {
  const { doc, tokens } = cx;
  const s = doc.sentences[doc.sentenceOf[i]!];
  return s ? s.tokens[1] : Math.min(tokens.length, i + 20);
}

/** Step 1: the cue right before segment `s` (`He said: "…"`), if any. */
function cueBefore(cx: QuoteContext, s: QuoteSegment): Cue | undefined {
  const { tokens, starts, segOfToken } = cx;
  const i = lastBefore(cx, s.start);
  if (i < 0) return undefined;
  const punct = tokens[i]!.text;
  const crossPara = paraOfToken(cx, i) !== paragraphAt(starts, s.start);
  if (crossPara && punct !== ':') return undefined;
  let v = -1;
  let anyVerb = false;
  if (punct === ':' || punct === ',') {
    for (let k = i - 1; k >= Math.max(0, i - 7); k--) {
      const t = tokens[k]!;
      if (cueAt(tokens, k)) {
        v = k;
        break;
      }
      // `Trump issued the following statement:` — before a colon any verb introduces it.
      if (punct === ':' && t.pos === 'VERB' && !t.normal.endsWith('ing') && !/^\p{Lu}/u.test(t.text)) {
        v = k;
        anyVerb = true;
        break;
      }
      if (t.pos === 'PUNCT' || realVerb(t) || t.pos === 'AUX' || segOfToken[k]! >= 0) break;
    }
  } else if (verbOf(tokens[i]!) && !verbOf(tokens[i]!)!.weak) v = i;
  if (v < 0) return undefined;
  const floor = Math.max(0, v - 30, sentenceStart(cx, v));
  const k = backOverAdverbs(cx, v - 1, floor);
  // `The president noted …, and added: "…"`: the subject of the sentence.
  // `Trump went on to say: "…"`: the subject of the verb the infinitive hangs on.
  if (k >= floor && tokens[k]!.normal === 'to' && tokens[k]!.pos === 'PART') {
    // (`… that I had to change my answer:` — the subject right before that verb.)
    let h = k - 1;
    if (h >= floor && tokens[h]!.pos === 'ADP') h--;
    const hv = h >= floor && (realVerb(tokens[h]!) || tokens[h]!.pos === 'AUX') ? backOverAdverbs(cx, h - 1, floor) : -1;
    const sub = hv >= floor && segOfToken[hv]! < 0 ? phraseBefore(tokens, hv, floor) : undefined;
    return sub ? { verb: v, phrase: sub, where: 'before' } : { verb: v, where: 'before', conj: true };
  }
  if (k >= floor && tokens[k]!.pos === 'CCONJ') {
    const sub = subjectBeforeConj(cx, k, floor);
    return sub ? { verb: v, phrase: sub, where: 'before' } : { verb: v, where: 'before', conj: true };
  }
  let ph = k >= floor ? phraseBefore(tokens, k, floor) : undefined;
  // `Sanders made the following comment:` — a noun cue's speaker is the subject of its verb.
  if (v - 1 >= floor && (tokens[v - 1]!.pos === 'DET' || tokens[v - 1]!.pos === 'ADJ' || tokens[v - 1]!.normal === 'following')) {
    let m = v - 1;
    while (m >= floor && (tokens[m]!.pos === 'DET' || tokens[m]!.pos === 'ADJ' || tokens[m]!.normal === 'following')) m--;
    if (m < v - 1 && m >= floor && realVerb(tokens[m]!) && !tokens[m]!.normal.endsWith('ing')) {
      const j = backOverAdverbs(cx, m - 1, floor);
      const sub = j >= floor && segOfToken[j]! < 0 ? phraseBefore(tokens, j, floor) : undefined;
      if (sub) ph = sub;
    }
  }
  if (ph && PASSIVE.has(tokens[v - 1]!.normal)) return undefined;
  // `Said Ellis: "…"`
  // (`, telling reporters: "…"` names the hearer: a gerund's speaker is the sentence's.)
  if (!ph && verbOf(tokens[v]!)?.inv && !tokens[v]!.normal.endsWith('ing')) ph = phraseAfter(tokens, v + 1, i);
  if (anyVerb && !ph) return undefined;
  return { verb: v, phrase: ph, where: 'before' };
}

/** First token of the sentence of token `i`. */
function sentenceStart(cx: QuoteContext, i: number): number {
  const { doc } = cx;
  const s = doc.sentences[doc.sentenceOf[i]!];
  return s ? s.tokens[0] : 0;
}

/** Step 1: each quote-like segment with its cue, as a draft of its own or a part of the one before. */
function cuedSegments(cx: QuoteContext): void {
  const { doc, tokens, segs, segOfToken, quoteLike, drafts, usedCue, segDraft } = cx;
  const segCue: Array<Cue | undefined> = segs.map((s, si) => {
    if (!quoteLike[si] || segDraft[si]! >= 0) return undefined;
    const after = cueAfter(cx, s);
    if (after && after.phrase && !tokens[after.verb]!.normal.endsWith('ing')) return after;
    return cueBefore(cx, s) ?? after;
  });
  for (let si = 0; si < segs.length; si++) {
    if (!quoteLike[si] || segDraft[si]! >= 0) continue;
    const s = segs[si]!;
    const c = segCue[si];
    const prevSi = si - 1;
    const prevDraft = prevSi >= 0 ? segDraft[prevSi]! : -1;

    // `"…," he said, "…"`: the same cue before this segment as after the previous one.
    if ((c && prevDraft >= 0 && drafts[prevDraft]!.cueToken === c.verb) || continues(cx, prevDraft, s)) {
      drafts[prevDraft]!.parts.push({ start: s.start, end: s.end });
      segDraft[si] = prevDraft;
      continue;
    }
    if (c) {
      usedCue[c.verb] = 1;
      segDraft[si] = drafts.length;
      // A quote that begins mid-sentence (`… a top priority ''is …,'' Mr. Kamin said`)
      // carries the words before it: mixed speech.
      let start = s.start;
      let kind: Quote['kind'] = 'direct';
      const first = firstFrom(cx, s.start);
      const ss = sentenceStart(cx, first);
      if (c.where === 'after' && ss < first) {
        let words = 0;
        let clean = true;
        for (let i = Math.max(ss, first - MAX_CLAUSE); i < first; i++) {
          if (segOfToken[i]! >= 0 && quoteLike[segOfToken[i]!]) clean = false;
          if (hasLetter(tokens[i]!.text)) words++;
        }
        if (clean && words >= 2) {
          start = tokens[ss]!.start;
          kind = 'mixed';
        }
      }
      // `Obama said "it gets me mad" every time he thinks …`: a quote right after its verb
      // (or `that`) with the clause going on: the whole clause is what was said.
      let end = s.end;
      const joinedToVerb = c.where === 'before' && first - 1 >= 0 && (first - 1 === c.verb || tokens[first - 1]!.normal === 'that');
      const nextTok = tokens[firstFrom(cx, s.end)];
      if (joinedToVerb && nextTok && nextTok.pos !== 'CCONJ' && doc.sentenceOf[firstFrom(cx, s.end)] === doc.sentenceOf[first] && hasLetter(nextTok.text)) {
        const a = firstFrom(cx, s.end);
        const whole = contentSpan(cx, a, clauseEnd(cx, a, sentenceEndFrom(cx, a)));
        if (whole) {
          end = whole.end;
          kind = 'mixed';
        }
      }
      const gerund = (tokens[c.verb]!.normal.endsWith('ing') && !c.phrase) || c.conj === true;
      drafts.push(draft({ kind, content: { start, end }, parts: [], cue: cueSpan(tokens, c.verb), cueToken: c.verb, phrase: c.phrase, sameSentence: gerund }));
      continue;
    }
  }
}

/**
 * `"…," Trump said during a rally in Kenansville, "but …"` / `"…," he said, but "…"`: a quote
 * in the sentence of the previous quote's cue, after it, with no verb of its own between.
 */
function continues(cx: QuoteContext, prev: number, s: QuoteSegment): boolean {
  const { doc, tokens, segOfToken, drafts } = cx;
  if (prev < 0) return false;
  const d = drafts[prev]!;
  const first = firstFrom(cx, s.start);
  if (d.kind !== 'direct' || d.cueToken >= first || tokens[d.cueToken]!.start < d.content.end) return false;
  if (doc.sentenceOf[d.cueToken] !== doc.sentenceOf[first] || first - d.cueToken > 25) return false;
  for (let i = d.cueToken + 1; i < first; i++) if (segOfToken[i]! >= 0 || realVerb(tokens[i]!) || tokens[i]!.pos === 'AUX') return false;
  return tokens[first - 1]!.text === ',' || CONTINUATIONS.has(tokens[first - 1]!.normal);
}

/**
 * In a headline, what was said runs to its end, or stops after the quote at a dash or a
 * setting (`… 'Directly To White People' After Latest Police Shooting`): the token where it ends.
 */
function headlineContentEnd(cx: QuoteContext, q: QuoteSegment, b: number): number {
  const { tokens } = cx;
  for (let i = firstFrom(cx, q.end); i < b; i++) {
    const t = tokens[i]!;
    if (DASH.test(t.text) || t.text === ';' || (HEADLINE_SETTING.has(t.normal) && i === firstFrom(cx, q.end))) return i;
  }
  return b;
}

/** The draft of a headline's quoted words (its segments are marked as the next draft's). */
function headlineQuote(cx: QuoteContext, hl: Span): Draft | undefined {
  const { tokens, text, segs, drafts, usedCue, segDraft } = cx;
  const a = firstFrom(cx, hl.start);
  const b = firstFrom(cx, hl.end);
  if (hl.end - hl.start > 200 || b - a < 4) return undefined;
  const inHead = segs.map((s, si) => [s, si] as const).filter(([s]) => s.start >= hl.start && s.end <= hl.end);
  if (inHead.length === 0 || inHead.some(([, si]) => segDraft[si]! >= 0) || drafts.some((x) => x.content.start < hl.end && x.content.end > hl.start)) return undefined;
  const q = inHead[0]![0];
  const qa = firstFrom(cx, q.start);
  if (qa <= a + 1) return undefined;
  // Title case misleads the tagger (`Lawmakers Rip`): tag the headline again in lower case.
  const words = text.slice(tokens[a]!.start, tokens[b - 1]!.end);
  // (Character by character, so that offsets hold: `İ` would lower-case to two characters.)
  const lower = Array.from(words, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
  const base = tokens[a]!.start;
  const lowTokens = tokenize(lower, true).tokens;
  const posAt = new Map(lowTokens.map((t) => [t.start + base, t.pos]));
  const isVerb = (i: number) => {
    const p = posAt.get(tokens[i]!.start);
    if (p === 'VERB' || (p === 'AUX' && tokens[i]!.normal !== 'will')) return true;
    // (A speech verb the tagger still takes for a noun: `Workers Slam …`.)
    const n = tokens[i]!.normal;
    return verbs().has(n) || (n.endsWith('s') && verbs().has(n.slice(0, -1)));
  };
  let v = -1;
  let colon = -1;
  for (let i = a + 1; i < qa; i++) {
    if (tokens[i]!.text === ':') {
      colon = i;
      break;
    }
    if (v < 0 && isVerb(i)) v = i;
  }
  if (colon < 0 && v < 0) return undefined;
  // The subject: the words before the verb (or the colon), a name or a noun phrase.
  let sEnd = v >= 0 ? v : colon;
  while (sEnd > a && tokens[sEnd - 1]!.pos === 'ADV') sEnd--;
  const ph = phraseAfter(tokens, a, sEnd);
  if (!ph || ph.from !== a || (ph.to !== sEnd && colon < 0) || tokens[a]!.pos === 'DET') return undefined;
  const head = tokens[ph.head]!;
  if (head.pos !== 'PROPN' && !speakerNoun(head)) return undefined;
  const c = colon >= 0 ? colon + 1 : v + 1;
  let e = headlineContentEnd(cx, q, b);
  while (e > c && /^[.;,:]$/.test(tokens[e - 1]!.text)) e--;
  if (e - c < 1) return undefined;
  const cueTok = colon >= 0 ? colon : v;
  usedCue[cueTok] = 1;
  for (const [, si] of inHead) segDraft[si] = drafts.length;
  const content = { start: tokens[c]!.start, end: Math.max(tokens[e - 1]!.end, q.end) };
  const kind = content.start === q.start && content.end === q.end ? 'direct' : 'mixed';
  return draft({ kind, content, parts: [], cue: cueSpan(tokens, cueTok), cueToken: cueTok, phrase: ph });
}

/** End offset of paragraph `p`, without trailing white space. */
function paragraphEndAt(cx: QuoteContext, p: number): number {
  const { text, starts } = cx;
  let e = starts[p + 1] ?? text.length;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/**
 * Step 2: every token of every sentence that may open an attribution. (A function of its own:
 * the hottest loop of the stage gets optimised early, not with the whole of `findQuotes`.)
 */
function scanReported(cx: QuoteContext): void {
  const { doc, tokens, candidates, drafts, usedCue } = cx;
  const cues = prepCues();
  for (const sent of doc.sentences) {
    const [from, to] = sent.tokens;
    // (Tokens before `next` belong to a prepositional cue already taken.)
    let next = from;
    for (let c = lowerBound(candidates, from); c < candidates.length && candidates[c]! < to; c++) {
      const i = candidates[c]!;
      if (i < next) continue;
      const t = tokens[i]!;
      const pos = t.pos;
      // `As Simonyan put it, …` / `…, as a Homeland Security memo put it.`
      if (t.normal === 'as' && !usedCue[i] && !inQuote(cx, i)) {
        const d = asPutIt(cx, i, from, to);
        if (d) {
          drafts.push(d);
          continue;
        }
      }
      if (pos !== 'VERB' && pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'ADP') continue;
      if (usedCue[i] || inQuote(cx, i)) continue;
      // `according to X`
      const prep = cues.firsts.includes(t.normal) ? prepCueAt(tokens, i, cues.lists) : undefined;
      if (prep) {
        const d = according(cx, i, i + prep.length, from, to);
        if (d) drafts.push(d);
        next = i + prep.length;
        continue;
      }
      // `In a poll released Monday, 50 percent …` / `… a decisive lead in the polls.`
      if (t.normal === 'in') {
        const d = inDocument(cx, i, from, to);
        if (d) {
          drafts.push(d);
          continue;
        }
      }
      // `Asked whether …, Smith said …`: the question, with no speaker of its own.
      if (t.normal === 'asked' && (i === from || (i - 1 === from && tokens[from]!.normal === 'when') || tokens[i - 1]!.text === ',')) {
        let e = i + 1;
        while (e < to && tokens[e]!.text !== ',' && !inQuote(cx, e)) e++;
        // (`When asked, Smith said …`: no question given, and no cue for what follows.)
        if (e === i + 1) continue;
        const content = e < to ? contentSpan(cx, i + 1, e) : undefined;
        if (content) {
          usedCue[i] = 1;
          drafts.push(draft({ kind: kindOf(cx, content), content, parts: [], cue: cueSpan(tokens, i), cueToken: i }));
          continue;
        }
      }
      // (A passive is no cue: checked first, as it needs no lemma.)
      if (i - 1 >= from && PASSIVE.has(tokens[i - 1]!.normal) && !t.normal.endsWith('ing')) continue;
      const vi = cueAt(tokens, i);
      if (!vi || vi.direct) continue;
      const d = reported(cx, i, vi, from, to);
      if (d) {
        usedCue[i] = 1;
        drafts.push(d);
      }
    }
  }
}

/** Token range end `b` without trailing sentence punctuation (a closing quote mark stays). */
function trimEnd(cx: QuoteContext, a: number, b: number): number {
  const { tokens } = cx;
  // Drop trailing sentence punctuation (but not a closing quote mark).
  while (b > a && /^[.!?;:,]$/.test(tokens[b - 1]!.text)) b--;
  return b;
}

/** The span of what was said in tokens `a`..`b`, trimmed; undefined if under two tokens. */
function contentSpan(cx: QuoteContext, a: number, b: number): Span | undefined {
  const { tokens, segs, segOfToken, quoteLike } = cx;
  b = trimEnd(cx, a, b);
  while (a < b && (tokens[a]!.text === ',' || tokens[a]!.text === ':')) a++;
  if (b - a < 2) return undefined;
  // A quote opened in the clause runs on past its sentence: what was said goes on to
  // the closing mark (`he'll "need a lot of help. So we'll see how it works."`).
  const si = segOfToken[b - 1]!;
  const seg = si >= 0 && quoteLike[si] ? segs[si]! : undefined;
  const end = seg && seg.start >= tokens[a]!.start && seg.end > tokens[b - 1]!.end ? seg.end : tokens[b - 1]!.end;
  return { start: tokens[a]!.start, end };
}

/** A span holding a quote mark is mixed speech, else indirect. */
function kindOf(cx: QuoteContext, c: Span): Quote['kind'] {
  const { text } = cx;
  return QUOTE_CHAR.test(text.slice(c.start, c.end)) ? 'mixed' : 'indirect';
}

/** End of a reported clause: the sentence end, or before `, adding …` / `, according to`. */
function clauseEnd(cx: QuoteContext, a: number, to: number, cue?: number): number {
  const { tokens, text, segs, segOfToken } = cx;
  // A reported clause is not longer than MAX_CLAUSE tokens (bounds the work on run-on text).
  to = Math.min(to, a + MAX_CLAUSE);
  const cueForm = cue === undefined ? undefined : verbForm(cx, cue);
  for (let k = a + 1; k < to - 1; k++) {
    if (inQuote(cx, k)) continue;
    const t = tokens[k]!;
    if (t.text === ';') return k;
    // `said that …, but cautioned against …`: a verb inflected as the cue is, right after a comma
    // and a conjunction, is the speaker's next act, not what was said.
    if (cueForm && t.pos === 'CCONJ' && tokens[k - 1]!.text === ',' && realVerb(tokens[k + 1]!) && verbForm(cx, k + 1) === cueForm) return k;
    // Right after a closing quote a dash ends the clause (`"felony charges" – absent …`),
    // and a comma inside the quote is the clause's comma (`"a terrible mistake," although …`).
    const qi = segOfToken[k - 1]!;
    if (qi >= 0 && segs[qi]!.end <= t.start) {
      const seg = segs[qi]!;
      if (DASH.test(t.text)) return k;
      // What was quoted ends the content before another verb of the subject (`… "a con" and
      // encouraged Americans to …`, inflected as the cue is: `wanted to speak "…" and let them
      // know` goes on), another participle (`… a "faker" and questioning how …`) or a clause
      // of its own (`… a "nice guy" and he didn't …`).
      const nx = tokens[k + 1];
      if (t.pos === 'CCONJ' && nx && realVerb(nx) && (nx.normal.endsWith('ing') || nx.normal !== lemmaAt(tokens, k + 1))) return k;
      if (t.pos === 'CCONJ' && newClauseAt(cx, k + 1)) return k;
      // (There also a participle or a new clause: `"a revolutionary mood," alluding to …`.)
      if (seg.closeLen > 0 && text[seg.end - seg.closeLen - 1] === ',' && (breaksAfterComma(cx, k) || (realVerb(t) && t.normal.endsWith('ing')) || newClauseAt(cx, k))) return k;
    }
    if (t.text === ',' && breaksAfterComma(cx, k + 1)) return k;
  }
  return to;
}

/** `about half`, `around 200`, `over a third`: a preposition that hedges the number after it. */
function hedgedNumber(tokens: Token[], a: number): boolean {
  if (!NUMBER_HEDGES.has(tokens[a]!.normal)) return false;
  const n = tokens[a + 1];
  return n !== undefined && (n.pos === 'NUM' || n.normal === 'half' || (n.normal === 'a' && /^(third|quarter|dozen|fifth)$/.test(tokens[a + 2]?.normal ?? '')));
}
const NUMBER_HEDGES = new Set(['about', 'around', 'over', 'under', 'nearly', 'almost', 'roughly', 'some']);

/**
 * The inflection of verb token `i` that tells a speaker's acts apart from what was said: `past`
 * (`said`, `cautioned`) or `s` (`says`, `adds`); undefined for a base form, a participle in -ing
 * or a word that is no plain verb.
 */
function verbForm(cx: QuoteContext, i: number): 'past' | 's' | undefined {
  const t = cx.tokens[i]!;
  if (t.pos !== 'VERB' || t.normal.endsWith('ing')) return undefined;
  const lemma = lemmaAt(cx.tokens, i);
  if (t.normal === lemma) return undefined;
  return t.normal === lemma + 's' || t.normal === lemma + 'es' ? 's' : 'past';
}

/** Whether the words from token `n` on, after a comma, begin something other than the clause. */
function breaksAfterComma(cx: QuoteContext, n: number): boolean {
  const { tokens, segOfToken } = cx;
  const t = tokens[n]!;
  // `…, adding …`, `…, according to …`, `…, but …`, and the main verb after a
  // relative clause (`Barkley, who said he votes democratic, said …`).
  if ((verbOf(t) && t.normal.endsWith('ing')) || (prepCues().firsts.includes(t.normal) && prepCues().lists.some((w) => w[0] === t.normal && tokens[n + 1]?.normal === w[1]))) return true;
  // `…, but that …` goes on with what was said.
  if (tokens[n + 1]?.normal === 'that') return false;
  // (`…, but is now "the worst thing …"`: a second predicate of the same subject goes on, and
  // so do quoted words: `…, but "the offers were …"`, `…, but also hungry for "…"`.)
  if (CLAUSE_BREAK.has(t.normal)) {
    const nx = tokens[n + 1];
    const goesOn = t.normal === 'but' && nx !== undefined && (nx.pos === 'AUX' || (realVerb(nx) && !nx.normal.endsWith('ing')) || nx.normal === 'also' || segOfToken[n + 1]! >= 0);
    return !goesOn;
  }
  // `…, and he railed against …`: a clause with a subject of its own; `…, and when pressed
  // …`: one opening with an adverbial clause.
  if (t.pos === 'CCONJ' && (newClauseAt(cx, n + 1) || ADVERBIAL_OPENERS.has(tokens[n + 1]?.normal ?? ''))) return true;
  return t.pos === 'VERB' && !t.normal.endsWith('ing') && verbOf(t) !== undefined;
}

/** `I laughed and said …`: the subject of the verb right before the conjunction at `k`. */
function subjectBeforeConj(cx: QuoteContext, k: number, floor: number): SpeakerPhrase | undefined {
  const { tokens, segOfToken } = cx;
  // (The verb right before the conjunction is the one: `Sherry smiled and said`, where skipping
  // adverbs would also skip `smiled` as a participle after a noun.)
  const v = k - 1 >= floor && realVerb(tokens[k - 1]!) ? k - 1 : backOverAdverbs(cx, k - 1, floor);
  if (v < floor || !realVerb(tokens[v]!) || tokens[v]!.normal.endsWith('ing')) return undefined;
  const j = backOverAdverbs(cx, v - 1, floor);
  if (j < floor || segOfToken[j]! >= 0) return undefined;
  const ph = phraseBefore(tokens, j, Math.max(floor, j - 14));
  return ph && (ph.from === floor || !realVerb(tokens[ph.from - 1]!)) ? ph : undefined;
}

/** Whether a clause with its own subject and finite verb begins at token `i`. */
function newClauseAt(cx: QuoteContext, i: number): boolean {
  const { tokens } = cx;
  const t = tokens[i];
  if (!t) return false;
  let k: number;
  if (t.pos === 'PRON') {
    if (!SUBJECT_PRONOUNS.has(t.normal)) return false;
    k = i + 1;
  } else {
    const ph = phraseAfter(tokens, i, Math.min(tokens.length, i + 8));
    if (!ph || tokens[ph.head]!.pos !== 'PROPN') return false;
    k = ph.to;
  }
  while (k < tokens.length && (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'PART' || SKIP_BEFORE_VERB.has(tokens[k]!.normal))) k++;
  return k < tokens.length && (realVerb(tokens[k]!) || tokens[k - 1]!.pos === 'AUX') && !tokens[k]!.normal.endsWith('ing');
}

/** Step 2: `according to X` (tokens `i`..`after`) in the sentence `from`..`to`. */
function according(cx: QuoteContext, i: number, after: number, from: number, to: number): Draft | undefined {
  const { tokens } = cx;
  let ph = phraseAfter(tokens, after, Math.min(to, after + 10));
  if (!ph) {
    // `according to police,`: the tagger may read the words as verbs after `to`, but
    // what stands there up to the comma is the source.
    let k = after;
    while (k < Math.min(to, after + 8) && !/^[.,;:!?]$/.test(tokens[k]!.text) && !inQuote(cx, k)) k++;
    if (k > after && /^[.,;:!?]$/.test(tokens[k]?.text ?? '.') && hasLetter(tokens[k - 1]!.text)) ph = { from: after, to: k, head: k - 1 };
  }
  // `…, according to X.` — content before; `According to X, …` — content after.
  let content: Span | undefined;
  if (i > from && tokens[i - 1]!.text === ',') content = contentSpan(cx, from, i - 1);
  else if (i === from || tokens[i - 1]!.pos === 'CCONJ') {
    let k = ph ? ph.to : after;
    while (k < to && tokens[k]!.text !== ',') k++;
    content = contentSpan(cx, k + 1, clauseEnd(cx, k + 1, to));
  } else content = contentSpan(cx, from, i);
  if (!content) return undefined;
  return draft({ kind: kindOf(cx, content), content, parts: [], cue: { start: tokens[i]!.start, end: tokens[after - 1]!.end }, cueToken: i, phrase: ph });
}

/** `as X put it`: X said the clause after it (`As Simonyan put it, …`) or the one before. */
function asPutIt(cx: QuoteContext, i: number, from: number, to: number): Draft | undefined {
  const { tokens, text, segs, segOfToken, usedCue } = cx;
  const ph = phraseAfter(tokens, i + 1, Math.min(to, i + 12));
  if (!ph) return undefined;
  let v = ph.to;
  // (an apposition: `As Steven Rosenthal, a tax lawyer, recently put it`)
  if (tokens[v]?.text === ',') {
    let m = v + 1;
    while (m < Math.min(to, v + 20) && tokens[m]!.text !== ',') m++;
    if (tokens[m]?.text !== ',') return undefined;
    v = m + 1;
  }
  while (v < to && (tokens[v]!.pos === 'ADV' || SKIP_BEFORE_VERB.has(tokens[v]!.normal))) v++;
  if (tokens[v]?.normal !== 'put' || tokens[v + 1]?.normal !== 'it') return undefined;
  let content: Span | undefined;
  let m = v + 2;
  while (m < Math.min(to, v + 16) && tokens[m]!.text !== ',' && !/^[.;!?]$/.test(tokens[m]!.text) && segOfToken[m]! < 0) m++;
  if (tokens[m]?.text === ',' || (segOfToken[m]! >= 0 && m === v + 2)) {
    const c = tokens[m]!.text === ',' ? m + 1 : m;
    content = contentSpan(cx, c, clauseEnd(cx, c, to));
  }
  // (`…, as X put it` / `"…," as X put it`)
  const qi = i - 1 > from ? segOfToken[i - 1]! : -1;
  const commaBefore = i - 1 > from && (tokens[i - 1]!.text === ',' || (qi >= 0 && /,\s*\S{1,2}$/.test(text.slice(segs[qi]!.start, segs[qi]!.end))));
  if (!content && commaBefore) {
    // The words before: from the last comma before their quote, or the sentence start.
    const e = tokens[i - 1]!.text === ',' ? i - 1 : i;
    let a = e - 1;
    while (a > from && (segOfToken[a]! >= 0 || tokens[a]!.text !== ',')) a--;
    content = contentSpan(cx, a > from ? a + 1 : from, e);
  }
  if (!content) return undefined;
  usedCue[i] = 1;
  return draft({ kind: kindOf(cx, content), content, parts: [], cue: { start: tokens[v]!.start, end: tokens[v + 1]!.end }, cueToken: v, phrase: ph });
}

/** Step 2: `in a poll …` (token `i`): the document speaks. */
function inDocument(cx: QuoteContext, i: number, from: number, to: number): Draft | undefined {
  const { tokens } = cx;
  const ph = phraseAfter(tokens, i + 1, Math.min(to, i + 11));
  if (!ph) return undefined;
  // The phrase opens the sentence and goes on to a comma (`released Monday`, `conducted by
  // …`), or closes the clause. (Tested before the document noun and the other cues, which
  // read lemmas.)
  const atStart = i === from || tokens[i - 1]!.pos === 'CCONJ';
  let after = ph.to;
  if (atStart) {
    while (after < to && tokens[after]!.text !== ',' && after - ph.to < 12) after++;
    if (tokens[after]?.text !== ',') return undefined;
  } else if (!(after >= to || /^[.,;!?]$/.test(tokens[after]!.text))) return undefined;
  if (!isDocument(tokens, ph.head)) return undefined;
  // `X said in a statement`: the setting of another cue, not a source of its own.
  for (let m = from; m < to; m++) if (m !== i && !inQuote(cx, m) && cueAt(tokens, m) && !cueAt(tokens, m)!.weak) return undefined;
  const content = atStart ? contentSpan(cx, after + 1, clauseEnd(cx, after + 1, to)) : contentSpan(cx, from, i);
  if (!content) return undefined;
  return draft({ kind: kindOf(cx, content), content, parts: [], cue: { start: tokens[i]!.start, end: tokens[i]!.end }, cueToken: i, phrase: ph });
}

/** Step 2: the reported speech of cue verb `i` in the sentence `from`..`to`. */
function reported(cx: QuoteContext, i: number, vi: VerbInfo, from: number, to: number): Draft | undefined {
  const { tokens, segOfToken, quoteLike } = cx;
  const t = tokens[i]!;
  const cue = cueSpan(tokens, i);
  const gerund = t.normal.endsWith('ing');
  // `…, said Batchelder.` / `…, said one GOP source in the room.`: an inverted cue closing
  // the sentence speaks for all before it.
  if (vi.inv && !gerund && i - 1 > from && tokens[i - 1]!.text === ',') {
    const ph = phraseAfter(tokens, i + 1, to);
    let e = ph ? skipParenForward(tokens, ph.to, to) : -1;
    if (ph && tokens[e]?.pos === 'ADP') while (e < to && !/^[.,;]$/.test(tokens[e]!.text) && tokens[e]!.pos !== 'VERB') e++;
    const content = ph && (e >= to || /^[.,;]$/.test(tokens[e]!.text)) ? contentSpan(cx, from, i - 1) : undefined;
    if (ph && content) return draft({ kind: kindOf(cx, content), content, parts: [], cue, cueToken: i, phrase: ph });
  }
  // Subject before the verb.
  let phrase: SpeakerPhrase | undefined;
  let sameSentence = false;
  if (gerund) {
    // (`…, saying …`, `…, and saying …`, `…, now saying …`)
    let j = i - 1;
    while (j > from && tokens[j]!.pos === 'ADV') j--;
    if (j < from || !(tokens[j]!.text === ',' || (tokens[j]!.pos === 'CCONJ' && tokens[j - 1]?.text === ',') || documentBefore(cx, i, from) !== undefined)) return undefined;
    sameSentence = true;
  } else {
    const k = backOverAdverbs(cx, i - 1, from);
    // `He appeared to accept …, but said …`: the subject of the sentence.
    if (k >= from && tokens[k]!.pos === 'CCONJ') {
      phrase = subjectBeforeConj(cx, k, from);
      sameSentence = !phrase;
    }
    else if (k >= from && segOfToken[k]! < 0) phrase = phraseBefore(tokens, k, Math.max(from, k - 30));
  }
  // `whose families, it says, have been told …`: a cue set off by commas speaks for the
  // clause around it.
  if (phrase && tokens[i + 1]?.text === ',' && phrase.from - 1 > from && tokens[phrase.from - 1]!.text === ',') {
    const before = contentSpan(cx, from, phrase.from - 1);
    const after = contentSpan(cx, i + 2, clauseEnd(cx, i + 2, to));
    if (before && after) return draft({ kind: kindOf(cx, { start: before.start, end: after.end }), content: before, parts: [after], cue, cueToken: i, phrase });
  }
  // Content after the verb.
  let a = i + 1;
  if (vi.obj) {
    for (let m = a; m < Math.min(to, a + 14); m++) {
      if (COMPLEMENTIZERS.has(tokens[m]!.normal)) {
        a = m;
        break;
      }
      if ((tokens[m]!.pos === 'PUNCT' && !placeComma(cx, m)) || (tokens[m]!.pos === 'VERB' && !/^\p{Lu}/u.test(tokens[m]!.text))) break;
    }
  }
  while (a < to && (TIME_WORD.has(tokens[a]!.normal) || (TIME_LEAD.has(tokens[a]!.normal) && TIME_WORD.has(tokens[a + 1]?.normal ?? '')))) a++;
  // `said in a statement that …` / `said at a briefing Monday.`
  // (`said about half of …`: a hedge on a number opens what was said, not a phrase.)
  if (tokens[a]?.pos === 'ADP' && tokens[a]!.normal !== 'whether' && !hedgedNumber(tokens, a)) {
    let m = a;
    // (A noun the tagger took for a verb inside the phrase — `a campaign stop` — goes on.)
    const clauseVerb = (x: number) => tokens[x]!.pos === 'VERB' && !/^\p{Lu}/u.test(tokens[x]!.text) && !['DET', 'NOUN', 'ADJ'].includes(tokens[x - 1]!.pos);
    while (m < to && !COMPLEMENTIZERS.has(tokens[m]!.normal) && !/^[.;:!?"\u201c\u201d]$/.test(tokens[m]!.text) && !clauseVerb(m) && m - a < 12) m++;
    a = COMPLEMENTIZERS.has(tokens[m]?.normal ?? '') ? m : to;
  }
  // (`whether` opens what was said or asked as `that` does, and stays in it; not after a weak
  // cue: `it is not known whether …` reports nobody.)
  const hasThat = tokens[a]?.normal === 'that' || (tokens[a]?.normal === 'whether' && !vi.weak);
  if (hasThat) a++;
  // `a poll shows Sanders leading`, `officials think Schultz is at risk`: weak cues
  // without `that` need a document as subject, or a person and a clause after.
  if (vi.weak && !hasThat) {
    if (!phrase) return undefined;
    const head = tokens[phrase.head]!;
    const personish = head.pos === 'PROPN' || (head.pos === 'PRON' && head.normal !== 'it' && head.normal !== 'who') || speakerNoun(head);
    let clause = false;
    for (let m = a + 1; m < Math.min(to, a + 10); m++) {
      const tm = tokens[m]!;
      if (tm.text === ',' || tm.normal === 'which' || tm.normal === 'who') break;
      // (Not a verb inside a phrase: `had shown bad judgment in using …`.)
      if (tm.pos === 'VERB' && tm.normal.endsWith('ing') && tokens[m - 1]!.pos === 'ADP') break;
      if ((tm.pos === 'VERB' || tm.pos === 'AUX') && !/^\p{Lu}/u.test(tm.text)) {
        clause = true;
        break;
      }
    }
    const opener = tokens[a];
    const opensClause = !!opener && ['PRON', 'PROPN', 'DET', 'NOUN', 'NUM', 'ADJ'].includes(opener.pos);
    if (!(isDocument(tokens, phrase.head) || (personish && clause && opensClause))) return undefined;
  }
  // `what the United Nations said appeared to be …`: no clause of its own; but after a
  // relative pronoun the verb phrase is what was said (`donations, which he said were
  // accompanied by leverage`).
  const relative = phrase !== undefined && phrase.from - 1 >= from && ['which', 'who', 'that'].includes(tokens[phrase.from - 1]!.normal);
  if (!hasThat && !relative && (tokens[a]?.pos === 'VERB' || tokens[a]?.pos === 'AUX') && !/^\p{Lu}/u.test(tokens[a]!.text)) a = to;
  // `… said and …`, `… said. But when …`: no clause of its own either.
  const opener = tokens[a];
  if (!hasThat && opener && (opener.pos === 'CCONJ' || (/^\p{Lu}/u.test(opener.text) && ['DET', 'SCONJ', 'ADV', 'CCONJ'].includes(opener.pos)))) a = to;
  // `…, lawmakers said Friday, as they bristled …`: a subordinate clause after a comma is no object.
  if (!hasThat && opener?.text === ',' && ADVERBIAL_OPENERS.has(tokens[a + 1]?.normal ?? '')) a = to;
  // `Hollande said Friday as he entered the talks`: a time or reason clause is no object.
  if (!hasThat && opener && ADVERBIAL_OPENERS.has(opener.normal)) a = to;
  const end = clauseEnd(cx, a, to, i);
  // `accused the North's leader of "…"`: the quoted complement after the object.
  if (!hasThat && a === i + 1 && a < end) {
    let q = a;
    while (q < end && segOfToken[q]! < 0) q++;
    if (q < end && quoteLike[segOfToken[q]!]) a = complementStart(cx, a, q) ?? a;
  }
  // The clause with its `that` (`said that …`).
  let content = a < end ? contentSpan(cx, hasThat ? a - 1 : a, end) : undefined;
  if (content && !phrase && !sameSentence) {
    // `…, said Smith, …` inverted without subject before: not reported speech here.
    return undefined;
  }
  if (!content && phrase && (!vi.weak || isDocument(tokens, phrase.head))) {
    // `…, UN diplomats said.`, `…, records show.` — content before the subject.
    const p0 = phrase.from;
    if (p0 - 1 > from && tokens[p0 - 1]!.text === ',') content = contentSpan(cx, from, p0 - 1);
  }
  if (!content && !phrase && vi.inv && i - 1 > from && tokens[i - 1]!.text === ',') {
    // `…, said Smith.`
    const ph = phraseAfter(tokens, i + 1, to);
    content = contentSpan(cx, from, i - 1);
    if (content && ph) return draft({ kind: kindOf(cx, content), content, parts: [], cue, cueToken: i, phrase: ph });
    return undefined;
  }
  if (!content) return undefined;
  if (!phrase && !sameSentence) return undefined;
  return draft({ kind: kindOf(cx, content), content, parts: [], cue, cueToken: i, phrase, sameSentence });
}

/** Adds draft `d` to `byPara`. */
function indexDraft(cx: QuoteContext, d: number): void {
  const { starts, drafts, byPara } = cx;
  const dr = drafts[d]!;
  const add = (q: number) => {
    const list = byPara.get(q);
    if (list) list.push(d);
    else byPara.set(q, [d]);
  };
  const pc = paragraphAt(starts, dr.content.start);
  add(pc);
  if (dr.cue) {
    const pq = paragraphAt(starts, dr.cue.start);
    if (pq !== pc) add(pq);
  }
}

/** Adds a draft, indexed; returns its index. */
function pushDraft(cx: QuoteContext, d: Draft): number {
  const { drafts } = cx;
  drafts.push(d);
  indexDraft(cx, drafts.length - 1);
  return drafts.length - 1;
}

/** Drafts indexed in paragraphs `p - back` to `p`. */
function near(cx: QuoteContext, p: number, back: number): number[] {
  const { byPara } = cx;
  const out: number[] = [];
  for (let q = Math.max(0, p - back); q <= p; q++) for (const d of byPara.get(q) ?? []) out.push(d);
  return out;
}

/** Whether a draft near `sp` already holds it (content or part). */
function covered(cx: QuoteContext, sp: Span): boolean {
  const { starts, drafts, byPara } = cx;
  const inside = (c: Span) => c.start <= sp.start && c.end >= sp.end;
  const p = paragraphAt(starts, sp.start);
  for (let q = Math.max(0, p - 3); q <= p; q++) for (const d of byPara.get(q) ?? []) if (inside(drafts[d]!.content) || drafts[d]!.parts.some(inside)) return true;
  return false;
}

/** Step 3: each segment without a draft yet, as a part of another draft or a draft of its own. */
function attachUncued(cx: QuoteContext): void {
  const { doc, tokens, text, starts, segs, quoteLike, drafts, usedCue, segDraft, byPara } = cx;
  for (let si = 0; si < segs.length; si++) {
    if (segDraft[si]! >= 0) continue;
    const s = segs[si]!;
    if (covered(cx, s)) continue;
    const first = firstFrom(cx, s.start);
    const ss = sentenceStart(cx, first);
    let words = 0;
    for (let i = ss; i < first && words === 0; i++) if (hasLetter(tokens[i]!.text)) words++;
    if (words > 0) {
      // A quote inside a sentence: attributed to the verb governing it and its subject
      // (`Clinton called half of Trump's supporters "deplorables."`).
      const d = governed(cx, s, ss, first);
      if (d) segDraft[si] = pushDraft(cx, d);
      continue;
    }
    if (!quoteLike[si] || s.single) continue;
    const p = paragraphAt(starts, s.start);
    let host = -1;
    for (const d of byPara.get(p) ?? []) {
      const dr = drafts[d]!;
      if (!dr.cue || dr.cue.start >= s.start || paragraphAt(starts, dr.cue.start) !== p) continue;
      if (dr.content.end > s.start) continue;
      // The closest cue, but a gerund riding on another cue (`DuVernay said, emphasizing
      // why …`) gives way to the statement it rides on.
      const better = (x: Draft, y: Draft) =>
        doc.sentenceOf[x.cueToken] === doc.sentenceOf[y.cueToken] && (x.sameSentence === true) !== (y.sameSentence === true) ? !x.sameSentence : x.cue!.start > y.cue!.start;
      if (host < 0 || better(dr, drafts[host]!)) host = d;
    }
    if (host >= 0) {
      drafts[host]!.parts.push({ start: s.start, end: s.end });
      if (drafts[host]!.kind === 'indirect') drafts[host]!.kind = 'mixed';
      segDraft[si] = host;
      continue;
    }
    // A paragraph that is only this quote, after a paragraph whose last sentence holds an
    // attribution: the same speaker goes on (`Putin said … .` / `"…"`).
    let inherit: number | undefined;
    const alone = starts[p] === s.start && text.slice(s.end, starts[p + 1] ?? text.length).trim().length === 0;
    if (alone && p > 0) {
      const prevStart = starts[p - 1]!;
      const lastTok = lastBefore(cx, starts[p]!);
      const lastSentence = lastTok >= 0 ? doc.sentenceOf[lastTok]! : -1;
      let best = -1;
      for (const d of byPara.get(p - 1) ?? []) {
        const dr = drafts[d]!;
        if (dr.cueToken < 0 || dr.cueToken >= tokens.length) continue;
        const at = tokens[dr.cueToken]!.start;
        if (at < prevStart || at >= starts[p]!) continue;
        if (!dr.cue || (best >= 0 && drafts[best]!.cueToken > dr.cueToken)) continue;
        best = d;
      }
      // The paragraph before is itself a quote continuing an attribution: go on with it.
      const prevSeg = si > 0 ? segs[si - 1]! : undefined;
      if (best < 0 && prevSeg && segDraft[si - 1]! >= 0 && starts[p - 1] === prevSeg.start && paragraphAt(starts, prevSeg.end - 1) === p - 1) {
        const d0 = segDraft[si - 1]!;
        if (drafts[d0]!.kind === 'direct' && text.slice(prevSeg.end, starts[p]).trim().length === 0) best = d0;
      }
      if (best >= 0) {
        const dr = drafts[best]!;
        const lastQuoteEndsPara = dr.kind === 'direct' ? endsParagraph(cx, Math.max(dr.content.end, ...dr.parts.map((x) => x.end)), best) : true;
        if (lastQuoteEndsPara && (dr.kind === 'direct' || doc.sentenceOf[dr.cueToken] === lastSentence)) inherit = best;
      }
    }
    // `Sen. Marco Rubio responded first, ripping into …` / `"…"`: a speech verb in the last
    // sentence of the paragraph before, with a subject, introduces the quote paragraph.
    if (inherit === undefined && alone && p > 0) {
      const lastTok = lastBefore(cx, starts[p]!);
      const sent = lastTok >= 0 ? doc.sentences[doc.sentenceOf[lastTok]!] : undefined;
      if (sent && paragraphAt(starts, tokens[sent.tokens[0]]!.start) === p - 1) {
        for (let v = sent.tokens[0]; v < sent.tokens[1]; v++) {
          const vi = cueAt(tokens, v);
          if (!vi || vi.weak || usedCue[v] || inQuote(cx, v)) continue;
          const k = backOverAdverbs(cx, v - 1, sent.tokens[0]);
          const ph = k >= sent.tokens[0] ? phraseBefore(tokens, k, sent.tokens[0]) : undefined;
          if (!ph) continue;
          usedCue[v] = 1;
          segDraft[si] = pushDraft(cx, draft({ kind: 'direct', content: { start: s.start, end: s.end }, parts: [], cue: cueSpan(tokens, v), cueToken: v, phrase: ph }));
          break;
        }
        if (segDraft[si]! >= 0) continue;
      }
    }
    // A direct quote going on in the next paragraph is one statement in several parts.
    if (inherit !== undefined && drafts[inherit]!.kind === 'direct' && drafts[inherit]!.inherit === undefined) {
      drafts[inherit]!.parts.push({ start: s.start, end: s.end });
      segDraft[si] = inherit;
      continue;
    }
    segDraft[si] = pushDraft(cx, draft({ kind: 'direct', content: { start: s.start, end: s.end }, parts: [], cueToken: first, inherit }));
  }
}

/** Step 3: a quote inside a sentence, attributed to the verb governing it and its subject. */
function governed(cx: QuoteContext, s: QuoteSegment, ss: number, first: number): Draft | undefined {
  const { tokens, segs, segOfToken, titles, usedCue } = cx;
  if (titles[segOfToken[first]!] === true) return undefined;
  // A one- or two-word scare quote (`its "safety check"`) is someone's words only when a
  // speech verb governs it.
  let words = 0;
  for (let i = first; i < tokens.length && tokens[i]!.start < s.end; i++) if (hasLetter(tokens[i]!.text)) words++;
  const short = words <= 2;
  for (let v = first - 1; v >= Math.max(ss, first - 15); v--) {
    const t = tokens[v]!;
    if (segOfToken[v]! >= 0 || t.text === ';') return undefined;
    // (`Japan branded North Korea an "…"`: a past tense the tagger took for an adjective.)
    const taggedAdj = t.pos === 'ADJ' && /^\p{Ll}+ed$/u.test(t.text) && v - 1 >= ss && ['PROPN', 'PRON'].includes(tokens[v - 1]!.pos);
    if ((!realVerb(t) && !taggedAdj) || lemmaAt(tokens, v) === 'be' || usedCue[v]) continue;
    if (short && !cueAt(tokens, v)) return undefined;
    const gerund = t.normal.endsWith('ing') && v - 1 >= ss && (tokens[v - 1]!.text === ',' || documentBefore(cx, v, ss) !== undefined);
    let phrase: SpeakerPhrase | undefined;
    if (!gerund) {
      const k = backOverAdverbs(cx, v - 1, ss);
      if (k < ss || segOfToken[k]! >= 0) return undefined;
      phrase = phraseBefore(tokens, k, Math.max(ss, k - 14));
      if (!phrase) return undefined;
      // `… going on to say that the country has spent "…"`: the clause belongs to the
      // speech verb before it, and so does the quote.
      // Outermost first: `Mulgrew said he hopes the day sends a message that "…"`.
      let best: { cv: number; p2?: SpeakerPhrase } | undefined;
      let from2 = phrase.from;
      for (let depth = 0; depth < 3; depth++) {
        let c = from2 - 1;
        // (Words of the subject the phrase left out: `that rival Hillary Clinton had …`.)
        while (c >= Math.max(ss, from2 - 3) && (tokens[c]!.pos === 'ADJ' || (tokens[c]!.pos === 'NOUN' && /^\p{Ll}/u.test(tokens[c]!.text)))) c--;
        if (c >= ss && tokens[c]!.normal === 'that') c--;
        else c = from2 - 1;
        if (!(c >= ss && cueAt(tokens, c) && !usedCue[c])) break;
        const kk = backOverAdverbs(cx, c - 1, ss);
        const g2 = tokens[c]!.normal.endsWith('ing') || (kk >= ss && tokens[kk]!.pos === 'CCONJ') || (kk >= ss && tokens[kk]!.normal === 'to');
        const p2 = !g2 && kk >= ss ? phraseBefore(tokens, kk, Math.max(ss, kk - 30)) : undefined;
        if (!p2 && !g2) break;
        best = { cv: c, p2 };
        if (!p2) break;
        from2 = p2.from;
      }
      if (best) {
        const { cv, p2 } = best;
        usedCue[cv] = 1;
        // (A reported clause starts at its `that`, as annotators mark it.)
        return draft({ kind: 'mixed', content: { start: tokens[cv + 1]!.start, end: s.end }, parts: [], cue: cueSpan(tokens, cv), cueToken: cv, phrase: p2, sameSentence: !p2 });
      }
    }
    let a = v + 1;
    // `tweeted in the early morning hours that …`: content starts at `that`.
    for (let m = a; m < Math.min(first, a + 14); m++) {
      if (tokens[m]!.normal === 'that') {
        a = m;
        break;
      }
      if (tokens[m]!.pos === 'VERB' || (tokens[m]!.pos === 'PUNCT' && !placeComma(cx, m))) break;
    }
    if (tokens[a]!.start > s.start) a = first;
    // `accused the North's leader, Kim Jong Un, of "…"`, `branded North Korea an "…"`: the
    // one spoken of is part of the cue; what was said of them is the content.
    else if (a === v + 1) a = complementStart(cx, a, first) ?? a;
    // Further quotes of the same clause (`was "disgusting" and "a con"`).
    let end = s.end;
    const sentEnd = sentenceEndFrom(cx, first);
    for (let m = firstFrom(cx, s.end); m < sentEnd; m++) {
      const t2 = tokens[m]!;
      if (segOfToken[m]! >= 0) {
        end = segs[segOfToken[m]!]!.end;
        m = firstFrom(cx, end) - 1;
        continue;
      }
      if (t2.pos === 'VERB' || t2.pos === 'AUX' || /^[,;:.!?]$/.test(t2.text)) break;
    }
    // After a verb of saying the whole clause is what was said, the quote only part of it
    // (`Obama said "it gets me mad" every time he thinks about …`).
    if (verbOf(t)?.inv) {
      const whole = contentSpan(cx, a, clauseEnd(cx, a, sentEnd));
      if (whole && whole.end > end) end = whole.end;
    }
    usedCue[v] = 1;
    return draft({ kind: 'mixed', content: { start: tokens[a]!.start, end }, parts: [], cue: cueSpan(tokens, v), cueToken: v, phrase, sameSentence: gerund });
  }
  return undefined;
}

/** A speaker phrase that is only `who` / `which` / `that`: a relative clause's subject. */
function relativePronoun(cx: QuoteContext, ph: SpeakerPhrase | undefined): boolean {
  const { tokens } = cx;
  return ph !== undefined && ph.to - ph.from === 1 && RELATIVE_PRONOUNS.has(tokens[ph.head]!.normal);
}

/** A comma between names (`Manchester, New Hampshire, breakfast spot`), not a clause's. */
function placeComma(cx: QuoteContext, m: number): boolean {
  const { tokens } = cx;
  return tokens[m]!.text === ',' && tokens[m - 1]?.pos === 'PROPN' && tokens[m + 1]?.pos === 'PROPN';
}

/** After a verb's object, where its quoted complement begins (`of "…"`, `an "…"`). */
function complementStart(cx: QuoteContext, a: number, first: number): number | undefined {
  const { tokens } = cx;
  const ph = phraseAfter(tokens, a, first);
  if (!ph) return undefined;
  let k = ph.to;
  // (a possessive goes on to what is owned: `the North's leader`)
  while (tokens[k] && tokens[k]!.pos === 'PART' && /^['\u2019]s?$/.test(tokens[k]!.text)) {
    const owned = phraseAfter(tokens, k + 1, first);
    if (!owned) return undefined;
    k = owned.to;
  }
  // (an apposition: `, Kim Jong Un,`)
  if (tokens[k]?.text === ',') {
    const ap = phraseAfter(tokens, k + 1, first);
    if (!ap || tokens[ap.to]?.text !== ',') return undefined;
    k = ap.to + 1;
  }
  const t = tokens[k];
  if (!t || first - k > 2) return undefined;
  if (t.normal === 'of' || (t.pos === 'DET' && k + 1 === first)) return k;
  return undefined;
}

/** Whether the cue clause of draft `d` is all that follows its quote (ending at `segEnd`) in the paragraph. */
function endsParagraph(cx: QuoteContext, segEnd: number, d: number): boolean {
  const { tokens, text, starts, drafts } = cx;
  // The cue clause closes the paragraph: nothing but it after the quote.
  const ct = drafts[d]!.cueToken;
  const p = paragraphAt(starts, segEnd - 1);
  const next = starts[p + 1] ?? text.length;
  const rest = text.slice(segEnd, next);
  return !QUOTE_CHAR.test(rest) && ct >= 0 && (rest.length < 200 || tokens[ct]!.start < segEnd);
}

/** Step 3b: each reported draft cut before the next attribution of its sentence. */
function cutAtOtherAttributions(cx: QuoteContext): void {
  const { tokens, starts, drafts } = cx;
  for (const d of drafts) {
    if (d.kind === 'direct' || d.parts.length > 0) continue;
    let cut = d.content.end;
    for (const oi of near(cx, paragraphAt(starts, d.content.start), 0)) {
      const o = drafts[oi]!;
      if (o === d || o.cueToken < 0 || o.cueToken >= tokens.length) continue;
      const at = o.phrase ? tokens[o.phrase.from]!.start : tokens[o.cueToken]!.start;
      if (at <= d.content.start || at >= cut) continue;
      if (o.cue && o.cue.start < d.content.start) continue;
      let k = lastBefore(cx, at);
      // A clause joined by `and` / `but` / a comma is another statement; one under `when`
      // or `because` is part of this one.
      let joined = false;
      while (k >= 0 && (tokens[k]!.pos === 'CCONJ' || tokens[k]!.text === ',' || tokens[k]!.text === ';' || tokens[k]!.pos === 'ADV')) {
        if (tokens[k]!.pos !== 'ADV') joined = true;
        k--;
      }
      // (`shootings and protests demands that …`: a cue the tagger took for a noun after `and`
      // is more likely a word of this clause.)
      const nounCue = tokens[o.cueToken]!.pos === 'NOUN' && tokens[lastBefore(cx, at)]?.pos === 'CCONJ';
      if (joined && !nounCue && k >= 0 && tokens[k]!.end > d.content.start) cut = tokens[k]!.end;
    }
    if (cut < d.content.end) {
      d.content = { start: d.content.start, end: cut };
      d.kind = kindOf(cx, d.content);
    }
  }
}

/** Step 3c: each reported draft ending in (or made of) the quote closing it. */
function endAtClosingQuotes(cx: QuoteContext): void {
  const { tokens, segs, segOfToken, quoteLike, drafts } = cx;
  for (const d of drafts) {
    if (d.kind === 'direct' || d.parts.length > 0) continue;
    const was = d.content;
    const a = firstFrom(cx, d.content.start);
    const b = firstFrom(cx, d.content.end);
    for (let k = a; k < b; k++) {
      const si = segOfToken[k + 1] ?? -1;
      // (Not after a clause of its own: `that American Muslims have two choices: "…"` stays whole.)
      if (tokens[k]!.text === ':' && si >= 0 && quoteLike[si] && segs[si]!.start > tokens[k]!.start && segs[si]!.end >= d.content.end - 1 && tokens[a]!.normal !== 'that') {
        d.content = { start: segs[si]!.start, end: d.content.end };
        break;
      }
      const sj = segOfToken[k + 2] ?? -1;
      const asSeg = tokens[k]!.normal === 'as' && segOfToken[k]! < 0 ? (si >= 0 ? si : tokens[k + 1]?.pos === 'DET' ? sj : -1) : -1;
      if (asSeg >= 0 && segs[asSeg]!.end < d.content.end) {
        const after = tokens[firstFrom(cx, segs[asSeg]!.end)];
        if (after && after.pos !== 'CCONJ' && !/^[,;]$/.test(after.text)) d.content = { start: d.content.start, end: segs[asSeg]!.end };
        break;
      }
    }
    if (d.content !== was) d.kind = kindOf(cx, d.content);
  }
}

/** Step 4: each draft's speaker, in text order. */
function resolveSpeakers(cx: QuoteContext, resolver: SpeakerResolver, order: number[]): Array<Quote['speaker'] | undefined> {
  const { doc, tokens, text, drafts } = cx;
  const speakers = new Array<Quote['speaker'] | undefined>(drafts.length);
  const bySentence = new Map<number, number[]>();
  for (const di of order) {
    const d = drafts[di]!;
    const sent = d.cueToken >= 0 && d.cueToken < tokens.length ? doc.sentenceOf[d.cueToken]! : -1;
    const sl = bySentence.get(sent);
    if (sl) sl.push(di);
    else bySentence.set(sent, [di]);
    if (d.inherit !== undefined) {
      const sp = speakers[d.inherit];
      speakers[di] = sp;
      if (sp?.canonical) {
        const kn = resolver.lastKnown(sp.canonical);
        resolver.remember(sp.canonical, kn?.words ?? sp.canonical, kn?.type ?? 'person', d.content.start, doc.sentenceOf[firstFrom(cx, d.content.start)] ?? -1);
      }
      continue;
    }
    if (d.sameSentence) {
      const s = doc.sentenceOf[d.cueToken];
      let prev: number | undefined;
      // (Not one reported inside another's words: `Perdue said he didn't believe …, arguing`.)
      const same = bySentence.get(s) ?? [];
      const nested = (x: number) => {
        const at = tokens[drafts[x]!.cueToken]!.start;
        return same.some((y) => y !== x && drafts[y]!.content.start <= at && drafts[y]!.content.end > at);
      };
      // (Nor one in a relative clause: `… an architect who said he was stiffed …, saying …`.)
      for (const x of same) if (speakers[x] && drafts[x]!.cueToken < d.cueToken && !nested(x) && !relativePronoun(cx, drafts[x]!.phrase)) prev = x;
      if (prev !== undefined) speakers[di] = speakers[prev];
      else {
        // `Clinton had mocked the complaint, saying …`: the subject of the clause before the
        // comma (`…, when Sanders protesters interrupted her, shouting …`), else the sentence's.
        const ph = clauseSubjectBefore(cx, d.cueToken, s) ?? subjectOf(cx, s);
        if (ph) {
          const r = resolver.resolve(ph);
          speakers[di] = { span: r.span, canonical: r.canonical };
        }
      }
      continue;
    }
    if (!d.phrase) continue;
    const r = resolver.resolve(d.phrase);
    speakers[di] = { span: r.span, canonical: r.canonical };
    const sentence = doc.sentenceOf[d.phrase.head] ?? -1;
    resolver.remember(r.canonical, text.slice(r.span.start, r.span.end), r.type, r.span.start, sentence);
  }
  return speakers;
}

/** `issued a statement saying …`: the start of a document phrase right before gerund `v`. */
function documentBefore(cx: QuoteContext, v: number, floor: number): number | undefined {
  const { tokens, segOfToken } = cx;
  if (!tokens[v]!.normal.endsWith('ing')) return undefined;
  const k = backOverAdverbs(cx, v - 1, floor);
  const ph = k >= floor && segOfToken[k]! < 0 ? phraseBefore(tokens, k, Math.max(floor, k - 8)) : undefined;
  return ph && ph.to === k + 1 && isDocument(tokens, ph.head) ? ph.from : undefined;
}

/** The subject of the clause ending at the comma before a gerund cue `v` (in sentence `s`). */
function clauseSubjectBefore(cx: QuoteContext, v: number, s: number): SpeakerPhrase | undefined {
  const { doc, tokens, segOfToken } = cx;
  const sent = doc.sentences[s];
  if (!sent) return undefined;
  let c = v - 1;
  while (c > 0 && tokens[c]!.pos === 'ADV') c--;
  if (tokens[c]?.pos === 'CCONJ') c--;
  const ss = sent.tokens[0];
  // `the Security Council issued a statement calling …`: the issuer speaks.
  const doc0 = documentBefore(cx, v, ss);
  if (doc0 !== undefined) c = doc0;
  else if (tokens[c]?.text !== ',' && tokens[c]?.normal !== 'to') return undefined;
  for (let m = c - 1; m >= Math.max(ss, c - 25); m--) {
    const t = tokens[m]!;
    if (t.text === ';' || t.text === ':') return undefined;
    if (inQuote(cx, m) || !realVerb(t) || t.normal.endsWith('ing')) continue;
    const k = backOverAdverbs(cx, m - 1, ss);
    const ph = k >= ss && segOfToken[k]! < 0 ? phraseBefore(tokens, k, Math.max(ss, k - 30)) : undefined;
    // `Bradley apologized after they came out, saying …`: a subordinate clause's subject
    // is not the speaker; go on to the clause it hangs on.
    // (So is a reported clause's, `who said he was stiffed`, and a relative pronoun.)
    const reportedSubject = ph && ph.from > ss && cueAt(tokens, ph.from - 1) !== undefined;
    if (ph && ((ph.from > ss && SUBORDINATORS.has(tokens[ph.from - 1]!.normal)) || reportedSubject || relativePronoun(cx, ph))) {
      m = ph.from - 1;
      continue;
    }
    // (`filed a motion to unseal the records, arguing …`: past the infinitive.)
    if (ph || tokens[k]?.normal !== 'to') return ph;
  }
  return undefined;
}

/** The subject phrase of sentence `s`: a phrase at its start followed by its verb. */
function subjectOf(cx: QuoteContext, s: number): SpeakerPhrase | undefined {
  const { doc, tokens } = cx;
  const sent = doc.sentences[s];
  if (!sent) return undefined;
  let i = sent.tokens[0];
  while (i < sent.tokens[1] && (tokens[i]!.pos === 'CCONJ' || tokens[i]!.pos === 'PUNCT' || tokens[i]!.pos === 'ADV')) i++;
  return subjectAt(cx, i, sent.tokens[1]) ?? subjectAfterOpener(cx, i, sent.tokens[1]);
}

/** `In an interview with CNN, Trump …` / `Last month, a group of experts …`: after the opener. */
function subjectAfterOpener(cx: QuoteContext, i: number, end: number): SpeakerPhrase | undefined {
  const { tokens } = cx;
  for (let m = i; m < Math.min(end, i + 12); m++) {
    if (inQuote(cx, m) || realVerb(tokens[m]!) || tokens[m]!.pos === 'AUX') return undefined;
    if (tokens[m]!.text === ',') return subjectAt(cx, m + 1, end);
  }
  return undefined;
}

/** The phrase at token `i` if it is the subject of a verb after it (before `end`). */
function subjectAt(cx: QuoteContext, i: number, end: number): SpeakerPhrase | undefined {
  const { tokens } = cx;
  const sent = { tokens: [i, end] as [number, number] };
  const ph = phraseAfter(tokens, i, sent.tokens[1]);
  if (!ph) return undefined;
  let k = skipParenForward(tokens, ph.to, sent.tokens[1]);
  // `the U.S. Court of Appeals for the 6th Circuit overruled …`
  if (tokens[k]?.pos === 'ADP' && tokens[k]!.normal !== 'that') {
    let m = k + 1;
    while (m < Math.min(sent.tokens[1], k + 7) && !realVerb(tokens[m]!) && tokens[m]!.pos !== 'PUNCT' && tokens[m]!.pos !== 'AUX') m++;
    if (m < sent.tokens[1] && (realVerb(tokens[m]!) || tokens[m]!.pos === 'AUX')) k = m;
  }
  const verbAt = (v: number) => {
    let copula = false;
    while (v < sent.tokens[1] && (tokens[v]!.pos === 'AUX' || tokens[v]!.pos === 'ADV' || tokens[v]!.pos === 'PART')) {
      if (BE.has(tokens[v]!.normal)) copula = true;
      v++;
    }
    // (`Trump was similarly defensive …`: a copula makes a clause too.)
    return tokens[v]?.pos === 'VERB' || (copula && (tokens[v]?.pos === 'ADJ' || tokens[v]?.pos === 'DET'));
  };
  // `Huma Abedin, vice chairwoman for the campaign, emailed …`; up to three pieces
  // (`Sen. Mark Kirk, R-Ill., who faces a tough battle, rescinded …`).
  for (let round = 0; round < 3 && tokens[k]?.text === ','; round++) {
    let m = k + 1;
    while (m < Math.min(sent.tokens[1], k + 30) && tokens[m]!.text !== ',' && !inQuote(cx, m)) m++;
    if (tokens[m]?.text !== ',') return undefined;
    if (verbAt(m + 1)) return ph;
    k = m;
  }
  return verbAt(k) ? ph : undefined;
}

/** The cue span: the verb, with a following particle (`pointed out`). */
function cueSpan(tokens: Token[], v: number): Span {
  const t = tokens[v]!;
  const n = tokens[v + 1];
  if (n && n.pos === 'ADP' && (n.normal === 'out' || n.normal === 'up')) return { start: t.start, end: n.end };
  return { start: t.start, end: t.end };
}
