/**
 * Reading: inputs (files, folders read recursively, `-` for stdin) become Articles.
 * One file per format beside this one; this module finds the files, decodes them,
 * picks the format, applies metadata, de-duplicates, and turns every failure into a Problem.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { Article, Problem, ReadResult } from '../model/types.js';
import { problem } from '../model/problems.js';
import { decode } from './decode.js';
import { articleId } from './id.js';
import { detokenise, isTokenised, parseText } from './text.js';
import { parseHtml } from './html.js';
import { looksLikeFeed, normaliseDate, parseFeed } from './feed.js';
import { parseJsonl } from './jsonl.js';
import { lookup, parseSidecar, validDate, type Sidecar } from './meta.js';

export { parseText, detokenise, findDateline } from './text.js';
export { parseSidecar, validDate } from './meta.js';

export interface ReadOptions {
  /** Metadata sidecar file (TSV or CSV). */
  meta?: string;
  /** Default publication date `YYYY-MM-DD` for articles without one. */
  date?: string;
  /** Largest file read, in bytes (default 64 MiB); larger files are refused with a problem. */
  maxBytes?: number;
  /** Most items taken from one feed or JSONL file (default 100,000). */
  maxItems?: number;
  /** Called after each file with counts so far. */
  onProgress?: (done: number, total: number) => void;
  /** Standard input for `-`. */
  readStdin?: () => Promise<Buffer>;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_ITEMS = 100_000;
/** Files read ahead of the one being parsed. */
const READ_AHEAD = 8;
const SKIP_EXT = new Set(['.tsv', '.csv', '.md', '.json', '.db', '.ann', '.tml', '.gz', '.zip', '.png', '.jpg', '.jpeg', '.gif', '.pdf']);
const DATE_DIR = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Expand inputs to a sorted list of files; missing paths become problems. (Synchronous calls:
 * a folder listing is quick, and awaiting each of a thousand folders left the process idle.)
 */
export async function listFiles(inputs: string[], problems: Problem[]): Promise<string[]> {
  const out: string[] = [];
  const walk = (p: string, top: boolean): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push(problem('not-found', p));
      return;
    }
    if (st.isDirectory()) walkDir(p);
    else if (st.isFile()) {
      // Inside folders, skip files that are clearly not articles (sidecars, images, archives).
      if (!top && SKIP_EXT.has(extname(p).toLowerCase())) return;
      out.push(p);
    }
  };
  // A folder's entries say what they are; only symbolic links need a stat of their own.
  const walkDir = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walkDir(p);
      else if (e.isFile()) {
        if (!SKIP_EXT.has(extname(p).toLowerCase())) out.push(p);
      } else walk(p, false);
    }
  };
  for (const i of inputs) {
    if (i === '-') out.push('-');
    else walk(i, true);
  }
  return out;
}

/** Read every input into Articles; bad inputs become Problems and reading goes on. */
export async function readInputs(inputs: string[], opts: ReadOptions = {}): Promise<ReadResult> {
  const problems: Problem[] = [];
  let sidecar: Sidecar | undefined;
  if (opts.meta) {
    try {
      const r = parseSidecar(await readFile(opts.meta, 'utf8'), opts.meta);
      sidecar = r.sidecar;
      problems.push(...r.problems);
    } catch {
      problems.push(problem('not-found', opts.meta, 'metadata sidecar'));
    }
  }
  if (opts.date && !validDate(opts.date)) problems.push(problem('bad-date', undefined, `--date "${opts.date}" is not YYYY-MM-DD`));
  const defaultDate = opts.date && validDate(opts.date) ? opts.date : undefined;

  const files = await listFiles(inputs, problems);
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  let done = 0;
  // Files are read a few at a time ahead of the one being parsed, and taken in order.
  const ahead: Array<Promise<ReadResult>> = [];
  const fetch = (i: number) => {
    if (i < files.length) ahead[i] = readOne(files[i]!, opts);
  };
  for (let i = 0; i < READ_AHEAD; i++) fetch(i);
  for (const [i, file] of files.entries()) {
    const got = await ahead[i]!;
    delete ahead[i];
    fetch(i + READ_AHEAD);
    problems.push(...got.problems);
    for (const a of got.articles) {
      const row = sidecar && file !== '-' ? lookup(sidecar, file) : undefined;
      if (row) {
        a.published = row.published ?? a.published;
        a.source = row.source ?? a.source;
        a.title = row.title ?? a.title;
        a.url = row.url ?? a.url;
      }
      if (!a.published && defaultDate) a.published = defaultDate;
      const first = seen.get(a.id);
      if (first !== undefined) {
        problems.push(problem('duplicate', a.file, `same text as ${first}`));
        continue;
      }
      seen.set(a.id, a.file ?? a.id);
      articles.push(a);
    }
    opts.onProgress?.(++done, files.length);
  }
  return { articles, problems };
}

