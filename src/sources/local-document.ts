/**
 * Articles from local files: plain text (optionally headed by a `date YYYY-MM-DD <section>` line, the
 * format of the bundled sample), Markdown (with optional front matter) and saved HTML pages. The
 * format is read from the content, because file names lie: a saved page called `story.txt` is HTML.
 */
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleDraft } from '../articles/article.js';
import { collapseWhitespace, htmlToText } from '../text/html-to-text.js';
import { removePageFurniture } from '../text/page-furniture.js';
import { splitSentences } from '../text/sentences.js';
import { markdownToText } from './markdown-to-text.js';
import { problem, SourceError } from './source-problem.js';
import { extractPage, normalizeDate, PageExtractionError, readPageMetadata } from './page-extractor.js';

/** Formats a local document can be read as. */
export type LocalFormat = 'text' | 'markdown' | 'html';

/** `date 2020-02-01 advertisement`: the publication date and, optionally, the section. */
const DATE_HEADER = /^date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(\S.*?))?[ \t]*$/i;
const FRONT_MATTER = /^---[ \t]*\n([\s\S]{0,20000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const HTML_START = /^(?:<!--[\s\S]{0,5000}?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;
/** Longest title made from body text before it is cut at a word boundary. */
const MAX_TITLE_CHARS = 110;

/**
 * Reads a local document into an article draft.
 *
 * @param content - the file's text (a leading byte order mark is ignored)
 * @param filePath - where it came from: gives the `file://` URL and, as the source, the file name
 * @param format - how to read it; `detectLocalFormat` decides this from the content
 *
 * @example
 * const text = await readFile(path, 'utf8');
 * const draft = parseLocalDocument(text, path, detectLocalFormat(text, path));
 */
export function parseLocalDocument(content: string, filePath: string, format: LocalFormat): ArticleDraft {
  const absolute = resolve(filePath);
  const url = pathToFileURL(absolute).href;
  const source = basename(absolute);
  const body = content.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const parts =
    format === 'html' ? readHtml(body, url) : format === 'markdown' ? readMarkdown(body) : readText(body);
  if (!parts.text) {
    throw new SourceError(
      `${source} has no text to read; check that it is the right file`,
      problem('no-text', { name: source }),
    );
  }
  return { url, source, ...parts };
}

type DocumentParts = Omit<ArticleDraft, 'url' | 'source'>;

function readText(content: string): DocumentParts {
  let body = content;
  let published: string | null = null;
  const categories: string[] = [];
  const firstLineEnd = body.search(/\n|$/);
  const header = DATE_HEADER.exec(body.slice(0, firstLineEnd).trim());
  if (header?.[1]) {
    published = normalizeDate(header[1]);
    if (header[2]) categories.push(header[2]);
    body = body.slice(firstLineEnd);
  }
  const text = removePageFurniture(plainParagraphs(body));
  const { title, text: rest } = titleFromBody(text);
  return { title, text: rest, byline: null, published, categories };
}

/**
 * Paragraphs of a plain text file: blank lines separate them and wrapped lines are joined. A file
 * without blank lines but with long lines has one paragraph per line (the other common layout).
 */
function plainParagraphs(body: string): string {
  const blocks = /\n[ \t]*\n/.test(body.trim()) ? body.split(/\n[ \t]*\n/) : splitUnwrapped(body);
  return blocks
    .map((block) => collapseWhitespace(block))
    .filter(Boolean)
    .join('\n\n');
}

function splitUnwrapped(body: string): string[] {
  const lines = body.split('\n').filter((line) => line.trim());
  const long = lines.filter((line) => line.length > 100).length;
  return long >= lines.length / 2 ? lines : [body];
}

function readMarkdown(content: string): DocumentParts {
  let body = content;
  const fields = new Map<string, string>();
  const frontMatter = FRONT_MATTER.exec(body);
  if (frontMatter) {
    for (const line of (frontMatter[1] ?? '').split('\n')) {
      const field = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
      if (field?.[1] && field[2]?.trim()) fields.set(field[1].toLowerCase(), unquote(field[2].trim()));
    }
    body = body.slice(frontMatter[0].length);
  }

  // The first level-one heading is the title when nothing better is declared; it leaves the text.
  let title = fields.get('title') ?? null;
  if (!title) {
    const heading = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(body) ?? /^(\S.*)\n=+[ \t]*$/m.exec(body);
    if (heading?.[1] && body.slice(0, heading.index).trim() === '') {
      title = markdownToText(heading[1]);
      body = body.slice(heading.index + heading[0].length);
    }
  }
  const text = removePageFurniture(markdownToText(body));
  const parts = title ? { title: collapseWhitespace(title), text } : titleFromBody(text);
  return {
    ...parts,
    byline: fields.get('author') ?? null,
    published: normalizeDate(fields.get('date') ?? fields.get('published') ?? null),
    categories: listField(fields.get('categories') ?? fields.get('tags') ?? fields.get('section')),
  };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}

/** `[a, b]`, `a, b` or `a`: the inline forms of a front matter list. */
function listField(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((item) => unquote(item.trim()))
    .filter(Boolean);
}

/**
 * A saved web page goes through the article extractor; a simple document (a few paragraphs, no page
 * around them) has too little structure for it, and is read whole instead.
 */
function readHtml(content: string, url: string): DocumentParts {
  try {
    const page = extractPage(content, url);
    return {
      title: page.title,
      text: page.text,
      byline: page.byline,
      published: page.published,
      categories: [],
    };
  } catch (error) {
    if (!(error instanceof PageExtractionError) || error.reason !== 'no-article') throw error;
  }
  const meta = readPageMetadata(content, url);
  let text = removePageFurniture(htmlToText(content));
  let title = meta.title;
  if (title) {
    // The visible heading usually repeats the title; keep it only once.
    const [first, ...rest] = text.split('\n\n');
    if (first === title) text = rest.join('\n\n');
  } else {
    // Without a <title> or <h1> nothing marks a headline, so the first paragraph stays in the text.
    title = titleFromBody(text, false).title;
  }
  return { title, text, byline: meta.byline, published: meta.published, categories: [] };
}

/**
 * Takes a title from the text when the document declares none. A short first line without closing
 * punctuation is a headline and leaves the text; otherwise the title is the first sentence, shortened
 * at a word boundary, and the text stays whole.
 */
function titleFromBody(text: string, headlines = true): { title: string; text: string } {
  const [first = '', ...rest] = text.split('\n\n');
  if (headlines && rest.length > 0 && first.length <= MAX_TITLE_CHARS && !/[.!?:;,…"”']$/.test(first)) {
    return { title: first, text: rest.join('\n\n') };
  }
  const sentence = splitSentences(first.slice(0, 2000))[0]?.text ?? first;
  return { title: shorten(sentence), text };
}

function shorten(sentence: string): string {
  if (sentence.length <= MAX_TITLE_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_TITLE_CHARS - 1).replace(/[\s,;:–—-]+\S*$/, '');
  return `${cut.replace(/[\s,;:–—-]+$/, '')}…`;
}

/** How much of a file is looked at to tell text from binary data. */
const BINARY_SNIFF_CHARS = 65_536;
const NUL_SNIFF_CHARS = 8_192;

/**
 * True when decoded file content is binary data (an image, a PDF, an archive, a program) rather than
 * text, whatever the file is called. As git and grep decide: a NUL character near the start; or, since
 * random bytes decoded as windows-1252 have no NUL only by luck, more than 5% of the characters being
 * control characters or the replacement character that undecodable bytes become. Text with a stray
 * control character (which cleaning removes anyway) stays text.
 *
 * @example
 * looksBinary('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\u0000…'); // true
 */
export function looksBinary(content: string): boolean {
  if (content.slice(0, NUL_SNIFF_CHARS).includes('\u0000')) return true;
  const sample = content.slice(0, BINARY_SNIFF_CHARS);
  const odd = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return sample.length > 0 && odd / sample.length > 0.05;
}

/**
 * Decides how to read a local document from its content; the file extension only breaks ties. An
 * HTML document starts with `<!doctype html>`, `<html>`, `<head>` or `<body>`, or is mostly tags;
 * Markdown shows headings, front matter, links or list markers on several lines; the rest is text.
 *
 * @example
 * detectLocalFormat('<!doctype html><title>x</title>...', 'saved.txt'); // 'html'
 */
export function detectLocalFormat(content: string, filePath: string): LocalFormat {
  const text = content
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 100_000);
  const extension = extname(filePath).toLowerCase();
  if (HTML_START.test(text)) return 'html';
  if (DATE_HEADER.test(text.slice(0, text.search(/\n|$/)).trim())) return 'text';

  const tags = htmlTagShare(text);
  if (tags.known >= 3 && tags.share >= 0.25) return 'html';
  const markdown = markdownSignals(text);
  if (markdown >= 3) return 'markdown';

  if (['.md', '.markdown', '.mdown', '.mkd'].includes(extension)) return 'markdown';
  if (['.html', '.htm', '.xhtml'].includes(extension) && tags.known > 0) return 'html';
  if (markdown >= 2 && !['.txt', '.text'].includes(extension)) return 'markdown';
  return 'text';
}

const KNOWN_TAG =
  /<\/?(?:p|div|span|a|b|i|em|strong|br|hr|h[1-6]|ul|ol|li|table|tr|td|img|article|section|header|footer|nav|main|blockquote|pre|figure|meta|link|script|style|title)(?:[\s/>])/gi;

/** How much of the text is inside tags, and how many tags are real HTML elements. */
function htmlTagShare(text: string): { share: number; known: number } {
  const known = text.match(KNOWN_TAG)?.length ?? 0;
  if (known === 0) return { share: 0, known };
  let inTags = 0;
  for (const tag of text.match(/<[a-zA-Z/!][^<>]{0,2000}>/g) ?? []) inTags += tag.length;
  const visible = htmlToText(text).length;
  return { share: inTags / Math.max(inTags + visible, 1), known };
}

/** Number of Markdown constructs seen (front matter counts triple: it is unambiguous). */
function markdownSignals(text: string): number {
  let signals = FRONT_MATTER.test(text) ? 3 : 0;
  const lines = text.split('\n', 2000);
  for (const line of lines) {
    if (
      /^ {0,3}#{1,6}[ \t]+\S/.test(line) ||
      /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/.test(line) ||
      /^ {0,3}(?:```|~~~)/.test(line) ||
      /^ {0,3}>[ \t]?\S/.test(line) ||
      /^ {0,3}(?:=+|-{2,})[ \t]*$/.test(line) ||
      /!?\[[^[\]\n]{1,500}\]\([^()\s]{1,2000}\)/.test(line) ||
      /(?:\*\*|__)\S[^*_\n]{0,200}(?:\*\*|__)/.test(line)
    ) {
      signals++;
    }
  }
  return signals;
}
