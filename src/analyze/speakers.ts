/**
 * Speaker phrases around a speech cue and who they refer to. Noun phrases are found by
 * walking POS tags from the cue; references are resolved against the article's names
 * (`he` → the last speaker or the subject person of the sentences just before, `the
 * minister` → the last person with that title, `the ministry` → the last organisation).
 * When a reference cannot be resolved the canonical form is left empty: no speaker is
 * better than a wrong one.
 */
import type { NameMention, Span, Token } from '../model/types.js';
import type { Doc } from './doc.js';
import { lexicon, readList, readMap } from '../lexicon/index.js';

/** A speaker phrase: token range `[from, to)` and its head token. */
export interface SpeakerPhrase {
  from: number;
  to: number;
  head: number;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who']);
const PERSON_PRONOUNS = new Set(['he', 'she']);
/** `Others shouted`, `some said`: people, unnamed. */
const QUANTIFIERS = new Set(['others', 'some', 'many', 'both', 'several', 'most', 'few', 'everyone', 'someone', 'somebody', 'anyone', 'nobody']);
export const POSSESSIVE_PRONOUNS = new Set(['its', 'his', 'her', 'their', 'our', 'my']);
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'tonight', 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'day',
  'time', 'earlier', 'later', 'now', 'then', 'recently', 'also', 'once',
]);
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'lord']);
/** Who speaks for an organisation (`spokesman`, `spokeswomen`, `spokesperson`). */
const SPOKES = /^spokes(man|men|woman|women|person|people)$/;
/** Words that all begin with a capital, two or more (`Josh Earnest`): a name, not a description. */
const NAME_LIKE = /^\p{Lu}\S*(?:\s+\p{Lu}\S*)+$/u;
const NP_INNER = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);

let speakerNounsCache: Map<string, string> | undefined;
/** Common nouns that can head a speaker phrase, with the type they resolve to. */
function speakerNouns(): Map<string, string> {
  if (!speakerNounsCache) {
    speakerNounsCache = new Map();
    for (const line of readList('quote-speakers.txt')) {
      const [k, v] = line.split('\t');
      if (k && v) speakerNounsCache.set(k, v);
    }
  }
  return speakerNounsCache;
}

/** The type (`person`, `organization`) of a speaker noun (`minister`, `ministries`), if it is one. */
function speakerKind(t: Token): string | undefined {
  return speakerNouns().get(t.normal.replace(/s$/, '')) ?? speakerNouns().get(t.normal);
}

/** A common noun that names a speaker (`official`, `ministry`). */
export function speakerNoun(t: Token): boolean {
  // (The normal form first: it needs no lemma.)
  return t.pos === 'NOUN' && (speakerNouns().has(t.normal.replace(/s$/, '')) || speakerNouns().has(t.lemma));
}

function isPossessive(t: Token): boolean {
  return t.normal === "'s" || t.normal === "'" || t.text === '\u2019s' || t.text === '\u2019';
}

/** A capitalised word the tagger took for something else (`Josh/VERB Earnest`). */
function capitalised(t: Token): boolean {
  return (t.pos === 'VERB' || t.pos === 'X' || t.pos === 'ADV' || t.pos === 'INTJ') && /^\p{Lu}\p{Ll}/u.test(t.text) && !t.text.endsWith('ing');
}

function npInner(t: Token): boolean {
  if (NP_INNER.has(t.pos)) return !TIME_WORDS.has(t.normal);
  if (capitalised(t)) return true;
  if (isPossessive(t)) return true;
  return t.text === '-' || t.text === '&' || t.text === '.';
}

/** A word inside a hyphenated compound (`46-year-old`), whatever its tag. */
function hyphened(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !/^\p{L}+$/u.test(t.text)) return false;
  const p = tokens[i - 1];
  const n = tokens[i + 1];
  return (p?.text === '-' && p.end === t.start) || (n?.text === '-' && n.start === t.end);
}

/** `the 46-year-old`: an age that names a person. */
function ageNoun(tokens: Token[], i: number): boolean {
  return tokens[i]?.normal === 'old' && tokens[i - 1]?.text === '-' && /^(year|month)s?$/.test(tokens[i - 2]?.normal ?? '');
}

