/**
 * Timeline summarisation metrics as defined by the `tilse` library (Martschat & Markert
 * 2017, 2018), reimplemented: concat, agreement and alignment-based ROUGE-1/2 (1:1 by date,
 * 1:1 by date and content, many-to-one by date and content = news-tls's AR-1/AR-2), and date
 * F1 (news-tls `evaluate_dates`). Counts come from `tilse-rouge.ts` (ROUGE-1.5.5 as tilse runs
 * it); the alignment's content cost is tilse's approximate ROUGE-1 on whitespace tokens.
 */
import { linearSumAssignment } from './tilse-assign.js';
import { ngrams, rougeCountsGrams, rougeTokens, type Grams, type RougeCounts } from './tilse-rouge.js';

/** A timeline: dates (`YYYY-MM-DD`) to their summary sentences (tokens separated by spaces). */
export type TilseTimeline = Map<string, string[]>;

export interface PRF {
  precision: number;
  recall: number;
  f_score: number;
}

export interface RougePRF {
  rouge_1: PRF;
  rouge_2: PRF;
}

export type AlignVariant =
  | 'concat'
  | 'agreement'
  | 'align_date_costs'
  | 'align_date_content_costs'
  | 'align_date_content_costs_many_to_one';

/** All scores of a system timeline against its reference timelines. */
export interface TimelineScores {
  date: PRF;
  rouge: Record<AlignVariant, RougePRF>;
}

const DASHES = '-'.repeat(32);

/** F-beta (beta = 1) as tilse's `get_f_score`: 0 when precision + recall is 0. */
export function fScore(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function parseDate(line: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(line);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Read a timeline in the Timeline17 / tilse text format (a date line, its sentences, a line of
 * 32 dashes), the way `tilse.data.timelines.Timeline.from_file` does.
 */
export function parseTilse(text: string): TilseTimeline {
  const tl: TilseTimeline = new Map();
  let date: string | undefined;
  let summary = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === DASHES) {
      if (date !== undefined) tl.set(date, summary.trim().split('\n').map((s) => s.trim()));
      date = undefined;
      summary = '';
      continue;
    }
    const d = parseDate(line);
    if (d !== undefined) date = d;
    else summary += line + '\n';
  }
  return tl;
}

/** Write a timeline in tilse format, dates ascending. */
export function formatTilse(tl: TilseTimeline): string {
  let out = '';
  for (const d of [...tl.keys()].sort()) {
    out += d + '\n';
    for (const s of tl.get(d)!) out += s + '\n';
    out += DASHES + '\n';
  }
  return out;
}

/** Day number of a `YYYY-MM-DD` date (any fixed origin: only differences are used). */
export function dayNumber(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86400000);
}

/** Date precision/recall/F1 over the set of system dates vs the union of reference dates. */
export function dateScores(system: TilseTimeline, references: readonly TilseTimeline[]): PRF {
  const ref = new Set<string>();
  for (const r of references) for (const d of r.keys()) ref.add(d);
  let shared = 0;
  for (const d of system.keys()) if (ref.has(d)) shared++;
  const p = system.size === 0 ? 0 : shared / system.size;
  const r = ref.size === 0 ? 0 : shared / ref.size;
  return { precision: p, recall: r, f_score: fScore(p, r) };
}

// string.punctuation; tilse drops a token when `tok in string.punctuation` (a substring test).
const PUNCT = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function approxCounts(sentences: readonly string[]): Map<string, number> {
  const c = new Map<string, number>();
  for (const s of sentences) {
    for (const t of s.split(/\s+/)) {
      if (t.length === 0 || PUNCT.includes(t)) continue;
      c.set(t, (c.get(t) ?? 0) + 1);
    }
  }
  return c;
}

function total(c: Map<string, number>): number {
  let n = 0;
  for (const k of c.values()) n += k;
  return n;
}

