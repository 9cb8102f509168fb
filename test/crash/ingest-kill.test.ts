/**
 * Crash safety of `dossier ingest`: a real child process ingesting is killed with SIGKILL
 * at random moments, again and again. After every kill the store must open, pass
 * `PRAGMA integrity_check`, hold every article the child reported committed, and be
 * consistent (stories and term statistics match the articles); a reader can query it while
 * the child writes; a final rerun completes the ingest with no duplicates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { rng, writeSynth } from '../../bench/articles.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KILLS = 20;
const ARTICLES = 500;

interface Run {
  committed: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Run the ingest; kill it after `killAfterMs` (or when `killAfterLines` articles were reported). */
function ingest(db: string, input: string, kill?: { ms: number; lines: number }, onLine?: () => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', input, '--db', db, '--format', 'jsonl', '--batch', '20', '-q'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: string[] = [];
    let buf = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const killNow = () => child.kill('SIGKILL');
    if (kill) timer = setTimeout(killNow, kill.ms);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.trim()) continue;
        const r = JSON.parse(line) as { id: string; status: string };
        committed.push(r.id);
        onLine?.();
        if (kill && committed.length >= kill.lines) killNow();
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ committed, code, signal, stderr });
    });
  });
}

function check(dbPath: string, mustHave: Set<string>): number {
  const db = new Database(dbPath);
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const n = db.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
    const distinct = db.prepare('SELECT COUNT(DISTINCT id) FROM articles').pluck().get() as number;
    assert.equal(distinct, n, 'no duplicate articles');
    const ids = new Set(db.prepare('SELECT id FROM articles').pluck().all() as string[]);
    for (const id of mustHave) assert.ok(ids.has(id), `committed article ${id} is stored`);
    // Each step is all or nothing: stories, FTS and term statistics agree with the articles.
    assert.equal(db.prepare('SELECT COUNT(*) FROM articles_fts').pluck().get(), n, 'full-text index matches');
    assert.equal(db.prepare('SELECT COALESCE(SUM(size), 0) FROM stories').pluck().get(), n, 'story sizes add up');
    assert.equal(db.prepare('SELECT COUNT(*) FROM articles WHERE story NOT IN (SELECT id FROM stories)').pluck().get(), 0);
    assert.equal(db.prepare("SELECT value FROM counters WHERE name = 'docs'").pluck().get(), n, 'term statistics match');
    return n;
  } finally {
    db.close();
  }
}

test(`ingest survives ${KILLS} kill -9 at random moments, and a rerun completes it`, { timeout: 240_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-crash-'));
  try {
    const input = join(dir, 'in');
    writeSynth(input, 0, ARTICLES, { stories: 40, perDay: 50 });
    const db = join(dir, 'crash.db');
    const committed = new Set<string>();
    const r = rng(42);
    let reads = 0;
    let killed = 0;
    let midRun = 0;
    let completed = 0;
    for (let i = 0; killed < KILLS && i < KILLS * 3; i++) {
      // Half the kills at a random time (start-up, reading, mid-transaction), half after a random number of commits.
      const kill = i % 2 === 0 ? { ms: 300 + Math.floor(r() * 2500), lines: Infinity } : { ms: 60_000, lines: 1 + Math.floor(r() * ARTICLES * 0.8) };
      const run = await ingest(db, input, kill, () => {
        // A reader during writes: the store answers while the child ingests.
        if (reads++ % 40 === 0) {
          const s = new SqliteStore(db);
          void s.stories({ limit: 3 }).finally(() => s.close());
        }
      });
      for (const id of run.committed) committed.add(id);
      if (run.signal === 'SIGKILL') killed++;
      if (run.signal === 'SIGKILL' && run.committed.length > 0) midRun++;
      if (run.signal !== 'SIGKILL') assert.equal(run.code, 0, run.stderr);
      if (existsSync(db)) check(db, committed);
      if (run.signal !== 'SIGKILL') {
        // It finished before the kill: start again from an empty store, so later kills interrupt real work.
        completed++;
        assert.equal(check(db, committed), ARTICLES);
        for (const f of [db, db + '-wal', db + '-shm']) rmSync(f, { force: true });
        committed.clear();
      }
    }
    t.diagnostic(`kills: ${killed}, of which after some commits: ${midRun}; runs that finished first: ${completed}; reader queries: ${Math.ceil(reads / 40)}`);
    assert.equal(killed, KILLS, `killed ${killed} times (${completed} runs finished first)`);
    assert.ok(midRun >= 5, `killed mid-ingest ${midRun} times`);
    const final = await ingest(db, input);
    assert.equal(final.code, 0, final.stderr);
    for (const id of final.committed) committed.add(id);
    assert.equal(check(db, committed), ARTICLES);
    const again = await ingest(db, input);
    assert.equal(again.code, 0);
    assert.equal(check(db, committed), ARTICLES, 'a second rerun adds nothing');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
