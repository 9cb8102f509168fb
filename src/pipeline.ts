/**
 * The one visible composition of Dossier:
 *
 *   read -> Article -> analyze (per article, pure) -> story stages -> Report -> render
 *
 * The CLI, the server and the library call these functions; they hold no analysis logic.
 */
import type { AnalyzedArticle, Article, Problem } from './model/types.js';
import type { Report, ReportArticle, ReportNumber } from './model/report.js';
import { readInputs, type ReadOptions } from './read/index.js';
import { analyzeDoc, prepare, type AnalyzeOptions, type Doc } from './analyze/index.js';
import { prepareLight } from './analyze/doc.js';
import { mergeEntities, sourceLabel } from './story/entities.js';

/** Analyse every article; `onProgress` is told after each. */
export function analyzeAll(articles: Article[], onProgress?: (done: number, total: number) => void): AnalyzedArticle[] {
  return analyzeWithDocs(articles, onProgress).analyzed;
}

/** Analyse every article, keeping the tokenised documents for the stages that need tokens. */
export function analyzeWithDocs(
  articles: Article[],
  onProgress?: (done: number, total: number) => void,
  analyzeOpts: AnalyzeOptions = {},
): { analyzed: AnalyzedArticle[]; docs: Doc[] } {
  const analyzed: AnalyzedArticle[] = [];
  const docs: Doc[] = [];
  articles.forEach((a, i) => {
    const doc = prepare(a);
    docs.push(doc);
    analyzed.push(analyzeDoc(doc, analyzeOpts));
    onProgress?.(i + 1, articles.length);
  });
  return { analyzed, docs };
}

/** Read and analyse inputs: the first half of every job. */
export async function readAndAnalyze(
  inputs: string[],
  opts: ReadOptions & { onAnalyzed?: (done: number, total: number) => void; analyze?: AnalyzeOptions } = {},
): Promise<{ analyzed: AnalyzedArticle[]; docs: Doc[]; problems: Problem[] }> {
  const { articles, problems } = await readInputs(inputs, opts);
  const { analyzed, docs } = analyzeWithDocs(articles, opts.onAnalyzed, opts.analyze);
  return { analyzed, docs, problems: [...problems, ...analyzed.flatMap((a) => a.problems.map((p) => ({ ...p, file: p.file ?? a.file })))] };
}

/** Read inputs and only tokenise and segment them (no POS, no analysers): for the timeline. */
export async function readAndPrepare(
  inputs: string[],
  opts: ReadOptions & { onAnalyzed?: (done: number, total: number) => void } = {},
): Promise<{ docs: Doc[]; problems: Problem[] }> {
  const { articles, problems } = await readInputs(inputs, opts);
  const docs = articles.map((a, i) => {
    const d = prepareLight(a);
    opts.onAnalyzed?.(i + 1, articles.length);
    return d;
  });
  return { docs, problems };
}

/** Order articles by publication date, then file, for stable reports. */
export function byDate<T extends { published?: string; file?: string; id: string }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || (a.file ?? '').localeCompare(b.file ?? '') || a.id.localeCompare(b.id));
}

/** Build the brief report from analysed articles. */
export function buildReport(analyzedIn: AnalyzedArticle[], problems: Problem[] = []): Report {
  const analyzed = byDate(analyzedIn);
  const articles: ReportArticle[] = analyzed.map((a) => {
    const r: ReportArticle = {
      id: a.id,
      source: sourceLabel(a),
      credits: a.credits.map((s) => a.text.slice(s.start, s.end)),
      captions: a.captions.map((s) => a.text.slice(s.start, s.end)),
      sentences: a.sentences.length,
      words: a.sentences.reduce((n, s) => n + countWords(a.text.slice(s.start, s.end)), 0),
      sentenceSpans: a.sentences.map((s) => ({ start: s.start, end: s.end })),
      text: a.text,
    };
    if (a.file) r.file = a.file;
    if (a.title) r.title = a.title;
    else if (a.headline) r.title = a.text.slice(a.headline.start, a.headline.end);
    if (a.url) r.url = a.url;
    if (a.published) r.published = a.published.slice(0, 10);
    if (a.dateline) r.dateline = a.text.slice(a.dateline.start, a.dateline.end);
    return r;
  });
  const numbers: ReportNumber[] = [];
  for (const a of analyzed) {
    for (const n of a.numbers) {
      if (!n.unit && !n.hedge) continue; // bare numbers say little on their own
      const s = a.sentences[n.sentence]!;
      const r: ReportNumber = {
        source: sourceLabel(a),
        text: n.text,
        value: n.value,
        span: { article: a.id, start: n.start, end: n.end },
        sentence: { article: a.id, start: s.start, end: s.end },
      };
      if (a.published) r.published = a.published.slice(0, 10);
      if (n.upper !== undefined) r.upper = n.upper;
      if (n.unit) r.unit = n.unit;
      if (n.hedge) r.hedge = n.hedge;
      numbers.push(r);
    }
  }
  const dates = articles.map((a) => a.published).filter((d): d is string => Boolean(d)).sort();
  const entities = mergeEntities(analyzed);
  const top = entities.filter((e) => e.type !== 'other').slice(0, 3).map((e) => e.canonical);
  const stats: Report['stats'] = {
    articles: articles.length,
    sources: new Set(articles.map((a) => a.source)).size,
    sentences: articles.reduce((n, a) => n + a.sentences, 0),
    words: articles.reduce((n, a) => n + a.words, 0),
  };
  if (dates.length) {
    stats.from = dates[0];
    stats.to = dates[dates.length - 1];
  }
  return {
    title: top.length ? `Dossier: ${top.join(', ')}` : 'Dossier',
    stats,
    articles,
    entities,
    numbers,
    problems,
    sections: [],
  };
}

function countWords(s: string): number {
  return (s.match(/[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu) ?? []).length;
}