/** Read one file (or stdin) into articles. */
export async function readOne(file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let buf: Buffer;
  try {
    if (file === '-') {
      if (!opts.readStdin) return { articles: [], problems: [problem('unreadable', '-', 'standard input is not available here')] };
      buf = await opts.readStdin();
    } else {
      // (Synchronous calls: one article file is small, and four awaited calls per file cost
      // more than reading it.)
      const st = statSync(file);
      if (st.size > max) {
        return { articles: [], problems: [problem('too-large', file, `${mb(st.size)} MiB, limit ${mb(max)} MiB (split it, or raise --max-size)`)] };
      }
      buf = readFileSync(file);
    }
  } catch (e) {
    return { articles: [], problems: [problem('unreadable', file, (e as Error).message)] };
  }
  if (buf.length > max) return { articles: [], problems: [problem('too-large', file, `limit ${mb(max)} MiB`)] };
  if (buf.length === 0) return { articles: [], problems: [problem('empty', file)] };
  const dec = decode(buf);
  if (!dec.ok) return { articles: [], problems: [problem(dec.code, file, dec.detail)] };
  const text = dec.text;
  if (!text.trim()) return { articles: [], problems: [problem('empty', file, 'only white space')] };
  return parseByFormat(file, text, opts.maxItems ?? DEFAULT_MAX_ITEMS);
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}

/** The publication date given by a `YYYY-MM-DD` parent folder (Timeline17 layout). */
export function folderDate(file: string): string | undefined {
  const parts = file.split(sep);
  for (let i = parts.length - 2; i >= 0; i--) if (DATE_DIR.test(parts[i]!) && validDate(parts[i]!)) return parts[i];
  return undefined;
}

function parseByFormat(file: string, text: string, maxItems: number): ReadResult {
  const ext = file === '-' ? '' : extname(file).toLowerCase();
  const name = file === '-' ? '-' : file;
  const head = text.slice(0, 512).trimStart();
  if (ext === '.jsonl' || ext === '.ndjson' || (ext === '' && head.startsWith('{') && text.includes('\n{'))) return fromJsonl(name, text, maxItems);
  if (['.xml', '.rss', '.atom', '.rdf'].includes(ext) || (head.startsWith('<?xml') && looksLikeFeed(text)) || (head.startsWith('<') && looksLikeFeed(text))) {
    if (looksLikeFeed(text) || ext !== '.xml') return fromFeed(name, text, maxItems);
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || /^(<!doctype html|<html)/i.test(head)) return fromHtml(name, text);
  if (ext === '.xml') return { articles: [], problems: [problem('unknown-format', name, 'XML that is not an RSS, Atom or RDF feed')] };
  if (text.includes('|||||')) return fromMultiNews(name, text);
  return fromText(name, text);
}

/** Build an Article for plain text: spans for headline/dateline/credits, date from a folder. */
export function textArticle(file: string | undefined, raw: string): Article {
  let text = raw.replace(/^\ufeff/, '');
  let tokenised = false;
  if (isTokenised(text)) {
    text = detokenise(text);
    tokenised = true;
  }
  const parts = parseText(text);
  const a: Article = { id: articleId(text), text, ...parts };
  if (file !== undefined && file !== '-') a.file = file;
  if (tokenised) a.tokenised = true;
  const fd = file && file !== '-' ? folderDate(file) : undefined;
  if (!a.published && fd) a.published = fd;
  return a;
}

function fromText(file: string, text: string): ReadResult {
  const a = textArticle(file, text);
  if (!a.text.trim()) return { articles: [], problems: [problem('no-text', file)] };
  return { articles: [a], problems: [] };
}

