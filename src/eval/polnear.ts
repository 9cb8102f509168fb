/**
 * PolNeAR (political news attribution relations) reader and attribution metrics.
 *
 * Gold attributions come from brat standoff `.ann` files: `T` lines are Source / Cue /
 * Content spans (possibly discontinuous, `start end;start end`), `E` lines link them into an
 * Attribution (or Attribution-no-source) event. Offsets are string offsets into the `.txt`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quote, Span } from '../model/types.js';

/** One gold attribution: content pieces, cue pieces and source pieces (any may be empty). */
export interface GoldAttribution {
  content: Span[];
  cue: Span[];
  source: Span[];
}

/** One PolNeAR document: its text and the gold attributions of one annotator. */
export interface PolnearDoc {
  name: string;
  annotator: string;
  text: string;
  gold: GoldAttribution[];
}

function parseSpans(s: string): Span[] {
  const out: Span[] = [];
  for (const piece of s.split(';')) {
    const [a, b] = piece.trim().split(/\s+/).map(Number);
    if (Number.isFinite(a) && Number.isFinite(b)) out.push({ start: a!, end: b! });
  }
  return out;
}

/** Parse a brat `.ann` file into attributions (events whose type starts with `Attribution`). */
export function parseBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, Span[]>();
  const events: string[] = [];
  for (const line of ann.split(/\r?\n/)) {
    if (line.startsWith('T')) {
      const [id, info] = line.split('\t');
      if (!id || !info) continue;
      const sp = info.indexOf(' ');
      if (sp < 0) continue;
      spans.set(id, parseSpans(info.slice(sp + 1)));
    } else if (line.startsWith('E')) {
      const info = line.split('\t')[1];
      if (info) events.push(info);
    }
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const args = ev.trim().split(/\s+/);
    if (!args[0]?.startsWith('Attribution')) continue;
    const g: GoldAttribution = { content: [], cue: [], source: [] };
    for (const arg of args.slice(1)) {
      const [role, ref] = arg.split(':');
      const s = ref ? spans.get(ref) : undefined;
      if (!s) continue;
      if (role === 'Content') g.content.push(...s);
      else if (role === 'Cue') g.cue.push(...s);
      else if (role === 'Source') g.source.push(...s);
    }
    if (g.content.length > 0) out.push(g);
  }
  return out;
}

/**
 * Documents of a PolNeAR split (`<dir>/text/*.txt`, `<dir>/attributions/<name>_<annotator>.ann`).
 * Where a text has several annotators, the first `.ann` in name order is used.
 * Returns undefined when the folder is absent.
 */
export function readPolnear(dir: string): PolnearDoc[] | undefined {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) return undefined;
  const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const docs: PolnearDoc[] = [];
  for (const f of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = f.slice(0, -4);
    const ann = anns.find((a) => a.startsWith(name + '_') && !a.slice(name.length + 1, -4).includes('_'));
    if (!ann) continue;
    docs.push({
      name,
      annotator: ann.slice(name.length + 1, -4),
      text: readFileSync(join(textDir, f), 'utf8'),
      gold: parseBrat(readFileSync(join(annDir, ann), 'utf8')),
    });
  }
  return docs;
}

const QUOTE_CHARS = '"\u201c\u201d\u201e\u2018\u2019\'`\u00ab\u00bb';

/** A direct quote: the (trimmed) content begins or ends with a quote mark. */
export function isDirectText(s: string): boolean {
  const t = s.trim().replace(/[.,;:!?]+$/, '');
  return t.length > 0 && (QUOTE_CHARS.includes(t[0]!) || QUOTE_CHARS.includes(t[t.length - 1]!));
}

function total(spans: Span[]): number {
  return spans.reduce((n, s) => n + Math.max(0, s.end - s.start), 0);
}

