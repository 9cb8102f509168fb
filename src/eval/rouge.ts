/**
 * ROUGE as ROUGE-1.5.5 computes it, with the DUC 2004 settings
 * `-n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -a` as defaults:
 *  - input is "one sentence per line" (SPL): each non-empty line is a unit, lower-cased (ASCII);
 *  - `-l 100` keeps the first 100 whitespace-separated words of the raw lines, before tokenisation;
 *  - tokenisation: `-` becomes ` - `, every other non-alphanumeric character a space, and only
 *    tokens starting with `[a-z0-9]` count (so `-` and the pieces of `U.S.` behave as in ROUGE);
 *  - `-m`: a token longer than 3 characters is replaced by its WordNet exception base form when it
 *    has one, else stemmed with ROUGE's own Porter code (`porter.ts`);
 *  - n-gram hits are clipped per model; `-f A` sums hits and counts over all models (no
 *    jackknifing in 1.5.5), and R, P, F are rounded to 5 decimals as ROUGE prints them
 *    (F is computed from the rounded R and P, as ROUGE does).
 * ROUGE-1..4 are validated line by line against official ROUGE-1.5.5 output (see `eval duc
 * --check`). ROUGE-L and ROUGE-SU4 follow the Perl code the same way but have no official
 * per-topic numbers here to validate against.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { porterStem } from './porter.js';

export interface RougeOptions {
  /** Word limit applied to peer and models (`-l`); 0 = none. Default 100. */
  words?: number;
  /** Byte limit (`-b`); 0 = none. Ignored when `words` is set to a positive number. */
  bytes?: number;
  /** Porter stemming with WordNet exceptions (`-m`). Default true. */
  stem?: boolean;
  /** Weight of precision in F (`-p`). Default 0.5. */
  alpha?: number;
  /** `A` = model average (sum over models), `B` = best model. Default `A`. */
  mode?: 'A' | 'B';
}

/** One ROUGE score triple, rounded to 5 decimals as ROUGE-1.5.5 prints it. */
export interface RougeScore {
  recall: number;
  precision: number;
  f: number;
}

/** The counts behind a score (summed over models in mode A). */
export interface RougeCounts {
  hit: number;
  model: number;
  peer: number;
}

// ---------------------------------------------------------------------------------------------
// Number formatting exactly as Perl's sprintf("%7.5f"): correct rounding of the binary value,
// ties (only possible for odd multiples of 1/64) to even.

/** Round like C's printf("%.5f") and return the number. */
export function round5(x: number): number {
  if (x >= 0 && Number.isInteger(x * 64)) {
    const i = x * 64;
    if (i % 2 === 1 && i < 2 ** 40) {
      const micro = i * 15625; // x * 1e6 exactly
      const down = Math.floor(micro / 10);
      return (down % 2 === 0 ? down : down + 1) / 1e5;
    }
  }
  return Number(x.toFixed(5));
}

// ---------------------------------------------------------------------------------------------
// Reading (ROUGE's readText / readText_LCS for the SPL format)

