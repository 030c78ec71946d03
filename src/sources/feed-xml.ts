/**
 * XML reading for feeds: a strict well-formedness check, one repair pass (see feed-xml-repair.ts) for
 * the mistakes real feed readers forgive, then a parse into a small namespace-aware tree. Entity processing in fast-xml-parser
 * is off, so DTD entities never expand; {@link decodeEntities} handles the references feeds really use.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities } from './feed-entities.js';
import { FeedParseError } from './feed-error.js';
import { repairXml } from './feed-xml-repair.js';
import { notWellFormed } from './feed-xml-error.js';

/** An element with its namespace resolved; attribute names are kept as written (`xml:base`). */
export interface XmlElement {
  name: string;
  localName: string;
  namespace: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** A child is an element or decoded character data (text and CDATA alike). */
export type XmlNode = XmlElement | string;

/** Deeper than any real feed (XHTML content included); protects the recursive tree walks. */
const MAX_DEPTH = 400;

/** Prefixes feeds use without declaring them; a lenient reader resolves them the obvious way. */
const WELL_KNOWN_PREFIXES: Record<string, string> = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom: 'http://www.w3.org/2005/Atom',
  atom10: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

/** fast-xml-parser refuses these names outright; renamed, they become unknown elements that are ignored. */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const safeName = (name: string): string => (UNSAFE_NAMES.has(name) ? `unsafe-name:${name}` : name);

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: false,
  htmlEntities: false,
  maxNestedTags: MAX_DEPTH,
  transformTagName: safeName,
  transformAttributeName: safeName,
});

/**
 * Parses a feed's XML into a tree and returns its root element.
 * @throws FeedParseError when the XML is broken beyond repair, or nested absurdly deep.
 */
export function readXml(text: string): XmlElement {
  let source = text;
  const firstCheck = XMLValidator.validate(source);
  if (firstCheck !== true) {
    source = repairXml(source);
    const secondCheck = XMLValidator.validate(source);
    if (secondCheck !== true) throw notWellFormed(secondCheck, source);
  }
  let ordered: unknown;
  try {
    ordered = parser.parse(source);
  } catch (error) {
    const tooDeep = error instanceof Error && /nested/i.test(error.message);
    throw new FeedParseError(
      tooDeep
        ? `the feed nests elements more than ${MAX_DEPTH} levels deep, which no real feed does; ask the publisher to fix it`
        : 'the feed is not well-formed XML and could not be read; ask the publisher or try again later',
    );
  }
  const root = (Array.isArray(ordered) ? ordered : [])
    .map((node) => toElement(node, new Map()))
    .find(Boolean);
  if (!root)
    throw new FeedParseError('the document contains no XML elements; check that the address is a feed');
  return root;
}

/** The element children of `element` (text dropped). */
export function elementChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** Concatenated character data of an element and its descendants. */
export function textContent(node: XmlNode): string {
  if (typeof node === 'string') return node;
  let text = '';
  for (const child of node.children) text += textContent(child);
  return text;
}

type Scope = Map<string, string>;

function toElement(node: unknown, parentScope: Scope, depth = 0): XmlElement | null {
  if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return null;
  const record = node as Record<string, unknown>;
  const name = Object.keys(record).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');
  if (!name) return null;
  const rawAttributes = (record[':@'] ?? {}) as Record<string, unknown>;
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  let scope = parentScope;
  for (const [key, value] of Object.entries(rawAttributes)) {
    const decoded = decodeEntities(String(value));
    attributes[key] = decoded;
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      scope.set(key === 'xmlns' ? '' : key.slice(6), decoded.trim());
    }
  }
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const namespace =
    scope.get(prefix) ?? WELL_KNOWN_PREFIXES[prefix] ?? (prefix ? `urn:unbound-prefix:${prefix}` : '');
  const children: XmlNode[] = [];
  const rawChildren = record[name];
  for (const child of Array.isArray(rawChildren) ? rawChildren : []) {
    const text = characterData(child);
    if (text !== null) {
      const last = children.length - 1;
      if (typeof children[last] === 'string') children[last] += text;
      else children.push(text);
    } else {
      const element = toElement(child, scope, depth + 1);
      if (element) children.push(element);
    }
  }
  return { name, localName: name.slice(colon + 1), namespace, attributes, children };
}

function characterData(node: unknown): string | null {
  if (typeof node !== 'object' || node === null) return null;
  const record = node as Record<string, unknown>;
  if ('#text' in record) return decodeEntities(String(record['#text']));
  if ('#cdata' in record && Array.isArray(record['#cdata'])) {
    return (record['#cdata'] as unknown[])
      .map((part) => String((part as Record<string, unknown>)['#text'] ?? ''))
      .join('');
  }
  return null;
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
  return childrenNamed(element, namespaces, localName)[0];
}

/** Trimmed text of the first such child that has any; null when none does. */
export function childText(
  element: XmlElement,
  namespaces: ReadonlySet<string>,
  localName: string,
): string | null {
  for (const child of childrenNamed(element, namespaces, localName)) {
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
