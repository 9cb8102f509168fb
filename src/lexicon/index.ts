/**
 * Word lists are data files beside this module (`*.txt` one entry a line, `#` comments;
 * `*.tsv` two columns). They are read once, on first use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// Works from src/lexicon (tsx) and dist/lexicon (compiled): the data stays in src/lexicon.
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '..', 'src', 'lexicon');

/** Lines of a lexicon file, without comments and blank lines. */
export function readList(name: string): string[] {
  return readFileSync(join(dataDir, name), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

/** A two-column TSV lexicon as a map from the first column to the second. */
export function readMap(name: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of readList(name)) {
    const [k, v] = line.split('\t');
    if (k && v) m.set(k, v);
  }
  return m;
}

function lazy<T>(f: () => T): () => T {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v as T;
  };
}

const abbreviations = lazy(() => new Set(readList('abbreviations.txt')));
const titles = lazy(() => new Set(readList('titles.txt').map((t) => t.toLowerCase())));
const orgWords = lazy(() => new Set(readList('org-words.txt')));
const orgs = lazy(() => new Set(readList('orgs.txt')));
const places = lazy(() => new Set(readList('places.txt')));
const demonyms = lazy(() => readMap('demonyms.tsv'));
const notNames = lazy(() => new Set(readList('not-names.txt')));

/** All lexicons, loaded on first access. */
export const lexicon = {
  get abbreviations() {
    return abbreviations();
  },
  get titles() {
    return titles();
  },
  get orgWords() {
    return orgWords();
  },
  get orgs() {
    return orgs();
  },
  get places() {
    return places();
  },
  get demonyms() {
    return demonyms();
  },
  get notNames() {
    return notNames();
  },
};
