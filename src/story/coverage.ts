/**
 * Coverage: which facts each source reports, and what only one source reports.
 *
 * A fact is a sentence worth reporting, clustered with the sentences of other articles that
 * say nearly the same (idf-weighted cosine of stemmed content words >= `similarity`). Pairs are
 * found through an inverted index of stems (candidates must share two uncommon stems), so the
 * work grows with the overlap, not with the square of the number of sentences. A fact reported
 * by one article only is flagged as unique; each article's most salient unique facts (words the
 * story shares, names, numbers, early position) are listed.
 * Pure: analysed articles in, coverage out.
 */
import type { AnalyzedArticle, Sentence, SourceSpan, Span } from '../model/types.js';
import { stopwords } from './similarity.js';
import { boilerplate } from './boilerplate.js';
import { morphStem } from '../eval/rouge.js';

/** One fact and the articles reporting it. */
export interface Fact {
  /** Stable within a comparison: `f1`, `f2` ... in output order. */
  id: string;
  /** The fact in the words of its earliest report. */
  text: string;
  /** Article ids reporting it, in input order. */
  articles: string[];
  /** The sentence of each report. */
  cites: SourceSpan[];
}

export interface Coverage {
  /** Facts reported by two or more articles, most reported first. */
  facts: Fact[];
  /** Salient facts reported by one article only. */
  unique: Array<{ article: string; fact: Fact }>;
  /** Per article: shared facts it reports and unique facts found. */
  perArticle: Array<{ article: string; facts: number; unique: number }>;
}

export interface CoverageOptions {
  /** Smallest cosine for two sentences to state one fact. Default 0.35. */
  similarity?: number;
  /** Unique facts listed per article. Default 3. */
  uniquePerArticle?: number;
  /** Shared facts kept (most reported first). Default 40. */
  maxFacts?: number;
  /**
   * Sentences of each article considered (from the top). Default 60: news puts its facts
   * first, and very long articles (features, live blogs) would otherwise dominate the cost.
   */
  maxSentences?: number;
}

interface Unit {
  article: number;
  index: number;
  start: number;
  end: number;
  text: string;
  stems: Map<string, number>;
  names: number;
  numbers: number;
}

