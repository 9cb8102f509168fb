/**
 * Timeline17 evaluation, the news-tls protocol: for every collection and every reference
 * timeline, the system gets N = the reference's number of dates, K = its mean number of
 * sentences per date (rounded half to even, as Python's `round`), and only dates from the
 * reference's first to last date are eligible. Scores are tilse's (see `tilse.ts`); averages
 * are taken as news-tls does: the F of the mean precision and the mean recall over all
 * (collection, reference) pairs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readInputs } from '../read/index.js';
import { prepareLight } from '../analyze/doc.js';
import { buildTimeline, tilseSentence, type Timeline } from '../story/timeline.js';
import { evaluateTimeline, fScore, formatTilse, parseTilse, type PRF, type TilseTimeline } from './tilse.js';

export interface T17Row {
  collection: string;
  reference: string;
  articles: number;
  /** Dates and sentences per date asked for. */
  n: number;
  k: number;
  ar1: PRF;
  ar2: PRF;
  date: PRF;
  /** Milliseconds for the collection: reading, analysis (tokens and sentences), timeline. */
  ms: { read: number; prepare: number; timeline: number };
}

export interface T17Result {
  rows: T17Row[];
  /** Time to load the language model, once per process before any collection (ms). */
  modelMs: number;
  /** F of mean P and mean R over all rows. */
  average: { ar1: PRF; ar2: PRF; date: PRF };
}

/** Python's `round` for a non-negative mean: halves go to the even integer. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The news-tls way of averaging: mean precision, mean recall, F of the two. */
export function averagePRF(xs: PRF[]): PRF {
  if (xs.length === 0) return { precision: 0, recall: 0, f_score: 0 };
  const p = xs.reduce((s, x) => s + x.precision, 0) / xs.length;
  const r = xs.reduce((s, x) => s + x.recall, 0) / xs.length;
  return { precision: p, recall: r, f_score: fScore(p, r) };
}

/** A system timeline in tilse's form (sentences tokenised like Timeline17's). */
export function toTilse(tl: Timeline): TilseTimeline {
  const out: TilseTimeline = new Map();
  for (const e of tl.entries) out.set(e.date, e.sentences.map((s) => tilseSentence(s.text)));
  return out;
}

/** Collections under `root`: folders with `InputDocs/` and `timelines/`. */
export function t17Collections(root: string): string[] {
  return readdirSync(root)
    .filter((c) => existsSync(join(root, c, 'InputDocs')) && existsSync(join(root, c, 'timelines')))
    .filter((c) => statSync(join(root, c)).isDirectory())
    .sort();
}

export interface T17Options {
  /** Only these collections. */
  only?: string[];
  /** Write each system timeline to `out/<collection>/<reference file name>`. */
  out?: string;
  onRow?: (row: T17Row) => void;
}

/** Run the protocol over every collection under `root`. */
export async function runT17(root: string, opts: T17Options = {}): Promise<T17Result> {
  const rows: T17Row[] = [];
  // The language model loads once per process; load it first so the first collection's
  // times are like the others' (the load time is reported apart).
  const tm = performance.now();
  prepareLight({ id: 'warm-up', text: 'The model loads once. Then it is ready.' });
  const modelMs = performance.now() - tm;
  for (const c of t17Collections(root)) {
    if (opts.only && !opts.only.includes(c)) continue;
    const t0 = performance.now();
    const { articles } = await readInputs([join(root, c, 'InputDocs')]);
    const t1 = performance.now();
    const docs = articles.map((a) => prepareLight(a));
    const t2 = performance.now();
    const refFiles = readdirSync(join(root, c, 'timelines')).filter((f) => f.endsWith('.txt')).sort();
    let first = true;
    for (const f of refFiles) {
      const ref = parseTilse(await readFile(join(root, c, 'timelines', f), 'utf8'));
      if (ref.size === 0) continue;
      const dates = [...ref.keys()].sort();
      const n = ref.size;
      const k = roundHalfEven([...ref.values()].reduce((s, x) => s + x.length, 0) / n);
      const t3 = performance.now();
      const tl = buildTimeline(docs, { dates: n, perDate: k, from: dates[0], to: dates[dates.length - 1] });
      const t4 = performance.now();
      const sys = toTilse(tl);
      if (opts.out) {
        await mkdir(join(opts.out, c), { recursive: true });
        await writeFile(join(opts.out, c, f), formatTilse(sys));
      }
      const s = evaluateTimeline(sys, [ref], ['align_date_content_costs_many_to_one']);
      const m = s.rouge.align_date_content_costs_many_to_one;
      const row: T17Row = {
        collection: c,
        reference: f,
        articles: articles.length,
        n,
        k,
        ar1: m.rouge_1,
        ar2: m.rouge_2,
        date: s.date,
        // reading and analysis are shared by the references of a collection: counted once
        ms: { read: first ? t1 - t0 : 0, prepare: first ? t2 - t1 : 0, timeline: t4 - t3 },
      };
      first = false;
      rows.push(row);
      opts.onRow?.(row);
    }
  }
  return {
    rows,
    modelMs,
    average: {
      ar1: averagePRF(rows.map((r) => r.ar1)),
      ar2: averagePRF(rows.map((r) => r.ar2)),
      date: averagePRF(rows.map((r) => r.date)),
    },
  };
}
