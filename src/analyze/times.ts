/**
 * Temporal expressions: every date, time, duration and frequency in an article as a span
 * with a TimeML type and value, resolved against the publication date (the document
 * creation time) with the tense of the sentence. Our rules (times-rules.ts) find and resolve
 * most expressions; times-numeric.ts reads the numeric dates and clock times they leave
 * (2012-06-01, 6/1/2012, 15:30).
 */
import type { Problem, TimeMention } from '../model/types.js';
import { problem } from '../model/problems.js';
import type { Doc } from './doc.js';
import { tenseAt, tokenAt, type Tense } from './tense.js';
import { rules, type Resolution, type Rule, type RuleContext } from './times-rules.js';
import { numericHits, type NumericHit } from './times-numeric.js';
import { ruleSearches } from './times-scan.js';
import { fmtClock, fmtDay, parseDay, type Day } from './times-calendar.js';

interface Candidate {
  start: number;
  end: number;
  rule: Rule | 'numeric';
  order: number;
  m?: RegExpExecArray;
  /** The rule's answer in the candidate pass, when it stands for the final pass (see Context.readRef). */
  resolved?: Resolution;
  numeric?: NumericHit;
}

/** Temporal expressions of a document, normalised against `published` (YYYY-MM-DD). */
export function findTimes(doc: Doc, published?: string): { times: TimeMention[]; problems: Problem[] } {
  const text = doc.text;
  const dct = parseDay(published);
  const state: DocState = { doc, dct, tenses: new Map() };

  // 1. Every rule's matches that the rule accepts (checked without discourse context).
  const cands: Candidate[] = [];
  // Each search gives the matches a global exec would, without scanning the whole text.
  const searches = ruleSearches(rules, text);
  const needs = new Map<RegExp, boolean>();
  for (let order = 0; order < rules.length; order++) {
    const rule = rules[order]!;
    const search = searches[order]!;
    let m = search(0);
    if (!m || (rule.need && !needHolds(rule.need, m, text, needs))) continue;
    while (m) {
      const end = m.index + m[0].length;
      if (end === m.index) {
        m = search(m.index + 1);
        continue;
      }
      const ctx = new Context(state, m.index, end, undefined, undefined);
      const r = rule.make(m, ctx);
      if (!r) {
        m = search(m.index + 1);
        continue;
      }
      const cand: Candidate = { start: r.start ?? m.index, end: r.end ?? end, rule, order, m };
      if (!ctx.readRef) cand.resolved = r;
      cands.push(cand);
      m = search(end);
    }
  }

  // 2. Longest first, then rule order; no overlaps.
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const chosen: Candidate[] = [];
  const taken = (s: number, e: number) => chosen.some((c) => s < c.end && c.start < e);
  for (const c of cands) if (!taken(c.start, c.end)) chosen.push(c);

  // 3. The numeric dates and clock times the rules left; one written next to a date or time
  // they took is part of it (see times-numeric.ts).
  const datesAndTimes = chosen.filter((c) => typeof c.rule !== 'string' && c.rule.joinsNumeric !== false);
  for (const h of numericHits(text, taken, datesAndTimes)) {
    chosen.push({ start: h.start, end: h.end, rule: 'numeric', order: rules.length, numeric: h });
  }

  // Metadata prefixes and credits lines are not story text ("date 2012-06-08" is the dateline's job).
  const skip = [...(doc.article.meta ?? []), ...(doc.article.credits ?? [])];
  const kept = skip.length === 0 ? chosen : chosen.filter((c) => !skip.some((s) => c.start < s.end && s.start < c.end));

  // 4. Resolve in text order, so "a year earlier" can refer to the last date mentioned.
  kept.sort((a, b) => a.start - b.start);
  const times: TimeMention[] = [];
  let ref: string | undefined;
  let refSentence = -1;
  // The last quarter or half-year named: financial copy compares with it all article long.
  let periodRef: string | undefined;
  for (const c of kept) {
    let r: Resolution | null;
    if (c.rule === 'numeric') {
      r = resolveNumeric(c.numeric!, dct);
    } else if (c.resolved) {
      r = c.resolved;
    } else {
      const sentence = sentenceOf(doc, c.start);
      // A reference only carries over a few sentences.
      const live = ref !== undefined && (refSentence < 0 || sentence - refSentence <= 3) ? ref : undefined;
      r = c.rule.make(c.m!, new Context(state, c.m!.index, c.m!.index + c.m![0].length, live, periodRef));
    }
    if (!r) continue;
    const start = r.start ?? c.start;
    const end = r.end ?? c.end;
    const t: TimeMention = { start, end, text: text.slice(start, end), type: r.type, anchor: r.anchor };
    if (r.value !== undefined) t.value = r.value;
    if (r.unresolved) t.problem = 'time-unresolved';
    times.push(t);
    if (t.value && !r.derived && (t.type === 'DATE' || t.type === 'TIME') && /^\d{4}/.test(t.value)) {
      ref = t.value.replace(/T.*$/, '');
      refSentence = sentenceOf(doc, start);
      if (/^\d{4}-[QH]\d$/.test(t.value)) periodRef = t.value;
    }
  }

  const problems: Problem[] = [];
  const unresolved = times.filter((t) => t.problem);
  if (unresolved.length > 0) {
    const list = unresolved.slice(0, 5).map((t) => `"${t.text}"`).join(', ');
    problems.push(
      problem('time-unresolved', doc.article.file, `${unresolved.length} expression${unresolved.length > 1 ? 's' : ''}: ${list}${unresolved.length > 5 ? ', …' : ''}`, {
        offset: unresolved[0]!.start,
      }),
    );
  }
  return { times, problems };
}

