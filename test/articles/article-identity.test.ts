import { describe, expect, it } from 'vitest';
import { articleIdFor, identityKeys, normalizeLink } from '../../src/articles/article-identity.js';

describe('article identity', () => {
  it('normalizes links: tracking parameters, fragments, trailing slash, scheme and host case', () => {
    expect(normalizeLink('HTTPS://Example.com/a/b/?utm_source=x&id=2#top')).toBe('//example.com/a/b?id=2');
    expect(normalizeLink('http://example.com/a/b?id=2')).toBe('//example.com/a/b?id=2');
    expect(normalizeLink('javascript:alert(1)')).toBeNull();
    expect(normalizeLink('not a url')).toBeNull();
  });

  it('gives a guid, a link and a content key, and a stable id from the first', () => {
    const draft = { guid: 'tag:x,2020:1', url: 'https://x.com/1', title: 'T', text: 'Body.' };
    const keys = identityKeys(draft);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBe('guid:tag:x,2020:1');
    expect(articleIdFor(keys)).toBe(articleIdFor(identityKeys({ ...draft, text: 'Edited body.' })));
    expect(articleIdFor(keys)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('makes the content key insensitive to spacing and punctuation only', () => {
    const a = identityKeys({ url: '', title: 'Hello, world', text: 'One  two.\n\nThree' }).at(-1);
    const b = identityKeys({ url: '', title: 'hello world', text: 'One two. Three' }).at(-1);
    const c = identityKeys({ url: '', title: 'hello world', text: 'One two. Four' }).at(-1);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
