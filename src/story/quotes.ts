/**
 * Who said what across the articles of a story. The same words reported by several
 * outlets — exactly, or nearly (`"Sanctions don't always work"` inside a longer quote, a
 * dropped `(President)`) — become one quote listing every source and each wording. Speakers
 * are joined by canonical name with a last-name match (`Putin` ~ `Vladimir Putin`).
 */
import { createHash } from 'node:crypto';
import type { AnalyzedArticle, QuoteKind, SourceSpan } from '../model/types.js';
import { sourceLabel, storyAliases } from './entities.js';

/** One report of a quote in one article. */
export interface QuoteSource {
  article: string;
  /** Source label (outlet, or file name). */
  source: string;
  content: SourceSpan;
  parts?: SourceSpan[];
  cue?: SourceSpan;
  speaker?: SourceSpan;
  /** The speaker as this article names it ('' when the mention could not be resolved). */
  speakerName: string;
  kind: QuoteKind;
  /** The reported words as printed (content and parts joined). */
  wording: string;
}

/** A quote of the story: one statement, every article that reports it. */
export interface StoryQuote {
  /** Stable id: hash of the first report's article and span. */
  id: string;
  /** Canonical speaker; '' when no article names one. */
  speaker: string;
  /** `direct` when any report quotes the words directly. */
  kind: QuoteKind;
  /** The longest wording, as printed. */
  text: string;
  /** Distinct wordings (whitespace and quote marks normalised), longest first. */
  variants: string[];
  sources: QuoteSource[];
}

/** Quotes of one speaker. */
export interface SpeakerQuotes {
  speaker: string;
  quotes: StoryQuote[];
}

