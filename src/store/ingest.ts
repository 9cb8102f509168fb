/**
 * Incremental ingest: new articles are analysed (optionally), placed into stories by the
 * online clusterer, and committed in steps — each step one transaction holding the articles,
 * their stories, term statistics and problems. An article whose step committed is stored for
 * good; a rerun skips it as a duplicate. The store adapter holds no clustering logic.
 */
import type { AnalyzedArticle, Article, Problem } from '../model/types.js';
import { problem } from '../model/problems.js';
import { analyzeArticle } from '../analyze/index.js';
import { articleFeatures } from '../story/cluster-features.js';
import { OnlineClusterer, type ClusterOptions, type StoryState } from '../story/cluster.js';
import { headlineOf, titleScore } from '../story/cluster-title.js';
import { StoreConflict, type IngestItem, type Store, type StoryRecord } from './types.js';

/** What happened to one input article. */
export interface IngestResult {
  id: string;
  file?: string;
  status: 'new' | 'duplicate';
  /** The story it joined (new articles only). */
  story?: string;
  /** It started a new story. */
  created?: boolean;
}

export interface IngestOptions {
  /** Articles per transaction (default 200). */
  batchSize?: number;
  /** Analyse at ingest time and store the analysis (default false: analysed on first use, then kept). */
  analyze?: boolean;
  cluster?: Partial<ClusterOptions>;
  /** Most warm stories loaded to continue clustering (default 20,000). */
  warmStories?: number;
  /** Called after each committed step with what it committed. */
  onCommitted?: (results: IngestResult[]) => void;
}

/** Analysis as stored: everything but the text the article already holds. */
export function storedAnalysis(a: AnalyzedArticle): Omit<AnalyzedArticle, 'text'> {
  const { text: _text, ...rest } = a;
  return rest;
}

/** Ingest into a store, continuing the story clustering the store already holds. */
export class Ingestor {
  private titles = new Map<string, { title: string; score: number }>();
  private clusterer!: OnlineClusterer;
  private generation = 0;
  /** Steps redone because another writer committed in between. */
  retries = 0;
  private constructor(
    readonly store: Store,
    private opts: IngestOptions,
  ) {}

  /** Open an ingest on a store: loads warm stories and term statistics. */
  static async open(store: Store, opts: IngestOptions = {}): Promise<Ingestor> {
    const ing = new Ingestor(store, opts);
    await ing.load();
    return ing;
  }

  /** (Re)load the clusterer's state from the store. */
  private async load(): Promise<void> {
    const cold = { ...this.opts.cluster }.coldDays ?? 21;
    const newest = await this.store.newestDate();
    const since = newest ? shiftDays(newest.slice(0, 10), -2 * cold) : undefined;
    const snap = await this.store.clusterSnapshot({ since, limit: this.opts.warmStories ?? 20_000 });
    this.clusterer = new OnlineClusterer(this.opts.cluster ?? {}, { stories: snap.stories, stats: snap.stats });
    this.titles = new Map(snap.stories.map((s) => [s.id, { title: s.title, score: s.titleScore }]));
    this.generation = snap.generation;
  }

  /** Add articles (in the given order), committing every `batchSize`; problems are stored too. */
  async add(articles: Article[], problems: Problem[] = []): Promise<IngestResult[]> {
    const size = this.opts.batchSize ?? 200;
    const out: IngestResult[] = [];
    let pending = problems;
    for (let i = 0; i < articles.length || pending.length > 0; i += size) {
      out.push(...(await this.step(articles.slice(i, i + size), pending)));
      pending = [];
    }
    return out;
  }

