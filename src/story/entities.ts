/**
 * People, organisations and places across the articles of a story: one entity per
 * real-world name (`Putin`, `President Vladimir Putin`, `Mr Putin` → `Vladimir Putin`), with
 * aliases, titles seen, and mention counts per source.
 */
import type { AnalyzedArticle, NameType, SourceSpan } from '../model/types.js';
import { initialsOf } from '../analyze/names.js';

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

/**
 * Other names of a story's organisations: acronyms some article defines (`the World Health
 * Organization (WHO)`: `WHO` → `World Health Organization` in every article, when only one name
 * is given for it) and spellings (`World Health Organisation` → the commonest spelling).
 */
export function storyAliases(articles: AnalyzedArticle[]): Map<string, string> {
  // Mentions of each organisation name, to pick the commonest of spellings (`Organisation`).
  const count = new Map<string, number>();
  for (const a of articles) for (const n of a.names) if (n.type === 'organization') count.set(n.canonical, (count.get(n.canonical) ?? 0) + 1);
  const seen = new Map<string, Set<string>>();
  for (const a of articles) {
    for (const n of a.names) {
      if (n.text === n.canonical || !/^[A-Z]{2,6}$/.test(n.text) || initialsOf(n.canonical) !== n.text) continue;
      if (!seen.has(n.text)) seen.set(n.text, new Set());
      seen.get(n.text)!.add(n.canonical);
    }
  }
  const out = new Map<string, string>();
  // Spellings of one organisation's name join its commonest spelling.
  const bySpelling = new Map<string, string[]>();
  for (const name of count.keys()) {
    const k = spellingKey(name);
    if (!bySpelling.has(k)) bySpelling.set(k, []);
    bySpelling.get(k)!.push(name);
  }
  const commonest = (names: string[]) => [...names].sort((x, y) => (count.get(y) ?? 0) - (count.get(x) ?? 0) || x.localeCompare(y))[0]!;
  for (const names of bySpelling.values()) {
    if (names.length < 2) continue;
    const best = commonest(names);
    for (const n of names) if (n !== best) out.set(n, best);
  }
  for (const [acr, names] of seen) {
    // One name, or spellings of one name (`World Health Organisation` / `Organization`).
    if (new Set([...names].map(spellingKey)).size !== 1) continue;
    const first = [...names][0]!;
    out.set(acr, out.get(first) ?? first);
  }
  return out;
}

/** British and American spellings of a name compare equal (`Organisation`, `Organization`). */
function spellingKey(name: string): string {
  return name.toLowerCase().replace(/is(ation|e|ed|ing)\b/g, 'iz$1').replace(/programme\b/g, 'program');
}

/** Merge per-article names into story-level entities, most mentioned first. */
export function mergeEntities(articles: AnalyzedArticle[]): Entity[] {
  const aliases = storyAliases(articles);
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
    const full = aliases.get(canonical);
    if (full) return { canonical: full, type: 'organization' };
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
