import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../src/index.js';

test('public API: the exported functions are pinned', () => {
  const fns = Object.entries(api).filter(([, v]) => typeof v === 'function').map(([k]) => k).sort();
  assert.deepEqual(fns, [
    'Ingestor', 'OnlineClusterer', 'analyzeAll', 'analyzeArticle', 'analyzeDoc', 'brief', 'buildBrief', 'buildDigest', 'buildReport', 'buildTimeline',
    'clusterBatch', 'compareArticles', 'isFailure', 'mergeEntities', 'mergeQuotes', 'openStore', 'prepare', 'quotesBySpeaker', 'readAndAnalyze',
    'readInputs', 'readOne', 'renderHtml', 'renderJson', 'renderMarkdown', 'rougeAll', 'rougeL', 'rougeN', 'rougeS', 'serve', 'sourceLabel', 'storeDigest', 'storePath',
    'storyBrief', 'summarize',
  ]);
});

test('public API: brief() reads, analyses and reports', async () => {
  const { report, problems } = await api.brief(['examples/articles'], { meta: 'examples/articles.tsv' });
  assert.equal(problems.length, 0);
  assert.equal(report.stats.articles, 8);
  const people = report.entities.filter((e) => e.type === 'person').map((e) => e.canonical);
  assert.ok(people.includes('Tomas Vedel'));
});
