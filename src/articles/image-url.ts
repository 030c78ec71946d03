import { isIP } from 'node:net';

/** Longest image address kept: real ones are far shorter, and Telegram refuses very long ones. */
const MAX_IMAGE_URL = 2_000;

/**
 * An article's lead image address as it may be stored and handed to a chat platform, or null.
 * Only http(s) counts (a `javascript:`, `data:` or `file:` address is refused), absolute or
 * resolved against `base`, without credentials, spaces or control characters, and not on a bare IP
 * address or `localhost`: the platform fetches the image, and a news image never lives there.
 *
 * @example
 * safeImageUrl('/img/a.jpg', 'https://news.example/story'); // 'https://news.example/img/a.jpg'
 * safeImageUrl('javascript:alert(1)'); // null
 */
export function safeImageUrl(reference: unknown, base?: string | null): string | null {
  if (typeof reference !== 'string') return null;
  const trimmed = reference.trim();
  if (!trimmed || trimmed.length > MAX_IMAGE_URL || /[\s\u0000-\u001f\u007f]/.test(trimmed)) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!host || host === 'localhost' || host.endsWith('.localhost') || isIP(host) !== 0) return null;
  return url.href.length <= MAX_IMAGE_URL ? url.href : null;
}
