/**
 * Batch re-clustering of a whole store: every article is placed again with term rarity
 * from the whole collection and group-average merging (`clusterBatch`), and the stories
 * are replaced in one transaction.
 */
import type { Article } from '../model/types.js';
import { clusterBatch, type BatchOptions } from '../story/cluster.js';
import { headlineOf, titleScore } from '../story/cluster-title.js';
import type { Store, StoryRecord } from './types.js';

/** Re-cluster everything in the store; returns the number of articles and stories. */
export async function reclusterStore(store: Store, opts: Partial<BatchOptions> = {}): Promise<{ articles: number; stories: number }> {
  const articles: Article[] = [];
  for await (const a of store.allArticles()) articles.push(a);
  const { assignments, stories } = clusterBatch(articles, opts);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const best = new Map<string, { title: string; score: number }>();
  const state = new Map(stories.map((s) => [s.id, s]));
  for (const asg of assignments) {
    const s = state.get(asg.story)!;
    const title = headlineOf(byId.get(asg.article)!);
    const score = titleScore(title, s);
    const old = best.get(s.id);
    if (!old || score > old.score) best.set(s.id, { title, score });
  }
  const records: StoryRecord[] = stories.map((s) => ({ ...s, title: best.get(s.id)!.title, titleScore: best.get(s.id)!.score }));
  await store.replaceStories(assignments, records);
  return { articles: articles.length, stories: records.length };
}