/** A token that can head a speaker phrase. */
export function canHead(t: Token): boolean {
  if (QUANTIFIERS.has(t.normal)) return true;
  if (t.pos === 'PRON') return PRONOUNS.has(t.normal);
  if (capitalised(t)) return true;
  if (t.pos !== 'PROPN' && t.pos !== 'NOUN') return false;
  return !TIME_WORDS.has(t.normal) && /^\p{L}/u.test(t.text);
}

/**
 * The speaker phrase ending at token `end` (inclusive), walking left. Handles an apposition
 * (`Flynn, a top Trump surrogate, said`) by taking the phrase before it.
 */
export function phraseBefore(tokens: Token[], end: number, floor: number): SpeakerPhrase | undefined {
  let k = skipParenBack(tokens, end, floor);
  if (k < floor) return undefined;
  // `Ford itself said`, `voters overall said`: a word after the subject that is not its head.
  if (AFTER_SUBJECT.has(tokens[k]!.normal) && k - 1 >= floor && tokens[k - 1]!.pos !== 'PUNCT') k--;
  // `One in three said`, `six in 10 said`, `47% say`, `those surveyed say`: a share of those asked.
  if (tokens[k]!.pos === 'NUM' && k - 2 >= floor && tokens[k - 1]!.normal === 'in' && tokens[k - 2]!.pos === 'NUM') return { from: k - 2, to: k + 1, head: k - 2 };
  if (tokens[k]!.text === '%' && k - 1 >= floor && tokens[k - 1]!.pos === 'NUM') return { from: k - 1, to: k + 1, head: k };
  if (tokens[k]!.pos === 'VERB' && /^\p{Ll}+ed$/u.test(tokens[k]!.text) && k - 1 >= floor && tokens[k - 1]!.normal === 'those') return { from: k - 1, to: k + 1, head: k - 1 };
  // `Proponents of the bill, however, say`: an adverb set off by commas.
  if (tokens[k]!.text === ',' && k - 2 >= floor && tokens[k - 1]!.pos === 'ADV' && tokens[k - 2]!.text === ',') k = k - 3;
  // `Sen. Jack Reed (D-R.I.), said`: a stray comma after a parenthesis.
  if (tokens[k]!.text === ',' && k - 1 >= floor && tokens[k - 1]!.text === ')' && !hasMarkBefore(tokens, k, floor)) k = skipParenBack(tokens, k - 1, floor);
  // `Flynn, a top Trump surrogate,` / `Brinkley, a historian who attended the session,` —
  // an apposition or relative clause between commas.
  // Up to two such pieces: `Marley Anderson, 21, a junior from Las Vegas, said`.
  // (Or between dashes: `Jason Sims — a teacher from Mount Pleasant — says`.)
  for (let round = 0; round < 2 && k >= floor && APPOSITION_MARKS.has(tokens[k]!.text); round++) {
    const mark = tokens[k]!.text;
    let j = k - 1;
    let n = 0;
    while (j >= floor && tokens[j]!.text !== mark && n < 30) {
      const t = tokens[j]!;
      if (/^[.;:!?"\u201c\u201d]$/.test(t.text)) return undefined;
      j--;
      n++;
    }
    if (j < floor || tokens[j]!.text !== mark || n === 0) return undefined;
    // `Its director, Helena Fries, said`: when the apposition is a name and the phrase before it
    // a lower-case role noun, the name is the speaker.
    const before = tokens[j - 1];
    if (n <= 7 && before && before.pos === 'NOUN' && /^[a-z]/.test(before.text)) {
      let allNames = true;
      for (let x = j + 1; x < k; x++) if (!(tokens[x]!.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[x]!.text)) && tokens[x]!.text !== '-' && !NAME_PARTICLES.has(tokens[x]!.text)) allNames = false;
      if (allNames) return { from: j + 1, to: k, head: k - 1 };
    }
    const open = tokens[j + 1]!;
    // (`…, who …,` / `…, whose …,` / `…, which …,` / `…, noting the size of his following,`)
    const participle = open.pos === 'VERB' && /^\p{Ll}+(ing|ed)$/u.test(open.text);
    if (!(open.pos === 'DET' || open.pos === 'ADJ' || open.pos === 'NOUN' || open.pos === 'PROPN' || open.normal === 'who' || open.normal === 'whose' || open.normal === 'which' || participle || open.pos === 'NUM' || open.pos === 'ADP' || POSSESSIVE_PRONOUNS.has(open.normal))) return undefined;
    k = skipParenBack(tokens, j - 1, floor);
    if (k < floor) return undefined;
    // `Marley Anderson, 21, a junior from Las Vegas, said`: an age between commas, after the name.
    if (tokens[k]!.pos === 'NUM' && k - 2 >= floor && tokens[k - 1]!.text === ',' && /^\d{1,3}$/.test(tokens[k]!.text)) k = skipParenBack(tokens, k - 2, floor);
  }
  if (APPOSITION_MARKS.has(tokens[k]!.text)) return undefined;
  // `the 34-year-old mother of three`: a count after `of` belongs to the noun before it.
  if (tokens[k]!.pos === 'NUM' && k - 2 >= floor && tokens[k - 1]!.normal === 'of' && tokens[k - 2]!.pos === 'NOUN') {
    const inner = phraseBefore(tokens, k - 2, floor);
    return inner && inner.to === k - 1 ? { from: inner.from, to: k + 1, head: inner.head } : undefined;
  }
  const head = tokens[k]!;
  if (!canHead(head) && !ageNoun(tokens, k)) return undefined;
  if (head.pos === 'PRON') return { from: k, to: k + 1, head: k };
  let from = k;
  while (from - 1 >= floor) {
    const t = tokens[from - 1]!;
    if (tokens[from]!.lineStart) break;
    if (npInner(t) || hyphened(tokens, from - 1) || (t.normal === 'of' && from - 2 >= floor && tokens[from - 2]!.pos === 'PROPN' && (tokens[from]!.pos === 'PROPN' || tokens[from]!.pos === 'DET'))) from--;
    else break;
    if (k - from > 10) break;
  }
  // Leading possessive or punctuation cannot begin a phrase.
  while (from < k && (isPossessive(tokens[from]!) || tokens[from]!.text === '-' || tokens[from]!.text === '.')) from++;
  // A word the tokenizer split (`Franç` + `ois`): take it whole.
  while (from > 0 && tokens[from - 1]!.end === tokens[from]!.start && /\p{L}$/u.test(tokens[from - 1]!.text) && /^\p{L}/u.test(tokens[from]!.text)) from--;
  // `federal prosecutors in April charged`, `a poll released in late August found`: the
  // phrase is the object of a preposition after the subject; the subject speaks.
  const prep = tokens[from - 1];
  if (prep && from - 2 >= floor && (SUBJECT_PREPS.has(prep.normal) || SUBJECT_PREPS.has(prep.text.toLowerCase()))) {
    let j = from - 2;
    // (`Protesters marching through the streets chanted`: a participle too.)
    if (tokens[j]!.pos === 'VERB' && /^\p{Ll}+(ed|ing)$/u.test(tokens[j]!.text) && j - 1 >= floor) j--;
    const t = tokens[j]!;
    if ((t.pos === 'NOUN' || t.pos === 'PROPN') && canHead(t)) {
      const outer = phraseBefore(tokens, j, floor);
      if (outer && outer.to === j + 1) return { from: outer.from, to: k + 1, head: outer.head };
    }
  }
  return { from, to: k + 1, head: k };
}

/** Lower-case words inside personal names (`Mohammed bin Abdulrahman`, `Ursula von der Leyen`). */
const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'del', 'della', 'da', 'dos', 'du', 'van', 'von', 'der', 'den', 'la', 'le']);
const APPOSITION_MARKS = new Set([',', '\u2014', '\u2013', '--']);
const SUBJECT_PREPS = new Set(['in', 'at', 'from', 'for', 'with', 'on', 'during', 'through', 'across', 'outside', 'near', 'around', 'inside']);

