import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/model/types.js';
import { articleId } from '../../src/read/id.js';
import { Ingestor, MemoryStore, SqliteStore, reclusterStore, type Store } from '../../src/store/index.js';
import { schemaVersion } from '../../src/store/migrations.js';

// Invented articles: two stories (a dam burst in Lorvik; a harbour strike in Port Ellis).
const texts: Array<[string, string, string]> = [
  ['2031-03-04', 'Ledger', 'LORVIK - The Skarra mine dam burst above Lorvik before dawn, burying homes in grey mud. Mayor Ingrid Sollander said six people were dead and rescuers searched the tailings.'],
  ['2031-03-05', 'Courier', 'Rescuers in Lorvik pulled two more bodies from the mud after the Skarra tailings dam burst. Mayor Ingrid Sollander said the toll had risen to eight as the mine owner Brennholt Minerals faced questions.'],
  ['2031-03-06', 'Post', 'Brennholt Minerals said the Skarra dam had passed inspection, as anger grew in Lorvik over the tailings disaster. Sollander asked who was to blame for the mud that buried the town.'],
  ['2031-03-05', 'Ledger', 'Dock workers in Port Ellis walked out on Wednesday, halting container traffic at the harbour. The Harbour Workers Union said the strike would last until the port authority restored overtime pay.'],
  ['2031-03-06', 'Courier', 'The Port Ellis strike entered its second day as ships queued outside the harbour. The union and the port authority traded blame over overtime pay for dock workers.'],
];

function art(i: number): Article {
  const [published, source, text] = texts[i]!;
  return { id: articleId(text), text, published, source, file: `art${i}.txt` };
}

