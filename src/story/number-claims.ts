/**
 * Numbers that disagree: figures about the same quantity grouped across articles, each with
 * its source, its own attribution (`the United Nations says`, `activists believe`), its hedge
 * and its date, ordered by date — so a reader sees whether figures conflict or simply grew.
 *
 * Method:
 *  - a number is a claim when we know what it counts: the head noun of its unit
 *    (`civilians`, `UN monitors`), or, without a unit, a counted noun or a death/injury verb
 *    just after it (`13,000 are feared to have died`); people counts also need an event word
 *    in the sentence (`killed`, `massacre`, `injured`, `displaced`), the nearest one deciding;
 *    rates (`each day`), vague words (`hundreds`) and measures (`months`, `km`) are not claims;
 *  - two claims may be about the same quantity when they count the same thing, come from
 *    different articles, are within a factor of 2, and do not name different specific places
 *    (places other than countries and major cities, e.g. Houla vs Hama);
 *  - claims are linked strongest first (same value, then close values with shared context)
 *    into groups where every pair is compatible and each article appears once: complete
 *    linkage, so a chain of small steps cannot join 10 and 40.
 * Pure: analysed articles in, groups out.
 */
import type { AnalyzedArticle, NameMention, NumberMention, Quote, Span } from '../model/types.js';
import { contentStems } from './similarity.js';
import { compareList, compareMap } from './compare-data.js';

/** One article's statement of a quantity. */
export interface NumberClaim {
  article: string;
  /** The number and what it counts, in the article's text. */
  span: Span;
  text: string;
  value: number;
  upper?: number;
  hedge?: string;
  /** Who the article says gives the figure (`United Nations`, `activists`). */
  attributedTo?: string;
  /** The article's publication date. */
  date?: string;
  /** The sentence the figure stands in. */
  sentence: Span;
  sentenceText: string;
}

/** How the figures of one quantity relate. */
export type NumberVerdict = 'agree' | 'grew over time' | 'differ';

/** Claims about one quantity across articles, ordered by date. */
export interface NumberGroup {
  /** What is counted: `people killed (Houla)`, `UN monitors`. */
  quantity: string;
  verdict: NumberVerdict;
  /** The figures given and how many articles give each, most given first: `11 ×93, 15 ×1`. */
  values: string;
  claims: NumberClaim[];
}

interface Candidate extends NumberClaim {
  key: string;
  label: string;
  places: Set<string>;
  /** The sentence speaks of a total (`death toll`, `confirmed dead`): two totals of one kind are one quantity. */
  total: boolean;
  setting: Set<string>;
  stems: Set<string>;
  order: number;
  articleIndex: number;
}

const VAGUE = /^(?:hundreds|thousands|dozens|scores|millions|billions|tens|several|many|few)$/i;
const RATE = /^[\s,]*(?:\w+\s+){0,2}?(?:each|every|per|a)\s+(?:day|week|month|year|hour)\b/i;
const SKIP_AFTER = new Set(['mostly', 'mainly', 'largely', 'predominantly', 'including', 'of', 'them', 'whom', 'more', 'other', 'people', 'are', 'were', 'have', 'had', 'been', 'feared', 'believed', 'reported', 'reportedly', 'thought', 'to', 'be', 'estimated', 'said', 'now']);

/** Lower-cased singular of an English noun (enough for unit heads). */
function singular(w: string, counted: Map<string, string>): string {
  const l = w.toLowerCase();
  if (counted.has(l)) return l;
  if (l.endsWith('ies') && counted.has(l.slice(0, -3) + 'y')) return l.slice(0, -3) + 'y';
  if (l.endsWith('es') && counted.has(l.slice(0, -2))) return l.slice(0, -2);
  if (l.endsWith('s') && counted.has(l.slice(0, -1))) return l.slice(0, -1);
  if (l.endsWith('ies')) return l.slice(0, -3) + 'y';
  if (l.endsWith('s') && !l.endsWith('ss')) return l.slice(0, -1);
  return l;
}

