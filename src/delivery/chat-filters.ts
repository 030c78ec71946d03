/**
 * A chat's include and exclude filters, without regular expressions. Users' words are never
 * compiled into a pattern (a crafted pattern can take exponential time): both the rule and the
 * article are folded once into word tokens (NFKD, marks stripped, lowercase, split on anything that
 * is not a letter or a digit), and a rule matches when its tokens stand in a row among the
 * article's. "Huawei" matches "HUAWEI's" and not "Huaweiphone"; "transfer window" matches
 * "Transfer-window" and not "window transfer"; "Müller" matches "Muller" and "MÜLLER".
 */
import { createHash } from 'node:crypto';
import type { StoredArticle } from '../articles/stored-article.js';
import type { Story } from '../stories/story.js';
import type { FilterRule } from './subscription.js';
import type { Translate } from '../i18n/translations.js';

/** Bounds on what a chat may set: a filter list stays small and cheap to apply. */
export const FILTER_LIMITS = {
  /** Rules per chat. */
  rules: 40,
  /** Characters in one rule as typed. */
  chars: 80,
  /** Words in one phrase. */
  words: 8,
  /** Characters of an article read for matching: title, summary and the start of the text. */
  articleChars: 20_000,
} as const;

/** Folds text into word tokens: "Transfer-Window, São Paulo!" → transfer, window, sao, paulo. */
export function foldTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/**
 * The word tokens of a rule as typed, or why it cannot be one (`error` in English, `say` in a
 * chat's language).
 */
export function ruleTokens(
  text: string,
): { tokens: string[] } | { error: string; say: (t: Translate) => string } {
  if (text.length > FILTER_LIMITS.chars) {
    const max = FILTER_LIMITS.chars;
    return {
      error: `a filter is at most ${max} characters; use a shorter phrase.`,
      say: (t) => t('filter-rule-too-long', { max }),
    };
  }
  const tokens = foldTokens(text);
  if (tokens.length === 0) {
    return {
      error: 'a filter needs at least one letter or digit.',
      say: (t) => t('filter-rule-no-letters'),
    };
  }
  if (tokens.length > FILTER_LIMITS.words) {
    const max = FILTER_LIMITS.words;
    return {
      error: `a phrase is at most ${max} words; use a shorter one.`,
      say: (t) => t('filter-rule-too-many-words', { max }),
    };
  }
  return { tokens };
}

/** An article's words, with where each stands, for matching phrases in one pass per rule. */
class WordPositions {
  private readonly positions = new Map<string, number[]>();
  private readonly tokens: string[];

  constructor(text: string) {
    this.tokens = foldTokens(text);
    this.tokens.forEach((token, at) => {
      const list = this.positions.get(token);
      if (list) list.push(at);
      else this.positions.set(token, [at]);
    });
  }

  has(phrase: readonly string[]): boolean {
    const starts = this.positions.get(phrase[0]!);
    if (!starts) return false;
    return starts.some((start) => phrase.every((token, i) => this.tokens[start + i] === token));
  }
}

/**
 * Folded words of articles, each article read once however many chats filter it. Keeps the most
 * recent `limit` articles (a tick reads a day of news at most).
 */
export class ArticleWords {
  private readonly cache = new Map<string, WordPositions>();

  constructor(private readonly limit = 20_000) {}

  of(article: Pick<StoredArticle, 'id' | 'title' | 'summary' | 'text'>): WordPositions {
    let words = this.cache.get(article.id);
    if (!words) {
      const text = [article.title, article.summary.join(' '), article.text]
        .join('\n')
        .slice(0, FILTER_LIMITS.articleChars);
      words = new WordPositions(text);
      if (this.cache.size >= this.limit) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(article.id, words);
    }
    return words;
  }
}

/**
 * The story test for a chat's rules, or null when it has none. Per article, the rules for the whole
 * chat and those for the article's source apply: an article is excluded when an exclude rule
 * matches it, and included when no include rule applies to it or one of them matches. A story is
 * kept when none of its articles is excluded and at least one is included.
 */
export function storyFilter(
  rules: readonly FilterRule[] | undefined,
  words: ArticleWords,
): ((story: Pick<Story, 'articles'>) => boolean) | null {
  if (!rules || rules.length === 0) return null;
  const applies = (rule: FilterRule, article: StoredArticle) =>
    rule.source === null || rule.source === article.sourceId;
  return (story) => {
    let included = false;
    for (const article of story.articles) {
      const found = words.of(article);
      const relevant = rules.filter((rule) => applies(rule, article));
      if (relevant.some((rule) => rule.kind === 'exclude' && found.has(rule.tokens))) return false;
      const includes = relevant.filter((rule) => rule.kind === 'include');
      if (includes.length === 0 || includes.some((rule) => found.has(rule.tokens))) included = true;
    }
    return included;
  };
}

/** A short stable label of a rule set ('' for none), so digests with different filters differ. */
export function filterKey(rules: readonly FilterRule[] | undefined): string {
  if (!rules || rules.length === 0) return '';
  const canonical = rules
    .map((rule) => `${rule.kind}:${rule.source ?? '*'}:${rule.tokens.join(' ')}`)
    .sort()
    .join('\n');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

/**
 * How a rule reads in lists and replies: `exclude "transfer window" source:bbc`, the way it is typed
 * after /filter add, so it reads the same in every language.
 */
export function describeRule(rule: FilterRule): string {
  return `${rule.kind} "${rule.text}"${rule.source ? ` source:${rule.source}` : ''}`;
}
