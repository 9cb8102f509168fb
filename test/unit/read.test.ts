import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, readOne, detokenise, textArticle } from '../../src/read/index.js';
import { decode } from '../../src/read/decode.js';

const slice = (t: string, s?: { start: number; end: number }) => (s ? t.slice(s.start, s.end) : undefined);

test('plain text: headline, dateline, credits and caption are spans in the exact text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-'));
  const text = 'Flood hits Lorvik\n\nRescuers wade through a street (left).\n\nLORVIK - Water rose overnight. "We lost everything," said Ana Berg.\n\n(Reporting by Jo Lind; Editing by Per Ek)\n';
  writeFileSync(join(dir, 'a.txt'), text);
  const { articles, problems } = await readInputs([dir]);
  assert.equal(problems.length, 0);
  const a = articles[0]!;
  assert.equal(a.text, text, 'text is the whole file exactly');
  assert.equal(slice(a.text, a.headline), 'Flood hits Lorvik');
  assert.equal(slice(a.text, a.dateline), 'LORVIK -');
  assert.equal(a.dateline?.place, 'Lorvik');
  assert.deepEqual(a.credits?.map((c) => slice(a.text, c)), ['(Reporting by Jo Lind; Editing by Per Ek)']);
  assert.deepEqual(a.captions?.map((c) => slice(a.text, c)), ['Rescuers wade through a street (left).']);
});

const datelines: Array<[string, string | undefined]> = [
  ['BEIRUT - Annan said.', 'BEIRUT -'],
  ['MOSCOW A U.S. envoy met officials.', 'MOSCOW'],
  ['LORVIK, March 11 (Harbor Wire Service) - The toll rose.', 'LORVIK, March 11 (Harbor Wire Service) -'],
  ['WASHINGTON (AP) _ The Senate voted.', 'WASHINGTON (AP) _'],
  ['NATO said on Friday it would act.', undefined],
  ['GDAŃSK - Dock workers walked out.', 'GDAŃSK -'],
  ['SÃO PAULO (Reuters) - Brazil voted.', 'SÃO PAULO (Reuters) -'],
];
for (const [lead, want] of datelines) {
  test(`dateline: ${lead}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-'));
    writeFileSync(join(dir, 'x.txt'), `${lead} More text follows here.\nAnd a second paragraph.`);
    const a = (await readInputs([dir])).articles[0]!;
    assert.equal(slice(a.text, a.dateline), want);
  });
}

test('date prefix and sidecar metadata', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-'));
  writeFileSync(join(dir, 'one.txt'), ' date 2012-06-08 MOSCOW A U.S. envoy met officials.\n\nMore.');
  writeFileSync(join(dir, 'two.txt'), 'Second story here.\nIt goes on.');
  writeFileSync(join(dir, 'meta.tsv'), 'file\tpublished\tsource\ntwo.txt\t2012-06-01\tWire\n');
  const { articles } = await readInputs([dir], { meta: join(dir, 'meta.tsv'), date: '2000-01-01' });
  const one = articles.find((a) => a.file!.endsWith('one.txt'))!;
  const two = articles.find((a) => a.file!.endsWith('two.txt'))!;
  assert.equal(one.published, '2012-06-08');
  assert.equal(slice(one.text, one.meta?.[0]), 'date 2012-06-08');
  assert.equal(two.published, '2012-06-01');
  assert.equal(two.source, 'Wire');
});

test('Timeline17 layout: folder date and detokenised text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-'));
  const d = join(dir, 'InputDocs', '2010-01-21');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, '1.htm.txt'), "Officials say `` 75,000 '' bodies were buried , and it is n't over .\nAid arrives ( slowly ) .\n");
  const a = (await readInputs([dir])).articles[0]!;
  assert.equal(a.published, '2010-01-21');
  assert.equal(a.text, 'Officials say "75,000" bodies were buried, and it isn\'t over.\nAid arrives (slowly).');
  assert.equal(detokenise("He said `` no '' ."), 'He said "no".');
  assert.equal(detokenise('BP -LRB- the company -RRB- said .'), 'BP (the company) said.');
});

test('Multi-News separators give one article each', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-'));
  writeFileSync(join(dir, 'mn.txt'), 'First document text. ||||| Second document text here.');
  const { articles } = await readInputs([join(dir, 'mn.txt')]);
  assert.deepEqual(articles.map((a) => a.text), ['First document text.', 'Second document text here.']);
});

test('examples: HTML, RSS and JSONL readers', async () => {
  const { articles, problems } = await readInputs(['examples/feed.xml', 'examples/more.jsonl']);
  assert.equal(problems.length, 0);
  assert.equal(articles.length, 4);
  const feed = articles.filter((a) => a.file === 'examples/feed.xml');
  assert.equal(feed.length, 2);
  for (const a of feed) {
    assert.match(a.published ?? '', /^2026-03-\d\d$/);
    assert.ok(a.url?.startsWith('http'));
    assert.ok(a.title);
  }
  const fromHtml = articles.find((a) => a.file === 'examples/more.jsonl' && !a.text.includes('<'));
  assert.ok(fromHtml);
});

test('HTML: readable text, title and published meta', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-'));
  const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story tells what happened at the dam and who spoke about it afterwards.</p>`).join('');
  writeFileSync(join(dir, 'p.html'), `<!doctype html><html><head><title>Dam fails</title><meta property="article:published_time" content="2026-03-10T08:00:00Z"><meta property="og:site_name" content="Ledger"></head><body><nav>Home World</nav><article><h1>Dam fails</h1>${body}</article><script>alert(1)</script></body></html>`);
  const a = (await readInputs([join(dir, 'p.html')])).articles[0]!;
  assert.equal(a.published, '2026-03-10');
  assert.equal(a.source, 'Ledger');
  assert.match(a.text, /^Paragraph 1 of the story/m);
  assert.doesNotMatch(a.text, /alert\(1\)/);
});

