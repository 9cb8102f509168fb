/**
 * Report → one self-contained HTML file (inline CSS, no scripts, no network). All article
 * text is escaped; citations link to the exact sentence in the article appendix.
 */
import type { Report, ReportArticle } from '../model/report.js';
import { sourcesLine } from './sources.js';
import type { SourceSpan } from '../model/types.js';

/** Escape text for HTML element and attribute content. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Anchor id of the sentence containing a span (or the article when none). */
export function anchorFor(r: Report, c: SourceSpan): string {
  const a = r.articles.find((x) => x.id === c.article);
  if (!a) return `a-${c.article}`;
  const i = a.sentenceSpans.findIndex((s) => s.start <= c.start && c.start < s.end);
  return i >= 0 ? `s-${a.id}-${i}` : `a-${a.id}`;
}

function cite(r: Report, c: SourceSpan): string {
  const a = r.articles.find((x) => x.id === c.article);
  const label = a ? `${a.source}${a.published ? ', ' + a.published : ''}` : c.article;
  return `<a class="cite" href="#${anchorFor(r, c)}">${escapeHtml(label)}</a>`;
}

/** The article text with each sentence wrapped in an anchored span. */
function articleBody(a: ReportArticle): string {
  let html = '';
  let at = 0;
  a.sentenceSpans.forEach((s, i) => {
    html += escapeHtml(a.text.slice(at, s.start));
    html += `<span class="s" id="s-${a.id}-${i}">${escapeHtml(a.text.slice(s.start, s.end))}</span>`;
    at = s.end;
  });
  html += escapeHtml(a.text.slice(at));
  return html;
}

const CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:980px;box-sizing:border-box;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.cite{font-size:.8em;background:#eef;border-radius:3px;padding:0 .3em;margin-left:.3em;text-decoration:none}
.muted{color:#777}.art pre{white-space:pre-wrap;font:inherit;background:#fafafa;padding:1em;border:1px solid #eee}
.s:target{background:#ffef9e}li{margin:.3em 0}.code{font-family:monospace;font-size:.85em}`;

/** Options of the HTML page: `back` puts a link back (to a list of stories) above the report. */
export interface HtmlOptions {
  back?: { href: string; label: string };
}

/** Render the report as a self-contained HTML page. */
export function renderHtml(r: Report, opts: HtmlOptions = {}): string {
  const e = escapeHtml;
  const s = r.stats;
  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(r.title)}</title><style>${CSS}</style></head><body>`);
  if (opts.back) parts.push(`<nav><a href="${e(opts.back.href)}">\u2190 ${e(opts.back.label)}</a></nav>`);
  parts.push(`<h1>${e(r.title)}</h1><p class="muted">${s.articles} articles from ${s.sources} sources${s.from ? `, ${e(s.from)} to ${e(s.to ?? '')}` : ''}; ${s.sentences} sentences, ${s.words} words.</p>`);
  for (const sec of r.sections) {
    parts.push(`<section id="${e(sec.id)}"><h2>${e(sec.heading)}</h2>${sec.figure ? `<figure>${sec.figure}</figure>` : ''}<ul>`);
    const grouped = sec.items.some((it) => it.label) && sec.items.some((it) => !it.label);
    let open = false;
    for (const it of sec.items) {
      const body = `${e(it.text)}${it.cites.map((c) => cite(r, c)).join('')}${it.note ? ` <span class="muted">— ${e(it.note)}</span>` : ''}`;
      if (grouped && it.label) {
        if (open) parts.push('</ul></li>');
        parts.push(`<li><b>${e(it.label)}</b><ul><li>${body}</li>`);
        open = true;
      } else if (grouped) parts.push(`<li>${body}</li>`);
      else parts.push(`<li>${it.label ? `<b>${e(it.label)}</b> ` : ''}${body}</li>`);
    }
    if (open) parts.push('</ul></li>');
    parts.push('</ul></section>');
  }
  const groups: Array<[string, string]> = [['person', 'People'], ['organization', 'Organisations'], ['place', 'Places']];
  for (const [type, heading] of groups) {
    const es = r.entities.filter((x) => x.type === type).slice(0, 40);
    if (!es.length) continue;
    parts.push(`<section><h2>${heading}</h2><table><tr><th>name</th><th>mentions</th><th>by source</th><th>also called</th><th>titles</th></tr>`);
    for (const x of es) {
      const first = x.spans[0];
      parts.push(`<tr><td>${first ? `<a href="#${anchorFor(r, first)}">${e(x.canonical)}</a>` : e(x.canonical)}</td><td>${x.mentions}</td><td>${sourcesLine(x.bySource, e)}</td><td>${x.aliases.slice(0, 4).map(e).join('; ')}</td><td>${x.titles.slice(0, 3).map(e).join('; ')}</td></tr>`);
    }
    parts.push('</table></section>');
  }
  if (r.numbers.length && !r.sections.some((x) => x.id === 'compare-numbers')) {
    parts.push('<section><h2>Numbers</h2><table><tr><th>source</th><th>date</th><th>number</th><th>counts</th></tr>');
    for (const n of r.numbers) parts.push(`<tr><td>${e(n.source)}</td><td>${e(n.published ?? '')}</td><td><a href="#${anchorFor(r, n.span)}">${e(n.text)}</a></td><td>${e(n.unit ?? '')}</td></tr>`);
    parts.push('</table></section>');
  }
  parts.push('<section><h2>Articles</h2>');
  for (const a of r.articles) {
    parts.push(`<div class="art" id="a-${a.id}"><h3>${e(a.title ?? a.file ?? a.id)}</h3><p class="muted">${e(a.source)} · ${e(a.published ?? 'undated')}${a.dateline ? ' · ' + e(a.dateline) : ''}${a.url && /^https?:\/\//i.test(a.url) ? ` · <a href="${e(a.url)}" rel="noopener noreferrer">link</a>` : ''} · <span class="code">${a.id}</span></p>`);
    if (a.credits.length) parts.push(`<p class="muted">Credits: ${a.credits.map(e).join('; ')}</p>`);
    parts.push(`<pre>${articleBody(a)}</pre></div>`);
  }
  parts.push('</section>');
  if (r.problems.length) {
    parts.push('<section><h2>Problems</h2><ul>');
    for (const p of r.problems) parts.push(`<li><span class="code">${e(p.code)}</span> ${e(p.message)}</li>`);
    parts.push('</ul></section>');
  }
  parts.push('</body></html>\n');
  return parts.join('\n');
}
