/**
 * Reader comments after the story. Pages saved as text (blogs especially) often carry the
 * whole comment thread after the article — sometimes fifty times longer than the story
 * itself. A thread shows itself by repeated comment signatures: `Posted by: NAME | DATE
 * TIME`, `Posted by NAME at 10:02 PM`, `… | Report abuse`, `At 9:59 pm on 09 Jun 2009, NAME
 * wrote:` (a reply quoting another). From the line holding the first
 * signature on, the text is the thread: it stays in `text` (nothing is lost) but is not
 * story text, so analysis stops before it.
 */
import type { Article, Span } from '../model/types.js';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const WHEN = `(?:${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}\\s+${MONTH}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}:\\d{2})`;
/** Comment signatures: who posted it and when, or the moderation link beside each comment. */
const SIGNATURES = [
  new RegExp(`\\bPosted by\\s*:?\\s*[^\\n|]{1,80}?(?:\\||\\bat\\b|\\bon\\b|,)\\s*${WHEN}`, 'gi'),
  /\|\s*(?:Report (?:abuse|this comment)|Flag as (?:inappropriate|offensive))\b/gi,
  // (a reply quoting an earlier comment: `At 9:59 pm on 09 Jun 2009, GreenGoblinKing wrote:`)
  // (also `At 17:00 26th Apr 2009, Nich wrote:`)
  new RegExp(`\\bAt\\s+\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s+(?:on\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)\\s+${MONTH}|${WHEN})[^\\n]{0,20}?,\\s*[^\\n,:]{1,60}?\\s+wrote\\s*:`, 'gi'),
];

/** At least this many signatures make a comment thread (one could be a quoted phrase). */
const MIN_SIGNATURES = 3;
/** The story before the thread must keep at least this many characters. */
const MIN_STORY = 200;

/** The comment thread of a text: from the start of the line with its first signature to the end. */
export function findComments(text: string): Span | undefined {
  // A quick look first (a case-sensitive scan is several times faster than a case-blind one).
  if (!/[Pp]osted [Bb]y|[Rr]eport (?:[Aa]buse|[Tt]his [Cc]omment)|[Ff]lag [Aa]s|POSTED BY|REPORT ABUSE|wrote ?:/.test(text)) return undefined;
  // Each kind is counted apart: one comment may carry both its byline and its moderation link.
  let first = -1;
  for (const re of SIGNATURES) {
    let count = 0;
    let at = -1;
    for (const m of text.matchAll(re)) {
      if (at < 0) at = m.index;
      if (++count >= MIN_SIGNATURES) break;
    }
    if (count >= MIN_SIGNATURES && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return undefined;
  const start = text.lastIndexOf('\n', first) + 1;
  if (text.slice(0, start).trim().length < MIN_STORY) return undefined;
  return { start, end: text.length };
}

/** The text of an article up to its comment thread, if it has one (offsets unchanged). */
export function storyText(a: Pick<Article, 'text' | 'comments'>): string {
  return a.comments ? a.text.slice(0, a.comments.start) : a.text;
}
