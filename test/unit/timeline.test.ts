import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/model/types.js';
import { prepare } from '../../src/analyze/doc.js';
import { findDayRefs } from '../../src/story/timeline-dates.js';
import { leadTrim } from '../../src/story/timeline-text.js';
import { buildTimeline } from '../../src/story/timeline.js';
import { renderTimeline } from '../../src/story/timeline-render.js';
import { parseTilse } from '../../src/eval/tilse.js';
import { roundHalfEven, averagePRF } from '../../src/eval/t17.js';
import { main } from '../../src/cli/main.js';

// Published on Friday 2012-06-01.
const PUB = '2012-06-01';
const refs = (s: string, pub: string | undefined = PUB) => findDayRefs(s, 0, s.length, pub).map((r) => `${s.slice(r.start, r.end)}=${r.date}${r.future ? '+' : ''}`);

test('day references: explicit dates, weekdays and relative days against the publication date', () => {
  const cases: Array<[string, string[]]> = [
    ['The massacre in Houla on May 25 shocked the world.', ['May 25=2012-05-25']],
    ['It happened on 25 May 2012 near Homs.', ['25 May 2012=2012-05-25']],
    ['Filed 2012-05-30 by our correspondent.', ['2012-05-30=2012-05-30']],
    ['Putin met Hollande in Paris on Friday.', ['Friday=2012-06-01']],
    ['Russia warned on Wednesday against new action.', ['Wednesday=2012-05-30']],
    ['Outrage at last Friday\'s killings grew.', ['Friday=2012-05-25']],
    ['The envoy will meet Putin on Tuesday.', ['Tuesday=2012-06-05+']],
    ['Officials said yesterday that talks failed.', ['yesterday=2012-05-31']],
    ['The council meets tomorrow.', ['tomorrow=2012-06-02+']],
    ['On Tuesday, May 29, the bodies were buried.', ['Tuesday, May 29=2012-05-29']],
    // not days: a month with a year, the verb "may", a recurring weekday
    ['Sales fell in April 2012 and may fall again on Mondays.', []],
    // a date late in the year, published early in the next: the nearest year
    ['The quake struck on December 30.', ['December 30=2011-12-30']],
  ];
  for (const [s, want] of cases) {
    const pub = s.startsWith('The quake') ? '2012-01-04' : PUB;
    assert.deepEqual(refs(s, pub), want, s);
  }
  // without a publication date only explicit dates with a year resolve
  const s = 'On Friday, 25 May 2012, and on Saturday.';
  assert.deepEqual(findDayRefs(s, 0, s.length, undefined).map((r) => r.date), ['2012-05-25']);
});

test('lead trim: time stamps, wire datelines and photo credits glued to a sentence', () => {
  const s1 = 'Swine flu fears rise Sunday 26 April 2009 10.40 BST A couple wearing masks kiss in Mexico City.';
  assert.equal(s1.slice(leadTrim(s1)), 'A couple wearing masks kiss in Mexico City.');
  const s2 = 'VENICE, Louisiana | Wed May 5, 2010 10:27 pm BST VENICE, Louisiana (Reuters) - Workers toiled on.';
  assert.equal(s2.slice(leadTrim(s2)), 'Workers toiled on.');
  const s3 = 'Photograph: Miguel Tovar/AP Health officials scrambled to contain the outbreak.';
  assert.equal(s3.slice(leadTrim(s3)), 'Health officials scrambled to contain the outbreak.');
  assert.equal(leadTrim('The rig sank on Thursday at 10.40 in the morning.'), 0);
});

// Invented articles about an invented story (the Brenvale bridge collapse).
function article(id: string, published: string, text: string): Article {
  return { id, published, text, file: `${id}.txt`, source: id.toUpperCase() };
}
const ARTICLES: Article[] = [
  article('a1', '2021-03-09', [
    'The Brenvale bridge over the river Sorn collapsed on Monday, killing four drivers and cutting the town in two.',
    'Rescue teams searched the river through the night for two missing people.',
    'Engineers had warned in January that the bridge needed urgent repairs.',
  ].join('\n')),
  article('a2', '2021-03-10', [
    'Divers on Tuesday recovered the bodies of the two people missing since the Brenvale bridge collapse.',
    'The bridge collapsed on Monday after days of heavy rain swelled the river Sorn.',
    'The mayor of Brenvale said a ferry service across the river would start next week.',
  ].join('\n')),
  article('a3', '2021-03-16', [
    'A ferry began carrying people across the river Sorn on Monday, a week after the Brenvale bridge collapsed.',
    'The regional government on Tuesday ordered an inquiry into the collapse of the Brenvale bridge.',
    'Four drivers were killed when the bridge collapsed on March 8 after heavy rain.',
  ].join('\n')),
];
const DOCS = ARTICLES.map(prepare);