/** tilse's `compute_rouge_approximation`: ROUGE-1 F on raw whitespace tokens, no stemming. */
export function approxRouge1(pred: Map<string, number>, refs: readonly Map<string, number>[]): number {
  let match = 0;
  for (const [tok, k] of pred) for (const r of refs) match += Math.min(k, r.get(tok) ?? 0);
  const precDenom = refs.length * total(pred);
  const precision = precDenom === 0 ? 0 : match / precDenom;
  let recDenom = 0;
  for (const r of refs) recDenom += total(r);
  const recall = recDenom === 0 ? 0 : match / recDenom;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

interface Prepared {
  predDates: string[];
  refDates: string[];
  /** Per pred date: n-grams for n = 1, 2. */
  pred: Map<string, [Grams, Grams]>;
  /** Per ref date: per reference timeline, n-grams for n = 1, 2. */
  ref: Map<string, Array<[Grams, Grams]>>;
  empty: [Grams, Grams];
  nRefs: number;
}

function gramsOf(sentences: readonly string[]): [Grams, Grams] {
  const toks = rougeTokens(sentences);
  return [ngrams(toks, 1), ngrams(toks, 2)];
}

function prepare(system: TilseTimeline, references: readonly TilseTimeline[]): Prepared {
  const predDates = [...system.keys()].sort();
  const refSet = new Set<string>();
  for (const r of references) for (const d of r.keys()) refSet.add(d);
  const refDates = [...refSet].sort();
  const pred = new Map<string, [Grams, Grams]>();
  for (const d of predDates) pred.set(d, gramsOf(system.get(d)!));
  const ref = new Map<string, Array<[Grams, Grams]>>();
  for (const d of refDates) ref.set(d, references.map((r) => gramsOf(r.get(d) ?? [])));
  return { predDates, refDates, pred, ref, empty: gramsOf([]), nRefs: references.length };
}

type Sums = { pn: number; pd: number; rn: number; rd: number };

function prf(s: Sums): PRF {
  const p = s.pd === 0 ? 0 : s.pn / s.pd;
  const r = s.rd === 0 ? 0 : s.rn / s.rd;
  return { precision: p, recall: r, f_score: fScore(p, r) };
}

function toRouge(s: [Sums, Sums]): RougePRF {
  return { rouge_1: prf(s[0]), rouge_2: prf(s[1]) };
}

function zeroSums(): [Sums, Sums] {
  return [
    { pn: 0, pd: 0, rn: 0, rd: 0 },
    { pn: 0, pd: 0, rn: 0, rd: 0 },
  ];
}

function counts(sys: [Grams, Grams], refs: ReadonlyArray<[Grams, Grams]>): [RougeCounts, RougeCounts] {
  return [rougeCountsGrams(sys[0], refs.map((r) => r[0])), rougeCountsGrams(sys[1], refs.map((r) => r[1]))];
}

function concatScores(system: TilseTimeline, references: readonly TilseTimeline[]): RougePRF {
  const sents = (tl: TilseTimeline): string[] => [...tl.keys()].sort().flatMap((d) => tl.get(d)!);
  const c = counts(gramsOf(sents(system)), references.map((r) => gramsOf(sents(r))));
  const s = zeroSums();
  for (const n of [0, 1] as const) s[n] = { pn: c[n].h, pd: c[n].p, rn: c[n].h, rd: c[n].m };
  return toRouge(s);
}

function agreementScores(pp: Prepared): RougePRF {
  const s = zeroSums();
  const all = new Set([...pp.predDates, ...pp.refDates]);
  const refEmpty = Array.from({ length: pp.nRefs }, () => pp.empty);
  for (const d of all) {
    const c = counts(pp.pred.get(d) ?? pp.empty, pp.ref.get(d) ?? refEmpty);
    for (const n of [0, 1] as const) {
      if (pp.pred.has(d)) {
        s[n].pn += c[n].h;
        s[n].pd += c[n].p;
      }
      if (pp.ref.has(d)) {
        s[n].rn += c[n].h;
        s[n].rd += c[n].m;
      }
    }
  }
  return toRouge(s);
}

type Assign = (cost: number[][]) => Array<[number, number]>;

/** numpy `argmin` per row (first index on ties). */
function assignToMinCost(cost: number[][]): Array<[number, number]> {
  return cost.map((row, i) => {
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j]! < row[best]!) best = j;
    return [i, best] as [number, number];
  });
}

function dateCost(a: string, b: string): number {
  return 1 - 1 / (Math.abs(dayNumber(a) - dayNumber(b)) + 1);
}

