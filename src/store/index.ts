/**
 * Opening a store: `--db PATH`, else `DOSSIER_DB`, else `./dossier.db`; `:memory:` for an
 * in-memory store.
 */
import { resolve } from 'node:path';
import { MemoryStore } from './memory.js';
import { SqliteStore, type SqliteOptions } from './sqlite.js';
import type { Store } from './types.js';

export type * from './types.js';
export { StoreConflict } from './types.js';
export { SqliteStore } from './sqlite.js';
export { MemoryStore } from './memory.js';
export { Ingestor, analysisOf, storyAnalyses, type IngestOptions, type IngestResult } from './ingest.js';
export { reclusterStore } from './recluster.js';
export { storyBrief, storeDigest } from './reports.js';

/** The store path a command should use. */
export function storePath(db: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  const p = db ?? env.DOSSIER_DB ?? 'dossier.db';
  return p === ':memory:' ? p : resolve(cwd, p);
}

/** Open the store at `path` (`:memory:` gives an in-memory store). */
export function openStore(path: string, opts: SqliteOptions = {}): Store {
  return path === ':memory:' ? new MemoryStore() : new SqliteStore(path, opts);
}
