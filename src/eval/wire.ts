/**
 * Wire-copy count on a collection of topics (DUC 2004: 10 AP/NYT articles a topic, often several
 * versions of one agency report): how many article pairs each shared-text verdict gets.
 * There is no gold standard for reuse in DUC; the command prints pairs to check by hand.
 */
import { findSharedText, type SharedPair, type SharedTextInput, type SharedTextOptions } from '../story/shared-text.js';

export interface WireTopicResult {
  topic: string;
  articles: number;
  /** All pairs of the topic: n(n-1)/2. */
  pairs: number;
  wire: number;
  heavy: number;
  /** Pairs with some shared passage judged independent. */
  independent: number;
  flagged: SharedPair[];
}

/** Shared-text verdicts for the pairs of one topic. */
export function wireTopic(topic: string, articles: SharedTextInput[], options?: SharedTextOptions): WireTopicResult {
  const found = findSharedText(articles, options);
  const n = articles.length;
  return {
    topic,
    articles: n,
    pairs: (n * (n - 1)) / 2,
    wire: found.filter((p) => p.verdict === 'same wire copy').length,
    heavy: found.filter((p) => p.verdict === 'heavily shared').length,
    independent: found.filter((p) => p.verdict === 'independent').length,
    flagged: found.filter((p) => p.verdict !== 'independent'),
  };
}
