/**
 * Cited multi-document extractive summary of one story.
 *
 * Method (concept coverage, after Gillick & Favre's ICSISumm, optimised greedily with a
 * budget-aware ratio and then improved by swaps, as in Lin & Bilmes):
 *  - concepts are stemmed word bigrams (not both function words) and content unigrams
 *    (weekdays and `today` count as function words: the day of one report, not the story);
 *    a concept's weight grows with the number of articles that contain it (df^1.5; only
 *    concepts found in several articles count), with how often each of them repeats it, and
 *    with how early the articles first mention it — what many sources report up front is
 *    what the summary covers; copies of one report (wire re-runs) count as one article;
 *  - a set of sentences is worth the weights of the distinct concepts it covers (redundancy
 *    earns nothing) plus a per-word bonus for sentences early in their article (news lead)
 *    and close to the centroid of all sentences;
 *  - sentences that read badly alone are not candidates: questions, quotes, sentences that
 *    start with a pronoun or connective whose antecedent would be missing, very short or
 *    very long ones; nor is a site's boilerplate, repeated word for word across weeks;
 *  - the chosen sentences are ordered by article date, then article, then position, and each
 *    cites its source span and the sentences of other articles that say nearly the same.
 * Pure: articles with their sentences (an AnalyzedArticle, or a prepared Doc via `fromDoc`) in,
 * summary out.
 */
import type { CitedSentence, Corroboration, Sentence } from '../model/types.js';
import { morphStem } from '../eval/rouge.js';
import { deicticWords, stopwords } from './similarity.js';
import { boilerplate } from './boilerplate.js';

/** What the summary needs of an article: its text and sentences (AnalyzedArticle has them). */
export interface SummaryInput {
  id: string;
  text: string;
  sentences: Sentence[];
  published?: string;
  title?: string;
  file?: string;
}

/** A prepared Doc as summary input. */
export function fromDoc(doc: { article: { id: string; text: string; published?: string; title?: string; file?: string }; sentences: Sentence[] }): SummaryInput {
  const a = doc.article;
  return { id: a.id, text: a.text, sentences: doc.sentences, published: a.published, title: a.title, file: a.file };
}

export interface SummaryOptions {
  /** Word budget (whitespace-separated words). Default 100. */
  words?: number;
  /** Sentence budget instead of a word budget. */
  sentences?: number;
  /**
   * Add one more sentence after the word budget is reached, placed last, so the budget is
   * filled exactly once the text is cut at `words` words (as DUC evaluation does with ROUGE
   * `-l`); one chosen sentence may give way to it when its first words add more. Off by
   * default: a summary for reading stays within its budget.
   */
  fill?: boolean;
  /** Smallest similarity (idf-weighted cosine of content stems) for a sentence of another article to corroborate. Default 0.35. */
  corroboration?: number;
}

export type { Corroboration } from '../model/types.js';

/** A summary sentence: a cited source sentence and its length in words. */
export interface SummarySentence extends CitedSentence {
  words: number;
  /** True for the fill sentence that goes past the word budget (`fill` option). */
  overflow?: boolean;
}

export interface Summary {
  sentences: SummarySentence[];
  /** Words in the summary (including an overflow sentence). */
  words: number;
  /** Articles the summary was made from. */
  articles: number;
}

// Parameters: few, and chosen for news in general, not for a data set.
const MIN_WORDS = 8;
const MAX_WORDS = 55;
/** Weight of a content-unigram concept relative to a bigram concept. */
const UNIGRAM_WEIGHT = 0.6;
/** Share of the articles a concept must appear in (at least 2 articles). */
const MIN_DF_SHARE = 0.2;
/** Bonus per word for a sentence at the top of its article, decaying with position. */
const LEAD_BONUS = 3;
/** Exponent of the sentence length in the greedy gain/cost ratio. */
const COST_EXPONENT = 1;
/** Concept weight grows as (articles containing it) to this power. */
const DF_POWER = 1.5;
/** Bonus per word for a sentence's cosine similarity with the centroid of all sentences. */
const CENTRALITY = 10;
/** Concept weight grows as (mentions per article containing it) to this power. */
const TF_POWER = 0.5;
/** Concept weight is divided by 1 + (mean sentence index of its first mention) / this. */
const POS_SCALE = 10;
/**
 * Two articles count as copies of one report (a wire story and its re-runs) from this share of
 * the smaller one's concepts found in the other, fully at 100%.
 */
