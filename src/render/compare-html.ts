/**
 * Comparison → one self-contained HTML page (inline CSS and SVG, no scripts, no network),
 * and the source × fact coverage matrix as inline SVG for other pages (the brief).
 */
import type { Comparison } from '../story/compare.js';
import { escapeHtml as e } from './html.js';
import { articleKeys } from './compare-markdown.js';

const CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:1040px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em;margin-top:1.4em}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
blockquote{margin:.6em 0;padding:.3em .8em;border-left:4px solid #c8d3f5;background:#f7f8fd}
.muted{color:#777;font-size:.85em}.verdict{display:inline-block;padding:0 .4em;border-radius:3px;background:#eef;font-size:.85em}
.pos{font-weight:600}.matrix text{font:11px system-ui,sans-serif}b.hl{background:#ffef9e;font-weight:normal}`;

/** The source × fact matrix as inline SVG: a row per article, a column per fact, a dot where the article reports it. */
export function coverageMatrixSvg(c: Comparison, opts: { maxFacts?: number; maxArticles?: number } = {}): string {
  const key = articleKeys(c);
  const facts = [...c.coverage.facts.slice(0, opts.maxFacts ?? 30), ...c.coverage.unique.map((u) => u.fact)].slice(0, opts.maxFacts ?? 60);
  const arts = c.articles.slice(0, opts.maxArticles ?? 60);
  const cell = 16;
  const left = 230;
  const top = 40;
  const w = left + facts.length * cell + 10;
  const h = top + arts.length * cell + 10;
  const out: string[] = [];
  // Font set on the SVG itself, so the figure looks the same in any page that embeds it.
  out.push(`<svg class="matrix" xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-size="11" font-family="system-ui,sans-serif" role="img" aria-label="Which article reports which fact">`);
  facts.forEach((f, j) => {
    const x = left + j * cell + cell / 2;
    const shared = f.articles.length > 1;
    out.push(`<text x="${x}" y="${top - 6}" text-anchor="middle" fill="${shared ? '#223' : '#a55'}"><title>${e(f.text)}</title>${e(f.id.replace(/^f/, ''))}</text>`);
  });
  arts.forEach((a, i) => {
    const y = top + i * cell;
    const label = `${key.get(a.id)} ${a.source}${a.published ? ' ' + a.published : ''}`;
    out.push(`<text x="${left - 6}" y="${y + cell * 0.72}" text-anchor="end">${e(label.length > 36 ? label.slice(0, 35) + '…' : label)}</text>`);
    facts.forEach((f, j) => {
      const x = left + j * cell;
      const has = f.articles.includes(a.id);
      const unique = f.articles.length === 1;
      out.push(`<rect x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" fill="${has ? (unique ? '#d9534f' : '#3b5bdb') : '#f1f3f5'}"><title>${e(`${label}: ${has ? 'reports' : 'does not report'} — ${f.text}`)}</title></rect>`);
    });
  });
  out.push('</svg>');
  return out.join('');
}

/** Render a comparison as a self-contained HTML page. */
export function renderCompareHtml(c: Comparison): string {
  const key = articleKeys(c);
  const k = (id: string) => e(key.get(id) ?? id);
  const p: string[] = [];
  p.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Comparing ${c.articles.length} articles</title><style>${CSS}</style></head><body>`);
  p.push(`<h1>Comparing ${c.articles.length} articles</h1>`);
  p.push('<table><tr><th></th><th>source</th><th>published</th><th>title</th><th>file</th></tr>');
  for (const a of c.articles) p.push(`<tr><td>${k(a.id)}</td><td>${e(a.source)}</td><td>${e(a.published ?? '')}</td><td>${e(a.title ?? '')}</td><td class="muted">${e(a.file ?? '')}</td></tr>`);
  p.push('</table>');

  p.push('<h2>Shared text</h2>');
  const close = c.shared.filter((x) => x.verdict !== 'independent');
  if (!close.length) p.push('<p>No two articles share more than a few phrases or quotes.</p>');
  for (const x of close) {
    p.push(`<h3>${k(x.a)} and ${k(x.b)} <span class="verdict">${e(x.verdict)}</span></h3><p class="muted">${pct(x.shareA)} of ${k(x.a)} and ${pct(x.shareB)} of ${k(x.b)} shared, ${x.passages.length} passage(s)</p>`);
    for (const s of x.passages) p.push(`<blockquote>${e(s.text)}<div class="muted">${k(x.a)} ${s.a.start}–${s.a.end} · ${k(x.b)} ${s.b.start}–${s.b.end} · ${s.words} words</div></blockquote>`);
  }
  const loose = c.shared.length - close.length;
  if (loose) p.push(`<p class="muted">${loose} other pair(s) share only short passages (a common quote or phrase).</p>`);

  p.push('<h2>Figures across sources</h2>');
  if (!c.numbers.length) p.push('<p>No quantity is given by two or more articles.</p>');
  for (const g of c.numbers.slice(0, 40)) {
    p.push(`<h3>${e(g.quantity)} <span class="verdict">${e(g.verdict)}</span></h3><p class="muted">Figures given: ${e(g.values)}</p><table><tr><th>date</th><th>source</th><th>figure</th><th>hedge</th><th>according to</th><th>sentence</th></tr>`);
    for (const cl of g.claims.slice(0, 25)) {
      const rel = cl.span.start - cl.sentence.start;
      const s = cl.sentenceText;
      const hl = rel >= 0 && rel + cl.text.length <= s.length ? `${e(s.slice(0, rel))}<b class="hl">${e(cl.text)}</b>${e(s.slice(rel + cl.text.length))}` : e(s);
      p.push(`<tr><td>${e(cl.date ?? '')}</td><td>${k(cl.article)}</td><td>${e(cl.text)}</td><td>${e(cl.hedge ?? '')}</td><td>${e(cl.attributedTo ?? '')}</td><td>${hl}</td></tr>`);
    }
    p.push('</table>');
  }

  p.push('<h2>Where sources disagree</h2>');
  if (!c.conflicts.length) p.push('<p>No conflicting statements found (only clear responsibility claims are compared).</p>');
  for (const x of c.conflicts) {
    p.push(`<h3>${e(x.topic)}</h3><ul>`);
    for (const s of x.sides) p.push(`<li><span class="pos">${e(s.position)}</span> — ${e(s.actor)}, ${k(s.article)} ${e(s.date ?? '')}: “${e(s.text)}”</li>`);
    p.push('</ul>');
  }

  p.push('<h2>Coverage</h2>');
  p.push('<p class="muted">Blue: a fact two or more articles report. Red: a fact only this article reports. Hover for the fact.</p>');
  p.push(coverageMatrixSvg(c));
  const facts = [...c.coverage.facts, ...c.coverage.unique.map((u) => u.fact)];
  p.push('<ol class="facts">');
  for (const f of facts.slice(0, 60)) p.push(`<li value="${e(f.id.replace(/^f/, ''))}">${e(f.text)} <span class="muted">${f.articles.map(k).join(' ')}</span></li>`);
  p.push('</ol></body></html>');
  return p.join('\n');
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
