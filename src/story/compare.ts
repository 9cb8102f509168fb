/**
 * Comparing sources: what articles share word for word (wire copy), the figures they give for
 * one quantity, the conflicting answers actors give to one question, and which facts each
 * source reports. `compareArticles` composes the parts; `comparisonSections` turns the result
 * into report sections for `dossier brief`.
 * Pure: analysed articles in, a Comparison (plain data, every line cited) out.
 */
import type { AnalyzedArticle, SourceSpan, Span } from '../model/types.js';
import type { ReportSection } from '../model/report.js';
import { sourceLabel } from './entities.js';
import { findSharedText, type SharedTextOptions, type SharedVerdict } from './shared-text.js';
import { groupNumbers, type NumberGroup } from './number-claims.js';
import { findConflicts, type Conflict } from './conflicts.js';
import { findCoverage, type Coverage, type CoverageOptions } from './coverage.js';

export type { SharedVerdict } from './shared-text.js';
export type { NumberGroup, NumberClaim, NumberVerdict } from './number-claims.js';
export type { Conflict, ConflictSide } from './conflicts.js';
export type { Coverage, Fact } from './coverage.js';

/** An article as the comparison lists it. */
export interface ComparedArticle {
  id: string;
  file?: string;
  source: string;
  title?: string;
  published?: string;
}

/** A passage two articles share, with its words (as in article `a`). */
export interface ComparedPassage {
  a: Span;
  b: Span;
  words: number;
  text: string;
}

/** Two articles sharing text. */
export interface ComparedPair {
  a: string;
  b: string;
  verdict: SharedVerdict;
  shareA: number;
  shareB: number;
  passages: ComparedPassage[];
}

/** Everything `dossier compare` shows. */
export interface Comparison {
  articles: ComparedArticle[];
  shared: ComparedPair[];
  numbers: NumberGroup[];
  conflicts: Conflict[];
  coverage: Coverage;
}

export interface CompareOptions {
  shared?: SharedTextOptions;
  coverage?: CoverageOptions;
}

/** Compare the sources of one story. Articles keep their input order. */
export function compareArticles(analyzed: AnalyzedArticle[], options: CompareOptions = {}): Comparison {
  const byId = new Map(analyzed.map((a) => [a.id, a]));
  const articles = analyzed.map((a): ComparedArticle => {
    const r: ComparedArticle = { id: a.id, source: sourceLabel(a) };
    if (a.file) r.file = a.file;
    const title = a.title ?? (a.headline ? a.text.slice(a.headline.start, a.headline.end) : undefined);
    if (title) r.title = title;
    if (a.published) r.published = a.published.slice(0, 10);
    return r;
  });
  const shared = findSharedText(analyzed, options.shared).map(
    (p): ComparedPair => ({
      ...p,
      passages: p.passages.map((x) => ({ ...x, text: byId.get(p.a)!.text.slice(x.a.start, x.a.end) })),
    }),
  );
  const coverage = findCoverage(analyzed, options.coverage);
  // What an article shares word for word with another is not what only it reports: a trimmed
  // wire copy has no unique facts.
  const copied = new Map<string, Span[]>();
  for (const p of shared) {
    for (const x of p.passages) {
      copied.set(p.a, [...(copied.get(p.a) ?? []), x.a]);
      copied.set(p.b, [...(copied.get(p.b) ?? []), x.b]);
    }
  }
  coverage.unique = coverage.unique.filter((u) => {
    const c = u.fact.cites[0]!;
    const inside = (copied.get(u.article) ?? []).reduce((n, x) => n + Math.max(0, Math.min(x.end, c.end) - Math.max(x.start, c.start)), 0);
    return inside < (c.end - c.start) / 2;
  });
  return {
    articles,
    shared,
    numbers: groupNumbers(analyzed),
    conflicts: findConflicts(analyzed),
    coverage,
  };
}

