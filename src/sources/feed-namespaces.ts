/**
 * Namespace URIs feed readers match elements by. Matching by namespace rather than by prefix is what
 * lets `<atom:feed>`, `<p0:entry>` and `<dc:creator>` work whatever prefix the publisher chose.
 */

/** Elements of RSS 0.9x/2.0 (no namespace, or UserLand's), RSS 1.0 and RSS 0.90. */
export const RSS = new Set([
  '',
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://channel.netscape.com/rdf/simple/0.9/',
]);
/** Atom 1.0 and the pre-standard Atom 0.3. */
export const ATOM = new Set(['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#']);
export const DC = new Set(['http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/']);
export const CONTENT = new Set(['http://purl.org/rss/1.0/modules/content/']);
export const ITUNES = new Set(['http://www.itunes.com/dtds/podcast-1.0.dtd']);
export const FEEDBURNER = new Set(['http://rssnamespace.org/feedburner/ext/1.0']);
export const MEDIA = new Set(['http://search.yahoo.com/mrss/', 'http://search.yahoo.com/mrss']);
