/**
 * Proper names from POS tags, capitalisation and lexicons (wink-nlp has no entity model).
 * A run of capitalised tokens is split into a title part (`Russian President`) and a name
 * part (`Vladimir Putin`), typed person / organization / place / other, and given a
 * canonical form within the article (`Putin`, `Mr. Putin` → `Vladimir Putin`).
 */
import type { NameMention, NameType, Token } from '../model/types.js';
import { lexicon, readList, readMap } from '../lexicon/index.js';
import type { Doc } from './doc.js';
import { retext } from './nlp.js';
import { isSpaceCode } from './chars.js';

/** The word lists names are told by, gathered once on first use (module state: a read-only cache). */
interface Lists {
  /** Capitalised words that end a title and are never part of a person's name. */
  titleWords: Set<string>;
  otherWords: Set<string>;
  placeWords: Set<string>;
  aliases: Map<string, string>;
  /** Lower-cased common words, for `shouted`. */
  stopwords: Set<string>;
  abbreviations: Set<string>;
  /** Lower-case role nouns (`envoy`, `spokesman`). */
  titles: Set<string>;
  orgWords: Set<string>;
  orgs: Set<string>;
  places: Set<string>;
  demonyms: Map<string, string>;
  notNames: Set<string>;
}
let listsCache: Lists | undefined;
// (Fetched into one plain object: the hot loops below read a field, not a lexicon getter.)
function lists(): Lists {
  return (listsCache ??= {
    titleWords: new Set(readList('person-titles-single.txt')),
    otherWords: new Set(readList('other-words.txt')),
    placeWords: new Set(readList('place-words.txt')),
    aliases: readMap('aliases.tsv'),
    stopwords: new Set(readList('stopwords.txt').map((w) => w.toLowerCase())),
    abbreviations: lexicon.abbreviations,
    titles: lexicon.titles,
    orgWords: lexicon.orgWords,
    orgs: lexicon.orgs,
    places: lexicon.places,
    demonyms: lexicon.demonyms,
    notNames: lexicon.notNames,
  });
}

const CONNECTORS = new Set(['of', 'for', 'and', 'de', 'del', 'della', 'du', 'la', 'le', 'van', 'von', 'der', 'bin', 'ibn', 'al', 'el', 'da', 'dos', '&']);
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'van', 'von', 'de', 'der', 'da', 'du', 'la', 'le', 'dos', 'del']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'across', 'outside', 'around', 'towards', 'toward']);
/** Rank words that may open a run before an organisation's name. */
const RANKS = new Set(['Senior', 'Former', 'Acting', 'Interim', 'Top']);
/** Prepositions after which a many-word name is a place, not a person. */
const IN_PLACE = new Set(['in', 'near', 'outside']);
/** The word before token `i`, looking past a glued particle such as `al-`. */
function wordBefore(doc: Doc, i: number): string {
  const t = doc.tokens;
  if (i >= 2 && t[i - 1]!.text === '-' && t[i - 1]!.end === t[i]!.start && NAME_PARTICLES.has(t[i - 2]!.normal) && t[i - 2]!.end === t[i - 1]!.start) i -= 2;
  return i >= 1 ? t[i - 1]!.normal : '';
}
/** `the town of Lorvik`, `the province of Hama`. */
const PLACE_NOUNS = new Set(['town', 'city', 'village', 'province', 'region', 'district', 'county', 'state', 'capital', 'port', 'island', 'suburb', 'neighbourhood', 'neighborhood', 'municipality']);
/** `Hun Sen-friendly`, `UN-backed`: lower-case compound tails that are not part of a name. */
const COMPOUND_TAILS = new Set(['friendly', 'backed', 'based', 'led', 'era', 'style', 'born', 'owned', 'run', 'controlled', 'held', 'linked', 'allied', 'aligned', 'inspired', 'speaking', 'type', 'like', 'wide', 'sponsored', 'funded', 'made', 'bound', 'free', 'related', 'focused', 'centric', 'dominated', 'designed', 'built', 'appointed', 'elect']);
const SPEECH_HINT = new Set(['said', 'says', 'told', 'added', 'asked', 'stated', 'warned', 'insisted', 'urged']);
/** Part-of-speech tags of a sentence opener that is not part of the name after it (`Citing Hun Sen`). */
const OPENER_TAGS = new Set(['VERB', 'ADV', 'ADP', 'SCONJ', 'AUX', 'PRON', 'DET']);
const EMPHASIS = new Set(['NOTHING', 'NEVER', 'EVER', 'ALWAYS', 'EVERYTHING', 'EVERYONE', 'NOBODY', 'REALLY', 'VERY', 'MUST', 'NOW', 'STOP', 'WAKE', 'TRUTH', 'LIES', 'WRONG', 'RIGHT']);

