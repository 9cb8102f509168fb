/**
 * An in-memory Store for tests and one-off runs: the same behaviour as SQLite (idempotent
 * commits, story listing, problems), with a plain word search in place of FTS5.
 */
import type { AnalyzedArticle, Article, Problem } from '../model/types.js';
import type { Assignment } from '../story/cluster.js';
import { storyTerms } from '../story/cluster.js';
import type {
  ClusterSnapshot,
  IngestBatch,
  IngestItem,
  SearchHit,
  Store,
  StoredProblem,
  StoryInfo,
  StoryMember,
  StoryQuery,
  StoryRecord,
} from './types.js';
import { StoreConflict } from './types.js';

interface Row {
  seq: number;
  item: IngestItem;
}

function copyStory(s: StoryRecord): StoryRecord {
  return { ...s, centroid: new Map(s.centroid), shown: new Map(s.shown) };
}

const clone = <T>(x: T): T => structuredClone(x);

/** A Store held in memory. */
export class MemoryStore implements Store {
  private rows = new Map<string, Row>();
  private storyMap = new Map<string, StoryRecord>();
  private df = new Map<string, number>();
  private docs = 0;
  private problemMap = new Map<string, StoredProblem>();
  private seq = 0;
  private generation = 0;
  private touched = new Map<string, number>();

  async existing(ids: string[]): Promise<Set<string>> {
    return new Set(ids.filter((id) => this.rows.has(id)));
  }

  async commit(batch: IngestBatch): Promise<number> {
    if (batch.generation !== this.generation) throw new StoreConflict(batch.generation, this.generation);
    for (const it of batch.items) {
      if (this.rows.has(it.article.id)) continue;
      this.rows.set(it.article.id, { seq: ++this.seq, item: clone(it) });
    }
    for (const s of batch.stories) {
      this.storyMap.set(s.id, copyStory(s));
      this.touched.set(s.id, this.generation + 1);
    }
    for (const [t, d] of batch.termDeltas) this.df.set(t, (this.df.get(t) ?? 0) + d);
    this.docs += batch.docsDelta;
    await this.addProblems(batch.problems);
    return ++this.generation;
  }

  async addProblems(problems: Problem[]): Promise<void> {
    for (const p of problems) {
      const key = p.code + '\u0000' + p.message;
      const old = this.problemMap.get(key);
      if (old) old.seen++;
      else this.problemMap.set(key, { ...clone(p), seen: 1 });
    }
  }

  async clusterSnapshot(opts: { since?: string; limit: number; recent?: number }): Promise<ClusterSnapshot> {
    const all = [...this.storyMap.values()];
    const warm = all
      .filter((s) => !s.last || !opts.since || s.last >= opts.since)
      .sort((a, b) => (a.last ?? '\uffff') < (b.last ?? '\uffff') ? 1 : (a.last ?? '\uffff') > (b.last ?? '\uffff') ? -1 : 0)
      .slice(0, opts.limit);
    const recent = [...all].sort((a, b) => (this.touched.get(b.id) ?? 0) - (this.touched.get(a.id) ?? 0)).slice(0, opts.recent ?? 2000);
    const stories = [...new Set([...warm, ...recent])].map(copyStory);
    return { stories, stats: { docs: this.docs, df: new Map(this.df) }, generation: this.generation };
  }

  async newestDate(): Promise<string | undefined> {
    let max: string | undefined;
    for (const r of this.rows.values()) {
      const d = r.item.article.published;
      if (d && (!max || d > max)) max = d;
    }
    return max;
  }

  async article(id: string): Promise<Article | undefined> {
    const r = this.rows.get(id);
    return r ? clone(r.item.article) : undefined;
  }

  async analysis(id: string): Promise<AnalyzedArticle | undefined> {
    const r = this.rows.get(id);
    if (!r?.item.analysis) return undefined;
    return { ...clone(r.item.analysis), text: r.item.article.text };
  }

  async saveAnalysis(id: string, analysis: Omit<AnalyzedArticle, 'text'>): Promise<void> {
    const r = this.rows.get(id);
    if (r) r.item.analysis = clone(analysis);
  }

  private members(id: string): Row[] {
    return [...this.rows.values()]
      .filter((r) => r.item.assignment.story === id)
      .sort((a, b) => {
        const x = a.item.article.published;
        const y = b.item.article.published;
        if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1;
        return a.seq - b.seq;
      });
  }

