import * as crypto from 'node:crypto';
import type { ArticleDraft } from './article.js';

/** Query parameters that only track clicks; two links differing only in them are the same article. */
const TRACKING_PARAMETER =
  /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|smid|at_medium|at_campaign)$/i;

/**
 * The keys under which a draft counts as "already seen": its feed guid, its normalized link and a hash
 * of its normalized title and text. An article matching any one of them is the same item again.
 * The first key also gives the article its id, so ids are stable across restarts and instances.
 */
export function identityKeys(draft: Pick<ArticleDraft, 'guid' | 'url' | 'title' | 'text'>): string[] {
  const known = computed.get(draft);
  if (known) return known;
  const keys: string[] = [];
  const guid = draft.guid?.trim();
  if (guid) keys.push(`guid:${guid}`);
  const link = normalizeLink(draft.url);
  if (link) keys.push(`link:${link}`);
  // The opening of the text identifies an article as surely as all of it, at a fraction of the cost.
  const opening = normalizeForHash(draft.text.slice(0, CONTENT_HASH_CHARS), CONTENT_HASH_CHARS / 2);
  keys.push(`content:${sha1(`${normalizeForHash(draft.title)}\n${opening}`)}`);
  computed.set(draft, keys);
  return keys;
}

const CONTENT_HASH_CHARS = 8000;

/** Drafts are not changed once read, and ingest asks for the keys of each draft several times. */
const computed = new WeakMap<object, string[]>();

/** A short stable id derived from the article's primary identity key. */
export function articleIdFor(keys: readonly string[]): string {
  return sha1(keys[0] ?? '').slice(0, 16);
}

/** Lowercases scheme and host, drops the fragment, tracking parameters and a trailing slash. */
export function normalizeLink(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return null;
    parsed.hash = '';
    for (const name of [...parsed.searchParams.keys()]) {
      if (TRACKING_PARAMETER.test(name)) parsed.searchParams.delete(name);
    }
    parsed.searchParams.sort();
    if (parsed.protocol !== 'file:') parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
    const text = parsed.toString();
    // The scheme is not part of an article's identity: the same story is often linked both ways.
    return text.replace(/^https?:\/\//, '//');
  } catch {
    return null;
  }
}

/**
 * Letters and digits, lowercased, each run of anything else one space, no space at either end; at
 * most `limit` characters of the result.
 */
function normalizeForHash(text: string, limit = Infinity): string {
  if (NON_ASCII.test(text)) {
    return text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .slice(0, limit);
  }
  // ASCII (most feed text) is its own NFKC form, and its letters and digits are A-Z, a-z and 0-9:
  // one pass over the characters gives what the Unicode rule above gives, without the regular
  // expressions' intermediate strings (they were most of what ingest's main thread allocated).
  const out = Buffer.allocUnsafe(Math.min(text.length, limit));
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length && length < out.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      // A space only between two words, so that none leads or trails, as after trim().
      if (gap && length > 0) out[length++] = 32;
      gap = false;
      if (length < out.length) out[length++] = code;
    } else gap = true;
  }
  return out.toString('latin1', 0, length);
}

const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Node's one-shot hash (from 20.12) takes about a third of the time of a Hash object on short
 * texts, and ingest hashes every article twice; older Node 20 releases build the object.
 */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;

function sha1(text: string): string {
  return oneShotHash ? oneShotHash('sha1', text) : crypto.createHash('sha1').update(text).digest('hex');
}
