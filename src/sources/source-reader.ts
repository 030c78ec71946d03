import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArticleDraft } from '../articles/article.js';
import { decodeBody } from './decode-body.js';
import { describeError } from '../kernel/describe-error.js';
import { detectFormat } from './detect-format.js';
import { FeedThread } from './feed-thread.js';
import type { FetchResult } from './http-fetcher.js';
import { looksBinary, parseLocalDocument } from './local-document.js';
import { extractPage, PageExtractionError } from './page-extractor.js';
import { discoverFeedLinks } from './feed-discovery.js';
import { problem, SourceError, WILL_RETRY } from './source-problem.js';

/** Fetches a URL (the HTTP fetcher, or a fake in tests). */
export type Fetch = (url: string, conditional?: Validators) => Promise<FetchResult>;

/** HTTP cache validators kept per source for conditional GET. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface SourceReading {
  kind: 'feed' | 'page' | 'file' | 'folder';
  /** The feed's or site's own name, when it has one. */
  title: string | null;
  drafts: ArticleDraft[];
  /** True when the server answered 304 Not Modified: nothing new. */
  notModified: boolean;
  validators: Validators;
  /** Files in a folder that could not be read: the folder is still read, each problem is reported. */
  problems: string[];
}

/** Files a folder source reads; anything else in the folder (images, the gold JSON files) is skipped. */
const FOLDER_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.xml',
  '.rss',
  '.atom',
  '.rdf',
  '.json',
]);
const MAX_FOLDER_FILES = 2000;
/** Extensions only feeds have: a file named so that holds something else is refused, not read as text. */
const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.rdf', '.json']);

/** Reads whatever a source location holds (feed, page, file or folder) into article drafts. */
export class SourceReader {
  /**
   * @param feeds - parses feeds; large ones on a worker thread of their own, so that reading one
   *   does not hold up everything else this process does.
   */
  constructor(
    private readonly fetch: Fetch,
    private readonly limits: {
      maxItemsPerFeed: number;
      maxFileBytes: number;
      /** Files read from one folder; 2,000 when not given. */
      maxFolderFiles?: number;
    },
    private readonly feeds: FeedThread = new FeedThread(),
  ) {}

