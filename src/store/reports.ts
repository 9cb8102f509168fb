/**
 * Reports over the store: one story's brief, and a digest of the latest stories. Shared by
 * `dossier brief --db` and `dossier serve`, so both show exactly the same report.
 */
import type { Report } from '../model/report.js';
import type { Store, StoryQuery } from './types.js';
import { storyAnalyses } from './ingest.js';
import { prepare } from '../analyze/doc.js';
import { buildBrief, buildDigest } from '../brief.js';

/** The brief of one stored story, or undefined when there is no such story. */
export async function storyBrief(store: Store, id: string): Promise<Report | undefined> {
  const info = await store.story(id);
  if (!info) return undefined;
  const analyzed = await storyAnalyses(store, id);
  const articles = await store.storyArticles(id);
  const report = buildBrief(analyzed, [], articles.map(prepare));
  report.title = `${info.title} — ${report.title}`;
  return report;
}

/** A digest of the latest stories of the store. */
export async function storeDigest(store: Store, query: StoryQuery = {}): Promise<Report> {
  const infos = await store.stories(query);
  const stories = [];
  for (const i of infos) stories.push({ id: i.id, title: i.title, first: i.first, last: i.last, sources: i.sources, analyzed: await storyAnalyses(store, i.id) });
  return buildDigest(stories);
}