  /** One committed step; if another writer got in first, reload and redo it. */
  private async step(articles: Article[], problems: Problem[]): Promise<IngestResult[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        const results = await this.attempt(articles, problems);
        this.opts.onCommitted?.(results);
        return results;
      } catch (e) {
        if (!(e instanceof StoreConflict) || attempt >= 20) throw e;
        this.retries++;
        await this.load();
      }
    }
  }

  private async attempt(articles: Article[], problems: Problem[]): Promise<IngestResult[]> {
    const existing = await this.store.existing(articles.map((a) => a.id));
    const results: IngestResult[] = [];
    const items: IngestItem[] = [];
    // The states of the stories this step touched (held here: the clusterer may let cold ones go).
    const touched = new Map<string, StoryState>();
    const termDeltas = new Map<string, number>();
    const stepProblems = [...problems];
    const seen = new Set<string>();
    for (const a of articles) {
      if (existing.has(a.id) || seen.has(a.id)) {
        results.push(withFile({ id: a.id, status: 'duplicate' }, a));
        continue;
      }
      seen.add(a.id);
      let analysis: IngestItem['analysis'];
      if (this.opts.analyze) {
        try {
          const r = analyzeArticle(a);
          analysis = storedAnalysis(r);
          for (const p of r.problems) stepProblems.push({ ...p, file: p.file ?? a.file });
        } catch (e) {
          stepProblems.push(problem('analysis-failed', a.file ?? a.id, (e as Error).message));
        }
      }
      const f = articleFeatures(a, this.clusterer.options.weights);
      for (const t of f.terms.keys()) termDeltas.set(t, (termDeltas.get(t) ?? 0) + 1);
      const assignment = this.clusterer.add(a, f);
      const state = this.clusterer.story(assignment.story)!;
      touched.set(assignment.story, state);
      this.retitle(state, a);
      items.push({ article: a, analysis, assignment });
      results.push(withFile({ id: a.id, status: 'new', story: assignment.story, created: assignment.created }, a));
    }
    const stories: StoryRecord[] = [];
    for (const [id, s] of [...touched].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      const t = this.titles.get(id)!;
      stories.push({ ...s, title: t.title, titleScore: t.score });
    }
    this.generation = await this.store.commit({ items, stories, termDeltas, docsDelta: items.length, problems: stepProblems, generation: this.generation });
    // Titles of stories the clusterer has let go cold are no longer needed in memory.
    if (this.titles.size > 2 * this.clusterer.size + 1000) for (const id of this.titles.keys()) if (!this.clusterer.story(id)) this.titles.delete(id);
    return results;
  }

  /** Keep the title that best covers the story's terms: the old one re-scored, or this article's. */
  private retitle(s: StoryState, a: Article): void {
    const storyId = s.id;
    const mine = headlineOf(a);
    const old = this.titles.get(storyId);
    const mineScore = titleScore(mine, s);
    if (!old) {
      this.titles.set(storyId, { title: mine, score: mineScore });
      return;
    }
    const oldScore = titleScore(old.title, s);
    this.titles.set(storyId, mineScore > oldScore ? { title: mine, score: mineScore } : { title: old.title, score: oldScore });
  }
}

function withFile(r: IngestResult, a: Article): IngestResult {
  if (a.file) r.file = a.file;
  return r;
}

function shiftDays(date: string, days: number): string {
  const t = Date.parse(date);
  if (Number.isNaN(t)) return date;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** The stored analysis of an article, computed and kept on first use. */
export async function analysisOf(store: Store, id: string): Promise<AnalyzedArticle | undefined> {
  const have = await store.analysis(id);
  if (have) return have;
  const a = await store.article(id);
  if (!a) return undefined;
  const r = analyzeArticle(a);
  await store.saveAnalysis(id, storedAnalysis(r));
  return r;
}


/** The analysed articles of a story in date order (analysing and keeping any not analysed yet). */
export async function storyAnalyses(store: Store, storyId: string): Promise<AnalyzedArticle[]> {
  const out: AnalyzedArticle[] = [];
  for (const a of await store.storyArticles(storyId)) {
    const have = await store.analysis(a.id);
    if (have) out.push(have);
    else {
      const r = analyzeArticle(a);
      await store.saveAnalysis(a.id, storedAnalysis(r));
      out.push(r);
    }
  }
  return out;
}
