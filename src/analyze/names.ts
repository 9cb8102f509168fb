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

let personWordsCache: Set<string> | undefined;
let aliasCache: Map<string, string> | undefined;
/** Capitalised words that end a title and are never part of a person's name. */
function titleWords(): Set<string> {
  return (personWordsCache ??= new Set(readList('person-titles-single.txt')));
}
let otherWordsCache: Set<string> | undefined;
function otherWords(): Set<string> {
  return (otherWordsCache ??= new Set(readList('other-words.txt')));
}
let placeWordsCache: Set<string> | undefined;
function placeWords(): Set<string> {
  return (placeWordsCache ??= new Set(readList('place-words.txt')));
}
function aliases(): Map<string, string> {
  return (aliasCache ??= readMap('aliases.tsv'));
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
  if (t[i - 1]?.text === '-' && t[i - 1]!.end === t[i]!.start && NAME_PARTICLES.has(t[i - 2]?.normal ?? '') && t[i - 2]!.end === t[i - 1]!.start) i -= 2;
  return t[i - 1]?.normal ?? '';
}
/** `the town of Lorvik`, `the province of Hama`. */
const PLACE_NOUNS = new Set(['town', 'city', 'village', 'province', 'region', 'district', 'county', 'state', 'capital', 'port', 'island', 'suburb', 'neighbourhood', 'neighborhood', 'municipality']);
/** `Hun Sen-friendly`, `UN-backed`: lower-case compound tails that are not part of a name. */
const COMPOUND_TAILS = new Set(['friendly', 'backed', 'based', 'led', 'era', 'style', 'born', 'owned', 'run', 'controlled', 'held', 'linked', 'allied', 'aligned', 'inspired', 'speaking', 'type', 'like', 'wide', 'sponsored', 'funded', 'made', 'bound', 'free', 'related', 'focused', 'centric', 'dominated', 'designed', 'built', 'appointed', 'elect']);
const SPEECH_HINT = new Set(['said', 'says', 'told', 'added', 'asked', 'stated', 'warned', 'insisted', 'urged']);

let stopCache: Set<string> | undefined;
/** A common English word written in capitals (`NOT`, `NOTHING`): emphasis, not a name. */
function shouted(s: string): boolean {
  if (s.length < 2 || !/^[A-Z]+$/.test(s)) return false;
  stopCache ??= new Set(readList('stopwords.txt').map((w) => w.toLowerCase()));
  // Known acronyms that spell common words (`US`, `WHO`, `IT`) stay names.
  if (lexicon.orgs.has(s) || lexicon.places.has(s) || aliases().has(s)) return false;
  return stopCache.has(s.toLowerCase()) || EMPHASIS.has(s);
}
const EMPHASIS = new Set(['NOTHING', 'NEVER', 'EVER', 'ALWAYS', 'EVERYTHING', 'EVERYONE', 'NOBODY', 'REALLY', 'VERY', 'MUST', 'NOW', 'STOP', 'WAKE', 'TRUTH', 'LIES', 'WRONG', 'RIGHT']);

function isCap(t: Token): boolean {
  // (ASCII first, quickly; any alphabet's capitals after: `Łukasz`, `İstanbul`.)
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text);
}
function isAcronym(s: string): boolean {
  return /^[A-Z](?:\.?[A-Z])+\.?$/.test(s) && s.replace(/\./g, '').length <= 6;
}

interface Run {
  tokens: Token[];
  /** Index of the first token in the doc token list. */
  first: number;
  sentenceStart: boolean;
  prev?: Token;
  next?: Token;
}