// Character tests below stand for small regular expressions (named in their comments): the
// name finder asks them of almost every token, where a regular expression costs far more.

/** `/^[A-Z]{2,}$/` */
function isAllCaps(s: string): boolean {
  if (s.length < 2) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** `/^[A-Z]{2,}(?:-[A-Z]{2,})*$/`: `NATO`, `AU-UN`. */
function isCapsGroups(s: string): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) run++;
    else if (c === 45 && run >= 2) run = 0;
    else return false;
  }
  return run >= 2;
}

/** `/^[A-Z][a-z]+\.$/`: a capitalised word with a full stop (`Sen.`, `Putin.`). */
function isCapWordStop(s: string): boolean {
  const n = s.length;
  if (n < 3 || s.charCodeAt(n - 1) !== 46) return false;
  const c = s.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  for (let i = 1; i < n - 1; i++) {
    const d = s.charCodeAt(i);
    if (d < 97 || d > 122) return false;
  }
  return true;
}

/** `/^[A-Z]/` */
function startsWithAsciiCap(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** `/^["'\u201c\u2018(`]+$/`: opening quotes or brackets only. */
function isOpeningPunct(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 34 && c !== 39 && c !== 0x201c && c !== 0x2018 && c !== 40 && c !== 96) return false;
  }
  return true;
}

/** `/^['\u2019]s$/`: a possessive `'s`. */
function isPossessive(s: string): boolean {
  return s.length === 2 && (s.charCodeAt(0) === 39 || s.charCodeAt(0) === 0x2019) && s.charCodeAt(1) === 115;
}

/** `/-[a-z]+$/`: ends in a lower-case compound tail (`UN-backed`). */
function endsInLowerTail(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) >= 97 && s.charCodeAt(i) <= 122) i--;
  return i >= 0 && i < s.length - 1 && s.charCodeAt(i) === 45;
}

/** `s.replace(/\s+/g, ' ')`, without the copy when `s` is already single-spaced (nearly always). */
function oneSpaced(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? isSpaceCode(s.charCodeAt(i + 1)) : isSpaceCode(c)) return s.replace(/\s+/g, ' ');
  }
  return s;
}

/** A common English word written in capitals (`NOT`, `NOTHING`): emphasis, not a name. */
function shouted(s: string): boolean {
  if (!isAllCaps(s)) return false;
  const L = lists();
  // Known acronyms that spell common words (`US`, `WHO`, `IT`) stay names.
  if (L.orgs.has(s) || L.places.has(s) || L.aliases.has(s)) return false;
  return L.stopwords.has(s.toLowerCase()) || EMPHASIS.has(s);
}

function isCap(t: Token): boolean {
  // (ASCII first, quickly; any alphabet's capitals after: `Łukasz`, `İstanbul`.)
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return isCapBeyondAscii(t.text);
}
// (Apart from isCap, so that the rare case does not unsettle the optimised common one.)
function isCapBeyondAscii(s: string): boolean {
  return /^\p{Lu}/u.test(s) && /\p{L}/u.test(s);
}

/** `/^[A-Z](?:\.?[A-Z])+\.?$/` with at most six letters: `UN`, `U.S.`, `NATO`. */
function isAcronym(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    // A full stop only after a letter.
    else if (c !== 46 || i === 0 || s.charCodeAt(i - 1) === 46) return false;
  }
  return letters >= 2 && letters <= 6;
}

/** A run of capitalised tokens: `doc.tokens[first..end)`. */
interface Run {
  first: number;
  end: number;
  sentenceStart: boolean;
  prev: Token | undefined;
  next: Token | undefined;
}

/** Capitalised runs inside story sentences; hyphens without spaces glue tokens. */
function runs(doc: Doc): Run[] {
  const out: Run[] = [];
  const tokens = doc.tokens;
  for (const s of doc.sentences) {
    const from = s.tokens[0];
    const to = s.tokens[1];
    for (let i = from; i < to; i++) {
      if (!isCap(tokens[i]!)) continue;
      const end = runEnd(tokens, i, to);
      out.push({
        first: i,
        end,
        sentenceStart: i === from || isOpeningPunct(tokens[i - 1]!.text),
        prev: i > 0 ? tokens[i - 1] : undefined,
        next: end < tokens.length ? tokens[end] : undefined,
      });
      i = end - 1;
    }
  }
  return out;
}

/** Where the run of names that opens at capitalised token `start` ends (before sentence end `to`). */
function runEnd(tokens: Token[], start: number, to: number): number {
  const L = lists();
  let j = start + 1;
  while (j < to) {
    const u = tokens[j]!;
    const prev = tokens[j - 1]!;
    const glued = u.start === prev.end;
    // `... Hun Sen. Sam Rainsy ...`: a word with a period after a name ends the name there
    // (title abbreviations such as `Sen.` come before a name, not after one).
    if (j - 1 > start && isCapWordStop(prev.text) && !L.titleWords.has(tokens[j - 2]!.text)) break;
    if (isCap(u) && !(prev.text === '-' && !glued)) {
      j++;
      continue;
    }
    // Glued hyphen or particle: `Ki-moon`, `al-Assad`, `UN-Arab`.
    if (u.text === '-' && glued && j + 1 < to && tokens[j + 1]!.start === u.end && !COMPOUND_TAILS.has(tokens[j + 1]!.normal)) {
      j += 2;
      continue;
    }
    // `Workers' Union`: a bare possessive apostrophe inside an organisation name.
    if ((u.text === "'" || u.text === '\u2019') && u.start === prev.end && j + 1 < to && isCap(tokens[j + 1]!)) {
      j++;
      continue;
    }
    // `al-Assad`: a particle glued by a hyphen to a capitalised token.
    if (j + 2 < to && NAME_PARTICLES.has(u.text)) {
      const h = tokens[j + 1]!;
      const after = tokens[j + 2]!;
      if (h.text === '-' && h.start === u.end && after.start === h.end && isCap(after)) {
        j += 3;
        continue;
      }
    }
    if (CONNECTORS.has(u.text) && j + 1 < to && isCap(tokens[j + 1]!)) {
      // `al Assad`/`bin Laden` are name particles; `of`/`for` join titles and organisations,
      // `and` joins only organisations (`Ministry of Trade and Industry`), never two people.
      if (NAME_PARTICLES.has(u.text)) {
        j++;
        continue;
      }
      const org = hasWordIn(tokens, start, j, L.orgWords);
      const title = hasWordIn(tokens, start, j, L.titleWords);
      if (u.text === 'and' ? org && !title : org || title) {
        j++;
        continue;
      }
    }
    break;
  }
  return j;
}

