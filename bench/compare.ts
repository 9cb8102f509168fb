/**
 * Benchmark: `dossier compare`'s comparison stage on one large collection (one process).
 * Default input: the Timeline17 collection ../shared/data/t17/bpoil_reuters (298 articles;
 * skipped if absent). Reading and per-article analysis are timed apart: they are shared with
 * every command and measured by bench/read-analyze.ts.
 *   npx tsx bench/compare.ts [DIR]
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readAndAnalyze } from '../src/pipeline.js';
import { compareArticles } from '../src/story/compare.js';
import { findSharedText } from '../src/story/shared-text.js';
import { groupNumbers } from '../src/story/number-claims.js';
import { findConflicts } from '../src/story/conflicts.js';
import { findCoverage } from '../src/story/coverage.js';

const dir = process.argv[2] ?? '../shared/data/t17/bpoil_reuters';
if (!existsSync(dir)) {
  console.log(`skipped: ${dir} not found (the benchmark reads a Timeline17 collection from ../shared/data/t17; pass a folder to use another)`);
  process.exit(0);
}
const t0 = performance.now();
const { analyzed } = await readAndAnalyze([dir]);
const tLoad = performance.now() - t0;
const time = <T>(f: () => T): [T, number] => {
  const s = performance.now();
  const r = f();
  return [r, performance.now() - s];
};
// CPU time as well as wall time: on a shared machine the wall time also counts waiting.
const cpu0 = process.cpuUsage();
const [c, tAll] = time(() => compareArticles(analyzed));
const cpu = process.cpuUsage(cpu0);
const [, tShared] = time(() => findSharedText(analyzed));
const [, tNumbers] = time(() => groupNumbers(analyzed));
const [, tConflicts] = time(() => findConflicts(analyzed));
const [, tCoverage] = time(() => findCoverage(analyzed));
const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
console.log(`${dir}: ${analyzed.length} articles, ${analyzed.reduce((n, a) => n + a.sentences.length, 0)} sentences`);
console.log(`read + analyze: ${ms(tLoad)} (not part of the comparison)`);
console.log(`compareArticles: ${ms(tAll)} wall, ${ms((cpu.user + cpu.system) / 1000)} CPU  [warm, by stage: shared text ${ms(tShared)}, numbers ${ms(tNumbers)}, conflicts ${ms(tConflicts)}, coverage ${ms(tCoverage)}]`);
console.log(`found: ${c.shared.filter((p) => p.verdict === 'same wire copy').length} same-wire-copy pairs, ${c.shared.filter((p) => p.verdict === 'heavily shared').length} heavily shared, ${c.numbers.length} quantity groups, ${c.conflicts.length} conflicts, ${c.coverage.facts.length} shared facts (${c.coverage.unique.length} unique listed)`);
