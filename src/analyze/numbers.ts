/** Numbers with what they count — being written. */
import type { NumberMention } from '../model/types.js';
import type { Doc } from './doc.js';

/** Numbers of a document. */
export function findNumbers(_doc: Doc): NumberMention[] {
  return [];
}
