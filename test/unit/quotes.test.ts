import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepare } from '../../src/analyze/index.js';
import { findNames } from '../../src/analyze/names.js';
import { findQuotes } from '../../src/analyze/quotes.js';
import { paragraphStarts, quoteSegments } from '../../src/analyze/quote-marks.js';
import { mergeQuotes, quotesBySpeaker } from '../../src/story/quotes.js';
import { quotesMarkdown, whoSaidWhatMarkdown } from '../../src/story/quotes-render.js';
import { contentMatches, parseBrat, scorePolnear } from '../../src/eval/polnear.js';
import { analyzeArticle } from '../../src/analyze/index.js';
import type { Article, Quote } from '../../src/model/types.js';

const art = (text: string, id = 'x'): Article => ({ id, text });

interface Shown {
  kind: string;
  content: string;
  speaker?: string;
  who?: string;
  cue?: string;
  parts?: number;
  /** Content and parts joined. */
  all: string;
}

function show(text: string): Shown[] {
  const doc = prepare(art(text));
  return findQuotes(doc, findNames(doc)).map((q: Quote) => ({
    kind: q.kind,
    content: text.slice(q.content.start, q.content.end),
    ...(q.speaker ? { speaker: text.slice(q.speaker.span.start, q.speaker.span.end), who: q.speaker.canonical } : {}),
    ...(q.cue ? { cue: text.slice(q.cue.start, q.cue.end) } : {}),
    ...(q.parts ? { parts: q.parts.length } : {}),
    all: [q.content, ...(q.parts ?? [])].map((p) => text.slice(p.start, p.end)).join(' '),
  }));
}

/** Find the attribution whose content contains `needle`. */
function about(text: string, needle: string): Shown | undefined {
  return show(text).find((q) => q.all.includes(needle));
}

