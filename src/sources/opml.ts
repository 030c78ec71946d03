/**
 * OPML 2.0, the list-of-feeds format every feed reader imports and exports (Feedly, Miniflux,
 * FreshRSS, Inoreader…). Reading accepts what those readers write: feeds as `<outline type="rss"
 * xmlUrl="…">`, optionally inside category outlines nested to any depth, with or without `type`,
 * title in `text` or `title`. Writing produces a plain OPML 2.0 document with every attribute escaped.
 */
import { elementChildren, readXml, type XmlElement } from './feed-xml.js';
import type { Translate } from '../i18n/translations.js';

/** One feed of an OPML file. */
export interface OpmlFeed {
  xmlUrl: string;
  title: string | null;
  htmlUrl: string | null;
  /** The category outlines it sat in, outermost first ("News / World"); null at the top. */
  category: string | null;
}

/** What an OPML file holds. */
export interface OpmlDocument {
  title: string | null;
  feeds: OpmlFeed[];
}

/** Raised for a file that is not OPML; the message says so in plain words. */
export class OpmlError extends Error {
  override readonly name = 'OpmlError';

  /** `describe`: the same in a chat's language. */
  constructor(
    message: string,
    readonly describe: (t: Translate) => string,
  ) {
    super(message);
  }
}

/** More feeds than any reader's export holds; the rest of a bigger file is left out, and said so. */
export const MAX_OPML_FEEDS = 1_000;

/**
 * Reads an OPML file (1.0 and 2.0 alike). Outlines without `xmlUrl` are categories; an outline with
 * one is a feed, whatever its `type` says (some readers write `atom` or nothing).
 * @throws OpmlError when the text is not OPML.
 */
export function parseOpml(text: string): OpmlDocument {
  let root: XmlElement;
  try {
    root = readXml(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new OpmlError(
      'the file is not well-formed XML, so not OPML; export your feeds from your reader again',
      (t) => t('opml-not-xml'),
    );
  }
  if (root.localName.toLowerCase() !== 'opml') {
    const element = root.localName;
    throw new OpmlError(
      `the file is <${element}> XML, not OPML; export your feeds as OPML from your reader`,
      (t) => t('opml-other-xml', { element }),
    );
  }
  const head = elementChildren(root).find((child) => child.localName === 'head');
  const titleElement = head && elementChildren(head).find((child) => child.localName === 'title');
  const title = titleElement ? textOf(titleElement) : null;
  const body = elementChildren(root).find((child) => child.localName === 'body');
  if (!body) throw new OpmlError('the OPML file has no <body>, so no feeds', (t) => t('opml-no-body'));
  const feeds: OpmlFeed[] = [];
  const walk = (element: XmlElement, path: string[]) => {
    for (const outline of elementChildren(element)) {
      if (outline.localName !== 'outline' || feeds.length >= MAX_OPML_FEEDS) continue;
      const label = attribute(outline, 'title') ?? attribute(outline, 'text');
      const xmlUrl = attribute(outline, 'xmlUrl') ?? attribute(outline, 'xmlurl');
      if (xmlUrl) {
        feeds.push({
          xmlUrl,
          title: label,
          htmlUrl: attribute(outline, 'htmlUrl') ?? attribute(outline, 'htmlurl'),
          category: path.length ? path.join(' / ') : null,
        });
      } else {
        walk(outline, label ? [...path, label] : path);
      }
    }
  };
  walk(body, []);
  return { title: title || null, feeds };
}

/** An OPML 2.0 document listing `feeds`, as feed readers import it. */
export function writeOpml(title: string, feeds: readonly Omit<OpmlFeed, 'category'>[], now: Date): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...feeds.map((feed) => {
      const name = escapeXml(feed.title?.trim() || feed.xmlUrl);
      const html = feed.htmlUrl ? ` htmlUrl="${escapeXml(feed.htmlUrl)}"` : '';
      return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(feed.xmlUrl)}"${html}/>`;
    }),
    '  </body>',
    '</opml>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Text made safe for XML attributes and elements. Characters XML 1.0 cannot hold at all (most
 * control characters) are dropped, since no escape exists for them.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function attribute(element: XmlElement, name: string): string | null {
  const value = element.attributes[name];
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function textOf(element: XmlElement): string {
  return element.children
    .map((child) => (typeof child === 'string' ? child : textOf(child)))
    .join('')
    .trim();
}
