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
  // Lead-ins (Head.leadWord) glued, hyphenated, after punctuation and after words that end them.
  'The end ofthis past week, earlythis year, mid-this month; for about 2 1/2-to-3 year, two- to three-year, more than twenty-one years.',
  'He said more than two years ago (about two years ago), in the fiscaltwo thousand, Thurs., the early May 5; said the 25th of May; said the week before.',
  'For the mid-1990s, around the end of the year, the current fiscal year; in recent years, for years, said a couple of months.',
  // Heads glued to letters (Head.apart) and to digits and punctuation.
  'Obama am 10am 10 AM 10a.m. family; the months, money, friends, Mondays, mons, Mon.s; a weekend, weekly.',
  'Mayfirst, earlyMay, thisSummer, nightly, tonight, midafternoon; two-day, 3-days-old, (days), [weeks], "years".',
  'Everyday, everyone, per cent, percent, reach; just now, unjust; nowadays, known; recently, recentness.',
  'Quarterly, the 2nd-quarter, a first-half, the 1990s, 1990\'s, nineties; 0800GMT, 0800 gmt, 17:33GMT, local times.',
];

/**
 * Texts made of time words, numbers and look-alikes joined by blanks, punctuation or nothing
 * (seeded, so a failure can be replayed): the heads meet letters, digits and punctuation on
 * both sides in ways the hand-written texts do not think of.
 */
function randomTexts(count: number, seed: number): string[] {
  const pieces = [
    'the', 'a', 'an', 'last', 'next', 'this', 'past', 'early', 'mid', 'each', 'every', 'per', 'of', 'to', 'or', 'more than',
    'two', 'twenty', 'one', 'a couple of', 'several', 'few', '1', '10', '15', '30', '2012', '1990', 'nineteen', 'two thousand',
    'day', 'days', 'Day', 'week', 'weekend', 'month', 'months', 'year', "year's", 'years', 'quarter', 'half', 'century', 'decade',
    'Monday', 'Mon.', 'mon', 'Fri', 'friend', 'today', 'yesterday', 'tonight', 'night', 'morning', 'noon', 'midnight',
    'May', 'March', 'Sept.', 'Jan', 'market', 'summer', 'fall', 'spring', 'Christmas', 'Eve', 'am', 'p.m.', 'pm', 'GMT',
    'local time', 'ago', 'later', 'before', 'after', 'earlier', 'now', 'recently', 'future', 'daily', 'ahead', 'fiscal',
    'year-ago', 'prior-year', '80s', "'90s", 'nineties', 'Obama', 'family', 'Sunday', 'holiday', 'Times',
  ];
  const glue = [' ', ' ', ' ', ' ', '', '-', '.', ',', "'", ':', '/', '(', ')', '  ', '\n', '\u00a0', 's '];
  let x = seed;
  const rand = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor((x / 2147483648) * n);
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let t = '';
    for (let w = 0, n = 5 + rand(25); w < n; w++) {
      const p = pieces[rand(pieces.length)]!;
      t += (rand(4) === 0 ? p.toUpperCase() : p) + glue[rand(glue.length)];
    }
    out.push(t);
  }
  return out;
}

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

test('times-scan: near heads and everywhere agree on random texts of time words and look-alikes', () => {
  let matched = 0;
  for (const text of randomTexts(400, 7)) {
    const searches = ruleSearches(rules, text);
    rules.forEach((rule, i) => {
      const want = allMatches(globalSearch(rule.re, text));
      matched += want.length;
      assert.deepEqual(allMatches(searches[i]!), want, `${rule.name} in ${JSON.stringify(text)}`);
    });
  }
  assert.ok(matched > 2000, `the texts exercise the rules (${matched} matches)`);
});

test('times-scan: every rule has a head and begins with a lookbehind (else it is searched everywhere)', () => {
  for (const rule of rules) {
    assert.ok(rule.head && rule.head.words.length > 0, rule.name);
    assert.ok(rule.re.source.startsWith('(?<![\\w'), rule.name);
  }
});
