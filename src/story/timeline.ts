/**
 * The story's timeline: the key dates, each with a few sentences saying what happened that day,
 * every sentence a span of its source article plus the articles that corroborate it.
 *
 * Method (date-wise, after news-tls DATEWISE, Ghalandari & Ifrim 2020, without its trained
 * date ranker):
 *  - every sentence is tied to the days it names ("on Friday", "May 25", "yesterday"),
 *    resolved against its article's publication date; sentences near the top of an article
 *    that name no day are tied to the publication day;
 *  - a day's importance is how many sentences name it plus how much is published that day;
 *    the top N days (within `from`..`to`) are the timeline's dates;
 *  - per date, the candidate sentences are ranked by closeness to the date's centroid (the
 *    mean of the sentences naming the day and of those published that day), preferring the
 *    sentences that name the day, and the best K are taken, none too close to a sentence
 *    already in the timeline.
 * Pure: prepared documents in, timeline out.
 */
import type { Sentence, SourceSpan, TimeMention } from '../model/types.js';
import type { Doc } from '../analyze/doc.js';
import { findTimes } from '../analyze/times.js';
import { contentStems, cosine, termVector } from './similarity.js';
import { isCandidate } from './summary.js';
import { dayTime, findDayRefs } from './timeline-dates.js';

export interface TimelineOptions {
  /** Number of dates (default: from the number of articles, 6 for a handful, up to 30). */
  dates?: number;
  /** Sentences per date (default 2 for a few articles, 1 for many). */
  perDate?: number;
  /** First eligible date `YYYY-MM-DD`. */
  from?: string;
  /** Last eligible date `YYYY-MM-DD`. */
  to?: string;
  /** Smallest cosine similarity for a sentence of another article to corroborate. Default 0.5. */
  corroboration?: number;
}

/** A sentence of another article that says nearly the same thing. */
export interface TimelineCorroboration extends SourceSpan {
  similarity: number;
}

export interface TimelineSentence {
  /** The source sentence: article id and span into that article's text. */
  source: SourceSpan;
  /** The sentence text with whitespace normalised (one line). */
  text: string;
  /** Index of the sentence in its article. */
  sentence: number;
  title?: string;
  published?: string;
  file?: string;
  /** Where the sentence names the entry's date, when it does (span in the same article). */
  dateMention?: SourceSpan;
  corroborations: TimelineCorroboration[];
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

// Parameters: few, chosen for news in general.
const P = {
  /** Weight of one article published on a day, relative to one sentence naming the day. */
  pubWeight: Number(process.env.TL_PUB_WEIGHT ?? 1),
  /** Sentences from the top of an article that stand for its publication day. */
  leadSentences: Number(process.env.TL_LEAD ?? 5),
  /** Share of the centroid from the sentences published that day (the rest: naming it). */
  pubCentroid: Number(process.env.TL_PUB_CENTROID ?? 0.5),
  /** Score bonus for a sentence that names the date itself. */
  mentionBonus: Number(process.env.TL_MENTION_BONUS ?? 0.1),
  /** Largest similarity to a sentence already in the timeline. */
  redundancy: Number(process.env.TL_REDUNDANCY ?? 0.5),
};

interface Unit {
  doc: number;
  index: number;
  sentence: Sentence;
  text: string;
  words: number;
  /** Day references: date and the span naming it. */
  refs: Array<{ date: string; start: number; end: number }>;
  vec: Map<string, number>;
  candidate: boolean;
}

/** Day-level date references of a document: the shared time analyser's, else our own. */
function dayRefs(doc: Doc): Array<{ date: string; start: number; end: number }> {
  const published = doc.article.published?.slice(0, 10);
  let times: TimeMention[] = [];
  try {
    times = findTimes(doc, published).times;
  } catch {
    times = [];
  }
  const days = times.filter((t) => t.type === 'DATE' && t.value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(t.value));
  if (days.length > 0) return days.map((t) => ({ date: t.value!, start: t.start, end: t.end }));
  if (times.length > 0) return [];
  return findDayRefs(doc.text, 0, doc.text.length, published);
}

function makeUnits(docs: Doc[]): Unit[] {
  const units: Unit[] = [];
  docs.forEach((doc, d) => {
    const refs = dayRefs(doc);
    let r = 0;
    refs.sort((a, b) => a.start - b.start);
    doc.sentences.forEach((s, i) => {
      while (r < refs.length && refs[r]!.start < s.start) r++;
      const mine: Unit['refs'] = [];
      for (let k = r; k < refs.length && refs[k]!.start < s.end; k++) mine.push(refs[k]!);
      const text = doc.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
      const words = text.split(' ').length;
      units.push({
        doc: d,
        index: i,
        sentence: s,
        text,
        words,
        refs: mine,
        vec: termVector(contentStems(text)),
        candidate: isCandidate(text, words),
      });
    });
  });
  return units;
}

/** Inverse document frequency over sentences, as a weight function for `cosine`. */
function idfOf(units: Unit[]): (t: string) => number {
  const df = new Map<string, number>();
  for (const u of units) for (const t of u.vec.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = units.length;
  return (t) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
}

/** Sum of unit vectors (each normalised, idf-weighted) as one centroid. */
function centroid(units: Unit[], idf: (t: string) => number): Map<string, number> {
  const c = new Map<string, number>();
  for (const u of units) {
    let norm = 0;
    for (const [t, x] of u.vec) norm += (x * idf(t)) ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    for (const [t, x] of u.vec) c.set(t, (c.get(t) ?? 0) + (x * idf(t)) / norm);
  }
  let norm = 0;
  for (const x of c.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, x] of c) c.set(t, x / norm);
  return c;
}

function mix(a: Map<string, number>, b: Map<string, number>, wb: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [t, x] of a) out.set(t, (1 - wb) * x);
  for (const [t, x] of b) out.set(t, (out.get(t) ?? 0) + wb * x);
  return out;
}

