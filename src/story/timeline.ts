/**
 * The story's timeline: the key dates, each with a few sentences saying what happened that day,
 * every sentence a span of its source article plus the articles that corroborate it.
 *
 * Method (date-wise, after news-tls DATEWISE, Ghalandari & Ifrim 2020, without its trained
 * date ranker):
 *  - every sentence is tied to the days it names ("on Friday", "May 25", "yesterday"),
 *    resolved against its article's publication date; sentences near the top of an article
 *    that name no day are tied to the publication day;
 *  - a day's importance is how many articles name it (more when they recall it weeks later,
 *    less when it is still to come or is their own publication day) plus how many articles
 *    were published that day; sentences far from the story as a whole do not count; the top
 *    N days (within `from`..`to`) are the timeline's dates;
 *  - per date, the candidate sentences (those that name the day, not merely as the reference
 *    point of something else, and those near the top of articles published that day) are
 *    ranked by closeness to the date's centroid (mostly the day's own coverage), preferring
 *    sentences that name the day, close to the story, and not long; up to K are taken, the
 *    further ones only when they score near the best, none too close to a sentence already
 *    in the timeline. Page furniture glued to a sentence (time stamps, wire datelines, photo
 *    credits) is cut from its span.
 * Pure: prepared documents in, timeline out.
 */
import type { CitedSentence, Corroboration, SourceSpan, TimeMention } from '../model/types.js';
import type { Doc } from '../analyze/doc.js';
import { stopwords } from './similarity.js';
import { morphStem } from '../eval/rouge.js';
import { isCandidate } from './summary.js';
import { dayTime, daysBetween, findDayRefs, type DayRef } from './timeline-dates.js';
import { hasFurniture, leadTrim } from './timeline-text.js';

export interface TimelineOptions {
  /** Number of dates (default: from the number of articles, 6 for a handful, up to 30). */
  dates?: number;
  /** Sentences per date (default 2 for a few articles, 1 for many). */
  perDate?: number;
  /** First eligible date `YYYY-MM-DD`. */
  from?: string;
  /** Last eligible date `YYYY-MM-DD`. */
  to?: string;
  /** Smallest cosine similarity (tf-idf) for a sentence of another article to corroborate. Default 0.4. */
  corroboration?: number;
  /**
   * Time expressions per document (e.g. `AnalyzedArticle.times`) to take day references from,
   * instead of the timeline's own resolver.
   */
  times?: TimeMention[][];
}

/** Kept for callers of the earlier name. */
export type TimelineCorroboration = Corroboration;

/** A timeline sentence: a cited source sentence, and where it names the entry's date. */
export interface TimelineSentence extends CitedSentence {
  /** Where the sentence names the entry's date, when it does (span in the same article). */
  dateMention?: SourceSpan;
}

export interface TimelineEntry {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Sentences naming this day (all articles). */
  mentions: number;
  /** Articles published this day. */
  published: number;
  sentences: TimelineSentence[];
}

export interface Timeline {
  entries: TimelineEntry[];
  /** Articles the timeline was made from. */
  articles: number;
}

/**
 * Parameters: few, set for news in general (measured on Timeline17 with `dossier eval t17`;
 * exported so experiments can vary them).
 */
export const timelineParams = {
  /** Weight of one article published on a day, relative to one other article naming the day. */
  pubWeight: 1,
  /** Weight of an article naming its own publication day (that day counts as published). */
  selfMention: 0.3,
  /** Weight of an article naming a day after its publication (a plan, not an event). */
  futureMention: 0.5,
  /** Extra weight of an article naming a day `lateDays` or more before it (recalled: it mattered). */
  lateBonus: 2,
  lateDays: 14,
  /** Weight of each further sentence naming the day (on top of its article's). */
  sentenceMention: 0.05,
  /** Sentences less close than this to the story as a whole neither name days nor get picked. */
  relFloor: 0.05,
  /** Sentences from the top of an article that stand for its publication day. */
  leadSentences: 15,
  /** Share of a date's centroid from the sentences published that day (the rest: naming it). */
  pubCentroid: 0.7,
  /** Score bonus for a sentence that names the date itself. */
  mentionBonus: 0.3,
  /** Weight of closeness to the whole story in a sentence's score. */
  relWeight: 2,
  /** Score penalty per word beyond `idealWords` (reference timelines use short sentences). */
  lengthPenalty: 0.015,
  idealWords: 25,
  /** Longest sentence (words) a timeline entry takes. */
  maxWords: 55,
  /** Largest similarity to a sentence already in the timeline. */
  redundancy: 0.5,
  /** A further sentence for a date only when it scores at least this share of the date's best. */
  keepShare: 0.75,
};