/** Words after a subject that are not its head (`Ford itself said`, `voters overall said`). */
const AFTER_SUBJECT = new Set(['itself', 'himself', 'herself', 'themselves', 'overall', 'alone']);

/** Whether another comma or dash comes before token `k` in the 30 tokens before it, within a sentence. */
function hasMarkBefore(tokens: Token[], k: number, floor: number): boolean {
  for (let j = k - 1; j >= Math.max(floor, k - 30); j--) {
    if (APPOSITION_MARKS.has(tokens[j]!.text)) return true;
    if (/^[.;:!?]$/.test(tokens[j]!.text)) return false;
  }
  return false;
}

/** `Gwen Moore (D-Wis.)`: step back over a short parenthesis ending at `k`. */
function skipParenBack(tokens: Token[], k: number, floor: number): number {
  if (k < floor || tokens[k]!.text !== ')') return k;
  for (let j = k - 1; j >= Math.max(floor, k - 8); j--) if (tokens[j]!.text === '(') return j - 1;
  return k;
}

/** The token after a short parenthesis starting at `k`, or `k`. */
export function skipParenForward(tokens: Token[], k: number, ceil: number): number {
  if (k >= ceil || tokens[k]!.text !== '(') return k;
  for (let j = k + 1; j < Math.min(ceil, k + 8); j++) if (tokens[j]!.text === ')') return j + 1;
  return k;
}

