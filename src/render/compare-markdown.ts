/** Comparison → Markdown (`dossier compare --format md`). Pure: no I/O. */
import type { Comparison, ComparedArticle } from '../story/compare.js';

const esc = (s: string) => s.replace(/([\\`*_[\]|<>])/g, '\\$1').replace(/\s+/g, ' ').trim();

/** Short keys `[1]`, `[2]` ... for the articles, in listed order. */
export function articleKeys(c: Comparison): Map<string, string> {
  return new Map(c.articles.map((a, i) => [a.id, `[${i + 1}]`]));
}

function name(a: ComparedArticle): string {
  return `${a.source}${a.published ? `, ${a.published}` : ''}`;
}

/** Render a comparison as Markdown. */
export function renderCompareMarkdown(c: Comparison): string {
  const key = articleKeys(c);
  const k = (id: string) => key.get(id) ?? id;
  const out: string[] = [];
  out.push(`# Comparing ${c.articles.length} articles`, '');
  out.push('| | source | published | title | file |', '|---|---|---|---|---|');
  for (const a of c.articles) out.push(`| ${k(a.id)} | ${esc(a.source)} | ${a.published ?? ''} | ${esc(a.title ?? '')} | ${esc(a.file ?? '')} |`);
  out.push('');

  out.push('## Shared text', '');
  const close = c.shared.filter((p) => p.verdict !== 'independent');
  const loose = c.shared.length - close.length;
  if (close.length === 0) out.push('No two articles share more than a few phrases or quotes.', '');
  for (const p of close) {
    out.push(`### ${k(p.a)} and ${k(p.b)}: ${p.verdict}`, '');
    out.push(`${pct(p.shareA)} of ${k(p.a)} and ${pct(p.shareB)} of ${k(p.b)} is shared text, in ${p.passages.length} passage${p.passages.length === 1 ? '' : 's'}:`, '');
    for (const x of p.passages) out.push(`> ${esc(x.text)}`, `> — ${k(p.a)} ${x.a.start}–${x.a.end}, ${k(p.b)} ${x.b.start}–${x.b.end} (${x.words} words)`, '');
  }
  if (loose) out.push(`${loose} other pair${loose === 1 ? ' shares' : 's share'} only short passages (a common quote or phrase): independent reports.`, '');

  out.push('## Figures across sources', '');
  if (c.numbers.length === 0) out.push('No quantity is given by two or more articles.', '');
  const MAX_GROUPS = 30;
  const MAX_CLAIMS = 15;
  for (const g of c.numbers.slice(0, MAX_GROUPS)) {
    out.push(`### ${esc(g.quantity)}: ${g.verdict}`, '', `Figures given: ${esc(g.values)}.`, '');
    out.push('| date | source | figure | hedge | according to | sentence |', '|---|---|---|---|---|---|');
    for (const cl of g.claims.slice(0, MAX_CLAIMS)) {
      const sentence = esc(cl.sentenceText).replace(esc(cl.text), `**${esc(cl.text)}**`);
      out.push(`| ${cl.date ?? ''} | ${k(cl.article)} | ${esc(cl.text)} | ${esc(cl.hedge ?? '')} | ${esc(cl.attributedTo ?? '')} | ${sentence} |`);
    }
    if (g.claims.length > MAX_CLAIMS) out.push('', `…and ${g.claims.length - MAX_CLAIMS} more (JSON output has all).`);
    out.push('');
  }
  if (c.numbers.length > MAX_GROUPS) out.push(`…and ${c.numbers.length - MAX_GROUPS} more quantities (JSON output has all).`, '');

  out.push('## Where sources disagree', '');
  if (c.conflicts.length === 0) out.push('No conflicting statements found (only clear responsibility claims are compared).', '');
  for (const x of c.conflicts) {
    out.push(`### ${esc(x.topic)}`, '');
    for (const s of x.sides) out.push(`- **${esc(s.position)}** — ${esc(s.actor)}, ${k(s.article)}${s.date ? ` ${s.date}` : ''}: “${esc(s.text)}”`);
    out.push('');
  }

  out.push('## Coverage', '');
  const cov = c.coverage;
  if (cov.facts.length) {
    out.push('Facts reported by two or more articles:', '');
    out.push(`| fact | ${c.articles.map((a) => k(a.id)).join(' | ')} |`, `|---|${c.articles.map(() => ':-:').join('|')}|`);
    for (const f of cov.facts) out.push(`| ${esc(clip(f.text, 140))} | ${c.articles.map((a) => (f.articles.includes(a.id) ? '●' : '')).join(' | ')} |`);
    out.push('');
  } else out.push('No fact is reported in near-same words by two articles.', '');
  if (cov.unique.length) {
    out.push('Reported by one article only (most salient per article):', '');
    const MAX_UNIQUE = 90;
    for (const u of cov.unique.slice(0, MAX_UNIQUE)) out.push(`- ${k(u.article)} ${esc(u.fact.text)}`);
    if (cov.unique.length > MAX_UNIQUE) out.push(`- …and ${cov.unique.length - MAX_UNIQUE} more (JSON output has all).`);
    out.push('');
  }
  out.push('| | source | shared facts | sentences no other article reports |', '|---|---|---:|---:|');
  for (const p of cov.perArticle) {
    const a = c.articles.find((x) => x.id === p.article)!;
    out.push(`| ${k(p.article)} | ${esc(name(a))} | ${p.facts} | ${p.unique} |`);
  }
  out.push('');
  return out.join('\n');
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