test('encodings: UTF-8 BOM, UTF-16 BOM, Windows-1252 fallback', () => {
  const bom = decode(Buffer.from([0xef, 0xbb, 0xbf, 0x41]));
  assert.deepEqual(bom, { ok: true, text: 'A', encoding: 'utf-8' });
  const u16 = decode(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]));
  assert.equal(u16.ok && u16.text, 'AB');
  const cp = decode(Buffer.from([0x63, 0x61, 0x6e, 0x92, 0x74, 0x20, 0xe9]));
  assert.equal(cp.ok && cp.text, 'can\u2019t \u00e9');
  assert.equal(cp.ok && cp.encoding, 'windows-1252');
});

const bad: Array<[string, string]> = [
  ['test/fixtures/bad/empty.txt', 'empty'],
  ['test/fixtures/bad/binary.txt', 'binary'],
  ['test/fixtures/bad/broken.xml', 'bad-xml'],
  ['does/not/exist.txt', 'not-found'],
];
for (const [file, code] of bad) {
  test(`bad input ${file} → ${code}, and the run goes on`, async () => {
    const { articles, problems } = await readInputs([file, 'examples/articles/01-northern-ledger-dam-breach.txt']);
    assert.equal(articles.length, 1, 'the good file is still read');
    assert.equal(problems[0]?.code, code);
    assert.ok(problems[0]!.message.length > 10);
  });
}

test('bad input: JSONL lines are reported by line and good lines kept', async () => {
  const { articles, problems } = await readInputs(['test/fixtures/bad/broken.jsonl']);
  assert.equal(articles.length, 1);
  assert.deepEqual(problems.map((p) => [p.code, p.place?.line]), [['bad-json', 2], ['bad-record', 3]]);
});

test('bad input: a too-large file is refused with the limit, a duplicate is reported once', async () => {
  const r = await readOne('examples/articles/01-northern-ledger-dam-breach.txt', { maxBytes: 100 });
  assert.equal(r.problems[0]?.code, 'too-large');
  assert.match(r.problems[0]!.message, /limit/);
  const d = await readInputs(['examples/articles/01-northern-ledger-dam-breach.txt', 'examples/articles/01-northern-ledger-dam-breach.txt']);
  assert.equal(d.articles.length, 1);
  assert.deepEqual(d.problems.map((p) => p.code), ['duplicate']);
});

