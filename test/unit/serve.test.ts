import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/index.js';
import { serve } from '../../src/serve/index.js';
import { memoryIo } from '../helpers.js';

test('serve: stories page, a story brief, search, JSON and clear errors over real HTTP', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-serve-'));
  const db = join(dir, 'news.db');
  assert.equal(await main(['ingest', 'examples/articles', '--meta', 'examples/articles.tsv', 'examples/more.jsonl', '--db', db, '-q'], memoryIo()), 0);
  const store = openStore(db);
  const server = serve(store);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const res = await fetch(base + path);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };
  try {
    const stories = await get('/api/stories');
    assert.equal(stories.status, 200);
    const list = JSON.parse(stories.body) as Array<{ id: string; title: string; articles: number }>;
    assert.ok(list.length >= 1 && list.every((s) => s.id && s.title && s.articles >= 1));

    const home = await get('/');
    assert.equal(home.status, 200);
    assert.match(home.type, /text\/html/);
    assert.ok(home.body.includes(`href="/story/${list[0]!.id}"`), 'the page links each story');

    const brief = await get(`/story/${list[0]!.id}`);
    assert.equal(brief.status, 200);
    assert.match(brief.body, /<h2[^>]*>Summary<\/h2>/, 'the story page is its brief');
    assert.match(brief.body, /<nav><a href="\/">/, 'with a way back to the stories');

    const report = JSON.parse((await get(`/api/stories/${list[0]!.id}`)).body) as { articles: unknown[]; sections: unknown[] };
    assert.ok(report.articles.length >= 2 && report.sections.length >= 1);

    const found = await get('/search?q=inspectors');
    assert.equal(found.status, 200);
    assert.match(found.body, /<mark>inspectors<\/mark>/i);
    const hits = JSON.parse((await get('/api/search?q=inspectors')).body) as Array<{ story?: string }>;
    assert.ok(hits.length >= 1 && hits.every((h) => h.story));

    // Markup in a query is shown as text, never run.
    const odd = await get('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.ok(!odd.body.includes('<script>alert(1)</script>'));

    assert.equal((await get('/story/no-such-story')).status, 404);
    assert.equal((await get('/api/stories/no-such-story')).status, 404);
    assert.equal((await get('/nowhere')).status, 404);
    assert.equal((await get('/api/search')).status, 400);
    assert.equal((await get('/story/%E0%A4%A')).status, 400);
    assert.equal((await fetch(base + '/api/stories', { method: 'POST' })).status, 405);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