interface Unit {
  doc: number;
  index: number;
  /** The sentence's own words (page furniture glued before it trimmed off). */
  start: number;
  end: number;
  text: string;
  words: number;
  /** Day references: date and the span naming it. */
  refs: DayRef[];
  /** Term ids (ascending) and their tf-idf weights, unit length. */
  ids: Int32Array;
  w: Float64Array;
  /** Closeness to the story as a whole (cosine with the collection centroid). */
  relevance: number;
  candidate: boolean;
}

/**
 * Day-level date references of a document, per sentence: from the shared time analysis when
 * given (`TimeMention`s whose value starts with a calendar day), else our own resolver (fast:
 * tens of milliseconds for hundreds of articles).
 */
function dayRefs(doc: Doc, times: TimeMention[] | undefined): DayRef[] {
  const published = doc.article.published?.slice(0, 10);
  if (times) {
    return times
      .filter((t) => t.type !== 'DURATION' && t.type !== 'SET' && /^\d{4}-\d{2}-\d{2}/.test(t.value ?? ''))
      .map((t) => ({ date: t.value!.slice(0, 10), start: t.start, end: t.end, kind: 'explicit' as const }));
  }
  return doc.sentences.flatMap((s) => findDayRefs(doc.text, s.start, s.end, published));
}

/** Content-word stems of a text (as `contentStems`, leaner: this runs over every sentence). */
/**
 * Term ids of a text's words: lower-cased alphanumeric runs, stop words and bare numbers
 * dropped, the rest stemmed as ROUGE does. `terms` maps each word form to its term id (-1:
 * not a term), so a form seen before costs one lookup.
 */
function termIdsOf(text: string, terms: Map<string, number>, stems: Map<string, number>): number[] {
  const out: number[] = [];
  for (const piece of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (piece.length === 0) continue;
    let id = terms.get(piece);
    if (id === undefined) {
      const stem = piece.length > 3 ? morphStem(piece) : piece;
      if (stopwords().has(piece) || /^\d+$/.test(stem)) id = -1;
      else {
        id = stems.get(stem);
        if (id === undefined) stems.set(stem, (id = stems.size));
      }
      terms.set(piece, id);
    }
    if (id >= 0) out.push(id);
  }
  return out;
}

