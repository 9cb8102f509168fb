/**
 * Where to run the time rules' expressions. Running each rule's expression over the whole
 * text was most of the cost of findTimes; instead one scan finds the words in which a rule's
 * head (a word it cannot match without, see `Rule.head`) occurs, and the rule's expression is
 * tried, anchored, only at the word starts shortly before such words. The matches are the
 * same as a global search's: every place a match can start is tried, in text order.
 */
import type { Rule } from './times-rules.js';
import { isSpaceCode } from './chars.js';

/** A word (a run of non-blank characters) containing the heads of some rules. */
interface HotWord {
  start: number;
  end: number;
}

/** One rule's search in one text: the first match at or after `from`, as `re.exec` with lastIndex = from would find it. */
export type RuleSearch = (from: number) => RegExpExecArray | null;

/** Per rule: the rule's expression anchored (sticky). */
interface Compiled {
  rule: Rule;
  sticky: RegExp;
  /** Searched near its heads: it has a head and begins with the lookbehind canStart relies on. */
  nearHeads: boolean;
}

interface Scanner {
  rules: Rule[];
  each: Compiled[];
  heads: HeadAutomaton;
}

let compiled: Scanner | undefined;

function compile(rules: Rule[]): Scanner {
  if (compiled?.rules === rules) return compiled;
  const each = rules.map((rule) => ({
    rule,
    // The rules' own expressions are sticky already; compiling a copy costs about 0.4 ms each.
    sticky: rule.re.sticky ? rule.re : new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y'),
    nearHeads: rule.head !== undefined && rule.re.source.startsWith('(?<![\\w'),
  }));
  compiled = { rules, each, heads: headAutomaton(rules) };
  return compiled;
}

/** Searches for every rule in `text`, in rule order. */
export function ruleSearches(rules: Rule[], text: string): RuleSearch[] {
  const c = compile(rules);
  const hot = hotWords(c, text);
  return c.each.map((r, i) => (r.nearHeads ? nearHeads(r, text, hot[i]!, c.heads.classOf) : everywhere(r.rule.re, text)));
}

/** The plain global search, for a rule without a head (or without the lookbehind canStart needs). */
function everywhere(rule: RegExp, text: string): RuleSearch {
  const re = new RegExp(rule.source, 'g' + rule.flags.replace(/[gy]/g, ''));
  return (from) => {
    re.lastIndex = from;
    return re.exec(text);
  };
}

/**
 * The anchored search at the candidate starts before each of the rule's hot words, in text
 * order. A match containing a head in word w starts at most `lead` blank runs before w
 * (Rule.head), and in no word before one that cannot lie whole in its lead-in (Head.leadWord),
 * so every possible start lies in one of these windows; each start is tried at most once,
 * since `from` only grows between calls.
 */
function nearHeads(r: Compiled, text: string, words: HotWord[], classOf: Uint8Array): RuleSearch {
  const { lead, leadWord } = r.rule.head!;
  const re = r.sticky;
  let w = 0;
  let tried = 0;
  return (from) => {
    for (; w < words.length; w++) {
      const word = words[w]!;
      if (word.end <= from) continue;
      let p = Math.max(from, tried, leadStart(text, word.start, lead, leadWord, classOf));
      for (; p < word.end; p++) {
        if (!canStart(text, p)) continue;
        re.lastIndex = p;
        const m = re.exec(text);
        if (m) {
          tried = p + 1;
          return m;
        }
      }
      tried = word.end;
    }
    return null;
  };
}

/**
 * Whether a rule's match can start at `p`. Every rule's expression (each alternative of it)
 * begins with a lookbehind that rejects a word character before the match (`(?<![\w'-])`,
 * the year rule's `(?<![\w$£€.,/#-])`). What the match begins with varies (" fiscal year"
 * begins with a blank), so that is not checked.
 */
function canStart(text: string, p: number): boolean {
  return p === 0 || !isWordChar(text.charCodeAt(p - 1));
}

