/**
 * Shared text between articles: wire copy, reused paragraphs, lifted sentences.
 *
 * Method (text-reuse detection as in plagiarism and news-reuse work, e.g. METER / PAN):
 *  - each article's story sentences become a list of lower-cased word tokens with offsets;
 *  - every run of `k` consecutive words (a shingle) goes into one inverted index
 *    (shingle -> positions), so only articles that really share shingles are ever paired —
 *    no loop over all pairs of articles;
 *  - the matching positions of a pair are chained along diagonals into passages, allowing
 *    small edits (a changed word, a dropped clause) inside a passage;
 *  - passages shorter than `minWords` are dropped (common phrases are not reuse);
 *  - the share of each article covered by its passages gives the verdict.
 * Pure: articles in, pairs out.
 */
import type { Sentence, Span } from '../model/types.js';

/** What shared-text detection needs of an article. */
export interface SharedTextInput {
  id: string;
  text: string;
  sentences: Sentence[];
}

export type SharedVerdict = 'same wire copy' | 'heavily shared' | 'independent';

/** One passage two articles share: the span in each. */
export interface SharedPassage {
  a: Span;
  b: Span;
  /** Words of the passage in `a`. */
  words: number;
}

/** Two articles that share text. */
export interface SharedPair {
  a: string;
  b: string;
  verdict: SharedVerdict;
  /** Share of `a`'s words inside shared passages (0..1). */
  shareA: number;
  shareB: number;
  passages: SharedPassage[];
}

export interface SharedTextOptions {
  /** Words per shingle. Default 5. */
  k?: number;
  /** Shortest passage kept, in words. Default 10. */
  minWords?: number;
  /** Largest edit (in words) bridged inside one passage. Default 4. */
  gap?: number;
  /** Shingles found in more articles than this are boilerplate and ignored. Default 60. */
  maxPostings?: number;
  /** Share of the smaller-covered... see `verdict`: share of either article for `same wire copy`. Default 0.6. */
  wire?: number;
  /** Share of either article for `heavily shared`. Default 0.2. */
  heavy?: number;
  /** Fewest shared words for `heavily shared`. Default 40. */
  heavyWords?: number;
}

interface Word {
  start: number;
  end: number;
  norm: string;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019.][\p{L}\p{N}]+)*/gu;

/** Word tokens of an article's sentences, with offsets into its text. */
export function storyWords(a: SharedTextInput): Word[] {
  const out: Word[] = [];
  for (const s of a.sentences) {
    const slice = a.text.slice(s.start, s.end);
    for (const m of slice.matchAll(WORD)) {
      const start = s.start + m.index!;
      out.push({ start, end: start + m[0].length, norm: normalise(m[0]) });
    }
  }
  return out;
}

function normalise(w: string): string {
  const l = w.toLowerCase();
  return l.includes('.') || l.includes('\u2019') ? l.replace(/\u2019/g, "'").replace(/\./g, '') : l;
}

/** The verdict for a pair from the shares of each article and the shared words. */
export function verdict(shareA: number, shareB: number, words: number, o: Required<SharedTextOptions>): SharedVerdict {
  const hi = Math.max(shareA, shareB);
  if (hi >= o.wire && words >= o.minWords * 2) return 'same wire copy';
  if (hi >= o.heavy && words >= o.heavyWords) return 'heavily shared';
  return 'independent';
}

