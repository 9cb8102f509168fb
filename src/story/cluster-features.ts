/**
 * What an article is about, as weighted terms for story clustering: names (capitalised
 * words and acronyms), places (the place lexicon), keywords (stemmed content words) and
 * distinctive numbers. A fast regex scan of `Article.text`, not the full analysis: the
 * clusterer must handle thousands of articles in seconds, and only needs term counts.
 */
import type { Article } from '../model/types.js';
import { lexicon, readList } from '../lexicon/index.js';
import { storyText } from '../read/comments.js';

/** Term kinds; the key prefix of a term says its kind (`n:salazar`, `k:spill`, `p:haiti`, `#:5000`). */
export type TermKind = 'name' | 'keyword' | 'number' | 'place';

/** Weights of each kind of term and of the lead (first words) of an article. */
export interface FeatureWeights {
  name: number;
  keyword: number;
  number: number;
  place: number;
  /** Multiplier for terms in the first `leadWords` words (headline and first sentences). */
  lead: number;
  leadWords: number;
  /** Only the first this many words count (later paragraphs drift into background). */
  maxWords: number;
}

export const defaultFeatureWeights: FeatureWeights = {
  name: 1,
  keyword: 1,
  number: 0.5,
  place: 0.5,
  lead: 1.5,
  leadWords: 60,
  maxWords: 100_000,
};

/** Term counts of one article (already weighted by kind and position, not yet by rarity). */
export interface Features {
  /** term key -> weighted count */
  terms: Map<string, number>;
  /** term key -> the surface form seen first (for explanations) */
  shown: Map<string, string>;
}

let stopwords: Set<string> | undefined;
function stops(): Set<string> {
  if (!stopwords) stopwords = new Set(readList('stopwords.txt'));
  return stopwords;
}

let placeWords: Map<string, string> | undefined;
/** Lower-cased place names and demonyms -> the place they point to. */
function places(): Map<string, string> {
  if (!placeWords) {
    placeWords = new Map();
    for (const p of lexicon.places) placeWords.set(p.toLowerCase(), p);
    for (const [d, p] of lexicon.demonyms) placeWords.set(d.toLowerCase(), p);
  }
  return placeWords;
}

/** A contraction's ending: `It's`, `I'm`, `we're`, `don't` are their stopword (but `WHO's` is a name). */
const CONTRACTION = /(?:n['’]t|['’](?:s|m|re|ve|ll|d))$/;
function contractedStopword(w: Word, sw: Set<string>): boolean {
  const base = w.text.replace(CONTRACTION, '');
  return base !== w.text && sw.has(base.toLowerCase()) && (base.length < 2 || base !== base.toUpperCase());
}

const CONNECT = new Set(['of', 'de', 'la', 'du', 'von', 'van', 'al', 'bin', 'for', 'and']);

/** A light English stemmer: enough to join `spill`/`spills`, `leak`/`leaking`/`leaked`. */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return undouble(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1]!)) return w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) return w.slice(0, -1);
  return w;
}

interface Word {
  text: string;
  lower: string;
  start: number;
  /** Follows a sentence end (or starts the text / a paragraph). */
  sentenceStart: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
}

const ALNUM = /[\p{L}\p{N}]/u;

/** Letter or digit at `i` (ASCII fast path); returns the code unit length, 0 if not. */
function alnumAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return 0;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  return ALNUM.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Inside a word also: ' ’ . & - */
function innerAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 39 || c === 0x2019 || c === 46 || c === 38 || c === 45) return 1;
  return alnumAt(text, i);
}

/**
 * Words of the text (a letter or digit, then letters, digits and ' ’ . & -), with whether
 * each starts a sentence. A hand-written scan: this runs over every word of every article.
 */