/** \w without the u flag: ASCII letters, digits and the underscore. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * The start of the word `n` blank runs before the word starting at `i`, or of the nearest
 * word before it that `leadWord` rejects: a match starting before that word would hold it whole.
 */
function leadStart(text: string, i: number, n: number, leadWord: RegExp | undefined, classOf: Uint8Array): number {
  for (let k = 0; k < n && i > 0; k++) {
    while (i > 0 && classOf[text.charCodeAt(i - 1)] === BLANK) i--;
    while (i > 0 && classOf[text.charCodeAt(i - 1)] !== BLANK) i--;
    if (leadWord && !isLeadWord(leadWord, text, i)) break;
  }
  return i;
}

/** Whether the word starting at `i` (a blank follows it) is whole what `leadWord` matches there. */
function isLeadWord(leadWord: RegExp, text: string, i: number): boolean {
  leadWord.lastIndex = i;
  return leadWord.test(text);
}

/** An ASCII letter (what Head.apart keeps away from a head). */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * All rules' head words in one Aho-Corasick automaton over lower-cased ASCII. Characters go
 * through `classOf` first (upper case as lower case, BLANK for what \s matches, 0 for every
 * other character no head holds), which keeps the transition table `next` (`classes` entries
 * a state) small; `classOf` covers every UTF-16 code unit, so the scan needs no other test
 * of a character. `out` holds the rules (a bit each) whose heads end in a state
 * unconditionally, plus the APART bit when heads kept apart from letters (Head.apart) end
 * there too; those are the entries `first[s]` .. `first[s + 1] - 1`: a head's length, the
 * rules it counts for when no letter comes right before it (`before`) and those for when
 * none touches it (`both`).
 */
interface HeadAutomaton {
  classOf: Uint8Array;
  classes: number;
  next: Uint16Array;
  out: Int32Array;
  first: Int32Array;
  length: Int32Array;
  before: Int32Array;
  both: Int32Array;
}

/** The class of the blanks in `HeadAutomaton.classOf` (outside the transition table). */
const BLANK = 255;

/** The bit of `HeadAutomaton.out` (above the rules' bits) that marks a state with heads kept apart from letters. */
const APART = 1 << 31;

