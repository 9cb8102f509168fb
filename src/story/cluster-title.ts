/**
 * Story titles: the member headline that best covers the terms holding the story together.
 * Re-scored as the story grows, so the title follows what the story has become.
 */
import type { Article } from '../model/types.js';
import { articleFeatures } from './cluster-features.js';
import type { StoryState } from './cluster.js';

/** The headline of an article: its title, its headline line, or its first sentence (shortened). */
export function headlineOf(a: Article): string {
  if (a.title?.trim()) return clip(a.title.trim());
  if (a.headline) return clip(a.text.slice(a.headline.start, a.headline.end).trim());
  const body = a.text.replace(/\s+/g, ' ').trim();
  const end = body.search(/[.!?](\s|$)/);
  return clip(end > 0 ? body.slice(0, end + 1) : body);
}

function clip(s: string, max = 120): string {
  const one = s.replace(/\s+/g, ' ');
  if (one.length <= max) return one;
  const cut = one.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : max) + '…';
}

/** How well a title's words cover the story's strongest terms (higher is better). */
export function titleScore(title: string, s: StoryState): number {
  const f = articleFeatures({ id: '', text: title });
  let score = 0;
  for (const t of f.terms.keys()) score += s.centroid.get(t) ?? 0;
  const n = Math.max(4, f.terms.size);
  return Math.round((score / Math.max(1, s.size) / Math.sqrt(n)) * 1e6) / 1e6;
}