/** The nearest event word of a sentence to a position, if any. */
function nearestEvent(text: string, sentence: Span, at: Span, events: Map<string, string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const s = text.slice(sentence.start, sentence.end);
  for (const m of s.matchAll(/[A-Za-z]+/g)) {
    const ev = events.get(m[0].toLowerCase());
    if (!ev) continue;
    const pos = sentence.start + m.index!;
    const d = pos >= at.end ? pos - at.end : at.start - (pos + m[0].length);
    if (d < bestD) {
      bestD = Math.max(0, d);
      best = ev;
    }
  }
  return best;
}

/** What a number counts: the class key and a label, or undefined when it is not a claim. */
function counted(a: AnalyzedArticle, n: NumberMention, counts: Map<string, string>, events: Map<string, string>): { key: string; label: string; span: Span } | undefined {
  if (VAGUE.test(n.text.replace(/^.*\s/, ''))) return undefined;
  // `two leaders`, `one product`: counts this small are descriptions, not figures sources dispute
  if (n.value < 4 && n.upper === undefined) return undefined;
  // `64 of the 122 seats`: a part of a whole, not a count of its own
  if (/^\s+of\s+(?:the\s+|its\s+|their\s+)?[\d,.]+\b/.test(a.text.slice(n.end, n.end + 20))) return undefined;
  // `several dozen family members`: vague too
  if (/\b(?:several|many|few|some|scores of)\s+$/i.test(a.text.slice(Math.max(0, n.start - 12), n.start)) && /^(?:dozen|hundred|thousand)/i.test(n.text)) return undefined;
  const sentence = a.sentences[n.sentence];
  if (!sentence) return undefined;
  if (n.unit && /^(?:USD|EUR|GBP|JPY|percent)$/.test(n.unit)) return undefined; // money and shares need more context than a sentence gives
  // `STOXX Europe 600 Oil and Gas index`, `Group of 20 Nations`: a number inside a name
  if (n.unit && /^\p{Lu}/u.test(n.unit) && /\s\p{Lu}[\p{L}.]*\s+$/u.test(a.text.slice(Math.max(sentence.start, n.start - 30), n.start))) return undefined;
  let head: string | undefined;
  let end = n.unitSpan?.end ?? n.end;
  if (n.unit) head = singular(n.unit.split(/\s+/).pop()!, counts);
  const after = a.text.slice(end, sentence.end);
  if (RATE.test(after)) return undefined;
  // `the death toll rose to 12`, `puts the toll at 17`
  if (!head && /\b(?:toll|number of (?:people |those )?(?:dead|killed|deaths|victims|people killed))\b[^.;]{0,80}?\b(?:at|to|of|reached|hit|is|was)\s+(?:more than |at least |about |nearly |over )?$/i.test(a.text.slice(Math.max(sentence.start, n.start - 120), n.start))) head = 'people';
  if (!head) {
    // `more than 100 mostly civilians`, `13,000 are feared to have died`
    const ws = [...after.matchAll(/[A-Za-z]+/g)].slice(0, 6);
    for (const m of ws) {
      const w = m[0].toLowerCase();
      const c = counts.get(singular(w, counts));
      if (c === 'person') {
        head = singular(w, counts);
        end = end + m.index! + m[0].length;
        break;
      }
      if (events.get(w) === 'killed' || events.get(w) === 'injured') {
        head = 'people';
        break;
      }
      if (!SKIP_AFTER.has(w)) break;
    }
  }
  if (!head) return undefined;
  const cls = counts.get(head);
  if (cls === 'skip') return undefined;
  const span = { start: n.start, end };
  if (cls === 'person') {
    const ev = nearestEvent(a.text, sentence, span, events);
    if (!ev) return undefined;
    return { key: `person:${ev}`, label: `people ${ev}`, span };
  }
  if (/^\d/.test(head)) return undefined;
  return { key: `count:${head}`, label: n.unit ?? head, span };
}

