/**
 * SQLite schema, versioned in code. `PRAGMA user_version` holds the version applied; each
 * migration runs in its own transaction, so a store is always at some whole version.
 */

/** One schema step. Never edit a released step: add a new one. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'articles, analyses, stories, term statistics, problems, full-text index',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,          -- ingest order; also the FTS rowid
        id TEXT NOT NULL UNIQUE,          -- content hash
        file TEXT,
        source TEXT,
        title TEXT,
        url TEXT,
        published TEXT,
        text TEXT NOT NULL,
        meta TEXT NOT NULL,               -- the rest of the Article (spans) as JSON
        story TEXT,
        similarity REAL,
        shared TEXT                       -- JSON array of the terms that placed it
      );
      CREATE INDEX articles_story ON articles(story);
      CREATE INDEX articles_published ON articles(published);
      CREATE TABLE analyses (
        id TEXT PRIMARY KEY REFERENCES articles(id),
        json TEXT NOT NULL
      );
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        title_score REAL NOT NULL,
        first TEXT,
        last TEXT,
        size INTEGER NOT NULL,
        centroid TEXT NOT NULL            -- JSON [[term, weight, shown], ...]
      );
      CREATE INDEX stories_last ON stories(last);
      CREATE TABLE terms (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );
      INSERT INTO counters VALUES ('docs', 0);
      CREATE TABLE problems (
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        file TEXT,
        place TEXT,
        seen INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (code, message)
      );
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
    `,
  },
  {
    version: 2,
    description: 'a generation counter, so concurrent ingests notice each other',
    sql: `INSERT INTO counters VALUES ('generation', 0);`,
  },
  {
    version: 3,
    description: 'when each story last changed, so an ingest of older articles finds the stories it just made',
    sql: `
      ALTER TABLE stories ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX stories_touched ON stories(touched);
    `,
  },
];

/** The newest schema version this code knows. */
export const schemaVersion = migrations[migrations.length - 1]!.version;
