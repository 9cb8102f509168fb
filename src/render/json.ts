/** Report → JSON (stable key order, no article texts unless asked). Pure. */
import type { Report } from '../model/report.js';

/** Render the report as pretty JSON; `withText` keeps each article's full text. */
export function renderJson(r: Report, withText = false): string {
  const articles = r.articles.map(({ text, sentenceSpans, ...rest }) => (withText ? { ...rest, sentenceSpans, text } : rest));
  return JSON.stringify({ ...r, articles }, null, 2) + '\n';
}
