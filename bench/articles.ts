/**
 * Volume for benchmarks and the crash test, made by recombining the invented example set
 * (examples/articles): each synthetic story takes one example article's sentences, swaps its
 * proper names for invented ones of its own (so stories differ in names, as real ones do),
 * and each of its articles is a dated, shuffled selection of those sentences. Deterministic.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, '..', 'examples', 'articles');

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ['ka', 'lo', 'ven', 'mar', 'tis', 'ul', 'dra', 'bek', 'sor', 'ni', 'ha', 'rum', 'pel', 'qua', 'zed', 'ost', 'vi', 'gan'];

function word(r: () => number, n: number): string {
  let w = '';
  for (let i = 0; i < n; i++) w += SYL[Math.floor(r() * SYL.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}

interface Source {
  sentences: string[];
  names: string[];
}

let sources: Source[] | undefined;
function load(): Source[] {
  if (sources) return sources;
  sources = readdirSync(examples)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(examples, f), 'utf8');
      const sentences = text
        .split(/\n\s*\n/)
        .slice(1)
        .flatMap((p) => p.replace(/\s+/g, ' ').split(/(?<=[.!?]"?)\s+(?=[A-Z"])/))
        .filter((s) => s.length > 30);
      const names = [...new Set(text.match(/\b[A-Z][a-z]{3,}\b/g) ?? [])].filter((n) => !/^(The|This|That|When|What|They|There|Their|After|Before|Some|Most|More|Many|Tuesday|Monday|Wednesday|Thursday|Friday|Saturday|Sunday|March|April)$/.test(n));
      return { sentences, names };
    });
  return sources;
}

/** One synthetic article. */
export interface SynthArticle {
  story: number;
  date: string;
  text: string;
}

/** Article `k` of a synthetic stream of `stories` concurrent stories, ~`perDay` articles a day. */
export function synthArticle(k: number, opts: { stories?: number; perDay?: number; seed?: number } = {}): SynthArticle {
  const src = load();
  const stories = opts.stories ?? 400;
  const perDay = opts.perDay ?? 200;
  // Stories run in waves: each lives about 10 days, so old ones go cold as the stream goes on.
  const day = Math.floor(k / perDay);
  const wave = Math.floor(day / 10);
  const story = wave * stories + (k % stories);
  const sr = rng((opts.seed ?? 1) * 1_000_003 + story);
  const base = src[story % src.length]!;
  const swap = new Map(base.names.map((n) => [n, word(sr, 2 + Math.floor(sr() * 2))]));
  const ar = rng((opts.seed ?? 1) * 7_919 + k);
  const n = 4 + Math.floor(ar() * 6);
  const picked: string[] = [];
  for (let i = 0; i < n; i++) picked.push(base.sentences[Math.floor(ar() * base.sentences.length)]!);
  const text = picked
    .map((s) => s.replace(/\b[A-Z][a-z]{3,}\b/g, (w) => swap.get(w) ?? w))
    .join(' ')
    .concat(` Officials gave the figure as ${100 + Math.floor(ar() * 100000)} on day ${day + 1}.`);
  const d = new Date(Date.UTC(2030, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return { story, date: d, text };
}

/** Write articles `[from, to)` as `<dir>/<date>/<k>.txt` (the date folder gives the publication date). */
export function writeSynth(dir: string, from: number, to: number, opts: { stories?: number; perDay?: number; seed?: number } = {}): void {
  for (let k = from; k < to; k++) {
    const a = synthArticle(k, opts);
    const folder = join(dir, a.date);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${String(k).padStart(6, '0')}.txt`), a.text + '\n');
  }
}
