/**
 * TimeBank (TimeML) evaluation of temporal expressions, TempEval-3 style: strip the tags to
 * get the text and the gold TIMEX3 spans, run a tagger with the DCT as the publication date,
 * and score spans (strict and relaxed), type and value.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import type { TimeMention, TimeType } from '../model/types.js';

/** One gold temporal expression: a span into the stripped text. */
export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: TimeType;
  value: string;
}

/** A TimeML document reduced to its text, creation time and gold expressions. */
export interface TimeMLDoc {
  id: string;
  /** Document creation time, `YYYY-MM-DD` (or longer ISO value). */
  dct?: string;
  text: string;
  gold: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

/** Parse a TimeML file: the `<TEXT>` content without tags, with gold TIMEX3 spans. */
export function parseTimeML(xml: string, id = ''): TimeMLDoc {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml);
  const dctValue = dctTag ? attr(dctTag[1]!, 'value') : undefined;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: GoldTimex[] = [];
  const open: Array<{ start: number; type: TimeType; value: string }> = [];
  const re = /<(\/?)([A-Za-z0-9_]+)([^>]*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[4] !== undefined) {
      text += decode(m[4]);
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '/') {
      const o = open.pop();
      if (o) gold.push({ start: o.start, end: text.length, text: text.slice(o.start, text.length), type: o.type, value: o.value });
    } else if (!m[3]!.trimEnd().endsWith('/')) {
      open.push({ start: text.length, type: (attr(m[3]!, 'type') ?? 'DATE') as TimeType, value: attr(m[3]!, 'value') ?? '' });
    }
  }
  gold.sort((a, b) => a.start - b.start);
  return { id, dct: dctValue, text, gold };
}

/** Read every `*.tml` file of a folder. */
export function readTimeBank(dir: string): TimeMLDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => parseTimeML(readFileSync(join(dir, f), 'utf8'), basename(f, '.tml')));
}

/** Counts behind the TempEval-3 scores (sums over documents). */
export interface TimexCounts {
  system: number;
  gold: number;
  strict: number;
  relaxed: number;
  typeOk: number;
  valueOk: number;
}

/** Empty counts. */
export function zeroCounts(): TimexCounts {
  return { system: 0, gold: 0, strict: 0, relaxed: 0, typeOk: 0, valueOk: 0 };
}

/** A predicted expression as the scorer needs it. */
export type SystemTimex = Pick<TimeMention, 'start' | 'end' | 'type' | 'value'>;