/** A sentence that can stand alone as a fact. */
function factWorthy(a: AnalyzedArticle, text: string, speakers: Span[]): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < 8 || words > 90) return false;
  if (/\?["'\u201d\u2019]*$/.test(text)) return false; // a question
  if (!/^[\p{Lu}\p{N}"'\u201c\u2018`]/u.test(text)) return false; // a fragment
  const marks = (text.match(/["\u201c\u201d]/g) ?? []).length;
  // the second half of a quote that began in the sentence before
  if (marks % 2 === 1 && !/^["\u201c]/.test(text)) return false;
  if (/^["'\u201c\u2018`]/.test(text) || marks % 2 === 1) {
    // A quote paragraph stands alone only with its speaker named in it (`"...," said Gatilov.`)
    if (!speakers.some((sp) => !/^(?:he|she|they|it|we|i)$/i.test(a.text.slice(sp.start, sp.end)))) return false;
  }
  return true;
}

/**
 * A sentence's text with its attributions (speaker and speech verb: `Doug Suttles, chief
 * operating officer, said`) blanked out: two quotes of one speaker are not one fact because
 * they share his name and title.
 */
function withoutAttribution(a: AnalyzedArticle, start: number, end: number, spans: Span[]): string {
  let text = a.text.slice(start, end);
  for (const sp of spans) {
    if (sp.end <= start || sp.start >= end) continue;
    const s0 = Math.max(sp.start, start) - start;
    const s1 = Math.min(sp.end, end) - start;
    text = text.slice(0, s0) + ' '.repeat(s1 - s0) + text.slice(s1);
  }
  return text;
}

/** Spans per sentence position (by where each span starts). */
function bySentence(sentences: Sentence[], spans: Span[]): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  for (const sp of spans) {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= sp.start) lo = mid;
      else hi = mid - 1;
    }
    if (!sentences[lo]) continue;
    let l = out.get(lo);
    if (!l) out.set(lo, (l = []));
    l.push(sp);
  }
  return out;
}

const stemCache = new Map<string, string>();
/** Content stems as `similarity.contentStems` gives them, with the stemmer's results cached. */
function stemsOf(text: string): string[] {
  const stop = stopwords();
  const out: string[] = [];
  for (const piece of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (piece.length === 0 || stop.has(piece)) continue;
    let st = stemCache.get(piece);
    if (st === undefined) {
      st = piece.length > 3 ? morphStem(piece) : piece;
      if (stemCache.size < 200_000) stemCache.set(piece, st);
    }
    if (!/^\d+$/.test(st)) out.push(st);
  }
  return out;
}

/** Facts across articles with the articles reporting each. */
export function findCoverage(articles: AnalyzedArticle[], options: CoverageOptions = {}): Coverage {
  const minSim = options.similarity ?? 0.35;
  const perArticle = options.uniquePerArticle ?? 3;
  const maxFacts = options.maxFacts ?? 40;
  const maxSentences = options.maxSentences ?? 60;
  let units: Unit[] = [];
  articles.forEach((a, ai) => {
    const numbersIn = new Map<number, number>();
    for (const x of a.numbers) numbersIn.set(x.sentence, (numbersIn.get(x.sentence) ?? 0) + 1);
    let ni = 0;
    const speakers = bySentence(a.sentences, a.quotes.flatMap((q) => (q.speaker?.canonical ? [q.speaker.span] : [])));
    const attributions = bySentence(a.sentences, a.quotes.flatMap((q) => [q.speaker?.span, q.cue].filter((x): x is Span => Boolean(x))));
    for (let si = 0; si < Math.min(a.sentences.length, maxSentences); si++) {
      const s = a.sentences[si]!;
      // names are in text order: count this sentence's with a moving pointer
      while (ni < a.names.length && a.names[ni]!.start < s.start) ni++;
      let names = 0;
      for (let x = ni; x < a.names.length && a.names[x]!.start < s.end; x++) names++;
      const text = a.text.slice(s.start, s.end).trim();
      if (!factWorthy(a, text, speakers.get(si) ?? [])) continue;
      const stems = new Map<string, number>();
      for (const t of stemsOf(withoutAttribution(a, s.start, s.end, attributions.get(si) ?? []))) stems.set(t, (stems.get(t) ?? 0) + 1);
      if (stems.size < 4) continue;
      units.push({ article: ai, index: si, start: s.start, end: s.end, text, stems, names, numbers: numbersIn.get(si) ?? 0 });
    }
  });
  // A site's boilerplate (a background box repeated for weeks) is no fact of the story.
  const plate = new Set(boilerplate(units, (u) => u.article, (d) => articles[d]!.published));
  if (plate.size) units = units.filter((u) => !plate.has(u));
  // Document frequency of stems over articles (for idf and salience).
  const df = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const u of units) {
    for (const t of u.stems.keys()) {
      if (seen.get(t) === u.article) continue;
      seen.set(t, u.article);
      df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const n = articles.length;
  const idfs = new Map<string, number>();
  for (const [t, d] of df) idfs.set(t, Math.log((n + 1) / (d + 0.5)));
  const idf = (t: string) => idfs.get(t) ?? 0;
  const norms = units.map((u) => Math.sqrt([...u.stems].reduce((s, [t, x]) => s + (x * idf(t)) ** 2, 0)));
  // Inverted index over uncommon stems only: common stems (in over a tenth of the articles)
  // weigh little in the idf cosine and would make candidate generation quadratic.
  const common = (t: string) => (df.get(t) ?? 0) > Math.max(3, n / 10);
  const postings = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const t of u.stems.keys()) {
      if (common(t)) continue;
      let l = postings.get(t);
      if (!l) postings.set(t, (l = []));
      l.push(i);
    }
  });
  const cosine = (i: number, j: number): number => {
    const u = units[i]!;
    const v = units[j]!;
    let dot = 0;
    for (const [t, x] of u.stems) {
      const y = v.stems.get(t);
      if (y !== undefined) dot += x * y * idf(t) ** 2;
    }
    return norms[i]! > 0 && norms[j]! > 0 ? dot / (norms[i]! * norms[j]!) : 0;
  };
  const links: Array<[number, number, number]> = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const shared = new Map<number, number>();
    for (const t of u.stems.keys()) {
      const l = postings.get(t);
      if (!l || l.length > 150) continue;
      for (const j of l) if (j > i && units[j]!.article !== u.article) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, k] of shared) {
      if (k < 2) continue;
      const cos = cosine(i, j);
      if (cos >= minSim) links.push([cos, i, j]);
    }
  }
  // Strongest links first; two clusters join only when their seeds (first sentences) are
  // similar to each other and to the linked sentences, so a chain of loosely similar sentences
  // does not become one "fact".
  links.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const parent = units.map((_, i) => i);
  const seed = units.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const [, i, j] of links) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    const si = seed[ri]!;
    const sj = seed[rj]!;
    if ((si !== i || sj !== j) && (cosine(si, sj) < minSim || cosine(i, sj) < minSim || cosine(j, si) < minSim)) continue;
    parent[rj] = ri;
    seed[ri] = Math.min(si, sj);
  }
  const clusters = new Map<number, number[]>();
  units.forEach((_, i) => {
    const r = find(i);
    let l = clusters.get(r);
    if (!l) clusters.set(r, (l = []));
    l.push(i);
  });
  const date = (ai: number) => articles[ai]!.published ?? '9999';
  const toFact = (members: number[]): Fact => {
    const sorted = [...members].sort((x, y) => date(units[x]!.article).localeCompare(date(units[y]!.article)) || units[x]!.article - units[y]!.article || units[x]!.index - units[y]!.index);
    // The fact in the words of its earliest article's fullest sentence.
    const earliest = sorted.filter((m) => units[m]!.article === units[sorted[0]!]!.article);
    const first = units[earliest.reduce((b, m) => (units[m]!.stems.size > units[b]!.stems.size ? m : b), earliest[0]!)]!;
    const arts = [...new Set(members.map((m) => units[m]!.article))].sort((x, y) => x - y);
    return {
      id: '',
      text: first.text,
      articles: arts.map((ai) => articles[ai]!.id),
      cites: sorted.map((m) => ({ article: articles[units[m]!.article]!.id, start: units[m]!.start, end: units[m]!.end })),
    };
  };
  const shared: Fact[] = [];
  const singles: number[] = [];
  for (const members of clusters.values()) {
    const arts = new Set(members.map((m) => units[m]!.article));
    if (arts.size >= 2) shared.push(toFact(members));
    else singles.push(...members);
  }
  shared.sort((x, y) => y.articles.length - x.articles.length || x.cites[0]!.article.localeCompare(y.cites[0]!.article) || x.cites[0]!.start - y.cites[0]!.start);
  const facts = shared.slice(0, maxFacts);
  facts.forEach((f, i) => (f.id = `f${i + 1}`));
  // Salient unique facts: news no other article carries (stems found in this article only),
  // tied to the story (stems other articles use too), with who and how many.
  const salience = (u: Unit) => {
    let novel = 0;
    let story = 0;
    for (const t of u.stems.keys()) {
      if ((df.get(t) ?? 0) >= 2) story++;
      else novel++;
    }
    return 2 * novel + Math.min(story, 6) + Math.min(u.names, 3) + Math.min(u.numbers, 2);
  };
  const unique: Coverage['unique'] = [];
  const byArticle = new Map<number, number[]>();
  for (const i of singles) {
    let l = byArticle.get(units[i]!.article);
    if (!l) byArticle.set(units[i]!.article, (l = []));
    l.push(i);
  }
  let next = facts.length + 1;
  articles.forEach((a, ai) => {
    const scored = (byArticle.get(ai) ?? []).map((i) => ({ i, s: salience(units[i]!) }));
    const mine = scored.sort((x, y) => y.s - x.s || units[x.i]!.index - units[y.i]!.index).slice(0, perArticle).map((x) => x.i);
    mine.sort((x, y) => units[x]!.index - units[y]!.index);
    for (const i of mine) {
      const f = toFact([i]);
      f.id = `f${next++}`;
      unique.push({ article: a.id, fact: f });
    }
  });
  const counts = articles.map((a) => ({
    article: a.id,
    facts: facts.filter((f) => f.articles.includes(a.id)).length,
    unique: (byArticle.get(articles.indexOf(a)) ?? []).length,
  }));
  return { facts, unique, perArticle: counts };
}