  private info(s: StoryRecord): StoryInfo {
    const m = this.members(s.id);
    const out: Pick<StoryInfo, 'id' | 'title' | 'first' | 'last'> = { id: s.id, title: s.title };
    if (s.first) out.first = s.first;
    if (s.last) out.last = s.last;
    return {
      ...out,
      articles: m.length,
      sources: new Set(m.map((r) => r.item.article.source).filter(Boolean)).size,
      terms: storyTerms(s, 10),
    };
  }

  async stories(q: StoryQuery = {}): Promise<StoryInfo[]> {
    return [...this.storyMap.values()]
      .filter((s) => !q.since || (s.last !== undefined && s.last >= q.since))
      .sort((a, b) => {
        if (a.last !== b.last) return a.last === undefined ? 1 : b.last === undefined ? -1 : a.last < b.last ? 1 : -1;
        return b.size - a.size || (a.id < b.id ? -1 : 1);
      })
      .slice(0, q.limit ?? Infinity)
      .map((s) => this.info(s));
  }

  async story(id: string): Promise<StoryInfo | undefined> {
    const s = this.storyMap.get(id);
    return s ? this.info(s) : undefined;
  }

  async storyState(id: string): Promise<StoryRecord | undefined> {
    const s = this.storyMap.get(id);
    return s ? copyStory(s) : undefined;
  }

  async storyMembers(id: string): Promise<StoryMember[]> {
    return this.members(id).map(({ item: { article: a, assignment } }) => {
      const m: StoryMember = { id: a.id, similarity: assignment.similarity, shared: [...assignment.shared] };
      const title = a.title ?? (a.headline ? a.text.slice(a.headline.start, a.headline.end) : undefined);
      if (title) m.title = title;
      if (a.source) m.source = a.source;
      if (a.file) m.file = a.file;
      if (a.published) m.published = a.published;
      return m;
    });
  }

  async storyArticles(id: string): Promise<Article[]> {
    return this.members(id).map((r) => clone(r.item.article));
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const words = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !['and', 'or', 'not', 'near'].includes(w));
    if (words.length === 0) return [];
    const hits: SearchHit[] = [];
    for (const { item } of [...this.rows.values()].sort((a, b) => a.seq - b.seq)) {
      const a = item.article;
      const hay = ((a.title ?? '') + '\n' + a.text).toLowerCase();
      if (!words.every((w) => new RegExp(`\\b${w}\\b`, 'u').test(hay))) continue;
      const at = a.text.toLowerCase().search(new RegExp(`\\b${words[0]}\\b`, 'u'));
      const from = Math.max(0, at - 60);
      let snippet = a.text.slice(from, Math.max(at, 0) + 100).replace(/\s+/g, ' ');
      for (const w of words) snippet = snippet.replace(new RegExp(`\\b(${w})\\b`, 'giu'), '[$1]');
      const h: SearchHit = { id: a.id, snippet: (from > 0 ? '…' : '') + snippet + '…', rank: -words.length };
      if (a.title) h.title = a.title;
      if (a.file) h.file = a.file;
      if (a.published) h.published = a.published;
      h.story = item.assignment.story;
      const st = this.storyMap.get(item.assignment.story);
      if (st) h.storyTitle = st.title;
      hits.push(h);
    }
    return hits.slice(0, opts.limit ?? 20);
  }

  async problems(): Promise<StoredProblem[]> {
    return [...this.problemMap.values()].map(clone).sort((a, b) => (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
  }

  async counts(): Promise<{ articles: number; stories: number; problems: number }> {
    return { articles: this.rows.size, stories: this.storyMap.size, problems: this.problemMap.size };
  }

  async *allArticles(): AsyncIterable<Article> {
    for (const r of [...this.rows.values()].sort((a, b) => a.seq - b.seq)) yield clone(r.item.article);
  }

  async replaceStories(assignments: Assignment[], stories: StoryRecord[]): Promise<void> {
    for (const a of assignments) {
      const r = this.rows.get(a.article);
      if (r) r.item.assignment = { ...a, shared: [...a.shared] };
    }
    this.storyMap = new Map(stories.map((s) => [s.id, copyStory(s)]));
    this.generation++;
  }

  async close(): Promise<void> {}
}
