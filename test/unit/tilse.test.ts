import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { porterStem } from '../../src/eval/porter.js';
import { rougeTokens, rougeCounts } from '../../src/eval/tilse-rouge.js';
import { linearSumAssignment } from '../../src/eval/tilse-assign.js';
import { evaluateTimeline, formatTilse, parseTilse, type TilseTimeline } from '../../src/eval/tilse.js';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps, `${a} vs ${b}`);

test('porter: ROUGE-1.5.5 Perl stems, including its -ement quirk', () => {
  const cases: Array<[string, string]> = [
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['relational', 'relat'],
    ['hopping', 'hop'],
    ['agreed', 'agre'],
    ['agreement', 'agreem'], // -ement removed only when m>1 of the rest; -ment/-ent not tried after
    ['statements', 'statem'],
    ['government', 'govern'],
    ['settlement', 'settlem'],
    ['yelling', 'yell'],
    ['generalization', 'gener'],
    ['controlling', 'control'],
    ['spilled', 'spill'],
    ['oil', 'oil'],
  ];
  for (const [w, s] of cases) assert.equal(porterStem(w), s, w);
});

test('rouge tokens: lower-case, hyphens split, stop words out, stems and irregular forms', () => {
  // `well` and `said` are SMART stop words
  assert.deepEqual(rougeTokens(['The well-head was capped , BP said .']), ['head', 'cap', 'bp']);
  assert.deepEqual(rougeTokens(['Children found it', 'on Friday']), ['child', 'find', 'fridai']);
  // text after `<` is cut (SEE format), a sentence starting with it is dropped
  assert.deepEqual(rougeTokens(['oil <b> spill', '<x> gone']), ['oil']);
});

test('rouge counts: n-grams cross sentence bounds; several references sum', () => {
  const c = rougeCounts(['oil spill', 'rig'], [['oil spill rig'], ['dog']], 2);
  // system bigrams: "oil spill", "spill rig" (crossing the sentence bound)
  assert.deepEqual(c, { h: 2, p: 4, m: 2 });
});

test('linear sum assignment: minimum cost, rectangular both ways', () => {
  assert.deepEqual(linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]), [[0, 1], [1, 0], [2, 2]]);
  assert.deepEqual(linearSumAssignment([[1, 9], [0, 5], [9, 0]]), [[1, 0], [2, 1]]);
});

test('tilse format round trip', () => {
  const text = '2010-01-02\nA b .\nC d .\n--------------------------------\n2010-01-01\nE .\n--------------------------------\n';
  const tl = parseTilse(text);
  assert.deepEqual([...tl.keys()], ['2010-01-02', '2010-01-01']);
  assert.equal(formatTilse(tl), '2010-01-01\nE .\n--------------------------------\n2010-01-02\nA b .\nC d .\n--------------------------------\n');
});

test('metrics on a hand-computed case', () => {
  const sys: TilseTimeline = new Map([['2010-01-01', ['the dog ran']]]);
  const ref: TilseTimeline = new Map([['2010-01-02', ['dog ran down']]]);
  const s = evaluateTimeline(sys, [ref]);
  assert.equal(s.date.f_score, 0);
  close(s.rouge.concat.rouge_1.f_score, 1);
  close(s.rouge.agreement.rouge_1.f_score, 0);
  // one day apart: weight 1/2 on the 2 unigram hits out of 2
  close(s.rouge.align_date_content_costs_many_to_one.rouge_1.precision, 0.5);
  close(s.rouge.align_date_content_costs_many_to_one.rouge_1.recall, 0.5);
  close(s.rouge.align_date_content_costs_many_to_one.rouge_2.f_score, 0.5);
});

// The published scorer's own numbers (../shared/data/tls-fixtures), when present.
const fixtures = process.env.TLS_FIXTURES ?? join(process.cwd(), '..', 'shared', 'data', 'tls-fixtures');
test('agrees with tilse on every tls-fixtures case to within 0.001', { skip: !existsSync(fixtures) && `skipped: ${fixtures} not found` }, () => {
  const cases = readdirSync(fixtures).filter((f) => f.endsWith('.expected.json'));
  assert.ok(cases.length > 0);
  let checked = 0;
  for (const f of cases) {
    const exp = JSON.parse(readFileSync(join(fixtures, f), 'utf8'));
    const sys = parseTilse(readFileSync(join(fixtures, exp.system_file), 'utf8'));
    const refs = (exp.reference_files as string[]).map((r) => parseTilse(readFileSync(join(fixtures, r), 'utf8')));
    const got = evaluateTimeline(sys, refs);
    for (const k of ['precision', 'recall', 'f_score'] as const) {
      close(got.date[k], exp.date[k], 0.001);
      checked++;
      for (const v of Object.keys(exp.perl_rouge155) as Array<keyof typeof got.rouge>) {
        for (const n of ['rouge_1', 'rouge_2'] as const) {
          close(got.rouge[v][n][k], exp.perl_rouge155[v][n][k], 0.001);
          checked++;
        }
      }
    }
  }
  assert.ok(checked >= 33 * cases.length);
});