async function withStores(name: string, f: (store: Store) => Promise<void>) {
  await test(`${name} (memory)`, () => f(new MemoryStore()));
  await test(`${name} (sqlite)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-store-'));
    const s = new SqliteStore(join(dir, 'd.db'));
    try {
      await f(s);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

await withStores('ingest is idempotent and groups articles into stories', async (store) => {
  const ing = await Ingestor.open(store, { batchSize: 2 });
  const r1 = await ing.add([0, 1, 2, 3, 4].map(art));
  assert.deepEqual(r1.map((r) => r.status), ['new', 'new', 'new', 'new', 'new']);
  const dam = new Set(r1.slice(0, 3).map((r) => r.story));
  const port = new Set(r1.slice(3).map((r) => r.story));
  assert.equal(dam.size, 1, 'dam articles in one story');
  assert.equal(port.size, 1, 'port articles in one story');
  assert.notDeepEqual([...dam], [...port]);
  const again = await (await Ingestor.open(store)).add([art(0), art(3)]);
  assert.deepEqual(again.map((r) => r.status), ['duplicate', 'duplicate']);
  assert.deepEqual(await store.counts(), { articles: 5, stories: 2, problems: 0 });
  const stories = await store.stories();
  assert.equal(stories.length, 2);
  const damStory = stories.find((s) => s.id === [...dam][0])!;
  assert.equal(damStory.articles, 3);
  assert.equal(damStory.sources, 3);
  assert.equal(damStory.first, '2031-03-04');
  assert.equal(damStory.last, '2031-03-06');
  assert.ok(damStory.terms.some((t) => t.term === 'Lorvik' || t.term === 'Skarra'), JSON.stringify(damStory.terms));
  const arts = await store.storyArticles(damStory.id);
  assert.deepEqual(arts.map((a) => a.published), ['2031-03-04', '2031-03-05', '2031-03-06']);
  assert.equal(arts[0]!.text, texts[0]![2]);
});

await withStores('a later ingest joins an existing story', async (store) => {
  await (await Ingestor.open(store)).add([0, 1, 3].map(art));
  const r = await (await Ingestor.open(store)).add([art(2), art(4)]);
  const members = await store.storyMembers(r[0]!.story!);
  assert.equal(members.length, 3);
  assert.equal(r[0]!.created, false);
  assert.ok(members[2]!.shared.length > 0, 'a joining article says which terms placed it');
  assert.equal((await store.counts()).stories, 2);
});

await withStores('search finds words with snippets and stories', async (store) => {
  await (await Ingestor.open(store)).add([0, 1, 2, 3, 4].map(art));
  const hits = await store.search('overtime');
  assert.equal(hits.length, 2);
  assert.ok(hits.every((h) => h.snippet.includes('[overtime]')), JSON.stringify(hits));
  assert.ok(hits.every((h) => h.story && h.storyTitle));
  assert.equal((await store.search('tailings Sollander')).length, 3);
  assert.equal((await store.search('"unbalanced quote')).length, 0);
});

await withStores('problems are stored and counted once per kind', async (store) => {
  const p = { code: 'empty' as const, message: 'x.txt is empty', file: 'x.txt' };
  await store.addProblems([p]);
  await (await Ingestor.open(store)).add([], [p]);
  const ps = await store.problems();
  assert.equal(ps.length, 1);
  assert.equal(ps[0]!.seen, 2);
});

await withStores('batch re-clustering keeps every article in one story', async (store) => {
  await (await Ingestor.open(store)).add([0, 1, 2, 3, 4].map(art));
  const r = await reclusterStore(store);
  assert.equal(r.articles, 5);
  const stories = await store.stories();
  assert.equal(stories.reduce((n, s) => n + s.articles, 0), 5);
});

test('sqlite: schema is versioned and a store reopens', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-store-'));
  try {
    const path = join(dir, 'd.db');
    const s = new SqliteStore(path);
    assert.equal(s.db.pragma('user_version', { simple: true }), schemaVersion);
    assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
    await (await Ingestor.open(s)).add([art(0)]);
    await s.close();
    const r = new SqliteStore(path, { readonly: true });
    assert.equal((await r.counts()).articles, 1);
    assert.equal(r.integrityCheck(), 'ok');
    await r.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite: two ingests at once stay consistent (the later one reloads and redoes its step)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-store-'));
  try {
    const path = join(dir, 'd.db');
    const s1 = new SqliteStore(path);
    const s2 = new SqliteStore(path);
    const a = await Ingestor.open(s1, { batchSize: 1 });
    const b = await Ingestor.open(s2, { batchSize: 1 });
    await a.add([art(0), art(3)]);
    const rb = await b.add([art(1), art(3), art(4)]); // art(3) is already there: a duplicate
    await a.add([art(2), art(4)]);
    assert.deepEqual(rb.map((r) => r.status), ['new', 'duplicate', 'new']);
    assert.ok(b.retries > 0 && a.retries > 0, `retries ${a.retries} ${b.retries}`);
    const db = s1.db;
    const n = db.prepare('SELECT COUNT(*) FROM articles').pluck().get();
    assert.equal(n, 5);
    assert.equal(db.prepare('SELECT SUM(size) FROM stories').pluck().get(), 5);
    assert.equal(db.prepare("SELECT value FROM counters WHERE name = 'docs'").pluck().get(), 5);
    assert.equal((await s1.stories()).length, 2);
    await s1.close();
    await s2.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

await withStores('articles older than the store still cluster (in one run and across runs)', async (store) => {
  // Newer articles first, then an older story in two separate runs.
  const ing = await Ingestor.open(store, { batchSize: 1 });
  await ing.add([art(3), art(4)].map((a) => ({ ...a, published: a.published!.replace('2031', '2033') })));
  const r1 = await ing.add([art(0)]);
  const r2 = await (await Ingestor.open(store)).add([art(1), art(2)]);
  assert.equal(new Set([...r1, ...r2].map((r) => r.story)).size, 1, 'the old story holds together');
  const n = (await store.counts()).articles;
  const sizes = (await store.stories()).reduce((k, s) => k + s.articles, 0);
  assert.equal(sizes, n);
});