function fromMultiNews(file: string, text: string): ReadResult {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  text.split('|||||').forEach((piece, i) => {
    if (!piece.trim()) return;
    const a = textArticle(file, piece.trim());
    a.title ??= `${basename(file)} #${i + 1}`;
    articles.push(a);
  });
  if (!articles.length) problems.push(problem('no-text', file, 'no documents between the ||||| separators'));
  return { articles, problems };
}

function fromHtml(file: string, html: string, extra: Partial<Article> = {}): ReadResult {
  let r: ReturnType<typeof parseHtml>;
  try {
    r = parseHtml(html);
  } catch (e) {
    // e.g. a page nested so deeply that walking it overflows the stack
    r = { error: (e as Error).message };
  }
  if ('error' in r) return { articles: [], problems: [problem('bad-html', file, r.error)] };
  if (!r.text.trim()) return { articles: [], problems: [problem('no-text', file, 'no readable article text in the HTML')] };
  const a: Article = {
    id: articleId(r.text),
    text: r.text,
    title: extra.title ?? r.title,
    source: extra.source ?? r.source,
    url: extra.url ?? r.url,
    published: extra.published ?? normaliseDate(r.published) ?? folderDate(file),
    author: extra.author ?? r.author,
  };
  if (file !== '-') a.file = file;
  storyParts(a);
  return { articles: [clean(a)], problems: [] };
}

/** Extracted HTML/feed text can still open with a dateline and end with credits. */
function storyParts(a: Article): void {
  const parts = parseText(a.text);
  if (parts.dateline) a.dateline = parts.dateline;
  if (parts.credits) a.credits = parts.credits;
  if (parts.captions) a.captions = parts.captions;
  if (parts.comments) a.comments = parts.comments;
}

function fromFeed(file: string, xml: string, maxItems: number): ReadResult {
  const r = parseFeed(xml);
  if ('error' in r && r.error !== undefined) {
    const line = 'line' in r ? r.line : undefined;
    return { articles: [], problems: [problem('bad-xml', file, r.error, line !== undefined ? { line } : undefined)] };
  }
  const problems: Problem[] = [];
  const articles: Article[] = [];
  const items = r.items;
  if (items.length > maxItems) problems.push(problem('too-many-items', file, `${items.length} items, reading the first ${maxItems}`));
  items.slice(0, maxItems).forEach((it, i) => {
    if (!it.text.trim()) {
      problems.push(problem('no-text', file, `feed item "${it.title ?? ''}" has no description or content`, { item: i + 1 }));
      return;
    }
    const a: Article = { id: articleId(it.text), text: it.text, title: it.title, url: it.url, published: it.published, author: it.author, source: it.source };
    if (file !== '-') a.file = file;
    storyParts(a);
    articles.push(clean(a));
  });
  return { articles, problems };
}

function fromJsonl(file: string, text: string, maxItems: number): ReadResult {
  const problems: Problem[] = [];
  const articles: Article[] = [];
  let n = 0;
  for (const l of parseJsonl(text)) {
    if ('error' in l) {
      problems.push(problem(l.error, file, l.detail, { line: l.line }));
      continue;
    }
    if (++n > maxItems) {
      problems.push(problem('too-many-items', file, `reading the first ${maxItems} records`, { line: l.line }));
      break;
    }
    const r = l.record;
    const published = r.published ?? r.date;
    const okDate = published && validDate(published.slice(0, 10)) ? published.slice(0, 10) : undefined;
    if (published && !okDate) problems.push(problem('bad-date', file, `"${published}"`, { line: l.line }));
    const extra: Partial<Article> = { title: r.title, source: r.source, url: r.url, published: okDate, author: r.author };
    if (r.text && r.text.trim()) {
      const a = textArticle(file, r.text);
      Object.assign(a, Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)));
      articles.push(clean(a));
    } else {
      const h = fromHtml(file, r.html ?? '', extra);
      for (const p of h.problems) problems.push({ ...p, place: { line: l.line } });
      articles.push(...h.articles);
    }
  }
  return { articles, problems };
}

/** Drop undefined fields so JSON output and goldens stay tidy. */
function clean(a: Article): Article {
  for (const k of Object.keys(a) as Array<keyof Article>) if (a[k] === undefined) delete a[k];
  return a;
}

/** Path of a file relative to the working directory, for display. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const r = relative(cwd, file);
  return r && !r.startsWith('..') ? r : file;
}