function makeUnits(docs: Doc[], times: TimeMention[][] | undefined): Unit[] {
  const units: Unit[] = [];
  const vocab = new Map<string, number>();
  const forms = new Map<string, number>();
  const df: number[] = [];
  docs.forEach((doc, d) => {
    const refs = dayRefs(doc, times?.[d]);
    let r = 0;
    refs.sort((a, b) => a.start - b.start);
    doc.sentences.forEach((s, i) => {
      while (r < refs.length && refs[r]!.start < s.start) r++;
      const mine: Unit['refs'] = [];
      for (let k = r; k < refs.length && refs[k]!.start < s.end; k++) mine.push(refs[k]!);
      // Only sentences that can tie to a day (they name one, or lead their article) can be
      // picked; the others count for word weights and the story's centroid only.
      const needed = mine.length > 0 || i < timelineParams.leadSentences;
      let start = s.start;
      if (needed) {
        const raw = doc.text.slice(s.start, s.end);
        const cut = leadTrim(raw);
        start = s.start + raw.length - raw.slice(cut).trimStart().length;
      }
      const end = s.end;
      const text = doc.text.slice(start, end).replace(/\s+/g, ' ').trim();
      const words = needed && text.length ? text.split(' ').length : 0;
      // Distinct term ids (ascending) with their counts, for now in `w`.
      const all = termIdsOf(text, forms, vocab).sort((a, b) => a - b);
      let distinct = 0;
      for (let j = 0; j < all.length; j++) if (j === 0 || all[j] !== all[j - 1]) distinct++;
      const ids = new Int32Array(distinct);
      const w = new Float64Array(distinct);
      let k = -1;
      for (let j = 0; j < all.length; j++) {
        const id = all[j]!;
        if (j === 0 || id !== all[j - 1]) {
          ids[++k] = id;
          if (id === df.length) df.push(0);
          df[id]!++;
        }
        w[k]!++;
      }
      units.push({
        doc: d,
        index: i,
        start,
        end,
        text,
        words,
        refs: mine,
        ids,
        w,
        relevance: 0,
        candidate: words > 0 && isCandidate(text, words) && words <= timelineParams.maxWords && !hasFurniture(text),
      });
    });
  });
  // tf-idf vectors, unit length
  const n = units.length;
  for (const u of units) {
    const w = u.w;
    let norm = 0;
    for (let j = 0; j < w.length; j++) {
      w[j] = w[j]! * (Math.log((n + 1) / (df[u.ids[j]!]! + 1)) + 1);
      norm += w[j]! * w[j]!;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < w.length; j++) w[j] = w[j]! / norm;
  }
  // relevance to the whole story
  const g = new Float64Array(vocab.size);
  for (const u of units) for (let j = 0; j < u.ids.length; j++) g[u.ids[j]!] = g[u.ids[j]!]! + u.w[j]!;
  let gn = 0;
  for (const x of g) gn += x * x;
  gn = Math.sqrt(gn) || 1;
  for (const u of units) {
    let dot = 0;
    for (let j = 0; j < u.ids.length; j++) dot += u.w[j]! * g[u.ids[j]!]!;
    u.relevance = dot / gn;
  }
  return units;
}

/** Cosine of two unit vectors. */
function dot(a: Unit, b: Unit): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      s += a.w[i++]! * b.w[j++]!;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** The normalised sum of unit vectors, as a sparse map. */
function centroid(units: Unit[]): Map<number, number> {
  const c = new Map<number, number>();
  for (const u of units) for (let j = 0; j < u.ids.length; j++) c.set(u.ids[j]!, (c.get(u.ids[j]!) ?? 0) + u.w[j]!);
  let norm = 0;
  for (const x of c.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, x] of c) c.set(t, x / norm);
  return c;
}

function mix(a: Map<number, number>, b: Map<number, number>, wb: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [t, x] of a) out.set(t, (1 - wb) * x);
  for (const [t, x] of b) out.set(t, (out.get(t) ?? 0) + wb * x);
  return out;
}

function simToCentroid(u: Unit, c: Map<number, number>): number {
  let s = 0;
  for (let j = 0; j < u.ids.length; j++) s += u.w[j]! * (c.get(u.ids[j]!) ?? 0);
  return s;
}

/** Default number of dates for `n` articles: a handful for the few, more for many. */
export function defaultDates(n: number): number {
  return Math.max(4, Math.min(30, Math.round(2.5 * Math.sqrt(n))));
}

