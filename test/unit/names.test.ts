import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepare } from '../../src/analyze/index.js';
import { findNames } from '../../src/analyze/names.js';
import { findNumbers } from '../../src/analyze/numbers.js';

const names = (text: string) => findNames(prepare({ id: 'x', text })).map((n) => `${n.type}:${n.canonical}${n.title ? ` [${n.title}]` : ''}`);

const cases: Array<[string, string[]]> = [
  ['Russian President Vladimir Putin met envoy Kofi Annan. Putin said Mr. Annan was right.', ['person:Vladimir Putin [Russian President]', 'person:Kofi Annan [envoy]', 'person:Vladimir Putin', 'person:Kofi Annan [Mr.]']],
  ["Russia's Deputy Foreign Minister Gennady Gatilov spoke to Interfax.", ['place:Russia', 'person:Gennady Gatilov [Deputy Foreign Minister]', 'organization:Interfax']],
  ['UN High Commissioner for Human Rights Navi Pillay said it.', ['person:Navi Pillay [UN High Commissioner for Human Rights]']],
  ['President Bashar al-Assad must go, Assad critics said.', ['person:Bashar al-Assad [President]', 'person:Bashar al-Assad']],
  ['The U.N. Security Council met in New York.', ['organization:UN Security Council', 'place:New York']],
  ['Brennholt Minerals owns the dam. Brennholt said it was safe.', ['organization:Brennholt Minerals', 'organization:Brennholt Minerals']],
  ['German Chancellor Angela Merkel and French President Francois Hollande met.', ['person:Angela Merkel [German Chancellor]', 'person:Francois Hollande [French President]']],
  ['Rescuers crossed Mill Street near Tarn Valley.', ['place:Mill Street', 'place:Tarn Valley']],
  ['But Syrian rebels refused. Activists said so.', []],
  ['Opposition leader Sam Rainsy met Hun Sen. The talks failed.', ['person:Sam Rainsy [leader]', 'person:Hun Sen']],
  ['The Paris Peace Accords were signed in Phnom  Penh.', ['other:Paris Peace Accords', 'place:Phnom Penh']],
  ['A UN-backed court and a Hun Sen-friendly paper.', ['person:Hun Sen']],
  ['Citing threats, Sam Rainsy stayed in Bangkok on Sept. 7.', ['person:Sam Rainsy', 'place:Bangkok']],
  ['Senator Barack Obama knows NOTHING, and WHO said the US would NOT wait until 9 PM ET.', ['person:Barack Obama [Senator]', 'organization:WHO', 'place:United States']],
  ['Floods killed 30 people in Lorvik As the rain went on, the council met.', ['place:Lorvik']],
  ['The Tarn Valley Rescue Service (TVRS) sent dogs. TVRS said the mud was moving.', ['organization:Tarn Valley Rescue Service', 'organization:Tarn Valley Rescue Service', 'organization:Tarn Valley Rescue Service']],
];
for (const [text, want] of cases) test(`names: ${text}`, () => assert.deepEqual(names(text), want));

const nums = (text: string) => findNumbers(prepare({ id: 'x', text })).map((n) => [n.text, n.value, n.hedge ?? null, n.unit ?? null, n.upper ?? null]);
const numberCases: Array<[string, unknown[]]> = [
  ['A massacre of 108 people shocked the world.', [['108', 108, null, 'people', null]]],
  ['The UN says more than 10,000 people have died.', [['more than 10,000', 10000, 'more than', 'people', null]]],
  ['Fighting in which 13,000 are feared to have died.', [['13,000', 13000, 'feared', null, null]]],
  ['It sent 300 UN monitors and $4.5 billion in aid.', [['300', 300, null, 'UN monitors', null], ['$4.5 billion', 4.5e9, null, 'USD', null]]],
  ['Activists say 50 to 100 people have died each day.', [['50 to 100', 50, null, 'people', 100]]],
  ['The uprising began 15 months ago, on March 15, 2011.', [['15', 15, null, 'months', null]]],
  ['About 1 in 100 people who caught it died, and one in five needed care; 40 people in 12 towns fell ill.', [['40', 40, null, 'people', null], ['12', 12, null, 'towns', null]]],
];
for (const [text, want] of numberCases) test(`numbers: ${text}`, () => assert.deepEqual(nums(text), want));

test('a known place keeps its type with an organisation word in its name', () => {
  const names = findNames(prepare({ id: 'x', text: 'The port is the only one outside the former Soviet Union, the Kremlin said.' }));
  assert.deepEqual(names.filter((n) => n.text === 'Soviet Union').map((n) => n.type), ['place']);
});

test('after in/near/outside a many-word name is a place, unless it owns something', () => {
  const typed = (text: string, name: string) => findNames(prepare({ id: 'x', text })).filter((n) => n.text === name).map((n) => n.type);
  assert.deepEqual(typed('The men worked at a company in al-Buweida al-Sharqiya, he said.', 'Buweida al-Sharqiya'), ['place']);
  assert.deepEqual(typed('Shelling hit homes near Tal Kalakh on Monday.', 'Tal Kalakh'), ['place']);
  assert.deepEqual(typed('Few still have faith in Kofi Annan\'s plan.', 'Kofi Annan'), ['person']);
  assert.deepEqual(typed('Talks with Kofi Annan went on.', 'Kofi Annan'), ['person']);
});

test('a rank word before an organisation is not part of its name', () => {
  assert.deepEqual(names('Senior U.S. State Department official Fred Hof held talks.'), ['organization:U.S. State Department', 'person:Fred Hof [official]']);
});

test('story entities: an acronym one article defines joins the name everywhere, whatever its spelling', async () => {
  const { analyzeArticle } = await import('../../src/analyze/index.js');
  const { mergeEntities } = await import('../../src/story/entities.js');
  const a = analyzeArticle({ id: 'a', text: 'The World Health Organization (WHO) met on Monday. WHO experts spoke.' });
  const b = analyzeArticle({ id: 'b', text: 'Doctors said WHO would act. The World Health Organisation agreed.' });
  const orgs = mergeEntities([a, b]).filter((e) => e.type === 'organization');
  assert.deepEqual(orgs.map((e) => [e.canonical, e.mentions]), [['World Health Organization', 5]]);
});

test('names in other alphabets: capitals beyond Latin-1, and gazetteer entries written with accents', () => {
  assert.deepEqual(names('Łukasz Nowak met envoys in São Paulo, Bogotá and İstanbul.'), ['person:Łukasz Nowak', 'place:São Paulo', 'place:Bogotá', 'place:İstanbul']);
});

test('aliases.tsv gives single-spaced canonical forms (canonicalise splits names at single spaces)', async () => {
  const { readMap } = await import('../../src/lexicon/index.js');
  const bad = [...readMap('aliases.tsv')].filter(([, v]) => v !== v.trim().replace(/\s+/g, ' '));
  assert.deepEqual(bad, []);
});
