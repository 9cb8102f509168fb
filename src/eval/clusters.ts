/**
 * Clustering quality: B-cubed precision/recall/F1 and NMI against gold groups, and the
 * `eval clusters` runs on pooled DUC 2004 clusters and pooled Timeline17 topics.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../model/types.js';
import { readInputs } from '../read/index.js';
import { OnlineClusterer, clusterBatch, clusterOrder, type Assignment, type BatchOptions } from '../story/cluster.js';

/** B-cubed scores (Bagga & Baldwin 1998): per-item precision and recall, averaged over items. */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed precision, recall and F1 of `predicted` against `gold` (both item -> group; items of `gold` only). */
export function bcubed(predicted: Map<string, string>, gold: Map<string, string>): BCubed {
  const items = [...gold.keys()];
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (const it of items) {
    const p = predicted.get(it) ?? '\u0000' + it;
    const g = gold.get(it)!;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    const k = p + '\u0001' + g;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const it of items) {
    const p = predicted.get(it) ?? '\u0000' + it;
    const g = gold.get(it)!;
    const n = both.get(p + '\u0001' + g)!;
    precision += n / predSize.get(p)!;
    recall += n / goldSize.get(g)!;
  }
  precision /= items.length || 1;
  recall /= items.length || 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/** Normalised mutual information, arithmetic-mean normalisation (as scikit-learn's default). */
export function nmi(predicted: Map<string, string>, gold: Map<string, string>): number {
  const items = [...gold.keys()];
  const n = items.length;
  if (n === 0) return 0;
  const pc = new Map<string, number>();
  const gc = new Map<string, number>();
  const joint = new Map<string, number>();
  for (const it of items) {
    const p = predicted.get(it) ?? '\u0000' + it;
    const g = gold.get(it)!;
    pc.set(p, (pc.get(p) ?? 0) + 1);
    gc.set(g, (gc.get(g) ?? 0) + 1);
    const k = p + '\u0001' + g;
    joint.set(k, (joint.get(k) ?? 0) + 1);
  }
  let mi = 0;
  for (const [k, c] of joint) {
    const [p, g] = k.split('\u0001') as [string, string];
    mi += (c / n) * Math.log((c * n) / (pc.get(p)! * gc.get(g)!));
  }
  const hp = entropy(pc.values(), n);
  const hg = entropy(gc.values(), n);
  if (hp === 0 && hg === 0) return 1;
  return mi / ((hp + hg) / 2);
}

/** An article with its gold group. */
export interface GoldArticle {
  article: Article;
  gold: string;
}

/** DUC 2004 documents: `docs/<topic>/D*.txt`, gold = topic folder. No publication dates. */
export async function readDuc(root: string): Promise<GoldArticle[]> {
  const out: GoldArticle[] = [];
  for (const topic of readdirSync(root).sort()) {
    const dir = join(root, topic);
    if (!statSync(dir).isDirectory()) continue;
    const { articles } = await readInputs([dir]);
    for (const a of articles) out.push({ article: a, gold: topic });
  }
  return out;
}

/** Timeline17 collections: `<collection>/InputDocs/<date>/<id>.htm.txt`; gold = collection prefix (topic). */
export async function readT17(root: string): Promise<GoldArticle[]> {
  const out: GoldArticle[] = [];
  for (const coll of readdirSync(root).sort()) {
    const docs = join(root, coll, 'InputDocs');
    if (!existsSync(docs)) continue;
    const topic = coll.split('_')[0]!;
    const { articles } = await readInputs([docs]);
    for (const a of articles) out.push({ article: a, gold: topic });
  }
  return out;
}

/** One evaluation line. */
export interface ClusterEvalResult {
  name: string;
  articles: number;
  goldGroups: number;
  stories: number;
  bcubed: BCubed;
  nmi: number;
  /** Seconds spent clustering (reading excluded): wall clock, and CPU time of this process. */
  seconds: number;
  cpuSeconds: number;
}

/**
 * Cluster a gold-labelled pool and score it. Articles with the same content count once.
 * `online`: one pass in date order with running term statistics, as `dossier ingest` does.
 */
export function evaluatePool(
  name: string,
  pool: GoldArticle[],
  opts: Partial<BatchOptions> & { online?: boolean; baseline?: 'singletons' | 'one' } = {},
): ClusterEvalResult {
  const gold = new Map<string, string>();
  for (const g of pool) if (!gold.has(g.article.id)) gold.set(g.article.id, g.gold);
  const articles = pool.map((g) => g.article);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let assignments: Assignment[];
  if (opts.baseline) {
    // Reference points: every article its own story, or all in one.
    assignments = [...gold.keys()].map((id) => ({ article: id, story: opts.baseline === 'one' ? 'all' : id, similarity: 1, shared: [], created: true }));
  } else if (opts.online) {
    const c = new OnlineClusterer(opts);
    const seen = new Set<string>();
    assignments = clusterOrder(articles)
      .filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)))
      .map((a) => c.add(a));
  } else assignments = clusterBatch(articles, opts).assignments;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const predicted = new Map(assignments.map((a) => [a.article, a.story]));
  return {
    name,
    articles: gold.size,
    goldGroups: new Set(gold.values()).size,
    stories: new Set(predicted.values()).size,
    bcubed: bcubed(predicted, gold),
    nmi: nmi(predicted, gold),
    seconds,
    cpuSeconds,
  };
}
