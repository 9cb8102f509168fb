/**
 * ROUGE-n counts as tilse gets them from ROUGE-1.5.5.pl
 * (`-a -n 2 -x -f A -d -m -s -t 2`, SEE input written by tilse's pyrouge):
 * sentences joined with spaces, ASCII lower-casing, `-` split off, every other character
 * outside [A-Za-z0-9] a space, SMART stop words dropped, only tokens starting with [a-z0-9$]
 * kept, tokens longer than 3 characters mapped through WordNet's irregular forms or else
 * Porter-stemmed; n-grams run across sentence boundaries. With several references the hits
 * and the reference n-gram counts are summed and the system count is taken once per reference.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { morphStem } from './rouge.js';

// Works from src/eval (tsx) and dist/eval (compiled): the data stays in src/eval.
const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'eval');

function dataLines(name: string): string[] {
  return readFileSync(join(dataDir, name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

let stopwords: Set<string> | undefined;

function lists(): { stop: Set<string> } {
  stopwords ??= new Set(dataLines('tilse-stopwords.txt').map((l) => l.trim()));
  return { stop: stopwords };
}

/** ROUGE-1.5.5's `MorphStem`: WordNet irregular form, else Porter (shared with our ROUGE). */
export function rougeStem(token: string): string {
  return morphStem(token);
}

/**
 * The text of one sentence as ROUGE reads it back from tilse's SEE file: tokens joined by
 * single spaces, `^` escaped as `&circ;`, cut at the first `<` (and dropped when nothing
 * is left before it).
 */
function seeText(sentence: string): string | undefined {
  const joined = sentence
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((t) => t.replace(/\^/g, '&circ;'))
    .join(' ');
  const lt = joined.indexOf('<');
  const text = lt >= 0 ? joined.slice(0, lt) : joined;
  return text.length > 0 ? text : undefined;
}

/** The tokens ROUGE counts for a summary given as sentences. */
export function rougeTokens(sentences: readonly string[]): string[] {
  const parts: string[] = [];
  for (const s of sentences) {
    const t = seeText(s);
    if (t !== undefined) parts.push(t.replace(/[A-Z]/g, (ch) => ch.toLowerCase()));
  }
  if (parts.length === 0) return [];
  const text = parts
    .join(' ')
    .replace(/-/g, ' - ')
    .replace(/[^A-Za-z0-9-]/g, ' ')
    .trim();
  if (text.length === 0) return [];
  const { stop } = lists();
  const out: string[] = [];
  for (const tok of text.split(/\s+/)) {
    if (stop.has(tok)) continue;
    if (!/^[a-z0-9$]/.test(tok)) continue;
    out.push(tok.length > 3 ? rougeStem(tok) : tok);
  }
  return out;
}

/** n-gram counts of a token list, and their total. */
export interface Grams {
  counts: Map<string, number>;
  total: number;
}

/** Count the n-grams of `tokens`. */
export function ngrams(tokens: readonly string[], n: number): Grams {
  const counts = new Map<string, number>();
  let total = 0;
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    counts.set(g, (counts.get(g) ?? 0) + 1);
    total++;
  }
  return { counts, total };
}

/** Raw ROUGE-n counts: h = hits, p = system n-grams x #references, m = reference n-grams. */
export interface RougeCounts {
  h: number;
  p: number;
  m: number;
}

/** Clipped hits of a system against one reference. */
export function hits(sys: Grams, ref: Grams): number {
  let h = 0;
  const [small, big] = sys.counts.size < ref.counts.size ? [sys.counts, ref.counts] : [ref.counts, sys.counts];
  for (const [g, k] of small) {
    const o = big.get(g);
    if (o !== undefined) h += Math.min(k, o);
  }
  return h;
}

/** ROUGE-n counts of a system summary against references (each a list of sentences). */
export function rougeCounts(system: readonly string[], references: readonly (readonly string[])[], n: number): RougeCounts {
  const sys = ngrams(rougeTokens(system), n);
  return rougeCountsGrams(sys, references.map((r) => ngrams(rougeTokens(r), n)));
}

/** The same from n-gram counts already made (the alignment scorers reuse them). */
export function rougeCountsGrams(sys: Grams, refs: readonly Grams[]): RougeCounts {
  let h = 0;
  let m = 0;
  for (const r of refs) {
    h += hits(sys, r);
    m += r.total;
  }
  return { h, p: sys.total * refs.length, m };
}