function headAutomaton(rules: Rule[]): HeadAutomaton {
  if (rules.length > 31) throw new Error('times-scan: more than 31 rules; widen the rule masks');
  const classOf = new Uint8Array(0x10000);
  for (let c = 0; c < classOf.length; c++) if (isSpaceCode(c)) classOf[c] = BLANK;
  let classes = 1;
  for (const rule of rules) {
    for (const word of rule.head?.words ?? []) {
      for (const ch of word) {
        const c = ch.charCodeAt(0);
        if (c >= 128 || ch !== ch.toLowerCase() || isSpaceCode(c)) throw new Error(`times-scan: head "${word}" must be lower-case ASCII without blanks`);
        if (classOf[c] === 0) {
          if (classes === BLANK) throw new Error('times-scan: too many head characters for the class table');
          classOf[c] = classes++;
          if (c >= 97 && c <= 122) classOf[c - 32] = classOf[c]!;
        }
      }
    }
  }
  const children: Array<Map<number, number>> = [new Map()];
  const outs = [0];
  // Per state: the conditional heads ending there, by length: [before, both] rule masks.
  const conds: Array<Map<number, [number, number]>> = [new Map()];
  rules.forEach((rule, i) => {
    for (const word of rule.head?.words ?? []) {
      let s = 0;
      for (const ch of word) {
        const c = classOf[ch.charCodeAt(0)]!;
        let t = children[s]!.get(c);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          outs.push(0);
          conds.push(new Map());
          children[s]!.set(c, t);
        }
        s = t;
      }
      const apart = rule.head!.apart;
      if (!apart) outs[s]! |= 1 << i;
      else {
        const masks = conds[s]!.get(word.length) ?? [0, 0];
        masks[apart === 'before' ? 0 : 1] |= 1 << i;
        conds[s]!.set(word.length, masks);
      }
    }
  });
  if (children.length > 0xffff) throw new Error('times-scan: too many head states for the transition table');
  const next = new Uint16Array(children.length * classes);
  const out = Int32Array.from(outs);
  const fail = new Int32Array(children.length);
  // Breadth first, so a state's failure state is complete before the state itself.
  const queue: number[] = [];
  for (let c = 0; c < classes; c++) {
    const t = children[0]!.get(c);
    if (t !== undefined) {
      next[c] = t;
      queue.push(t);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    out[s]! |= out[fail[s]!]!;
    for (const [length, [b, w]] of conds[fail[s]!]!) {
      const masks = conds[s]!.get(length) ?? [0, 0];
      conds[s]!.set(length, [masks[0] | b, masks[1] | w]);
    }
    for (let c = 0; c < classes; c++) {
      const t = children[s]!.get(c);
      if (t === undefined) next[s * classes + c] = next[fail[s]! * classes + c]!;
      else {
        fail[t] = next[fail[s]! * classes + c]!;
        next[s * classes + c] = t;
        queue.push(t);
      }
    }
  }
  const first = new Int32Array(children.length + 1);
  const length: number[] = [];
  const before: number[] = [];
  const both: number[] = [];
  conds.forEach((byLength, s) => {
    first[s] = length.length;
    for (const [n, [b, w]] of byLength) {
      length.push(n);
      before.push(b);
      both.push(w);
    }
  });
  first[children.length] = length.length;
  for (let s = 0; s < children.length; s++) if (first[s] !== first[s + 1]) out[s]! |= APART;
  return { classOf, classes, next, out, first, length: Int32Array.from(length), before: Int32Array.from(before), both: Int32Array.from(both) };
}

/**
 * For each rule, the words of `text` holding one of its head words, in text order: one pass
 * of the automaton. Heads have no blanks, so each lies inside one word; letters are compared
 * in lower case, as the rules' i flag does (it maps no character beyond ASCII onto ASCII).
 */
function hotWords(c: Scanner, text: string): HotWord[][] {
  const out: HotWord[][] = c.rules.map(() => []);
  const { classOf, classes, next, out: found } = c.heads;
  const n = text.length;
  let state = 0;
  let start = 0;
  let rules = 0;
  // The end of the text ends the last word as a blank would: one place adds words (a second
  // call after the loop would have no type feedback when the loop is first optimised, and
  // the optimised loop would be left there on every text).
  for (let i = 0; i <= n; i++) {
    const k = i < n ? classOf[text.charCodeAt(i)]! : BLANK;
    if (k === BLANK) {
      if (rules !== 0) addWord(out, rules, start, i);
      rules = 0;
      state = 0;
      start = i + 1;
      continue;
    }
    state = next[state * classes + k]!;
    const o = found[state]!;
    if (o === 0) continue;
    rules |= o & ~APART;
    if ((o & APART) !== 0) rules |= apartRules(c.heads, state, text, i);
  }
  return out;
}

/** The word start..end, for each rule in the mask `rules`. */
function addWord(out: HotWord[][], rules: number, start: number, end: number): void {
  const word = { start, end };
  for (let m = rules; m !== 0; m &= m - 1) out[31 - Math.clz32(m & -m)]!.push(word);
}

/** The rules whose heads kept apart from letters (Head.apart) end at `i` in `state` with no letter where it matters. */
function apartRules(heads: HeadAutomaton, state: number, text: string, i: number): number {
  const { first, length, before, both } = heads;
  let rules = 0;
  for (let e = first[state]!, stop = first[state + 1]!; e < stop; e++) {
    const at = i - length[e]!;
    if (at >= 0 && isLetter(text.charCodeAt(at))) continue;
    rules |= before[e]!;
    if (i + 1 >= text.length || !isLetter(text.charCodeAt(i + 1))) rules |= both[e]!;
  }
  return rules;
}