/** The speaker phrase starting at token `start`, walking right (`said the deputy minister`). */
export function phraseAfter(tokens: Token[], start: number, ceil: number): SpeakerPhrase | undefined {
  if (start >= ceil) return undefined;
  const first = tokens[start]!;
  // `his best friend at Lehigh`: a possessive opens the phrase.
  const possessive = POSSESSIVE_PRONOUNS.has(first.normal);
  if (first.pos === 'PRON' && !possessive) return canHead(first) ? { from: start, to: start + 1, head: start } : undefined;
  let to = possessive ? start + 1 : start;
  while (to < ceil && to - start < 10) {
    const t = tokens[to]!;
    const next = tokens[to + 1];
    if (to > start && t.lineStart) break;
    if (npInner(t) || hyphened(tokens, to)) to++;
    else if (t.normal === 'of' && to + 1 < ceil && to > start && tokens[to - 1]!.pos === 'PROPN' && (next!.pos === 'PROPN' || (next!.normal === 'the' && tokens[to + 2]?.pos === 'PROPN'))) to++;
    // `one of those advisers`
    else if (t.normal === 'of' && to === start + 1 && (first.pos === 'NUM' || QUANTIFIERS.has(first.normal)) && next && (next.pos === 'DET' || next.pos === 'NOUN' || next.pos === 'ADJ')) to++;
    // `one unaligned Florida Republican strategist`: a participle the tagger left a verb.
    else if (to > start && t.pos === 'VERB' && /^\p{Ll}+ed$/u.test(t.text) && ['DET', 'NUM', 'ADJ'].includes(tokens[to - 1]!.pos) && next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) to++;
    else break;
  }
  while (to > start && !canHead(tokens[to - 1]!) && !ageNoun(tokens, to - 1)) to--;
  if (to === start) return undefined;
  return { from: start, to, head: to - 1 };
}

/**
 * The phrase's last noun phrase: the object of its last preposition, if it has one after its head
 * (`a damning reaction from President Barack Obama, who …`: `who` is Obama).
 */
function nearestNoun(tokens: Token[], p: SpeakerPhrase): SpeakerPhrase {
  for (let f = p.to - 1; f > p.head + 1; f--) if (tokens[f - 1]!.pos === 'ADP') return { from: f, to: p.to, head: p.to - 1 };
  return p;
}

/** A speaker found so far in the article, for resolving later references. */
export interface KnownSpeaker {
  canonical: string;
  /** Lower-cased words of the phrase that named it (for `the minister`). */
  words: string;
  type: 'person' | 'organization' | 'other';
  pos: number;
  sentence: number;
}

/** Resolution context for one article. */
export class SpeakerResolver {
  private readonly persons: NameMention[];
  private readonly orgs: NameMention[];
  private readonly names: NameMention[];
  /** Last word → the longest person name with it (`Putin` → `Vladimir Putin`); built when first asked for. */
  private fullByLastCache: Map<string, string> | undefined;
  readonly known: KnownSpeaker[] = [];

