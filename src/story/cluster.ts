/**
 * Story clustering. Each article becomes a weighted term vector (names, places, keywords,
 * numbers; weighted by rarity), and joins the most similar story that is still warm, or
 * starts a new one. Deterministic for a given input order; every assignment keeps the
 * shared terms that explain it. `clusterBatch` adds global term rarity, date order,
 * nearest-neighbour links and refinement passes for when all articles are at hand.
 */
import type { Article } from '../model/types.js';
import { articleFeatures, defaultFeatureWeights, type FeatureWeights, type Features } from './cluster-features.js';

/** Knobs of the clusterer (defaults in `defaultClusterOptions`). */
export interface ClusterOptions {
  /** Minimum similarity (cosine, 0..1) for an article to join a story. */
  threshold: number;
  /** A story goes cold this many days after its latest article; cold stories take no new articles. */
  coldDays: number;
  /** Similarity is scaled down by up to this fraction as the date gap approaches `coldDays`. */
  timeDecay: number;
  /** Terms kept per article vector and per story centroid. */
  articleTerms: number;
  storyTerms: number;
  weights: FeatureWeights;
  /** Most stories held in memory by the online clusterer (the least recently joined go first). */
  maxLive: number;
  /**
   * Pseudo-documents added to the document count for rarity: while a store is small, a
   * story's own words are in most of its documents and would look common; the prior keeps
   * them weighty until there is enough text to judge.
   */
  idfPrior: number;
}

export const defaultClusterOptions: ClusterOptions = {
  threshold: 0.15,
  coldDays: 21,
  timeDecay: 0.3,
  articleTerms: 80,
  storyTerms: 200,
  weights: defaultFeatureWeights,
  maxLive: 20_000,
  idfPrior: 100,
};

/** A story as the clusterer sees it: its centroid and date range. */
export interface StoryState {
  id: string;
  /** Earliest and latest publication date (`YYYY-MM-DD`) of its dated articles. */
  first?: string;
  last?: string;
  size: number;
  /** Sum of member article vectors (pruned to the strongest terms). */
  centroid: Map<string, number>;
  /** How terms are shown to people (`n:salazar` -> `Salazar`). */
  shown: Map<string, string>;
}

/** Where one article went and why. */
export interface Assignment {
  article: string;
  story: string;
  /** Similarity to the story when it joined (1 for the first article of a story). */
  similarity: number;
  /** The strongest terms the article shares with the story (shown forms). */
  shared: string[];
  created: boolean;
}

/** Term document frequencies, for rarity weights. */
export interface TermStats {
  docs: number;
  df: Map<string, number>;
}

/** A sparse unit vector of an article. */
export interface ArticleVector {
  id: string;
  date?: string;
  terms: Map<string, number>;
  shown: Map<string, string>;
}

/** Days from `a` to `b` (dates or date-times); undefined if either is missing or bad. */
export function dayGap(a?: string, b?: string): number | undefined {
  if (!a || !b) return undefined;
  const x = dayNumber(a);
  const y = dayNumber(b);
  if (x === undefined || y === undefined) return undefined;
  return y - x;
}