const COPY_OVERLAP = 0.8;

/** Words that make a sentence depend on context it does not carry when they open it. */
const DEPENDENT_OPENERS = new Set([
  'but', 'and', 'or', 'so', 'yet', 'nor', 'he', 'she', 'it', 'they', 'his', 'her', 'its', 'their',
  'him', 'them', 'this', 'these', 'those', 'that', 'also', 'however', 'meanwhile', 'still',
  'instead', 'moreover', 'furthermore', 'besides', 'thus', 'hence', 'otherwise', 'nevertheless',
  'nonetheless', 'then', 'such', 'there', 'here', 'both', 'another', 'later', 'earlier',
]);

interface Unit {
  doc: number;
  sentence: Sentence;
  text: string;
  /** Whitespace-separated words (what a word budget counts). */
  words: number;
  /** Stem ids of the terms, in order (ROUGE's tokens: a word like `U.S.-led` gives several). */
  stems: Int32Array;
  /** Function-word flag per term. */
  stop: Uint8Array;
  /** Number of terms in the first k words is `wordEnd[k - 1]`. */
  wordEnd: Int32Array;
  /** Distinct concept ids of the sentence, in the order they first appear. */
  concepts: Int32Array;
  /** Terms needed to cover each of `concepts` (its first appearance ends there). */
  conceptEnds: Int32Array;
  candidate: boolean;
  lead: number;
  /** Sentence-level bonus: lead position and centrality, per word. */
  prior: number;
}

/** Stems interned to small integers for one summary run. */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly numeric: boolean[] = [];
  id(stem: string): number {
    let k = this.ids.get(stem);
    if (k === undefined) {
      k = this.ids.size;
      this.ids.set(stem, k);
      this.numeric.push(/^\d+$/.test(stem));
    }
    return k;
  }
}

