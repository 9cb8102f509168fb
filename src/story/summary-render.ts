/**
 * Renderings of a Summary: plain text (one sentence per line, what evaluation reads),
 * Markdown and HTML with citations, and JSON. Pure functions, no I/O.
 */
import type { Summary, SummaryInput, SummarySentence } from './summary.js';

type Source = Pick<SummaryInput, 'id' | 'title' | 'published' | 'file' | 'text'>;

/** One summary sentence per line. */
export function summaryText(s: Summary): string {
  return s.sentences.map((x) => x.text + '\n').join('');
}

function label(a: Source | undefined, id: string): string {
  if (!a) return id.slice(0, 8);
  const name = a.title ?? (a.file ? a.file.split(/[\\/]/).slice(-2).join('/') : id.slice(0, 8));
  return a.published ? `${name}, ${a.published.slice(0, 10)}` : name;
}

function reported(x: SummarySentence, total: number): string {
  const n = 1 + x.corroborations.length;
  return total > 1 ? `reported by ${n} of ${total} sources` : '';
}

/** Markdown: numbered sentences, each with its source and the sources that corroborate it. */
export function summaryMarkdown(s: Summary, articles: Source[]): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const lines = ['## Summary', ''];
  s.sentences.forEach((x, i) => {
    const src = `${label(byId.get(x.source.article), x.source.article)}, sentence ${x.sentence + 1}`;
    const also = x.corroborations.map((c) => label(byId.get(c.article), c.article));
    const rep = reported(x, s.articles);
    lines.push(`${i + 1}. ${x.text}`);
    lines.push(`   — ${src} [${x.source.start}–${x.source.end}]${rep ? `; ${rep}` : ''}${also.length ? ` (also: ${also.join('; ')})` : ''}`);
  });
  lines.push('');
  return lines.join('\n');
}

/** JSON: the summary with the cited articles' metadata. */
export function summaryJson(s: Summary, articles: Source[]): string {
  const cited = new Set<string>();
  for (const x of s.sentences) {
    cited.add(x.source.article);
    for (const c of x.corroborations) cited.add(c.article);
  }
  const meta = articles
    .filter((a) => cited.has(a.id))
    .map((a) => ({ id: a.id, file: a.file, title: a.title, published: a.published }));
  return JSON.stringify({ summary: s, articles: meta }, null, 2) + '\n';
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A self-contained HTML page: each sentence links to its source sentence shown in context. */
export function summaryHtml(s: Summary, articles: Source[]): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const items = s.sentences
    .map((x, i) => {
      const cites = [x.source, ...x.corroborations]
        .map((c, k) => {
          const a = byId.get(c.article);
          const quote = a ? a.text.slice(c.start, c.end).replace(/\s+/g, ' ') : '';
          return `<a class="cite${k === 0 ? ' main' : ''}" href="#s${i}-${k}" title="${esc(quote)}">${esc(label(a, c.article))}</a>`;
        })
        .join(' ');
      const sources = [x.source, ...x.corroborations]
        .map((c, k) => {
          const a = byId.get(c.article);
          const quote = a ? a.text.slice(c.start, c.end).replace(/\s+/g, ' ') : '';
          return `<li id="s${i}-${k}"><b>${esc(label(a, c.article))}</b> [${c.start}–${c.end}]: ${esc(quote)}</li>`;
        })
        .join('');
      const rep = reported(x, s.articles);
      return `<li><p>${esc(x.text)}</p><p class="src">${cites}${rep ? ` <span class="n">${esc(rep)}</span>` : ''}</p><details><summary>sources</summary><ul>${sources}</ul></details></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Summary</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em}
.src{font-size:.85em;color:#555;margin:.2em 0}.cite{margin-right:.6em}.cite.main{font-weight:600}
.n{color:#777}details{font-size:.85em;color:#444}li{margin-bottom:1em}</style></head>
<body><h1>Summary</h1><p>${s.sentences.length} sentences, ${s.words} words, from ${s.articles} articles.</p>
<ol>
${items}
</ol></body></html>
`;
}
