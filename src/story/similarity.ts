/**
 * Sentence similarity helpers shared by the summary and other story stages: word stems
 * (ROUGE's tokenisation and Porter stemming, so what we optimise is what is measured),
 * stopwords, term vectors, cosine, and near-paraphrase search across articles.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { morphStem } from '../eval/rouge.js';

let stops: Set<string> | undefined;
let deictics: Set<string> | undefined;

/** Function words (data file `summary-stopwords.txt` beside this module). */
export function stopwords(): Set<string> {
  return (stops ??= readWords('summary-stopwords.txt'));
}

/**
 * Words that place an event relative to the day an article was written (`Monday`, `today`;
 * data file `summary-deictic.txt`): what they point to changes from one report to the next.
 */
export function deicticWords(): Set<string> {
  return (deictics ??= readWords('summary-deictic.txt'));
}

function readWords(name: string): Set<string> {
  const here = dirname(fileURLToPath(import.meta.url));
  // Works from src/story (tsx) and dist/story (compiled): the data stays in src/story.
  const file = join(here, '..', '..', 'src', 'story', name);
  return new Set(
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith('#')),
  );
}

/** A word of a sentence: its stem and whether it is a function word. */
export interface Term {
  stem: string;
  stop: boolean;
}

/**
 * The words of a text as ROUGE sees them: lower-cased, split at every non-alphanumeric
 * character (hyphens too), stemmed when longer than 3 characters. Returns one list of terms
 * per whitespace-separated raw word, so a prefix of raw words maps to a prefix of terms.
 */
export function termsByWord(text: string): Term[][] {
  const stop = stopwords();
  const out: Term[][] = [];
  for (const raw of text.split(/\s+/)) {
    if (raw.length === 0) continue;
    const terms: Term[] = [];
    for (const piece of raw.toLowerCase().split(/[^a-z0-9]+/)) {
      if (piece.length === 0) continue;
      terms.push({ stem: piece.length > 3 ? morphStem(piece) : piece, stop: stop.has(piece) });
    }
    out.push(terms);
  }
  return out;
}

/** Content stems of a text (function words dropped). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of termsByWord(text)) for (const t of w) if (!t.stop && !/^\d+$/.test(t.stem)) out.push(t.stem);
  return out;
}

/** Term-frequency vector of stems. */
export function termVector(stems: string[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const s of stems) v.set(s, (v.get(s) ?? 0) + 1);
  return v;
}

/** Cosine similarity of two term vectors, optionally weighting each term (e.g. by idf). */
export function cosine(a: Map<string, number>, b: Map<string, number>, weight?: (term: string) => number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    const w = weight ? weight(t) : 1;
    na += x * x * w * w;
    const y = b.get(t);
    if (y !== undefined) dot += x * y * w * w;
  }
  for (const [t, y] of b) {
    const w = weight ? weight(t) : 1;
    nb += y * y * w * w;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Share of `a`'s distinct stems that also occur in `b` (how much of a is said by b). */
export function containment(a: Map<string, number>, b: Map<string, number>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const t of a.keys()) if (b.has(t)) n++;
  return n / a.size;
}
