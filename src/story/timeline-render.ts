/**
 * A timeline as text, Markdown, JSON, HTML or tilse's file format. Pure functions: the
 * timeline and the articles it cites in, a string out.
 */
import type { Article } from '../model/types.js';
import type { Timeline, TimelineSentence } from './timeline.js';
import { sourceLabel } from './entities.js';
import { escapeHtml } from '../render/html.js';
import { timelineSvg } from '../render/timeline-svg.js';

export type TimelineFormat = 'text' | 'md' | 'json' | 'html' | 'tilse';
export const TIMELINE_FORMATS: readonly TimelineFormat[] = ['text', 'md', 'json', 'html', 'tilse'];

type Articles = ReadonlyMap<string, Article>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `Friday 25 May 2012`. */
export function longDate(date: string): string {
  const t = new Date(date + 'T00:00:00Z');
  return `${WEEKDAYS[t.getUTCDay()]} ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

function label(arts: Articles, id: string): string {
  const a = arts.get(id);
  return a ? sourceLabel(a) : id;
}

function citation(arts: Articles, s: TimelineSentence): string {
  const pub = s.published ? `, published ${s.published.slice(0, 10)}` : '';
  return `${label(arts, s.source.article)}${pub}, chars ${s.source.start}-${s.source.end}`;
}

function corroborated(arts: Articles, s: TimelineSentence): string {
  if (s.corroborations.length === 0) return '';
  const names = [...new Set(s.corroborations.map((c) => label(arts, c.article)))];
  return names.join('; ');
}

/** Plain text: a date heading, then each sentence with its source. */
export function timelineText(t: Timeline, arts: Articles): string {
  const out: string[] = [`Timeline: ${t.entries.length} dates from ${t.articles} article${t.articles === 1 ? '' : 's'}`, ''];
  for (const e of t.entries) {
    out.push(`${e.date}  ${longDate(e.date)}`);
    for (const s of e.sentences) {
      out.push(`  - ${s.text}`);
      out.push(`    [${citation(arts, s)}]`);
      const c = corroborated(arts, s);
      if (c) out.push(`    also reported by: ${c}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Markdown: a section per date, a bullet per sentence with its citation. */
export function timelineMarkdown(t: Timeline, arts: Articles): string {
  const out: string[] = ['# Timeline', '', `${t.entries.length} dates from ${t.articles} article${t.articles === 1 ? '' : 's'}.`, ''];
  for (const e of t.entries) {
    out.push(`## ${longDate(e.date)}`, '');
    for (const s of e.sentences) {
      const c = corroborated(arts, s);
      out.push(`- ${s.text.replace(/([\\`*_[\]<>])/g, '\\$1')} — *${citation(arts, s)}*${c ? ` (also: ${c})` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** JSON: the timeline plus the cited articles' metadata. */
export function timelineJson(t: Timeline, arts: Articles): string {
  const cited = new Set<string>();
  for (const e of t.entries) {
    for (const s of e.sentences) {
      cited.add(s.source.article);
      for (const c of s.corroborations) cited.add(c.article);
    }
  }
  const articles = [...cited].sort().map((id) => {
    const a = arts.get(id);
    return { id, file: a?.file, source: a?.source, title: a?.title, url: a?.url, published: a?.published };
  });
  return JSON.stringify({ entries: t.entries, articles: t.articles, cited: articles }, null, 2) + '\n';
}

/** tilse / Timeline17 file format: a date line, its sentences one a line, 32 dashes. */
export function timelineTilse(t: Timeline): string {
  let out = '';
  for (const e of t.entries) {
    out += e.date + '\n';
    for (const s of e.sentences) out += s.text + '\n';
    out += '-'.repeat(32) + '\n';
  }
  return out;
}

/** A self-contained HTML page: the time axis, then the entries, each quoting its sources. */
export function timelineHtml(t: Timeline, arts: Articles): string {
  const quote = (id: string, start: number, end: number) => escapeHtml((arts.get(id)?.text ?? '').slice(start, end).replace(/\s+/g, ' ').trim());
  const body: string[] = [];
  for (const e of t.entries) {
    body.push(`<section><h2>${escapeHtml(longDate(e.date))}</h2><ul>`);
    for (const s of e.sentences) {
      const corr = s.corroborations
        .map((c) => `<li><cite>${escapeHtml(label(arts, c.article))}</cite>: “${quote(c.article, c.start, c.end)}”</li>`)
        .join('');
      body.push(
        `<li id="s-${escapeHtml(s.source.article)}-${s.sentence}"><p>${escapeHtml(s.text)}</p>` +
          `<p class="src">${escapeHtml(citation(arts, s))}</p>` +
          (corr ? `<details><summary>also reported by ${s.corroborations.length}</summary><ul>${corr}</ul></details>` : '') +
          `</li>`,
      );
    }
    body.push('</ul></section>');
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Timeline</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{font-size:1.05rem;margin:1.5rem 0 .3rem;border-bottom:1px solid #ddd}ul{padding-left:1.2rem}
.src{color:#666;font-size:.85rem;margin:0}details{font-size:.9rem;color:#444}cite{font-style:normal;font-weight:600}</style>
</head><body><h1>Timeline</h1>
<p>${t.entries.length} dates from ${t.articles} article${t.articles === 1 ? '' : 's'}.</p>
${timelineSvg(t)}
${body.join('\n')}
</body></html>
`;
}

/** Render a timeline in one of the formats. */
export function renderTimeline(t: Timeline, arts: Articles, format: TimelineFormat): string {
  switch (format) {
    case 'text':
      return timelineText(t, arts);
    case 'md':
      return timelineMarkdown(t, arts);
    case 'json':
      return timelineJson(t, arts);
    case 'html':
      return timelineHtml(t, arts);
    case 'tilse':
      return timelineTilse(t);
  }
}
