/**
 * What `/filter add|remove` typed means: the rules in the words (commas between several, a
 * `source:<id>` anywhere for one source), checked and bounded, and the list after the change.
 */
import { closestMatches } from '../text/similarity.js';
import { describeRule, FILTER_LIMITS, ruleTokens } from './chat-filters.js';
import type { FilterRule } from './subscription.js';
import type { Translate } from '../i18n/translations.js';

const KINDS = ['include', 'exclude'] as const;

/** include/exclude from what was typed, or the reply for a typo. */
export function filterKind(text: string | undefined, t: Translate): FilterRule['kind'] | { error: string } {
  const value = (text ?? '').toLowerCase();
  if (value === 'include' || value === 'exclude') return value;
  if (!value) return { error: t('filter-say-kind') };
  const close = closestMatches(value.slice(0, 20), KINDS, 1);
  return {
    error: close.length
      ? t('filter-bad-kind-suggest', { value: value.slice(0, 20), suggestion: close[0]! })
      : t('filter-bad-kind', { value: value.slice(0, 20) }),
  };
}

/**
 * The rules in `words`: each comma-separated part one word or phrase; `source:<id>` applies them all
 * to that source. `knownSources` checks the id.
 */
export function parseRules(
  kind: FilterRule['kind'],
  words: string,
  knownSources: readonly string[],
  t: Translate,
): { rules: FilterRule[] } | { error: string } {
  if (words.length > FILTER_LIMITS.chars * 4) {
    return { error: t('filter-too-long', { max: FILTER_LIMITS.chars }) };
  }
  let source: string | null = null;
  const kept: string[] = [];
  for (const word of words.split(/\s+/)) {
    if (word.toLowerCase().startsWith('source:')) {
      const id = word.slice('source:'.length);
      if (!knownSources.includes(id)) {
        const close = closestMatches(id.slice(0, 60), knownSources, 2);
        const named = id.slice(0, 60);
        return {
          error: close.length
            ? t('filter-no-source-suggest', {
                id: named,
                suggestions: close.map((c) => `source:${c}`).join(` ${t('parse-or')} `),
              })
            : t('filter-no-source', { id: named }),
        };
      }
      source = id;
    } else if (word) {
      kept.push(word);
    }
  }
  const parts = kept
    .join(' ')
    .split(',')
    // Discord hands the words over as typed, quote marks included.
    .map((part) =>
      part
        .trim()
        .replace(/^["“]+|["”]+$/g, '')
        .trim(),
    )
    .filter(Boolean);
  if (parts.length === 0) {
    return { error: t('filter-say-words', { kind }) };
  }
  const rules: FilterRule[] = [];
  for (const part of parts) {
    const tokens = ruleTokens(part);
    if ('error' in tokens) return { error: `"${part.slice(0, 40)}": ${tokens.say(t)}` };
    rules.push({ kind, text: part, tokens: tokens.tokens, source });
  }
  return { rules };
}

/** The same rule: same kind, words and source (however it was typed). */
export function sameRule(a: FilterRule, b: FilterRule): boolean {
  return a.kind === b.kind && a.source === b.source && a.tokens.join(' ') === b.tokens.join(' ');
}

/** `current` with `added`, or why not (over the limit); rules already there are left as they are. */
export function withRules(
  current: readonly FilterRule[],
  added: readonly FilterRule[],
  t: Translate,
): { rules: FilterRule[]; already: FilterRule[] } | { error: string } {
  const fresh = added.filter((rule) => !current.some((existing) => sameRule(existing, rule)));
  const already = added.filter((rule) => !fresh.includes(rule));
  if (current.length + fresh.length > FILTER_LIMITS.rules) {
    return { error: t('filter-too-many', { max: FILTER_LIMITS.rules, count: current.length }) };
  }
  return { rules: [...current, ...fresh], already };
}

/** The list as /filter shows it, numbered for /filter remove <number>. */
export function ruleLines(rules: readonly FilterRule[]): string[] {
  return rules.map((rule, i) => `${i + 1}. ${describeRule(rule)}`);
}