// Table of cases: text, a piece of the content, and what we expect of that attribution.
const cases: Array<[string, string, string, Partial<Shown> | undefined]> = [
  [
    'direct, cue after, speaker after the verb',
    '"The dam will hold," said Mara Velde, the regional engineer.',
    'dam will hold',
    { kind: 'direct', speaker: 'Mara Velde', cue: 'said', content: '"The dam will hold,"' },
  ],
  [
    'direct, speaker before the verb, typographic quotes',
    'Officials met on Monday.\n“We are ready for the flood,” Mayor Tomas Brekke told reporters in Lorvik.',
    'ready for the flood',
    { kind: 'direct', who: 'Tomas Brekke', cue: 'told' },
  ],
  [
    'direct, tokenised quotes',
    "``We will rebuild the bridge,'' Governor Ana Pell said on Tuesday.",
    'rebuild the bridge',
    { kind: 'direct', who: 'Ana Pell' },
  ],
  [
    'direct, cue before with a colon',
    'Engineer Lise Marten said: "The spillway was never tested at full load."',
    'never tested',
    { kind: 'direct', speaker: 'Engineer Lise Marten', cue: 'said' },
  ],
  [
    'split quote: one attribution with two parts',
    '"The water came at night," Jon Aske said, "and nobody warned us."',
    'water came at night',
    { kind: 'direct', who: 'Jon Aske', parts: 1 },
  ],
  [
    'pronoun resolved to the speaker named just before',
    'Mara Velde visited the site on Friday.\n"It is worse than we thought," she said.',
    'worse than we thought',
    { speaker: 'she', who: 'Mara Velde' },
  ],
  [
    'nested single quotes stay inside the quote',
    "\"If they ask, I will say 'yes' and sign,\" Jon Aske told the council.",
    "say 'yes' and sign",
    { kind: 'direct', who: 'Jon Aske', content: "\"If they ask, I will say 'yes' and sign,\"" },
  ],
  [
    'indirect with told ... that',
    'Brekke told the Lorvik Herald that the dam had been inspected in May.',
    'dam had been inspected',
    { kind: 'indirect', cue: 'told', content: 'that the dam had been inspected in May', speaker: 'Brekke' },
  ],
  [
    'indirect, speaker after the content',
    'The reservoir was at its highest level in a decade, local officials said.',
    'reservoir was at its highest',
    { kind: 'indirect', speaker: 'local officials', cue: 'said' },
  ],
  [
    'according to',
    'At least 40 homes were flooded, according to the regional fire service.',
    '40 homes were flooded',
    { kind: 'indirect', cue: 'according to' },
  ],
  [
    'mixed: reported speech holding a quote',
    'Mara Velde inspected the dam. Velde said the spillway was "a disaster waiting to happen" and called for an inquiry.',
    'spillway was',
    { kind: 'mixed', who: 'Mara Velde' },
  ],
  [
    'acknowledged as a cue',
    'Minister Per Holm acknowledged his evacuation plan was not working.',
    'evacuation plan was not working',
    { kind: 'indirect', cue: 'acknowledged', who: 'Per Holm' },
  ],
  [
    'reported clause runs to the close of the quote it opens',
    'Mara Velde said she would need "a lot of help. So we will see how it works."',
    'lot of help',
    { kind: 'mixed', who: 'Mara Velde', content: 'she would need "a lot of help. So we will see how it works."' },
  ],
  [
    'reported clause stops at a dash after a quote',
    'Jon Aske said the levee was "close to failing" – a claim the county denies.',
    'close to failing',
    { content: 'the levee was "close to failing"' },
  ],
  [
    'a verb the tagger takes for a noun after a name',
    '"Nobody has told us anything about the money," Velde answers.',
    'Nobody has told us',
    { kind: 'direct', speaker: 'Velde', cue: 'answers' },
  ],
  [
    'quote closed without a comma before a bare cue clause',
    '"The river is a danger to every farm on the plain" Aske said.',
    'danger to every farm',
    { kind: 'direct', speaker: 'Aske', cue: 'said' },
  ],
  [
    'a which-clause between speaker and verb',
    'Brennholt Minerals, which owns the Skarra mine, says the weather is to blame.',
    'weather is to blame',
    { speaker: 'Brennholt Minerals', cue: 'says' },
  ],
  [
    'telling names the hearer, not the speaker',
    'Mayor Ingrid Sollander visited the shelter, telling reporters: "We will not leave anyone behind."',
    'leave anyone behind',
    { kind: 'direct', who: 'Ingrid Sollander', cue: 'telling' },
  ],
  [
    'a quote paragraph signed on the line after it',
    'The claims were checked.\n\n"We cannot see inside a dam wall unless the owner gives us the numbers."\n\n- Helena Fries.\n\nThat was in March.',
    'inside a dam wall',
    { kind: 'direct', speaker: 'Helena Fries' },
  ],
  [
    'a quoted transcript turn is its labelled speaker\'s',
    'Partial transcript as follows:\n\n"HOST: Will the bridge reopen this year?\n\n"MAYOR: We expect it to reopen in the autumn, once the engineers sign it off."',
    'reopen in the autumn',
    { kind: 'direct', speaker: 'MAYOR', content: 'We expect it to reopen in the autumn, once the engineers sign it off."' },
  ],
  [
    'a left quote mark closing a quote',
    'Rescuers worked through the night. “The toll will rise,“ said Petra Lund, the rescue commander.',
    'toll will rise',
    { kind: 'direct', speaker: 'Petra Lund', cue: 'said' },
  ],
  [
    'an apposition between dashes',
    'Jon Aske — a farmer from Hallby — says the river has been dead for a week.',
    'river has been dead',
    { kind: 'indirect', speaker: 'Jon Aske', cue: 'says' },
  ],
  [
    'an age names the speaker',
    '"We lost everything in one night," said the 46-year-old.',
    'lost everything',
    { kind: 'direct', speaker: 'the 46-year-old' },
  ],
  [
    'a title-case headline: its subject said what follows its verb',
    'Harbour Workers Slam Port Plan As A \u2018Betrayal.\u2019\nThe dockers\u2019 union met on Monday.',
    'Betrayal',
    { kind: 'mixed', speaker: 'Harbour Workers', content: 'Port Plan As A \u2018Betrayal.\u2019' },
  ],
  [
    'a headline quote stops before its setting',
    "Mayor Velde Vows 'No More Flooding' After Storm Hits Lorvik\nThe mayor spoke on Monday.",
    'No More Flooding',
    { speaker: 'Mayor Velde', content: "'No More Flooding'" },
  ],
  [
    'the subject before a participle phrase speaks',
    'Farmers marching through the streets chanted "Water for the valley!" until dawn.',
    'Water for the valley',
    { speaker: 'Farmers marching through the streets' },
  ],
  [
    'a colon after an infinitive: the subject of the verb it hangs on',
    'The mayor grew so angry that I had to change my answer: "Of course the dam is safe."',
    'dam is safe',
    { speaker: 'I' },
  ],
  [
    'a noun cue: the subject of its verb speaks',
    'On Monday, Velde made the following comment: "The valley will be dry by June."',
    'valley will be dry',
    { speaker: 'Velde' },
  ],
  [
    'a quote going on after its cue and a setting is one statement',
    '"The dam will hold," Velde said during a visit to Lorvik on Monday, "but the old road will not."',
    'old road',
    { speaker: 'Velde', parts: 1, all: '"The dam will hold," "but the old road will not."' },
  ],
  [
    'the one spoken of belongs to the cue: what was said of them is the content',
    'The union accused the company\'s chief executive, Henrik Solvang, of "gambling with our lives."',
    'gambling',
    { speaker: 'The union', content: 'of "gambling with our lives."' },
  ],
  [
    'quoted words after a colon in a reported clause are the content',
    'The mayor is rolling out a new campaign message: "Lorvik will rise again."',
    'rise again',
    { speaker: 'The mayor', content: '"Lorvik will rise again."' },
  ],
  [
    'a quoted complement after `as` ends the content before its setting',
    'Velde criticized the rescue plan as a "paper exercise" during a visit to Hallby on Monday.',
    'paper exercise',
    { speaker: 'Velde', content: 'the rescue plan as a "paper exercise"' },
  ],
  [
    '`as X put it` before the words',
    'As Karin Aasen, the head of the environment office, put it on Monday, the river is "a sick patient."',
    'sick patient',
    { speaker: 'Karin Aasen', content: 'the river is "a sick patient."' },
  ],
  [
    '`as X put it` after the words',
    'By then the dam was "a disaster waiting to happen," as one engineer put it.',
    'disaster waiting',
    { speaker: 'one engineer', content: 'By then the dam was "a disaster waiting to happen,"' },
  ],
  [
    'a gerund cue speaks for the sentence subject, not a reported or relative clause before it',
    'Velde was openly angry about a contractor who said he was never paid after he built the bridge, saying, "He did not finish the job."',
    'did not finish',
    { speaker: 'Velde' },
  ],
  [
    '`mother of three` names the speaker; `, and when …` ends the clause before',
    'She said the plan covers mothers only, and when pressed on why, the 34-year-old mother of three replied, "It is meant for mothers."',
    'meant for mothers',
    { speaker: 'the 34-year-old mother of three' },
  ],
  [
    'a reported clause ends before `, and when …`',
    'She said the plan covers mothers only, and when pressed on why, the 34-year-old mother of three replied, "It is meant for mothers."',
    'covers mothers',
    { content: 'the plan covers mothers only' },
  ],
  [
    'a reported clause is not cut at a noun-tagged cue after `and`',
    'Velde said the recent spate of floods and protests demands that all residents engage in "more listening."',
    'more listening',
    { speaker: 'Velde', content: 'the recent spate of floods and protests demands that all residents engage in "more listening."' },
  ],
  [
    'any verb inverted before its speaker after a quote closing with a comma',
    '"This is the best day of my life," beamed Tomas Brekke of Hallby, who had waited all night.',
    'best day',
    { speaker: 'Tomas Brekke of Hallby', cue: 'beamed' },
  ],
  [
    'a quote closing with a full stop, then only its cue clause',
    'The mayor spoke last. "We will rebuild every house." Sollander said.',
    'rebuild every house',
    { speaker: 'Sollander', cue: 'said' },
  ],
  [
    'a quote right after its verb with the clause going on: the whole clause',
    'Velde said "it makes me angry" every time he drives past the dam.',
    'makes me angry',
    { speaker: 'Velde', content: '"it makes me angry" every time he drives past the dam' },
  ],
  [
    'a second predicate after `, but` stays in the reported clause',
    'Velde said he was once part of the council, but is now "its loudest critic."',
    'loudest critic',
    { speaker: 'Velde', content: 'he was once part of the council, but is now "its loudest critic."' },
  ],
  [
    'a participle after `and` following the quote is another statement',
    'Brekke was blunt, calling Velde a "faker" and questioning how he kept his job.',
    'faker',
    { content: 'Velde a "faker"' },
  ],
  [
    'the hearer before `that` may hold the commas of a place',
    'Velde told farmers in Hallby, Tarn Valley on Monday that the river "will be clean by June."',
    'clean by June',
    { speaker: 'Velde', content: 'that the river "will be clean by June."' },
  ],
  [
    'a first paragraph with its own cue is no headline',
    'Velde told farmers on Monday that the river "will be clean by June."\n\nThe farmers were not convinced.',
    'clean by June',
    { speaker: 'Velde', content: 'that the river "will be clean by June."' },
  ],
  [
    'a reported clause with a colon before its quote stays whole',
    'Velde said that the valley has two choices: "Rebuild or leave."',
    'Rebuild or leave',
    { content: 'that the valley has two choices: "Rebuild or leave."' },
  ],
  [
    'quoted words after `, but` go on with the reported clause',
    'Velde said he had received offers for the land, but "the offers were not serious."',
    'not serious',
    { content: 'he had received offers for the land, but "the offers were not serious."' },
  ],
  [
    'a name in apposition to a role speaks, particles and all',
    'The Qatari minister, Sheikh Mohammed bin Abdulrahman Al Thani, called it "a serious matter".',
    'serious matter',
    { speaker: 'Sheikh Mohammed bin Abdulrahman Al Thani' },
  ],
  [
    'a weak verb with a person subject and no clause is not a cue',
    'Velde had shown bad judgment in using the old report.',
    'bad judgment',
    undefined,
  ],
  // A name that only modifies the speaker noun is not the speaker.
  [
    'a name modifying the speaker noun: the supporter speaks, not the candidate',
    'Mara Velde spoke in Lorvik on Monday. "She will win," a Velde supporter said.',
    'She will win',
    { speaker: 'a Velde supporter', who: 'Velde supporter' },
  ],
  [
    'a campaign is not its candidate',
    'Mara Velde spoke in Lorvik on Monday. The Velde campaign said that the rally would go ahead.',
    'rally would go ahead',
    { speaker: 'The Velde campaign', who: 'Velde campaign' },
  ],
  [
    'a spokeswoman speaks for her organisation',
    'Brennholt Minerals opened the mine in 2010. "The dam was safe," a Brennholt Minerals spokeswoman said.',
    'dam was safe',
    { who: 'Brennholt Minerals' },
  ],
  [
    '`who` after a prepositional phrase is the nearest noun',
    'The plan drew a sharp reaction from Mayor Tomas Brekke, who called it "a disgrace."',
    'a disgrace',
    { who: 'Tomas Brekke' },
  ],
  [
    'a `whether` clause is what was asked',
    'Mara Velde asked whether the dam would hold through the spring.',
    'dam would hold',
    { kind: 'indirect', content: 'whether the dam would hold through the spring', who: 'Mara Velde' },
  ],
  [
    'the speaker\'s next act after a comma and a conjunction is not what was said',
    'Governor Ana Pell said that she had voted for the plan, but cautioned against haste.',
    'voted for the plan',
    { content: 'that she had voted for the plan', who: 'Ana Pell' },
  ],
  // Subjects with an age, a stray comma, an intensive pronoun; a share of those asked; a hedged number.
  [
    'an age between commas before the apposition',
    'Jillian Chase, 27, a teacher in Lorvik, said the election rarely came up.',
    'election rarely came up',
    { speaker: 'Jillian Chase' },
  ],
  [
    'a stray comma after a parenthesis',
    'Sen. Jack Reed (D-R.I.), said after a lunch on Tuesday that he had not read the plan.',
    'not read the plan',
    { who: 'Jack Reed' },
  ],
  [
    'an intensive pronoun after the subject',
    'Brennholt Minerals itself said the dam was safe.',
    'dam was safe',
    { speaker: 'Brennholt Minerals' },
  ],
  [
    'a share of those asked speaks',
    'One in three said the party does not care about them.',
    'does not care',
    { speaker: 'One in three' },
  ],
  [
    '`say` tagged as a noun after a share of those asked',
    'Since December, he has gained. Six in 10 say he is at least somewhat decisive.',
    'somewhat decisive',
    { speaker: 'Six in 10', cue: 'say' },
  ],
  [
    'a percentage speaks; `a say` is no cue',
    'There is less consensus: 47% say the United States should commit troops. Voters want to have a say in the matter.',
    'commit troops',
    { speaker: '47%' },
  ],
  [
    'an adverb set off by commas between subject and verb',
    'Proponents of the new bill, however, say it would keep enough safeguards.',
    'enough safeguards',
    { speaker: 'Proponents of the new bill' },
  ],
  [
    '`show` tagged as a noun after a document',
    'Polls show Clinton up by 10 points in the next major contest.',
    'up by 10 points',
    { speaker: 'Polls', cue: 'show' },
  ],
  [
    'a document after what it shows',
    'He agreed to sell the plane in 2010, records show.',
    'sell the plane',
    { speaker: 'records', content: 'He agreed to sell the plane in 2010' },
  ],
  [
    'the subject of `smiled and said`, after `When asked,`',
    'When asked, Ms. Sherry smiled and said, "I am waiting for Michael Bloomberg."',
    'waiting for Michael',
    { kind: 'direct', speaker: 'Ms. Sherry', cue: 'said' },
  ],
  [
    'a hedged number opens what was said',
    'The budget office said about half of the shortfall came from lower taxes.',
    'came from lower taxes',
    { content: 'about half of the shortfall came from lower taxes' },
  ],
  [
    'a first name the tagger reads as a verb is not a cue (`spokeswoman Hope Hicks said`)',
    'Campaign spokeswoman Hope Hicks said the rally would go ahead.',
    'rally would go ahead',
    { cue: 'said', speaker: 'Campaign spokeswoman Hope Hicks' },
  ],
];

