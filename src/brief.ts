/**
 * The brief: the report of `dossier brief`, composed from the story stages.
 * Each stage adds its section; stages are pure functions of the analysed articles.
 */
import type { AnalyzedArticle, Problem } from './model/types.js';
import type { Report } from './model/report.js';
import { buildReport } from './pipeline.js';

/** Build the full brief for one story's analysed articles. */
export function buildBrief(analyzed: AnalyzedArticle[], problems: Problem[] = []): Report {
  const report = buildReport(analyzed, problems);
  return report;
}