/** Every pair of articles sharing at least one passage, most shared first. */
export function findSharedText(articles: SharedTextInput[], options: SharedTextOptions = {}): SharedPair[] {
  const o: Required<SharedTextOptions> = {
    k: 5,
    minWords: 10,
    gap: 4,
    maxPostings: 60,
    wire: 0.6,
    heavy: 0.2,
    heavyWords: 40,
    ...options,
  };
  const words = articles.map(storyWords);
  // Words as integer ids, shingles as a 30-bit hash of k ids (a rare hash collision is one
  // isolated match, far from the run of matches a passage needs).
  const vocab = new Map<string, number>();
  const ids = words.map((w) =>
    w.map((x) => {
      let id = vocab.get(x.norm);
      if (id === undefined) vocab.set(x.norm, (id = vocab.size + 1));
      return id;
    }),
  );
  // All shingles as (hash, entry) packed in one Float64Array and sorted natively: equal hashes
  // become runs, which is the inverted index without a Map of arrays.
  let total = 0;
  for (const w of ids) total += Math.max(0, w.length - o.k + 1);
  // entry numbers take the low bits; the hash keeps what is left of a double's 53 (30 at most)
  const entryBits = Math.max(1, Math.ceil(Math.log2(total + 1)));
  const SHIFT = 2 ** entryBits;
  const keyMask = 2 ** Math.min(30, 53 - entryBits) - 1;
  const packed = new Float64Array(total);
  const artOf = new Int32Array(total);
  const posOf = new Int32Array(total);
  let e = 0;
  for (let ai = 0; ai < articles.length; ai++) {
    const w = ids[ai]!;
    for (let i = 0; i + o.k <= w.length; i++) {
      let key = 0;
      for (let j = 0; j < o.k; j++) key = (Math.imul(key, 0x01000193) ^ w[i + j]!) & 0x3fffffff;
      packed[e] = (key & keyMask) * SHIFT + e;
      artOf[e] = ai;
      posOf[e] = i;
      e++;
    }
  }
  packed.sort();
  // pair key -> flat list of matched (i, j) positions
  const matches = new Map<number, number[]>();
  const n = articles.length;
  const arts = new Set<number>();
  for (let x = 0; x < total; ) {
    const key = Math.floor(packed[x]! / SHIFT);
    let y = x + 1;
    while (y < total && Math.floor(packed[y]! / SHIFT) === key) y++;
    if (y - x >= 2) {
      arts.clear();
      for (let z = x; z < y; z++) arts.add(artOf[packed[z]! % SHIFT]!);
      if (arts.size >= 2 && arts.size <= o.maxPostings) {
        for (let p = x; p < y; p++) {
          for (let q = p + 1; q < y; q++) {
            const ep = packed[p]! % SHIFT;
            const eq = packed[q]! % SHIFT;
            let a = artOf[ep]!;
            let b = artOf[eq]!;
            if (a === b) continue;
            let i = posOf[ep]!;
            let j = posOf[eq]!;
            if (a > b) {
              [a, b] = [b, a];
              [i, j] = [j, i];
            }
            const pk = a * n + b;
            let m = matches.get(pk);
            if (!m) matches.set(pk, (m = []));
            m.push(i, j);
          }
        }
      }
    }
    x = y;
  }
  const pairs: SharedPair[] = [];
  for (const [key, flat] of matches) {
    // a passage of minWords words needs two matched shingles at least (one bridged gap)
    if (flat.length < 4 && o.minWords > o.k) continue;
    const ai = Math.floor(key / n);
    const bi = key % n;
    const wa = words[ai]!;
    const wb = words[bi]!;
    const runs = chain(flat, o.k, o.gap).filter((r) => r.i1 - r.i0 >= o.minWords && r.j1 - r.j0 >= o.minWords);
    if (runs.length === 0) continue;
    const coveredA = cover(runs.map((r) => [r.i0, r.i1] as [number, number]));
    const coveredB = cover(runs.map((r) => [r.j0, r.j1] as [number, number]));
    const shareA = wa.length ? coveredA / wa.length : 0;
    const shareB = wb.length ? coveredB / wb.length : 0;
    const passages: SharedPassage[] = runs
      .sort((x, y) => x.i0 - y.i0 || x.j0 - y.j0)
      .map((r) => ({
        a: { start: wa[r.i0]!.start, end: wa[r.i1 - 1]!.end },
        b: { start: wb[r.j0]!.start, end: wb[r.j1 - 1]!.end },
        words: r.i1 - r.i0,
      }));
    const idA = articles[ai]!.id;
    const idB = articles[bi]!.id;
    const pair: SharedPair = {
      a: idA,
      b: idB,
      verdict: verdict(shareA, shareB, Math.min(coveredA, coveredB), o),
      shareA: round(shareA),
      shareB: round(shareB),
      passages,
    };
    pairs.push(pair);
  }
  return pairs.sort((x, y) => Math.max(y.shareA, y.shareB) - Math.max(x.shareA, x.shareB) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

interface Run {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

/**
 * Chain matched shingle positions into passages: positions on one diagonal (j - i constant)
 * extend a run; a run continues across a small edit when the next match starts within `gap`
 * words in both articles (the diagonal may shift by an inserted or dropped word).
 */
function chain(flat: number[], k: number, gap: number): Run[] {
  const pts: Array<[number, number]> = [];
  for (let x = 0; x < flat.length; x += 2) pts.push([flat[x]!, flat[x + 1]!]);
  pts.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const open: Run[] = [];
  const done: Run[] = [];
  for (const [i, j] of pts) {
    let best: Run | undefined;
    let bestCost = Infinity;
    for (const r of open) {
      const di = i - (r.i1 - k);
      const dj = j - (r.j1 - k);
      if (di < 0 || dj < 0) continue;
      if (i > r.i1 + gap || j > r.j1 + gap) continue;
      const cost = Math.abs(di - dj) + di;
      if (cost < bestCost) {
        bestCost = cost;
        best = r;
      }
    }
    if (best) {
      best.i1 = Math.max(best.i1, i + k);
      best.j1 = Math.max(best.j1, j + k);
    } else {
      open.push({ i0: i, i1: i + k, j0: j, j1: j + k });
    }
    // retire runs that can no longer be extended
    for (let x = open.length - 1; x >= 0; x--) {
      if (open[x]!.i1 + gap < i) done.push(...open.splice(x, 1));
    }
  }
  done.push(...open);
  // a passage of a that matched twice in b (repeated text) keeps its longest match only
  done.sort((p, q) => q.i1 - q.i0 - (p.i1 - p.i0) || p.i0 - q.i0);
  const kept: Run[] = [];
  for (const r of done) {
    const overlaps = kept.some((s) => overlap(r.i0, r.i1, s.i0, s.i1) > (r.i1 - r.i0) / 2 || overlap(r.j0, r.j1, s.j0, s.j1) > (r.j1 - r.j0) / 2);
    if (!overlaps) kept.push(r);
  }
  return kept;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Number of positions covered by a set of half-open ranges. */
function cover(ranges: Array<[number, number]>): number {
  const rs = [...ranges].sort((p, q) => p[0] - q[0]);
  let n = 0;
  let end = -1;
  for (const [s, e] of rs) {
    if (e <= end) continue;
    n += e - Math.max(s, end);
    end = e;
  }
  return n;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