  constructor(
    private readonly doc: Doc,
    names: NameMention[],
    /** Whether a character offset lies inside a quotation (names there are not subjects). */
    private readonly quoted: (pos: number) => boolean = () => false,
  ) {
    this.names = [...names].sort((a, b) => a.start - b.start);
    this.persons = this.names.filter((n) => n.type === 'person');
    this.orgs = this.names.filter((n) => n.type === 'organization');
  }

  private get fullByLast(): Map<string, string> {
    if (!this.fullByLastCache) {
      this.fullByLastCache = new Map();
      for (const n of this.persons) {
        const parts = n.canonical.split(/\s+/);
        if (parts.length < 2) continue;
        const last = parts[parts.length - 1]!;
        const cur = this.fullByLastCache.get(last);
        if (!cur || n.canonical.length > cur.length) this.fullByLastCache.set(last, n.canonical);
      }
    }
    return this.fullByLastCache;
  }

  /** Resolve a phrase (token range) to `{ span, canonical }`; canonical is '' when unresolved. */
  resolve(p: SpeakerPhrase): { span: Span; canonical: string; type: KnownSpeaker['type'] } {
    const { tokens, text } = this.doc;
    const span = { start: tokens[p.from]!.start, end: tokens[p.to - 1]!.end };
    const head = tokens[p.head]!;
    const sentence = this.doc.sentenceOf[p.head] ?? -1;

    // 1. A name inside the phrase.
    const inside: NameMention[] = [];
    let place = false;
    for (let i = Math.max(0, firstEndingAfter(this.names, span.start) - 8); i < this.names.length && this.names[i]!.start < span.end; i++) {
      const n = this.names[i]!;
      if (n.end <= span.start) continue;
      if (n.type !== 'place') inside.push(n);
      else if (n.end >= tokens[p.head]!.end) place = true;
    }
    // `Moscow says …`: a place speaking is its government, never a `he` or `she`.
    if (inside.length === 0 && place) return { span, canonical: text.slice(span.start, span.end).replace(/^the\s+/i, ''), type: 'organization' };
    // `a Sanders spokesman`, `a spokesman for Hillary Clinton`: the names only modify the noun that speaks.
    if (inside.length > 0 && head.pos === 'NOUN' && inside.every((n) => (n.end <= head.start && !this.prepositionBetween(p, n.end, head.start)) || n.start >= head.end)) return this.described(p, span, inside);
    if (inside.length > 0) {
      const n = inside.reduce((a, b) => (Math.abs(b.end - tokens[p.head]!.end) < Math.abs(a.end - tokens[p.head]!.end) ? b : a));
      return { span, canonical: n.canonical, type: n.type === 'person' ? 'person' : n.type === 'organization' ? 'organization' : 'other' };
    }
    if (QUANTIFIERS.has(head.normal)) return { span, canonical: '', type: 'other' };
    // 2. Pronouns.
    if (head.pos === 'PRON') {
      if (PERSON_PRONOUNS.has(head.normal)) return { span, canonical: this.pronoun(span.start, sentence, head.normal === 'she' ? 'f' : 'm'), type: 'person' };
      if (head.normal === 'who') return { span, canonical: this.relative(p.from), type: 'person' };
      if (head.normal === 'it') return { span, canonical: this.subjectBody(sentence) ?? this.subjectBody(sentence - 1) ?? '', type: 'organization' };
      return { span, canonical: '', type: 'other' };
    }
    // 3. `the minister`, `the ministry`, `officials`.
    const kind = speakerKind(head);
    let hasProper = false;
    for (let i = p.from; i < p.to && !hasProper; i++) hasProper = tokens[i]!.pos === 'PROPN' && !isTitleWord(tokens[i]!.normal);
    if (!hasProper && kind) {
      const definite = tokens[p.from]!.normal === 'the' && !/s$/.test(head.normal);
      if (definite) return { span, canonical: this.byNoun(head.normal, kind, span.start), type: kind === 'person' ? 'person' : 'organization' };
      return { span, canonical: text.slice(span.start, span.end).replace(/^(the|a|an)\s+/i, ''), type: 'other' };
    }
    // 4. A proper name without a name mention: strip titles, match an earlier fuller name.
    if (hasProper) {
      const canonical = this.properName(p);
      const type = kind === 'organization' || lexicon.orgs.has(canonical) ? 'organization' : 'person';
      return { span, canonical, type };
    }
    // A common noun phrase (`the report`, `exit polls`) names its source literally.
    const words = text.slice(span.start, span.end).replace(/^(the|a|an|this|that|these|those)\s+/i, '');
    return { span, canonical: words, type: 'other' };
  }

