/**
 * RSS 2.0, Atom and RDF (RSS 1.0) feeds: one article per item, with its date, link,
 * author and the feed's title as source. Item HTML is reduced to paragraphs of text.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface FeedItem {
  text: string;
  title?: string;
  url?: string;
  published?: string;
  author?: string;
  source?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown> | string | undefined;

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return str(o['#text'] ?? o['@href'] ?? o['name']);
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '\u2014', ndash: '\u2013', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', hellip: '\u2026' };

/** Light HTML-to-text for feed snippets: block tags become paragraph breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|h[1-6]|li|blockquote|section|article|tr|ul|ol|figure|figcaption)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** True when the text is an RSS/Atom/RDF document. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000);
  return /<rss[\s>]|<feed[\s>][\s\S]*?xmlns="http:\/\/www\.w3\.org\/2005\/Atom"|<rdf:RDF[\s>]|<feed[\s>]/.test(head);
}

/** Parse a feed into items, or an error message with a line number. */
export function parseFeed(xml: string): { items: FeedItem[]; error?: undefined } | { error: string; line?: number } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: valid.err.msg, line: valid.err.line };
  let doc: Record<string, Node>;
  try {
    doc = parser.parse(xml) as Record<string, Node>;
  } catch (e) {
    return { error: (e as Error).message };
  }
  const rss = doc['rss'] as Record<string, Node> | undefined;
  const atom = doc['feed'] as Record<string, Node> | undefined;
  const rdf = doc['rdf:RDF'] as Record<string, Node> | undefined;
  if (rss) {
    const channel = (rss['channel'] ?? {}) as Record<string, unknown>;
    const source = str(channel['title']);
    return { items: ((channel['item'] as Record<string, unknown>[] | undefined) ?? []).map((it) => rssItem(it, source)) };
  }
  if (rdf) {
    const channel = (rdf['channel'] ?? {}) as Record<string, unknown>;
    const source = str(channel['title']);
    return { items: ((rdf['item'] as Record<string, unknown>[] | undefined) ?? []).map((it) => rssItem(it, source)) };
  }
  if (atom) {
    const source = str(atom['title']);
    return { items: ((atom['entry'] as Record<string, unknown>[] | undefined) ?? []).map((e) => atomEntry(e, source)) };
  }
  return { error: 'no <rss>, <feed> or <rdf:RDF> root element' };
}

function rssItem(it: Record<string, unknown>, source?: string): FeedItem {
  const body = str(it['content:encoded']) ?? str(it['description']) ?? '';
  return {
    text: htmlToText(body),
    title: str(it['title']),
    url: str(it['link']) ?? str(it['guid']),
    published: normaliseDate(str(it['pubDate']) ?? str(it['dc:date'])),
    author: str(it['author']) ?? str(it['dc:creator']),
    source: str(it['source']) ?? source,
  };
}

function atomEntry(e: Record<string, unknown>, source?: string): FeedItem {
  const links = (e['link'] as Record<string, unknown>[] | undefined) ?? [];
  const alt = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
  const body = str(e['content']) ?? str(e['summary']) ?? '';
  const author = e['author'] as Record<string, unknown> | undefined;
  return {
    text: htmlToText(body),
    title: str(e['title']),
    url: alt ? str(alt['@href']) : undefined,
    published: normaliseDate(str(e['published']) ?? str(e['updated'])),
    author: author ? str(author['name']) : undefined,
    source,
  };
}

/** Any parseable date string to ISO `YYYY-MM-DD` (the date as written, in its own zone). */
export function normaliseDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(s.trim());
  if (iso) return iso[1];
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return undefined;
  // RFC 822 dates carry their zone: keep the calendar date of the writer where given.
  const m = /\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})\b/i.exec(s);
  if (m) {
    const month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(m[2]!.slice(0, 3).toLowerCase()) / 3 + 1;
    return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  return d.toISOString().slice(0, 10);
}