export interface SectionOptions {
  /** Article pairs shown in the shared-text section. Default 12. */
  maxPairs?: number;
  /** Passages shown per pair. Default 3. */
  maxPassages?: number;
  /** Facts shown in the coverage section. Default 15. */
  maxFacts?: number;
  /** Quantities shown in the figures section, and claims per quantity. Default 8 and 10. */
  maxQuantities?: number;
  maxClaims?: number;
  /** Unique facts shown in the coverage section. Default 15. */
  maxUnique?: number;
}

/** Report sections (shared text, figures, conflicts, coverage) for `dossier brief`. */
export function comparisonSections(c: Comparison, options: SectionOptions = {}): ReportSection[] {
  const maxPairs = options.maxPairs ?? 12;
  const maxPassages = options.maxPassages ?? 3;
  const maxFacts = options.maxFacts ?? 15;
  const src = new Map(c.articles.map((a) => [a.id, a]));
  const label = (id: string) => {
    const a = src.get(id);
    return a ? `${a.source}${a.published ? ` (${a.published})` : ''}` : id;
  };
  const cite = (article: string, s: Span): SourceSpan => ({ article, start: s.start, end: s.end });
  const sections: ReportSection[] = [];

  const pairs = c.shared.filter((p) => p.verdict !== 'independent').slice(0, maxPairs);
  if (pairs.length) {
    sections.push({
      id: 'compare-shared',
      heading: 'Shared text between sources',
      items: pairs.flatMap((p) =>
        p.passages.slice(0, maxPassages).map((x, i) => ({
          label: i === 0 ? `${label(p.a)} and ${label(p.b)}: ${p.verdict} (${pct(p.shareA)} / ${pct(p.shareB)} shared)` : undefined,
          text: x.text,
          cites: [cite(p.a, x.a), cite(p.b, x.b)],
          note: i === 0 && p.passages.length > maxPassages ? `${p.passages.length} shared passages in all` : undefined,
        })),
      ).map(clean),
    });
  }

  if (c.numbers.length) {
    sections.push({
      id: 'compare-numbers',
      heading: 'Figures across sources',
      items: c.numbers.slice(0, options.maxQuantities ?? 8).flatMap((g) =>
        g.claims.slice(0, options.maxClaims ?? 10).map((cl, i) => ({
          label: i === 0 ? `${g.quantity}: ${g.verdict} (${g.values})` : undefined,
          text: `${cl.date ?? 'undated'}, ${label(cl.article)}: ${cl.text}${cl.attributedTo ? ` (according to ${cl.attributedTo})` : ''}`,
          cites: [cite(cl.article, cl.sentence)],
          note: cl.sentenceText,
        })),
      ).map(clean),
    });
  }

  if (c.conflicts.length) {
    sections.push({
      id: 'compare-conflicts',
      heading: 'Where sources disagree',
      items: c.conflicts.flatMap((k) =>
        k.sides.map((s, i) => ({
          label: i === 0 ? k.topic : undefined,
          text: `${s.actor} (${s.position}): ${s.text}`,
          cites: [cite(s.article, s.span)],
          note: `${label(s.article)}`,
        })),
      ).map(clean),
    });
  }

  const cov = c.coverage;
  if (cov.facts.length || cov.unique.length) {
    const n = c.articles.length;
    sections.push({
      id: 'compare-coverage',
      heading: 'Coverage: who reports what',
      items: [
        ...cov.facts.slice(0, maxFacts).map((f) => ({
          label: `${f.articles.length} of ${n} sources`,
          text: f.text,
          cites: f.cites,
          note: f.articles.map(label).join('; '),
        })),
        ...cov.unique.slice(0, options.maxUnique ?? 15).map((u) => ({ label: `only ${label(u.article)}`, text: u.fact.text, cites: u.fact.cites })),
      ].map(clean),
    });
  }
  return sections;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Drop undefined optional fields (deterministic JSON). */
function clean<T extends Record<string, unknown>>(x: T): T {
  for (const k of Object.keys(x)) if (x[k] === undefined) delete x[k];
  return x;
}