function overlap(a: Span[], b: Span[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

/** Character pieces of a predicted quote's content (content plus its further parts). */
export function quotePieces(q: Quote): Span[] {
  const all = [q.content, ...(q.parts ?? [])].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * Content match: ours covers at least half of the gold content's characters and at least
 * half of ours lies within the gold content's extent (first to last character).
 */
export function contentMatches(gold: Span[], ours: Span[]): boolean {
  const g = total(gold);
  const o = total(ours);
  if (g === 0 || o === 0) return false;
  const extent = [{ start: Math.min(...gold.map((s) => s.start)), end: Math.max(...gold.map((s) => s.end)) }];
  return overlap(gold, ours) * 2 >= g && overlap(extent, ours) * 2 >= o;
}

/** Source match: our speaker mention overlaps the gold Source, or neither has a source. */
export function sourceMatches(gold: Span[], q: Quote): boolean {
  if (gold.length === 0) return !q.speaker;
  if (!q.speaker) return false;
  return overlap(gold, [q.speaker.span]) > 0;
}

/** Counts for precision / recall. */
export interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

/** Precision, recall and F1 of counts. */
export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/**
 * One-to-one matching of predictions to gold attributions (greedy by overlap, largest
 * first); `withSource` also requires the source to match. Returns the number of matches.
 */
export function matchCount(gold: GoldAttribution[], preds: Quote[], withSource: boolean): number {
  const pairs: Array<[number, number, number]> = [];
  const predPieces = preds.map(quotePieces);
  gold.forEach((g, gi) => {
    preds.forEach((q, pi) => {
      const ours = predPieces[pi]!;
      if (!contentMatches(g.content, ours)) return;
      if (withSource && !sourceMatches(g.source, q)) return;
      pairs.push([gi, pi, overlap(g.content, ours)]);
    });
  });
  pairs.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  let n = 0;
  for (const [gi, pi] of pairs) {
    if (usedG.has(gi) || usedP.has(pi)) continue;
    usedG.add(gi);
    usedP.add(pi);
    n++;
  }
  return n;
}

/** The metric rows the eval prints. */
export interface PolnearScores {
  docs: number;
  rows: Record<string, Counts>;
}

const ROWS = ['all content', 'all content+source', 'direct content', 'direct content+source', 'other content', 'other content+source'] as const;

/** Score predictions for many documents: all, direct and other attributions. */
export function scorePolnear(items: Array<{ text: string; gold: GoldAttribution[]; preds: Quote[] }>): PolnearScores {
  const rows: Record<string, Counts> = {};
  for (const r of ROWS) rows[r] = { tp: 0, pred: 0, gold: 0 };
  for (const { text, gold, preds } of items) {
    const gDirect = (g: GoldAttribution) => {
      const s = [...g.content].sort((a, b) => a.start - b.start);
      return isDirectText(text.slice(s[0]!.start, s[0]!.end)) || isDirectText(text.slice(s[s.length - 1]!.start, s[s.length - 1]!.end));
    };
    const pDirect = (q: Quote) => {
      const s = quotePieces(q);
      return isDirectText(text.slice(s[0]!.start, s[0]!.end)) || isDirectText(text.slice(s[s.length - 1]!.start, s[s.length - 1]!.end));
    };
    const groups: Array<[string, GoldAttribution[], Quote[]]> = [
      ['all', gold, preds],
      ['direct', gold.filter(gDirect), preds.filter(pDirect)],
      ['other', gold.filter((g) => !gDirect(g)), preds.filter((q) => !pDirect(q))],
    ];
    for (const [name, g, p] of groups) {
      for (const withSource of [false, true]) {
        const c = rows[`${name} content${withSource ? '+source' : ''}`]!;
        c.tp += matchCount(g, p, withSource);
        c.pred += p.length;
        c.gold += g.length;
      }
    }
  }
  return { docs: items.length, rows };
}

/** The scores as a fixed-width table. */
export function formatScores(s: PolnearScores): string {
  const lines = [`documents: ${s.docs}`, `${'metric'.padEnd(24)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp/pred/gold`];
  for (const [name, c] of Object.entries(s.rows)) {
    const { p, r, f } = prf(c);
    lines.push(`${name.padEnd(24)} ${p.toFixed(3).padStart(6)} ${r.toFixed(3).padStart(6)} ${f.toFixed(3).padStart(6)}   ${c.tp}/${c.pred}/${c.gold}`);
  }
  return lines.join('\n');
}

/** Our attributions for one PolNeAR text (the text is used as is, so gold offsets hold). */
export function predictPolnear(doc: PolnearDoc, find: (article: { id: string; text: string }) => Quote[]): Quote[] {
  return find({ id: doc.name, text: doc.text });
}

/** Run the PolNeAR evaluation: our attributions for every document, scored; plus timing. */
export function runPolnear(
  docs: PolnearDoc[],
  find: (article: { id: string; text: string }) => Quote[],
): { scores: PolnearScores; ms: number; items: Array<{ doc: PolnearDoc; preds: Quote[] }> } {
  const items: Array<{ doc: PolnearDoc; preds: Quote[] }> = [];
  let ms = 0;
  for (const doc of docs) {
    const t0 = performance.now();
    const preds = predictPolnear(doc, find);
    ms += performance.now() - t0;
    items.push({ doc, preds });
  }
  return { scores: scorePolnear(items.map(({ doc, preds }) => ({ text: doc.text, gold: doc.gold, preds }))), ms, items };
}

/** Tab-separated error lines (missed gold, wrong source, extra prediction) for inspection. */
export function polnearErrors(items: Array<{ doc: PolnearDoc; preds: Quote[] }>): string {
  const out = ['doc\ttype\tgold_source\tour_speaker\tcontent\tcontext'];
  const clip = (s: string, n = 200) => s.replace(/\s+/g, ' ').slice(0, n);
  for (const { doc, preds } of items) {
    const t = doc.text;
    const show = (sp: Span[]) => clip(sp.map((x) => t.slice(x.start, x.end)).join(' | '));
    // The words around every span involved, with the speaker spans marked [[…]].
    const context = (spans: Span[], marks: Span[]): string => {
      const from = Math.max(0, Math.min(...spans.map((x) => x.start)) - 60);
      const to = Math.min(t.length, Math.max(...spans.map((x) => x.end)) + 60);
      let s = '';
      let at = from;
      for (const m of [...marks].filter((x) => x.start >= from && x.end <= to).sort((a, b) => a.start - b.start)) {
        if (m.start < at) continue;
        s += t.slice(at, m.start) + '[[' + t.slice(m.start, m.end) + ']]';
        at = m.end;
      }
      return clip(s + t.slice(at, to), 600);
    };
    for (const g of doc.gold) {
      const m = preds.find((p) => contentMatches(g.content, quotePieces(p)));
      if (m && sourceMatches(g.source, m)) continue;
      const ours = m?.speaker ? t.slice(m.speaker.span.start, m.speaker.span.end) : '';
      const spans = [...g.content, ...g.source, ...(m?.speaker ? [m.speaker.span] : [])];
      const direct = g.content.some((x) => isDirectText(t.slice(x.start, x.end)));
      out.push([doc.name, (m ? 'source' : 'missed') + (direct ? '-direct' : ''), show(g.source), ours, show(g.content), context(spans, [...g.source, ...(m?.speaker ? [m.speaker.span] : [])])].join('\t'));
    }
    for (const p of preds) {
      if (doc.gold.some((g) => contentMatches(g.content, quotePieces(p)))) continue;
      const ours = p.speaker ? t.slice(p.speaker.span.start, p.speaker.span.end) : '';
      const spans = [...quotePieces(p), ...(p.speaker ? [p.speaker.span] : [])];
      out.push([doc.name, `extra-${p.kind}`, '', ours, show(quotePieces(p)), context(spans, p.speaker ? [p.speaker.span] : [])].join('\t'));
    }
  }
  return out.join('\n') + '\n';
}

/**
 * The issue's checks on the seed articles (Syria, 2012): each quoted passage of the seeds
 * with the speaker a reader gives it. Evaluation data, not used by the product.
 */
export const SEED_QUOTES: Array<[file: string, startsWith: string, speaker: string]> = [
  ['000', 'Mr. Annan is a very experienced', 'Vladimir Putin'],
  ['000', "Sanctions don't always work", 'Vladimir Putin'],
  ['000', 'If there are other options on the table', 'Kofi Annan'],
  ['000', 'No solution to this crisis is possible', 'Francois Hollande'],
  ['000', 'I believe that more sanctions', 'Francois Hollande'],
  ['000', 'move quickly to end all acts of violence', 'Nabil Elaraby'],
  ['000', 'How many peaceful civilians', 'Vladimir Putin'],
  ['000', 'We are not for Assad', 'Vladimir Putin'],
  ['000', 'We want to reach a situation', 'Vladimir Putin'],
  ['000', 'As for supplying weapons', 'Vladimir Putin'],
  ['000', 'They stopped, as usual', 'Hamza Al-Buweida'],
  ['000', 'They took money off the men', 'Hamza Al-Buweida'],
  ['001', 'No solution to this crisis is possible', 'Francois Hollande'],
  ['001', 'I believe that more sanctions', 'Francois Hollande'],
  ['001', 'Has it become more safe there', 'Vladimir Putin'],
  ['001', 'We are not for Assad', 'Vladimir Putin'],
  ['001', "sanctions don't always work", 'Vladimir Putin'],
  ['001', 'How many peaceful civilians', 'Vladimir Putin'],
  ['001', 'They promised us they would not expand NATO', 'Vladimir Putin'],
  ['003', 'We believe that a review now', 'Gennady Gatilov'],
  ['003', 'It is essential to give the plan', 'Gennady Gatilov'],
  ['003', 'And it is also important for all the outside players', 'Gennady Gatilov'],
  ['003', 'We have always said that we are categorically', 'Gennady Gatilov'],
  ['003', 'Prehaps we need to reassess', 'Gennady Gatilov'],
  ['003', 'I do not exclude', 'Gennady Gatilov'],
  ['004', 'From the very beginning', 'Vladimir Putin'],
  ['004', 'We all know you as an honest', 'Vladimir Putin'],
  ['004', "when I don't have such heavy responsibilities", 'Kofi Annan'],
];

/** Articles of the seed check: file name, text and our attributions. */
export interface SeedArticle {
  file: string;
  text: string;
  quotes: Quote[];
}

/** Run the seed checks: every listed quote found, with the right speaker. */
export function checkSeedQuotes(articles: SeedArticle[]): { lines: string[]; found: number; right: number; total: number } {
  const lines: string[] = [];
  let found = 0;
  let right = 0;
  for (const [file, prefix, speaker] of SEED_QUOTES) {
    const a = articles.find((x) => x.file.split(/[\\/]/).pop()!.startsWith(file));
    if (!a) {
      lines.push(`  missing article ${file}`);
      continue;
    }
    const at = a.text.indexOf(prefix);
    // The innermost attribution holding the words speaks them (`X urged "…", according to a letter`).
    const holding = at < 0 ? [] : a.quotes.filter((x) => [x.content, ...(x.parts ?? [])].some((p) => p.start <= at && p.end >= at + prefix.length));
    const size = (x: Quote) => quotePieces(x).reduce((n, p) => n + p.end - p.start, 0);
    const q = holding.sort((x, y) => size(x) - size(y))[0];
    const who = q?.speaker?.canonical ?? '';
    if (q) found++;
    if (q && who === speaker) right++;
    lines.push(`  ${q ? (who === speaker ? 'ok   ' : 'WRONG') : 'MISS '} ${file} "${prefix}…" → ${q ? who || '(no speaker)' : 'not found'}${q && who !== speaker ? ` (expected ${speaker})` : ''}`);
  }
  return { lines, found, right, total: SEED_QUOTES.length };
}