/** Whether one of `toks[from..to)` is a word of `words`. */
function hasWordIn(toks: Token[], from: number, to: number, words: Set<string>): boolean {
  for (let i = from; i < to; i++) if (words.has(toks[i]!.text)) return true;
  return false;
}

function textOf(doc: Doc, toks: Token[]): string {
  return doc.text.slice(toks[0]!.start, toks[toks.length - 1]!.end);
}

/** A mention (made in one place, so that all have the same shape; `title` only when there is one). */
function mention(start: number, end: number, text: string, type: NameType, canonical: string, title?: string): NameMention {
  const m: NameMention = { start, end, text, type, canonical };
  if (title) m.title = title;
  return m;
}

/** Names of a document with types and canonical forms. */
export function findNames(doc: Doc): NameMention[] {
  const raw: NameMention[] = [];
  for (const r of runs(doc)) {
    const m = runName(doc, r);
    if (m) raw.push(m);
  }
  return canonicalise(withAcronyms(doc.text, raw));
}

/** The name a run holds, once openers and stray words at its ends are trimmed off. */
function runName(doc: Doc, r: Run): NameMention | undefined {
  const L = lists();
  const tokens = doc.tokens;
  // The run trimmed to tokens[lo..hi).
  let lo = r.first;
  let hi = r.end;
  // A capitalised sentence opener is only a name if tagged PROPN or known.
  // Sentence openers and function words (`But`, `The`, `Speaking`) are not names, nor
  // common words in capitals for emphasis (`NOT`, `NEVER`).
  while (lo < hi && (tokens[lo]!.text === 'I' || L.notNames.has(tokens[lo]!.text) || shouted(tokens[lo]!.text))) lo++;
  // `Citing Hun Sen ...`: a capitalised verb or adverb opening the sentence is not part of a name.
  if (r.sentenceStart && hi - lo > 1 && lo === r.first && OPENER_TAGS.has(tokens[lo]!.pos)) lo++;
  // (nor a sentence opener left at its end when a full stop is missing: `in Mexico As concern grew`)
  while (lo < hi && (CONNECTORS.has(tokens[hi - 1]!.text) || (hi - lo > 1 && L.notNames.has(tokens[hi - 1]!.text) && tokens[hi - 1]!.pos !== 'PROPN'))) hi--;
  if (lo === hi) return undefined;
  const untrimmed = lo === r.first && hi === r.end;
  if (r.sentenceStart && untrimmed && hi - lo === 1 && tokens[lo]!.pos !== 'PROPN' && !known(tokens[lo]!.text)) return undefined;
  const toks = tokens.slice(lo, hi);
  // `... said Hun Sen.` — a sentence-final period belongs to the sentence, not the name.
  const li = hi - 1;
  const last = tokens[li]!;
  if (isCapWordStop(last.text) && ((!L.titleWords.has(last.text) && !L.abbreviations.has(last.text)) || (toks.length > 1 && sentenceEndsAfter(doc, li)))) {
    toks[toks.length - 1] = retext(last, last.text.slice(0, -1), last.end - 1);
  }
  const m = classify(doc, toks, r);
  if (!m) return undefined;
  // Unsupported single words at a sentence start (`Activists`, `Prospects`) and compounds
  // such as `UN-backed` are not names.
  if (m.type === 'other' && r.sentenceStart && toks.length === 1) return undefined;
  if (endsInLowerTail(m.text) && !/\s/.test(m.text)) return undefined;
  return m;
}

