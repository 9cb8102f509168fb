/**
 * People, organisations and places across the articles of a story: one entity per
 * real-world name (`Putin`, `President Vladimir Putin`, `Mr Putin` → `Vladimir Putin`), with
 * aliases, titles seen, and mention counts per source.
 */
import type { AnalyzedArticle, NameType, SourceSpan } from '../model/types.js';

export interface Entity {
  /** Stable id within a report: type + canonical name. */
  id: string;
  canonical: string;
  type: NameType;
  aliases: string[];
  titles: string[];
  mentions: number;
  /** Mentions per source label (outlet, or file name when no outlet is known). */
  bySource: Record<string, number>;
  /** Every mention, pointing into its article's text. */
  spans: SourceSpan[];
}

/** The label a report uses for an article's source. */
export function sourceLabel(a: Pick<AnalyzedArticle, 'source' | 'file' | 'id' | 'title'>): string {
  if (a.source) return a.source;
  if (a.file) return a.file.split(/[\\/]/).pop()!;
  return a.title ?? a.id;
}

/** Merge per-article names into story-level entities, most mentioned first. */
export function mergeEntities(articles: AnalyzedArticle[]): Entity[] {
  // 1. Full person names across the story, so `Putin` in one article joins `Vladimir Putin` of another.
  const fullBySurname = new Map<string, Set<string>>();
  for (const a of articles) {
    for (const n of a.names) {
      if (n.type !== 'person') continue;
      const parts = n.canonical.split(/\s+/);
      if (parts.length < 2) continue;
      const last = parts[parts.length - 1]!;
      for (const key of new Set([last, last.split('-').pop()!])) {
        if (!fullBySurname.has(key)) fullBySurname.set(key, new Set());
        fullBySurname.get(key)!.add(n.canonical);
      }
    }
  }
  const resolve = (canonical: string, type: NameType): { canonical: string; type: NameType } => {
    if (type === 'organization' || type === 'place') return { canonical, type };
    const parts = canonical.split(/\s+/);
    if (parts.length === 1) {
      const full = fullBySurname.get(parts[0]!);
      // Only when unambiguous: one full name with that surname in the whole story.
      if (full && full.size === 1) return { canonical: [...full][0]!, type: 'person' };
    }
    return { canonical, type };
  };

  // A name typed in some article keeps that type where another article could not tell.
  const typedAs = new Map<string, NameType>();
  for (const a of articles) for (const n of a.names) if (n.type !== 'other' && !typedAs.has(n.canonical)) typedAs.set(n.canonical, n.type);
  const byKey = new Map<string, Entity>();
  const aliasSets = new Map<string, Set<string>>();
  const titleSets = new Map<string, Set<string>>();
  for (const a of articles) {
    const src = sourceLabel(a);
    for (const n of a.names) {
      const r = resolve(n.canonical, n.type === 'other' ? (typedAs.get(n.canonical) ?? 'other') : n.type);
      const key = `${r.type}:${r.canonical}`;
      let e = byKey.get(key);
      if (!e) {
        e = { id: key, canonical: r.canonical, type: r.type, aliases: [], titles: [], mentions: 0, bySource: {}, spans: [] };
        byKey.set(key, e);
        aliasSets.set(key, new Set());
        titleSets.set(key, new Set());
      }
      e.mentions++;
      e.bySource[src] = (e.bySource[src] ?? 0) + 1;
      e.spans.push({ article: a.id, start: n.start, end: n.end });
      const alias = n.title ? `${n.title} ${n.text}` : n.text;
      aliasSets.get(key)!.add(alias);
      if (n.text !== alias) aliasSets.get(key)!.add(n.text);
      if (n.title) titleSets.get(key)!.add(n.title);
    }
  }
  for (const [key, e] of byKey) {
    e.aliases = [...aliasSets.get(key)!].filter((x) => x !== e.canonical).sort();
    e.titles = [...titleSets.get(key)!].sort();
    e.bySource = Object.fromEntries(Object.entries(e.bySource).sort(([a], [b]) => a.localeCompare(b)));
  }
  return [...byKey.values()].sort((a, b) => b.mentions - a.mentions || a.canonical.localeCompare(b.canonical));
}
