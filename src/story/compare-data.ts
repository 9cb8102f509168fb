/**
 * Word lists of the comparison stage: data files `compare-*.tsv|txt` beside this module,
 * read once on first use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// Works from src/story (tsx) and dist/story (compiled): the data stays in src/story.
const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'story');
const cache = new Map<string, unknown>();

/** Lines of a data file, without comments and blank lines. */
export function compareList(name: string): string[] {
  const hit = cache.get(name);
  if (hit) return hit as string[];
  const lines = readFileSync(join(dataDir, name), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
  cache.set(name, lines);
  return lines;
}

/** A two-column TSV data file as a map (first column -> second). */
export function compareMap(name: string): Map<string, string> {
  const key = `map:${name}`;
  const hit = cache.get(key);
  if (hit) return hit as Map<string, string>;
  const m = new Map<string, string>();
  for (const line of compareList(name)) {
    const [k, v] = line.split('\t');
    if (k && v) m.set(k, v);
  }
  cache.set(key, m);
  return m;
}
