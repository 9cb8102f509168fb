/**
 * Conflicting statements: the same question answered differently by different actors.
 *
 * What is detected (precision over recall: fewer, right ones):
 *  - responsibility claims — who is to blame for an event. A statement is a sentence with a
 *    responsibility cue (`blamed X on Y`, `the work of Y`, `Y had a hand in X`, `put the
 *    responsibility for X on Y`; data file `compare-blame.tsv`), not negated, naming an event
 *    (`massacre`, `attack`, `spill`; `compare-event-nouns.txt`) and a blamed party that maps to
 *    a position (`the rebels` -> opposition, `pro-Assad militiamen` -> government, `both sides`;
 *    `compare-sides.tsv`) or holds a proper name (`BP`, `Transocean`);
 *  - the actor is the speaker of the quote around the cue, else the sentence's subject name
 *    (`Damascus blamed ...`, `The Russian Foreign Ministry backed ...`), else, for a sentence
 *    opening with `He`/`She`, the last person named before it;
 *  - the event is located by a specific place in its sentence (`the Houla massacre`), else by
 *    the last sentence of the article that names such an event with a place;
 *  - statements about one event form a topic; a topic is a conflict when at least two actors
 *    take different positions. One actor blaming several parties in one sentence (`government
 *    forces played a part ..., but the rebels were guilty of similar acts`) is `both sides`.
 * Pure: analysed articles in, conflicts out.
 */
import type { AnalyzedArticle, NameMention, Quote, Span } from '../model/types.js';
import { lexicon, readList } from '../lexicon/index.js';
import { compareList } from './compare-data.js';
import { broadPlaces } from './number-claims.js';

/** One actor's answer to the topic's question, in its exact words. */
export interface ConflictSide {
  actor: string;
  /** The position taken: `government`, `opposition`, `both sides`, or the blamed name. */
  position: string;
  /** The blamed party in the actor's words. */
  party: string;
  article: string;
  /** The sentence stating it. */
  span: Span;
  text: string;
  date?: string;
}

/** A question answered differently across sources. */
export interface Conflict {
  topic: string;
  kind: 'responsibility';
  sides: ConflictSide[];
}

interface Statement extends ConflictSide {
  event: string;
  place?: string;
  sentenceIndex: number;
  articleIndex: number;
}

interface Cue {
  phrase: string;
  mode: 'on' | 'after' | 'before';
  /** Needs no event noun in its sentence. */
  free: boolean;
  re: RegExp;
}

let cues: Cue[] | undefined;
let sides: Array<{ re: RegExp; position: string }> | undefined;
let eventNouns: Set<string> | undefined;

function load(): { cues: Cue[]; sides: Array<{ re: RegExp; position: string }>; eventNouns: Set<string> } {
  cues ??= compareList('compare-blame.tsv').map((l) => {
    const [phrase, mode, free] = l.split('\t') as [string, Cue['mode'], string | undefined];
    return { phrase, mode, free: free === 'free', re: new RegExp(`\\b${escape(phrase).replace(/ /g, '\\s+')}\\b`, 'gi') };
  });
  sides ??= compareList('compare-sides.tsv').map((l) => {
    const [phrase, position] = l.split('\t') as [string, string];
    return { re: new RegExp(`(?<![\\w-])${escape(phrase)}(?![\\w-])`, 'i'), position };
  });
  eventNouns ??= new Set(compareList('compare-event-nouns.txt'));
  return { cues, sides, eventNouns };
}

