/**
 * Per-article analysis: one pure function from an Article to its AnalyzedArticle.
 */
import type { AnalyzedArticle, Article, NameMention, NumberMention, Problem, Quote, TimeMention } from '../model/types.js';
import { problem } from '../model/problems.js';
import { prepare, type Doc } from './doc.js';
import { findNames } from './names.js';
import { findNumbers } from './numbers.js';
import { findTimes } from './times.js';
import { findQuotes } from './quotes.js';

export { prepare, type Doc } from './doc.js';

/** Analyse one article: sentences, names, numbers, times, quotes — all as spans into `text`. */
export function analyzeArticle(article: Article): AnalyzedArticle {
  return analyzeDoc(prepare(article));
}

/** Which optional analysers run (all by default). */
export interface AnalyzeOptions {
  /** Temporal expressions (off for stages that do not use them, such as source comparison). */
  times?: boolean;
}

/** Analyse an already prepared document. */
export function analyzeDoc(doc: Doc, opts: AnalyzeOptions = {}): AnalyzedArticle {
  const a = doc.article;
  const problems: Problem[] = [];
  // One failing analyser must not lose the article: its result is empty and a problem says why.
  const safely = <T>(stage: string, fallback: T, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      problems.push(problem('analysis-failed', a.file, `${stage}: ${(e as Error).message}`));
      return fallback;
    }
  };
  const names = safely('names', [] as NameMention[], () => findNames(doc));
  const numbers = safely('numbers', [] as NumberMention[], () => findNumbers(doc));
  const noTimes = { times: [] as TimeMention[], problems: [] as Problem[] };
  const t = opts.times === false ? noTimes : safely('times', noTimes, () => findTimes(doc, a.published));
  problems.push(...t.problems);
  const quotes = safely('quotes', [] as Quote[], () => findQuotes(doc, names));
  return {
    id: a.id,
    file: a.file,
    source: a.source,
    title: a.title,
    url: a.url,
    published: a.published,
    headline: a.headline,
    dateline: a.dateline,
    credits: a.credits ?? [],
    captions: a.captions ?? [],
    ...(a.comments ? { comments: a.comments } : {}),
    text: a.text,
    sentences: doc.sentences,
    names,
    numbers,
    times: t.times,
    quotes,
    problems,
  };
}