  /**
   * A speaker named by a common noun that names only modify or follow (`a Sanders spokesman`,
   * `the Clinton campaign`, `a Trump supporter`, `a spokesman for Hillary Clinton`): the noun is the
   * speaker, not the person or body named, so its description is kept. A spokesperson speaks for
   * the organisation (`a Brennholt spokeswoman` is Brennholt Minerals); `the Republican candidate`
   * is the person named before with that title, or else stays a description.
   */
  private described(p: SpeakerPhrase, span: Span, inside: NameMention[]): { span: Span; canonical: string; type: KnownSpeaker['type'] } {
    const { tokens, text } = this.doc;
    const head = tokens[p.head]!;
    const org = inside.find((n) => n.type === 'organization');
    if (org && SPOKES.test(head.normal)) return { span, canonical: org.canonical, type: 'organization' };
    const kind = speakerKind(head);
    const type = kind === 'person' ? 'person' : kind === 'organization' ? 'organization' : 'other';
    const words = text.slice(span.start, span.end).replace(/^(the|a|an)\s+/i, '');
    if (kind !== 'person' || tokens[p.from]!.normal !== 'the' || /s$/.test(head.normal)) return { span, canonical: words, type };
    // (Unresolved, the description is kept, but not as a person a later `he` could mean.)
    const known = this.byNoun(head.normal, kind, span.start);
    return known ? { span, canonical: known, type } : { span, canonical: words, type: 'other' };
  }

  /** Whether a preposition of phrase `p` lies between offsets `from` and `to` (`Robert Antonacci of the New York delegation`: the name is the head). */
  private prepositionBetween(p: SpeakerPhrase, from: number, to: number): boolean {
    for (let i = p.from; i < p.to; i++) {
      const t = this.doc.tokens[i]!;
      if (t.start >= from && t.end <= to && t.pos === 'ADP') return true;
    }
    return false;
  }