const QUOTE_MARKS = /["\u201c\u201d\u201e\u2018\u2019`]|''/g;

/** Words of a text for matching: lower case letters and digits. */
function words(s: string): string[] {
  return s.toLowerCase().replace(/[\u2019']/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The quoted words of a report: for mixed speech only the parts inside quote marks. */
function quotedWords(r: QuoteSource): string[] {
  if (r.kind !== 'mixed') return words(r.wording);
  const inside = r.wording.match(/["\u201c\u201e]([^"\u201c\u201d]+)["\u201d]|``(.+?)''|''(.+?)''/g);
  return inside ? words(inside.join(' ')) : words(r.wording);
}

function display(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function normalWording(s: string): string {
  return display(s.replace(QUOTE_MARKS, '')).replace(/[.,;:]+$/, '');
}

function lastName(s: string): string {
  const parts = s.split(/\s+/);
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

/** Two speaker names that may be the same person or body. */
function speakersAgree(a: string, b: string): boolean {
  if (!a || !b) return true;
  return a === b || lastName(a) === lastName(b);
}

const SHINGLE = 4;

function shingles(w: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Near-same words: most (≥ 60%) of the shorter report's 4-word shingles lie in the longer. */
function sameWords(a: string[], b: string[], sa: Set<string>, sb: Set<string>): boolean {
  const [short, sShort, sLong] = a.length <= b.length ? [a, sa, sb] : [b, sb, sa];
  if (short.length < SHINGLE) return false;
  let hit = 0;
  for (const s of sShort) if (sLong.has(s)) hit++;
  return sShort.size > 0 && hit / sShort.size >= 0.6;
}

/** Every report of every article, in article order. */
export function quoteReports(articles: AnalyzedArticle[]): QuoteSource[] {
  const out: QuoteSource[] = [];
  for (const a of articles) {
    const source = sourceLabel(a);
    for (const q of a.quotes) {
      const pieces = [q.content, ...(q.parts ?? [])];
      out.push({
        article: a.id,
        source,
        content: { article: a.id, ...q.content },
        ...(q.parts ? { parts: q.parts.map((p) => ({ article: a.id, ...p })) } : {}),
        ...(q.cue ? { cue: { article: a.id, ...q.cue } } : {}),
        ...(q.speaker ? { speaker: { article: a.id, ...q.speaker.span } } : {}),
        speakerName: q.speaker?.canonical ?? '',
        kind: q.kind,
        // A reported clause is marked with its `that`; the wording goes without it.
        wording: pieces.map((p, i) => display(a.text.slice(p.start, p.end)).replace(i === 0 ? /^that\s+/ : /^$/, '')).join(' … '),
      });
    }
  }
  return out;
}

/** Merge the quotes of a story's articles: one entry per statement, with all its sources. */
export function mergeQuotes(articles: AnalyzedArticle[]): StoryQuote[] {
  const reports = quoteReports(articles);
  const w = reports.map(quotedWords);
  const sh = w.map(shingles);

  // Candidate pairs through shared shingles; union-find over matches across articles.
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byShingle = new Map<string, number[]>();
  sh.forEach((set, i) => {
    for (const s of set) {
      const list = byShingle.get(s);
      if (list) list.push(i);
      else byShingle.set(s, [i]);
    }
  });
  const tried = new Set<number>();
  for (const list of byShingle.values()) {
    if (list.length < 2 || list.length > 200) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        const key = i * reports.length + j;
        if (tried.has(key)) continue;
        tried.add(key);
        if (reports[i]!.article === reports[j]!.article) continue;
        if (!speakersAgree(reports[i]!.speakerName, reports[j]!.speakerName)) continue;
        if (sameWords(w[i]!, w[j]!, sh[i]!, sh[j]!)) parent[find(i)] = find(j);
      }
    }
  }

  const groups = new Map<number, number[]>();
  reports.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });

  const out: StoryQuote[] = [];
  for (const members of groups.values()) {
    members.sort((a, b) => a - b);
    const rs = members.map((i) => reports[i]!);
    // The fullest name among the reports (`Vladimir Putin` over `Putin`).
    const names = rs.map((r) => r.speakerName).filter((n) => n.length > 0);
    const speaker = names.sort((a, b) => b.length - a.length || a.localeCompare(b))[0] ?? '';
    const variants = [...new Set(rs.map((r) => normalWording(r.wording)))].sort((a, b) => b.length - a.length || a.localeCompare(b));
    const longest = rs.reduce((a, b) => (b.wording.length > a.wording.length ? b : a));
    const kind: QuoteKind = rs.some((r) => r.kind === 'direct') ? 'direct' : rs.some((r) => r.kind === 'mixed') ? 'mixed' : 'indirect';
    const first = rs[0]!;
    const id = createHash('sha1').update(`${first.article}:${first.content.start}:${first.content.end}`).digest('hex').slice(0, 12);
    out.push({ id, speaker, kind, text: longest.wording, variants, sources: rs });
  }
  return joinSpeakers(out, storyAliases(articles));
}

/**
 * Give `Putin` the story's full name `Vladimir Putin` when that full name is unique, and `WHO`
 * the name an article of the story defines it as.
 */
function joinSpeakers(quotes: StoryQuote[], aliases: Map<string, string>): StoryQuote[] {
  for (const q of quotes) q.speaker = aliases.get(q.speaker) ?? q.speaker;
  const full = new Map<string, Set<string>>();
  for (const q of quotes) if (q.speaker.includes(' ')) {
    const k = lastName(q.speaker);
    if (!full.has(k)) full.set(k, new Set());
    full.get(k)!.add(q.speaker);
  }
  for (const q of quotes) {
    if (!q.speaker || q.speaker.includes(' ')) continue;
    const f = full.get(lastName(q.speaker));
    if (f && f.size === 1) q.speaker = [...f][0]!;
  }
  return quotes;
}

/** Quotes grouped by speaker: most quoted first, unattributed last; quotes in text order. */
export function quotesBySpeaker(quotes: StoryQuote[]): SpeakerQuotes[] {
  // (`Activists said …` and `… , activists said` are one group, shown in its commonest form.)
  const by = new Map<string, StoryQuote[]>();
  for (const q of quotes) {
    const key = q.speaker.toLowerCase();
    const list = by.get(key);
    if (list) list.push(q);
    else by.set(key, [q]);
  }
  const commonest = (qs: StoryQuote[]): string => {
    const n = new Map<string, number>();
    for (const q of qs) n.set(q.speaker, (n.get(q.speaker) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  };
  const weight = (qs: StoryQuote[]) => qs.reduce((n, q) => n + q.sources.length + (q.kind === 'direct' ? 1 : 0), 0);
  return [...by.values()]
    .map((qs) => ({ speaker: commonest(qs), quotes: qs }))
    .sort((a, b) => (a.speaker === '' ? 1 : 0) - (b.speaker === '' ? 1 : 0) || weight(b.quotes) - weight(a.quotes) || a.speaker.localeCompare(b.speaker));
}
