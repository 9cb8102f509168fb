/**
 * Comparing sources on invented articles: wire copy, figures, conflicting claims, coverage —
 * each with its negatives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analyze/index.js';
import type { AnalyzedArticle } from '../../src/model/types.js';
import { findSharedText } from '../../src/story/shared-text.js';
import { groupNumbers, numberClaims, numberVerdict, type NumberClaim } from '../../src/story/number-claims.js';
import { findConflicts, positionsOf, responsibilityStatements } from '../../src/story/conflicts.js';
import { findCoverage } from '../../src/story/coverage.js';
import { compareArticles, comparisonSections } from '../../src/story/compare.js';
import { renderCompareMarkdown } from '../../src/render/compare-markdown.js';
import { renderCompareHtml } from '../../src/render/compare-html.js';

const art = (id: string, published: string, text: string): AnalyzedArticle => analyzeArticle({ id, published, text });

// A wire report and a member paper's edited copy of it (one word changed, a paragraph cut, one added).
const WIRE = `ALDERTON - Engineers at the Greyhaven reservoir began draining water on Tuesday after cracks appeared in the dam wall, officials said.
About 3,000 residents of the valley below were told to leave their homes as a precaution, the regional emergency office said in a statement.
The dam, built in 1961, holds back some 40 million cubic metres of water and supplies drinking water to half of the province.
Inspectors first reported hairline cracks in the concrete last month, but the operator said at the time that the structure was safe.
The provincial governor, Mara Ellison, said she had ordered an independent review of how the warnings were handled.`;
const COPY = `ALDERTON - Engineers at the Greyhaven reservoir started draining water on Tuesday after cracks appeared in the dam wall, officials said.
About 3,000 residents of the valley below were told to leave their homes as a precaution, the regional emergency office said in a statement.
Inspectors first reported hairline cracks in the concrete last month, but the operator said at the time that the structure was safe.
Local schools will stay closed for the rest of the week.`;
const OWN = `Water managers in the province are racing to lower the level behind the ageing Greyhaven dam, where fresh fissures were spotted this week.
Thousands of families living downstream packed cars and headed to relatives in nearby towns, and some said they had feared the worst for years.
The governor has promised an inquiry into why earlier inspection reports did not lead to repairs.
"The operator said at the time that the structure was safe," one farmer said.`;

test('shared text: an edited copy of a wire report is the same wire copy, with its passages', () => {
  const a = art('wire', '2030-04-02', WIRE);
  const b = art('copy', '2030-04-02', COPY);
  const [p, ...rest] = findSharedText([a, b]);
  assert.equal(rest.length, 0);
  assert.ok(p);
  assert.equal(p.verdict, 'same wire copy');
  assert.ok(p.shareB > 0.7, `share of the copy ${p.shareB}`);
  assert.ok(p.shareA < p.shareB);
  // every passage points at the same words in both texts
  for (const x of p.passages) {
    const ta = a.text.slice(x.a.start, x.a.end);
    const tb = b.text.slice(x.b.start, x.b.end);
    assert.ok(ta.split(/\s+/).length >= 10);
    assert.equal(ta.slice(-20), tb.slice(-20));
  }
  // the changed word (`began` / `started`) does not break the first passage
  assert.ok(p.passages[0]!.a.start <= a.text.indexOf('Engineers'));
});

test('shared text: two independent reports of one event are not wire copy', () => {
  const a = art('wire', '2030-04-02', WIRE);
  const c = art('own', '2030-04-03', OWN);
  const pairs = findSharedText([a, c]);
  // at most the one quoted sentence is shared, and the verdict says independent
  for (const p of pairs) assert.equal(p.verdict, 'independent');
});

test('shared text: a few shared paragraphs in longer articles are heavily shared', () => {
  const extraA = ` The region has had three dry summers in a row, and farmers have long asked for more storage.
Opposition politicians said the government had cut the maintenance budget for dams by a third since 2025.
Weather forecasters expect heavy rain at the weekend, which could add to the pressure on the structure.
Similar concerns were raised about two smaller reservoirs in the north of the province last year.`;
  const extraB = ` Shops in Alderton reported long queues for bottled water as people stocked up before the weekend.
A spokesman for the operator declined to say when repairs could begin or how much they would cost.
Environmental groups warned that the draining could harm fish stocks in the river below the dam.
The national dam safety agency said it would send its own team of engineers on Wednesday.
Residents who refuse to leave will not be forced out, police said, but they were urged to follow advice.`;
  const a = art('a', '2030-04-02', WIRE + '\n' + extraA);
  const b = art('b', '2030-04-02', WIRE.split('\n').slice(1, 3).join('\n') + '\n' + extraB);
  const [p] = findSharedText([a, b]);
  assert.ok(p);
  assert.equal(p.verdict, 'heavily shared');
});

const HOUSE_A = `KESTREL CITY - A bomb tore through a market in the town of Marlow on Saturday, killing 41 people, officials said.
The interior ministry blamed the Marlow bombing on rebels seeking to derail next month's peace talks.
Rebel commanders said the attack was the work of government troops trying to discredit the opposition.
The fighting in Norland has killed more than 9,000 people since 2029, according to the United Nations.
About 20 people die each day in the fighting, aid workers say.`;
const HOUSE_B = `MARLOW - Residents buried their dead on Sunday after a market bombing in Marlow that killed at least 43 people, hospital officials said.
President Anya Volkova said both sides had a hand in the Marlow bombing and called for an inquiry.
Aid groups say about 12,000 people have died in Norland's civil war.`;

test('numbers: the same quantity is grouped across articles, ordered by date, with attribution and hedge', () => {
  const groups = groupNumbers([art('b', '2031-03-03', HOUSE_B), art('a', '2031-03-02', HOUSE_A)]);
  const marlow = groups.find((g) => g.quantity.includes('Marlow'));
  const toll = groups.find((g) => g.claims.some((c) => c.value === 9000));
  assert.ok(marlow && toll, JSON.stringify(groups.map((g) => g.quantity)));
  assert.deepEqual(marlow.claims.map((c) => [c.article, c.value, c.hedge, c.attributedTo, c.date]), [
    ['a', 41, undefined, 'officials', '2031-03-02'],
    ['b', 43, 'at least', 'hospital officials', '2031-03-03'],
  ]);
  assert.deepEqual(toll.claims.map((c) => [c.value, c.attributedTo]), [
    [9000, 'United Nations'],
    [12000, 'Aid groups'],
  ]);
  // 41 dead in Marlow and 9,000 dead in Norland are not one quantity
  assert.ok(!marlow.claims.some((c) => c.value >= 9000));
  // a rate (`20 people die each day`) is not a claim about a total
  assert.ok(!groups.some((g) => g.claims.some((c) => c.value === 20)));
});

test('numbers: the same figure for two different places is two quantities', () => {
  const a = art('a', '2031-05-01', 'Floods in the town of Brisk killed 15 people on Monday, rescuers said.');
  const b = art('b', '2031-05-02', 'A landslide in the village of Oster killed 15 people, police said.');
  assert.deepEqual(numberClaims([a, b]).map((c) => [c.key, c.value, [...c.places]]), [
    ['person:killed', 15, ['Brisk']],
    ['person:killed', 15, ['Oster']],
  ]);
  assert.deepEqual(groupNumbers([a, b]), []);
});

test('numbers: small figures need shared context to be grouped', () => {
  const a = art('a', '2031-05-01', 'Five people were killed when a tram derailed in the city centre, the transport authority said.');
  const b = art('b', '2031-05-03', 'Five people were killed by an avalanche on the northern face, mountain rescue said.');
  assert.deepEqual(numberClaims([a, b]).map((c) => [c.key, c.value]), [
    ['person:killed', 5],
    ['person:killed', 5],
  ]);
  assert.deepEqual(groupNumbers([a, b]), []);
});

test('numbers: verdicts — agree, grew over time, differ', () => {
  const c = (value: number, date: string, hedge?: string): NumberClaim => ({ article: date, span: { start: 0, end: 1 }, text: String(value), value, date, sentence: { start: 0, end: 1 }, sentenceText: '', ...(hedge ? { hedge } : {}) });
  assert.equal(numberVerdict([c(108, '2012-05-30'), c(100, '2012-06-01', 'more than'), c(108, '2012-06-08')]), 'agree');
  assert.equal(numberVerdict([c(13000, '2012-05-30', 'feared'), c(10000, '2012-06-08', 'more than'), c(17000, '2012-07-17', 'more than')]), 'grew over time');
  assert.equal(numberVerdict([c(40, '2012-05-30'), c(25, '2012-06-08')]), 'differ');
  assert.equal(numberVerdict([c(40, '2012-05-30'), c(25, '2012-05-30')]), 'differ');
});

test('conflicts: different actors blaming different sides for one event', () => {
  const conflicts = findConflicts([art('a', '2031-03-02', HOUSE_A), art('b', '2031-03-03', HOUSE_B)]);
  assert.equal(conflicts.length, 1);
  const k = conflicts[0]!;
  assert.match(k.topic, /Marlow/);
  assert.deepEqual(
    k.sides.map((s) => [s.position, s.actor, s.article]),
    [
      ['both sides', 'Anya Volkova', 'b'],
      ['government', 'Rebel commanders', 'a'],
      ['opposition', 'interior ministry', 'a'],
    ],
  );
  for (const s of k.sides) assert.equal(s.text, (s.article === 'a' ? HOUSE_A : HOUSE_B).slice(s.span.start, s.span.end));
});

test('conflicts: agreement, negated blame and events without a place are not conflicts', () => {
  const agree = [
    art('a', '2031-03-02', 'The interior ministry blamed the Marlow bombing on rebels.'),
    art('b', '2031-03-03', 'Police chief Oren Dale said the Marlow bombing was the work of rebels.'),
  ];
  assert.deepEqual(findConflicts(agree), []);
  const negated = [
    art('a', '2031-03-02', 'The interior ministry blamed the Marlow bombing on rebels.'),
    art('b', '2031-03-03', 'The army has not blamed the Marlow bombing on the government, officials said.'),
  ];
  assert.deepEqual(findConflicts(negated), []);
  // A statement whose event has no place is not set against statements about a placed event.
  const placeless = [
    art('a', '2031-03-02', 'The interior ministry blamed the Marlow bombing on rebels.'),
    art('b', '2031-03-03', 'Rebel leader Ivo Stark said the bombing was the work of government troops.'),
  ];
  assert.deepEqual(findConflicts(placeless), []);
});

test('conflicts: without any place, statements are about the story\'s one event', () => {
  const arts = [
    art('a', '2031-03-02', 'Halvor Mining, which owns the dam, says the weather is to blame.'),
    art('b', '2031-03-03', 'The national dam regulator says the problem was the company\'s reporting.'),
    art('c', '2031-03-03', 'The miners\' union blames both.'),
  ];
  const [k, ...rest] = findConflicts(arts);
  assert.equal(rest.length, 0);
  assert.ok(k);
  assert.equal(k.topic, 'Who is responsible for what happened?');
  assert.deepEqual(k.sides.map((s) => [s.position, s.article]), [
    ['both sides', 'c'],
    ['natural causes', 'a'],
    ['the company', 'b'],
  ]);
});

test('conflicts: statements that assign no blame (table of cases)', () => {
  const cases = [
    // liability for costs is not blame for the event
    'Energy minister Ola Brandt said Halvor Mining is responsible for the costs of the cleanup in Marlow.',
    // a law, not an actor taking a position
    'The Pollution Act requires people seeking damages to contact the companies responsible for the Marlow spill.',
    // a cause, not a party
    'Engineer Lena Moss said the Marlow earthquake caused buildings to topple.',
    // blame said to be premature
    'Interior Minister Tomas Vedel said it was too early to assign blame for the Marlow collapse.',
    // accused of something other than the event
    'Senator Ada Kern accused Halvor Mining of trying to hide data about the Marlow spill.',
  ];
  const arts = cases.map((t, i) => art(`c${i}`, '2031-01-01', t));
  assert.deepEqual(responsibilityStatements(arts).map((s) => s.text), []);
});

test('conflicts: positions of blamed parties', () => {
  const cases: Array<[string, string[]]> = [
    ['the Syrian army and pro-Assad militiamen', ['government']],
    ['anti-government forces', ['opposition']],
    ['both sides', ['both sides']],
    ['government forces; the rebels', ['both sides']],
    ['his troops', ['government']],
    ['a passing lorry', []],
  ];
  for (const [party, want] of cases) assert.deepEqual([...positionsOf(party, [])], want, party);
  assert.deepEqual([...positionsOf('the rig operator Transocean', ['Transocean'])], ['Transocean']);
});

test('coverage: a fact two articles report, and what only one reports', () => {
  const a = art('a', '2030-04-02', WIRE);
  const c = art('own', '2030-04-03', OWN);
  const d = art('d', '2030-04-03', `The governor of the province said on Wednesday that an independent review would examine how warnings about the Greyhaven dam were handled.
Engineers began draining water from the Greyhaven reservoir on Tuesday after cracks appeared in the dam wall.
A hydrologist at Alderton University said the lake could take a month to empty at the current rate.`);
  const cov = findCoverage([a, c, d]);
  const draining = cov.facts.find((f) => f.articles.includes('a') && f.articles.includes('d') && /draining/.test(f.text));
  assert.ok(draining, JSON.stringify(cov.facts.map((f) => f.text)));
  assert.ok(draining.cites.every((s) => s.end > s.start));
  const only = cov.unique.filter((u) => u.article === 'd').map((u) => u.fact.text);
  assert.ok(only.some((t) => /hydrologist/.test(t)), JSON.stringify(only));
  assert.ok(!cov.unique.some((u) => /draining water from the Greyhaven/.test(u.fact.text)));
  assert.deepEqual(cov.perArticle.map((p) => p.article), ['a', 'own', 'd']);
});

test('coverage: a background box repeated for weeks is no fact of the story', () => {
  const box = 'Swine flu is a respiratory disease found in pigs and spread by coughing and sneezing.';
  const arts = ['2031-04-01', '2031-04-09', '2031-04-20'].map((day, i) =>
    art(`b${i}`, day, `${box}\nHealth officials in the northern province confirmed ${i + 3} new cases of the illness on ${day}.`),
  );
  const cov = findCoverage(arts);
  assert.ok(!cov.facts.some((f) => f.text === box), JSON.stringify(cov.facts.map((f) => f.text)));
});

test('compareArticles: the JSON shape the issue asks for, sections and renderings', () => {
  const arts = [art('a', '2031-03-02', HOUSE_A), art('b', '2031-03-03', HOUSE_B), art('wire', '2030-04-02', WIRE), art('copy', '2030-04-02', COPY)];
  const c = compareArticles(arts);
  assert.deepEqual(c.articles.map((a) => a.id), ['a', 'b', 'wire', 'copy']);
  const p = c.shared[0]!;
  assert.deepEqual(Object.keys(p).sort(), ['a', 'b', 'passages', 'shareA', 'shareB', 'verdict']);
  assert.deepEqual(Object.keys(p.passages[0]!).sort(), ['a', 'b', 'text', 'words']);
  for (const g of c.numbers) for (const cl of g.claims) for (const k of ['article', 'span', 'text', 'value']) assert.ok(k in cl);
  for (const k of c.conflicts) for (const s of k.sides) for (const key of ['actor', 'article', 'span', 'text']) assert.ok(key in s);
  assert.ok(Array.isArray(c.coverage.facts) && Array.isArray(c.coverage.unique));
  assert.deepEqual(JSON.parse(JSON.stringify(c)), c); // plain data
  const sections = comparisonSections(c);
  assert.deepEqual(sections.map((s) => s.id), ['compare-shared', 'compare-numbers', 'compare-conflicts', 'compare-coverage']);
  for (const s of sections) for (const it of s.items) assert.ok(it.cites.length > 0 && it.text.length > 0);
  const md = renderCompareMarkdown(c);
  assert.match(md, /## Shared text[\s\S]*same wire copy/);
  assert.match(md, /Who is responsible for the \w+ in Marlow\?/);
  const html = renderCompareHtml(c);
  assert.match(html, /<svg class="matrix"/);
  assert.doesNotMatch(html, /<script/);
  assert.deepEqual(compareArticles(arts), c); // deterministic
});

test('numbers: attribution of a figure (table of cases)', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Activists believe more than 17,000 people have been killed in Norland since the uprising began.', 'Activists'],
    ['The fighting in Norland has killed 9,000 people, according to the United Nations.', 'United Nations'],
    ['The United Nations says government forces have killed more than 10,000 people.', 'United Nations'],
    ['A bomb in the town of Marlow killed 41 people, hospital officials said.', 'hospital officials'],
    // the figure is background to what the speaker said, not the speaker's claim
    ['Envoy Lars Brenner said on Friday he was frustrated a week after a massacre in Marlow of 108 people.', undefined],
    // a speech verb in another clause after the figure does not attribute it
    ['The blast killed 12 workers, and the company said it would pay compensation to their families.', undefined],
  ];
  for (const [text, who] of cases) {
    const claims = numberClaims([art('x', '2031-01-01', text)]);
    assert.equal(claims.length, 1, text);
    assert.equal(claims[0]!.attributedTo, who, text);
  }
});

test('numbers: what is not a claim (table of cases)', () => {
  const cases = [
    'Shares fell 2 percent, lagging the STOXX Europe 600 Oil and Gas index.',
    'Trading stopped at 1516 GMT on Friday after the announcement.',
    'About 20 people die each day in the fighting, aid workers say.',
    'Hundreds of people were killed in the fighting, activists said.',
    'The talks lasted 15 months before they collapsed.',
    'The two leaders met on Friday.',
  ];
  for (const text of cases) assert.deepEqual(numberClaims([art('x', '2031-01-01', text)]), [], text);
  // a part of a whole is not a count of its own; the whole is
  assert.deepEqual(numberClaims([art('x', '2031-01-01', 'The party won 64 of the 122 seats in parliament.')]).map((c) => c.value), [122]);
});

test('numbers: one article may carry two sources\' figures for one quantity', () => {
  const a = art('a', '2031-04-02', `The rescue service said on Friday that 14 people were confirmed dead after the Halvor dam collapse.
The miners' union puts the toll at 17, counting three contract workers.`);
  const b = art('b', '2031-04-04', 'The rescue service said on Sunday that 15 people were confirmed dead after the Halvor dam collapse.');
  const toll = groupNumbers([a, b]).find((g) => g.claims.some((c) => c.value === 17));
  assert.ok(toll);
  assert.deepEqual(toll.claims.map((c) => [c.article, c.value, c.attributedTo]), [
    ['a', 14, 'rescue service'],
    ['a', 17, "miners' union"],
    ['b', 15, 'rescue service'],
  ]);
  assert.equal(toll.verdict, 'differ');
});

test('numbers: a second event reported in the same article stays out of the group', () => {
  const a = art('a', '2031-06-08', `On Thursday, envoy Mara Quell described the reported killing of at least 78 villagers by army units as barbaric.
The government says the killings of 108 people last month in the Tarvik region were the work of rebels.`);
  const b = art('b', '2031-05-30', 'The massacre of 108 civilians in Tarvik shocked the world.');
  const groups = groupNumbers([a, b]);
  assert.equal(groups.length, 1);
  assert.deepEqual(groups[0]!.claims.map((c) => [c.article, c.value]), [
    ['b', 108],
    ['a', 108],
  ]);
});