  private paragraphOf(pos: number): number {
    let lo = 0;
    let hi = this.doc.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.doc.sentences[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return this.doc.sentences[lo]?.paragraph ?? 0;
  }

  /** The latest remembered speaker with this canonical form. */
  lastKnown(canonical: string): KnownSpeaker | undefined {
    for (let i = this.known.length - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) if (this.known[i]!.canonical === canonical) return this.known[i];
    return undefined;
  }

  /** Remember a resolved speaker. */
  remember(canonical: string, words: string, type: KnownSpeaker['type'], pos: number, sentence: number): void {
    if (canonical) this.known.push({ canonical, words: words.toLowerCase(), type, pos, sentence });
  }

  /** `f`, `m` or '' from the first name or an honorific seen with the name. */
  private genderOf(canonical: string): string {
    const known = this.lastKnown(canonical);
    const words = `${known?.words ?? ''} ${canonical}`.toLowerCase();
    if (/\b(mrs|ms|miss|madam|spokeswoman|chairwoman|congresswoman|queen)\b/.test(words)) return 'f';
    if (/\b(mr|spokesman|chairman|congressman|king|prince)\b/.test(words)) return 'm';
    return firstNames().get(canonical.split(/\s+/)[0]!.toLowerCase()) ?? '';
  }

  private pronoun(pos: number, sentence: number, gender: 'f' | 'm'): string {
    const fits = (c: string) => {
      const g = this.genderOf(c);
      return g === '' || g === gender;
    };
    const r = this.pronounCandidate(pos, sentence, fits);
    return r && fits(r) ? r : '';
  }

  private pronounCandidate(pos: number, sentence: number, fits: (c: string) => boolean): string {
    // The last speaker named by a proper name, if within the last two sentences.
    let last: KnownSpeaker | undefined;
    for (let i = this.known.length - 1; i >= 0; i--) {
      const k = this.known[i]!;
      if (k.pos >= pos) continue;
      if ((k.type === 'person' || (k.type === 'other' && NAME_LIKE.test(k.canonical))) && fits(k.canonical)) {
        last = k;
        break;
      }
    }
    const recentSpeaker = last && (sentence - last.sentence <= 2 || this.paragraphOf(pos) - this.paragraphOf(last.pos) <= 1) ? last : undefined;
    // The person subject of this or the previous sentence.
    const subj0 = this.subjectPerson(sentence);
    const subject = subj0 && fits(subj0) ? subj0 : this.subjectPerson(sentence - 1);
    if (recentSpeaker && subject && subject !== recentSpeaker.canonical) {
      // Two candidates: trust the speaker when it is the more recent sentence.
      return last!.sentence >= sentence - 1 ? recentSpeaker.canonical : subject;
    }
    if (recentSpeaker) return recentSpeaker.canonical;
    if (subject) return subject;
    if (last && sentence - last.sentence <= 4) {
      // Only person mentions between: still the same speaker.
      let between = false;
      for (let i = firstEndingAfter(this.persons, last.pos); i < this.persons.length && this.persons[i]!.end <= pos; i++) {
        const n = this.persons[i]!;
        if (n.start > last.pos && n.canonical !== last.canonical) between = true;
      }
      if (!between) return last.canonical;
    }
    return '';
  }

  /** Canonical of the first person named in sentence `s` when it opens the sentence (its subject). */
  private subjectPerson(s: number): string | undefined {
    const sent = this.doc.sentences[s];
    if (!sent) return undefined;
    let first: NameMention | undefined;
    for (let i = firstEndingAfter(this.persons, sent.start); i < this.persons.length && this.persons[i]!.start < sent.end; i++) {
      const n = this.persons[i]!;
      if (n.start >= sent.start && n.end <= sent.end && !this.quoted(n.start)) {
        first = n;
        break;
      }
    }
    if (!first) return undefined;
    // The name must come before the sentence's first verb to be its subject.
    for (let i = sent.tokens[0]; i < sent.tokens[1]; i++) {
      const t = this.doc.tokens[i]!;
      if (t.start >= first.start) return first.canonical;
      if (t.pos === 'VERB') return undefined;
    }
    return undefined;
  }

  /** `Russia has vowed …, where it says …`: the organisation or country opening sentence `s`. */
  private subjectBody(s: number): string | undefined {
    const sent = this.doc.sentences[s];
    if (!sent) return undefined;
    for (let i = firstEndingAfter(this.names, sent.start); i < this.names.length && this.names[i]!.start < sent.end; i++) {
      const n = this.names[i]!;
      if (n.start < sent.start || this.quoted(n.start)) continue;
      // Only a name before the sentence's first verb is its subject.
      for (let t = sent.tokens[0]; t < sent.tokens[1]; t++) {
        const tok = this.doc.tokens[t]!;
        if (tok.start >= n.start) break;
        if (tok.pos === 'VERB' || tok.pos === 'AUX') return undefined;
      }
      return n.type === 'organization' || n.type === 'place' ? n.canonical : undefined;
    }
    return undefined;
  }

  private relative(from: number): string {
    // `Trump, who said ...`: the phrase before the comma.
    const tokens = this.doc.tokens;
    if (from >= 2 && tokens[from - 1]!.text === ',') {
      const p = phraseBefore(tokens, from - 2, Math.max(0, from - 14));
      if (p && tokens[p.head]!.pos !== 'PRON') return this.resolve(nearestNoun(tokens, p)).canonical;
    }
    return '';
  }

  private byNoun(noun: string, kind: string, pos: number): string {
    const pool = kind === 'person' ? this.persons : this.orgs;
    for (let i = Math.min(pool.length, firstEndingAfter(pool, pos) + 1) - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
      const n = pool[i]!;
      if (n.end > pos) continue;
      const words = `${n.title ?? ''} ${n.canonical}`.toLowerCase();
      if (words.includes(noun)) return n.canonical;
    }
    for (let i = this.known.length - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
      const k = this.known[i]!;
      if (k.pos < pos && k.words.includes(noun)) return k.canonical;
    }
    return '';
  }

  private properName(p: SpeakerPhrase): string {
    const { tokens, text } = this.doc;
    let from = p.from;
    // Drop determiners, titles, adjectives and honorifics before the name proper.
    while (from < p.head) {
      const t = tokens[from]!;
      const isName = t.pos === 'PROPN' && !isTitleWord(t.normal) && !HONORIFICS.has(t.normal);
      if (isName && !(from + 1 <= p.head && isPossessive(tokens[from + 1]!))) break;
      from++;
    }
    const name = text.slice(tokens[from]!.start, tokens[p.head]!.end);
    // An earlier, fuller form of the same name (`Putin` after `Vladimir Putin`).
    const last = tokens[p.head]!.text;
    for (let i = this.known.length - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
      const k = this.known[i]!;
      if (k.canonical.length > name.length && k.canonical.endsWith(' ' + last)) return k.canonical;
    }
    const fuller = this.fullByLast.get(last);
    return fuller && fuller.length > name.length ? fuller : name;
  }
}

/** Index of the first mention (sorted by start) that ends after `pos`, roughly: a binary
 * search on starts, stepped back so that long mentions starting earlier are not missed. */
function firstEndingAfter(list: NameMention[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

let firstNamesCache: Map<string, string> | undefined;
function firstNames(): Map<string, string> {
  return (firstNamesCache ??= readMap('quote-first-names.tsv'));
}

let titleWordsCache: Set<string> | undefined;
function isTitleWord(w: string): boolean {
  if (!titleWordsCache) {
    titleWordsCache = new Set();
    for (const t of lexicon.titles) for (const part of t.split(/\s+/)) titleWordsCache.add(part);
    for (const h of HONORIFICS) titleWordsCache.add(h);
    for (const x of ['retired', 'former', 'acting', 'lt.', 'gen.', 'col.', 'sen.', 'rep.', 'gov.', 'maj.', 'sgt.', 'capt.', 'adm.', 'deputy', 'foreign', 'democratic', 'republican'])
      titleWordsCache.add(x);
  }
  return titleWordsCache.has(w);
}

/**
 * A light stand-in for the names analyser, used only when no names are given: runs of
 * proper nouns, typed by the organisation and place lists, with `Putin` linked to an earlier
 * `Vladimir Putin`.
 */
export function fallbackNames(doc: Doc): NameMention[] {
  const { tokens, text } = doc;
  const out: NameMention[] = [];
  const full = new Map<string, string>(); // last word -> fullest person name so far
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.pos !== 'PROPN') {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && (tokens[j]!.pos === 'PROPN' || (tokens[j]!.text === '-' && tokens[j + 1]?.pos === 'PROPN'))) j++;
    let from = i;
    let title = '';
    while (from < j - 1 && (isTitleWord(tokens[from]!.normal) || HONORIFICS.has(tokens[from]!.normal))) from++;
    if (from > i) title = text.slice(tokens[i]!.start, tokens[from - 1]!.end);
    const start = tokens[from]!.start;
    const end = tokens[j - 1]!.end;
    const surface = text.slice(start, end);
    const words = surface.split(/\s+/);
    let type: NameMention['type'] = 'person';
    if (lexicon.orgs.has(surface) || words.some((w) => lexicon.orgWords.has(w))) type = 'organization';
    else if (lexicon.places.has(surface) || lexicon.demonyms.has(surface)) type = 'place';
    else if (words.length === 1 && !full.has(surface) && !title) type = 'other';
    const last = words[words.length - 1]!;
    let canonical = surface;
    if (type === 'person') {
      const f = full.get(last);
      if (f && f.length >= surface.length) canonical = f;
      else if (words.length > 1) full.set(last, surface);
    }
    if (/^\p{Lu}/u.test(surface)) out.push({ start, end, text: surface, type, canonical, ...(title ? { title } : {}) });
    i = j;
  }
  return out;
}