/** Capitalised runs inside story sentences; hyphens without spaces glue tokens. */
function runs(doc: Doc): Run[] {
  const out: Run[] = [];
  for (const s of doc.sentences) {
    const [from, to] = s.tokens;
    let i = from;
    while (i < to) {
      const t = doc.tokens[i]!;
      if (!isCap(t)) {
        i++;
        continue;
      }
      const start = i;
      let j = i + 1;
      while (j < to) {
        const u = doc.tokens[j]!;
        const prev = doc.tokens[j - 1]!;
        const glued = u.start === prev.end;
        // `... Hun Sen. Sam Rainsy ...`: a word with a period after a name ends the name there
        // (title abbreviations such as `Sen.` come before a name, not after one).
        if (j - 1 > start && /^[A-Z][a-z]+\.$/.test(prev.text) && !titleWords().has(doc.tokens[j - 2]!.text)) break;
        if (isCap(u) && !(prev.text === '-' && !glued)) {
          j++;
          continue;
        }
        // Glued hyphen or particle: `Ki-moon`, `al-Assad`, `UN-Arab`.
        if (u.text === '-' && glued && j + 1 < to && doc.tokens[j + 1]!.start === u.end && !COMPOUND_TAILS.has(doc.tokens[j + 1]!.normal)) {
          j += 2;
          continue;
        }
        // `Workers' Union`: a bare possessive apostrophe inside an organisation name.
        if ((u.text === "'" || u.text === '\u2019') && u.start === prev.end && j + 1 < to && isCap(doc.tokens[j + 1]!)) {
          j++;
          continue;
        }
        // `al-Assad`: a particle glued by a hyphen to a capitalised token.
        const h = doc.tokens[j + 1];
        const after = doc.tokens[j + 2];
        if (NAME_PARTICLES.has(u.text) && h?.text === '-' && h.start === u.end && after && after.start === h.end && isCap(after) && j + 2 < to) {
          j += 3;
          continue;
        }
        if (CONNECTORS.has(u.text) && j + 1 < to && isCap(doc.tokens[j + 1]!)) {
          // `al Assad`/`bin Laden` are name particles; `of`/`for` join titles and organisations,
          // `and` joins only organisations (`Ministry of Trade and Industry`), never two people.
          const soFar = doc.tokens.slice(start, j).map((x) => x.text);
          const org = soFar.some((w) => lexicon.orgWords.has(w));
          const title = soFar.some((w) => titleWords().has(w));
          if (NAME_PARTICLES.has(u.text) || (u.text === 'and' ? org && !title : org || title)) {
            j++;
            continue;
          }
        }
        break;
      }
      // Do not end on a glued hyphen.
      out.push({
        tokens: doc.tokens.slice(start, j),
        first: start,
        sentenceStart: start === from || /^["'\u201c\u2018(`]+$/.test(doc.tokens[start - 1]?.text ?? ''),
        prev: doc.tokens[start - 1],
        next: doc.tokens[j],
      });
      i = j;
    }
  }
  return out;
}

function textOf(doc: Doc, toks: Token[]): string {
  return doc.text.slice(toks[0]!.start, toks[toks.length - 1]!.end);
}

/** Names of a document with types and canonical forms. */
export function findNames(doc: Doc): NameMention[] {
  const raw: NameMention[] = [];
  for (const r of runs(doc)) {
    let toks = r.tokens;
    // A capitalised sentence opener is only a name if tagged PROPN or known.
    // Sentence openers and function words (`But`, `The`, `Speaking`) are not names, nor
    // common words in capitals for emphasis (`NOT`, `NEVER`).
    while (toks.length && (toks[0]!.text === 'I' || lexicon.notNames.has(toks[0]!.text) || shouted(toks[0]!.text))) toks = toks.slice(1);
    // `Citing Hun Sen ...`: a capitalised verb or adverb opening the sentence is not part of a name.
    if (r.sentenceStart && toks.length > 1 && toks[0] === r.tokens[0] && /^(VERB|ADV|ADP|SCONJ|AUX|PRON|DET)$/.test(toks[0]!.pos)) toks = toks.slice(1);
    // (nor a sentence opener left at its end when a full stop is missing: `in Mexico As concern grew`)
    while (toks.length && (CONNECTORS.has(toks[toks.length - 1]!.text) || (toks.length > 1 && lexicon.notNames.has(toks[toks.length - 1]!.text) && toks[toks.length - 1]!.pos !== 'PROPN'))) toks = toks.slice(0, -1);
    if (!toks.length) continue;
    if (r.sentenceStart && toks === r.tokens && toks.length === 1 && toks[0]!.pos !== 'PROPN' && !known(toks[0]!.text)) continue;
    // `... said Hun Sen.` — a sentence-final period belongs to the sentence, not the name.
    const last = toks[toks.length - 1]!;
    const li = r.first + r.tokens.indexOf(last);
    const nextSentence = doc.sentenceOf[li + 1];
    const after = doc.tokens[li + 1];
    if (/^[A-Z][a-z]+\.$/.test(last.text) && !titleWords().has(last.text) && !lexicon.abbreviations.has(last.text) || /^[A-Z][a-z]+\.$/.test(last.text) && toks.length > 1 && (nextSentence === undefined || nextSentence !== doc.sentenceOf[li] || /^[A-Z]/.test(after?.text ?? ''))) {
      toks = [...toks.slice(0, -1), retext(last, last.text.slice(0, -1), last.end - 1)];
    }
    const m = classify(doc, toks, r);
    if (!m) continue;
    // Unsupported single words at a sentence start (`Activists`, `Prospects`) and compounds
    // such as `UN-backed` are not names.
    if (m.type === 'other' && r.sentenceStart && toks.length === 1) continue;
    if (!/\s/.test(m.text) && /-[a-z]+$/.test(m.text)) continue;
    raw.push(m);
  }
  return canonicalise(withAcronyms(doc.text, raw));
}

/**
 * `the World Health Organization (WHO)`: an acronym defined in brackets after a name stands
 * for that name throughout the article.
 */
function withAcronyms(text: string, ms: NameMention[]): NameMention[] {
  const defined = new Map<string, string>();
  for (const m of ms) {
    if (m.type === 'person' || !m.canonical.includes(' ')) continue;
    const br = /^\s*\(([A-Z]{2,6})\)/.exec(text.slice(m.end, m.end + 12));
    if (br && initialsOf(m.canonical) === br[1]) defined.set(br[1]!, m.canonical);
  }
  if (defined.size === 0) return ms;
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
  return lexicon.places.has(s) || lexicon.orgs.has(s) || aliases().has(s);
}

function classify(doc: Doc, toks: Token[], r: Run): NameMention | undefined {
  const words = toks.map((t) => t.text);
  const whole = textOf(doc, toks).replace(/\s+/g, ' ');
  const span = { start: toks[0]!.start, end: toks[toks.length - 1]!.end };
  const mk = (type: NameType, s = span, text = whole, title?: string): NameMention => {
    const flat = text.replace(/\s+/g, ' ');
    const m: NameMention = { start: s.start, end: s.end, text, type, canonical: aliases().get(flat) ?? flat };
    if (title) m.title = title;
    return m;
  };
  if (words.length === 1 && lexicon.demonyms.has(words[0]!)) return undefined;
  if (words.length >= 2 && otherWords().has(words[words.length - 1]!)) return mk('other');
  if (words.length >= 2 && words.every((w) => /^[A-Z]{2,}(?:-[A-Z]{2,})*$/.test(w) || CONNECTORS.has(w))) return mk('organization');
  if (/^[A-Z]{2,}(?:-[A-Z]{2,})+$/.test(whole)) return mk('organization');
  // A known place by its whole name, even with an organisation word in it (`Soviet Union`).
  if (lexicon.places.has(whole) && !lexicon.orgs.has(whole)) return mk('place');
  if (lexicon.orgs.has(whole) || words.some((w) => lexicon.orgWords.has(w))) {
    // `Foreign Minister Sergei Lavrov`: a title word with a name after it is a person, not an org.
    const p = personAfterTitle(doc, toks);
    if (p) return p;
    // `Senior U.S. State Department (official)`: a rank word before an organisation is not part of it.
    if (toks.length > 2 && RANKS.has(words[0]!)) {
      const rest = toks.slice(1);
      return mk('organization', { start: rest[0]!.start, end: span.end }, textOf(doc, rest).replace(/\s+/g, ' '));
    }
    return mk('organization');
  }
  if (lexicon.places.has(whole) || (aliases().has(whole) && lexicon.places.has(aliases().get(whole)!))) return mk('place');
  if (words.length >= 2 && placeWords().has(words[words.length - 1]!)) return mk('place');
  const p = personAfterTitle(doc, toks);
  if (p) return p;
  if (words.every((w) => titleWords().has(w) || lexicon.demonyms.has(w))) return undefined;
  if (isAcronym(whole) || lexicon.orgs.has(whole)) return mk('organization');
  const nameToks = toks.filter((t) => !CONNECTORS.has(t.text) && t.text !== '-');
  if (nameToks.length >= 2 && nameToks.length <= 4 && !words.some((w) => titleWords().has(w) || lexicon.demonyms.has(w))) {
    // A lower-case role just before the name (`director Helena Fries`, `envoy Kofi Annan`).
    const role = r.prev && /^[a-z]/.test(r.prev.text) && lexicon.titles.has(r.prev.normal) ? r.prev.text : undefined;
    // `in al-Buweida al-Sharqiya`, `near Tal Kalakh`: after in/near/outside a name is a place
    // (unless it owns something: `in Kofi Annan's plan`).
    if (!role && IN_PLACE.has(wordBefore(doc, r.first)) && !/^['\u2019]s$/.test(r.next?.text ?? '')) return mk('place');
    return mk('person', span, whole, role);
  }
  if (words.length === 1) {
    const prev = r.prev?.normal ?? '';
    if (PLACE_PREPS.has(prev)) return mk('place');
    if (prev === 'of' && r.first >= 2 && PLACE_NOUNS.has(doc.tokens[r.first - 2]!.normal)) return mk('place');
    // Preceded by a lower-case role noun (`envoy Kofi`, `spokesman Smith`).
    if (lexicon.titles.has(prev)) return mk('person', span, whole, r.prev!.text);
    if (r.next && SPEECH_HINT.has(r.next.normal) && (!r.sentenceStart || toks[0]!.pos === 'PROPN') && !/s$/.test(whole)) return mk('person');
    return mk('other');
  }
  return mk('other');
}

/** Split `Russian President Vladimir Putin` into title and person name. */
function personAfterTitle(doc: Doc, toks: Token[]): NameMention | undefined {
  // The name is the longest tail of plain capitalised tokens (with glued hyphens/particles).
  let k = toks.length;
  while (k > 0) {
    const t = toks[k - 1]!;
    if (t.text === '-' || NAME_PARTICLES.has(t.text)) {
      k--;
      continue;
    }
    if (titleWords().has(t.text) || lexicon.orgWords.has(t.text) || lexicon.demonyms.has(t.text) || CONNECTORS.has(t.text) || known(t.text) || isAcronym(t.text)) break;
    // Days, months and all-capital words are not parts of a person's name.
    if (lexicon.notNames.has(t.text) || /^[A-Z]{2,}$/.test(t.text)) return undefined;
    k--;
  }
  while (k < toks.length && (toks[k]!.text === '-' || CONNECTORS.has(toks[k]!.text) && !NAME_PARTICLES.has(toks[k]!.text))) k++;
  const name = toks.slice(k);
  const title = toks.slice(0, k);
  if (!name.length || !title.length || name.length > 5) return undefined;
  const hasTitle = title.some((t) => titleWords().has(t.text));
  if (!hasTitle) return undefined;
  const m: NameMention = {
    start: name[0]!.start,
    end: name[name.length - 1]!.end,
    text: textOf(doc, name),
    type: 'person',
    canonical: textOf(doc, name).replace(/\s+/g, ' '),
    title: textOf(doc, title).replace(/\s+/g, ' '),
  };
  return m;
}

/** Give every mention its article-level canonical form: `Putin` → `Vladimir Putin`. */
function canonicalise(ms: NameMention[]): NameMention[] {
  const fullBySurname = new Map<string, string>();
  for (const m of ms) {
    if (m.type !== 'person') continue;
    const parts = m.canonical.split(/\s+/);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1]!;
    const cur = fullBySurname.get(last);
    if (!cur || parts.length > cur.split(/\s+/).length) fullBySurname.set(last, m.canonical);
    // `Assad` also indexes `Bashar al-Assad`.
    const glued = last.split('-').pop()!;
    if (glued !== last && !fullBySurname.has(glued)) fullBySurname.set(glued, m.canonical);
  }
  // `Brennholt` after `Brennholt Minerals` is the company, not a person.
  const orgByFirst = new Map<string, string>();
  for (const m of ms) if (m.type === 'organization' && m.canonical.includes(' ')) orgByFirst.set(m.canonical.split(/\s+/)[0]!, m.canonical);
  for (const m of ms) {
    if (m.type === 'organization' || lexicon.places.has(m.text)) continue;
    const parts = m.canonical.split(/\s+/);
    if (parts.length === 1) {
      const full = fullBySurname.get(parts[0]!);
      const org = orgByFirst.get(parts[0]!);
      if (full) {
        m.type = 'person';
        m.canonical = full;
      } else if (org && !m.title) {
        m.type = 'organization';
        m.canonical = org;
      }
    }
  }
  // A name typed somewhere in the article (`in Lorvik` → place) has that type everywhere in it.
  const typed = new Map<string, NameType>();
  for (const m of ms) if (m.type !== 'other' && !typed.has(m.canonical)) typed.set(m.canonical, m.type);
  for (const m of ms) if (m.type === 'other' && typed.has(m.canonical)) m.type = typed.get(m.canonical)!;
  return ms.sort((a, b) => a.start - b.start);
}
