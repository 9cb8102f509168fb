/**
 * End-to-end: the CLI on the bundled example articles, compared with reviewed goldens.
 * `UPDATE=1 npm test` rewrites the goldens; review the diff before committing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../src/cli/main.js';
import { golden, memoryIo } from './helpers.js';

const io = (stdin = '') => memoryIo({ stdin });

const EX = ['examples/articles', '--meta', 'examples/articles.tsv'];

test('brief (markdown) on the examples matches the golden', async () => {
  const o = io();
  const code = await main(['brief', ...EX], o);
  assert.equal(code, 0, o.err);
  golden('brief.md', o.out);
});

test('brief --format html is one self-contained page', async () => {
  const o = io();
  assert.equal(await main(['brief', ...EX, '--format', 'html'], o), 0);
  assert.match(o.out, /^<!doctype html>/);
  assert.doesNotMatch(o.out, /<script|<link rel="stylesheet"|src="http/);
  assert.match(o.out, /id="s-[0-9a-f]{16}-0"/);
});

test('analyze: spans point into text; jsonl one object per article', async () => {
  const o = io();
  assert.equal(await main(['analyze', ...EX], o), 0);
  const rows = o.out.trim().split('\n').map((l) => JSON.parse(l) as { text: string; sentences: Array<{ start: number; end: number }>; names: Array<{ start: number; end: number; text: string }> });
  assert.equal(rows.length, 8);
  for (const r of rows) {
    assert.ok(r.sentences.length > 5);
    for (const n of r.names) assert.equal(r.text.slice(n.start, n.end), n.text);
  }
  golden('analyze.jsonl', o.out);
});

test('exit codes: 0 ok, 1 when an input had problems (output still produced), 2 on misuse', async () => {
  const bad = io();
  assert.equal(await main(['brief', 'examples/articles/01-northern-ledger-dam-breach.txt', 'test/fixtures/bad/empty.txt'], bad), 1);
  assert.match(bad.out, /Northern Ledger|Lorvik/);
  assert.match(bad.err, /\[empty\]/);
  const misuse = io();
  assert.equal(await main(['brief', '--format', 'pdf', 'examples/articles'], misuse), 2);
  assert.match(misuse.err, /--format/);
  assert.equal(await main(['nosuch'], io()), 2);
  assert.equal(await main(['brief'], io()), 2);
  const strict = io();
  assert.equal(await main(['brief', '--strict', 'examples/articles/01-northern-ledger-dam-breach.txt', 'examples/articles/01-northern-ledger-dam-breach.txt'], strict), 1);
  assert.equal(await main(['brief', 'examples/articles/01-northern-ledger-dam-breach.txt', 'examples/articles/01-northern-ledger-dam-breach.txt'], io()), 0);
});

test('stdin input with --date', async () => {
  const o = io('LORVIK - The dam failed on Tuesday, officials said.');
  assert.equal(await main(['analyze', '-', '--date', '2026-03-12'], o), 0);
  const row = JSON.parse(o.out) as { published: string; dateline: { place: string } };
  assert.equal(row.published, '2026-03-12');
  assert.equal(row.dateline.place, 'Lorvik');
});

test('--help for every command has examples', async () => {
  const { commands } = await import('../src/cli/commands/index.js');
  for (const c of commands) {
    const o = io();
    assert.equal(await main([...c.name.split(' '), '--help'], o), 0);
    assert.match(o.out, /Examples:/, `${c.name} --help has examples`);
  }
});
