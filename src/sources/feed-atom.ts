/**
 * Atom 1.0 (RFC 4287) and the pre-standard Atom 0.3, under any prefix. Text constructs are read per
 * their `type` (text, html, xhtml; 0.3's MIME types and `mode="escaped"`), links by `rel`, and
 * `xml:base` is honoured on the feed, entries, links and content, nested.
 */
import { cleanText, escapeHtml, htmlToText, resolveHtmlUrls, serializeHtml } from './feed-html.js';
import { finishItem, type FeedItem, type ParsedFeed } from './feed-item.js';
import { parseFeedDate } from './feed-date.js';
import { ATOM, DC, FEEDBURNER, MEDIA } from './feed-namespaces.js';
import { feedBase, resolveWebUrl, withXmlBase } from './feed-url.js';
import { feedItemImage } from './feed-image.js';
import {
  childNamed,
  childText,
  childrenNamed,
  elementChildren,
  textContent,
  type DeferTest,
  type FeedXml,
  type XmlElement,
} from './feed-xml.js';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** Link relations that never point at the article itself. */
const NOT_THE_ARTICLE = new Set(
  'self edit edit-media enclosure replies hub license payment first last next previous prev current search icon'.split(
    ' ',
  ),
);

/** A text construct's value, sorted into what kind of text it is. */
interface TextValue {
  html: string | null;
  text: string | null;
}

/**
 * Picks the entries out of the tree for {@link readFeedXml}: children of the feed in its namespace or
 * Atom's. Entries are read one at a time, so a big feed never holds all their trees.
 */
export const deferAtomEntry: DeferTest = (localName, namespace, depth, parent) =>
  depth === 1 && localName === 'entry' && (ATOM.has(namespace) || namespace === parent.namespace);

/** Reads an Atom document whose root element is `feed`, read with {@link deferAtomEntry}. */
export function parseAtom({ root, deferred }: FeedXml, feedUrl: string): ParsedFeed {
  const ns = new Set([...ATOM, root.namespace]);
  const { link, base } = feedBase([root], linkRef(root, ns, 'alternate'), linkRef(root, ns, 'self'), feedUrl);
  const feedAuthor = authorName(root, ns);
  const items = deferred
    .filter((entry) => entry.parent === root)
    .map((entry) => parseEntry(entry.read(), ns, base, feedAuthor));
  const title = plainText(childNamed(root, ns, 'title'), base);
  return { format: 'atom', title: title || hostOf(link ?? feedUrl), link, items };
}

function parseEntry(
  entry: XmlElement,
  ns: ReadonlySet<string>,
  feedBaseUrl: string,
  feedAuthor: string | null,
): FeedItem {
  const base = withXmlBase(entry, feedBaseUrl);
  const content = textConstruct(childNamed(entry, ns, 'content'), base);
  const summary = textConstruct(childNamed(entry, ns, 'summary'), base);
  const date =
    childText(entry, ns, 'published') ??
    childText(entry, ns, 'issued') ??
    childText(entry, ns, 'created') ??
    childText(entry, ns, 'updated') ??
    childText(entry, ns, 'modified') ??
    childText(entry, DC, 'date');
  const categories = childrenNamed(entry, ns, 'category').map(
    (category) => category.attributes.label ?? category.attributes.term ?? textContent(category),
  );
  const source = childNamed(entry, ns, 'source');
  return finishItem({
    guid: childText(entry, ns, 'id'),
    link: resolveWebUrl(childText(entry, FEEDBURNER, 'origLink'), base) ?? articleLink(entry, ns, base),
    title: plainText(childNamed(entry, ns, 'title'), base),
    published: parseFeedDate(date),
    author:
      authorName(entry, ns) ??
      (source && authorName(source, ns)) ??
      childText(entry, DC, 'creator') ??
      feedAuthor,
    contentHtml: content.html,
    contentText: content.text,
    summaryHtml: summary.html ?? escapeText(summary.text ?? mediaDescription(entry)),
    categories: [...categories, ...childrenNamed(entry, DC, 'subject').map(textContent)],
    image: feedItemImage(
      entry,
      base,
      childrenNamed(entry, ns, 'link').filter(
        (link) => link.attributes.rel?.trim().toLowerCase() === 'enclosure',
      ),
    ),
  });
}

/**
 * The `href` of the best link with relation `rel` ("alternate" also matches links without a rel), HTML
 * types first; absolute, or null.
 */