  /**
   * Reads a source. `wasFeed`: its last good read was a feed; a web page in its place is then the
   * site's maintenance or bot-check page, refused rather than stored as an article.
   */
  async read(location: string, validators: Validators = {}, wasFeed = false): Promise<SourceReading> {
    if (/^https?:\/\//i.test(location)) return this.readUrl(location, validators, wasFeed);
    const path = location.startsWith('file://') ? fileURLToPath(location) : location;
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        throw new SourceError(
          // The path is absolute by now: it says where it was looked for, whoever resolved it.
          `${path} does not exist; check the path (was the file moved or renamed?)`,
          problem('path-missing', { path }),
        );
      }
      const code = error.code ?? error.message;
      throw new SourceError(`cannot read ${path}: ${code}`, problem('path-unreadable', { path, code }));
    });
    if (info.isDirectory()) return this.readFolder(path);
    return { ...(await this.readFile(path)), kind: 'file', notModified: false, validators: {}, problems: [] };
  }

  /** Fetches an article page and extracts its text; used to complete feed teasers. */
  async readPage(url: string): Promise<ArticleDraft> {
    const result = await this.fetch(url);
    if (result.kind !== 'ok') throw new Error(`${url} answered 304 to an unconditional request`);
    const page = extractPage(decodeBody(result.body, result.contentType), result.url);
    return pageDraft(page, result.url);
  }

  private async readUrl(url: string, validators: Validators, wasFeed: boolean): Promise<SourceReading> {
    const result = await this.fetch(url, validators);
    if (result.kind === 'not-modified') {
      return { kind: 'feed', title: null, drafts: [], notModified: true, validators, problems: [] };
    }
    const text = decodeBody(result.body, result.contentType);
    const format = detectFormat(text, {
      contentType: result.contentType,
      fileName: new URL(result.url).pathname,
    });
    const fresh: Validators = { etag: result.etag, lastModified: result.lastModified };
    if (format === 'html') {
      if (wasFeed) {
        throw new SourceError(
          `${url} answered with a web page instead of its feed (a maintenance or bot-check page?)${WILL_RETRY}`,
          problem('feed-served-page', { url }),
        );
      }
      const draft = pageDraft(extractPageOrPointToFeed(text, result.url), result.url);
      return {
        kind: 'page',
        title: draft.source,
        drafts: [draft],
        notModified: false,
        validators: fresh,
        problems: [],
      };
    }
    // An empty body, cut-off JSON or XML that is not a feed: the feed parser says which, and what to do.
    const looksLikeData = /^(?:[{[<]|$)/.test(text.replace(/^\uFEFF/, '').trimStart());
    if ((format === 'markdown' || format === 'text') && !looksLikeData) {
      const type = result.contentType ?? 'an unknown type';
      throw new SourceError(
        `${url} serves ${type} that is neither a feed nor a web page; check the URL`,
        problem('not-feed-or-page', { url, type: result.contentType ?? '?' }),
      );
    }
    const { title, drafts } = await this.feeds.parse(text, result.url, this.limits.maxItemsPerFeed);
    return { kind: 'feed', title, drafts, notModified: false, validators: fresh, problems: [] };
  }

  /**
   * Reads one file by its content. In a folder (`skipData`), a JSON file that is not a JSON Feed is
   * data rather than an article (such as a gold file beside a sample) and gives no drafts.
   */
  private async readFile(
    path: string,
    options: { skipData?: boolean } = {},
  ): Promise<{ title: string | null; drafts: ArticleDraft[] }> {
    const info = await stat(path);
    if (info.size > this.limits.maxFileBytes) {
      throw new SourceError(
        `${path} is larger than polling.maxBytes (${this.limits.maxFileBytes} bytes)`,
        problem('file-too-large', { path, max: this.limits.maxFileBytes }),
      );
    }
    const text = decodeBody(await readFile(path), null);
    if (looksBinary(text)) {
      throw new SourceError(
        `${basename(path)} is not a text document (it holds binary data: an image, a PDF, an archive?); Quotewire reads feeds, web pages, Markdown and plain text`,
        problem('binary-file', { name: basename(path) }),
      );
    }
    const format = detectFormat(text, { fileName: basename(path) });
    const extension = extname(path).toLowerCase();
    if (options.skipData && extension === '.json' && format !== 'json-feed') {
      return { title: null, drafts: [] };
    }
    // A file named as a feed must be one: an HTML page there ("Document Moved", an error page) or
    // other XML is a broken download, not an article. parseFeed says what it is instead.
    const namedAsFeed = FEED_EXTENSIONS.has(extension);
    if (!namedAsFeed && (format === 'html' || format === 'markdown' || format === 'text')) {
      const draft = parseLocalDocument(text, path, format);
      return { title: draft.source, drafts: [draft] };
    }
    return this.feeds.parse(text, pathToFileURL(path).href, this.limits.maxItemsPerFeed);
  }

  private async readFolder(folder: string): Promise<SourceReading> {
    const drafts: ArticleDraft[] = [];
    const problems: string[] = [];
    const listing = await listFiles(folder, 3);
    const files = listing.files.filter(isReadable);
    for (const link of listing.brokenLinks.filter(isReadable)) {
      problems.push(`${basename(link)}: a link to a file that does not exist`);
    }
    // Said, not silent: a folder that gives nothing would otherwise look fine, with 0 articles.
    if (files.length === 0 && problems.length === 0) {
      const others = listing.files.length;
      problems.push(
        `${others === 0 ? 'the folder has no files' : `none of its ${others} file(s) is one Quotewire reads`}; put .txt, .md, .html or feed (.xml, .rss, .atom, .rdf, .json) files in it`,
      );
    }
    const limit = this.limits.maxFolderFiles ?? MAX_FOLDER_FILES;
    // Said, not silent: a folder read in part must not look fully read in /sources.
    if (files.length > limit) {
      problems.push(
        `only the first ${limit} of ${files.length} files are read; split the folder into several sources`,
      );
    }
    for (const file of files.slice(0, limit)) {
      try {
        drafts.push(...(await this.readFile(file, { skipData: true })).drafts);
      } catch (error) {
        problems.push(`${basename(file)}: ${describeError(error)}`);
      }
    }
    return { kind: 'folder', title: basename(folder), drafts, notModified: false, validators: {}, problems };
  }
}

/**
 * A home page given as a source usually has no article but advertises its feed: say which, so the
 * user can add that instead (as feed readers do).
 */
function extractPageOrPointToFeed(html: string, url: string): ReturnType<typeof extractPage> {
  try {
    return extractPage(html, url);
  } catch (error) {
    const feeds = error instanceof PageExtractionError ? discoverFeedLinks(html, url) : [];
    if (feeds.length === 0) throw error;
    throw new SourceError(
      `${url} is a web page without an article, but it links to a feed at ${feeds[0]}: add that instead`,
      problem('page-links-feed', { url, feed: feeds[0]! }),
    );
  }
}

function pageDraft(page: ReturnType<typeof extractPage>, url: string): ArticleDraft {
  return {
    url,
    title: page.title,
    byline: page.byline,
    published: page.published,
    source: page.siteName ?? new URL(url).hostname,
    text: page.text,
    guid: null,
    categories: [],
    image: page.image,
  };
}

/** Whether a folder's file is one Quotewire reads (by its extension). */
function isReadable(path: string): boolean {
  return FOLDER_EXTENSIONS.has(extname(path).toLowerCase());
}

interface FolderListing {
  files: string[];
  /** Symbolic links whose target is missing: reported, as a file that cannot be read would be. */
  brokenLinks: string[];
}

/**
 * The files of a folder and its subfolders, to `depth` levels. Symbolic links are followed, since a
 * folder of links to articles kept elsewhere is a usual way to pick them; each real folder is read
 * once, so a link back up the tree adds nothing.
 */
async function listFiles(
  folder: string,
  depth: number,
  seen: Set<string> = new Set(),
  listing: FolderListing = { files: [], brokenLinks: [] },
): Promise<FolderListing> {
  // Each real folder once: a link back up the tree (or to a folder read already) adds nothing.
  const real = await realpath(folder);
  if (seen.has(real)) return listing;
  seen.add(real);
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    let isFile = entry.isFile();
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target === null) {
        listing.brokenLinks.push(path);
        continue;
      }
      isFile = target.isFile();
      isDirectory = target.isDirectory();
    }
    if (isFile) listing.files.push(path);
    else if (isDirectory && depth > 0) await listFiles(path, depth - 1, seen, listing);
  }
  return listing;
}