/** Whether token `i` ends its sentence (or the next token opens with a capital). */
function sentenceEndsAfter(doc: Doc, i: number): boolean {
  if (i + 1 >= doc.sentenceOf.length) return true;
  return doc.sentenceOf[i + 1] !== doc.sentenceOf[i] || startsWithAsciiCap(doc.tokens[i + 1]!.text);
}

/**
 * `the World Health Organization (WHO)`: an acronym defined in brackets after a name stands
 * for that name throughout the article.
 */
function withAcronyms(text: string, ms: NameMention[]): NameMention[] {
  let defined: Map<string, string> | undefined;
  for (const m of ms) {
    if (m.type === 'person' || !m.canonical.includes(' ')) continue;
    // (A bracket, or space before one, must follow: most names are passed over here.)
    const c = text.charCodeAt(m.end);
    if (c !== 40 && !isSpaceCode(c)) continue;
    const br = /^\s*\(([A-Z]{2,6})\)/.exec(text.slice(m.end, m.end + 12));
    if (br && initialsOf(m.canonical) === br[1]) (defined ??= new Map()).set(br[1]!, m.canonical);
  }
  if (!defined) return ms;
  for (const m of ms) {
    const full = defined.get(m.canonical);
    if (full) {
      m.canonical = full;
      if (m.type === 'other') m.type = 'organization';
    }
  }
  return ms;
}

/** `World Health Organization` → `WHO` (`of`, `for`, `the`, `and` do not count). */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

function known(s: string): boolean {
  const L = lists();
  return L.places.has(s) || L.orgs.has(s) || L.aliases.has(s);
}

