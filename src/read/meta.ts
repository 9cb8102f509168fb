/**
 * Metadata sidecars (`--meta FILE.tsv|csv`): columns `file, published, source, title, url`.
 * A row matches an input by its path relative to the sidecar or by its base name.
 */
import { basename, dirname, resolve } from 'node:path';
import type { Problem } from '../model/types.js';
import { problem } from '../model/problems.js';

export interface MetaRow {
  file: string;
  published?: string;
  source?: string;
  title?: string;
  url?: string;
}

export interface Sidecar {
  dir: string;
  byPath: Map<string, MetaRow>;
  byBase: Map<string, MetaRow>;
}

/** Split one CSV line (double-quoted fields, doubled quotes inside). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Parse a sidecar's text; rows with bad dates are reported and kept without the date. */
export function parseSidecar(text: string, path: string): { sidecar: Sidecar; problems: Problem[] } {
  const problems: Problem[] = [];
  const tsv = path.toLowerCase().endsWith('.tsv') || (!path.toLowerCase().endsWith('.csv') && text.includes('\t'));
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim());
  const split = (l: string) => (tsv ? l.split('\t') : csvFields(l)).map((f) => f.trim());
  const header = lines.length ? split(lines[0]!).map((h) => h.toLowerCase()) : [];
  const sidecar: Sidecar = { dir: dirname(resolve(path)), byPath: new Map(), byBase: new Map() };
  const col = (n: string) => header.indexOf(n);
  if (col('file') < 0) {
    problems.push(problem('bad-meta', path, 'needs a header line with a "file" column (and any of published, source, title, url)', { line: 1 }));
    return { sidecar, problems };
  }
  for (let i = 1; i < lines.length; i++) {
    const f = split(lines[i]!);
    const get = (n: string) => (col(n) >= 0 ? f[col(n)] || undefined : undefined);
    const file = get('file');
    if (!file) {
      problems.push(problem('bad-meta', path, 'row has no file name', { line: i + 1 }));
      continue;
    }
    let published = get('published') ?? get('date');
    if (published && !validDate(published)) {
      problems.push(problem('bad-date', path, `"${published}" is not YYYY-MM-DD`, { line: i + 1 }));
      published = undefined;
    }
    const row: MetaRow = { file, published, source: get('source'), title: get('title'), url: get('url') };
    sidecar.byPath.set(resolve(sidecar.dir, file), row);
    sidecar.byBase.set(basename(file), row);
  }
  return { sidecar, problems };
}

/** The sidecar row for an input file, by relative path first, then base name. */
export function lookup(sidecar: Sidecar, file: string): MetaRow | undefined {
  return sidecar.byPath.get(resolve(file)) ?? sidecar.byBase.get(basename(file));
}

/** True for a real calendar date `YYYY-MM-DD` (optionally followed by a time). */
export function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
