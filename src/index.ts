/**
 * Dossier's public library API: the same operations as the CLI, typed.
 *
 *   import { readInputs, analyzeArticle, brief, renderHtml } from 'dossier';
 */
export type {
  Article,
  AnalyzedArticle,
  Span,
  SourceSpan,
  Problem,
  ProblemCode,
  Token,
  Sentence,
  NameMention,
  NameType,
  NumberMention,
  TimeMention,
  TimeType,
  Quote,
  QuoteKind,
  ReadResult,
} from './model/types.js';
export type { Report, ReportArticle, ReportNumber, ReportSection, Entity } from './model/report.js';
export { isFailure } from './model/problems.js';
export { readInputs, readOne, type ReadOptions } from './read/index.js';
export { analyzeArticle, analyzeDoc, prepare, type Doc } from './analyze/index.js';
export { analyzeAll, readAndAnalyze, buildReport } from './pipeline.js';
export { buildBrief } from './brief.js';
export { mergeEntities, sourceLabel } from './story/entities.js';
export { renderMarkdown } from './render/markdown.js';
export { renderHtml } from './render/html.js';
export { renderJson } from './render/json.js';
export { summarize, type Summary, type SummarySentence, type SummaryOptions } from './story/summary.js';
export { buildTimeline, type Timeline, type TimelineEntry, type TimelineOptions } from './story/timeline.js';
export { mergeQuotes, quotesBySpeaker, type StoryQuote, type SpeakerQuotes } from './story/quotes.js';
export { compareArticles, type Comparison } from './story/compare.js';
export { clusterBatch, OnlineClusterer } from './story/cluster.js';
export { openStore, storePath, Ingestor, storyBrief, storeDigest, type Store } from './store/index.js';
export { serve } from './serve/index.js';
export { buildDigest } from './brief.js';
export { rougeN, rougeL, rougeS, rougeAll, type RougeScore } from './eval/rouge.js';

import { readAndAnalyze } from './pipeline.js';
import { buildBrief } from './brief.js';
import type { ReadOptions } from './read/index.js';
import type { Report } from './model/report.js';
import type { Problem } from './model/types.js';

/** Read, analyse and report on inputs in one call (what `dossier brief` does). */
export async function brief(inputs: string[], opts: ReadOptions = {}): Promise<{ report: Report; problems: Problem[] }> {
  const { analyzed, docs, problems } = await readAndAnalyze(inputs, opts);
  return { report: buildBrief(analyzed, problems, docs), problems };
}