/** Build the timeline of one story from its prepared articles. */
export function buildTimeline(docs: Doc[], opts: TimelineOptions = {}): Timeline {
  const nDates = opts.dates ?? defaultDates(docs.length);
  const perDate = opts.perDate ?? (docs.length <= 20 ? 2 : 1);
  const minCorr = opts.corroboration ?? 0.4;
  const inRange = (d: string) => (!opts.from || d >= opts.from) && (!opts.to || d <= opts.to);
  const units = makeUnits(docs, opts.times);
  let index: number[][] | undefined;
  const postings = (): number[][] => {
    if (!index) {
      const idx: number[][] = [];
      units.forEach((v, k) => {
        for (let j = 0; j < v.ids.length; j++) (idx[v.ids[j]!] ??= []).push(k);
      });
      index = idx;
    }
    return index;
  };
  const pubOf = docs.map((d) => (dayTime(d.article.published) !== undefined ? d.article.published!.slice(0, 10) : undefined));

  // 1. Day importance.
  const mentions = new Map<string, Unit[]>();
  const pubUnits = new Map<string, Unit[]>();
  const pubCount = new Map<string, number>();
  for (const p of pubOf) if (p) pubCount.set(p, (pubCount.get(p) ?? 0) + 1);
  for (const u of units) {
    if (u.relevance < timelineParams.relFloor) continue;
    const days = new Set(u.refs.map((r) => r.date));
    for (const d of days) {
      const l = mentions.get(d);
      if (l) l.push(u);
      else mentions.set(d, [u]);
    }
    const pub = pubOf[u.doc];
    if (pub && u.index < timelineParams.leadSentences && (days.size === 0 || (days.size === 1 && days.has(pub)))) {
      const l = pubUnits.get(pub);
      if (l) l.push(u);
      else pubUnits.set(pub, [u]);
    }
  }
  const allDays = new Set<string>([...mentions.keys(), ...pubCount.keys()]);
  // A sentence's weight for a day it names: 1, less for its own publication day (that is
  // counted as publication) and for days after it (plans, not events).
  const mentionWeight = (u: Unit, d: string): number => {
    const pub = pubOf[u.doc];
    if (pub === d) return timelineParams.selfMention;
    if ((pub !== undefined && d > pub) || u.refs.some((r) => r.date === d && r.future)) return timelineParams.futureMention;
    // recalled days later: a day that stayed important
    if (pub !== undefined && daysBetween(d, pub) >= timelineParams.lateDays) return 1 + timelineParams.lateBonus;
    return 1;
  };
  const mentionScore = (d: string): number => {
    const l = mentions.get(d) ?? [];
    const arts = new Map<number, number>();
    for (const u of l) arts.set(u.doc, Math.max(arts.get(u.doc) ?? 0, mentionWeight(u, d)));
    let s = 0;
    for (const w of arts.values()) s += w;
    // every further sentence naming the day adds a little (and breaks ties)
    for (const u of l) s += timelineParams.sentenceMention * mentionWeight(u, d);
    return s;
  };
  const scored = [...allDays]
    .filter(inRange)
    .map((d) => ({
      d,
      score: mentionScore(d) + timelineParams.pubWeight * (pubCount.get(d) ?? 0),
    }))
    .filter((x) => x.score > 0)
    // ties: the day more was published on (a day's own news), then the earlier day
    .sort((a, b) => b.score - a.score || (pubCount.get(b.d) ?? 0) - (pubCount.get(a.d) ?? 0) || (a.d < b.d ? -1 : 1));

  // 2. Sentences per date, best-supported dates first so they get the best sentences.
  const chosen: Unit[] = [];
  const entries: TimelineEntry[] = [];
  for (const { d } of scored) {
    if (entries.length >= nDates) break;
    // a sentence naming the day only as the reference point of something else is not about it
    const ment = (mentions.get(d) ?? []).filter((u) => u.candidate && u.refs.some((r) => r.date === d && !r.anchor));
    const pub = (pubUnits.get(d) ?? []).filter((u) => u.candidate);
    if (ment.length + pub.length === 0) continue;
    const cM = centroid(mentions.get(d) ?? []);
    const cP = centroid(pubUnits.get(d) ?? []);
    const c = ment.length === 0 ? cP : pub.length === 0 ? cM : mix(cM, cP, timelineParams.pubCentroid);
    const pool = new Map<Unit, number>();
    const prior = (u: Unit) =>
      timelineParams.relWeight * u.relevance -
      timelineParams.lengthPenalty * Math.max(0, u.words - timelineParams.idealWords);
    for (const u of ment) pool.set(u, simToCentroid(u, c) + timelineParams.mentionBonus + prior(u));
    for (const u of pub) if (!pool.has(u)) pool.set(u, simToCentroid(u, c) + prior(u));
    const ranked = [...pool].sort((a, b) => b[1] - a[1] || a[0].doc - b[0].doc || a[0].index - b[0].index);
    const picks: Unit[] = [];
    let top = -Infinity;
    for (const [u, score] of ranked) {
      if (picks.length >= perDate) break;
      if (picks.length > 0 && score < timelineParams.keepShare * top) break;
      if (chosen.some((v) => dot(u, v) > timelineParams.redundancy)) continue;
      if (picks.length === 0) top = score;
      picks.push(u);
      chosen.push(u);
    }
    if (picks.length === 0) continue;
    entries.push({
      date: d,
      mentions: mentions.get(d)?.length ?? 0,
      published: pubCount.get(d) ?? 0,
      sentences: picks.map((u) => toSentence(u, d, docs, corroborate(u, units, postings(), minCorr, docs))),
    });
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { entries, articles: docs.length };
}

/**
 * Sentences of other articles that say nearly the same as `u` (cosine >= minCorr), one per
 * article, most similar first; found through an inverted index of the words.
 */
function corroborate(u: Unit, units: Unit[], postings: number[][], minCorr: number, docs: Doc[]): TimelineCorroboration[] {
  // Candidates share one of u's five rarest words (a near-paraphrase shares its specifics);
  // the similarity itself is exact.
  const rare = [...u.ids].sort((x, y) => postings[x]!.length - postings[y]!.length).slice(0, 5);
  const seen = new Set<number>();
  const best = new Map<number, { k: number; sim: number }>();
  for (const id of rare) {
    for (const k of postings[id]!) {
      if (seen.has(k)) continue;
      seen.add(k);
      const v = units[k]!;
      if (v.doc === u.doc) continue;
      const sim = dot(u, v);
      if (sim < minCorr) continue;
      const cur = best.get(v.doc);
      if (!cur || sim > cur.sim || (sim === cur.sim && k < cur.k)) best.set(v.doc, { k, sim });
    }
  }
  return [...best.values()]
    .sort((x, y) => y.sim - x.sim || x.k - y.k)
    .map(({ k, sim }) => {
      const v = units[k]!;
      return { article: docs[v.doc]!.article.id, start: v.start, end: v.end, similarity: Math.round(sim * 1000) / 1000 };
    });
}

function toSentence(u: Unit, date: string, docs: Doc[], corroborations: TimelineCorroboration[]): TimelineSentence {
  const a = docs[u.doc]!.article;
  const ref = u.refs.find((r) => r.date === date && !r.anchor) ?? u.refs.find((r) => r.date === date);
  return {
    source: { article: a.id, start: u.start, end: u.end },
    text: u.text,
    sentence: u.index,
    title: a.title,
    published: a.published,
    file: a.file,
    dateMention: ref ? { article: a.id, start: ref.start, end: ref.end } : undefined,
    corroborations,
  };
}

/**
 * A sentence in Timeline17's tokenised style (punctuation and clitics split off, `` '' quotes,
 * -LRB- -RRB- brackets), for tilse files compared with Timeline17's references.
 */
export function tilseSentence(text: string): string {
  return text
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/(^|[\s([{])"/g, '$1`` ')
    .replace(/"/g, " '' ")
    .replace(/([,;:!?])/g, ' $1 ')
    // Penn Treebank brackets, as Timeline17's tokenised text writes them
    .replace(/\(/g, ' -LRB- ')
    .replace(/\)/g, ' -RRB- ')
    .replace(/\[/g, ' -LSB- ')
    .replace(/\]/g, ' -RSB- ')
    .replace(/\.(\s*)$/, ' .$1')
    .replace(/(\w)('s|'re|'ve|'ll|'d|n't)\b/gi, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}
