/**
 * Benchmark: articles/second for read + analyze on a large input, one process (one core).
 * Default input: the Timeline17 articles under ../shared/data/t17 (skipped if absent).
 *   npm run bench [-- DIR] [--limit N]
 *   tsx bench/read-analyze.ts --runs 3      (three fresh processes, then min / median / max; npm run bench does this)
 *   tsx bench/read-analyze.ts --wink-only   (wink-nlp alone, for comparison; npm run bench runs it too)
 *   tsx bench/read-analyze.ts --stages      (one first pass, timed stage by stage; npm run bench runs it too)
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readInputs } from '../src/read/index.js';
import { analyzeArticle, prepare } from '../src/analyze/index.js';
import { findTimes } from '../src/analyze/times.js';
import { findNames } from '../src/analyze/names.js';
import { findNumbers } from '../src/analyze/numbers.js';
import { findQuotes } from '../src/analyze/quotes.js';
import { segmented } from '../src/analyze/doc.js';
import { tokenize, winkOnly } from '../src/analyze/nlp.js';
import { storyText } from '../src/read/comments.js';

const args = process.argv.slice(2);
// `--wink-only`: wink-nlp alone on the same articles, in a fresh process (its caches cold, as
// the full analysis meets them), to show how much of the time is the tagger's.
const winkAlone = args.includes('--wink-only');
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit' && args[i - 1] !== '--runs') ?? '../shared/data/t17';
if (!existsSync(dir)) {
  console.log(`skipped: ${dir} not found (the benchmark reads the Timeline17 articles from ../shared/data/t17; pass a folder to use another)`);
  process.exit(0);
}

// `--runs N`: the benchmark N times, each in a fresh process (a first pass each time, as a user
// meets it), then the spread: one run on a shared 2-core machine can be 10% off.
const runsAt = args.indexOf('--runs');
if (runsAt >= 0) {
  const runs = Math.max(1, Number(args[runsAt + 1]) || 3);
  const rest = args.filter((_, i) => i !== runsAt && i !== runsAt + 1);
  const rates: number[] = [];
  for (let r = 1; r <= runs; r++) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...rest], { encoding: 'utf8' });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      process.exit(child.status ?? 1);
    }
    const out = child.stdout.trimEnd();
    if (r === 1) console.log(out);
    const line = out.split('\n').find((l) => l.startsWith('read + analyze:'));
    if (r > 1 && line) console.log(line);
    const m = /\((\d+) articles\/s/.exec(line ?? '');
    if (m) rates.push(Number(m[1]));
    else if (out.startsWith('skipped')) process.exit(0);
  }
  rates.sort((a, b) => a - b);
  console.log(`read + analyze over ${rates.length} runs: min ${rates[0]} · median ${rates[Math.floor((rates.length - 1) / 2)]} · max ${rates[rates.length - 1]} articles/s (one core each)`);
  process.exit(0);
}

const t0 = performance.now();
const { articles, problems } = await readInputs([dir]);
const tRead = performance.now() - t0;
const sample = articles.slice(0, Math.min(articles.length, limit));
const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);
if (winkAlone) {
  winkOnly('Warm up.');
  const t = performance.now();
  for (const a of sample) winkOnly(storyText(a));
  const ms = performance.now() - t;
  console.log(`wink-nlp alone:  ${ms.toFixed(0)} ms  (${(sample.length / (ms / 1000)).toFixed(0)} articles/s; tokens + POS tags as Dossier runs it, first pass, none of our analysis)`);
  process.exit(0);
}
// Load the tagger model and the word lists once, outside the timing, by analysing the first article.
const tw = performance.now();
analyzeArticle(sample[0]!);
const tWarm = performance.now() - tw;

if (args.includes('--stages')) {
  // The steps of `prepare` and `analyzeDoc`, in their order, each timed on its own (first pass).
  const ms = { 'tokens (wink-nlp + ours)': 0, sentences: 0, names: 0, numbers: 0, times: 0, quotes: 0 };
  const T0 = performance.now();
  for (const a of sample) {
    let t = performance.now();
    const lap = (k: keyof typeof ms) => {
      const u = performance.now();
      ms[k] += u - t;
      t = u;
    };
    const text = storyText(a);
    const tokenized = tokenize(text, true);
    lap('tokens (wink-nlp + ours)');
    const doc = segmented(a, text, tokenized);
    lap('sentences');
    const names = findNames(doc);
    lap('names');
    findNumbers(doc);
    lap('numbers');
    findTimes(doc, a.published);
    lap('times');
    findQuotes(doc, names);
    lap('quotes');
  }
  const total = performance.now() - T0;
  console.log(`stages, one first pass over ${sample.length} articles (ms per article):`);
  for (const [k, v] of Object.entries(ms)) console.log(`  ${k.padEnd(26)}${(v / sample.length).toFixed(3)}`);
  console.log(`  ${'all'.padEnd(26)}${(total / sample.length).toFixed(3)}  (${rate(sample.length, total)} articles/s, reading not included)`);
  process.exit(0);
}

const t1 = performance.now();
let sentences = 0;
for (const a of sample) sentences += analyzeArticle(a).sentences.length;
const tAnalyze = performance.now() - t1;

// A second pass, each step timed on its own (a difference of two passes would swing with the noise).
let tPrepare = 0;
let tTimes = 0;
for (const a of sample) {
  const t2 = performance.now();
  const doc = prepare(a);
  const t3 = performance.now();
  findTimes(doc, a.published);
  tTimes += performance.now() - t3;
  tPrepare += t3 - t2;
}

const words = sample.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
console.log(`input: ${dir} — ${articles.length} articles read (${problems.length} problems), ${sample.length} analysed, ${words} words, ${sentences} sentences`);
console.log(`start-up:        ${tWarm.toFixed(0)} ms  (once per process: the tagger model and word lists; not in the rates below)`);
console.log(`read:            ${tRead.toFixed(0)} ms  (${rate(articles.length, tRead)} articles/s)`);
console.log(`tokens+sentences ${tPrepare.toFixed(0)} ms  (${rate(sample.length, tPrepare)} articles/s; wink-nlp tokens + our sentences; second pass)`);
console.log(`times only:      ${tTimes.toFixed(0)} ms  (${rate(sample.length, Math.max(1, tTimes))} articles/s; second pass)`);
console.log(`full analyze:    ${tAnalyze.toFixed(0)} ms  (${rate(sample.length, tAnalyze)} articles/s)`);
console.log(`read + analyze:  ${(tRead * (sample.length / articles.length) + tAnalyze).toFixed(0)} ms  (${rate(sample.length, tRead * (sample.length / articles.length) + tAnalyze)} articles/s, one core)`);
