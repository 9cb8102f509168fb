/**
 * Clustering quality: B-cubed precision/recall/F1 and NMI against gold groups, and the
 * `eval clusters` runs on pooled DUC 2004 clusters and pooled Timeline17 topics.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Article } from '../model/types.js';
import { articleId } from '../read/id.js';
import { clusterBatch, type BatchOptions } from '../story/cluster.js';

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

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

/** Timeline17 text is tokenised (``, '', spaces before punctuation): undo it for display. */
export function detokenize(s: string): string {
  return s
    .replace(/-LRB-/g, '(')
    .replace(/-RRB-/g, ')')
    .replace(/``\s*/g, '"')
    .replace(/\s*''/g, '"')
    .replace(/\s+([.,;:!?%)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+('s|n't|'re|'ve|'ll|'d|'m)\b/g, '$1')
    .replace(/\$ (?=\d)/g, '$')
    .replace(/[ \t]+/g, ' ');
}

/** DUC 2004 documents: `docs/<topic>/D*.txt`, gold = topic folder. No publication dates. */
export function readDuc(root: string): GoldArticle[] {
  const out: GoldArticle[] = [];
  for (const topic of readdirSync(root).sort()) {
    const dir = join(root, topic);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of files(dir)) {
      const text = readFileSync(f, 'utf8');
      out.push({ article: { id: articleId(text), file: f, text }, gold: topic });
    }
  }
  return out;
}

/** Timeline17 collections: `<collection>/InputDocs/<date>/<id>.htm.txt`; gold = collection prefix (topic). */
export function readT17(root: string): GoldArticle[] {
  const out: GoldArticle[] = [];
  for (const coll of readdirSync(root).sort()) {
    const docs = join(root, coll, 'InputDocs');
    if (!existsSync(docs)) continue;
    const topic = coll.split('_')[0]!;
    for (const f of files(docs)) {
      const date = basename(dirname(f));
      const text = detokenize(readFileSync(f, 'utf8'));
      const published = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
      out.push({ article: { id: articleId(text), file: f, published, tokenised: true, text }, gold: topic });
    }
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
  /** Seconds spent clustering (reading excluded). */
  seconds: number;
}

/** Cluster a gold-labelled pool and score it. Articles with the same content count once. */
export function evaluatePool(name: string, pool: GoldArticle[], opts: Partial<BatchOptions> = {}): ClusterEvalResult {
  const gold = new Map<string, string>();
  for (const g of pool) if (!gold.has(g.article.id)) gold.set(g.article.id, g.gold);
  const t0 = performance.now();
  const { assignments, stories } = clusterBatch(
    pool.map((g) => g.article),
    opts,
  );
  const seconds = (performance.now() - t0) / 1000;
  const predicted = new Map(assignments.map((a) => [a.article, a.story]));
  return {
    name,
    articles: gold.size,
    goldGroups: new Set(gold.values()).size,
    stories: stories.length,
    bcubed: bcubed(predicted, gold),
    nmi: nmi(predicted, gold),
    seconds,
  };
}
