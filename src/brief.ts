/**
 * The brief: the report of `dossier brief`, composed from the story stages in reading order —
 * summary, timeline, who said what, where sources disagree, shared wire copy, coverage — then
 * the people, organisations, places, numbers and articles. Every stage is a pure function of
 * the analysed articles; each contributes report sections whose items cite source spans.
 */
import type { AnalyzedArticle, Problem, SourceSpan } from './model/types.js';
import type { Report, ReportSection } from './model/report.js';
import type { Doc } from './analyze/doc.js';
import { buildReport } from './pipeline.js';
import { summarize } from './story/summary.js';
import { buildTimeline, type Timeline } from './story/timeline.js';
import { mergeQuotes, quotesBySpeaker } from './story/quotes.js';
import { compareArticles, comparisonSections } from './story/compare.js';
import { coverageMatrixSvg } from './render/compare-html.js';
import { timelineSvg } from './render/timeline-svg.js';
import { sourceLabel } from './story/entities.js';

export interface BriefOptions {
  /** Summary length in words (default 100). */
  summaryWords?: number;
  /** Dates on the timeline (default: from the number of articles). */
  dates?: number;
}

/** Build the full brief for one story. `docs` (tokenised articles) feed the timeline. */
export function buildBrief(analyzed: AnalyzedArticle[], problems: Problem[] = [], docs?: Doc[], opts: BriefOptions = {}): Report {
  const report = buildReport(analyzed, problems);
  if (analyzed.length === 0) return report;
  const sections: ReportSection[] = [];
  const stage = (name: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      // A failing stage loses its section, not the report; the problem says which.
      report.problems.push({ code: 'analysis-failed', message: `the ${name} stage failed: ${(e as Error).message}` });
    }
  };

  stage('summary', () => {
    const s = summarize(analyzed, { words: opts.summaryWords ?? 100 });
    const n = analyzed.length;
    sections.push({
      id: 'summary',
      heading: 'Summary',
      items: s.sentences.map((x) => {
        const others = new Set(x.corroborations.map((c) => c.article));
        return {
          text: x.text,
          cites: [x.source, ...x.corroborations.map((c): SourceSpan => ({ article: c.article, start: c.start, end: c.end }))],
          note: n > 1 ? `reported by ${others.size + 1} of ${n} articles` : undefined,
        };
      }).map(clean),
    });
  });

  stage('timeline', () => {
    const t: Timeline = buildTimeline(docs ?? [], opts.dates !== undefined ? { dates: opts.dates } : {});
    if (!t.entries.length) return;
    const items = t.entries.flatMap((e) =>
      e.sentences.map((x, i) => clean({
        label: i === 0 ? e.date : undefined,
        text: x.text,
        cites: [x.source, ...x.corroborations.map((c): SourceSpan => ({ article: c.article, start: c.start, end: c.end }))],
      })),
    );
    sections.push({ id: 'timeline', heading: 'Timeline', items, figure: timelineSvg(t) });
  });

  stage('quotes', () => {
    const bySpeaker = quotesBySpeaker(mergeQuotes(analyzed)).filter((g) => g.speaker);
    const items = bySpeaker.slice(0, 15).flatMap((g) =>
      g.quotes.slice(0, 4).map((q, i) => clean({
        label: i === 0 ? g.speaker : undefined,
        text: q.text,
        cites: q.sources.map((s) => s.content),
        note: q.sources.length > 1 ? `${new Set(q.sources.map((s) => s.source)).size} sources${q.variants.length > 1 ? `, ${q.variants.length} wordings` : ''}` : undefined,
      })),
    );
    if (items.length) sections.push({ id: 'quotes', heading: 'Who said what', items });
  });

  stage('comparison', () => {
    const c = compareArticles(analyzed);
    const parts = comparisonSections(c);
    // Reading order: disagreements first, then figures, shared copy, coverage.
    const order = ['compare-conflicts', 'compare-numbers', 'compare-shared', 'compare-coverage'];
    parts.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    for (const p of parts) {
      if (p.id === 'compare-coverage' && c.articles.length > 1) p.figure = coverageMatrixSvg(c);
      sections.push(p);
    }
  });

  report.sections = sections;
  const first = sections.find((s) => s.id === 'summary')?.items[0];
  if (first && report.title === 'Dossier') report.title = `Dossier: ${first.text.slice(0, 80)}`;
  return report;
}

/** One story of a digest: what the store says of it, and its analysed articles. */
export interface DigestStory {
  id: string;
  title: string;
  first?: string;
  last?: string;
  sources: number;
  analyzed: AnalyzedArticle[];
}

/**
 * A digest of several stories (`dossier brief --db`): per story its title, dates, size and a
 * three-sentence cited summary. Articles of all stories are in the report, so citations resolve.
 */
export function buildDigest(stories: DigestStory[], problems: Problem[] = []): Report {
  const all = stories.flatMap((s) => s.analyzed);
  const report = buildReport(all, problems);
  report.title = `Dossier digest: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`;
  report.sections = stories.map((st) => {
    const s = summarize(st.analyzed, { sentences: 3 });
    const when = st.first ? `${st.first}${st.last && st.last !== st.first ? ` to ${st.last}` : ''}` : 'undated';
    return {
      id: `story-${st.id}`,
      heading: `${st.title} (${st.analyzed.length} articles, ${st.sources} sources, ${when}; story ${st.id})`,
      items: s.sentences.map((x) => ({ text: x.text, cites: [x.source, ...x.corroborations.map((c): SourceSpan => ({ article: c.article, start: c.start, end: c.end }))] })),
    };
  });
  report.entities = report.entities.slice(0, 30);
  return report;
}

function clean<T extends Record<string, unknown>>(x: T): T {
  for (const k of Object.keys(x)) if (x[k] === undefined) delete x[k];
  return x;
}

export { sourceLabel };