/** Perl `split(/\s+/, s)`: leading empty field kept, trailing empty fields dropped. */
function perlSplit(s: string): string[] {
  const parts = s.split(/[ \t\n\r\f]+/);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** The units (lines) of an SPL summary, lower-cased, before any limit. */
function units(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.filter((l) => l.length > 0).map((l) => l.replace(/[A-Z]+/g, (m) => m.toLowerCase()));
}

/** ROUGE's clean-up of kept text: hyphens apart, other non-alphanumerics to spaces, squeezed. */
function clean(s: string): string {
  return s
    .replace(/-/g, ' - ')
    .replace(/[^A-Za-z0-9-]/g, ' ')
    .replace(/^[ \t\n\r\f]+/, '')
    .replace(/[ \t\n\r\f]+$/, '')
    .replace(/[ \t\n\r\f]+/g, ' ');
}

/** Perl slice `@tokens[0..k-1]` joined by spaces (missing elements are empty strings). */
function head(tokens: string[], k: number): string {
  const out: string[] = [];
  for (let i = 0; i < k; i++) out.push(tokens[i] ?? '');
  return out.join(' ');
}

/** The summary as one string after the length limit and clean-up (ROUGE's readText). */
export function limitedText(text: string, opts: RougeOptions = {}): string | undefined {
  const list = units(text);
  const words = opts.words ?? 100;
  const bytes = opts.bytes ?? 0;
  let out: string;
  if (words === 0 && bytes === 0) out = list.join(' ');
  else if (words !== 0) {
    out = '';
    let len = 0;
    for (const s of list) {
      const tokens = perlSplit(s);
      if (len + tokens.length < words) {
        out += len !== 0 ? ' ' + s : s;
        len += tokens.length;
      } else {
        if (len > 0) out += ' ';
        out += head(tokens, words - len);
        break;
      }
    }
    if (out.length === 0) return undefined;
  } else {
    out = '';
    let len = 0;
    for (const s of list) {
      if (len + s.length < bytes) {
        out += len !== 0 ? ' ' + s : s;
        len += s.length;
      } else {
        if (len > 0) out += ' ';
        out += s.slice(0, Math.max(0, bytes - len));
        break;
      }
    }
    if (out.length === 0) return undefined;
  }
  return clean(out);
}

/** The units after the length limit and clean-up (ROUGE's readText_LCS). */
export function limitedUnits(text: string, opts: RougeOptions = {}): string[] {
  const list = units(text);
  const words = opts.words ?? 100;
  const bytes = opts.bytes ?? 0;
  let out: string[] = [];
  if (words === 0 && bytes === 0) out = list;
  else if (words !== 0) {
    let len = 0;
    for (const s of list) {
      const tokens = perlSplit(s);
      if (len + tokens.length < words) {
        len += tokens.length;
        out.push(s);
      } else {
        out.push(head(tokens, words - len));
        break;
      }
    }
  } else {
    // ROUGE never advances its byte count here; kept as it is.
    for (const s of list) {
      if (s.length < bytes) out.push(s);
      else {
        out.push(s.slice(0, bytes));
        break;
      }
    }
  }
  return out.map(clean);
}

// ---------------------------------------------------------------------------------------------
// Tokens and stems

let exceptions: Map<string, string> | undefined;

/** WordNet exception base forms ROUGE consults before stemming (data file beside this module). */
function exceptionDb(): Map<string, string> {
  if (exceptions) return exceptions;
  const here = dirname(fileURLToPath(import.meta.url));
  // Works from src/eval (tsx) and dist/eval (compiled): the data stays in src/eval.
  const file = join(here, '..', '..', 'src', 'eval', 'rouge-exceptions.tsv');
  const m = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab > 0) m.set(line.slice(0, tab), line.slice(tab + 1));
  }
  exceptions = m;
  return m;
}

const stemCache = new Map<string, string>();

/** ROUGE's MorphStem: WordNet exception base form, else Porter stem. */
export function morphStem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = exceptionDb().get(token) ?? porterStem(token);
    if (stemCache.size < 200_000) stemCache.set(token, s);
  }
  return s;
}

/** Tokens of cleaned text as ROUGE counts them (createNGram's filter and stemming). */
export function rougeTokens(cleaned: string | undefined, stem = true): string[] {
  if (cleaned === undefined || cleaned.length === 0) return [];
  const out: string[] = [];
  for (const t of cleaned.split(' ')) {
    if (!/^[a-z0-9$]/.test(t)) continue;
    out.push(stem && t.length > 3 ? morphStem(t) : t);
  }
  return out;
}

/** Tokens of any text, lower-cased and cleaned as ROUGE does, without a length limit. */
export function tokensOf(text: string, stem = true): string[] {
  return rougeTokens(clean(text.replace(/[A-Z]+/g, (m) => m.toLowerCase())), stem);
}

// ---------------------------------------------------------------------------------------------
// Counting

type Grams = Map<string, number>;

