import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from '../../src/analyze/times-rules.js';
import { ruleSearches, type RuleSearch } from '../../src/analyze/times-scan.js';

// The longest lead-ins the rules' heads allow for (Rule.head), with odd blanks, and look-alikes.
const texts = [
  'It happened at 10 pm, at 7:15 p.m. EST Nov. 9, at noon Thursday and at 0800 GMT or 0800  local time, not 17:33.',
  'Early Friday evening, late mid afternoon, tonight and overnight; this morning, not the morning paper.',
  'On Friday, the early May 5, 1999 and the 25th of May 2012; in the first half of May; mid-May; earlyMay; March.',
  'This coming Friday, the previous Friday, Mondays, Sun. and the Sunday Times; early the day before yesterday.',
  'The first half of this past week, the latter part of the previous month, the latest period, mid- this past year.',
  'More than a couple of years ago, some  two  weeks earlier, 3 days later, a day after the massacre.',
  'The comparable year-ago quarter, prior-year results, the year-earlier period.',
  'In the two thousand and one two thousand and one flat first fiscal quarter; third-quarter; the 1988 period.',
  'The second half of 1990, the first half of two thousand, the year two thousand, fiscal1989, nineteen ninety-six.',
  "The last half of the 1990s, the '80s, the nineties, the early 20th century, the twenty-first century.",
  'This past summer, the winter of 1994, the fall of Baghdad, last spring.',
  'Each of the past two to a couple of trading days, a two-year term, 8-month-old, 2 1/2 years, the next few years.',
  'A couple of years, several months ago, for years, recent months, the weeks ahead, daily, every other week, each July.',
  'Now, as soon as possible, the near future, at the moment, a later date; around the end of the year, fiscal year.',
  'Last Christmas, New Year\u2019s Eve, New  Year\'s Day 2010, Valentine\'s Day; the year before, that day, the following day.',
  'Line\u2028breaks\u00a0and\u2003blanks:\u00a0the\u00a0next\u00a0few\u00a0days,\nthe\n\nfirst\thalf\u3000of\u00a0May\u202f2012.',
  'Percent, today\'s holiday on Monday (yesterday), birthday, (years), "May 5", \'Sept. 11\', [2012].',
];

/** Every match start, stepping one character past each match start. */
function allMatches(search: RuleSearch): string[] {
  const out: string[] = [];
  for (let m = search(0); m; m = search(m.index + 1)) out.push(`${m.index}:${m[0]}:${m.slice(1).join('|')}`);
  return out;
}

function globalSearch(re: RegExp, text: string): RuleSearch {
  const g = new RegExp(re.source, 'g' + re.flags.replace(/[gy]/g, ''));
  return (from) => {
    g.lastIndex = from;
    return g.exec(text);
  };
}

test('times-scan: searching near head words finds what searching everywhere finds, for every rule', () => {
  let matched = 0;
  for (const text of texts) {
    const searches = ruleSearches(rules, text);
    rules.forEach((rule, i) => {
      const want = allMatches(globalSearch(rule.re, text));
      matched += want.length;
      assert.deepEqual(allMatches(searches[i]!), want, `${rule.name} in "${text}"`);
    });
  }
  assert.ok(matched > 150, `the cases exercise the rules (${matched} matches)`);
});

test('times-scan: every rule has a head and begins with a lookbehind (else it is searched everywhere)', () => {
  for (const rule of rules) {
    assert.ok(rule.head && rule.head.words.length > 0, rule.name);
    assert.ok(rule.re.source.startsWith('(?<![\\w'), rule.name);
  }
});
