import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/model/types.js';
import { articleId } from '../../src/read/id.js';
import { articleFeatures, stem } from '../../src/story/cluster-features.js';
import { OnlineClusterer, clusterBatch, clusterOrder, defaultBatchOptions, neighbourLinks, storyTerms, type ArticleVector } from '../../src/story/cluster.js';
import { headlineOf } from '../../src/story/cluster-title.js';
import { bcubed, nmi } from '../../src/eval/clusters.js';

const art = (text: string, published?: string, extra: Partial<Article> = {}): Article => ({ id: articleId(text), text, published, ...extra });

// Invented articles: three stories.
const dam = [
  art('LORVIK - The Skarra mine dam burst above Lorvik, burying homes in mud. Mayor Ingrid Sollander said six people died.', '2031-03-04'),
  art('Rescuers in Lorvik dug through mud after the Skarra dam burst. Sollander said the toll rose to eight.', '2031-03-05'),
  art('Brennholt Minerals, owner of the Skarra dam, faced anger in Lorvik as the mud toll rose. Sollander demanded answers.', '2031-03-07'),
];
const strike = [
  art('Dock workers in Port Ellis walked out, halting the harbour. The Harbour Workers Union wants overtime pay restored.', '2031-03-05'),
  art('The Port Ellis harbour strike went on as the union and the port authority argued over overtime pay.', '2031-03-06'),
];
const vote = [
  art('Voters in Kessary elected Tamsin Oduya mayor on Sunday after a close count of ballots.', '2031-03-02'),
  art('Tamsin Oduya took office as mayor of Kessary, promising new buses after her narrow ballot win.', '2031-03-03'),
];
const all = [...dam, ...strike, ...vote];

test('stemming joins simple inflections', () => {
  const cases: Array<[string, string]> = [
    ['spills', 'spill'],
    ['leaking', 'leak'],
    ['leaked', 'leak'],
    ['bodies', 'body'],
    ['news', 'new'], // known crude case: kept as a marked failure of the light stemmer
  ];
  for (const [w, want] of cases) assert.equal(stem(w), want, w);
});

test('features: names, places, keywords; sentence-initial common words are not names', () => {
  const f = articleFeatures(art('Rescuers searched the mud in Lorvik. Mayor Ingrid Sollander met rescuers from France.'));
  assert.ok(f.terms.has('n:sollander'));
  assert.ok(f.terms.has('n:lorvik'));
  assert.ok(f.terms.has('p:france'), [...f.terms.keys()].join(' '));
  assert.ok(f.terms.has('k:rescuer'));
  assert.ok(!f.terms.has('n:rescuers'), 'sentence-initial "Rescuers" is a keyword since it appears in lower case too');
  assert.ok(!f.terms.has('k:the'));
});

test("features: contractions of stopwords (It's, I'm, don't) are not terms; an acronym's possessive is", () => {
  const f = articleFeatures(art("\"I'm staying,\" Sollander said. It's late, and we don't know. WHO's experts came."));
  const keys = [...f.terms.keys()].join(' ');
  for (const k of ['n:i', 'n:it', "n:i'm", "k:don't", 'k:don']) assert.ok(!f.terms.has(k), keys);
  assert.ok(f.terms.has('n:who'), keys);
  assert.ok(f.terms.has('n:sollander'), keys);
});

test('features: credits lines are not what a story is about', () => {
  const text = 'Annan met Putin in Moscow.\n(Writing by Steve Gutterman; Editing by Mark Heinrich)';
  const f = articleFeatures(art(text, undefined, { credits: [{ start: text.indexOf('('), end: text.length }] }));
  assert.ok(!f.terms.has('n:gutterman'));
  assert.ok(f.terms.has('n:annan'));
});

test('online clustering groups by topic, is deterministic and explains joins', () => {
  const run = () => {
    const c = new OnlineClusterer();
    return clusterOrder(all).map((a) => c.add(a));
  };
  const r1 = run();
  assert.deepEqual(run(), r1, 'same input, same result');
  const story = new Map(r1.map((a) => [a.article, a.story]));
  const groups = [dam, strike, vote].map((g) => new Set(g.map((a) => story.get(a.id))));
  for (const g of groups) assert.equal(g.size, 1);
  assert.equal(new Set(groups.map((g) => [...g][0])).size, 3);
  const joined = r1.find((a) => !a.created)!;
  assert.ok(joined.shared.length > 0 && joined.similarity > 0);
});

test('stories go cold: the same topic weeks later starts a new story', () => {
  const later = art('The Skarra dam in Lorvik burst again, and Sollander ordered the mud cleared.', '2031-05-20');
  const c = new OnlineClusterer({ coldDays: 21 });
  const rs = clusterOrder([...dam, later]).map((a) => c.add(a));
  assert.equal(rs[3]!.created, true);
  const c2 = new OnlineClusterer({ coldDays: 120 });
  const rs2 = clusterOrder([...dam, later]).map((a) => c2.add(a));
  assert.equal(rs2[3]!.created, false);
});

test('batch clustering finds the three stories; terms explain them', () => {
  const { assignments, stories } = clusterBatch(all);
  const gold = new Map<string, string>([...dam.map((a) => [a.id, 'dam'] as const), ...strike.map((a) => [a.id, 'strike'] as const), ...vote.map((a) => [a.id, 'vote'] as const)]);
  const pred = new Map(assignments.map((a) => [a.article, a.story]));
  assert.deepEqual(bcubed(pred, gold), { precision: 1, recall: 1, f1: 1 });
  const damStory = stories.find((s) => s.id === pred.get(dam[0]!.id))!;
  const top = storyTerms(damStory, 5).map((t) => t.term);
  assert.ok(top.some((t) => ['Skarra', 'Lorvik', 'Sollander', 'mud', 'dam'].includes(t)), top.join(', '));
});