export function linkHref(
  element: XmlElement,
  ns: ReadonlySet<string>,
  base: string | null,
  rel: string,
): string | null {
  const preferred = bestLink(element, ns, rel);
  return preferred ? resolveWebUrl(preferred.attributes.href, withXmlBase(preferred, base)) : null;
}

/** The `href` of the best link with relation `rel`, as written (relative references stay relative). */
export function linkRef(element: XmlElement, ns: ReadonlySet<string>, rel: string): string | null {
  return bestLink(element, ns, rel)?.attributes.href ?? null;
}

function bestLink(element: XmlElement, ns: ReadonlySet<string>, rel: string): XmlElement | undefined {
  const candidates = childrenNamed(element, ns, 'link').filter(
    (link) => (link.attributes.rel?.trim().toLowerCase() || 'alternate') === rel && link.attributes.href,
  );
  return (
    candidates.find((link) =>
      /^(?:text\/html|application\/xhtml\+xml)?$/i.test(link.attributes.type?.trim() ?? ''),
    ) ?? candidates[0]
  );
}

/** The alternate link, or failing that any link whose relation could still be the article. */
function articleLink(entry: XmlElement, ns: ReadonlySet<string>, base: string | null): string | null {
  const alternate = linkHref(entry, ns, base, 'alternate');
  if (alternate) return alternate;
  for (const link of childrenNamed(entry, ns, 'link')) {
    const rel = link.attributes.rel?.trim().toLowerCase() ?? '';
    const href = resolveWebUrl(link.attributes.href, withXmlBase(link, base));
    if (href && !NOT_THE_ARTICLE.has(rel)) return href;
  }
  return null;
}

function authorName(element: XmlElement, ns: ReadonlySet<string>): string | null {
  for (const author of childrenNamed(element, ns, 'author')) {
    const name =
      childText(author, ns, 'name') ?? childText(author, ns, 'email') ?? textContent(author).trim();
    if (name) return name;
  }
  return null;
}

/** A text construct as plain text (for titles): HTML and XHTML are flattened. */
function plainText(element: XmlElement | undefined, base: string | null): string | null {
  const value = textConstruct(element, base);
  if (value.text !== null) return cleanText(value.text);
  return value.html === null ? null : htmlToText(value.html);
}

/** Reads `type` (and Atom 0.3's `mode`) to decide whether the element holds text, HTML or XHTML. */
function textConstruct(element: XmlElement | undefined, outerBase: string | null): TextValue {
  if (!element || element.attributes.src) return { html: null, text: null };
  const base = withXmlBase(element, outerBase);
  const type = (element.attributes.type ?? 'text').trim().toLowerCase();
  const mode = (element.attributes.mode ?? '').trim().toLowerCase();
  if (mode === 'base64') return { html: null, text: null };
  if (type === 'xhtml' || type === 'application/xhtml+xml' || (mode === 'xml' && type.includes('html'))) {
    return { html: serializeXhtml(element, base), text: null };
  }
  if (type === 'html' || type === 'text/html' || mode === 'escaped') {
    return { html: resolveHtmlUrls(textContent(element), base), text: null };
  }
  if (type === 'text' || type.startsWith('text/')) return { html: null, text: textContent(element) };
  return { html: null, text: null };
}

/** XHTML content is wrapped in one `div` that is not part of the content (RFC 4287 §3.1.1.3). */
function serializeXhtml(element: XmlElement, base: string | null): string {
  const elements = elementChildren(element);
  const wrapper = elements.length === 1 && elements[0]?.localName === 'div' ? elements[0] : null;
  if (wrapper && wrapper.namespace === XHTML_NS) {
    return serializeHtml(wrapper.children, withXmlBase(wrapper, base), true);
  }
  // Publishers who forget the XHTML namespace still mean HTML.
  const xhtmlOnly = elements.some((child) => child.namespace === XHTML_NS);
  return serializeHtml(wrapper ? wrapper.children : element.children, base, xhtmlOnly);
}

/**
 * Media RSS `<media:description>` (directly or in `<media:group>`): the only text some video feeds
 * (YouTube's among them) carry. Plain text.
 */
export function mediaDescription(element: XmlElement): string | null {
  const group = childNamed(element, MEDIA, 'group');
  return childText(element, MEDIA, 'description') ?? (group ? childText(group, MEDIA, 'description') : null);
}

function escapeText(text: string | null): string | null {
  return text === null ? null : escapeHtml(text);
}

/** A feed with no title is named after its host. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}
