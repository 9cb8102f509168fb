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

const titleAbbreviations = lazy(() => new Set(readList('title-abbreviations.txt')));
const abbreviations = lazy(() => new Set([...titleAbbreviations(), ...readList('abbreviations.txt')]));
const sentenceOpeners = lazy(() => new Set(readList('sentence-openers.txt')));
const titles = lazy(() => new Set(readList('titles.txt').map((t) => t.toLowerCase())));
const orgWords = lazy(() => new Set(readList('org-words.txt')));
/**
 * A name list that also knows its entries written with accents and letters of other alphabets
 * (`São Paulo`, `Bogotá`, `Zürich` for `Sao Paulo`, `Bogota`, `Zurich`).
 */
class FoldedSet extends Set<string> {
  override has(s: string): boolean {
    return super.has(s) || (nonAscii(s) && super.has(foldLetters(s)));
  }
}

/** Whether `s` holds a character outside ASCII (`/[^\x00-\x7f]/.test(s)`, without a regular expression). */
function nonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** `São Paulo` → `Sao Paulo`, `Łódź` → `Lodz`: accents off, and letters without a decomposition mapped. */
export function foldLetters(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁıøØđĐß]/g, (c) => FOLD[c]!);
}
const FOLD: Record<string, string> = { ł: 'l', Ł: 'L', ı: 'i', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss' };

const orgs = lazy(() => new FoldedSet(readList('orgs.txt')));
const places = lazy(() => new FoldedSet(readList('places.txt')));
const demonyms = lazy(() => readMap('demonyms.tsv'));
const notNames = lazy(() => new Set(readList('not-names.txt')));

/** All lexicons, loaded on first access. */
export const lexicon = {
  /** Abbreviations whose period does not, as a rule, end a sentence (titles included). */
  get abbreviations() {
    return abbreviations();
  },
  /** Title abbreviations before a name (`Sen.`, `Gov.`): their period never ends a sentence. */
  get titleAbbreviations() {
    return titleAbbreviations();
  },
  /** Capitalised words that open a sentence rather than continue a name (`The`, `But`, `He`). */
  get sentenceOpeners() {
    return sentenceOpeners();
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
