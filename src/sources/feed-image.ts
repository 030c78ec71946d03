/**
 * The lead image of a feed item, from what publishers put there for readers to show: Media RSS
 * (`media:content` of an image, directly or in a `media:group`, then `media:thumbnail`), an RSS
 * `<enclosure>` or an Atom `rel="enclosure"` link of an image type. Video and audio enclosures
 * are not images; addresses pass {@link safeImageUrl}.
 */
import { safeImageUrl } from '../articles/image-url.js';
import { MEDIA } from './feed-namespaces.js';
import { withXmlBase } from './feed-url.js';
import { childNamed, childrenNamed, type XmlElement } from './feed-xml.js';

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/**
 * The item's image address, absolute, or null. `enclosures` are the item's RSS `<enclosure>` or
 * Atom enclosure links, already picked by the format's reader.
 */
export function feedItemImage(
  item: XmlElement,
  base: string | null,
  enclosures: XmlElement[],
): string | null {
  const group = childNamed(item, MEDIA, 'group');
  const contents = [
    ...childrenNamed(item, MEDIA, 'content'),
    ...(group ? childrenNamed(group, MEDIA, 'content') : []),
  ];
  const images = contents.filter((content) => isImage(content, content.attributes.url));
  // The largest of several renditions: chats show the image large.
  images.sort((a, b) => width(b) - width(a));
  const thumbnails = [
    ...childrenNamed(item, MEDIA, 'thumbnail'),
    ...(group ? childrenNamed(group, MEDIA, 'thumbnail') : []),
  ];
  const candidates = [
    ...images.map((element) => ({ element, url: element.attributes.url })),
    ...thumbnails.map((element) => ({ element, url: element.attributes.url })),
    ...enclosures
      .filter((element) => isImage(element, element.attributes.url ?? element.attributes.href))
      .map((element) => ({ element, url: element.attributes.url ?? element.attributes.href })),
  ];
  for (const { element, url } of candidates) {
    const safe = safeImageUrl(url, withXmlBase(element, base));
    if (safe) return safe;
  }
  return null;
}

/** An image by its declared type or medium, or (when neither is given) by its file name. */
function isImage(element: XmlElement, url: string | undefined): boolean {
  const type = element.attributes.type?.trim().toLowerCase();
  const medium = element.attributes.medium?.trim().toLowerCase();
  if (type) return type.startsWith('image/');
  if (medium) return medium === 'image';
  return url !== undefined && IMAGE_FILE.test(url);
}

function width(element: XmlElement): number {
  const value = Number(element.attributes.width);
  return Number.isFinite(value) ? value : 0;
}