test('timeline: dates from what sentences say, sorted, each sentence citing its exact source span', () => {
  const t = buildTimeline(DOCS, { dates: 4, perDate: 1 });
  const dates = t.entries.map((e) => e.date);
  assert.deepEqual(dates, [...dates].sort());
  // the collapse day is named by all three articles though none was published that day
  assert.ok(dates.includes('2021-03-08'), dates.join(' '));
  const collapse = t.entries.find((e) => e.date === '2021-03-08')!;
  assert.ok(collapse.mentions >= 3);
  assert.match(collapse.sentences[0]!.text, /collapse/);
  for (const e of t.entries) {
    assert.ok(e.sentences.length >= 1 && e.sentences.length <= 1);
    for (const s of e.sentences) {
      const a = ARTICLES.find((x) => x.id === s.source.article)!;
      assert.equal(a.text.slice(s.source.start, s.source.end), s.text);
      if (s.dateMention) assert.ok(s.dateMention.start >= s.source.start && s.dateMention.end <= s.source.end);
      for (const c of s.corroborations) assert.notEqual(c.article, s.source.article);
    }
  }
  // no sentence twice
  const all = t.entries.flatMap((e) => e.sentences.map((s) => `${s.source.article}:${s.source.start}`));
  assert.equal(new Set(all).size, all.length);
});

test('timeline: --from/--to and the number of dates are respected', () => {
  const t = buildTimeline(DOCS, { dates: 2, perDate: 2, from: '2021-03-09', to: '2021-03-16' });
  assert.ok(t.entries.length <= 2);
  for (const e of t.entries) assert.ok(e.date >= '2021-03-09' && e.date <= '2021-03-16', e.date);
  assert.deepEqual(buildTimeline(DOCS, { from: '2030-01-01' }).entries, []);
  assert.deepEqual(buildTimeline([], {}).entries, []);
});

test('render: tilse format reads back as the same dates and sentences', () => {
  const t = buildTimeline(DOCS, { dates: 3, perDate: 2 });
  const arts = new Map(ARTICLES.map((a) => [a.id, a]));
  const tl = parseTilse(renderTimeline(t, arts, 'tilse'));
  assert.deepEqual([...tl.keys()], t.entries.map((e) => e.date));
  for (const e of t.entries) assert.deepEqual(tl.get(e.date), e.sentences.map((s) => s.text));
  const md = renderTimeline(t, arts, 'md');
  assert.match(md, /^# Timeline/);
  const json = JSON.parse(renderTimeline(t, arts, 'json'));
  assert.equal(json.entries.length, t.entries.length);
  assert.match(renderTimeline(t, arts, 'html'), /<svg[^>]*class="timeline"/);
});

test('t17 protocol helpers: Python rounding and news-tls averaging', () => {
  assert.equal(roundHalfEven(2.5), 2);
  assert.equal(roundHalfEven(3.5), 4);
  assert.equal(roundHalfEven(1.4), 1);
  const a = averagePRF([
    { precision: 0.2, recall: 0.4, f_score: 0 },
    { precision: 0.4, recall: 0.2, f_score: 0 },
  ]);
  assert.ok(Math.abs(a.f_score - 0.3) < 1e-12);
});

test('timeline command: files in, tilse format out; misuse is exit code 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-timeline-'));
  const meta = ['file\tpublished'];
  for (const a of ARTICLES) {
    writeFileSync(join(dir, `${a.id}.txt`), a.text + '\n');
    meta.push(`${a.id}.txt\t${a.published}`);
  }
  writeFileSync(join(dir, 'meta.tsv'), meta.join('\n') + '\n');
  let out = '';
  let err = '';
  const io = {
    stdout: (s: string) => void (out += s),
    stderr: (s: string) => void (err += s),
    readStdin: async () => Buffer.alloc(0),
    isTTY: false,
    env: {},
    cwd: dir,
  };
  const code = await main(['timeline', dir, '--meta', join(dir, 'meta.tsv'), '--dates', '3', '--format', 'tilse', '-q'], io);
  assert.equal(code, 0, err);
  const tl = parseTilse(out);
  assert.ok(tl.size >= 1 && tl.size <= 3);
  assert.ok(tl.has('2021-03-08'), out);
  assert.equal(await main(['timeline', dir, '--format', 'pdf'], io), 2);
  assert.equal(await main(['timeline', dir, '--dates', 'zero'], io), 2);
});

test('day references: a month and day naming an event or anniversary is not a day of the story', () => {
  assert.deepEqual(refs('It was his response to the Sept. 11 attacks that mattered.'), []);
  assert.deepEqual(refs('Officials fear a Sept. 11-style strike.'), []);
  assert.deepEqual(refs('The talks resumed on Sept. 11 in Geneva.', '2012-09-14'), ['Sept. 11=2012-09-11']);
});

test('day references: a day that only anchors something else is marked', () => {
  const s = 'BP has spent $1bn since the April 20 explosion, and the rig sank on April 22.';
  const r = findDayRefs(s, 0, s.length, '2010-05-10');
  assert.deepEqual(r.map((x) => [x.date, Boolean(x.anchor)]), [['2010-04-20', true], ['2010-04-22', false]]);
});

test('lead trim: an all-capitals dateline', () => {
  const s = 'GULF OF MEXICO -- A vessel lowered a vault onto the well on Friday.';
  assert.equal(s.slice(leadTrim(s)), 'A vessel lowered a vault onto the well on Friday.');
  const t = 'BEIRUT, Lebanon - Envoy Kofi Annan said on Friday he was frustrated.';
  assert.equal(t.slice(leadTrim(t)), 'Envoy Kofi Annan said on Friday he was frustrated.');
  assert.equal(leadTrim('US says BP move is no solution - officials.'), 0);
});
