import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../helpers.js';

const io = (cwd: string) => memoryIo({ cwd });

// Invented articles in Timeline17-style date folders, plus one empty file (a problem).
function fixture(dir: string): string {
  const input = join(dir, 'in');
  const put = (date: string, name: string, text: string) => {
    mkdirSync(join(input, date), { recursive: true });
    writeFileSync(join(input, date, name), text);
  };
  put('2031-03-04', 'a.txt', 'Skarra dam bursts above Lorvik\n\nLORVIK - The Skarra mine dam burst above Lorvik, burying homes in mud. Mayor Ingrid Sollander said six people died.\n');
  put('2031-03-05', 'b.txt', 'Lorvik toll rises\n\nRescuers in Lorvik dug through mud after the Skarra dam burst. Sollander said the toll rose to eight.\n');
  put('2031-03-05', 'c.txt', 'Port Ellis dock strike\n\nDock workers in Port Ellis walked out, halting the harbour. The Harbour Workers Union wants overtime pay restored.\n');
  put('2031-03-06', 'd.txt', 'Port Ellis strike goes on\n\nThe Port Ellis harbour strike went on as the union and the port authority argued over overtime pay for dock workers.\n');
  put('2031-03-06', 'empty.txt', '');
  return input;
}

test('ingest, stories, search, problems and cluster from the command line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
  try {
    const input = fixture(dir);
    const db = join(dir, 'news.db');
    let r = io(dir);
    assert.equal(await main(['ingest', input, '--db', db, '-q'], r), 1, 'exit 1: one input had a problem');
    assert.match(r.out, /read 4 · new 4 · duplicate 0 · problems 1 · new stories 2/);
    r = io(dir);
    await main(['ingest', input, '--db', db, '-q', '--format', 'jsonl'], r);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { status: string });
    assert.deepEqual(lines.map((l) => l.status), ['duplicate', 'duplicate', 'duplicate', 'duplicate']);

    r = io(dir);
    assert.equal(await main(['stories', '--db', db, '--format', 'json'], r), 0);
    const stories = JSON.parse(r.out) as Array<{ id: string; title: string; first: string; last: string; articles: number }>;
    assert.equal(stories.length, 2);
    assert.deepEqual(stories.map((s) => s.articles), [2, 2]);
    const port = stories.find((s) => /Port Ellis/.test(s.title))!;
    assert.equal(port.first, '2031-03-05');

    r = io(dir);
    assert.equal(await main(['stories', '--db', db, '--why', port.id], r), 0);
    assert.match(r.out, /## What holds it together/);
    assert.match(r.out, /sharing: .*(Ellis|Port|overtime|strike)/);

    r = io(dir);
    assert.equal(await main(['stories', '--db', db, '--since', '2031-03-06', '--format', 'json'], r), 0);
    assert.equal((JSON.parse(r.out) as unknown[]).length, 1, 'only the strike story has an article on or after 6 March');

    r = io(dir);
    assert.equal(await main(['search', 'overtime', '--db', db], r), 0);
    assert.match(r.out, /2 matches/);
    assert.match(r.out, /\[overtime\]/);

    r = io(dir);
    assert.equal(await main(['problems', '--db', db], r), 1);
    assert.match(r.out, /\[empty\].*empty\.txt/);

    r = io(dir);
    assert.equal(await main(['stories', '--db', join(dir, 'missing.db')], r), 2, 'a missing store is a usage error');
    assert.match(r.err, /no store at/);

    r = io(dir);
    await main(['cluster', input, '-q'], r);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as { file: string; story: string });
    assert.equal(rows.length, 4);
    const story = (f: string) => rows.find((x) => x.file.endsWith(f))!.story;
    assert.equal(story('a.txt'), story('b.txt'));
    assert.equal(story('c.txt'), story('d.txt'));
    assert.notEqual(story('a.txt'), story('c.txt'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('eval clusters skips cleanly without data', async () => {
  const r = io(tmpdir());
  assert.equal(await main(['eval', 'clusters', '--duc', '/nonexistent/duc', '--t17', '/nonexistent/t17'], r), 0);
  assert.match(r.out, /skipped: DUC 2004 data not found/);
  assert.match(r.out, /skipped: Timeline17 data not found/);
});