/** One document's match: gold and system expressions paired one-to-one by overlap. */
export function matchTimes(gold: GoldTimex[], sys: SystemTimex[]): Array<{ g: GoldTimex; s: SystemTimex }> {
  const used = new Set<number>();
  const pairs: Array<{ g: GoldTimex; s: SystemTimex }> = [];
  for (const g of gold) {
    let best = -1;
    let bestOverlap = 0;
    sys.forEach((s, i) => {
      if (used.has(i)) return;
      const ov = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (ov > bestOverlap) {
        bestOverlap = ov;
        best = i;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push({ g, s: sys[best]! });
    }
  }
  return pairs;
}

/** Add one document's counts. */
export function countTimes(c: TimexCounts, gold: GoldTimex[], sys: SystemTimex[]): Array<{ g: GoldTimex; s: SystemTimex }> {
  c.system += sys.length;
  c.gold += gold.length;
  const pairs = matchTimes(gold, sys);
  for (const { g, s } of pairs) {
    c.relaxed++;
    if (g.start === s.start && g.end === s.end) c.strict++;
    if (g.type === s.type) c.typeOk++;
    if (s.value !== undefined && g.value === s.value) c.valueOk++;
  }
  return pairs;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** TempEval-3 scores from counts. */
export interface TimexScores {
  strict: { p: number; r: number; f1: number };
  relaxed: { p: number; r: number; f1: number };
  typeAccuracy: number;
  valueAccuracy: number;
  typeF1: number;
  valueF1: number;
}

/** Precision, recall and F1 as TempEval-3 defines them. */
export function scoreTimes(c: TimexCounts): TimexScores {
  const pr = (k: number) => {
    const p = c.system ? k / c.system : 0;
    const r = c.gold ? k / c.gold : 0;
    return { p, r, f1: f1(p, r) };
  };
  return {
    strict: pr(c.strict),
    relaxed: pr(c.relaxed),
    typeAccuracy: c.relaxed ? c.typeOk / c.relaxed : 0,
    valueAccuracy: c.relaxed ? c.valueOk / c.relaxed : 0,
    typeF1: pr(c.typeOk).f1,
    valueF1: pr(c.valueOk).f1,
  };
}

/** A tagger under evaluation: text plus publication date in, expressions out. */
export type Tagger = (text: string, published: string | undefined) => SystemTimex[];

/** Evaluate taggers on TimeML documents; also returns per-error details for inspection. */
export function evaluateTimeBank(
  docs: TimeMLDoc[],
  taggers: Record<string, Tagger>,
): Record<string, { counts: TimexCounts; scores: TimexScores; seconds: number; errors: string[] }> {
  const out: Record<string, { counts: TimexCounts; scores: TimexScores; seconds: number; errors: string[] }> = {};
  for (const [name, tag] of Object.entries(taggers)) {
    const counts = zeroCounts();
    const errors: string[] = [];
    let ms = 0;
    for (const d of docs) {
      const t0 = performance.now();
      const sys = tag(d.text, d.dct?.slice(0, 10));
      ms += performance.now() - t0;
      const pairs = countTimes(counts, d.gold, sys);
      const matchedG = new Set(pairs.map((p) => p.g));
      const matchedS = new Set(pairs.map((p) => p.s));
      for (const g of d.gold) if (!matchedG.has(g)) errors.push(`${d.id}\tMISS\t${g.type}\t${g.value}\t${g.text}`);
      for (const s of sys) if (!matchedS.has(s)) errors.push(`${d.id}\tEXTRA\t${s.type}\t${s.value ?? ''}\t${d.text.slice(s.start, s.end)}`);
      for (const { g, s } of pairs) {
        if (g.value !== s.value || g.type !== s.type || g.start !== s.start || g.end !== s.end)
          errors.push(`${d.id}\tDIFF\t${g.type}/${s.type}\t${g.value}/${s.value ?? ''}\t${g.text} / ${d.text.slice(s.start, s.end)}\tdct=${d.dct}`);
      }
    }
    out[name] = { counts, scores: scoreTimes(counts), seconds: ms / 1000, errors };
  }
  return out;
}

/** The folder exists and holds TimeML files. */
export function hasTimeBank(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).some((f) => f.endsWith('.tml'));
}

// ---------------------------------------------------------------- the `eval timebank` run

/** The checks on the seed articles: file prefix, phrase, expected value. */
const SEED_CHECKS: Array<{ file: string; find: string; expr: string; value: string }> = [
  { file: '000', find: 'last Friday', expr: 'last Friday', value: '2012-05-25' },
  { file: '000', find: 'assembly on Thursday', expr: 'Thursday', value: '2012-06-07' },
  { file: '', find: 'April 12', expr: 'April 12', value: '2012-04-12' },
  { file: '002', find: 'On Thursday', expr: 'Thursday', value: '2012-06-07' },
  { file: '004', find: '16 months ago', expr: '16 months ago', value: '2011-03' },
  { file: '000', find: '15 months ago', expr: '15 months ago', value: '2011-03' },
  { file: '000', find: 'this weekend', expr: 'this weekend', value: '2012-W22-WE' },
];

const fmt = (x: number) => x.toFixed(3);

/** Run the whole evaluation and return the printed report. */
export async function runTimebankEval(o: { dir: string; seeds?: string; published?: string; errors?: string }): Promise<string> {
  const { prepare } = await import('../analyze/doc.js');
  const { findTimes } = await import('../analyze/times.js');
  const { chronoTimes } = await import('./chrono-peer.js');
  const { writeFileSync } = await import('node:fs');
  const lines: string[] = [];
  if (!hasTimeBank(o.dir)) return `skipped: TimeBank not found at ${o.dir}\n`;
  const docs = readTimeBank(o.dir);
  const prepared = new Map<TimeMLDoc, ReturnType<typeof prepare>>();
  let prepMs = 0;
  for (const d of docs) {
    const t0 = performance.now();
    prepared.set(d, prepare({ id: d.id, text: d.text, published: d.dct?.slice(0, 10) }));
    prepMs += performance.now() - t0;
  }
  const byText = new Map(docs.map((d) => [d.text, d]));
  const res = evaluateTimeBank(docs, {
    dossier: (text, published) => findTimes(prepared.get(byText.get(text)!)!, published).times,
    'chrono-node': (text, published) => chronoTimes(text, published),
  });
  const gold = docs.reduce((n, d) => n + d.gold.length, 0);
  lines.push(`TimeBank: ${docs.length} documents, ${gold} gold TIMEX3 (DCT excluded) from ${o.dir}`);
  lines.push('');
  lines.push('system        strict P / R / F1      relaxed P / R / F1     type acc  value acc  type F1  value F1');
  for (const [name, r] of Object.entries(res)) {
    const s = r.scores;
    lines.push(
      `${name.padEnd(12)}  ${fmt(s.strict.p)} ${fmt(s.strict.r)} ${fmt(s.strict.f1)}    ${fmt(s.relaxed.p)} ${fmt(s.relaxed.r)} ${fmt(s.relaxed.f1)}    ${fmt(s.typeAccuracy)}     ${fmt(s.valueAccuracy)}      ${fmt(s.typeF1)}    ${fmt(s.valueF1)}`,
    );
  }
  lines.push('(targets: relaxed span F1 >= 0.88, value F1 >= 0.80; HeidelTime reports 0.776 value F1 on TempEval-3)');
  lines.push('');
  const secs = (name: string) => res[name]!.seconds;
  lines.push(
    `speed: prepare (tokens, POS, sentences) ${fmt(docs.length / (prepMs / 1000))} articles/s; ` +
      `findTimes ${fmt(docs.length / secs('dossier'))} articles/s; prepare + findTimes ${fmt(docs.length / (prepMs / 1000 + secs('dossier')))} articles/s; ` +
      `chrono-node alone ${fmt(docs.length / secs('chrono-node'))} articles/s`,
  );
  // The whole per-article analysis, to see what times cost next to the rest.
  const { analyzeDoc } = await import('../analyze/index.js');
  let fullMs = 0;
  for (const d of docs) {
    const t0 = performance.now();
    analyzeDoc(prepared.get(d)!);
    fullMs += performance.now() - t0;
  }
  const full = prepMs / 1000 + fullMs / 1000;
  const without = full - secs('dossier');
  lines.push(
    `speed: whole analysis (prepare + names, numbers, times, quotes) ${fmt(docs.length / full)} articles/s with times, ` +
      `${fmt(docs.length / without)} articles/s without (times take ${((100 * secs('dossier')) / full).toFixed(1)}% of it)`,
  );
  if (o.errors) {
    writeFileSync(o.errors, res['dossier']!.errors.join('\n') + '\n');
    lines.push(`errors written to ${o.errors}`);
  }
  lines.push('');
  lines.push(await seedChecks(o.seeds, o.published));
  return lines.join('\n') + '\n';
}

async function seedChecks(seeds: string | undefined, published: string | undefined): Promise<string> {
  if (!seeds || !existsSync(seeds)) return `seed checks skipped: seeds not found at ${seeds ?? '(none)'}`;
  const { readInputs } = await import('../read/index.js');
  const { prepare } = await import('../analyze/doc.js');
  const { findTimes } = await import('../analyze/times.js');
  const { articles } = await readInputs([seeds], published && existsSync(published) ? { meta: published } : {});
  const out = ['seed checks (../shared/seeds with seeds-published.tsv):'];
  let ok = 0;
  for (const c of SEED_CHECKS) {
    const a = articles.find((x) => basename(x.file ?? '').startsWith(c.file) && x.text.includes(c.find));
    if (!a) {
      out.push(`  MISSING  ${c.file} "${c.find}"`);
      continue;
    }
    const at = a.text.indexOf(c.find) + c.find.indexOf(c.expr);
    const { times } = findTimes(prepare(a), a.published);
    const t = times.find((x) => x.start < at + c.expr.length && at < x.end);
    const got = t ? `${t.type} "${t.text}" ${t.value ?? '(no value)'}` : '(not found)';
    const pass = t?.value === c.value;
    if (pass) ok++;
    out.push(`  ${pass ? 'ok  ' : 'FAIL'}  ${basename(a.file ?? '').slice(0, 3)} (${a.published}) "${c.find}" -> ${got}; expected ${c.value}`);
  }
  out.push(`  ${ok}/${SEED_CHECKS.length} seed checks pass`);
  let n = 0;
  let ms = 0;
  for (const a of articles) {
    const doc = prepare(a);
    const t0 = performance.now();
    findTimes(doc, a.published);
    ms += performance.now() - t0;
    n++;
  }
  out.push(`  seeds: findTimes ${fmt(n / (ms / 1000))} articles/s over ${n} articles`);
  return out.join('\n');
}