function ngrams(tokens: string[], n: number): { grams: Grams; count: number } {
  const grams: Grams = new Map();
  let count = 0;
  for (let i = 0; i <= tokens.length - n; i++) {
    const g = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    grams.set(g, (grams.get(g) ?? 0) + 1);
    count++;
  }
  return { grams, count };
}

function skipBigrams(tokens: string[], skip: number, unigrams: boolean): { grams: Grams; count: number } {
  const grams: Grams = new Map();
  let count = 0;
  const add = (g: string) => {
    grams.set(g, (grams.get(g) ?? 0) + 1);
    count++;
  };
  // As ROUGE: the outer loop stops before the last token (so its unigram is not counted).
  for (let i = 0; i < tokens.length - 1; i++) {
    if (unigrams) add(tokens[i]!);
    for (let j = i + 1; j <= tokens.length - 1 && (skip < 0 || j <= i + skip + 1); j++) add(tokens[i]! + ' ' + tokens[j]!);
  }
  return { grams, count };
}

function clippedHits(model: Grams, peer: Grams): number {
  let hit = 0;
  for (const [g, m] of model) {
    const p = peer.get(g);
    if (p !== undefined) hit += p <= m ? p : m;
  }
  return hit;
}

/** R, P, F from counts, rounded like ROUGE (F from the rounded R and P). */
export function scoreOf(c: RougeCounts, alpha = 0.5): RougeScore {
  const recall = c.model !== 0 ? round5(c.hit / c.model) : 0;
  const precision = c.peer !== 0 ? round5(c.hit / c.peer) : 0;
  const den = (1 - alpha) * precision + alpha * recall;
  const f = den > 0 ? round5((precision * recall) / den) : 0;
  return { recall, precision, f };
}

function combine(
  perModel: Array<{ hit: number; model: number; peer: number }>,
  mode: 'A' | 'B',
): RougeCounts {
  if (mode === 'B') {
    let best = -1;
    let out: RougeCounts = { hit: 0, model: 0, peer: 0 };
    for (const c of perModel) {
      // ROUGE compares the 5-decimal score string numerically.
      const s = c.model !== 0 ? round5(c.hit / c.model) : 0;
      if (s > best) {
        best = s;
        out = { ...c };
      }
    }
    return out;
  }
  const out: RougeCounts = { hit: 0, model: 0, peer: 0 };
  for (const c of perModel) {
    out.hit += c.hit;
    out.model += c.model;
    out.peer += c.peer;
  }
  return out;
}

/** A summary prepared once for repeated scoring (peer or model). */
export interface Prepared {
  tokens: string[];
  units: string[][];
}

/** Read and tokenise one SPL summary (after the length limit). */
export function prepareSummary(text: string, opts: RougeOptions = {}): Prepared {
  const stem = opts.stem ?? true;
  return {
    tokens: rougeTokens(limitedText(text, opts), stem),
    units: limitedUnits(text, opts).map((u) => rougeTokens(u, stem)),
  };
}

function asPrepared(x: string | Prepared, opts: RougeOptions): Prepared {
  return typeof x === 'string' ? prepareSummary(x, opts) : x;
}

/** ROUGE-N counts of a peer against models. */
export function rougeNCounts(peer: string | Prepared, models: Array<string | Prepared>, n: number, opts: RougeOptions = {}): RougeCounts {
  const p = ngrams(asPrepared(peer, opts).tokens, n);
  const per = models.map((m) => {
    const g = ngrams(asPrepared(m, opts).tokens, n);
    return { hit: clippedHits(g.grams, p.grams), model: g.count, peer: p.count };
  });
  return combine(per, opts.mode ?? 'A');
}

/** ROUGE-N of a peer summary against model summaries (texts in SPL format). */
export function rougeN(peer: string | Prepared, models: Array<string | Prepared>, n: number, opts: RougeOptions = {}): RougeScore {
  return scoreOf(rougeNCounts(peer, models, n, opts), opts.alpha ?? 0.5);
}