test('neighbour links: strong inside a story, weak where a list runs out of it, none across the cold window', () => {
  const vec = (id: string, date: string, terms: Record<string, number>): ArticleVector => {
    const norm = Math.hypot(...Object.values(terms));
    return { id, date, terms: new Map(Object.entries(terms).map(([t, x]) => [t, x / norm])), shown: new Map() };
  };
  // In date order, as clusterBatch passes them.
  const vectors = [
    vec('spill1', '2031-03-01', { oil: 1, spill: 1 }),
    vec('vote1', '2031-03-01', { vote: 1, mayor: 1 }),
    vec('spill2', '2031-03-02', { oil: 1, spill: 1, gulf: 1 }),
    vec('vote2', '2031-03-02', { vote: 1, mayor: 1, ballot: 1 }),
    vec('bridge', '2031-03-03', { oil: 0.3, vote: 0.3, weather: 1 }),
    vec('spill3', '2031-03-03', { spill: 1, gulf: 1, oil: 0.5 }),
    vec('vote3', '2031-03-03', { mayor: 1, ballot: 1 }),
    vec('late', '2031-06-20', { oil: 1, spill: 1 }),
  ];
  const k = 2;
  const links = neighbourLinks(vectors, { ...defaultBatchOptions, neighbours: k });
  const weight = new Map<string, number>();
  for (let p = 0; p < links.a.length; p++) weight.set(`${vectors[links.a[p]!]!.id}-${vectors[links.b[p]!]!.id}`, links.weight[p]!);
  // Each story's articles are each other's only neighbours: full weight 1/k.
  for (const pair of ['spill1-spill2', 'spill1-spill3', 'spill2-spill3', 'vote1-vote2', 'vote1-vote3', 'vote2-vote3'])
    assert.ok(Math.abs(weight.get(pair)! - 1 / k) < 1e-12, pair);
  // The bridge's list reaches into both stories but shares only the one article with each.
  const bridged = [...weight].filter(([pair]) => pair.includes('bridge'));
  assert.ok(bridged.length > 0);
  for (const [pair, w] of bridged) assert.ok(w <= 1 / (2 * k * (k + 1)) + 1e-12, `${pair} ${w}`);
  // No link across the stories, and none to an article months later.
  assert.ok(![...weight.keys()].some((pair) => /spill.*vote|vote.*spill|late/.test(pair)), [...weight.keys()].join(' '));
});

test('B-cubed and NMI on hand-computed cases', () => {
  const gold = new Map([['a', 'x'], ['b', 'x'], ['c', 'y'], ['d', 'y']]);
  assert.deepEqual(bcubed(new Map([['a', '1'], ['b', '1'], ['c', '2'], ['d', '2']]), gold), { precision: 1, recall: 1, f1: 1 });
  // All in one cluster: precision 0.5 for each item, recall 1.
  const one = bcubed(new Map([['a', '1'], ['b', '1'], ['c', '1'], ['d', '1']]), gold);
  assert.equal(one.precision, 0.5);
  assert.equal(one.recall, 1);
  // Singletons: precision 1, recall 0.5.
  const single = bcubed(new Map([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]), gold);
  assert.deepEqual([single.precision, single.recall], [1, 0.5]);
  assert.equal(nmi(new Map([['a', '1'], ['b', '1'], ['c', '2'], ['d', '2']]), gold), 1);
  assert.equal(nmi(new Map([['a', '1'], ['b', '1'], ['c', '1'], ['d', '1']]), gold), 0);
  // Singletons: I = ln 2, H(pred) = ln 4, H(gold) = ln 2 -> 2 ln2 / (3 ln2) = 2/3.
  assert.ok(Math.abs(nmi(new Map([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]), gold) - 2 / 3) < 1e-12);
});

test('headlines: title, headline line, or first sentence', () => {
  assert.equal(headlineOf(art('Body text. More.', undefined, { title: 'A title' })), 'A title');
  assert.equal(headlineOf(art('Dam bursts\n\nBody text here.', undefined, { headline: { start: 0, end: 10 } })), 'Dam bursts');
  assert.equal(headlineOf(art('The first sentence is here. Then more.')), 'The first sentence is here.');
});

test('online clusterer memory is bounded: cold and least recent stories are let go', () => {
  const c = new OnlineClusterer({ maxLive: 300 });
  for (let i = 0; i < 1200; i++) {
    const name = `Zorb${i.toString(36)}`;
    c.add(art(`${name} visited Qell${i.toString(36)} to meet ${name}'s family on a quiet trip number ${i}.`));
  }
  assert.ok(c.size <= 300 + 256, `holds ${c.size} stories`);
  const dated = new OnlineClusterer({ coldDays: 5 });
  for (let i = 0; i < 1200; i++) {
    const d = new Date(Date.UTC(2031, 0, 1) + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10);
    dated.add(art(`Varn${i.toString(36)} opened the Kello${i.toString(36)} bridge, officials said on day ${i}.`, d));
  }
  assert.ok(dated.size < 500, `holds ${dated.size} stories`);
});

test('features: words with letters beyond ASCII, abbreviations and possessives', () => {
  const f = articleFeatures(art("Mayor Zoë Brandt of Tårnby met U.S. envoys. Brandt's office said the Tårnby dam held."));
  assert.ok(f.terms.has('n:zoë'), [...f.terms.keys()].join(' '));
  assert.ok(f.terms.has('n:tårnby'));
  assert.ok(f.terms.has('n:brandt'));
  assert.ok(!f.terms.has("n:brandt's"));
});
