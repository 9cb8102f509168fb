/**
 * Domain types shared by every stage. Every piece of analysis is a span
 * `{ start, end }` of JavaScript string indices into `Article.text`, so any output
 * can be traced back to the exact source characters.
 */

/** A half-open character range `[start, end)` into an article's `text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span that also names the article it points into (used across articles). */
export interface SourceSpan extends Span {
  article: string;
}

/** Where in an input a problem was found. */
export interface Place {
  line?: number;
  item?: number;
  offset?: number;
}

/** Problem codes; messages are made from codes in `model/problems.ts`. */
export type ProblemCode =
  | 'not-found'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'bad-encoding'
  | 'too-large'
  | 'bad-html'
  | 'bad-xml'
  | 'bad-json'
  | 'bad-record'
  | 'bad-meta'
  | 'bad-date'
  | 'no-text'
  | 'duplicate'
  | 'unknown-format'
  | 'too-many-items'
  | 'time-unresolved'
  | 'analysis-failed';

/** Bad input is data: a problem says what, where and why, and the run goes on. */
export interface Problem {
  code: ProblemCode;
  message: string;
  file?: string;
  place?: Place;
}

/** One article, whatever form it came in. `text` is what every span points into. */
export interface Article {
  /** Content hash of `text` (stable, deterministic). */
  id: string;
  /** Input path it came from (for feeds/JSONL: the file holding it). */
  file?: string;
  /** Outlet or publisher, e.g. `Reuters`. */
  source?: string;
  title?: string;
  url?: string;
  /** Publication date, `YYYY-MM-DD` or an ISO date-time. */
  published?: string;
  author?: string;
  /** Headline line inside `text` (plain-text inputs). */
  headline?: Span;
  /** Dateline such as `BEIRUT -` inside `text`. */
  dateline?: Span & { place: string };
  /** Credits lines (`(Writing by ...; Editing by ...)`) inside `text`. */
  credits?: Span[];
  /** Photo captions inside `text`. */
  captions?: Span[];
  /** Metadata prefixes such as ` date 2012-06-08` inside `text`. */
  meta?: Span[];
  /** A reader-comment thread after the story (to the end of `text`): kept, but not analysed. */
  comments?: Span;
  /** Tokenised input (Timeline17): `text` holds detokenised display text built from it. */
  tokenised?: boolean;
  text: string;
}

/** A token of the article text. */
export interface Token extends Span {
  /** The token exactly as in the text. */
  text: string;
  /** Lower-cased, normalised form (quotes normalised to `"`). */
  normal: string;
  /** Universal POS tag from wink-nlp. */
  pos: string;
  lemma: string;
  /** Whitespace before the token contains a line break. */
  lineStart: boolean;
  /** The whitespace before the token contains a blank line (a paragraph break). */
  paraStart: boolean;
}

/** A sentence of the story text; `tokens` are indices `[from, to)` into the token list. */
export interface Sentence extends Span {
  index: number;
  tokens: [number, number];
  /** Paragraph number (0-based) within the article body. */
  paragraph: number;
}

export type NameType = 'person' | 'organization' | 'place' | 'other';

/** A proper-name mention with its canonical form within the article. */
export interface NameMention extends Span {
  text: string;
  type: NameType;
  canonical: string;
  /** Title or role words seen just before the name (`Deputy Foreign Minister`). */
  title?: string;
}

/** A number with what it counts. */
export interface NumberMention extends Span {
  text: string;
  value: number;
  /** Upper bound for ranges (`10 to 15`). */
  upper?: number;
  /** `more than`, `at least`, `about`, `up to`, `nearly`, `feared` ... */
  hedge?: string;
  /** What is counted (`people`, `civilians`, `UN monitors`, `months`, `USD`). */
  unit?: string;
  unitSpan?: Span;
  /** Sentence index. */
  sentence: number;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A temporal expression normalised TimeML-style against the publication date. */
export interface TimeMention extends Span {
  text: string;
  type: TimeType;
  /** TimeML value: `2012-05-25`, `2012-W22`, `P16M`, `PAST_REF` ... ; absent when unresolved. */
  value?: string;
  /** What the value is anchored to: the article date, an explicit date, or another event. */
  anchor?: 'dct' | 'absolute' | 'event' | 'none';
  /** Why a value could not be given. */
  problem?: string;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

/** An attribution: what was said, the cue, and who said it. */
export interface Quote {
  kind: QuoteKind;
  content: Span;
  /** Further content pieces when the content is split (`"...," he said, "..."`). */
  parts?: Span[];
  cue?: Span;
  speaker?: { span: Span; canonical: string };
}

/** The per-article analysis, as printed by `dossier analyze`. */
export interface AnalyzedArticle {
  id: string;
  file?: string;
  source?: string;
  title?: string;
  url?: string;
  published?: string;
  headline?: Span;
  dateline?: Span & { place: string };
  credits: Span[];
  captions: Span[];
  /** A reader-comment thread after the story, left out of the analysis. */
  comments?: Span;
  text: string;
  sentences: Sentence[];
  names: NameMention[];
  numbers: NumberMention[];
  times: TimeMention[];
  quotes: Quote[];
  problems: Problem[];
}

/** A sentence of another article that says nearly the same thing as a cited one. */
export interface Corroboration extends SourceSpan {
  similarity: number;
}

/** A source sentence a story stage puts forward (summary, timeline), with who else says it. */
export interface CitedSentence {
  /** The source sentence: article id and span into that article's text. */
  source: SourceSpan;
  /** The sentence text with whitespace normalised (one line). */
  text: string;
  /** Index of the sentence in its article. */
  sentence: number;
  title?: string;
  published?: string;
  file?: string;
  /** Sentences of other articles that say nearly the same thing, most similar first. */
  corroborations: Corroboration[];
}

/** Result of reading: articles plus problems, never a throw for bad input. */
export interface ReadResult {
  articles: Article[];
  problems: Problem[];
}
