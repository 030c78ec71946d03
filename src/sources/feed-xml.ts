/**
 * XML reading for feeds: one scan that checks well-formedness and builds a small namespace-aware tree
 * (feed-xml-scan.ts); when that fails, one repair pass (feed-xml-repair.ts) for the mistakes real feed
 * readers forgive, and a second scan. DTD entities never expand; `decodeEntities` handles the
 * references feeds really use (feed-entities.ts).
 */
import { FeedParseError } from './feed-error.js';
import { problem } from './source-problem.js';
import { repairXml } from './feed-xml-repair.js';
import { notWellFormed } from './feed-xml-error.js';
import { scanDeferred, scanXml, type DeferTest, type XmlElement, type XmlNode } from './feed-xml-scan.js';

export type { DeferTest, XmlElement, XmlNode } from './feed-xml-scan.js';

/** Deeper than any real feed (XHTML content included); protects the recursive tree walks. */
const MAX_DEPTH = 400;

/** An element left out of the tree by {@link readFeedXml}, built when it is read. */
export interface LazyElement {
  /** The element it is a child of. */
  parent: XmlElement;
  /** Builds the element; each call builds it anew, so callers read it once and let it go. */
  read(): XmlElement;
}

/** A document read by {@link readFeedXml}: the tree without the deferred elements, and those. */
export interface FeedXml {
  root: XmlElement;
  /** The deferred elements, in document order. */
  deferred: LazyElement[];
}

/**
 * Parses a feed's XML into a tree and returns its root element.
 * @throws FeedParseError when the XML is broken beyond repair, or nested absurdly deep.
 */
export function readXml(text: string): XmlElement {
  return readFeedXml(text, null).root;
}

/**
 * Parses a feed's XML, leaving the elements `defer` picks (the items) out of the tree: they are checked
 * with the rest of the document but built one at a time when read, which keeps a large feed's memory to
 * the size of its results.
 * @throws FeedParseError when the XML is broken beyond repair, or nested absurdly deep.
 */
export function readFeedXml(text: string, defer: DeferTest | null): FeedXml {
  // XML reads every line break as \n; normalising first also keeps the repair's line numbers true.
  let source = text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
  let scan = scanXml(source, MAX_DEPTH, defer);
  if (scan.error) {
    source = repairXml(source);
    scan = scanXml(source, MAX_DEPTH, defer);
    if (scan.error) throw notWellFormed(scan.error, source);
  }
  if (scan.tooDeep) {
    throw new FeedParseError(
      `the feed nests elements more than ${MAX_DEPTH} levels deep, which no real feed does; ask the publisher to fix it`,
      [],
      problem('too-deep', { max: MAX_DEPTH }),
    );
  }
  const repaired = source;
  const deferred = scan.deferred.map((place): LazyElement => ({
    parent: place.parent,
    read: () => scanDeferred(repaired, place),
  }));
  return { root: scan.root, deferred };
}

/** The element children of `element` (text dropped). */
export function elementChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** Concatenated character data of an element and its descendants. */
export function textContent(node: XmlNode): string {
  if (typeof node === 'string') return node;
  const { children } = node;
  // The common case, an element holding one run of text, needs no concatenation.
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  let text = '';
  for (const child of children) text += textContent(child);
  return text;
}

/** Child elements of `element` with the given local name in one of `namespaces`. */
export function childrenNamed(
  element: XmlElement,
  namespaces: ReadonlySet<string>,
  localName: string,
): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement =>
      typeof child !== 'string' && child.localName === localName && namespaces.has(child.namespace),
  );
}

/** The first child element with the given local name in one of `namespaces`. */
export function childNamed(
  element: XmlElement,
  namespaces: ReadonlySet<string>,
  localName: string,
): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child !== 'string' && child.localName === localName && namespaces.has(child.namespace)) {
      return child;
    }
  }
  return undefined;
}

/** Trimmed text of the first such child that has any; null when none does. */
export function childText(
  element: XmlElement,
  namespaces: ReadonlySet<string>,
  localName: string,
): string | null {
  for (const child of element.children) {
    if (typeof child === 'string' || child.localName !== localName || !namespaces.has(child.namespace)) {
      continue;
    }
    const text = textContent(child).trim();
    if (text) return text;
  }
  return null;
}

/** An attribute by local name, whatever prefix the document gave it (`rdf:about`, `about`). */
export function attributeNamed(element: XmlElement, localName: string): string | undefined {
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === localName || name.endsWith(`:${localName}`)) return value;
  }
  return undefined;
}