for (const [name, text, needle, want] of cases) {
  test(`quotes: ${name}`, () => {
    const q = about(text, needle);
    if (want === undefined) return assert.equal(q, undefined);
    assert.ok(q, `no attribution holding "${needle}" in: ${JSON.stringify(show(text))}`);
    for (const [k, v] of Object.entries(want)) assert.deepEqual(q[k as keyof Shown], v, `${k} of ${JSON.stringify(q)}`);
  });
}

test('quotes: quote continued across paragraphs keeps one attribution', () => {
  const text = 'Velde spoke at length.\n\n"The first warning came at noon.\n\n"The second never came at all," Velde said.';
  const q = about(text, 'first warning');
  assert.ok(q);
  assert.equal(q.kind, 'direct');
  assert.ok(q.content.includes('second never came'), q.content);
});

test('quotes: a quote paragraph after an attributed one keeps the speaker', () => {
  const text = '"We did everything we could," Tomas Brekke told reporters.\n"Nobody expected this much rain in one night."';
  const q = about(text, 'Nobody expected');
  assert.ok(q);
  assert.equal(q.who, 'Tomas Brekke');
});

test('quotes: an unattributed quote keeps no speaker rather than a wrong one', () => {
  const text = 'The river rose.\n\n"Get out now, the water is coming through the walls."\n\nThe town was evacuated.';
  const q = about(text, 'Get out now');
  assert.ok(q);
  assert.equal(q.speaker, undefined);
});

