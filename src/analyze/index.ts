/**
 * Per-article analysis: one pure function from an Article to its AnalyzedArticle.
 */
import type { AnalyzedArticle, Article } from '../model/types.js';
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

/** Analyse an already prepared document. */
export function analyzeDoc(doc: Doc): AnalyzedArticle {
  const a = doc.article;
  const names = findNames(doc);
  const numbers = findNumbers(doc);
  const { times, problems } = findTimes(doc, a.published);
  const quotes = findQuotes(doc, names);
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
    text: a.text,
    sentences: doc.sentences,
    names,
    numbers,
    times,
    quotes,
    problems,
  };
}
