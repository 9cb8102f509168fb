/** Stable article ids: a content hash, so the same article read twice is one article. */
import { createHash } from 'node:crypto';

/** First 16 hex digits of the SHA-256 of the article text (whitespace-normalised). */
export function articleId(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}
