/** Stable article ids: a content hash, so the same article read twice is one article. */
import { createHash } from 'node:crypto';

/** First 16 hex digits of the SHA-256 of the article text (line endings and outer space ignored). */
export function articleId(text: string): string {
  const t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return createHash('sha256').update(t.trim()).digest('hex').slice(0, 16);
}
