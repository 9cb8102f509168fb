/** Proper names (persons, organisations, places) — being written. */
import type { NameMention } from '../model/types.js';
import type { Doc } from './doc.js';

/** Names of a document with canonical forms. */
export function findNames(_doc: Doc): NameMention[] {
  return [];
}