let anyRe: RegExp | undefined;
/** One regex for all cues: most sentences have none and are skipped with one test. */
function anyCue(): RegExp {
  return (anyRe ??= new RegExp(load().cues.map((c) => c.re.source).join('|'), 'i'));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NEGATION = /\b(?:not|never|no|denied|denies|deny|rejected|rejects|dismissed|refused)\b|n't\b/i;
const PARTY_STOP = /^(?:intent|who|whom|which|that|for|in|at|on|over|with|during|after|because|to|as|since|but|while|when|said|says|saying)$/i;

/** Positions that name a role (`the company`), not a side: a proper name in the phrase says more. */
const ROLES = new Set(['the company', 'the regulator', 'the weather']);

/** Positions a party phrase takes (`the Syrian army and pro-Assad militiamen` -> government). */
export function positionsOf(party: string, names: string[]): Set<string> {
  const { sides: table } = load();
  let rest = ` ${party} `;
  const out = new Set<string>();
  for (const s of table) {
    const m = s.re.exec(rest);
    if (!m) continue;
    out.add(s.position);
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  // A name is the position when it heads the phrase (`the rig operator Transocean`, `bad
  // decision-making by BP`) — before role words such as `operator` — not when it only qualifies it.
  const named = names.filter((n) => new RegExp(`${escape(n)}(?:['’]s)?\\W*$`).test(party.trim()));
  const sides = [...out].filter((x) => !ROLES.has(x));
  if (named.length && sides.length === 0) return new Set(named);
  if (out.has('government') && out.has('opposition')) return new Set(['both sides']);
  return out;
}

/** The blamed party after a cue: up to a clause boundary, at most 8 words. */
function partyAfter(s: string, from: number): { text: string; start: number } | undefined {
  const rest = s.slice(from);
  const words: string[] = [];
  let start = -1;
  for (const m of rest.matchAll(/[\w'’-]+|[,;.:]/g)) {
    const w = m[0];
    // `government troops trying to ...`: a participle starts a new clause
    if (words.length > 0 && (PARTY_STOP.test(w) || /^of$/i.test(w) || /^[a-z]+ing$/.test(w))) break;
    if (/^[,;.:]$/.test(w)) break;
    if (words.length === 0 && PARTY_STOP.test(w)) return undefined; // `assigning blame to ...`
    if (start < 0) start = from + m.index!;
    words.push(w);
    if (words.length >= 8) break;
  }
  return words.length ? { text: words.join(' '), start } : undefined;
}

/** The party before a cue: back to a clause boundary (`that`, `but`, a comma), at most 6 words. */
function partyBefore(s: string, to: number): { text: string; start: number } | undefined {
  const head = s.slice(0, to);
  const toks = [...head.matchAll(/[\w'’-]+|[,;:"“”]/g)];
  const words: string[] = [];
  let start = -1;
  for (let i = toks.length - 1; i >= 0; i--) {
    const w = toks[i]![0];
    // `the dam's owner, Brennholt Minerals, had been responsible`: step over the comma closing an appositive
    if (w === ',' && words.length === 0) continue;
    if (/^[,;:"“”]$/.test(w) || /^(?:that|but|and|saying|said|says|say|while|which|who|to|of|in|believed|believes|believe|thinks|thought|insisted|insists|argued|argues|claimed|claims|maintains|maintained|suggested|acknowledged|admitted|denied|noted|warned|repeated|added)$/i.test(w)) break;
    if (/^(?:had|has|have|was|were|is|are|been|be|at|least|also|all|even|only|partly|largely|mainly|solely|squarely|directly|primarily)$/i.test(w) && words.length === 0) continue;
    words.unshift(w);
    start = toks[i]!.index!;
    if (words.length >= 6) break;
  }
  return words.length ? { text: words.join(' '), start } : undefined;
}

/** The event a cue is about: the nearest event noun after (`on`/`before` cues) or before it. */
function eventNear(s: string, cueStart: number, cueEnd: number, mode: Cue['mode']): { noun: string; at: number } | undefined {
  const { eventNouns: ev } = load();
  const words = [...s.matchAll(/[A-Za-z]+/g)];
  const after = words.filter((m) => m.index! >= cueEnd && m.index! < cueEnd + 60 && ev.has(m[0].toLowerCase()));
  const before = words.filter((m) => m.index! < cueStart && ev.has(m[0].toLowerCase())).reverse();
  const order = mode === 'after' ? [...before, ...after] : [...after, ...before];
  const m = order[0];
  return m ? { noun: m[0].toLowerCase(), at: m.index! } : undefined;
}

function inSentence(n: Span, s: Span): boolean {
  return n.start >= s.start && n.end <= s.end;
}

/**
 * A specific place named with an event in a sentence: just before the event noun (`the Houla
 * massacre`) or after it with a locative (`massacre ... in the town of Houla`), not a capital
 * standing for its government (`Damascus blamed ...`).
 */
function eventPlace(a: AnalyzedArticle, sent: Span, names: NameMention[]): string | undefined {
  const { eventNouns: ev } = load();
  const places = names.filter((n) => (n.type === 'place' || n.type === 'other') && inSentence(n, sent) && !broadPlaces().has(n.canonical));
  if (places.length === 0) return undefined;
  const text = a.text.slice(sent.start, sent.end);
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    if (!ev.has(m[0].toLowerCase())) continue;
    const at = sent.start + m.index!;
    for (const p of places) {
      if (p.end <= at && /^\s*$/.test(a.text.slice(p.end, at))) return p.canonical;
      if (p.start > at && p.start - at < 90 && LOCATIVE.test(a.text.slice(Math.max(at, p.start - 30), p.start))) {
        const between = a.text.slice(at + m[0].length, p.start).toLowerCase();
        if (![...between.matchAll(/[a-z]+/g)].some((w) => ev.has(w[0]))) return p.canonical;
      }
    }
  }
  return undefined;
}

const LOCATIVE = /\b(?:in|at|near|outside|around)\s+(?:the\s+)?(?:[\w-]+\s+(?:of\s+)?){0,2}$/i;

/** Who makes the statement at `at` within sentence `si`. */
function actorOf(a: AnalyzedArticle, si: number, at: number, cueEnd: number, party: Span): string | undefined {
  const sent = a.sentences[si]!;
  const q = a.quotes.find((x: Quote) => x.speaker?.canonical && [x.content, ...(x.parts ?? [])].some((p) => p.start <= at && at <= p.end));
  if (q?.speaker && !/^(?:he|she|they|it)$/i.test(q.speaker.canonical)) return q.speaker.canonical.replace(/^(?:(?:yet|but|and|however|still|also)\s+)?(?:the\s+)?/i, '');
  const who = subjectOf(a, sent, at, party);
  // The actor must assert something between its name and the cue (`X said`, `X backed the
  // assertion`, `X blamed`): `The Oil Pollution Act requires ... the companies responsible for
  // the spill` states no one's position.
  if (!who || !ASSERT.test(a.text.slice(who.start, cueEnd))) return undefined;
  return who.actor;
}

const ASSERT = /\b(?:said|says|say|saying|told|tells|blamed|blames|blaming|accused|accuses|accusing|backed|backs|believes?|believed|insisted|insists|argued|argues|maintains?|maintained|put|puts|putting|pinned|pins?|laid|lays|stressed|acknowledged|concluded|concludes|found|finds|repeated|repeats|accepted|accepts?|conceded?|concedes|conceding|admitted|admits|claimed|claims|suggested|suggests|asserted|assertion|described|charged|alleged|alleges)\b/i;

/** The subject a statement's actor is taken from, with where it starts. */
function subjectOf(a: AnalyzedArticle, sent: Span, at: number, party: Span): { actor: string; start: number } | undefined {
  const one = (actor: string | undefined, start: number) => (actor ? { actor, start } : undefined);
  const names = a.names.filter((n) => inSentence(n, sent) && n.end <= at && !(n.start >= party.start && n.end <= party.end) && n.type !== 'other');
  const first = names[0];
  const lead = a.text.slice(sent.start, first ? first.start : at);
  // A subject pronoun before any name: the last person named before this sentence.
  if (/^\W*(?:(?:but|however|and)\W+)?(?:he|she)\b/i.test(lead)) {
    const prev = a.names.filter((n) => n.type === 'person' && n.end <= sent.start).pop();
    return one(prev?.canonical, sent.start);
  }
  if (!first) {
    // `The interior ministry blamed ...`, `The union blames both`: a subject phrase headed by a
    // speaker noun, right before the cue or its speech verb
    const subj = /^\W*(?:(?:but|however|and|meanwhile|yet|still|also)\W+)?((?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4})\s+$/i.exec(a.text.slice(sent.start, at));
    if (subj && !/^(?:he|she|they|it|this|that|there|we|i|neither|nor|no)\b/i.test(subj[1]!)) {
      const phrase = subj[1]!
        .replace(/^the\s+/i, '')
        .replace(/\s+(?:says|said|say|believes|believe|insists|argues|maintains|claims)$/i, '')
        .replace(/(?:\s+(?:have|has|had|also|again|already|long|now|on \w+))+$/i, '');
      const head = (phrase.split(/\s+/).pop() ?? '').toLowerCase();
      if (phrase && phrase.split(/\s+/).length <= 4 && (speakerNouns().has(head.replace(/s$/, '')) || speakerNouns().has(head))) return one(phrase, sent.start);
    }
    return undefined;
  }
  // The subject is the first name, and only if it opens the clause (`The Russian Foreign Ministry
  // on Friday backed ...`, `Russia's Foreign Ministry ...`), not an object further in.
  // (a few title words may come first: `Brennholt chief executive Henrik Solvang`)
  if (!/^\W*(?:(?:but|however|and|meanwhile|on \w+|in \w+)\W+)*(?:the\s+)?(?:[\w'’.-]+\s+){0,4}$/i.test(lead) || /[,;:]/.test(lead.replace(/^\W*(?:but|however),/i, ''))) return undefined;
  return one(joinPossessive(a, names, first), first.start);
}

/** `Russia` + `'s` + `Foreign Ministry` -> `Russia's Foreign Ministry`. */
function joinPossessive(a: AnalyzedArticle, names: NameMention[], first: NameMention): string {
  const i = names.indexOf(first);
  const next = names[i + 1];
  if (next && /^['’]s\s+$/.test(a.text.slice(first.end, next.start))) {
    // `Russia's Foreign Ministry` and `the Russian Foreign Ministry` are one actor
    const adj = demonymOf(first.canonical);
    return adj ? `${adj} ${next.canonical}` : `${first.text}'s ${next.canonical}`;
  }
  return first.canonical;
}

let speakers: Set<string> | undefined;
/** Common nouns that head a speaker phrase (lexicon `quote-speakers.txt` and a few more). */
function speakerNouns(): Set<string> {
  return (speakers ??= new Set([
    ...readList('quote-speakers.txt').map((l) => l.split('\t')[0]!.toLowerCase()),
    ...compareList('compare-actors.txt'),
  ]));
}

let demonyms: Map<string, string> | undefined;
function demonymOf(place: string): string | undefined {
  if (!demonyms) {
    demonyms = new Map();
    for (const [adj, p] of lexicon.demonyms) if (!demonyms.has(p)) demonyms.set(p, adj);
  }
  return demonyms.get(place);
}

/** Responsibility statements of one article. */
function statements(a: AnalyzedArticle, ai: number): Statement[] {
  const { cues: table } = load();
  const out: Statement[] = [];
  let lastPlace: string | undefined;
  let ni = 0;
  const any = anyCue();
  a.sentences.forEach((sent, si) => {
    const s = a.text.slice(sent.start, sent.end);
    const found: Array<{ party: string; positions: Set<string>; event: string; partyStart: number; cueStart: number; cueEnd: number }> = [];
    const taken: Array<[number, number]> = [];
    if (any.test(s)) for (const cue of table) {
      cue.re.lastIndex = 0;
      for (const m of s.matchAll(cue.re)) {
        const cs = m.index!;
        const ce = cs + m[0].length;
        if (taken.some(([x, y]) => cs < y && ce > x)) continue;
        // `has not joined other nations in blaming ...`: negated or denied claims are not positions
        if (/^\W*(?:neither|nor|no one|nobody)\b/i.test(s)) continue;
        const before = s.slice(Math.max(0, cs - 45), cs);
        if (NEGATION.test(before.split(/[,;]/).pop() ?? '')) continue;
        let party: { text: string; start: number } | undefined;
        let event: { noun: string; at: number } | undefined;
        let free = cue.free;
        if (cue.mode === 'on') {
          const form = /^\s+((?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+for\s+/i.exec(s.slice(ce, ce + 80));
          const on = /\bon\s+/i.exec(s.slice(ce, ce + 80));
          if (form && (!on || form.index + form[0].length <= on.index)) {
            // `blamed <party> for <event>`
            party = { text: form[1]!, start: ce + form[0].indexOf(form[1]!) };
            event = eventNear(s, cs, ce + form[0].length, 'on');
          } else if (on) {
            event = eventNear(s.slice(0, ce + on.index), cs, ce, 'on');
            party = partyAfter(s, ce + on.index + on[0].length);
          } else {
            // `The union blames both.`
            event = eventNear(s, cs, ce, 'on');
            party = partyAfter(s, ce);
            // only when the party closes the sentence: `blaming the police after a rape` is not it
            if (party && !/^\W*$/.test(s.slice(party.start + party.text.length))) continue;
            free = true;
          }
        } else if (cue.mode === 'after') {
          party = partyAfter(s, ce);
          event = eventNear(s, cs, ce, 'after');
        } else {
          party = partyBefore(s, cs);
          event = eventNear(s, cs, ce, 'before');
        }
        if (!party) continue;
        if (!free) {
          // `responsible for the spill`, not `responsible for the costs`; `accused X of the
          // killings`, not `accused X of trying to conceal ...`
          if (!event) continue;
          if (cue.mode === 'before' && !(event.at >= ce && event.at - ce <= 40)) continue;
          if (/^accus/i.test(cue.phrase)) {
            // `accused X of (carrying out) the massacre`, not `accused X of trying to hide data about the spill`
            const rest = s.slice(party.start + party.text.length);
            const m = /^\s*of\s+(?:(?:carrying out|committing|causing|orchestrating|perpetrating|staging)\s+)?(?:(?:the|a|an)\s+)?((?:[\w'’-]+\s*){1,3})/i.exec(rest);
            if (!m || !m[1]!.split(/\s+/).some((w) => load().eventNouns.has(w.toLowerCase()))) continue;
          }
        }
        // The event may be named in an earlier sentence (`... says the weather is to blame`).
        event ??= { noun: '', at: -1 };
        // `other parties besides BP`, `anyone but the army`: not a position on who is to blame
        if (/\b(?:other|others|besides|except|than|anyone|nobody|no one)\b/i.test(party.text)) continue;
        const pStart = sent.start + party.start;
        const names = a.names
          .filter((n) => n.start >= pStart && n.end <= pStart + party.text.length + 2 && (n.type === 'organization' || n.type === 'person'))
          .map((n) => n.canonical);
        const positions = positionsOf(party.text, names);
        if (positions.size === 0) continue;
        taken.push([cs, ce]);
        found.push({ party: party.text, positions, event: event.noun, partyStart: pStart, cueStart: sent.start + cs, cueEnd: sent.start + ce });
      }
    }
    // names of this sentence (names are in text order)
    const mine: NameMention[] = [];
    while (ni < a.names.length && a.names[ni]!.start < sent.start) ni++;
    for (let x = ni; x < a.names.length && a.names[x]!.start < sent.end; x++) mine.push(a.names[x]!);
    const here = mine.length ? eventPlace(a, sent, mine) : undefined;
    if (found.length) {
      const all = new Set(found.flatMap((f) => [...f.positions]));
      const position = all.has('both sides') || (all.has('government') && all.has('opposition')) ? 'both sides' : [...all].sort().join(' + ');
      const f0 = found.sort((x, y) => x.cueStart - y.cueStart)[0]!;
      const actor = actorOf(a, si, f0.cueStart, f0.cueEnd, { start: f0.partyStart, end: f0.partyStart + f0.party.length });
      if (actor) {
        const st: Statement = {
          actor,
          position,
          party: found.map((f) => f.party).join('; '),
          article: a.id,
          span: { start: sent.start, end: sent.end },
          text: s,
          event: f0.event,
          sentenceIndex: si,
          articleIndex: ai,
        };
        const place = here ?? lastPlace;
        if (place) st.place = place;
        if (a.published) st.date = a.published.slice(0, 10);
        out.push(st);
      }
    }
    if (here) lastPlace = here;
  });
  return out;
}

/** Every responsibility statement of the articles (actor, position, event, place when known). */
export function responsibilityStatements(articles: AnalyzedArticle[]): Array<ConflictSide & { event: string; place?: string }> {
  return articles.flatMap((a, i) => statements(a, i));
}

/** Conflicts across articles: topics where different actors take different positions. */
export function findConflicts(articles: AnalyzedArticle[]): Conflict[] {
  const all = articles.flatMap((a, i) => statements(a, i));
  // Statements are grouped by the place of their event. Statements whose event has no place
  // are taken to be about the story's main event — the articles compared are one story — but
  // only when no statement has a place: then the event of a placeless statement is unknown.
  const placed = all.filter((s) => s.place);
  const byTopic = new Map<string, Statement[]>();
  for (const st of placed.length ? placed : all) {
    const key = st.place ?? '';
    let l = byTopic.get(key);
    if (!l) byTopic.set(key, (l = []));
    l.push(st);
  }
  const out: Conflict[] = [];
  for (const [place, list] of byTopic) {
    const positions = new Set(list.map((s) => s.position));
    const actors = new Set(list.map((s) => s.actor));
    if (positions.size < 2 || actors.size < 2) continue;
    list.sort((x, y) => x.position.localeCompare(y.position) || (x.date ?? '9999').localeCompare(y.date ?? '9999') || x.articleIndex - y.articleIndex || x.sentenceIndex - y.sentenceIndex);
    const nouns = new Map<string, number>();
    for (const s of list) if (s.event && !['acts', 'killed', 'violence'].includes(s.event)) nouns.set(s.event, (nouns.get(s.event) ?? 0) + 1);
    const noun = [...nouns].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0]?.[0];
    const what = noun ? `the ${noun}${place ? ` in ${place}` : ''}` : place ? `what happened in ${place}` : 'what happened';
    out.push({
      topic: `Who is responsible for ${what}?`,
      kind: 'responsibility',
      sides: list.map((s) => {
        const side: ConflictSide = { actor: s.actor, position: s.position, party: s.party, article: s.article, span: s.span, text: s.text };
        if (s.date) side.date = s.date;
        return side;
      }),
    });
  }
  return out.sort((x, y) => y.sides.length - x.sides.length || x.topic.localeCompare(y.topic));
}