/** What findTimes knows of a document while resolving its expressions. */
interface DocState {
  doc: Doc;
  dct: Day | undefined;
  /** Tense by expression span (start * (text length + 1) + end); rules ask for it repeatedly. */
  tenses: Map<number, Tense>;
}

/** A rule's view of one expression (a class, not a literal with closures: it is made per match). */
class Context implements RuleContext {
  /**
   * Whether the rule read the references. Nothing else a rule sees changes between the
   * candidate pass and the final pass, so an answer given without them stands.
   */
  readRef = false;

  constructor(
    private readonly state: DocState,
    readonly start: number,
    readonly end: number,
    private readonly lastRef: string | undefined,
    private readonly lastPeriod: string | undefined,
  ) {}

  get ref(): string | undefined {
    this.readRef = true;
    return this.lastRef;
  }

  get periodRef(): string | undefined {
    this.readRef = true;
    return this.lastPeriod;
  }

  get text(): string {
    return this.state.doc.text;
  }

  get dct(): Day | undefined {
    return this.state.dct;
  }

  tense(): Tense {
    const { doc, tenses } = this.state;
    const k = this.start * (doc.text.length + 1) + this.end;
    let t = tenses.get(k);
    if (t === undefined) tenses.set(k, (t = tenseAt(doc, this.start, this.end)));
    return t;
  }

  posAfter(): string | undefined {
    const doc = this.state.doc;
    return doc.tokens[tokenAt(doc, this.end)]?.pos;
  }
}

/** Whether a rule's `need` holds for the text; each one (rules share some) is run over the whole text at most once. */
function needHolds(need: RegExp, m: RegExpExecArray, text: string, known: Map<RegExp, boolean>): boolean {
  // An expression without assertions that matches inside the match matches the text too.
  let local = LOCAL_NEEDS.get(need);
  if (local === undefined) LOCAL_NEEDS.set(need, (local = !ASSERTION.test(need.source)));
  if (local && need.test(m[0])) return true;
  let holds = known.get(need);
  if (holds === undefined) known.set(need, (holds = need.test(text)));
  return holds;
}

/** Anchors, word boundaries and lookarounds: what lets a match depend on the text around it. */
const ASSERTION = /\\[bB]|[\^$]|\(\?<?[=!]/;
/** Per `need`: whether it is free of assertions. */
const LOCAL_NEEDS = new WeakMap<RegExp, boolean>();

function sentenceOf(doc: Doc, offset: number): number {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.end <= offset) lo = mid + 1;
    else if (s[mid]!.start > offset) hi = mid - 1;
    else return s[mid]!.index;
  }
  return -1;
}

/** A numeric date or clock time as a TimeML type and value: a bare clock time falls on the publication day. */
function resolveNumeric(h: NumericHit, dct: Day | undefined): Resolution {
  if (h.hour === undefined) return { type: 'DATE', value: fmtDay(h.day!), anchor: 'absolute' };
  const day = h.day ?? dct;
  if (!day) return { type: 'TIME', anchor: 'none', unresolved: true };
  return { type: 'TIME', value: fmtDay(day) + fmtClock(h.hour, h.minute ?? 0), anchor: h.day ? 'absolute' : 'dct' };
}