function classify(doc: Doc, toks: Token[], r: Run): NameMention | undefined {
  const L = lists();
  const n = toks.length;
  const firstWord = toks[0]!.text;
  const lastWord = toks[n - 1]!.text;
  const start = toks[0]!.start;
  const end = toks[n - 1]!.end;
  const whole = oneSpaced(textOf(doc, toks));
  const alias = L.aliases.get(whole);
  const canonical = alias ?? whole;
  if (n === 1 && L.demonyms.has(firstWord)) return undefined;
  if (n >= 2 && L.otherWords.has(lastWord)) return mention(start, end, whole, 'other', canonical);
  if (n >= 2 && allCapsOrConnectors(toks)) return mention(start, end, whole, 'organization', canonical);
  // `/^[A-Z]{2,}(?:-[A-Z]{2,})+$/`
  if (isCapsGroups(whole) && whole.includes('-')) return mention(start, end, whole, 'organization', canonical);
  // A known place by its whole name, even with an organisation word in it (`Soviet Union`).
  const knownOrg = L.orgs.has(whole);
  if (L.places.has(whole) && !knownOrg) return mention(start, end, whole, 'place', canonical);
  // (So from here on `whole` is no known place that is not also a known organisation.)
  if (knownOrg || hasWordIn(toks, 0, n, L.orgWords)) {
    // `Foreign Minister Sergei Lavrov`: a title word with a name after it is a person, not an org.
    const p = personAfterTitle(doc, toks);
    if (p) return p;
    // `Senior U.S. State Department (official)`: a rank word before an organisation is not part of it.
    if (n > 2 && RANKS.has(firstWord)) {
      const rest = oneSpaced(doc.text.slice(toks[1]!.start, end));
      return mention(toks[1]!.start, end, rest, 'organization', L.aliases.get(rest) ?? rest);
    }
    return mention(start, end, whole, 'organization', canonical);
  }
  // (And from here on `whole` is neither a known place nor a known organisation.)
  if (alias !== undefined && L.places.has(alias)) return mention(start, end, whole, 'place', canonical);
  if (n >= 2 && L.placeWords.has(lastWord)) return mention(start, end, whole, 'place', canonical);
  const p = personAfterTitle(doc, toks);
  if (p) return p;
  if (allTitlesOrDemonyms(toks)) return undefined;
  if (isAcronym(whole)) return mention(start, end, whole, 'organization', canonical);
  const nameWords = countNameWords(toks);
  if (nameWords >= 2 && nameWords <= 4 && !anyTitleOrDemonym(toks)) {
    // A lower-case role just before the name (`director Helena Fries`, `envoy Kofi Annan`).
    const role = r.prev && isLowerStart(r.prev.text) && L.titles.has(r.prev.normal) ? r.prev.text : undefined;
    // `in al-Buweida al-Sharqiya`, `near Tal Kalakh`: after in/near/outside a name is a place
    // (unless it owns something: `in Kofi Annan's plan`).
    if (!role && IN_PLACE.has(wordBefore(doc, r.first)) && !(r.next && isPossessive(r.next.text))) return mention(start, end, whole, 'place', canonical);
    return mention(start, end, whole, 'person', canonical, role);
  }
  if (n === 1) return oneWordName(doc, toks[0]!, r, whole, canonical);
  return mention(start, end, whole, 'other', canonical);
}

/** A single word that is no known name, typed by the words around it. */
function oneWordName(doc: Doc, t: Token, r: Run, whole: string, canonical: string): NameMention {
  const L = lists();
  const prev = r.prev?.normal ?? '';
  if (PLACE_PREPS.has(prev)) return mention(t.start, t.end, whole, 'place', canonical);
  if (prev === 'of' && r.first >= 2 && PLACE_NOUNS.has(doc.tokens[r.first - 2]!.normal)) return mention(t.start, t.end, whole, 'place', canonical);
  // Preceded by a lower-case role noun (`envoy Kofi`, `spokesman Smith`).
  if (L.titles.has(prev)) return mention(t.start, t.end, whole, 'person', canonical, r.prev!.text);
  if (r.next && SPEECH_HINT.has(r.next.normal) && (!r.sentenceStart || t.pos === 'PROPN') && !whole.endsWith('s')) return mention(t.start, t.end, whole, 'person', canonical);
  return mention(t.start, t.end, whole, 'other', canonical);
}

