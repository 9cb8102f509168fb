/**
 * The HTTP server of `dossier serve`: a thin adapter over the store. Read-only.
 *
 *   GET /                      web page: the stories, newest first, and a search box
 *   GET /story/ID              the story's brief (the same self-contained HTML as `dossier brief`)
 *   GET /search?q=WORDS        web page: matching articles with snippets and their stories
 *   GET /api/stories           JSON: the stories (`?since=YYYY-MM-DD&limit=N`)
 *   GET /api/stories/ID        JSON: the story's brief report
 *   GET /api/search?q=WORDS    JSON: search hits
 *
 * Errors are answers, not crashes: unknown paths and stories give 404, a missing query or a
 * badly encoded path 400, a failure 500 with its message; the server goes on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SearchHit, Store, StoryInfo } from '../store/types.js';
import { storyBrief } from '../store/reports.js';
import { escapeHtml, renderHtml } from '../render/html.js';
import { renderJson } from '../render/json.js';

/** A served answer: status, content type and body. */
interface Answer {
  status: number;
  type: 'text/html' | 'application/json';
  body: string;
}

const html = (status: number, body: string): Answer => ({ status, type: 'text/html', body });
const json = (status: number, value: unknown): Answer => ({ status, type: 'application/json', body: JSON.stringify(value, null, 2) + '\n' });

/** Answer one request (pure over the store: no I/O but the store's). */
export async function answer(store: Store, method: string, rawUrl: string): Promise<Answer> {
  const url = new URL(rawUrl, 'http://localhost');
  const api = url.pathname.startsWith('/api/');
  if (method !== 'GET' && method !== 'HEAD') return api ? json(405, { error: 'only GET is served' }) : html(405, page('Not allowed', '<p>Only GET is served.</p>'));
  let parts: string[];
  try {
    parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return api ? json(400, { error: 'the path is not valid URL encoding' }) : html(400, page('Bad address', '<p>The address is not valid URL encoding.</p>'));
  }
  const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 50) || 50, 1), 1000);
  const since = url.searchParams.get('since') ?? undefined;
  const q = (url.searchParams.get('q') ?? '').trim();

  if (parts.length === 0) return html(200, storiesPage(await store.stories({ limit, ...(since ? { since } : {}) })));
  if (parts[0] === 'story' && parts.length === 2) {
    const report = await storyBrief(store, parts[1]!);
    // The brief as `dossier brief` writes it, with a way back to the list.
    return report ? html(200, renderHtml(report, { back: { href: '/', label: 'All stories' } })) : html(404, page('No such story', `<p>There is no story ${escapeHtml(parts[1]!)}. <a href="/">All stories</a></p>`));
  }
  if (parts[0] === 'search' && parts.length === 1) {
    if (!q) return html(400, page('Search', `${searchForm('')}<p>Type some words to search for.</p>`));
    return html(200, searchPage(q, await store.search(q, { limit })));
  }
  if (api && parts[1] === 'stories' && parts.length === 2) return json(200, await store.stories({ limit, ...(since ? { since } : {}) }));
  if (api && parts[1] === 'stories' && parts.length === 3) {
    const report = await storyBrief(store, parts[2]!);
    return report ? { status: 200, type: 'application/json', body: renderJson(report) } : json(404, { error: `no story ${parts[2]}` });
  }
  if (api && parts[1] === 'search' && parts.length === 2) {
    if (!q) return json(400, { error: 'give the words to search for as ?q=' });
    return json(200, await store.search(q, { limit }));
  }
  return api ? json(404, { error: `nothing at ${url.pathname}` }) : html(404, page('Not found', `<p>Nothing at ${escapeHtml(url.pathname)}. <a href="/">All stories</a></p>`));
}

/** An HTTP server answering from `store`. */
export function serve(store: Store): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    answer(store, req.method ?? 'GET', req.url ?? '/')
      .catch((e: unknown): Answer => {
        const message = (e as Error).message;
        return (req.url ?? '').startsWith('/api/') ? json(500, { error: message }) : html(500, page('Error', `<p>${escapeHtml(message)}</p>`));
      })
      .then((a) => {
        res.writeHead(a.status, { 'content-type': `${a.type}; charset=utf-8`, 'content-length': Buffer.byteLength(a.body) });
        res.end(req.method === 'HEAD' ? undefined : a.body);
      });
  });
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Dossier</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
a { color: #0645ad; } h1 { font-size: 1.6rem; } .meta { color: #666; font-size: .9rem; }
li { margin: .6rem 0; } form { margin: 1rem 0; } input[type=search] { width: 70%; padding: .4rem; font-size: 1rem; }
mark { background: #fff2a8; }
</style></head><body>
<h1><a href="/" style="color:inherit;text-decoration:none">Dossier</a> · ${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}

function searchForm(q: string): string {
  return `<form action="/search" method="get"><input type="search" name="q" value="${escapeHtml(q)}" placeholder="Search the articles" aria-label="Search the articles"> <button>Search</button></form>`;
}

function storiesPage(stories: StoryInfo[]): string {
  const items = stories.map((s) => {
    const dates = s.first && s.last && s.first !== s.last ? `${s.first} to ${s.last}` : (s.first ?? '');
    const terms = s.terms.slice(0, 5).map((t) => t.term).join(', ');
    return `<li><a href="/story/${encodeURIComponent(s.id)}">${escapeHtml(s.title)}</a><br><span class="meta">${escapeHtml(dates)} · ${s.articles} ${s.articles === 1 ? 'article' : 'articles'} from ${s.sources} ${s.sources === 1 ? 'source' : 'sources'}${terms ? ` · ${escapeHtml(terms)}` : ''}</span></li>`;
  });
  const list = items.length ? `<ol>${items.join('\n')}</ol>` : '<p>No stories yet: add articles with <code>dossier ingest</code>.</p>';
  return page('Stories', `${searchForm('')}\n${list}`);
}

function searchPage(q: string, hits: SearchHit[]): string {
  // Snippets mark matched words in [brackets]; show them highlighted, everything else escaped.
  const snippet = (s: string) => escapeHtml(s).replace(/\[([^\]]*)\]/g, '<mark>$1</mark>');
  const items = hits.map((h) => {
    const story = h.story ? ` · story <a href="/story/${encodeURIComponent(h.story)}">${escapeHtml(h.storyTitle ?? h.story)}</a>` : '';
    return `<li><strong>${escapeHtml(h.title ?? h.file ?? h.id)}</strong> <span class="meta">${escapeHtml(h.published ?? '')}${story}</span><br>${snippet(h.snippet)}</li>`;
  });
  const list = items.length ? `<ol>${items.join('\n')}</ol>` : `<p>No article matches “${escapeHtml(q)}”.</p>`;
  return page(`Search: ${q}`, `${searchForm(q)}\n${list}`);
}
