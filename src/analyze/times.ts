/**
 * Temporal expressions (hook for the dates/times issue): not implemented yet, returns none.
 */
import type { Problem, TimeMention } from '../model/types.js';
import type { Doc } from './doc.js';

/** Temporal expressions of a document, normalised against `published` (YYYY-MM-DD). */
export function findTimes(_doc: Doc, _published?: string): { times: TimeMention[]; problems: Problem[] } {
  return { times: [], problems: [] };
}
