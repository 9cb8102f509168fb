/**
 * Quotes and reported speech (hook for the who-said-what issue): not implemented yet.
 */
import type { NameMention, Quote } from '../model/types.js';
import type { Doc } from './doc.js';

/** Attributions of a document. */
export function findQuotes(_doc: Doc, _names: NameMention[]): Quote[] {
  return [];
}