test('a feed with 10,000 items is read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-'));
  const items = Array.from({ length: 10000 }, (_, i) => `<item><title>T${i}</title><link>https://example.com/${i}</link><pubDate>Tue, 10 Mar 2026 08:00:00 GMT</pubDate><description>Story number ${i} about the dam.</description></item>`).join('');
  writeFileSync(join(dir, 'big.rss'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>${items}</channel></rss>`);
  const { articles, problems } = await readInputs([join(dir, 'big.rss')]);
  assert.equal(problems.length, 0);
  assert.equal(articles.length, 10000);
  assert.equal(articles[9999]!.source, 'Ledger');
});

test('bad input: deeply nested HTML is read without Readability stalling, absurd nesting is a problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-'));
  writeFileSync(join(dir, 'deep.html'), '<html><body>' + '<div>'.repeat(3000) + 'The story of a day at the dam.' + '</div>'.repeat(3000) + '</body></html>');
  writeFileSync(join(dir, 'absurd.html'), '<div>'.repeat(200000) + 'x' + '</div>'.repeat(200000));
  const t0 = Date.now();
  const { articles, problems } = await readInputs([dir]);
  assert.ok(Date.now() - t0 < 20000, 'reading took too long');
  assert.deepEqual(articles.map((a) => a.text), ['The story of a day at the dam.']);
  assert.deepEqual(problems.map((p) => p.code), ['bad-html']);
});

test('a reader-comment thread after the story is kept in the text but not analysed', async () => {
  const { analyzeArticle } = await import('../../src/analyze/index.js');
  const story = 'Lorvik dam holds after storm\n\nLORVIK - Engineers said on Tuesday the Lorvik dam had held through the storm, and the town council lifted the evacuation order for the lower valley. "The walls did what they were built to do," said chief engineer Mira Dahl.\n\n';
  const thread = [
    'Great news for the valley! Posted by: riverfan | March 12, 2025 9:14 PM | Report abuse',
    'The council should have acted sooner. Posted by: Tom K | March 12, 2025 8:51 PM | Report abuse',
    'Who pays for the repairs? Posted by: anon | March 12, 2025 8:02 PM | Report abuse',
  ].join('\n');
  const a = textArticle('blog.txt', story + thread);
  assert.equal(a.text, story + thread, 'nothing is lost');
  assert.deepEqual(a.comments, { start: story.length, end: (story + thread).length });
  const analyzed = analyzeArticle(a);
  assert.ok(analyzed.sentences.length >= 2 && analyzed.sentences.every((s) => s.end <= story.length));
  assert.ok(!analyzed.names.some((n) => n.text === 'Tom K' || n.text === 'riverfan'));
  // Two signatures are not a thread (an article may quote one); neither is a page that is all thread.
  const two = story + thread.split('\n').slice(0, 2).join('\n');
  assert.equal(textArticle('two.txt', two).comments, undefined);
  assert.equal(textArticle('all.txt', thread).comments, undefined);
  // Replies quoting earlier comments (`At 9:14 pm on 12 Mar 2025, riverfan wrote:`) mark a thread too.
  const replies = [
    'At 9:14 pm on 12 Mar 2025, riverfan wrote: Great news for the valley! I agree.',
    'At 9:40 pm on 12 Mar 2025, Tom K wrote: The council should have acted sooner. Not so.',
    'At 10:02 pm on 12 Mar 2025, anon wrote: Who pays for the repairs? The company.',
  ].join('\n');
  assert.deepEqual(textArticle('bbc.txt', story + replies).comments, { start: story.length, end: (story + replies).length });
  const replies2 = replies.replace(/ pm on 12 Mar 2025/g, ' 12th Mar 2025');
  assert.deepEqual(textArticle('bbc2.txt', story + replies2).comments, { start: story.length, end: (story + replies2).length });
});
