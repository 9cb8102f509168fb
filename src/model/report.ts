/**
 * The report `dossier brief` renders: plain data, every claim pointing at source spans.
 */
import type { Problem, SourceSpan } from './types.js';
import type { Entity } from '../story/entities.js';

export type { Entity } from '../story/entities.js';

/** One article as the report lists it. */
export interface ReportArticle {
  id: string;
  file?: string;
  source: string;
  title?: string;
  url?: string;
  published?: string;
  dateline?: string;
  credits: string[];
  captions: string[];
  sentences: number;
  words: number;
  /** Sentence spans, so renderers can anchor citations. */
  sentenceSpans: Array<{ start: number; end: number }>;
  text: string;
}

/** A number as one source states it. */
export interface ReportNumber {
  source: string;
  published?: string;
  text: string;
  value: number;
  upper?: number;
  unit?: string;
  hedge?: string;
  span: SourceSpan;
  /** The sentence it stands in. */
  sentence: SourceSpan;
}

export interface Report {
  title: string;
  stats: { articles: number; sources: number; sentences: number; words: number; from?: string; to?: string };
  articles: ReportArticle[];
  entities: Entity[];
  numbers: ReportNumber[];
  problems: Problem[];
  /** Later stages (summary, timeline, quotes, comparison, stories) add sections here. */
  sections: ReportSection[];
}

/** A section contributed by a story stage, rendered generically: items of cited sentences. */
export interface ReportSection {
  id: string;
  heading: string;
  items: Array<{ label?: string; text: string; cites: SourceSpan[]; note?: string }>;
  /** An inline SVG figure made by Dossier itself (HTML only; text content escaped). */
  figure?: string;
}
