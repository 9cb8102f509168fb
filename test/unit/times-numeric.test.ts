import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numericHits } from '../../src/analyze/times-numeric.js';
import { prepare } from '../../src/analyze/index.js';
import { findTimes } from '../../src/analyze/times.js';
import { fmtClock, fmtDay } from '../../src/analyze/times-calendar.js';

const none = () => false;
/** The hits of `text` as `[span text, value]`, with no spans taken by the rules unless `taken` names some. */
function read(text: string, taken: string[] = []): Array<[string, string]> {
  const spans = taken.map((t) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length }));
  const covered = (s: number, e: number) => spans.some((x) => s < x.end && x.start < e);
  return numericHits(text, covered, spans).map((h) => {
    const day = h.day ? fmtDay(h.day) : '';
    const time = h.hour === undefined ? '' : fmtClock(h.hour, h.minute!);
    return [text.slice(h.start, h.end), day + time];
  });
}

// [text, spans the rules took, expected [span, value] hits]
const cases: Array<[string, string[], Array<[string, string]>]> = [
  ['Filed on 2012-06-08 in Paris.', [], [['2012-06-08', '2012-06-08']]],
  ['Filed 2012-13-01 and 2012-02-30.', [], []],
  ['Born 6/1/2012, he', [], [['6/1/2012', '2012-06-01']]],
  ['Born 25/12/2010, he', [], [['25/12/2010', '2010-12-25']]],
  ['Seen on 9/17/16 and 3/4/99.', [], [['9/17/16', '2016-09-17'], ['3/4/99', '1999-03-04']]],
  ['Doors open at 15:30.', [], [['15:30', 'T15:30']]],
  ['It ended at 4:30 p.m. sharp.', [], [['4:30 p.m.', 'T16:30']]],
  ['It began at 12:15 am.', [], [['12:15 am', 'T00:15']]],
  ['She called at 9:45 at night.', [], [['9:45 at night', 'T21:45']]],
  ['On stage at 18:00 BST.', [], [['18:00 BST', 'T18:00']]],
  ['Aired 9:10 to 9:30 local time.', [], [['9:10 to 9:30 local time', 'T09:10']]],
  ['Verses 34:25 and 12:60 and 2/30/2012 are not times or dates.', [], []],
  ['12/45/2010 is no date.', [], []],
  // joined to a date or time the rules took: part of that expression
  ['They met Tuesday at 10:30.', ['Tuesday'], []],
  ['At 8:30 this morning he called.', ['this morning'], []],
  ['Posted 24 June 2010 09:58 UK', ['24 June 2010'], []],
  ['the launch at 3:36 \nFriday morning', ['Friday morning'], []],
  // not joined: other words between, or a date alone on its line
  ['18:00 UK time, Saturday, 25 April 2009', ['Saturday, 25 April 2009'], [['18:00', 'T18:00']]],
  ['-----\n2012-03-02\nA few days before the trial', ['A few days before'], [['2012-03-02', '2012-03-02']]],
];

for (const [text, taken, expected] of cases) {
  test(`numeric dates and times: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(read(text, taken), expected);
  });
}

test('numeric: a form inside a span the rules took is not read again', () => {
  const text = 'At 10:30 GMT the vote opened.';
  assert.deepEqual(numericHits(text, (s, e) => s < 12 && 3 < e, [{ start: 3, end: 12 }]), []);
  assert.equal(numericHits(text, none, []).length, 1);
});

test('numeric: hits come in text order, never overlap, and each starts at a digit of its form', () => {
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const pieces = ['10:30', '9:5', '2012-06-08', '6/1/2012', '31/31/2010', 'to', '-', 'p.m.', 'GMT', 'at night', ' ', ' ', '\n', 'Tuesday', '24:00', '7:45 am', '1/2'];
  for (let n = 0; n < 2000; n++) {
    let text = '';
    for (let k = 0; k < 1 + rnd(10); k++) text += pieces[rnd(pieces.length)] + (rnd(2) ? ' ' : '');
    const hits = numericHits(text, none, []);
    let last = -1;
    for (const h of hits) {
      assert.ok(h.start >= last && h.end > h.start, JSON.stringify(text));
      assert.match(text.slice(h.start, h.end), /^\d/);
      if (h.hour !== undefined) assert.ok(h.hour <= 24 && h.minute! < 60, JSON.stringify(text));
      last = h.end;
    }
  }
});

test('numeric times resolve against the publication date; numeric dates stand alone', () => {
  const text = 'The vote opened at 15:30 and the results came on 2012-06-08.';
  const got = findTimes(prepare({ id: 'n', text, published: '2012-06-01' }), '2012-06-01').times.map((t) => [t.text, t.type, t.value, t.anchor]);
  assert.deepEqual(got, [
    ['15:30', 'TIME', '2012-06-01T15:30', 'dct'],
    ['2012-06-08', 'DATE', '2012-06-08', 'absolute'],
  ]);
  const undated = findTimes(prepare({ id: 'u', text }), undefined).times.find((t) => t.text === '15:30');
  assert.equal(undated?.problem, 'time-unresolved');
});
