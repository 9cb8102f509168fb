/**
 * The `Store` interface: what the pipeline needs to keep articles, their analysis, stories
 * and problems between runs. SQLite (`sqlite.ts`) is the default; `memory.ts` serves tests.
 * Methods are async so a server-grade store (PostgreSQL) can implement the same interface.
 */
import type { AnalyzedArticle, Article, Problem } from '../model/types.js';
import type { Assignment, StoryState, TermStats } from '../story/cluster.js';

/** One article to commit, with its analysis and the story it joined. */
export interface IngestItem {
  article: Article;
  /** Analysis without `text` (the article holds it). Absent when analysis failed. */
  analysis?: Omit<AnalyzedArticle, 'text'>;
  assignment: Assignment;
}

/** Everything one ingest step writes, committed atomically (all or nothing). */
export interface IngestBatch {
  items: IngestItem[];
  /** Full state of every story the items touched. */
  stories: StoryRecord[];
  /** Term document-frequency increments and the number of documents they came from. */
  termDeltas: Map<string, number>;
  docsDelta: number;
  problems: Problem[];
  /** The store generation the batch was computed against (from the snapshot or the last commit). */
  generation: number;
}

/**
 * Thrown by `commit` when another writer committed since the batch's generation: the
 * batch was computed from stale stories. Nothing was written; reload and redo the step.
 */
export class StoreConflict extends Error {
  constructor(expected: number, found: number) {
    super(`the store changed while this step was prepared (generation ${found}, expected ${expected}): reload and retry`);
  }
}

/** A story as stored: the clusterer's state plus its generated title. */
export interface StoryRecord extends StoryState {
  title: string;
  /** How well the title's words match the story's terms (to keep the best title). */
  titleScore: number;
}

/** A story as listed to people. */
export interface StoryInfo {
  id: string;
  title: string;
  first?: string;
  last?: string;
  articles: number;
  sources: number;
  /** The strongest terms holding the story together. */
  terms: Array<{ term: string; weight: number }>;
}

/** One member article of a story with why it is there. */
export interface StoryMember {
  id: string;
  title?: string;
  source?: string;
  file?: string;
  published?: string;
  similarity: number;
  shared: string[];
}

/** One full-text search hit. */
export interface SearchHit {
  id: string;
  title?: string;
  file?: string;
  published?: string;
  story?: string;
  storyTitle?: string;
  /** Text around the match, matched words in [brackets]. */
  snippet: string;
  /** Lower is better (bm25). */
  rank: number;
}

/** A stored problem. */
export interface StoredProblem extends Problem {
  /** How many times it was met (reruns meet the same problem again). */
  seen: number;
}

/** Filters for listing stories. */
export interface StoryQuery {
  /** Only stories with an article on or after this date (`YYYY-MM-DD`). */
  since?: string;
  limit?: number;
}

/** What the clusterer needs to continue: warm stories and term statistics. */
export interface ClusterSnapshot {
  stories: StoryRecord[];
  stats: TermStats;
  /** Commit counter at the time of the snapshot. */
  generation: number;
}

export interface Store {
  /** Which of these article ids are stored already. */
  existing(ids: string[]): Promise<Set<string>>;
  /** Write one ingest step atomically; returns the new generation. Throws `StoreConflict` if the generation moved. */
  commit(batch: IngestBatch): Promise<number>;
  /** Record problems (deduplicated: a rerun meeting the same problem counts it again). */
  addProblems(problems: Problem[]): Promise<void>;
  /** Stories that can still take articles (latest date on or after `since`, or undated; and the `recent` (2000) last changed), and term statistics. */
  clusterSnapshot(opts: { since?: string; limit: number; recent?: number }): Promise<ClusterSnapshot>;
  /** Latest publication date of any stored article. */
  newestDate(): Promise<string | undefined>;
  article(id: string): Promise<Article | undefined>;
  analysis(id: string): Promise<AnalyzedArticle | undefined>;
  /** Keep an article's analysis (computed on first use when ingest did not analyse). */
  saveAnalysis(id: string, analysis: Omit<AnalyzedArticle, 'text'>): Promise<void>;
  /** Stories, most recent first. */
  stories(q?: StoryQuery): Promise<StoryInfo[]>;
  story(id: string): Promise<StoryInfo | undefined>;
  /** The story's clusterer state (centroid terms), for explanations. */
  storyState(id: string): Promise<StoryRecord | undefined>;
  storyMembers(id: string): Promise<StoryMember[]>;
  /** The story's articles in date order (what `brief --db --story ID` reports on). */
  storyArticles(id: string): Promise<Article[]>;
  /** Full-text search (FTS5 query syntax in SQLite; words in memory). */
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  problems(): Promise<StoredProblem[]>;
  counts(): Promise<{ articles: number; stories: number; problems: number }>;
  /** Every stored article in ingest order (for batch re-clustering). */
  allArticles(): AsyncIterable<Article>;
  /** Replace all story assignments and stories (batch re-clustering), atomically. */
  replaceStories(assignments: Assignment[], stories: StoryRecord[]): Promise<void>;
  close(): Promise<void>;
}
