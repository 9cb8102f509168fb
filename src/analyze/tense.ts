/**
 * The tense that governs a stretch of a sentence, from wink-nlp's universal POS tags and
 * lemmas. Universal tags carry no tense, so a verb is past when its form differs from its
 * lemma without being a present or -ing form (`met`/meet, `said`/say, `was`/be), and future
 * when it follows a modal or a "to" that marks intention (`will`, `going to`, `likely to`).
 */
import type { Doc } from './doc.js';

export type Tense = 'past' | 'present' | 'future' | 'none';

const FUTURE_AUX = new Set(['will', "'ll", 'shall', 'wo']);
const PAST_AUX = new Set(['was', 'were', 'did', 'had', "'d"]);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'does', 'do', 'has', 'have', "'ve"]);
/** Words that, followed by `to` + verb, point to the future: "likely to address". */
const INTENT = new Set([
  'going', 'likely', 'expected', 'expects', 'expect', 'scheduled', 'set', 'due', 'poised', 'plans', 'plan', 'planning',
  'planned', 'intends', 'intend', 'intended', 'hopes', 'hope', 'hoped', 'aims', 'aim', 'ready', 'about', 'prepared',
  'agreed', 'promised', 'vowed', 'threatened', 'decided', 'wants', 'want', 'wanted',
]);

/** Participles that, after a present "is"/"are", schedule a future event: "is expected Monday". */
const SCHEDULED = new Set(['expected', 'scheduled', 'slated', 'set', 'due', 'planned', 'supposed']);

interface Marker {
  at: number;
  tense: Tense;
}

/** Tense markers of one sentence, as token positions. */
function markers(doc: Doc, from: number, to: number): Marker[] {
  const t = doc.tokens;
  const out: Marker[] = [];
  for (let i = from; i < to; i++) {
    const k = t[i]!;
    const n = k.normal;
    if (k.pos === 'AUX' || k.pos === 'VERB') {
      if (FUTURE_AUX.has(n) || (n === 'would' && k.pos === 'AUX')) {
        out.push({ at: i, tense: 'future' });
        continue;
      }
      if (k.pos === 'AUX') {
        // "has met", "have been": perfect = past event; "is expected to" is handled below.
        if (n === 'has' || n === 'have' || n === "'ve") {
          const nx = t[i + 1] ?? t[i + 2];
          if (nx && (nx.pos === 'VERB' || nx.pos === 'AUX') && nx.normal !== nx.lemma && !nx.normal.endsWith('ing')) {
            out.push({ at: i, tense: 'past' });
            continue;
          }
        }
        if (PAST_AUX.has(n)) out.push({ at: i, tense: 'past' });
        else if (PRESENT_AUX.has(n)) out.push({ at: i, tense: 'present' });
        continue;
      }
      // A VERB: only finite forms count; a participle after an auxiliary takes the auxiliary's tense.
      const prev = t[i - 1];
      const afterAux = prev && prev.pos === 'AUX' && i - 1 >= from;
      if (afterAux && SCHEDULED.has(n) && (prev.normal === 'is' || prev.normal === 'are' || prev.normal === "'re" || prev.normal === "'s")) {
        out.push({ at: i, tense: 'future' });
        continue;
      }
      const afterTo = prev && prev.normal === 'to';
      // After another verb it is a complement, not a finite verb: "will stay closed", "got married".
      const afterVerb = prev && prev.pos === 'VERB' && i - 1 >= from;
      if (afterAux || afterTo || afterVerb || n.endsWith('ing')) continue;
      if (n !== k.lemma && !(n === k.lemma + 's' || n === k.lemma + 'es' || n.endsWith('ies'))) {
        out.push({ at: i, tense: 'past' });
      } else if (n !== k.lemma) {
        out.push({ at: i, tense: 'present' });
      }
    }
    // "likely to address", "going to meet", "is to visit": the infinitive is the future event.
    if (n === 'to' && i + 1 < to && t[i + 1]!.pos === 'VERB') {
      const p = t[i - 1];
      if (p && (INTENT.has(p.normal) || (p.pos === 'AUX' && (p.normal === 'is' || p.normal === 'are')))) {
        // "was expected to", "had been due to": a future seen from the past is past for us.
        let past = false;
        for (let j = i - 2; j >= Math.max(from, i - 4); j--) if (PAST_AUX.has(t[j]!.normal) || t[j]!.normal === 'been') past = true;
        out.push({ at: i + 1, tense: past ? 'past' : 'future' });
      }
    }
  }
  return out;
}

const CLAUSE_END = /^[,;:()"\u201c\u201d\u2014\u2013-]$|^--$/;

const markerCache = new WeakMap<Doc, Map<string, Marker[]>>();

/** Markers of a token range, computed once per document and range (a sentence). */
function cachedMarkers(doc: Doc, from: number, to: number): Marker[] {
  let m = markerCache.get(doc);
  if (!m) markerCache.set(doc, (m = new Map()));
  const k = `${from}:${to}`;
  let v = m.get(k);
  if (!v) m.set(k, (v = markers(doc, from, to)));
  return v;
}

/** First token index at or after a character offset. */
export function tokenAt(doc: Doc, offset: number): number {
  const t = doc.tokens;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tense governing the character range `[start, end)`: the tense marker nearest to it in
 * its sentence (markers before the expression win ties), `none` when the sentence has none.
 */
export function tenseAt(doc: Doc, start: number, end: number): Tense {
  const a = tokenAt(doc, start);
  const b = Math.max(a + 1, tokenAt(doc, end));
  const si = doc.sentenceOf[a] ?? -1;
  let from: number;
  let to: number;
  if (si >= 0) {
    const s = doc.sentences[si]?.index === si ? doc.sentences[si] : doc.sentences.find((x) => x.index === si);
    from = s ? s.tokens[0] : a;
    to = s ? s.tokens[1] : b;
  } else {
    // Outside the story text (headline, caption): look at a small window.
    from = Math.max(0, a - 15);
    to = Math.min(doc.tokens.length, b + 15);
  }
  // Prefer the expression's own clause: between punctuation marks around it.
  const t = doc.tokens;
  let cf = a;
  while (cf > from && !CLAUSE_END.test(t[cf - 1]!.text)) cf--;
  let ct = b;
  while (ct < to && !CLAUSE_END.test(t[ct]!.text)) ct++;
  const all = cachedMarkers(doc, from, to);
  const inClause = all.filter((m) => m.at >= cf && m.at < ct);
  // Outside its own clause, the verb the expression hangs from comes before it: a trailing
  // ", the council said" only reports it. Look right only when nothing is on the left.
  const left = all.filter((m) => m.at < a);
  const pool = inClause.length > 0 ? inClause : left.length > 0 ? left : all;
  let best: Marker | undefined;
  let bestDist = Infinity;
  for (const m of pool) {
    if (m.at >= a && m.at < b) continue;
    const d = m.at < a ? a - m.at - 0.5 : m.at - b + 1;
    if (d < bestDist) {
      bestDist = d;
      best = m;
    }
  }
  return best?.tense ?? 'none';
}
