import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/analyze/nlp.js';

const words = (text: string) => tokenize(text).tokens.map((t) => `${t.text}/${t.pos}`).join(' ');

test("a possessive is split the same way whatever was read before (wink-nlp's cache learns whole forms)", () => {
  const text = 'An aide to Quorvenko’s campaign spoke.';
  const first = words(text);
  assert.match(first, /Quorvenko\/PROPN ’s\/PART/);
  // wink keeps `Quorvenko’s,` whole before a comma, and from then on would keep it whole everywhere.
  assert.match(words('Every campaign except Quorvenko’s, the filings show.'), /Quorvenko\/PROPN ’s\/PART ,/);
  assert.equal(words(text), first);
});

test("'s after a pronoun or adverb is a verb, and offsets stay exact", () => {
  const text = "Here's the plan: it's late.";
  const { tokens } = tokenize(text);
  assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), tokens.map((t) => t.text));
  assert.ok(tokens.some((t) => t.text === "'s" && t.pos === 'AUX'));
});

test('a word wink-nlp cuts at a letter it does not know is one token again, with exact offsets', () => {
  const text = 'Mayor Dağlı met envoys in Łódź and İzmir; Dağlı’s plan failed. We cannot stay.';
  const toks = tokenize(text).tokens;
  assert.deepEqual(toks.map((t) => t.text).slice(0, 8), ['Mayor', 'Dağlı', 'met', 'envoys', 'in', 'Łódź', 'and', 'İzmir']);
  assert.ok(toks.some((t) => t.text === 'Dağlı' && t.pos === 'PROPN'));
  assert.ok(toks.some((t) => t.text === '’s'), 'the possessive is still its own token');
  // (wink's own ASCII splits stay: `cannot` is `can` + `not`.)
  assert.ok(toks.some((t) => t.text === 'can') && toks.some((t) => t.text === 'not'));
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
});
