/**
 * The timeline as an inline SVG time axis: one mark per entry at its date, sized by how
 * many sentences name the day, each linked to the sentence it summarises. Pure.
 */
import type { Timeline } from '../story/timeline.js';
import { escapeHtml } from './html.js';

const DAY = 86_400_000;

/** An SVG axis for the timeline (empty string when it has no entries). */
export function timelineSvg(t: Timeline, width = 940): string {
  const es = t.entries;
  if (!es.length) return '';
  const time = (d: string) => Date.parse(d + 'T00:00:00Z');
  const t0 = time(es[0]!.date);
  const t1 = time(es[es.length - 1]!.date);
  const span = Math.max(DAY, t1 - t0);
  const left = 40;
  const right = width - 40;
  const x = (d: string) => left + ((time(d) - t0) / span) * (right - left);
  const maxMentions = Math.max(1, ...es.map((e) => e.mentions));
  const rows = 3;
  const height = 60 + rows * 18;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" aria-label="Timeline from ${escapeHtml(es[0]!.date)} to ${escapeHtml(es[es.length - 1]!.date)}" viewBox="0 0 ${width} ${height}" width="100%">`,
    `<line x1="${left}" y1="30" x2="${right}" y2="30" stroke="#888" stroke-width="1.5"/>`,
  ];
  es.forEach((e, i) => {
    const cx = x(e.date).toFixed(1);
    const r = (4 + 6 * Math.sqrt(e.mentions / maxMentions)).toFixed(1);
    const s = e.sentences[0];
    const title = `${e.date}: ${s ? s.text : ''}`;
    const y = 52 + (i % rows) * 18;
    const open = s ? `<a href="#s-${s.source.article}-${s.sentence}">` : '<g>';
    const close = s ? '</a>' : '</g>';
    parts.push(
      `${open}<title>${escapeHtml(title)}</title><circle cx="${cx}" cy="30" r="${r}" fill="#4a6fd1" fill-opacity="0.75"/>` +
        `<line x1="${cx}" y1="30" x2="${cx}" y2="${y - 10}" stroke="#bbb"/><text x="${cx}" y="${y}" font-size="11" text-anchor="middle" fill="#333">${escapeHtml(e.date.slice(5))}</text>${close}`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
