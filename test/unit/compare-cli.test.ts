/**
 * `dossier compare` end to end on the bundled example articles (invented), compared with a
 * reviewed golden; `UPDATE=1` rewrites it (review the diff before committing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { readFileSync } from 'node:fs';
import { golden, memoryIo } from '../helpers.js';

const io = () => memoryIo();

const EX = ['examples/articles', '--meta', 'examples/articles.tsv', '-q'];

test('compare (markdown) on the examples matches the golden', async () => {
  const o = io();
  assert.equal(await main(['compare', ...EX], o), 0, o.err);
  golden('compare.md', o.out);
});

test('compare --format json: the shape the issue asks for, spans into the article texts', async () => {
  const o = io();
  assert.equal(await main(['compare', ...EX, '--format', 'json'], o), 0, o.err);
  const c = JSON.parse(o.out);
  assert.deepEqual(Object.keys(c).sort(), ['articles', 'conflicts', 'coverage', 'numbers', 'shared']);
  for (const a of c.articles) for (const k of ['id', 'file', 'source', 'published']) assert.ok(k in a, k);
  const texts = new Map<string, string>(c.articles.map((a: { id: string; file: string }) => [a.id, readFileSync(a.file, 'utf8')]));
  // wire copy: the two agency copies of one report
  const wire = c.shared.find((p: { verdict: string }) => p.verdict === 'same wire copy');
  assert.ok(wire);
  for (const x of wire.passages) assert.equal(texts.get(wire.a)!.slice(x.a.start, x.a.end), x.text);
  // every figure and every side quotes its article exactly
  for (const g of c.numbers) for (const cl of g.claims) assert.equal(texts.get(cl.article)!.slice(cl.span.start, cl.span.end), cl.text);
  for (const k of c.conflicts) for (const s of k.sides) assert.equal(texts.get(s.article)!.slice(s.span.start, s.span.end), s.text);
});

test('compare: html is one self-contained page with the SVG matrix; bad --format is misuse', async () => {
  const o = io();
  assert.equal(await main(['compare', ...EX, '--format', 'html'], o), 0, o.err);
  assert.match(o.out, /^<!doctype html>/);
  assert.match(o.out, /<svg class="matrix"/);
  assert.doesNotMatch(o.out, /<script|https?:\/\/(?!www\.w3\.org)/);
  const bad = io();
  assert.equal(await main(['compare', ...EX, '--format', 'pdf'], bad), 2);
});
