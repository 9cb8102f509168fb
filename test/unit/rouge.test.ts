import { test } from 'node:test';
import assert from 'node:assert/strict';
import { porterStem } from '../../src/eval/porter.js';
import { limitedText, morphStem, prepareSummary, round5, rougeL, rougeN, rougeS, tokensOf } from '../../src/eval/rouge.js';

test('porter: the 1980 algorithm as in ROUGE-1.5.5 (not porter2)', () => {
  const cases: Array<[string, string]> = [
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['cats', 'cat'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['motoring', 'motor'],
    ['hopping', 'hop'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['generalization', 'gener'],
    ['electrical', 'electr'],
    ['adjustment', 'adjust'],
    ['replacement', 'replac'],
    ['controlling', 'control'],
    ['generously', 'gener'], // porter2 gives "generous"
    ['youth', 'youth'],
    ['yearly', 'yearli'],
  ];
  for (const [w, s] of cases) assert.equal(porterStem(w), s, w);
});

test('stemming uses WordNet exception base forms first, only for tokens longer than 3', () => {
  assert.equal(morphStem('children'), 'child');
  assert.equal(morphStem('went'), 'go');
  assert.deepEqual(tokensOf('The children went home'), ['the', 'child', 'go', 'home']);
  assert.deepEqual(tokensOf('was'), ['was']);
});

test('tokenisation: lower case, hyphens and punctuation split, only [a-z0-9] tokens', () => {
  assert.deepEqual(tokensOf("U.S.-led talks, 1998-99: Hun Sen's", false), ['u', 's', 'led', 'talks', '1998', '99', 'hun', 'sen', 's']);
});

test('the -l word cut works on raw whitespace words before tokenisation', () => {
  const text = 'one two three\nfour-five six\nseven eight';
  assert.equal(limitedText(text, { words: 4 }), 'one two three four - five');
  assert.equal(limitedText(text, { words: 3 }), 'one two three');
  assert.equal(limitedText(text, { words: 0 }), 'one two three four - five six seven eight');
});

test('ROUGE-N clips per model and sums over models (-f A)', () => {
  const peer = 'the cat sat on the mat\n';
  const m1 = 'the cat was on the mat\n';
  const m2 = 'a dog sat there\n';
  // unigrams: m1 hits the,cat,on,the,mat = 5 of 6; m2 hits sat = 1 of 4 -> R = 6/10, P = 6/12.
  const r1 = rougeN(peer, [m1, m2], 1, { stem: false });
  assert.deepEqual(r1, { recall: 0.6, precision: 0.5, f: round5((0.5 * 0.6) / (0.5 * 0.5 + 0.5 * 0.6)) });
  // bigrams: m1 hits "the cat","on the","the mat" = 3 of 5; m2: 0 of 3 -> R = 3/8; P = 3/10.
  const r2 = rougeN(peer, [m1, m2], 2, { stem: false });
  assert.equal(r2.recall, 0.375);
  assert.equal(r2.precision, 0.3);
});

test('scores are rounded like sprintf("%7.5f"), ties to even', () => {
  assert.equal(round5(1 / 64), 0.01562); // exactly 0.015625
  assert.equal(round5(3 / 64), 0.04688); // exactly 0.046875
  assert.equal(round5(2 / 3), 0.66667);
});

test('ROUGE-L and ROUGE-SU4 behave on identical and disjoint summaries', () => {
  const a = prepareSummary('police arrested the suspect on friday\n');
  const b = prepareSummary('markets rallied in asia\n');
  assert.equal(rougeL(a, [a]).recall, 1);
  assert.equal(rougeL(a, [b]).recall, 0);
  assert.equal(rougeS(a, [a]).recall, 1);
  assert.equal(rougeS(a, [b]).f, 0);
});
