/**
 * The default store: one SQLite file (better-sqlite3), WAL mode so readers (`stories`,
 * `search`) work while an ingest writes, every ingest step one transaction so a crash
 * leaves whole steps only. FTS5 indexes titles and texts.
 */
import Database from 'better-sqlite3';
import type { AnalyzedArticle, Article, Problem } from '../model/types.js';
import type { Assignment, StoryState } from '../story/cluster.js';
import { storyTerms } from '../story/cluster.js';
import { migrations, schemaVersion } from './migrations.js';
import type {
  ClusterSnapshot,
  IngestBatch,
  SearchHit,
  Store,
  StoredProblem,
  StoryInfo,
  StoryMember,
  StoryQuery,
  StoryRecord,
} from './types.js';
import { StoreConflict } from './types.js';

type DB = Database.Database;

/** Options for opening a SQLite store. */
export interface SqliteOptions {
  /** Open read-only (no migrations; fails if the file is missing). */
  readonly?: boolean;
  /** `FULL` also survives power loss; `NORMAL` (default) survives a killed process. */
  synchronous?: 'NORMAL' | 'FULL';
}

/** Bring a database to the newest schema; refuses files from a newer Dossier. */
export function migrate(db: DB): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > schemaVersion) {
    throw new Error(`this store has schema version ${current}, newer than this Dossier knows (${schemaVersion}): upgrade Dossier`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      // Another process may have migrated while we waited for the write lock.
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

interface ArticleRow {
  seq: number;
  id: string;
  file: string | null;
  source: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
  text: string;
  meta: string;
  story: string | null;
  similarity: number | null;
  shared: string | null;
}

interface StoryRow {
  id: string;
  title: string;
  title_score: number;
  first: string | null;
  last: string | null;
  size: number;
  centroid: string;
}

/** Article fields kept in their own columns; the rest goes to `meta` JSON. */
const COLUMNS = ['id', 'file', 'source', 'title', 'url', 'published', 'text'] as const;

function articleFromRow(r: ArticleRow): Article {
  const a = JSON.parse(r.meta) as Article;
  a.id = r.id;
  a.text = r.text;
  if (r.file !== null) a.file = r.file;
  if (r.source !== null) a.source = r.source;
  if (r.title !== null) a.title = r.title;
  if (r.url !== null) a.url = r.url;
  if (r.published !== null) a.published = r.published;
  return a;
}

function metaOf(a: Article): string {
  const rest: Record<string, unknown> = { ...a };
  for (const c of COLUMNS) delete rest[c];
  return JSON.stringify(rest);
}

/** Centroid as stored: `[term, weight, shown]` triples, strongest first. */
export function encodeCentroid(s: StoryState): string {
  const rows = [...s.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return JSON.stringify(rows.map(([t, w]) => [t, Math.round(w * 1e6) / 1e6, s.shown.get(t) ?? t]));
}

function storyFromRow(r: StoryRow): StoryRecord {
  const centroid = new Map<string, number>();
  const shown = new Map<string, string>();
  for (const [t, w, sh] of JSON.parse(r.centroid) as Array<[string, number, string]>) {
    centroid.set(t, w);
    shown.set(t, sh);
  }
  const s: StoryRecord = { id: r.id, title: r.title, titleScore: r.title_score, size: r.size, centroid, shown };
  if (r.first !== null) s.first = r.first;
  if (r.last !== null) s.last = r.last;
  return s;
}

/** Make an FTS5 query from what a person typed: words are ANDed, phrases and operators kept when valid. */
function safeFts(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}

/** A Store in one SQLite file. */
export class SqliteStore implements Store {
  readonly db: DB;
  readonly path: string;
  private stmts: ReturnType<SqliteStore['prepare']>;

  constructor(path: string, opts: SqliteOptions = {}) {
    this.path = path;
    this.db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    this.db.pragma('busy_timeout = 10000');
    if (!opts.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
      migrate(this.db);
    } else if ((this.db.pragma('user_version', { simple: true }) as number) !== schemaVersion) {
      throw new Error(`store ${path} is at another schema version: open it for writing once (e.g. dossier ingest) to migrate`);
    }
    this.stmts = this.prepare();
  }

  private prepare() {
    const db = this.db;
    const ro = db.readonly;
    return {
      exists: db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck(),
      insertArticle: ro
        ? undefined
        : db.prepare(
            `INSERT INTO articles (id, file, source, title, url, published, text, meta, story, similarity, shared)
             VALUES (@id, @file, @source, @title, @url, @published, @text, @meta, @story, @similarity, @shared)
             ON CONFLICT(id) DO NOTHING`,
          ),
      insertFts: ro ? undefined : db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
      insertAnalysis: ro ? undefined : db.prepare('INSERT OR REPLACE INTO analyses (id, json) VALUES (?, ?)'),
      upsertStory: ro
        ? undefined
        : db.prepare(
            `INSERT INTO stories (id, title, title_score, first, last, size, centroid, touched)
             VALUES (@id, @title, @titleScore, @first, @last, @size, @centroid, @touched)
             ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_score = excluded.title_score,
               first = excluded.first, last = excluded.last, size = excluded.size, centroid = excluded.centroid,
               touched = excluded.touched`,
          ),
      addTerm: ro ? undefined : db.prepare('INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df'),
      addDocs: ro ? undefined : db.prepare("UPDATE counters SET value = value + ? WHERE name = 'docs'"),
      addProblem: ro
        ? undefined
        : db.prepare(
            `INSERT INTO problems (code, message, file, place) VALUES (@code, @message, @file, @place)
             ON CONFLICT(code, message) DO UPDATE SET seen = seen + 1`,
          ),
      generation: db.prepare("SELECT value FROM counters WHERE name = 'generation'").pluck(),
      bumpGeneration: ro ? undefined : db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'generation'"),
      article: db.prepare('SELECT * FROM articles WHERE id = ?'),
      analysis: db.prepare('SELECT json FROM analyses WHERE id = ?').pluck(),
      storyRow: db.prepare('SELECT * FROM stories WHERE id = ?'),
      storyCounts: db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT source) AS sources FROM articles WHERE story = ?'),
      members: db.prepare('SELECT * FROM articles WHERE story = ? ORDER BY published IS NULL, published, seq'),
    };
  }

  async existing(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const id of ids) if (this.stmts.exists.get(id)) out.add(id);
    return out;
  }

  async commit(batch: IngestBatch): Promise<number> {
    const s = this.stmts;
    return this.db
      .transaction(() => {
        const found = s.generation.get() as number;
        if (found !== batch.generation) throw new StoreConflict(batch.generation, found);
        for (const it of batch.items) {
          const a = it.article;
          const info = s.insertArticle!.run({
            id: a.id,
            file: a.file ?? null,
            source: a.source ?? null,
            title: a.title ?? null,
            url: a.url ?? null,
            published: a.published ?? null,
            text: a.text,
            meta: metaOf(a),
            story: it.assignment.story,
            similarity: it.assignment.similarity,
            shared: JSON.stringify(it.assignment.shared),
          });
          if (info.changes === 0) continue; // already stored (a concurrent or earlier ingest)
          s.insertFts!.run(info.lastInsertRowid, a.title ?? null, a.text);
          if (it.analysis) s.insertAnalysis!.run(a.id, JSON.stringify(it.analysis));
        }
        for (const st of batch.stories) {
          s.upsertStory!.run(storyRow(st, found + 1));
        }
        for (const [t, d] of batch.termDeltas) s.addTerm!.run(t, d);
        if (batch.docsDelta) s.addDocs!.run(batch.docsDelta);
        for (const p of batch.problems) this.problemRow(p);
        s.bumpGeneration!.run();
        return found + 1;
      })
      .immediate();
  }

  private problemRow(p: Problem): void {
    this.stmts.addProblem!.run({ code: p.code, message: p.message, file: p.file ?? null, place: p.place ? JSON.stringify(p.place) : null });
  }

  async addProblems(problems: Problem[]): Promise<void> {
    if (problems.length === 0) return;
    this.db.transaction(() => problems.forEach((p) => this.problemRow(p))).immediate();
  }

  async clusterSnapshot(opts: { since?: string; limit: number; recent?: number }): Promise<ClusterSnapshot> {
    // One read transaction, so stories and statistics agree.
    return this.db
      .transaction(() => {
        // Warm by date, plus the stories changed most recently (an ingest of older articles
        // continues the stories its last steps made, whatever their dates).
        const rows = this.db
          .prepare(
            `SELECT * FROM stories WHERE id IN (
               SELECT id FROM stories WHERE last IS NULL OR last >= ? ORDER BY last IS NULL, last DESC LIMIT ?)
             OR id IN (SELECT id FROM stories ORDER BY touched DESC LIMIT ?)
             ORDER BY touched DESC, id`,
          )
          .all(opts.since ?? '', opts.limit, opts.recent ?? 2000) as StoryRow[];
        const df = new Map<string, number>();
        for (const r of this.db.prepare('SELECT term, df FROM terms').raw().iterate() as IterableIterator<[string, number]>) df.set(r[0], r[1]);
        const docs = this.db.prepare("SELECT value FROM counters WHERE name = 'docs'").pluck().get() as number;
        const generation = this.stmts.generation.get() as number;
        return { stories: rows.map(storyFromRow), stats: { docs, df }, generation };
      })
      .deferred();
  }

  async newestDate(): Promise<string | undefined> {
    const d = this.db.prepare('SELECT MAX(published) FROM articles').pluck().get() as string | null;
    return d ?? undefined;
  }

  async article(id: string): Promise<Article | undefined> {
    const r = this.stmts.article.get(id) as ArticleRow | undefined;
    return r ? articleFromRow(r) : undefined;
  }

  async analysis(id: string): Promise<AnalyzedArticle | undefined> {
    const json = this.stmts.analysis.get(id) as string | undefined;
    const a = await this.article(id);
    if (!json || !a) return undefined;
    return { ...(JSON.parse(json) as Omit<AnalyzedArticle, 'text'>), text: a.text };
  }

  async saveAnalysis(id: string, analysis: Omit<AnalyzedArticle, 'text'>): Promise<void> {
    this.db.prepare('INSERT OR REPLACE INTO analyses (id, json) VALUES (?, ?)').run(id, JSON.stringify(analysis));
  }

  private info(r: StoryRow): StoryInfo {
    const c = this.stmts.storyCounts.get(r.id) as { n: number; sources: number };
    const st = storyFromRow(r);
    const out: Pick<StoryInfo, 'id' | 'title' | 'first' | 'last'> = { id: r.id, title: r.title };
    if (r.first !== null) out.first = r.first;
    if (r.last !== null) out.last = r.last;
    return { ...out, articles: c.n, sources: c.sources, terms: storyTerms(st, 10) };
  }

  async stories(q: StoryQuery = {}): Promise<StoryInfo[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM stories WHERE (? IS NULL OR last >= ?)
         ORDER BY last IS NULL, last DESC, size DESC, id LIMIT ?`,
      )
      .all(q.since ?? null, q.since ?? null, q.limit ?? -1) as StoryRow[];
    return rows.map((r) => this.info(r));
  }

  async story(id: string): Promise<StoryInfo | undefined> {
    const r = this.stmts.storyRow.get(id) as StoryRow | undefined;
    return r ? this.info(r) : undefined;
  }

  async storyState(id: string): Promise<StoryRecord | undefined> {
    const r = this.stmts.storyRow.get(id) as StoryRow | undefined;
    return r ? storyFromRow(r) : undefined;
  }

  async storyMembers(id: string): Promise<StoryMember[]> {
    return (this.stmts.members.all(id) as ArticleRow[]).map((r) => {
      const m: StoryMember = { id: r.id, similarity: r.similarity ?? 0, shared: r.shared ? (JSON.parse(r.shared) as string[]) : [] };
      if (r.title !== null) m.title = r.title;
      else {
        const a = articleFromRow(r);
        if (a.headline) m.title = a.text.slice(a.headline.start, a.headline.end);
      }
      if (r.source !== null) m.source = r.source;
      if (r.file !== null) m.file = r.file;
      if (r.published !== null) m.published = r.published;
      return m;
    });
  }

  async storyArticles(id: string): Promise<Article[]> {
    return (this.stmts.members.all(id) as ArticleRow[]).map(articleFromRow);
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const sql = `SELECT a.id, a.title, a.file, a.published, a.story, s.title AS storyTitle,
                   snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank
                 FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                 LEFT JOIN stories s ON s.id = a.story
                 WHERE articles_fts MATCH ? ORDER BY rank, a.seq LIMIT ?`;
    const run = (q: string) => this.db.prepare(sql).all(q, opts.limit ?? 20) as Array<Record<string, unknown>>;
    let rows: Array<Record<string, unknown>>;
    try {
      rows = run(query);
    } catch {
      // Not valid FTS5 syntax (a stray quote or operator): search the words instead.
      const safe = safeFts(query);
      rows = safe ? run(safe) : [];
    }
    return rows.map((r) => {
      const h: SearchHit = { id: r.id as string, snippet: (r.snippet as string).replace(/\s+/g, ' '), rank: Math.round((r.rank as number) * 1e4) / 1e4 };
      if (r.title !== null) h.title = r.title as string;
      if (r.file !== null) h.file = r.file as string;
      if (r.published !== null) h.published = r.published as string;
      if (r.story !== null) h.story = r.story as string;
      if (r.storyTitle !== null) h.storyTitle = r.storyTitle as string;
      return h;
    });
  }

  async problems(): Promise<StoredProblem[]> {
    const rows = this.db.prepare('SELECT * FROM problems ORDER BY file IS NULL, file, code, message').all() as Array<{
      code: string;
      message: string;
      file: string | null;
      place: string | null;
      seen: number;
    }>;
    return rows.map((r) => {
      const p: StoredProblem = { code: r.code as Problem['code'], message: r.message, seen: r.seen };
      if (r.file !== null) p.file = r.file;
      if (r.place !== null) p.place = JSON.parse(r.place) as Problem['place'];
      return p;
    });
  }

  async counts(): Promise<{ articles: number; stories: number; problems: number }> {
    const n = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    return this.db
      .transaction(() => ({
        articles: n('SELECT COUNT(*) FROM articles'),
        stories: n('SELECT COUNT(*) FROM stories'),
        problems: n('SELECT COUNT(*) FROM problems'),
      }))
      .deferred();
  }

  async *allArticles(): AsyncIterable<Article> {
    // Page through by seq so no statement stays open across yields.
    let after = 0;
    const page = this.db.prepare('SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT 500');
    for (;;) {
      const rows = page.all(after) as ArticleRow[];
      if (rows.length === 0) return;
      for (const r of rows) yield articleFromRow(r);
      after = rows[rows.length - 1]!.seq;
    }
  }

  async replaceStories(assignments: Assignment[], stories: StoryRecord[]): Promise<void> {
    const setStory = this.db.prepare('UPDATE articles SET story = ?, similarity = ?, shared = ? WHERE id = ?');
    this.db
      .transaction(() => {
        this.db.exec('DELETE FROM stories');
        this.stmts.bumpGeneration!.run();
        const generation = this.stmts.generation.get() as number;
        for (const a of assignments) setStory.run(a.story, a.similarity, JSON.stringify(a.shared), a.article);
        for (const st of stories)
          this.stmts.upsertStory!.run(storyRow(st, generation));
      })
      .immediate();
  }

  /** `PRAGMA integrity_check` result (`ok` when sound). */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** A story as the parameters of the upsert statement; `touched` is the store generation. */
function storyRow(st: StoryRecord, touched: number): Record<string, string | number | null> {
  return { id: st.id, title: st.title, titleScore: st.titleScore, first: st.first ?? null, last: st.last ?? null, size: st.size, centroid: encodeCentroid(st), touched };
}
