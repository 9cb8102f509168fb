/**
 * Temporal expressions: every date, time, duration and frequency in an article as a span
 * with a TimeML type and value, resolved against the publication date (the document
 * creation time) with the tense of the sentence. Our rules (times-rules.ts) find and resolve
 * most expressions; chrono-node fills in what they do not cover (numeric dates, clock times).
 */
import type { Problem, TimeMention } from '../model/types.js';
import { problem } from '../model/problems.js';
import type { Doc } from './doc.js';
import { tenseAt, tokenAt, type Tense } from './tense.js';
import { rules, type Resolution, type Rule, type RuleContext } from './times-rules.js';
import { chronoHits, chronoValue } from './times-chrono.js';
import { ruleSearches } from './times-scan.js';
import { parseDay, type Day } from './times-calendar.js';

interface Candidate {
  start: number;
  end: number;
  rule: Rule | 'chrono';
  order: number;
  m?: RegExpExecArray;
  /** The rule's answer in the candidate pass, when it stands for the final pass (see Context.readRef). */
  resolved?: Resolution;
  chrono?: ReturnType<typeof chronoHits>[number];
}

/** chrono-node is trusted alone only for unambiguous written forms: 2012-06-01, 6/1/2012, 15:30. */
const CHRONO_FORMS = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{1,2}:\d{2}\b/;
/** The same, for finding every such form in a text (one object: a copy per text costs more than the search). */
const CHRONO_FORMS_ALL = new RegExp(CHRONO_FORMS.source, 'g');

const LEADING_PREP = /^(?:on|at|in|by|since|from|until|till|through|during|for|of|to|before|after|around)\s+/i;

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

  // 3. chrono-node fills gaps with what it is sure of: explicit numeric dates and clock times.
  for (const h of chronoWhereUseful(text, published, taken)) {
    if (!CHRONO_FORMS.test(h.text) || !(h.certain.day || h.certain.hour)) continue;
    const lead = LEADING_PREP.exec(h.text);
    const start = h.start + (lead ? lead[0].length : 0);
    if (taken(start, h.end)) continue;
    chosen.push({ start, end: h.end, rule: 'chrono', order: rules.length, chrono: h });
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
    if (c.rule === 'chrono') {
      r = resolveChrono(c.chrono!, dct);
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

/** chrono-node run only around the written forms we take from it (it is the slowest part). */
function chronoWhereUseful(
  text: string,
  published: string | undefined,
  covered: (start: number, end: number) => boolean,
): ReturnType<typeof chronoHits> {
  const out: ReturnType<typeof chronoHits> = [];
  const re = CHRONO_FORMS_ALL;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let done = 0;
  while ((m = re.exec(text))) {
    if (m.index < done || covered(m.index, m.index + m[0].length)) continue;
    const from = Math.max(done, m.index - 60);
    const to = Math.min(text.length, m.index + m[0].length + 60);
    for (const h of chronoHits(text.slice(from, to), published)) {
      out.push({ ...h, start: h.start + from, end: h.end + from });
    }
    done = to;
  }
  return out;
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

function resolveChrono(h: ReturnType<typeof chronoHits>[number], dct: Day | undefined): Resolution | null {
  const v = chronoValue(h);
  if (!h.certain.year && !dct) return { type: v.type, anchor: 'none', unresolved: true };
  return { type: v.type, value: v.value, anchor: h.certain.year ? 'absolute' : 'dct' };
}

