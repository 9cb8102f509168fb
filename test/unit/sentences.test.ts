import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepare } from '../../src/analyze/index.js';
import type { Article } from '../../src/model/types.js';

const art = (text: string, extra: Partial<Article> = {}): Article => ({ id: 'x', text, ...extra });
const sents = (a: Article) => prepare(a).sentences.map((s) => a.text.slice(s.start, s.end));

const cases: Array<[string, string[]]> = [
  ['"Has it become more safe there?" he said. Then he left.', ['"Has it become more safe there?" he said.', 'Then he left.']],
  ['Gen. Smith met U.N. officials on Sept. 5. They talked.', ['Gen. Smith met U.N. officials on Sept. 5.', 'They talked.']],
  ['A headline without a stop\nThe story starts here. It goes on.', ['A headline without a stop', 'The story starts here.', 'It goes on.']],
  // TeX quotes (DUC): wink splits a closing '' in two; the halves are one token, in one sentence.
  ["He called it ``minor incidents.'' The ruling party also said so.", ["He called it ``minor incidents.''", 'The ruling party also said so.']],
  ["``Why?'' he asked. ``Now!'' They went.", ["``Why?'' he asked.", "``Now!''", 'They went.']],
  ["``They say, `Who knows it better?''' Gett said.", ["``They say, `Who knows it better?'''", 'Gett said.']],
  // Runs of stops end one sentence, with the closers after them.
  ['We won!!! Then it rained?! "Really?!" No.', ['We won!!!', 'Then it rained?!', '"Really?!"', 'No.']],
  ['It was (he said) over. (Or so they hoped.) Later, more.', ['It was (he said) over.', '(Or so they hoped.)', 'Later, more.']],
  // An abbreviation's period ends a sentence before a word that opens one, or before two spaces.
  ['He moved to the U.S. The move was hard. He met U.S. officials.', ['He moved to the U.S.', 'The move was hard.', 'He met U.S. officials.']],
  ['Funds reached 31.5 m.  Meanwhile, rescuers left.', ['Funds reached 31.5 m.', 'Meanwhile, rescuers left.']],
  // ... but never after an initial or a title, and not before a word-forming dash or a comma.
  ['It was wrong, said James P.  Rubin of the State Department. Sen. The Rock spoke.', ['It was wrong, said James P.  Rubin of the State Department.', 'Sen. The Rock spoke.']],
  ['A Livermore, Ca. -based lab said so. Rep. Don Beyer (D-Va.), a former governor, agreed.', ['A Livermore, Ca. -based lab said so.', 'Rep. Don Beyer (D-Va.), a former governor, agreed.']],
  // A period inside an abbreviation the tokenizer cut (`D-N` + `.` + `Y.`) ends nothing, but the
  // abbreviation can end the sentence.
  ['Rep. Nita Lowey, D-N.Y., who led the push, spoke. It passed, said Rep. Carolyn Maloney, D-N.Y. The House agreed.', ['Rep. Nita Lowey, D-N.Y., who led the push, spoke.', 'It passed, said Rep. Carolyn Maloney, D-N.Y.', 'The House agreed.']],
  // An abbreviation ends a sentence before a quote that opens one, not before scare quotes.
  ['He met Mr. "Buzz" Aldrin in the U.S. "We won," he said. The U.N. “peacekeepers” left.', ['He met Mr. "Buzz" Aldrin in the U.S.', '"We won," he said.', 'The U.N. “peacekeepers” left.']],
  // A TeX close standing apart before an opening `` stays with the sentence it closes.
  ["``It is over.'' ``Not yet,'' he said.", ["``It is over.''", "``Not yet,'' he said."]],
];

for (const [text, want] of cases) {
  test(`sentences: ${text.slice(0, 40)}`, () => assert.deepEqual(sents(art(text)), want));
}

test('sentences: excluded spans are not story text', () => {
  const text = 'BEIRUT - Annan spoke. (Writing by Jo Bloggs)';
  const a = art(text, { dateline: { start: 0, end: 8, place: 'BEIRUT' }, credits: [{ start: 22, end: text.length }] });
  assert.deepEqual(sents(a), ['Annan spoke.']);
});

test('sentences: offsets point at the exact source characters', () => {
  const a = art('One.\r\n\r\nTwo “quoted” words. Three.');
  for (const s of prepare(a).sentences) assert.equal(a.text.slice(s.start, s.end).trim(), a.text.slice(s.start, s.end));
  assert.deepEqual(sents(a), ['One.', 'Two “quoted” words.', 'Three.']);
});

test('sentences: a TeX quote is one token, at its exact offsets', () => {
  const a = art("He said ``no.''\nThe ``workers''' union left.");
  const doc = prepare(a);
  for (const t of doc.tokens) assert.equal(a.text.slice(t.start, t.end), t.text);
  assert.deepEqual(doc.tokens.filter((t) => /[`']/.test(t.text)).map((t) => t.text), ['``', "''", '``', "'", "''"]);
});
