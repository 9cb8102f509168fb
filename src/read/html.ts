/**
 * HTML articles: the readable main text via @mozilla/readability on a linkedom DOM, plus
 * title, byline, site name, canonical URL and published time from meta tags.
 */
import { createRequire } from 'node:module';

// linkedom takes a sixth of a second to load: it (and Readability) load with the first HTML page.
type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');
const require = createRequire(import.meta.url);
let dom: { parseHTML: Linkedom['parseHTML']; Readability: ReadabilityModule['Readability'] } | undefined;
const domLib = () =>
  (dom ??= { parseHTML: (require('linkedom') as Linkedom).parseHTML, Readability: (require('@mozilla/readability') as ReadabilityModule).Readability });

export interface HtmlArticle {
  text: string;
  title?: string;
  author?: string;
  source?: string;
  url?: string;
  published?: string;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'TR', 'FIGCAPTION', 'DD', 'DT', 'TABLE', 'UL', 'OL', 'HEADER', 'FOOTER']);

type El = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<El>; getAttribute?(n: string): string | null };

/** Text of a DOM subtree with block elements as paragraphs separated by blank lines. */
export function blockText(root: El): string {
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (n: El) => {
    if (n.nodeType === 3) {
      cur += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    if (name === 'BR') {
      flush();
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}

const MAX_READABILITY_DEPTH = 150;

/** Deepest element nesting below `root` (iterative: deep pages must not overflow the stack). */
function depth(root: El): number {
  let max = 0;
  const stack: Array<[El, number]> = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_READABILITY_DEPTH) return max;
    for (let i = 0; i < n.childNodes.length; i++) {
      const c = n.childNodes[i]!;
      if (c.nodeType === 1) stack.push([c, d + 1]);
    }
  }
  return max;
}

function meta(document: { querySelector(s: string): El | null }, selectors: string[]): string | undefined {
  for (const s of selectors) {
    const el = document.querySelector(s);
    const v = el?.getAttribute?.('content') ?? el?.getAttribute?.('datetime') ?? el?.getAttribute?.('href');
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}

const MAX_SOURCE_DEPTH = 5_000;
const VOID_OR_AUTOCLOSED = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd']);

/** Deepest nesting of the tags in HTML source, by a fast scan (the DOM parser is slow on deep input). */
export function sourceDepth(html: string): number {
  let d = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (VOID_OR_AUTOCLOSED.has(name) || m[3]) continue;
    if (m[1]) d = Math.max(0, d - 1);
    else if (++d > max) max = d;
  }
  return max;
}

/** Extract the article from an HTML string; `undefined` text means nothing readable. */
export function parseHtml(html: string): HtmlArticle | { error: string } {
  const deep = sourceDepth(html);
  if (deep > MAX_SOURCE_DEPTH) return { error: `elements nested ${deep} deep (more than ${MAX_SOURCE_DEPTH}); not a readable page` };
  let window: ReturnType<Linkedom['parseHTML']>;
  try {
    window = domLib().parseHTML(html.includes('<html') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const document = window.document as unknown as { querySelector(s: string): El | null; title?: string; body: El | null };
  const published = meta(document, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    'meta[property="og:published_time"]',
    'time[datetime]',
  ]);
  const source = meta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]']);
  const url = meta(document, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  const authorMeta = meta(document, ['meta[name="author"]', 'meta[property="article:author"]']);
  let parsed: { title?: string | null; byline?: string | null; content?: string | null; siteName?: string | null } | null = null;
  // Readability slows down with the square of nesting depth (1,000 nested divs take seconds);
  // pathological pages fall back to the plain text of the body.
  if (document.body && depth(document.body) <= MAX_READABILITY_DEPTH) {
    try {
      parsed = new (domLib().Readability)(window.document as unknown as Document, { charThreshold: 100, maxElemsToParse: 50_000 }).parse();
    } catch {
      parsed = null;
    }
  }
  let text = '';
  if (parsed?.content) {
    const inner = domLib().parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document as unknown as { body: El };
    text = blockText(inner.body);
  }
  if (!text && document.body) text = blockText(document.body);
  const title = (parsed?.title ?? document.title ?? '').trim() || undefined;
  return {
    text,
    title,
    author: (parsed?.byline ?? authorMeta ?? '').trim() || undefined,
    source: (parsed?.siteName ?? source ?? '').trim() || undefined,
    url,
    published,
  };
}