/** Cosine of an (unweighted-count) unit vector with an idf-weighted centroid. */
function simToCentroid(u: Unit, c: Map<string, number>, idf: (t: string) => number): number {
  let dot = 0;
  let norm = 0;
  for (const [t, x] of u.vec) {
    const w = x * idf(t);
    norm += w * w;
    const y = c.get(t);
    if (y !== undefined) dot += w * y;
  }
  return norm > 0 ? dot / Math.sqrt(norm) : 0;
}

/** Default number of dates for `n` articles: a handful for the few, more for many. */
export function defaultDates(n: number): number {
  return Math.max(4, Math.min(30, Math.round(2.5 * Math.sqrt(n))));
}

/** Build the timeline of one story from its prepared articles. */
export function buildTimeline(docs: Doc[], opts: TimelineOptions = {}): Timeline {
  const nDates = opts.dates ?? defaultDates(docs.length);
  const perDate = opts.perDate ?? (docs.length <= 20 ? 2 : 1);
  const minCorr = opts.corroboration ?? 0.5;
  const inRange = (d: string) => (!opts.from || d >= opts.from) && (!opts.to || d <= opts.to);
  const units = makeUnits(docs);
  const idf = idfOf(units);
  const pubOf = docs.map((d) => (dayTime(d.article.published) !== undefined ? d.article.published!.slice(0, 10) : undefined));

  // 1. Day importance.
  const mentions = new Map<string, Unit[]>();
  const pubUnits = new Map<string, Unit[]>();
  const pubCount = new Map<string, number>();
  for (const p of pubOf) if (p) pubCount.set(p, (pubCount.get(p) ?? 0) + 1);
  for (const u of units) {
    const days = new Set(u.refs.map((r) => r.date));
    for (const d of days) {
      const l = mentions.get(d);
      if (l) l.push(u);
      else mentions.set(d, [u]);
    }
    const pub = pubOf[u.doc];
    if (pub && u.index < P.leadSentences && (days.size === 0 || (days.size === 1 && days.has(pub)))) {
      const l = pubUnits.get(pub);
      if (l) l.push(u);
      else pubUnits.set(pub, [u]);
    }
  }
  const allDays = new Set<string>([...mentions.keys(), ...pubCount.keys()]);
  const scored = [...allDays]
    .filter(inRange)
    .map((d) => ({ d, score: (mentions.get(d)?.length ?? 0) + P.pubWeight * (pubCount.get(d) ?? 0) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || (a.d < b.d ? -1 : 1));

  // 2. Sentences per date, best-supported dates first so they get the best sentences.
  const chosen: Unit[] = [];
  const entries: TimelineEntry[] = [];
  for (const { d } of scored) {
    if (entries.length >= nDates) break;
    const ment = (mentions.get(d) ?? []).filter((u) => u.candidate);
    const pub = (pubUnits.get(d) ?? []).filter((u) => u.candidate);
    if (ment.length + pub.length === 0) continue;
    const cM = centroid(mentions.get(d) ?? [], idf);
    const cP = centroid(pubUnits.get(d) ?? [], idf);
    const c = ment.length === 0 ? cP : pub.length === 0 ? cM : mix(cM, cP, P.pubCentroid);
    const pool = new Map<Unit, number>();
    for (const u of ment) pool.set(u, simToCentroid(u, c, idf) + P.mentionBonus);
    for (const u of pub) if (!pool.has(u)) pool.set(u, simToCentroid(u, c, idf));
    const ranked = [...pool].sort((a, b) => b[1] - a[1] || a[0].doc - b[0].doc || a[0].index - b[0].index);
    const picks: Unit[] = [];
    for (const [u] of ranked) {
      if (picks.length >= perDate) break;
      if (chosen.some((v) => cosine(u.vec, v.vec, idf) > P.redundancy)) continue;
      picks.push(u);
      chosen.push(u);
    }
    if (picks.length === 0) continue;
    entries.push({
      date: d,
      mentions: mentions.get(d)?.length ?? 0,
      published: pubCount.get(d) ?? 0,
      sentences: picks.map((u) => toSentence(u, d, docs, pool, minCorr, idf)),
    });
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { entries, articles: docs.length };
}

function toSentence(
  u: Unit,
  date: string,
  docs: Doc[],
  pool: Map<Unit, number>,
  minCorr: number,
  idf: (t: string) => number,
): TimelineSentence {
  const a = docs[u.doc]!.article;
  const ref = u.refs.find((r) => r.date === date);
  const corroborations: TimelineCorroboration[] = [];
  const seen = new Set<number>([u.doc]);
  const others = [...pool.keys()]
    .filter((v) => v.doc !== u.doc)
    .map((v) => ({ v, sim: cosine(u.vec, v.vec, idf) }))
    .filter((x) => x.sim >= minCorr)
    .sort((x, y) => y.sim - x.sim);
  for (const { v, sim } of others) {
    if (seen.has(v.doc)) continue;
    seen.add(v.doc);
    const b = docs[v.doc]!.article;
    corroborations.push({ article: b.id, start: v.sentence.start, end: v.sentence.end, similarity: Math.round(sim * 1000) / 1000 });
  }
  return {
    source: { article: a.id, start: u.sentence.start, end: u.sentence.end },
    text: u.text,
    sentence: u.index,
    title: a.title,
    published: a.published,
    file: a.file,
    dateMention: ref ? { article: a.id, start: ref.start, end: ref.end } : undefined,
    corroborations,
  };
}

/** A sentence in Timeline17's tokenised style (punctuation and clitics split off), for tilse files. */
export function tilseSentence(text: string): string {
  return text
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/"(?=\S)/g, '`` ')
    .replace(/"/g, " ''")
    .replace(/([,;:!?()])/g, ' $1 ')
    .replace(/\.(\s*)$/, ' .$1')
    .replace(/(\w)('s|'re|'ve|'ll|'d|n't)\b/gi, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}