/** ROUGE-S (skip bigrams, max gap `skip`; `-u` adds unigrams: SU). Not validated against official numbers. */
export function rougeS(peer: string | Prepared, models: Array<string | Prepared>, skip = 4, unigrams = true, opts: RougeOptions = {}): RougeScore {
  const p = skipBigrams(asPrepared(peer, opts).tokens, skip, unigrams);
  const per = models.map((m) => {
    const g = skipBigrams(asPrepared(m, opts).tokens, skip, unigrams);
    return { hit: clippedHits(g.grams, p.grams), model: g.count, peer: p.count };
  });
  return scoreOf(combine(per, opts.mode ?? 'A'), opts.alpha ?? 0.5);
}

/** Mark the model positions of one LCS, with ROUGE's tie-breaking (up before left). */
function markLcs(model: string[], peer: string[], mask: Uint8Array): void {
  const m = model.length;
  const n = peer.length;
  if (m === 0) return;
  const w = n + 1;
  const c = new Int32Array((m + 1) * w);
  const b = new Uint8Array((m + 1) * w); // 1 diagonal, 2 up, 3 left
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      if (model[i - 1] === peer[j - 1]) {
        c[i * w + j] = c[(i - 1) * w + j - 1]! + 1;
        b[i * w + j] = 1;
      } else if (c[(i - 1) * w + j]! >= c[i * w + j - 1]!) {
        c[i * w + j] = c[(i - 1) * w + j]!;
        b[i * w + j] = 2;
      } else {
        c[i * w + j] = c[i * w + j - 1]!;
        b[i * w + j] = 3;
      }
    }
  }
  let i = m;
  let j = n;
  while (i !== 0 && j !== 0) {
    const d = b[i * w + j];
    if (d === 1) {
      i--;
      j--;
      mask[i] = 1;
    } else if (d === 2) i--;
    else j--;
  }
}

/** ROUGE-L (summary-level union LCS with unigram clipping). Not validated against official numbers. */
export function rougeL(peer: string | Prepared, models: Array<string | Prepared>, opts: RougeOptions = {}): RougeScore {
  const p = asPrepared(peer, opts);
  const peer1 = ngrams(p.tokens, 1);
  const per = models.map((mx) => {
    const m = asPrepared(mx, opts);
    const model1 = new Map(ngrams(m.tokens, 1).grams);
    const peerLeft = new Map(peer1.grams);
    let hit = 0;
    let base = 0;
    for (const unit of m.units) {
      const mask = new Uint8Array(unit.length);
      base += unit.length;
      for (const pu of p.units) markLcs(unit, pu, mask);
      for (let j = 0; j < unit.length; j++) {
        if (mask[j] !== 1) continue;
        const t = unit[j]!;
        const a = model1.get(t) ?? 0;
        const b = peerLeft.get(t) ?? 0;
        if (a > 0 && b > 0) {
          hit++;
          model1.set(t, a - 1);
          peerLeft.set(t, b - 1);
        }
      }
    }
    return { hit, model: base, peer: peer1.count };
  });
  return scoreOf(combine(per, opts.mode ?? 'A'), opts.alpha ?? 0.5);
}

export type RougeMetric = 'ROUGE-1' | 'ROUGE-2' | 'ROUGE-3' | 'ROUGE-4' | 'ROUGE-L' | 'ROUGE-SU4';

/** All DUC metrics of one peer against its models. */
export function rougeAll(peer: string, models: string[], opts: RougeOptions = {}): Record<RougeMetric, RougeScore> {
  const p = prepareSummary(peer, opts);
  const ms = models.map((m) => prepareSummary(m, opts));
  return {
    'ROUGE-1': rougeN(p, ms, 1, opts),
    'ROUGE-2': rougeN(p, ms, 2, opts),
    'ROUGE-3': rougeN(p, ms, 3, opts),
    'ROUGE-4': rougeN(p, ms, 4, opts),
    'ROUGE-L': rougeL(p, ms, opts),
    'ROUGE-SU4': rougeS(p, ms, 4, true, opts),
  };
}