function alignScores(
  pp: Prepared,
  system: TilseTimeline,
  references: readonly TilseTimeline[],
  useContent: boolean,
  assign: Assign,
): RougePRF {
  const { predDates, refDates } = pp;
  let content: number[][] | undefined; // [pred][ref] = 1 - approx ROUGE-1
  if (useContent) {
    const predC = predDates.map((d) => approxCounts(system.get(d)!));
    const refC = refDates.map((d) => references.map((r) => approxCounts(r.get(d) ?? [])));
    content = predC.map((pc) => refC.map((rc) => 1 - approxRouge1(pc, rc)));
  }
  const cost = (pi: number, ri: number): number => {
    const dc = dateCost(predDates[pi]!, refDates[ri]!);
    return content ? dc * content[pi]![ri]! : dc;
  };
  const precCost = predDates.map((_, pi) => refDates.map((_, ri) => cost(pi, ri)));
  const recCost = refDates.map((_, ri) => predDates.map((_, pi) => cost(pi, ri)));
  const precPairs = predDates.length && refDates.length ? assign(precCost) : [];
  const recPairs = predDates.length && refDates.length ? assign(recCost) : [];

  const s = zeroSums();
  const refEmpty = Array.from({ length: pp.nRefs }, () => pp.empty);
  const weight = (a: string, b: string): number => 1 / (Math.abs(dayNumber(a) - dayNumber(b)) + 1);

  const matchedPred = new Set<number>();
  for (const [pi, ri] of precPairs) {
    matchedPred.add(pi);
    const pd = predDates[pi]!;
    const rd = refDates[ri]!;
    const c = counts(pp.pred.get(pd)!, pp.ref.get(rd)!);
    for (const n of [0, 1] as const) {
      s[n].pn += weight(pd, rd) * c[n].h;
      s[n].pd += c[n].p;
    }
  }
  predDates.forEach((pd, pi) => {
    if (matchedPred.has(pi)) return;
    const c = counts(pp.pred.get(pd)!, refEmpty);
    for (const n of [0, 1] as const) {
      s[n].pn += c[n].h;
      s[n].pd += c[n].p;
    }
  });

  const matchedRef = new Set<number>();
  for (const [ri, pi] of recPairs) {
    matchedRef.add(ri);
    const pd = predDates[pi]!;
    const rd = refDates[ri]!;
    const c = counts(pp.pred.get(pd)!, pp.ref.get(rd)!);
    for (const n of [0, 1] as const) {
      s[n].rn += weight(pd, rd) * c[n].h;
      s[n].rd += c[n].m;
    }
  }
  refDates.forEach((rd, ri) => {
    if (matchedRef.has(ri)) return;
    const c = counts(pp.empty, pp.ref.get(rd)!);
    for (const n of [0, 1] as const) {
      s[n].rn += c[n].h;
      s[n].rd += c[n].m;
    }
  });
  return toRouge(s);
}

/** Every tilse metric of a system timeline against one or more reference timelines. */
export function evaluateTimeline(
  system: TilseTimeline,
  references: readonly TilseTimeline[],
  variants: readonly AlignVariant[] = [
    'concat',
    'agreement',
    'align_date_costs',
    'align_date_content_costs',
    'align_date_content_costs_many_to_one',
  ],
): TimelineScores {
  if (references.length === 0) throw new Error('evaluateTimeline: give at least one reference timeline');
  const pp = prepare(system, references);
  const zero: RougePRF = {
    rouge_1: { precision: 0, recall: 0, f_score: 0 },
    rouge_2: { precision: 0, recall: 0, f_score: 0 },
  };
  const rouge: Record<AlignVariant, RougePRF> = {
    concat: zero,
    agreement: zero,
    align_date_costs: zero,
    align_date_content_costs: zero,
    align_date_content_costs_many_to_one: zero,
  };
  for (const v of variants) {
    if (v === 'concat') rouge.concat = concatScores(system, references);
    else if (v === 'agreement') rouge.agreement = agreementScores(pp);
    else if (v === 'align_date_costs') rouge[v] = alignScores(pp, system, references, false, linearSumAssignment);
    else if (v === 'align_date_content_costs') rouge[v] = alignScores(pp, system, references, true, linearSumAssignment);
    else rouge[v] = alignScores(pp, system, references, true, assignToMinCost);
  }
  return { date: dateScores(system, references), rouge };
}
