import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../src/articles/stored-article.js';
import { ArticleWords, foldTokens, ruleTokens, storyFilter } from '../../src/delivery/chat-filters.js';
import { parseRules, withRules } from '../../src/delivery/filter-changes.js';
import { testTranslations } from '../helpers/translations.js';

const english = testTranslations().translator('en');
import type { FilterRule } from '../../src/delivery/subscription.js';

function article(id: string, title: string, text: string, sourceId = 'wire'): StoredArticle {
  return {
    id,
    url: `https://example.com/${id}`,
    title,
    byline: null,
    published: null,
    source: sourceId,
    text,
    summary: [],
    quotes: [],
    seenAt: '2026-11-30T10:00:00Z',
    sourceId,
    categories: [],
  };
}

function rule(kind: FilterRule['kind'], text: string, source: string | null = null): FilterRule {
  const tokens = ruleTokens(text);
  if ('error' in tokens) throw new Error(tokens.error);
  return { kind, text, tokens: tokens.tokens, source };
}

const keeps = (rules: FilterRule[], ...articles: StoredArticle[]) =>
  storyFilter(rules, new ArticleWords())!({ articles });

describe('chat filters', () => {
  it('folds case, accents and punctuation into word tokens', () => {
    expect(foldTokens('Transfer-Window, SÃO Paulo! Müller’s 5G')).toEqual([
      'transfer',
      'window',
      'sao',
      'paulo',
      'muller',
      's',
      '5g',
    ]);
  });

  it('matches whole words and phrases in order, whatever the case or accents', () => {
    const news = article('a', 'Transfer-window gossip', 'HUAWEI’s new phone; Müller signs.');
    expect(keeps([rule('exclude', '"transfer window"')], news)).toBe(false);
    expect(keeps([rule('exclude', 'window transfer')], news)).toBe(true);
    expect(keeps([rule('include', 'huawei')], news)).toBe(true);
    expect(keeps([rule('include', 'huaw')], news)).toBe(false);
    expect(keeps([rule('include', 'muller')], news)).toBe(true);
    expect(keeps([rule('include', 'MÜLLER')], article('b', 'Muller', ''))).toBe(true);
  });

  it('drops a story when any of its articles is excluded, keeps it when one is included', () => {
    const first = article('a', 'Election night', 'Results come in.');
    const second = article('b', 'Election night live', 'Also the transfer window closes.');
    expect(keeps([rule('exclude', 'transfer window')], first, second)).toBe(false);
    expect(keeps([rule('include', 'results')], first, second)).toBe(true);
    expect(keeps([rule('include', 'football')], first, second)).toBe(false);
  });

  it('applies a rule for one source only to that source’s articles', () => {
    const bbc = article('a', 'Phones', 'Samsung launches a phone.', 'bbc');
    const other = article('b', 'Weather', 'Rain all week.', 'met');
    const rules = [rule('include', 'huawei', 'bbc')];
    expect(keeps(rules, bbc)).toBe(false);
    expect(keeps(rules, other)).toBe(true);
  });

  it('treats regular-expression syntax as plain words, in linear time', () => {
    const hostile = '(a+)+$ .* [x-z] \\d{1,100}';
    const tokens = ruleTokens(hostile);
    expect(tokens).toEqual({ tokens: ['a', 'x', 'z', 'd', '1', '100'] });
    const long = article('a', 'a'.repeat(50_000) + '!', 'a '.repeat(100_000));
    expect(keeps([rule('exclude', 'a a a a a a a b')], long)).toBe(true);
  });

  it('refuses empty, overlong and too many rules with a sentence saying what to do', () => {
    expect(ruleTokens('!!!')).toMatchObject({ error: 'a filter needs at least one letter or digit.' });
    expect(ruleTokens('one two three four five six seven eight nine')).toMatchObject({
      error: expect.stringContaining('at most 8 words'),
    });
    expect(parseRules('include', 'huawei source:bbcc', ['bbc', 'reuters'], english)).toEqual({
      error: 'There is no source "bbcc": did you mean source:bbc? /sources lists their ids.',
    });
    const parsed = parseRules('exclude', 'transfer window , gossip source:bbc', ['bbc'], english);
    expect(parsed).toMatchObject({
      rules: [
        { kind: 'exclude', tokens: ['transfer', 'window'], source: 'bbc' },
        { kind: 'exclude', tokens: ['gossip'], source: 'bbc' },
      ],
    });
    expect(parseRules('exclude', '"transfer window", “gossip”', [], english)).toMatchObject({
      rules: [{ text: 'transfer window' }, { text: 'gossip' }],
    });
    const many = Array.from({ length: 40 }, (_, i) => rule('exclude', `word${i}`));
    expect(withRules(many, [rule('exclude', 'one more')], english)).toMatchObject({
      error: expect.stringContaining('at most 40 filters'),
    });
    expect(withRules(many, [rule('exclude', 'WORD3')], english)).toMatchObject({
      already: [{ text: 'WORD3' }],
    });
  });
});
