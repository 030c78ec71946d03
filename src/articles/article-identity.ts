import { createHash } from 'node:crypto';
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
  const opening = normalizeForHash(draft.text.slice(0, CONTENT_HASH_CHARS)).slice(0, CONTENT_HASH_CHARS / 2);
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

function normalizeForHash(text: string): string {
  // ASCII is its own NFKC form and its letters and digits are a-z and 0-9 once lowercased: the same
  // result without the Unicode normalization and property classes (most feed text is ASCII).
  if (!NON_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const NON_ASCII = /[^\u0000-\u007f]/;

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