/** Days since 1970 of a `YYYY-MM-DD…` date, by arithmetic (the clusterer compares dates a lot). */
export function dayNumber(d: string): number | undefined {
  if (d.length < 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  for (let i = 0; i < 4; i++) y = y * 10 + d.charCodeAt(i) - 48;
  const m = (d.charCodeAt(5) - 48) * 10 + d.charCodeAt(6) - 48;
  const day = (d.charCodeAt(8) - 48) * 10 + d.charCodeAt(9) - 48;
  if (!(y >= 0 && m >= 1 && m <= 12 && day >= 1 && day <= 31)) return undefined;
  // Days from civil (H. Hinnant's algorithm).
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dateOf(a: Article): string | undefined {
  const d = a.published?.slice(0, 10);
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined;
}

/** Rarity weight of a term. */
export function idf(stats: TermStats, term: string, prior = 0): number {
  return Math.log((stats.docs + prior + 1) / ((stats.df.get(term) ?? 0) + 1)) + 1;
}

/** Count an article's terms into the statistics. */
export function countTerms(stats: TermStats, f: Features): void {
  stats.docs++;
  for (const t of f.terms.keys()) stats.df.set(t, (stats.df.get(t) ?? 0) + 1);
}

/** The article's unit vector: weighted counts times rarity, strongest terms only. */
export function vectorize(
  id: string,
  date: string | undefined,
  f: Features,
  stats: TermStats,
  keep: number,
  dropUnique = false,
  prior = 0,
): ArticleVector {
  const scored: Array<[string, number]> = [];
  for (const [t, v] of f.terms) {
    // With the whole set known, a term only this article has cannot tie it to anything.
    // (Online, a term new today may be the one that ties tomorrow's articles to it.)
    if (dropUnique && (stats.df.get(t) ?? 0) <= 1 && stats.docs > 1) continue;
    scored.push([t, v * idf(stats, t, prior)]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, keep);
  let norm = 0;
  for (const [, v] of top) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  const terms = new Map<string, number>();
  const shown = new Map<string, string>();
  for (const [t, v] of top) {
    terms.set(t, v / norm);
    shown.set(t, f.shown.get(t) ?? t);
  }
  return { id, date, terms, shown };
}

function norm(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v * v;
  return Math.sqrt(s);
}

/** The strongest terms two vectors share, as shown to people. */
export function sharedTerms(v: ArticleVector, c: Map<string, number>, shown: Map<string, string>, n = 8): string[] {
  const both: Array<[string, number]> = [];
  for (const [t, x] of v.terms) {
    const y = c.get(t);
    if (y !== undefined) both.push([t, x * y]);
  }
  both.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return both.slice(0, n).map(([t]) => shown.get(t) ?? v.shown.get(t) ?? t);
}

/** The id a story gets from its first article. */
export function storyIdFor(articleId: string): string {
  return 's' + articleId.slice(0, 12);
}

/** Time factor in [0, 1]: 0 when the story is cold for this date. */
function timeFactor(date: string | undefined, s: StoryState, o: ClusterOptions): number {
  if (!date || !s.first || !s.last) return 1;
  const after = dayGap(s.last, date)!;
  const before = dayGap(date, s.first)!;
  const gap = Math.max(0, after, before);
  if (gap > o.coldDays) return 0;
  return 1 - o.timeDecay * (gap / o.coldDays);
}

interface Live {
  state: StoryState;
  norm: number;
  /** Slot number in the postings (online clusterer only). */
  slot: number;
  /** When it last took an article (a counter), for evicting the least recent. */
  touched: number;
  /** Date range as day numbers (online clusterer only). */
  firstDay?: number;
  lastDay?: number;
}

/**
 * Online clustering: `add` places one article at a time. State (stories, term statistics)
 * can be loaded from and saved to a store, so an ingest continues where the last one ended.
 */
export class OnlineClusterer {
  readonly options: ClusterOptions;
  readonly stats: TermStats;
  private live = new Map<string, Live>();
  /** term -> story id -> centroid weight */
  private index = new Map<string, Map<number, number>>();
  private slots: Array<Live | undefined> = [];
  private freeSlots: number[] = [];
  private dots = new Float64Array(1024);
  /** Latest date seen: stories colder than that are dropped from memory. */
  private newest?: string;
  private sinceEvict = 0;
  private clock = 0;
  /** When set, term statistics are fixed (batch mode) and not updated by `add`. */
  private frozenStats: boolean;

  constructor(opts: Partial<ClusterOptions> = {}, init: { stories?: StoryState[]; stats?: TermStats; frozenStats?: boolean } = {}) {
    this.options = { ...defaultClusterOptions, ...opts };
    this.stats = init.stats ?? { docs: 0, df: new Map() };
    this.frozenStats = init.frozenStats ?? false;
    for (const s of init.stories ?? []) this.put(s);
  }

  /** Stories currently held in memory (warm ones). */
  stories(): StoryState[] {
    return [...this.live.values()].map((l) => l.state);
  }

  /** Number of stories held in memory. */
  get size(): number {
    return this.live.size;
  }

  story(id: string): StoryState | undefined {
    return this.live.get(id)?.state;
  }

  private put(s: StoryState): void {
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const l: Live = {
      state: s,
      norm: norm(s.centroid),
      slot,
      touched: ++this.clock,
      firstDay: s.first ? dayNumber(s.first) : undefined,
      lastDay: s.last ? dayNumber(s.last) : undefined,
    };
    this.live.set(s.id, l);
    this.slots[slot] = l;
    if (slot >= this.dots.length) this.dots = new Float64Array(this.dots.length * 2);
    for (const [t, w] of s.centroid) {
      let post = this.index.get(t);
      if (!post) this.index.set(t, (post = new Map()));
      post.set(slot, w);
    }
    if (s.last && (!this.newest || s.last > this.newest)) this.newest = s.last;
  }

  private drop(id: string): void {
    const l = this.live.get(id);
    if (!l) return;
    for (const t of l.state.centroid.keys()) {
      const post = this.index.get(t);
      if (!post) continue;
      post.delete(l.slot);
      if (post.size === 0) this.index.delete(t);
    }
    this.live.delete(id);
    this.slots[l.slot] = undefined;
    this.freeSlots.push(l.slot);
  }

  /** Add an article to a live story, updating its postings in place (pruning now and then). */
  private grow(l: Live, v: ArticleVector): void {
    const s = l.state;
    let n2 = l.norm * l.norm;
    for (const [t, x] of v.terms) {
      const old = s.centroid.get(t) ?? 0;
      const w = old + x;
      s.centroid.set(t, w);
      n2 += w * w - old * old;
      if (!s.shown.has(t)) s.shown.set(t, v.shown.get(t) ?? t);
      let post = this.index.get(t);
      if (!post) this.index.set(t, (post = new Map()));
      post.set(l.slot, w);
    }
    s.size++;
    if (v.date) {
      if (!s.first || v.date < s.first) s.first = v.date;
      if (!s.last || v.date > s.last) s.last = v.date;
    }
    l.norm = Math.sqrt(Math.max(0, n2));
    l.firstDay = s.first ? dayNumber(s.first) : undefined;
    l.lastDay = s.last ? dayNumber(s.last) : undefined;
    l.touched = ++this.clock;
    if (s.centroid.size > this.options.storyTerms * 1.5) {
      this.drop(s.id);
      prune(s, this.options.storyTerms);
      this.put(s);
    }
  }

  /** Place an article; returns its assignment. `features` may be given if already computed. */
  add(article: Article, features?: Features): Assignment {
    const f = features ?? articleFeatures(article, this.options.weights);
    if (!this.frozenStats) countTerms(this.stats, f);
    const v = vectorize(article.id, dateOf(article), f, this.stats, this.options.articleTerms, false, this.options.idfPrior);
    return this.place(v);
  }

  /** Place an already vectorised article. */
  place(v: ArticleVector): Assignment {
    const o = this.options;
    // Dot products by walking the postings of the article's terms (exact, and fast).
    const dots = this.dots;
    const touched: number[] = [];
    for (const [t, x] of v.terms) {
      const post = this.index.get(t);
      if (post)
        for (const [slot, y] of post) {
          if (dots[slot] === 0) touched.push(slot);
          dots[slot]! += x * y;
        }
    }
    let best: Live | undefined;
    let bestSim = 0;
    const day = v.date ? dayNumber(v.date) : undefined;
    for (const slot of touched) {
      const dot = dots[slot]!;
      dots[slot] = 0;
      const l = this.slots[slot]!;
      if (l.norm === 0) continue;
      let sim = dot / l.norm;
      if (sim < bestSim) continue; // the time factor only lowers it
      if (day !== undefined && l.firstDay !== undefined && l.lastDay !== undefined) {
        const gap = Math.max(0, day - l.lastDay, l.firstDay - day);
        if (gap > o.coldDays) continue;
        sim *= 1 - o.timeDecay * (gap / o.coldDays);
      }
      if (sim > bestSim || (sim === bestSim && best && l.state.id < best.state.id)) {
        bestSim = sim;
        best = l;
      }
    }
    let assignment: Assignment;
    if (best && bestSim >= o.threshold) {
      const shared = sharedTerms(v, best.state.centroid, best.state.shown);
      this.grow(best, v);
      assignment = { article: v.id, story: best.state.id, similarity: round(bestSim), shared, created: false };
    } else {
      const s: StoryState = { id: storyIdFor(v.id), size: 0, centroid: new Map(), shown: new Map() };
      join(s, v, o.storyTerms);
      this.put(s);
      assignment = { article: v.id, story: s.id, similarity: 1, shared: [], created: true };
    }
    if (v.date && (!this.newest || v.date > this.newest)) this.newest = v.date;
    this.evictCold(assignment.story);
    return assignment;
  }

  /**
   * Forget stories that are cold for the newest date and have not taken an article for a
   * while (so an older batch arriving late still clusters), and beyond `maxLive` the least
   * recently joined ones (undated streams never go cold): memory stays flat. The story just
   * joined or started is always kept.
   */
  private evictCold(keep: string): void {
    if (this.live.size < 256 || ++this.sinceEvict < 256) return;
    this.sinceEvict = 0;
    const recent = 1000;
    if (this.newest) {
      const newest = dayNumber(this.newest)!;
      for (const [id, l] of this.live) {
        if (id === keep || l.lastDay === undefined || this.clock - l.touched < recent) continue;
        if (newest - l.lastDay > this.options.coldDays * 2) this.drop(id);
      }
    }
    if (this.live.size > this.options.maxLive) {
      const byAge = [...this.live.values()].filter((l) => l.state.id !== keep).sort((a, b) => a.touched - b.touched);
      for (const l of byAge.slice(0, this.live.size - this.options.maxLive)) this.drop(l.state.id);
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Add an article vector to a story: centroid, shown forms, size, dates. */
export function join(s: StoryState, v: ArticleVector, keep: number): void {
  for (const [t, x] of v.terms) {
    s.centroid.set(t, (s.centroid.get(t) ?? 0) + x);
    if (!s.shown.has(t)) s.shown.set(t, v.shown.get(t) ?? t);
  }
  s.size++;
  if (v.date) {
    if (!s.first || v.date < s.first) s.first = v.date;
    if (!s.last || v.date > s.last) s.last = v.date;
  }
  if (s.centroid.size > keep) prune(s, keep);
}

function prune(s: StoryState, keep: number): void {
  const sorted = [...s.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  s.centroid = new Map(sorted.slice(0, keep));
  for (const t of s.shown.keys()) if (!s.centroid.has(t)) s.shown.delete(t);
}

/** The strongest terms of a story (what holds it together), shown forms with weights. */
export function storyTerms(s: StoryState, n = 12): Array<{ term: string; weight: number }> {
  const sorted = [...s.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return sorted.slice(0, n).map(([t, w]) => ({ term: s.shown.get(t) ?? t, weight: round(w / Math.max(1, s.size)) }));
}

/** Result of batch clustering. */
export interface BatchResult {
  assignments: Assignment[];
  stories: StoryState[];
}

/** Order articles for clustering: by date (undated first), then id — deterministic. */
export function clusterOrder<T extends Article>(articles: T[]): T[] {
  return [...articles].sort((a, b) => {
    const x = dateOf(a) ?? '';
    const y = dateOf(b) ?? '';
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Batch knobs on top of the online ones. */
export interface BatchOptions extends ClusterOptions {
  /** Similarity for the first online pass (high: small, precise seed stories). */
  seed: number;
  /** Group-average similarity down to which seed stories are merged (0 = no merging). */
  merge: number;
  /** Refinement passes after merging (each article moves to its best story). */
  passes: number;
  /** Similarity an article needs to its best story in refinement, else it stands alone. */
  refineThreshold: number;
  /** Nearest neighbours of each article that link it to others when merging (0 = cosine only). */
  neighbours: number;
  /** Share of the merge similarity that comes from neighbour links (the rest is cosine). */
  neighbourWeight: number;
}

export const defaultBatchOptions: BatchOptions = {
  ...defaultClusterOptions,
  idfPrior: 0,
  seed: 0.3,
  merge: 0.1,
  passes: 1,
  refineThreshold: 0.1,
  neighbours: 5,
  neighbourWeight: 0.5,
};

/**
 * Cluster a whole set at once: rarity from the whole set, a precise online pass in date
 * order, then group-average merging of the seed stories, helped by each article's nearest
 * neighbours (and optional refinement passes).
 */
export function clusterBatch(articles: Article[], opts: Partial<BatchOptions> = {}): BatchResult {
  const o: BatchOptions = { ...defaultBatchOptions, ...opts };
  const ordered = clusterOrder(dedupe(articles));
  const feats = ordered.map((a) => articleFeatures(a, o.weights));
  const stats: TermStats = { docs: 0, df: new Map() };
  for (const f of feats) countTerms(stats, f);
  const vectors = ordered.map((a, i) => vectorize(a.id, dateOf(a), feats[i]!, stats, o.articleTerms, true, o.idfPrior));
  const online = new OnlineClusterer({ ...o, threshold: o.seed }, { stats, frozenStats: true });
  let assignments = vectors.map((v) => online.place(v));
  const links = o.neighbours > 0 ? neighbourLinks(vectors, o) : undefined;
  if (o.merge > 0) assignments = agglomerate(vectors, assignments, o, o.merge, links);
  for (let pass = 0; pass < o.passes; pass++) assignments = refine(vectors, assignments, { ...o, threshold: o.refineThreshold });
  return { assignments, stories: rebuild(vectors, assignments, o).map((l) => l.state) };
}

function dedupe(articles: Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

/** Stories rebuilt from scratch from their members (full centroids, no pruning). */
function rebuild(vectors: ArticleVector[], assignments: Assignment[], o: ClusterOptions): Live[] {
  const byId = new Map<string, StoryState>();
  for (let i = 0; i < vectors.length; i++) {
    const sid = assignments[i]!.story;
    let s = byId.get(sid);
    if (!s) byId.set(sid, (s = { id: sid, size: 0, centroid: new Map(), shown: new Map() }));
    join(s, vectors[i]!, Number.MAX_SAFE_INTEGER);
  }
  return [...byId.values()].map((s) => {
    if (s.centroid.size > o.storyTerms) prune(s, o.storyTerms);
    return { state: s, norm: norm(s.centroid), slot: -1, touched: 0 };
  });
}

/**
 * One refinement pass: each article (in order) moves to the story it is most similar to,
 * judged against the other stories' centroids and its own story without itself.
 */
function refine(vectors: ArticleVector[], assignments: Assignment[], o: ClusterOptions): Assignment[] {
  const stories = rebuild(vectors, assignments, o);
  const slotOf = new Map(stories.map((l, i) => [l.state.id, i]));
  const index = new Map<string, Array<[number, number]>>();
  stories.forEach((l, i) => {
    for (const [t, w] of l.state.centroid) {
      let post = index.get(t);
      if (!post) index.set(t, (post = []));
      post.push([i, w]);
    }
  });
  const dots = new Float64Array(stories.length);
  const out: Assignment[] = [];
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    const own = slotOf.get(assignments[i]!.story)!;
    const touched: number[] = [];
    for (const [t, x] of v.terms) {
      const post = index.get(t);
      if (post)
        for (const [j, y] of post) {
          if (dots[j] === 0) touched.push(j);
          dots[j]! += x * y;
        }
    }
    let best = own;
    let bestSim = -1;
    for (const j of touched) {
      const dot = dots[j]!;
      dots[j] = 0;
      const l = stories[j]!;
      let sim: number;
      if (j === own) {
        if (l.state.size <= 1) continue;
        // Leave-one-out: the article's own story without the article.
        let n2 = l.norm * l.norm;
        let d = dot;
        for (const [t, x] of v.terms) {
          const y = l.state.centroid.get(t);
          if (y === undefined) continue;
          n2 += (y - x) * (y - x) - y * y;
          d -= x * x;
        }
        sim = n2 > 1e-12 ? d / Math.sqrt(n2) : 0;
      } else sim = l.norm > 0 ? dot / l.norm : 0;
      if (sim <= bestSim) continue;
      sim *= timeFactor(v.date, l.state, o);
      if (sim > bestSim || (sim === bestSim && l.state.id < stories[best]!.state.id)) {
        bestSim = sim;
        best = j;
      }
    }
    if (bestSim < o.threshold) {
      // Fits nowhere: alone (keeps its own id if it started its story).
      out.push({ article: v.id, story: storyIdFor(v.id), similarity: 1, shared: [], created: true });
    } else {
      const l = stories[best]!;
      out.push({ article: v.id, story: l.state.id, similarity: round(bestSim), shared: sharedTerms(v, l.state.centroid, l.state.shown), created: false });
    }
  }
  return out;
}

/**
 * Group-average agglomeration of clusters: repeatedly merge the two clusters whose members
 * are most similar on average (mean pairwise cosine), while that is at least `minSimilarity`
 * and their date ranges are within `coldDays`. Dot products of cluster sums are additive,
 * so a merge updates one row. With `links` (nearest-neighbour links, see `neighbourLinks`)
 * the similarity is a blend: `1 - neighbourWeight` of the mean cosine, and `neighbourWeight`
 * of how much of the smaller cluster's neighbour links join it to the other cluster (link
 * counts are additive too). Mean cosine alone asks the same of every story, but a story told
 * in varied words has a low mean cosine even though its articles are each other's nearest
 * neighbours, while the edge of a tightly worded story can be close to the story next door
 * without its nearest neighbours being there. Link shares do not shrink as clusters grow.
 */
export function agglomerate(
  vectors: ArticleVector[],
  assignments: Assignment[],
  o: BatchOptions,
  minSimilarity: number,
  links?: Links,
): Assignment[] {
  // Clusters in order of first appearance.
  const ids: string[] = [];
  const slot = new Map<string, number>();
  const member: number[] = [];
  for (const a of assignments) {
    let k = slot.get(a.story);
    if (k === undefined) {
      k = ids.length;
      slot.set(a.story, k);
      ids.push(a.story);
    }
    member.push(k);
  }
  const k = ids.length;
  const sums: Array<Map<string, number>> = Array.from({ length: k }, () => new Map());
  const size = new Float64Array(k);
  const first: Array<string | undefined> = new Array(k);
  const last: Array<string | undefined> = new Array(k);
  vectors.forEach((v, i) => {
    const c = member[i]!;
    const s = sums[c]!;
    for (const [t, x] of v.terms) s.set(t, (s.get(t) ?? 0) + x);
    size[c]!++;
    if (v.date) {
      if (!first[c] || v.date < first[c]!) first[c] = v.date;
      if (!last[c] || v.date > last[c]!) last[c] = v.date;
    }
  });
  // Pairwise dot products of sums, through postings.
  const dot = Array.from({ length: k }, () => new Float64Array(k));
  const post = new Map<string, Array<[number, number]>>();
  for (let c = 0; c < k; c++)
    for (const [t, x] of sums[c]!) {
      let p = post.get(t);
      if (!p) post.set(t, (p = []));
      p.push([c, x]);
    }
  // Clusters are numbered in date order (articles come in date order), so along a posting
  // list we can stop at the first cluster that starts long after this one ends: pairs that
  // far apart can never merge. (Twice the cold window, since merges widen date ranges.)
  const firstDay = first.map((d) => (d ? dayNumber(d)! : NaN));
  const lastDay = last.map((d) => (d ? dayNumber(d)! : NaN));
  for (const p of post.values())
    for (let a = 0; a < p.length; a++) {
      const [ca, xa] = p[a]!;
      const until = lastDay[ca]! + 2 * o.coldDays;
      for (let b = a + 1; b < p.length; b++) {
        const [cb, xb] = p[b]!;
        if (firstDay[cb]! > until) break;
        dot[ca]![cb]! += xa * xb;
      }
    }
  // Neighbour links between clusters, kept sparse (each article has few): cluster -> cluster -> weight.
  const linked = links ? Array.from({ length: k }, () => new Map<number, number>()) : undefined;
  const addLink = (m: Array<Map<number, number>>, a: number, b: number, x: number) => {
    m[a]!.set(b, (m[a]!.get(b) ?? 0) + x);
    m[b]!.set(a, (m[b]!.get(a) ?? 0) + x);
  };
  if (linked && links)
    for (let p = 0; p < links.a.length; p++) {
      const ca = member[links.a[p]!]!;
      const cb = member[links.b[p]!]!;
      if (ca !== cb) addLink(linked, ca, cb, links.weight[p]!);
    }
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) dot[b]![a] = dot[a]![b]!;
  const alive = new Uint8Array(k).fill(1);
  const parent = Int32Array.from({ length: k }, (_, i) => i);
  const root = (c: number): number => (parent[c] === c ? c : (parent[c] = root(parent[c]!)));
  const apart = (a: number, b: number): boolean => {
    const fa = firstDay[a]!;
    const fb = firstDay[b]!;
    if (Number.isNaN(fa) || Number.isNaN(fb)) return false;
    return Math.max(fb - lastDay[a]!, fa - lastDay[b]!) > o.coldDays;
  };
  const w = o.neighbourWeight;
  const sim = (a: number, b: number): number => {
    if (apart(a, b)) return -1;
    const cos = dot[a]![b]! / (size[a]! * size[b]!);
    if (!linked) return cos;
    return (1 - w) * cos + w * Math.min(1, (linked[a]!.get(b) ?? 0) / Math.min(size[a]!, size[b]!));
  };
  const best = new Int32Array(k).fill(-1);
  const bestSim = new Float64Array(k).fill(-1);
  const rowBest = (a: number) => {
    best[a] = -1;
    bestSim[a] = -1;
    for (let b = 0; b < k; b++) {
      if (b === a || !alive[b]) continue;
      const s = sim(a, b);
      if (s > bestSim[a]!) {
        bestSim[a] = s;
        best[a] = b;
      }
    }
  };
  for (let a = 0; a < k; a++) rowBest(a);
  for (;;) {
    let a = -1;
    for (let c = 0; c < k; c++) if (alive[c] && best[c]! >= 0 && (a < 0 || bestSim[c]! > bestSim[a]!)) a = c;
    if (a < 0 || bestSim[a]! < minSimilarity) break;
    let b = best[a]!;
    if (b < a) [a, b] = [b, a]; // keep the earlier cluster (its id)
    alive[b] = 0;
    for (let c = 0; c < k; c++) {
      if (!alive[c] || c === a) continue;
      dot[a]![c]! += dot[b]![c]!;
      dot[c]![a] = dot[a]![c]!;
    }
    if (linked) {
      linked[a]!.delete(b);
      for (const [c, x] of linked[b]!) {
        if (c === a) continue;
        linked[c]!.delete(b);
        addLink(linked, a, c, x);
      }
      linked[b]!.clear();
    }
    size[a]! += size[b]!;
    if (!Number.isNaN(firstDay[b]!) && (Number.isNaN(firstDay[a]!) || firstDay[b]! < firstDay[a]!)) firstDay[a] = firstDay[b]!;
    if (!Number.isNaN(lastDay[b]!) && (Number.isNaN(lastDay[a]!) || lastDay[b]! > lastDay[a]!)) lastDay[a] = lastDay[b]!;
    for (const [t, x] of sums[b]!) sums[a]!.set(t, (sums[a]!.get(t) ?? 0) + x);
    parent[b] = a;
    rowBest(a);
    for (let c = 0; c < k; c++) {
      if (!alive[c] || c === a) continue;
      if (best[c] === a || best[c] === b) rowBest(c);
      else {
        const s = sim(c, a);
        if (s > bestSim[c]!) {
          bestSim[c] = s;
          best[c] = a;
        }
      }
    }
  }
  return assignments.map((a, i) => {
    const story = ids[root(member[i]!)]!;
    return story === a.story ? a : { ...a, story, created: false };
  });
}

/** Nearest-neighbour links: article pairs `a[p] < b[p]` (indices) and their weight. */
export interface Links {
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
}

/**
 * Nearest-neighbour links, weighted by shared neighbours (Jarvis & Patrick 1973): each
 * article's k = `neighbours` most similar articles (dates within `coldDays`) are its
 * neighbours; when j is among i's, the pair gets 1/(2k) times the share of the two lists
 * (each with its own article) that they have in common, so an article's links weigh at most
 * 1. Two articles of one story share their neighbours; an article whose list runs out of its
 * own story into another one shares little with what it reaches there.
 * `vectors` are in date order (undated first), which bounds the search to the cold window.
 */
export function neighbourLinks(vectors: ArticleVector[], o: BatchOptions): Links {
  const n = vectors.length;
  const k = o.neighbours;
  const days = vectors.map((v) => (v.date ? (dayNumber(v.date) ?? NaN) : NaN));
  // Postings in article order: the undated first, then by date.
  const post = new Map<string, { ids: number[]; weights: number[]; undated: number }>();
  vectors.forEach((v, i) => {
    for (const [t, x] of v.terms) {
      let p = post.get(t);
      if (!p) post.set(t, (p = { ids: [], weights: [], undated: 0 }));
      p.ids.push(i);
      p.weights.push(x);
      if (Number.isNaN(days[i]!)) p.undated++;
    }
  });
  // Each article's list: itself, then its neighbours, nearest first.
  const lists: number[][] = [];
  const dots = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const di = days[i]!;
    const touched: number[] = [];
    for (const [t, x] of vectors[i]!.terms) {
      const { ids, weights, undated } = post.get(t)!;
      // The undated, then the dated from the start of the cold window until its end.
      let from = undated;
      if (!Number.isNaN(di)) {
        let hi = ids.length;
        while (from < hi) {
          const mid = (from + hi) >> 1;
          if (days[ids[mid]!]! < di - o.coldDays) from = mid + 1;
          else hi = mid;
        }
      }
      const add = (q: number) => {
        const j = ids[q]!;
        if (j === i) return;
        if (dots[j] === 0) touched.push(j);
        dots[j]! += x * weights[q]!;
      };
      for (let q = 0; q < undated; q++) add(q);
      for (let q = from; q < ids.length && !(days[ids[q]!]! > di + o.coldDays); q++) add(q);
    }
    const near = touched.map((j): [number, number] => [j, dots[j]!]);
    for (const j of touched) dots[j] = 0;
    near.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    lists.push([i, ...near.slice(0, k).map(([j]) => j)]);
  }
  const pairs = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const mine = new Set(lists[i]);
    for (const j of lists[i]!.slice(1)) {
      let shared = 0;
      for (const x of lists[j]!) if (mine.has(x)) shared++;
      const key = i < j ? i * n + j : j * n + i;
      pairs.set(key, (pairs.get(key) ?? 0) + shared / (2 * k * (k + 1)));
    }
  }
  const keys = [...pairs.keys()].sort((x, y) => x - y);
  const links: Links = { a: new Int32Array(keys.length), b: new Int32Array(keys.length), weight: new Float64Array(keys.length) };
  keys.forEach((key, p) => {
    links.a[p] = Math.floor(key / n);
    links.b[p] = key % n;
    links.weight[p] = pairs.get(key)!;
  });
  return links;
}
