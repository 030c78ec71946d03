/**
 * URL resolution for feeds. Relative references resolve against the nearest `xml:base`, then the feed's
 * own link, then the feed's self link, then the URL it was fetched from, which is what feed readers do
 * with publishers who write `<link>/posts/1</link>`.
 */
import type { XmlElement } from './feed-xml.js';

/** Resolves `reference` against `base`; null when it is empty or cannot be made into a URL. */
export function resolveUrl(reference: string | null | undefined, base: string | null): string | null {
  const trimmed = reference?.trim();
  if (!trimmed) return null;
  try {
    return (base ? new URL(trimmed, base) : new URL(trimmed)).href;
  } catch {
    return null;
  }
}

/** Like {@link resolveUrl}, but only web (http/https) URLs count: a `tag:` URI is an id, not a link. */
export function resolveWebUrl(reference: string | null | undefined, base: string | null): string | null {
  const url = resolveUrl(reference, base);
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** The base URL in effect inside `element`, given the base in effect around it. */
export function withXmlBase(element: XmlElement | null | undefined, base: string | null): string | null {
  const declared = element?.attributes['xml:base'];
  if (declared === undefined) return base;
  return resolveUrl(declared, base) ?? base;
}

/** Where a feed points and what its items' relative links resolve against. */
export interface FeedBase {
  /** The feed's own (site) link, absolute, or null. */
  link: string | null;
  /** Base URL for everything inside the feed. */
  base: string;
}

/**
 * Picks the base for a feed's contents: a meaningful `xml:base` on the feed, else its own link, else
 * its self link, else `feedUrl`. An `xml:base` of "" or "#fragment" says nothing beyond the document's
 * own address, so it does not outrank the feed's link.
 */
export function feedBase(
  feedElements: XmlElement[],
  ownLink: string | null,
  selfLink: string | null,
  feedUrl: string,
): FeedBase {
  const documentUrl = resolveUrl(feedUrl, null) ?? feedUrl;
  let declared: string | null = documentUrl;
  for (const element of feedElements) declared = withXmlBase(element, declared);
  const explicit = declared && withoutFragment(declared) !== withoutFragment(documentUrl) ? declared : null;
  const fallback = explicit ?? resolveWebUrl(selfLink, documentUrl) ?? documentUrl;
  const link = resolveWebUrl(ownLink, explicit ?? fallback);
  return { link, base: explicit ?? link ?? fallback };
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
