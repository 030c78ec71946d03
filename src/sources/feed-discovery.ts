/**
 * Feed autodiscovery: the `<link rel="alternate" type="application/rss+xml" href="…">` tags an HTML page
 * uses to say where its feed is. Used to turn "you gave me a web page" into "add this URL instead".
 */
import { decodeEntities } from './feed-entities.js';
import { resolveWebUrl } from './feed-url.js';

const FEED_TYPES = /^application\/(?:rss|atom|rdf|feed)\+(?:xml|json)$/i;
/** Feed links live in `<head>`; scanning further only costs time on a huge page. */
const SCAN_CHARS = 512 * 1024;

/**
 * The absolute URLs of the feeds an HTML page advertises, in page order, without duplicates.
 *
 * @example
 * discoverFeedLinks('<link rel="alternate" type="application/rss+xml" href="/feed">', 'https://a.example/');
 * // ['https://a.example/feed']
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const head = html.slice(0, SCAN_CHARS);
  // Tags stop at '<' too, so a page of unclosed `<link` costs one pass, not one pass per tag.
  const baseTag = /<base\b[^<>]*>/i.exec(head);
  const base = resolveWebUrl(baseTag ? attributes(baseTag[0]).href : null, pageUrl) ?? pageUrl;
  const found = new Set<string>();
  for (const [tag] of head.matchAll(/<link\b[^<>]*>/gi)) {
    const { rel = '', type = '', href } = attributes(tag);
    if (!rel.toLowerCase().split(/\s+/).includes('alternate') || !FEED_TYPES.test(type.trim())) continue;
    const url = resolveWebUrl(href, base);
    if (url) found.add(url);
  }
  return [...found];
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([^\s=<>"'/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) {
    const name = match[1]?.toLowerCase();
    if (name && !Object.hasOwn(result, name))
      result[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return result;
}