/** Summarise the articles of one story. */
export function summarize(docs: SummaryInput[], opts: SummaryOptions = {}): Summary {
  const budget = opts.words ?? 100;
  const maxSentences = opts.sentences;
  const vocab = new Vocabulary();
  const units = makeUnits(docs, vocab);
  for (const u of boilerplate(units, (u) => u.doc, (d) => docs[d]!.published)) u.candidate = false;
  const weights = conceptWeights(units, docs.length);

  const similar = corroborator(units, docs.length, vocab);
  const centrality = similar.centrality();
  for (const u of units) u.prior = (LEAD_BONUS * u.lead + CENTRALITY * centrality(u)) * u.words;
  const pool = units.filter((u) => u.candidate);
  let chosen = select(pool, weights, budget, maxSentences);
  let overflow: Unit | undefined;
  if (opts.fill && maxSentences === undefined) ({ chosen, overflow } = fillBudget(pool, chosen, weights, budget));

  const ordered = introducedFirst([...chosen].sort((a, b) => compareUnits(docs, a, b)), (u) => docs[u.doc]!.published ?? '');
  if (overflow) ordered.push(overflow);
  const minSim = opts.corroboration ?? 0.35;
  const sentences: SummarySentence[] = ordered.map((u) => {
    const a = docs[u.doc]!;
    const best = new Map<number, Corroboration>();
    for (const o of units) {
      if (o.doc === u.doc || docs[o.doc]!.id === a.id) continue;
      const sim = similar.cosine(u, o);
      const prev = best.get(o.doc);
      if (sim >= minSim && (!prev || sim > prev.similarity)) {
        best.set(o.doc, { article: docs[o.doc]!.id, start: o.sentence.start, end: o.sentence.end, similarity: round3(sim) });
      }
    }
    const corroborations = [...best.values()].sort((x, y) => y.similarity - x.similarity || x.article.localeCompare(y.article));
    const s: SummarySentence = {
      source: { article: a.id, start: u.sentence.start, end: u.sentence.end },
      text: u.text,
      sentence: u.sentence.index,
      words: u.words,
      corroborations,
    };
    if (a.title) s.title = a.title;
    if (a.published) s.published = a.published;
    if (a.file) s.file = a.file;
    if (u === overflow) s.overflow = true;
    return s;
  });
  return { sentences, words: sentences.reduce((n, s) => n + s.words, 0), articles: docs.length };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function compareUnits(docs: SummaryInput[], a: Unit, b: Unit): number {
  const da = docs[a.doc]!.published ?? '';
  const db = docs[b.doc]!.published ?? '';
  if (da !== db) return da < db ? -1 : 1;
  if (a.doc !== b.doc) return a.doc - b.doc;
  return a.sentence.start - b.sentence.start;
}

/**
 * Within one day, a sentence naming someone in full (`France's new president, Francois
 * Hollande, …`) goes before one that names them by surname only (`Hollande said …`), so the
 * summary introduces people before it refers to them. Otherwise the order is kept.
 */
export function introducedFirst<T extends { text: string }>(units: T[], day: (u: T) => string): T[] {
  const out = [...units];
  const fullNames = units.map((u) => new Set([...u.text.matchAll(FULL_NAME)].map((m) => m[2]!)));
  const surnames = units.map((u) => new Set([...u.text.matchAll(LONE_NAME)].map((m) => m[1]!)));
  // (x only refers to a name y introduces)
  const needs = (x: number, y: number) => [...fullNames[y]!].some((n) => surnames[x]!.has(n) && !fullNames[x]!.has(n));
  const moved = new Set<T>();
  for (let i = 0; i < out.length; i++) {
    // The first later sentence of the same day that introduces a name this one only refers to
    // moves before it, once, and not when each needs the other.
    const a = out[i]!;
    const ai = units.indexOf(a);
    for (let j = i + 1; j < out.length && day(out[j]!) === day(a); j++) {
      const b = out[j]!;
      const bi = units.indexOf(b);
      if (moved.has(b) || !needs(ai, bi) || needs(bi, ai)) continue;
      moved.add(b);
      out.splice(i, 0, ...out.splice(j, 1));
      i--;
      break;
    }
  }
  return out;
}
/** `Francois Hollande`: capitalised words before a surname (group 2). */
const FULL_NAME = /\b(\p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+)*) (\p{Lu}\p{Ll}{2,})\b/gu;
/** A capitalised word standing alone, not after another one (`… said Hollande`, `Hollande said`). */
const LONE_NAME = /(?<!\p{Lu}[\p{L}.]* |\p{L})(\p{Lu}\p{Ll}{2,})\b(?! \p{Lu})/gu;

// ---------------------------------------------------------------------------------------------