/** `/^[a-z]/` */
function isLowerStart(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** Every word an acronym (`AU-UN`) or a connector: `NATO and EU`. */
function allCapsOrConnectors(toks: Token[]): boolean {
  for (const t of toks) if (!isCapsGroups(t.text) && !CONNECTORS.has(t.text)) return false;
  return true;
}

function allTitlesOrDemonyms(toks: Token[]): boolean {
  const L = lists();
  for (const t of toks) if (!L.titleWords.has(t.text) && !L.demonyms.has(t.text)) return false;
  return true;
}

function anyTitleOrDemonym(toks: Token[]): boolean {
  const L = lists();
  for (const t of toks) if (L.titleWords.has(t.text) || L.demonyms.has(t.text)) return true;
  return false;
}

/** Tokens other than connectors and hyphens. */
function countNameWords(toks: Token[]): number {
  let n = 0;
  for (const t of toks) if (!CONNECTORS.has(t.text) && t.text !== '-') n++;
  return n;
}

/** Split `Russian President Vladimir Putin` into title and person name. */
function personAfterTitle(doc: Doc, toks: Token[]): NameMention | undefined {
  const L = lists();
  const n = toks.length;
  // The name is the longest tail of plain capitalised tokens (with glued hyphens/particles).
  let k = n;
  while (k > 0) {
    const w = toks[k - 1]!.text;
    if (w === '-' || NAME_PARTICLES.has(w)) {
      k--;
      continue;
    }
    if (L.titleWords.has(w) || L.orgWords.has(w) || L.demonyms.has(w) || CONNECTORS.has(w) || known(w) || isAcronym(w)) break;
    // Days, months and all-capital words are not parts of a person's name.
    if (L.notNames.has(w) || isAllCaps(w)) return undefined;
    k--;
  }
  while (k < n && (toks[k]!.text === '-' || (CONNECTORS.has(toks[k]!.text) && !NAME_PARTICLES.has(toks[k]!.text)))) k++;
  // Title toks[0..k), name toks[k..n).
  if (k === n || k === 0 || n - k > 5) return undefined;
  if (!hasWordIn(toks, 0, k, L.titleWords)) return undefined;
  const text = doc.text.slice(toks[k]!.start, toks[n - 1]!.end);
  const title = oneSpaced(doc.text.slice(toks[0]!.start, toks[k - 1]!.end));
  return mention(toks[k]!.start, toks[n - 1]!.end, text, 'person', oneSpaced(text), title);
}

// Canonical forms are single-spaced (`oneSpaced` text, or an alias from aliases.tsv), so
// their words are split at ' '.

/** The number of words of a canonical form. */
function wordCount(s: string): number {
  let n = 1;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

/** Give every mention its article-level canonical form: `Putin` → `Vladimir Putin`. */
function canonicalise(ms: NameMention[]): NameMention[] {
  const fullBySurname = new Map<string, string>();
  for (const m of ms) {
    if (m.type !== 'person') continue;
    const sp = m.canonical.lastIndexOf(' ');
    if (sp < 0) continue;
    const last = m.canonical.slice(sp + 1);
    const cur = fullBySurname.get(last);
    if (!cur || wordCount(m.canonical) > wordCount(cur)) fullBySurname.set(last, m.canonical);
    // `Assad` also indexes `Bashar al-Assad`.
    const glued = last.slice(last.lastIndexOf('-') + 1);
    if (glued !== last && !fullBySurname.has(glued)) fullBySurname.set(glued, m.canonical);
  }
  // `Brennholt` after `Brennholt Minerals` is the company, not a person.
  const orgByFirst = new Map<string, string>();
  for (const m of ms) {
    if (m.type !== 'organization') continue;
    const sp = m.canonical.indexOf(' ');
    if (sp >= 0) orgByFirst.set(m.canonical.slice(0, sp), m.canonical);
  }
  const places = lists().places;
  for (const m of ms) {
    // (Only one-word names take a longer form.)
    if (m.type === 'organization' || m.canonical.includes(' ') || places.has(m.text)) continue;
    const full = fullBySurname.get(m.canonical);
    const org = orgByFirst.get(m.canonical);
    if (full) {
      m.type = 'person';
      m.canonical = full;
    } else if (org && !m.title) {
      m.type = 'organization';
      m.canonical = org;
    }
  }
  // A name typed somewhere in the article (`in Lorvik` → place) has that type everywhere in it.
  const typed = new Map<string, NameType>();
  for (const m of ms) if (m.type !== 'other' && !typed.has(m.canonical)) typed.set(m.canonical, m.type);
  for (const m of ms) if (m.type === 'other' && typed.has(m.canonical)) m.type = typed.get(m.canonical)!;
  return ms.sort((a, b) => a.start - b.start);
}