function scan(text: string): Word[] {
  const out: Word[] = [];
  let prevEnd = 0;
  let prevText = '';
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = alnumAt(text, i);
    if (k === 0) {
      i++;
      continue;
    }
    const start = i;
    i += k;
    for (let m = innerAt(text, i); i < n && m > 0; m = innerAt(text, i)) i += m;
    const raw = text.slice(start, i);
    let t = raw;
    // Trailing periods belong to abbreviations (U.S.) but not to words ending a sentence.
    let endsSentence = false;
    if (t.charCodeAt(t.length - 1) === 46 && !/^(?:\p{L}\.)+$/u.test(t)) {
      t = t.replace(/\.+$/, '');
      endsSentence = true;
    }
    const last = t.charCodeAt(t.length - 1);
    if (last === 45 || last === 39 || last === 0x2019) t = t.replace(/[-'’]+$/, '');
    if (t.length === 0) continue;
    const gapLen = start - prevEnd;
    let sentenceStart: boolean;
    if (out.length === 0) sentenceStart = true;
    else if (gapLen === 1 && text.charCodeAt(prevEnd) === 32) sentenceStart = prevText === '.'; // the common case
    else {
      const gap = text.slice(prevEnd, start);
      sentenceStart = /[!?]|\n\s*\n/.test(gap) || (/^[\s"'`“”‘’(\[]*$/.test(gap) && prevText === '.') || /\.\s/.test(gap);
    }
    out.push({ text: t, lower: t.toLowerCase(), start, sentenceStart, cap: isCap(t) });
    prevEnd = i;
    prevText = endsSentence ? '.' : '';
  }
  return out;
}

function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
}

function hasLetter(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  return /\p{L}/u.test(w);
}

function isNumber(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Weighted terms of an article (title, if any, counts as lead text). */
export function articleFeatures(article: Article, w: FeatureWeights = defaultFeatureWeights): Features {
  // Credits, captions and metadata lines are not what the story is about (and the same
  // editors' names would tie unrelated wire stories together).
  let body = storyText(article);
  for (const s of [...(article.credits ?? []), ...(article.captions ?? []), ...(article.meta ?? [])]) {
    body = body.slice(0, s.start) + ' '.repeat(s.end - s.start) + body.slice(s.end);
  }
  const text = article.title && !body.startsWith(article.title) ? article.title + '.\n\n' + body : body;
  const words = scan(text);
  const sw = stops();
  const pl = places();
  // Words seen in lower case somewhere: a capitalised sentence-initial form is then not a name.
  const lowerSeen = new Set<string>();
  for (const x of words) if (!x.cap) lowerSeen.add(x.lower);

  const terms = new Map<string, number>();
  const shown = new Map<string, string>();
  const add = (key: string, weight: number, surface: string) => {
    terms.set(key, (terms.get(key) ?? 0) + weight);
    const old = shown.get(key);
    // Prefer a form that is not all capitals (a dateline's LORVIK shows as Lorvik elsewhere).
    if (old === undefined || (old === old.toUpperCase() && surface !== surface.toUpperCase())) shown.set(key, surface);
  };

  const limit = Math.min(words.length, w.maxWords);
  for (let i = 0; i < limit; i++) {
    const x = words[i]!;
    const lead = i < w.leadWords ? w.lead : 1;
    if (isNumber(x.text)) {
      const n = x.text.replace(/[,.]/g, '');
      // Small counts and single digits say little; large or precise numbers can tie articles.
      if (/^\d+$/.test(n) && n.length >= 3) add('#:' + n, lead, x.text);
      continue;
    }
    if (sw.has(x.lower) || contractedStopword(x, sw)) continue;
    const cap = x.cap;
    const name = cap && (!x.sentenceStart || !lowerSeen.has(x.lower)) && x.lower.length > 1;
    if (name) {
      // A run of capitalised words (with connectors) is one name; each word is a term,
      // and a lexicon place adds a place term.
      let j = i;
      while (j + 1 < words.length) {
        const y = words[j + 1]!;
        if (y.cap && !sw.has(y.lower) && !isNumber(y.text) && !y.sentenceStart) j++;
        else if (CONNECT.has(y.text) && j + 2 < words.length && words[j + 2]!.cap) j++;
        else break;
      }
      const phrase = words
        .slice(i, j + 1)
        .map((p) => p.text)
        .join(' ');
      const placed = pl.get(stripPossessive(phrase.toLowerCase()));
      if (placed) add('p:' + placed.toLowerCase(), lead, placed);
      else
        for (let k = i; k <= j; k++) {
          const p = words[k]!;
          if (CONNECT.has(p.text) || sw.has(p.lower)) continue;
          const leadK = k < w.leadWords ? w.lead : 1;
          const single = pl.get(stripPossessive(p.lower));
          if (single) add('p:' + single.toLowerCase(), leadK, single);
          else add('n:' + stripPossessive(p.lower), leadK, stripPossessive(p.text));
        }
      i = j;
      continue;
    }
    if (x.lower.length < 3 || !hasLetter(x.lower)) continue;
    const s = stem(x.lower);
    if (sw.has(s)) continue;
    add('k:' + s, lead, stripPossessive(x.lower));
  }
  // Sublinear counts (a word said ten times is not ten times as telling), then kind weights.
  const kindWeight = { name: w.name, place: w.place, number: w.number, keyword: w.keyword };
  for (const [k, v] of terms) terms.set(k, (v > 1 ? 1 + Math.log(v) : v) * kindWeight[termKind(k)]);
  return { terms, shown };
}

function stripPossessive(s: string): string {
  return s.endsWith("'s") || s.endsWith('’s') ? s.slice(0, -2) : s;
}

/** The kind of a term key. */
export function termKind(key: string): TermKind {
  switch (key[0]) {
    case 'n':
      return 'name';
    case 'p':
      return 'place';
    case '#':
      return 'number';
    default:
      return 'keyword';
  }
}
