/**
 * Where to run the time rules' expressions. Running each rule's expression over the whole
 * text was most of the cost of findTimes; instead one scan finds the words in which a rule's
 * head (a word it cannot match without, see `Rule.head`) occurs, and the rule's expression is
 * tried, anchored, only at the word starts shortly before such words. The matches are the
 * same as a global search's: every place a match can start is tried, in text order.
 */
import type { Rule } from './times-rules.js';

/** A word (a run of non-blank characters) containing the heads of some rules. */
interface HotWord {
  start: number;
  end: number;
}

/** One rule's search in one text: the first match at or after `from`, as `re.exec` with lastIndex = from would find it. */
export type RuleSearch = (from: number) => RegExpExecArray | null;

/** Per rule: the rule's expression anchored (sticky) and global, compiled once. */
interface Compiled {
  rule: Rule;
  sticky: RegExp;
  global: RegExp;
}

interface Scanner {
  rules: Rule[];
  each: Compiled[];
  /** Any rule's head. */
  anyHead: RegExp;
  /** Word -> indices of the rules whose head occurs in it (news copy repeats its words). */
  headed: Map<string, number[]>;
}

let compiled: Scanner | undefined;

function compile(rules: Rule[]): Scanner {
  if (compiled?.rules === rules) return compiled;
  const each = rules.map((rule) => ({
    rule,
    sticky: new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y'),
    global: new RegExp(rule.re.source, rule.re.flags),
  }));
  const heads = rules.flatMap((r) => (r.head ? [`(?:${r.head.re.source})`] : []));
  // Heads are matched case-insensitively, as the rules are (all rules carry the i flag).
  compiled = { rules, each, anyHead: new RegExp(heads.join('|') || '(?!)', 'gi'), headed: new Map() };
  return compiled;
}

/** Searches for every rule in `text`, in rule order. */
export function ruleSearches(rules: Rule[], text: string): RuleSearch[] {
  const c = compile(rules);
  const hot = hotWords(c, text);
  return c.each.map((r, i) => (r.rule.head ? nearHeads(r, text, hot[i]!) : everywhere(r.global, text)));
}

/** The plain global search, for a rule without a head. */
function everywhere(re: RegExp, text: string): RuleSearch {
  return (from) => {
    re.lastIndex = from;
    return re.exec(text);
  };
}

/**
 * The anchored search at the candidate starts before each of the rule's hot words, in text
 * order. A match containing a head in word w starts at most `lead` blank runs before w
 * (Rule.head), so every possible start lies in one of these windows; each start is tried at
 * most once, since `from` only grows between calls.
 */
function nearHeads(r: Compiled, text: string, words: HotWord[]): RuleSearch {
  const lead = r.rule.head!.lead;
  const re = r.sticky;
  let w = 0;
  let tried = 0;
  return (from) => {
    for (; w < words.length; w++) {
      const word = words[w]!;
      if (word.end <= from) continue;
      let p = Math.max(from, tried, wordsBack(text, word.start, lead));
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
 * Whether a rule's match can start at `p`. Every rule's expression begins with a lookbehind
 * that rejects a word character before the match (`(?<![\w'-])`, the year rule's
 * `(?<![\w$£€.,/#-])`), and its first character is a letter, a digit or the apostrophe of
 * "'80s"; nothing else needs to be tried.
 */
function canStart(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (!(isWordChar(c) || c === 39)) return false;
  return p === 0 || !isWordChar(text.charCodeAt(p - 1));
}

/** \w without the u flag: ASCII letters, digits and the underscore. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Exactly the characters \s matches (ECMAScript WhiteSpace and LineTerminator). */
function isBlank(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The start of the word `n` blank runs before the word starting at `i`. */
function wordsBack(text: string, i: number, n: number): number {
  for (let k = 0; k < n && i > 0; k++) {
    while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
    while (i > 0 && !isBlank(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

/**
 * For each rule, the words of `text` in which its head occurs. One scan for any head finds
 * every word holding one (heads contain no blanks, so an occurrence the scan steps over lies
 * in a word it found); each such word is then tested against every rule's head.
 */
function hotWords(c: Scanner, text: string): HotWord[][] {
  const out: HotWord[][] = c.rules.map(() => []);
  const re = c.anyHead;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let start = m.index;
    let end = m.index + Math.max(1, m[0].length);
    while (start > 0 && !isBlank(text.charCodeAt(start - 1))) start--;
    while (end < text.length && !isBlank(text.charCodeAt(end))) end++;
    const word = { start, end };
    for (const i of rulesHeaded(c, text.slice(start, end))) out[i]!.push(word);
    re.lastIndex = end;
  }
  return out;
}

/** Indices of the rules whose head occurs in `word`. */
function rulesHeaded(c: Scanner, word: string): number[] {
  let found = c.headed.get(word);
  if (found) return found;
  found = [];
  for (let i = 0; i < c.rules.length; i++) if (c.rules[i]!.head?.re.test(word)) found.push(i);
  if (c.headed.size >= 50_000) c.headed.clear();
  c.headed.set(word, found);
  return found;
}