function makeUnits(docs: SummaryInput[], vocab: Vocabulary): Unit[] {
  const units: Unit[] = [];
  const stopSet = stopwords();
  const deictic = deicticWords();
  const stems: number[] = [];
  const stop: number[] = [];
  const wordEnd: number[] = [];
  docs.forEach((doc, d) => {
    doc.sentences.forEach((s, i) => {
      const text = doc.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
      stems.length = 0;
      stop.length = 0;
      wordEnd.length = 0;
      if (text.length > 0) {
        for (const raw of text.split(' ')) {
          // ROUGE's tokens: lower-case, split at every non-alphanumeric character.
          for (const piece of raw.toLowerCase().split(/[^a-z0-9]+/)) {
            if (piece.length === 0) continue;
            stems.push(vocab.id(piece.length > 3 ? morphStem(piece) : piece));
            stop.push(stopSet.has(piece) || deictic.has(piece) ? 1 : 0);
          }
          wordEnd.push(stems.length);
        }
      }
      const words = wordEnd.length;
      units.push({
        doc: d,
        sentence: s,
        text,
        words,
        stems: Int32Array.from(stems),
        stop: Uint8Array.from(stop),
        wordEnd: Int32Array.from(wordEnd),
        concepts: new Int32Array(0),
        conceptEnds: new Int32Array(0),
        candidate: isCandidate(text, words),
        lead: 1 / (1 + i),
        prior: 0,
      });
    });
  });
  return units;
}