const TOTAL = /\b(?:toll|confirmed dead|death count|number of (?:people|dead|deaths|victims) (?:killed|dead)?|in all|in total)\b/i;
const TIME_CLAUSE = /\b(?:after|before|since|when|following|as)\b/i;
const LOCATIVE = /\b(?:in|at|near|outside|around|across|from)\s+(?:the\s+)?(?:[\w-]+\s+(?:of\s+)?){0,2}$/i;

/** Who a sentence says gives the figure: the speaker of a quote around it, `according to X`, or `X says`. */
export function attribution(a: AnalyzedArticle, at: Span, sentence: Span): string | undefined {
  const inside = (q: Quote) => [q.content, ...(q.parts ?? [])].some((p) => p.start <= at.start && at.end <= p.end);
  // In reported speech a figure inside a time clause is background, not the speaker's claim:
  // `Annan said he was frustrated a week after a massacre of 108 people`.
  const background = (q: Quote) => q.kind !== 'direct' && TIME_CLAUSE.test(a.text.slice(q.content.start, at.start));
  const q = a.quotes.find((x) => x.speaker && x.speaker.canonical && inside(x) && !background(x));
  if (q?.speaker) return q.speaker.canonical;
  const s = a.text.slice(sentence.start, sentence.end);
  const rel = at.start - sentence.start;
  const acc = /\baccording to ((?:the )?[^,.;]{2,60}?)(?=[,.;]|$)/i.exec(s);
  if (acc) return tidy(acc[1]!);
  const verb = /\b(?:says|said|say|believe|believes|estimate|estimates|estimated|reported|reports|report|claims|claimed|claim|puts|put|counted|counts)\b/g;
  let best: string | undefined;
  let bestD = Infinity;
  for (const m of s.matchAll(verb)) {
    // Before the figure (`the UN says ... 10,000`), or closing the sentence (`..., activists said.`).
    const after = m.index! > rel;
    // (`..., the rescue service said, as rescuers dug ...` closes the clause too)
    if (after && !/^\s*(?:on \w+|in a statement|late \w+)?\s*(?:[.!]?\s*$|[.!]["\u201d]|,\s*(?:as|while|adding|but)\b)/.test(s.slice(m.index! + m[0].length))) continue;
    if (!after && TIME_CLAUSE.test(s.slice(m.index! + m[0].length, rel))) continue;
    const who = subjectBefore(a, sentence.start, sentence.start + m.index!);
    if (!who) continue;
    const d = after ? (m.index! - rel) * 1.5 : rel - m.index!;
    if (d < bestD) {
      bestD = d;
      best = who;
    }
  }
  return best;
}

const GROUP = /^(?:unions?|regulators?|inspectorate|activists?|officials?|police|witness(?:es)?|residents|rebels|monitors|doctors|medics|authorit(?:y|ies)|media|groups?|observers|organi[sz]ers|experts|scientists|analysts|rescuers|volunteers|estimates|ministry|agency|spokes(?:man|woman|person)|company|government|army|military|committee|council|office|department|service|sources|diplomats)$/i;

/**
 * The speaker right before a speech verb: a name ending there (`the United Nations says`,
 * `Marcia McNutt said`), or a group noun phrase (`activists believe`, `hospital officials said`).
 * Anything else (`An estimated ... said`, a heading in capitals) is not an attribution.
 */
function subjectBefore(a: AnalyzedArticle, sentStart: number, verbAt: number): string | undefined {
  const head = a.text.slice(sentStart, verbAt);
  // `Police earlier had reported`: step back over auxiliaries and adverbs to the subject
  const whole = head.split(/[,;:()"\u201c\u201d]|\bthat\b/).pop() ?? '';
  const clauseStart = verbAt - whole.length;
  const clause = whole.replace(/(?:\s+(?:had|has|have|earlier|also|initially|first|previously|later|now|again|on \w+))+\s*$/i, ' ');
  const subjEnd = clauseStart + clause.trimEnd().length;
  const name = a.names.filter((n) => n.start >= clauseStart && n.end <= subjEnd && n.type !== 'other' && /^[\s]*$/.test(a.text.slice(n.end, subjEnd))).pop();
  if (name) return name.canonical;
  const words = clause.trim().split(/\s+/).filter(Boolean);
  const last = words[words.length - 1];
  if (!last || !GROUP.test(last)) return undefined;
  const phrase: string[] = [last];
  for (let i = words.length - 2; i >= 0 && phrase.length < 3; i--) {
    const w = words[i]!;
    if (/^(?:the|a|an|some|many|other|and|but|while|as)$/i.test(w) || /^[A-Z]{4,}$/.test(w)) break;
    phrase.unshift(w);
  }
  return phrase.join(' ');
}

function tidy(s: string): string {
  return s.replace(/^(?:the|The)\s+/, '').trim();
}

let broad: Set<string> | undefined;
/** Countries, continents and regions (data file `compare-broad-places.txt`). */
export function broadPlaces(): Set<string> {
  return (broad ??= new Set(compareList('compare-broad-places.txt')));
}

/** Places a sentence locates something in (`in Houla`, `in the town of Houla`), specific and broad. */
function locatedPlaces(text: string, names: NameMention[], sentence: Span): { specific: Set<string>; broad: Set<string> } {
  const specific = new Set<string>();
  const broad = new Set<string>();
  for (const n of names) {
    if ((n.type !== 'place' && n.type !== 'other') || n.start < sentence.start || n.end > sentence.end || /['’]s$/.test(n.text)) continue;
    // where something happened, not a capital as actor (`calls for Moscow`)
    if (!LOCATIVE.test(text.slice(Math.max(sentence.start, n.start - 30), n.start))) continue;
    // countries and regions are the setting, not the event
    (broadPlaces().has(n.canonical) ? broad : specific).add(n.canonical);
  }
  return { specific, broad };
}

function where(p: { specific: Set<string>; broad: Set<string> }): { places: Set<string>; setting: Set<string> } {
  return { places: p.specific, setting: p.broad };
}

function mid(c: { value: number; upper?: number }): number {
  return c.upper !== undefined ? (c.value + c.upper) / 2 : c.value;
}

function ratio(x: Candidate, y: Candidate): number {
  const a = mid(x);
  const b = mid(y);
  if (a <= 0 || b <= 0) return a === b ? 1 : Infinity;
  return Math.max(a, b) / Math.min(a, b);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  const u = a.size + b.size - n;
  return u ? n / u : 0;
}

function disjoint(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return false;
  return true;
}

function compatible(x: Candidate, y: Candidate): boolean {
  if (x.key !== y.key) return false;
  // One article gives one figure for a quantity, unless it reports two sources' figures
  // (`the rescue service says 14 ... the union puts the toll at 17`).
  // ... and both speak of the same total (`confirmed dead`, `the toll`), give close figures
  // (a dispute, not another event: 14 vs 17 dead), or share context.
  if (x.article === y.article) {
    if (!(x.attributedTo && y.attributedTo && x.attributedTo !== y.attributedTo)) return false;
    if (!((x.total && y.total) || ratio(x, y) <= 1.25 || jaccard(x.stems, y.stems) >= 0.2 || (x.places.size > 0 && !disjoint(x.places, y.places)))) return false;
  }
  if (ratio(x, y) > 2) return false;
  if (x.places.size && y.places.size && disjoint(x.places, y.places)) return false;
  return true;
}

/** How strongly two compatible claims look like the same quantity; 0 = do not link. */
function linkScore(x: Candidate, y: Candidate): number {
  const same = mid(x) === mid(y);
  const r = ratio(x, y);
  const ctx = jaccard(x.stems, y.stems);
  const place = x.places.size > 0 && y.places.size > 0 && !disjoint(x.places, y.places);
  const big = Math.min(mid(x), mid(y)) >= 20;
  // Small counts (2, 3, 5 killed) recur across unrelated events: they need shared context.
  const evidence = place || ctx >= 0.2 || (big && (same || r <= 1.5)) || (x.total && y.total);
  if (!evidence) return 0;
  return (same ? 2 : 0) + (place ? 1 : 0) + ctx + (2 - r);
}

let generic: Set<string> | undefined;
/**
 * Context words of a claim's sentence: content stems without the words every casualty
 * sentence has (counted nouns, event words, `said`), so `two killed in a tram crash` and `two
 * killed in an avalanche` share no context.
 */
function contextStems(text: string, counts: Map<string, string>, events: Map<string, string>): Set<string> {
  generic ??= new Set(contentStems([...counts.keys(), ...events.keys(), 'said says say told reported according officials police killing killed'].join(' ')));
  return new Set(contentStems(text).filter((t) => !generic!.has(t)));
}

/** Extract the claims of every article. */
export function numberClaims(articles: AnalyzedArticle[]): Candidate[] {
  const counts = compareMap('compare-counted.tsv');
  const events = compareMap('compare-events.tsv');
  const out: Candidate[] = [];
  articles.forEach((a, ai) => {
    const seen = new Set<string>();
    for (const n of a.numbers) {
      const c = counted(a, n, counts, events);
      if (!c) continue;
      const sentence = a.sentences[n.sentence]!;
      const span = { start: n.start, end: c.span.end };
      const who = attribution(a, span, sentence);
      // one claim per value, quantity and source per article: repeats add nothing
      const dedupe = `${c.key}:${n.value}:${n.upper ?? ''}:${who ?? ''}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const sentenceText = a.text.slice(sentence.start, sentence.end);
      const claim: Candidate = {
        article: a.id,
        span,
        text: a.text.slice(span.start, span.end),
        value: n.value,
        sentence: { start: sentence.start, end: sentence.end },
        sentenceText,
        key: c.key,
        label: c.label,
        ...where(locatedPlaces(a.text, a.names, sentence)),
        stems: contextStems(sentenceText, counts, events),
        total: TOTAL.test(sentenceText),
        order: n.start,
        articleIndex: ai,
      };
      if (n.upper !== undefined) claim.upper = n.upper;
      if (n.hedge) claim.hedge = n.hedge;
      if (who) claim.attributedTo = who;
      if (a.published) claim.date = a.published.slice(0, 10);
      out.push(claim);
    }
  });
  return out;
}

/** Bounds a hedged figure allows. */
function bounds(c: NumberClaim): [number, number] {
  const v = c.value;
  if (c.upper !== undefined) return [v, c.upper];
  switch (c.hedge) {
    case 'more than':
    case 'at least':
    case 'over':
    case 'upwards of':
    case 'just over':
      return [v, Infinity];
    case 'less than':
    case 'fewer than':
    case 'at most':
    case 'up to':
    case 'under':
    case 'just under':
      return [0, v];
    case 'nearly':
    case 'almost':
    case 'close to':
      return [v * 0.85, v];
    case undefined:
      return [v, v];
    default: // about, around, some, estimated, feared ...
      return [v * 0.85, v * 1.15];
  }
}

/** Whether figures agree (all bounds overlap), grew over time, or differ. */
export function numberVerdict(claims: NumberClaim[]): NumberVerdict {
  const bs = claims.map(bounds);
  const lo = Math.max(...bs.map((b) => b[0]));
  const hi = Math.min(...bs.map((b) => b[1]));
  if (lo <= hi) return 'agree';
  // Ordered by date: a later figure never below what an earlier one stated, and figures of
  // one day agreeing among themselves.
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const di = claims[i]!.date;
      const dj = claims[j]!.date;
      if (!di || !dj) return 'differ';
      const [loI, hiI] = bs[i]!;
      const [loJ, hiJ] = bs[j]!;
      if (di === dj) {
        if (Math.max(loI, loJ) > Math.min(hiI, hiJ)) return 'differ';
      } else if (hiJ < loI) return 'differ';
    }
  }
  return 'grew over time';
}

/** Group claims about the same quantity across articles (groups of two or more articles). */
export function groupNumbers(articles: AnalyzedArticle[]): NumberGroup[] {
  const cands = numberClaims(articles);
  const byKey = new Map<string, Candidate[]>();
  for (const c of cands) {
    let l = byKey.get(c.key);
    if (!l) byKey.set(c.key, (l = []));
    l.push(c);
  }
  const groups: Candidate[][] = [];
  for (const list of byKey.values()) {
    list.sort((x, y) => mid(x) - mid(y));
    const links: Array<[number, number, number]> = [];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && mid(list[j]!) <= 2 * mid(list[i]!) + 1e-9; j++) {
        if (!compatible(list[i]!, list[j]!)) continue;
        const s = linkScore(list[i]!, list[j]!);
        if (s > 0) links.push([s, i, j]);
      }
    }
    links.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
    const groupOf = list.map((_, i) => i);
    const members = new Map<number, number[]>(list.map((_, i) => [i, [i]]));
    for (const [, i, j] of links) {
      const gi = groupOf[i]!;
      const gj = groupOf[j]!;
      if (gi === gj) continue;
      const A = members.get(gi)!;
      const B = members.get(gj)!;
      if (!A.every((x) => B.every((y) => compatible(list[x]!, list[y]!)))) continue;
      for (const y of B) groupOf[y] = gi;
      A.push(...B);
      members.delete(gj);
    }
    for (const m of members.values()) if (new Set(m.map((i) => list[i]!.article)).size >= 2) groups.push(m.map((i) => list[i]!));
  }
  const out = groups.map((g) => {
    g.sort((x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999') || x.articleIndex - y.articleIndex || x.order - y.order);
    const claims: NumberClaim[] = g.map(strip);
    return { quantity: quantityLabel(g), verdict: numberVerdict(claims), values: valueSummary(claims), claims };
  });
  // Most reported quantities first.
  return out.sort((x, y) => y.claims.length - x.claims.length || x.quantity.localeCompare(y.quantity) || x.claims[0]!.value - y.claims[0]!.value);
}

function valueSummary(claims: NumberClaim[]): string {
  const counts = new Map<string, { n: number; order: number }>();
  claims.forEach((c, i) => {
    const after = c.hedge !== undefined && /^(?:feared|believed|thought|reported|reportedly|suspected|presumed)$/.test(c.hedge);
    const k = `${c.hedge && !after ? c.hedge + ' ' : ''}${fmt(c.value)}${c.upper !== undefined ? `–${fmt(c.upper)}` : ''}${after ? ` (${c.hedge})` : ''}`;
    const e = counts.get(k);
    if (e) e.n++;
    else counts.set(k, { n: 1, order: i });
  });
  return [...counts].sort((x, y) => y[1].n - x[1].n || x[1].order - y[1].order).map(([k, e]) => `${k} ×${e.n}`).join(', ');
}

function fmt(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function quantityLabel(g: Candidate[]): string {
  const counts = new Map<string, number>();
  for (const c of g) for (const p of c.places) counts.set(p, (counts.get(p) ?? 0) + 1);
  if (counts.size === 0) for (const c of g) for (const p of c.setting) counts.set(p, (counts.get(p) ?? 0) + 1);
  const place = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const label = g[0]!.label;
  return place ? `${label} (${place})` : label;
}

function strip(c: Candidate): NumberClaim {
  const out: NumberClaim = { article: c.article, span: c.span, text: c.text, value: c.value, sentence: c.sentence, sentenceText: c.sentenceText };
  if (c.upper !== undefined) out.upper = c.upper;
  if (c.hedge) out.hedge = c.hedge;
  if (c.attributedTo) out.attributedTo = c.attributedTo;
  if (c.date) out.date = c.date;
  return out;
}