test('quotes: scare quotes are not attributions of their own', () => {
  const text = 'The so-called "safe zone" was flooded first.';
  assert.equal(show(text).filter((q) => q.kind === 'direct').length, 0);
});

test('quotes: every span points into the text', () => {
  const text = '"A," he said. Velde said the dam was "fine" but, according to engineers, it was not.';
  for (const q of findQuotes(prepare(art(text)), [])) {
    for (const s of [q.content, ...(q.parts ?? []), ...(q.cue ? [q.cue] : []), ...(q.speaker ? [q.speaker.span] : [])]) {
      assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end, JSON.stringify(s));
    }
  }
});

test('quote marks: typographic, ASCII and tokenised pairs; nested and unclosed', () => {
  const text = 'He said “one ‘two’ three” and "four" and ``five\'\' and "six\n\nseven.';
  const segs = quoteSegments(text, paragraphStarts(text, false)).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(segs, ['“one ‘two’ three”', '"four"', "``five''", '"six']);
});

test('story quotes: the same words from two outlets become one quote with both sources', () => {
  const a = analyzeArticle({ id: 'a1', source: 'Herald', text: '"Sanctions never work against floods, and we know it," Mara Velde said on Monday.' });
  const b = analyzeArticle({ id: 'b1', source: 'Courier', text: 'Velde said "sanctions never work against floods" and left the meeting.' });
  const merged = mergeQuotes([a, b]);
  const q = merged.find((m) => m.text.toLowerCase().includes('sanctions never work'));
  assert.ok(q, JSON.stringify(merged));
  assert.deepEqual(q.sources.map((s) => s.source).sort(), ['Courier', 'Herald']);
  assert.equal(q.speaker, 'Mara Velde');
  assert.ok(q.variants.length >= 2);
  const md = quotesMarkdown(quotesBySpeaker(merged), [a, b]);
  assert.match(md, /## Mara Velde/);
  assert.match(md, /Herald/);
  assert.match(md, /Courier/);
});

test('story quotes: different words are not merged', () => {
  const a = analyzeArticle({ id: 'a1', text: '"The dam will hold through the winter," Velde said.' });
  const b = analyzeArticle({ id: 'b1', text: '"The bridge must be closed until spring," Velde said.' });
  assert.equal(mergeQuotes([a, b]).length, 2);
});

test('polnear: brat parsing and the half-overlap content match', () => {
  const ann = [
    'T1\tSource 0 5\tVelde',
    'T2\tCue 6 10\tsaid',
    'T3\tContent 11 20;25 30\tthe dam w',
    'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1',
    'T4\tContent 40 50\tsomething',
    'T5\tCue 51 55\tsaid',
    'E2\tAttribution-no-source:T5 Content:T4 Cue:T5',
  ].join('\n');
  const gold = parseBrat(ann);
  assert.equal(gold.length, 2);
  assert.deepEqual(gold[0]!.content, [{ start: 11, end: 20 }, { start: 25, end: 30 }]);
  assert.deepEqual(gold[1]!.source, []);
  assert.ok(contentMatches(gold[0]!.content, [{ start: 11, end: 30 }]));
  assert.ok(!contentMatches(gold[0]!.content, [{ start: 0, end: 60 }]));
  const text = 'x'.repeat(60);
  const s = scorePolnear([{ text, gold, preds: [{ kind: 'indirect', content: { start: 11, end: 30 }, speaker: { span: { start: 0, end: 5 }, canonical: 'Velde' } }] }]);
  assert.deepEqual(s.rows['all content+source'], { tp: 1, pred: 1, gold: 2 });
});

test('story quotes: the brief section lists named speakers only, direct quotes first', () => {
  const a = analyzeArticle({ id: 'a1', source: 'Herald', text: 'Mara Velde said the dam was old.\n"We warned them for years," Velde said.\n"Get out now, the water is coming."' });
  const md = whoSaidWhatMarkdown(quotesBySpeaker(mergeQuotes([a])), [a], { speakers: 3, quotes: 1 });
  assert.match(md, /\*\*Mara Velde\*\*/);
  assert.match(md, /We warned them for years/);
  assert.doesNotMatch(md, /the dam was old/);
});

test('quotes: she is not resolved to a man named just before', () => {
  const text = 'Hillary Clinton met Donald Trump in the studio.\n"We disagree on almost everything," she said.';
  const q = about(text, 'We disagree');
  assert.ok(q);
  assert.equal(q.who, 'Hillary Clinton');
});

test('speaker: a name in apposition after a role noun is the speaker (`Its director, Helena Fries, said`)', () => {
  const text = 'The inspectorate sent a reminder. Its director, Helena Fries, said the visit had been "a visual inspection, not a certificate."';
  const q = about(text, 'visual inspection');
  assert.equal(q?.speaker, 'Helena Fries');
  assert.equal(q?.who, 'Helena Fries');
});

test('story quotes: speakers differing only in capitals are one group, in the commonest form', () => {
  const a = analyzeArticle(art('Residents said the water was brown. Residents said the fish had died. The mayor met them, residents said.', 'a'));
  const groups = quotesBySpeaker(mergeQuotes([a]));
  const names = groups.map((g) => g.speaker);
  assert.deepEqual(names.filter((n) => n.toLowerCase() === 'residents'), ['Residents']);
  assert.equal(groups.find((g) => g.speaker === 'Residents')!.quotes.length, 3);
});