/** A sentence that can stand alone in a summary. */
export function isCandidate(text: string, words: number): boolean {
  if (words < MIN_WORDS || words > MAX_WORDS) return false;
  if (/\?["'\u201d\u2019]*$/.test(text)) return false; // a question
  // Opens with a quote: a voice, not a report of what happened (and often cut from its speaker).
  if (/^[`"'\u201c\u2018]/.test(text)) return false;
  // Ends in a quote (`... likened it to a ``gas chamber.''`): it closes on a source's words.
  if (/(''|\u201d|")$/.test(text)) return false;
  if (/^\(/.test(text)) return false; // an aside
  if (/^[a-z]/.test(text)) return false; // a fragment cut from its sentence
  if (/^(I|We|You|My|Our)\b/.test(text)) return false; // first person: a quote cut from its speaker
  if (!balancedQuotes(text)) return false; // a piece of a quote
  if (!/[.!"'\u201d\u2019)]$/.test(text)) return false; // not a finished sentence (heading, caption)
  const first = (/^[A-Za-z]+/.exec(text)?.[0] ?? '').toLowerCase();
  if (DEPENDENT_OPENERS.has(first)) return false;
  // A quote whose speaker is only a pronoun (`..., he said.`).
  if (/["\u201d']{1,2}\s*,?\s*(he|she|they|it)\s+(said|says|added|told)/i.test(text)) return false;
  return true;
}

/** Opening and closing quote marks pair up (DUC's `` '' and typographic or straight quotes). */
function balancedQuotes(text: string): boolean {
  const open = (text.match(/``|\u201c/g) ?? []).length;
  const close = (text.match(/''|\u201d/g) ?? []).length;
  const straight = (text.replace(/``|''/g, '').match(/"/g) ?? []).length;
  return open === close && straight % 2 === 0;
}

const BIGRAM = 2 ** 21;

/**
 * Concept keys of a unit: content unigrams (key = stem id) and bigrams not made of two function
 * words (key = BIGRAM + a * BIGRAM + b), each with the number of terms that covers it, in order.
 */
function conceptKeys(u: Unit, keys: number[], ends: number[]): void {
  keys.length = 0;
  ends.length = 0;
  const n = u.stems.length;
  for (let i = 0; i < n; i++) {
    const a = u.stems[i]!;
    if (u.stop[i] === 0) {
      keys.push(a);
      ends.push(i + 1);
    }
    if (i + 1 < n && !(u.stop[i] === 1 && u.stop[i + 1] === 1)) {
      keys.push(BIGRAM + a * BIGRAM + u.stems[i + 1]!);
      ends.push(i + 2);
    }
  }
}

/** Concept ids per unit (with where they end), and concept weights (grow with the articles that contain them). */
function conceptWeights(units: Unit[], nDocs: number): Float64Array {
  const ids = new Map<number, number>();
  const isBigram: boolean[] = [];
  const keys: number[] = [];
  const ends: number[] = [];
  // One entry per concept and article (units come article by article): mentions, first sentence.
  const lastDoc: number[] = [];
  const entryOf: number[] = [];
  const entryConcept: number[] = [];
  const entryDoc: number[] = [];
  const entryMentions: number[] = [];
  const entryFirst: number[] = [];
  for (const u of units) {
    const first = new Map<number, number>();
    conceptKeys(u, keys, ends);
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j]!;
      let k = ids.get(key);
      if (k === undefined) {
        k = ids.size;
        ids.set(key, k);
        isBigram.push(key >= BIGRAM);
        lastDoc.push(-1);
        entryOf.push(-1);
      }
      if (!first.has(k)) first.set(k, ends[j]!);
      if (lastDoc[k] !== u.doc) {
        lastDoc[k] = u.doc;
        entryOf[k] = entryConcept.length;
        entryConcept.push(k);
        entryDoc.push(u.doc);
        entryMentions.push(0);
        entryFirst.push(u.sentence.index);
      }
      entryMentions[entryOf[k]!]!++;
    }
    u.concepts = Int32Array.from(first.keys());
    u.conceptEnds = Int32Array.from(first.values());
  }
  const perDoc: number[][] = Array.from({ length: nDocs }, () => []);
  entryConcept.forEach((k, e) => perDoc[entryDoc[e]!]!.push(k));
  const share = sourceShares(perDoc, ids.size);
  const df = new Float64Array(ids.size);
  const tf = new Float64Array(ids.size);
  const firstPos = new Float64Array(ids.size);
  for (let e = 0; e < entryConcept.length; e++) {
    const k = entryConcept[e]!;
    const w = share[entryDoc[e]!]!;
    df[k]! += w;
    tf[k]! += w * entryMentions[e]!;
    firstPos[k]! += w * entryFirst[e]!;
  }
  // df sums the articles' source shares, so allow for rounding in the comparison.
  const minDf = Math.max(2, Math.round(MIN_DF_SHARE * nDocs)) - 1e-9;
  const weights = new Float64Array(ids.size);
  for (let c = 0; c < ids.size; c++) {
    const d = df[c]!;
    if (d < minDf) continue;
    let w = (isBigram[c] ? 1 : UNIGRAM_WEIGHT) * Math.pow(d, DF_POWER);
    w *= Math.pow(tf[c]! / d, TF_POWER);
    w /= 1 + firstPos[c]! / d / POS_SCALE;
    weights[c] = w;
  }
  return weights;
}

/**
 * How much each article counts as an independent source: 1 / (the number of articles it is a
 * copy of, itself included; near-copies count in part). What ten re-runs of one wire story
 * say is one source's report, not ten. `perDoc` holds each article's distinct concept ids.
 */
function sourceShares(perDoc: number[][], nConcepts: number): number[] {
  const copies = perDoc.map(() => 1);
  const mark = new Int32Array(nConcepts).fill(-1);
  for (let b = 0; b < perDoc.length; b++) {
    for (const k of perDoc[b]!) mark[k] = b;
    for (let a = 0; a < b; a++) {
      const smaller = Math.min(perDoc[a]!.length, perDoc[b]!.length);
      if (smaller === 0) continue;
      let shared = 0;
      for (const k of perDoc[a]!) if (mark[k] === b) shared++;
      const copy = Math.max(0, (shared / smaller - COPY_OVERLAP) / (1 - COPY_OVERLAP));
      copies[a]! += copy;
      copies[b]! += copy;
    }
  }
  return copies.map((c) => 1 / c);
}

/**
 * Similarity of two sentences for corroboration: cosine of their content-stem vectors weighted
 * by inverse document frequency (numbers left out: they differ between reports of one fact).
 */
function corroborator(units: Unit[], nDocs: number, vocab: Vocabulary): { cosine: (a: Unit, b: Unit) => number; centrality: () => (u: Unit) => number } {
  const df = new Int32Array(vocab.ids.size);
  const last = new Int32Array(vocab.ids.size).fill(-1);
  for (const u of units) {
    for (let i = 0; i < u.stems.length; i++) {
      const t = u.stems[i]!;
      if (u.stop[i] === 1 || last[t] === u.doc) continue;
      last[t] = u.doc;
      df[t]!++;
    }
  }
  const vectors = new Map<Unit, { v: Map<number, number>; norm: number }>();
  const vec = (u: Unit) => {
    let e = vectors.get(u);
    if (!e) {
      const v = new Map<number, number>();
      for (let i = 0; i < u.stems.length; i++) {
        const t = u.stems[i]!;
        if (u.stop[i] === 1 || vocab.numeric[t]) continue;
        v.set(t, (v.get(t) ?? 0) + 1);
      }
      let norm = 0;
      for (const [t, x] of v) {
        const w = x * (Math.log((nDocs + 1) / Math.max(1, df[t]!)) + 1);
        v.set(t, w);
        norm += w * w;
      }
      vectors.set(u, (e = { v, norm: Math.sqrt(norm) }));
    }
    return e;
  };
  const cosine = (a: Unit, b: Unit) => {
    const x = vec(a);
    const y = vec(b);
    if (x.norm === 0 || y.norm === 0) return 0;
    const [small, big] = x.v.size <= y.v.size ? [x.v, y.v] : [y.v, x.v];
    let dot = 0;
    for (const [t, w] of small) {
      const z = big.get(t);
      if (z !== undefined) dot += w * z;
    }
    return dot / (x.norm * y.norm);
  };
  /** Cosine of each sentence with the centroid of all sentences (normalised vectors summed). */
  const centrality = () => {
    const centroid = new Map<number, number>();
    for (const u of units) {
      const e = vec(u);
      if (e.norm === 0) continue;
      for (const [t, w] of e.v) centroid.set(t, (centroid.get(t) ?? 0) + w / e.norm);
    }
    let norm = 0;
    for (const w of centroid.values()) norm += w * w;
    norm = Math.sqrt(norm);
    return (u: Unit) => {
      const e = vec(u);
      if (e.norm === 0 || norm === 0) return 0;
      let dot = 0;
      for (const [t, w] of e.v) dot += w * (centroid.get(t) ?? 0);
      return dot / (e.norm * norm);
    };
  };
  return { cosine, centrality };
}

/** Credit for a concept already covered `n` times: only the first mention counts (no redundancy). */
function credit(n: number): number {
  return n === 0 ? 1 : 0;
}

function gainOf(u: Unit, covered: Uint8Array, weights: Float64Array): number {
  let g = 0;
  for (const c of u.concepts) g += weights[c]! * credit(covered[c]!);
  return g + u.prior;
}

function objective(set: Unit[], weights: Float64Array): number {
  const covered = new Uint8Array(weights.length);
  let v = 0;
  for (const u of set) {
    for (const c of u.concepts) {
      v += weights[c]! * credit(covered[c]!);
      covered[c]!++;
    }
    v += u.prior;
  }
  return v;
}

/** Greedy selection by gain per word under the budget, then improving swaps. */
function select(pool: Unit[], weights: Float64Array, budget: number, maxSentences?: number): Unit[] {
  const covered = new Uint8Array(weights.length);
  const chosen: Unit[] = [];
  const taken = new Set<Unit>();
  let used = 0;
  const fits = (u: Unit, usedWords: number, count: number) =>
    maxSentences !== undefined ? count < maxSentences : usedWords + u.words <= budget;
  for (;;) {
    let best: Unit | undefined;
    let bestScore = 0;
    for (const u of pool) {
      if (taken.has(u) || !fits(u, used, chosen.length)) continue;
      const g = gainOf(u, covered, weights);
      const score = maxSentences !== undefined ? g : g / Math.pow(u.words, COST_EXPONENT);
      if (score > bestScore) {
        bestScore = score;
        best = u;
      }
    }
    if (!best) break;
    chosen.push(best);
    taken.add(best);
    used += best.words;
    for (const c of best.concepts) covered[c]!++;
  }
  // Swaps: replace one chosen sentence by the one that raises the objective most.
  let value = objective(chosen, weights);
  const cov = new Uint8Array(weights.length);
  for (let pass = 0; pass < 3; pass++) {
    let improved = false;
    for (let i = 0; i < chosen.length; i++) {
      const rest = chosen.filter((_, k) => k !== i);
      const restWords = rest.reduce((n, u) => n + u.words, 0);
      cov.fill(0);
      let restValue = 0;
      for (const r of rest) {
        for (const c of r.concepts) {
          restValue += weights[c]! * credit(cov[c]!);
          cov[c]!++;
        }
        restValue += r.prior;
      }
      let best: Unit | undefined;
      let bestValue = value + 1e-9;
      for (const u of pool) {
        if (taken.has(u) || !fits(u, restWords, rest.length)) continue;
        const v = restValue + gainOf(u, cov, weights);
        if (v > bestValue) {
          bestValue = v;
          best = u;
        }
      }
      if (best) {
        taken.delete(chosen[i]!);
        taken.add(best);
        chosen[i] = best;
        value = bestValue;
        improved = true;
      }
    }
    // Room left after swaps: add what still fits.
    let usedNow = chosen.reduce((n, u) => n + u.words, 0);
    for (;;) {
      cov.fill(0);
      for (const c of chosen) for (const k of c.concepts) cov[k]!++;
      let best: Unit | undefined;
      let bestScore = 0;
      for (const u of pool) {
        if (taken.has(u) || !fits(u, usedNow, chosen.length)) continue;
        const s = gainOf(u, cov, weights) / Math.pow(u.words, COST_EXPONENT);
        if (s > bestScore) {
          bestScore = s;
          best = u;
        }
      }
      if (!best) break;
      chosen.push(best);
      taken.add(best);
      usedNow += best.words;
      value = objective(chosen, weights);
      improved = true;
    }
    if (!improved) break;
  }
  return chosen;
}

/** Gain of the first `room` words of a unit (the concepts those words cover). */
function prefixGain(u: Unit, room: number, covered: Uint8Array, weights: Float64Array): number {
  if (u.words <= room) return gainOf(u, covered, weights);
  const terms = u.wordEnd[room - 1]!;
  let g = 0;
  for (let j = 0; j < u.concepts.length && u.conceptEnds[j]! <= terms; j++) {
    const c = u.concepts[j]!;
    g += weights[c]! * credit(covered[c]!);
  }
  return g;
}

/**
 * The last sentence, cut where the budget ends (`fill`): the one whose first words add the most
 * to the chosen sentences — or to the chosen sentences less one, when dropping one leaves room
 * for a last sentence that adds more than the dropped one did.
 */
function fillBudget(pool: Unit[], chosen: Unit[], weights: Float64Array, budget: number): { chosen: Unit[]; overflow?: Unit } {
  let best: { chosen: Unit[]; overflow?: Unit } = { chosen };
  let bestValue = objective(chosen, weights);
  const covered = new Uint8Array(weights.length);
  for (let drop = -1; drop < chosen.length; drop++) {
    const rest = drop < 0 ? chosen : chosen.filter((_, k) => k !== drop);
    const room = budget - rest.reduce((n, u) => n + u.words, 0);
    if (room <= 0) continue;
    covered.fill(0);
    for (const c of rest) for (const k of c.concepts) covered[k]!++;
    const value = objective(rest, weights);
    for (const u of pool) {
      if (chosen.includes(u)) continue;
      // After a drop, only a sentence that reaches the end of the budget: else nothing changed.
      if (drop >= 0 && u.words < room) continue;
      const v = value + prefixGain(u, room, covered, weights);
      if (v > bestValue) {
        bestValue = v;
        best = { chosen: rest, overflow: u };
      }
    }
  }
  return best;
}
