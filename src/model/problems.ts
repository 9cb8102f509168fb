/**
 * Problem messages are made from codes in this one place, so wording stays consistent.
 */
import type { Place, Problem, ProblemCode } from './types.js';

const WHY: Record<ProblemCode, string> = {
  'not-found': 'no such file or folder',
  unreadable: 'could not be read',
  empty: 'is empty (no text to analyse)',
  binary: 'looks like a binary file, not text',
  'bad-encoding': 'is not valid text in any supported encoding',
  'too-large': 'is larger than the size limit',
  'bad-html': 'is not usable HTML',
  'bad-xml': 'is not well-formed XML',
  'bad-json': 'is not valid JSON',
  'bad-record': 'is a record without usable text',
  'bad-meta': 'has a metadata problem',
  'bad-date': 'has a date that is not a valid date',
  'no-text': 'has no readable article text',
  duplicate: 'is the same article as one already read',
  'unknown-format': 'is in a format Dossier does not read',
  'too-many-items': 'has more items than the limit',
  'time-unresolved': 'has a time expression that cannot be resolved without a publication date',
  'analysis-failed': 'could not be fully analysed (a bug: please report it with the article)',
};

/** Codes that describe something worth knowing but not a failure (they do not change the exit code). */
export const NOTICE_CODES: ReadonlySet<ProblemCode> = new Set(['duplicate', 'time-unresolved']);

/** Make a problem; `detail` says the specific why (a parser message, the limit). */
export function problem(code: ProblemCode, file: string | undefined, detail?: string, place?: Place): Problem {
  const where = file ?? 'input';
  const message = `${where}${placeText(place)} ${WHY[code]}${detail ? `: ${detail}` : ''}`;
  const p: Problem = { code, message };
  if (file !== undefined) p.file = file;
  if (place) p.place = place;
  return p;
}

function placeText(p?: Place): string {
  if (!p) return '';
  const parts: string[] = [];
  if (p.line !== undefined) parts.push(`line ${p.line}`);
  if (p.item !== undefined) parts.push(`item ${p.item}`);
  if (p.offset !== undefined) parts.push(`offset ${p.offset}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** True when a problem is a failure (not a notice). */
export function isFailure(p: Problem): boolean {
  return !NOTICE_CODES.has(p.code);
}
