/** Report → Markdown. Pure: no I/O. */
import type { Report, ReportArticle } from '../model/report.js';
import { sourcesLine } from './sources.js';
import type { SourceSpan } from '../model/types.js';

const esc = (s: string) => s.replace(/([\\`*_[\]|<>])/g, '\\$1').replace(/\s+/g, ' ');

/** `[source, date]` label for a cited span. */
export function citeLabel(r: Report, c: SourceSpan): string {
  const a = r.articles.find((x) => x.id === c.article);
  if (!a) return c.article;
  return `${a.source}${a.published ? `, ${a.published}` : ''}`;
}

function articleLine(a: ReportArticle): string {
  const bits = [`**${esc(a.source)}**`, a.published ?? 'undated', a.title ? `“${esc(a.title)}”` : undefined, a.dateline ? `dateline ${esc(a.dateline)}` : undefined, `${a.sentences} sentences, ${a.words} words`];
  const credits = a.credits.length ? `\n  - credits: ${a.credits.map(esc).join('; ')}` : '';
  return `- ${bits.filter(Boolean).join(' · ')} — \`${a.id}\`${a.file ? ` (${esc(a.file)})` : ''}${credits}`;
}

/** Render the report as Markdown. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(`# ${esc(r.title)}`, '');
  const s = r.stats;
  out.push(`${s.articles} articles from ${s.sources} sources${s.from ? `, ${s.from} to ${s.to}` : ''}; ${s.sentences} sentences, ${s.words} words.`, '');
  for (const sec of r.sections) {
    out.push(`## ${esc(sec.heading)}`, '');
    // Labelled items open a group; the items after them (without a label) belong to it.
    const grouped = sec.items.some((it) => it.label) && sec.items.some((it) => !it.label);
    for (const it of sec.items) {
      const cites = it.cites.length ? ` [${[...new Set(it.cites.map((c) => citeLabel(r, c)))].join('; ')}]` : '';
      const line = `${esc(it.text)}${cites}${it.note ? ` — ${esc(it.note)}` : ''}`;
      if (grouped && it.label) out.push(`- **${esc(it.label)}**`, `  - ${line}`);
      else if (grouped) out.push(`  - ${line}`);
      else out.push(`- ${it.label ? `**${esc(it.label)}** ` : ''}${line}`);
    }
    out.push('');
  }
  const groups: Array<[string, string]> = [['person', 'People'], ['organization', 'Organisations'], ['place', 'Places']];
  for (const [type, heading] of groups) {
    const es = r.entities.filter((e) => e.type === type);
    if (!es.length) continue;
    out.push(`## ${heading}`, '', '| name | mentions | by source | also called | titles |', '|---|---:|---|---|---|');
    for (const e of es.slice(0, 40)) {
      out.push(`| ${esc(e.canonical)} | ${e.mentions} | ${sourcesLine(e.bySource, esc)} | ${e.aliases.slice(0, 4).map(esc).join('; ')} | ${e.titles.slice(0, 3).map(esc).join('; ')} |`);
    }
    if (es.length > 40) out.push(``, `…and ${es.length - 40} more.`);
    out.push('');
  }
  if (r.numbers.length && !r.sections.some((x) => x.id === 'compare-numbers')) {
    out.push('## Numbers', '', '| source | date | number | counts | in |', '|---|---|---|---|---|');
    for (const n of r.numbers) {
      const a = r.articles.find((x) => x.id === n.sentence.article)!;
      const sent = a.text.slice(n.sentence.start, n.sentence.end);
      out.push(`| ${esc(n.source)} | ${n.published ?? ''} | ${esc(n.text)} | ${esc(n.unit ?? '')} | ${esc(sent.length > 160 ? sent.slice(0, 157) + '…' : sent)} |`);
    }
    out.push('');
  }
  out.push('## Articles', '');
  for (const a of r.articles) out.push(articleLine(a));
  out.push('');
  if (r.problems.length) {
    out.push('## Problems', '');
    for (const p of r.problems) out.push(`- \`${p.code}\` ${esc(p.message)}`);
    out.push('');
  }
  return out.join('\n');
}
