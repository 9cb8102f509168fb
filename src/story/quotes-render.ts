/**
 * Renderings of who said what: Markdown, HTML and JSON. Pure functions, no I/O. Every
 * report cites its article and the character span of the words.
 */
import type { QuoteSource, SpeakerQuotes, StoryQuote } from './quotes.js';

/** Article metadata a rendering shows. */
export interface QuoteArticle {
  id: string;
  file?: string;
  source?: string;
  title?: string;
  published?: string;
}

function articleLabel(a: QuoteArticle | undefined, id: string): string {
  if (!a) return id.slice(0, 8);
  const name = a.source ?? a.title ?? (a.file ? a.file.split(/[\\/]/).pop()! : id.slice(0, 8));
  const file = a.source && a.file ? ` (${a.file.split(/[\\/]/).pop()})` : '';
  return `${name}${file}${a.published ? `, ${a.published.slice(0, 10)}` : ''}`;
}

function cite(r: QuoteSource, byId: Map<string, QuoteArticle>): string {
  return `${articleLabel(byId.get(r.article), r.article)} [${r.content.start}–${r.content.end}]`;
}

function speakerTitle(s: SpeakerQuotes): string {
  return s.speaker || 'Unattributed';
}

function sourcesOf(s: SpeakerQuotes): number {
  return new Set(s.quotes.flatMap((q) => q.sources.map((r) => r.article))).size;
}

/** Markdown: a section per speaker, each quote with its kind, sources and other wordings. */
export function quotesMarkdown(groups: SpeakerQuotes[], articles: QuoteArticle[]): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const lines = ['# Who said what', ''];
  if (groups.length === 0) lines.push('No quotes or reported speech found.', '');
  for (const g of groups) {
    const n = g.quotes.length;
    const src = sourcesOf(g);
    lines.push(`## ${speakerTitle(g)}`, '', `${n} ${n === 1 ? 'statement' : 'statements'} in ${src} ${src === 1 ? 'article' : 'articles'}.`, '');
    for (const q of g.quotes) lines.push(...quoteLines(q, byId));
    lines.push('');
  }
  return lines.join('\n');
}

function quoteLines(q: StoryQuote, byId: Map<string, QuoteArticle>): string[] {
  const out = [`- ${q.text} — *${q.kind}*; ${q.sources.map((r) => cite(r, byId)).join('; ')}`];
  const shown = q.text.replace(/["\u201c\u201d\u201e\u2018\u2019`]|''/g, '').replace(/\s+/g, ' ').trim();
  for (const v of q.variants) if (v !== shown.replace(/[.,;:]+$/, '')) out.push(`  - also worded: ${v}`);
  return out;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** HTML fragment: the same structure as the Markdown. */
export function quotesHtml(groups: SpeakerQuotes[], articles: QuoteArticle[]): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const parts = ['<section class="quotes">', '<h1>Who said what</h1>'];
  if (groups.length === 0) parts.push('<p>No quotes or reported speech found.</p>');
  for (const g of groups) {
    parts.push(`<h2>${esc(speakerTitle(g))}</h2>`, '<ul>');
    for (const q of g.quotes) {
      const cites = q.sources.map((r) => `<cite data-article="${esc(r.article)}" data-start="${r.content.start}" data-end="${r.content.end}">${esc(cite(r, byId))}</cite>`).join('; ');
      const variants = q.variants.length > 1 ? `<ul>${q.variants.map((v) => `<li>${esc(v)}</li>`).join('')}</ul>` : '';
      parts.push(`<li class="${q.kind}"><q>${esc(q.text)}</q> <span class="kind">${q.kind}</span> ${cites}${variants}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</section>', '');
  return parts.join('\n');
}

/** JSON: speakers with their quotes and every report's spans. */
export function quotesJson(groups: SpeakerQuotes[], articles: QuoteArticle[]): string {
  const used = new Set(groups.flatMap((g) => g.quotes.flatMap((q) => q.sources.map((r) => r.article))));
  const meta = articles.filter((a) => used.has(a.id)).map((a) => ({ id: a.id, file: a.file, source: a.source, title: a.title, published: a.published }));
  return JSON.stringify({ articles: meta, speakers: groups }, null, 2) + '\n';
}

/**
 * A compact "Who said what" section for a brief: the most quoted speakers (named ones only),
 * each with their most reported statements, direct quotes first.
 */
export function whoSaidWhatMarkdown(groups: SpeakerQuotes[], articles: QuoteArticle[], opts: { speakers?: number; quotes?: number } = {}): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const named = groups.filter((g) => g.speaker !== '').slice(0, opts.speakers ?? 8);
  const lines = ['## Who said what', ''];
  if (named.length === 0) lines.push('No attributed quotes found.', '');
  const rank = (q: StoryQuote) => (q.kind === 'direct' ? 2 : q.kind === 'mixed' ? 1 : 0) * 100 + q.sources.length;
  for (const g of named) {
    lines.push(`**${g.speaker}**`, '');
    const top = [...g.quotes].sort((a, b) => rank(b) - rank(a)).slice(0, opts.quotes ?? 3);
    for (const q of top) lines.push(`- ${q.text} — ${q.sources.map((r) => cite(r, byId)).join('; ')}`);
    lines.push('');
  }
  return lines.join('\n');
}
