/**
 * What `/filter add|remove` typed means: the rules in the words (commas between several, a
 * `source:<id>` anywhere for one source), checked and bounded, and the list after the change.
 */
import { closestMatches } from '../text/similarity.js';
import { describeRule, FILTER_LIMITS, ruleTokens } from './chat-filters.js';
import type { FilterRule } from './subscription.js';

const KINDS = ['include', 'exclude'] as const;

/** include/exclude from what was typed, or the reply for a typo. */
export function filterKind(text: string | undefined): FilterRule['kind'] | { error: string } {
  const value = (text ?? '').toLowerCase();
  if (value === 'include' || value === 'exclude') return value;
  if (!value) return { error: 'Say include or exclude: /filter add exclude "transfer window".' };
  const close = closestMatches(value.slice(0, 20), KINDS, 1);
  return {
    error: `"${value.slice(0, 20)}" is neither include nor exclude${close.length ? `: did you mean ${close[0]}?` : '.'} E.g. /filter add include huawei.`,
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
): { rules: FilterRule[] } | { error: string } {
  if (words.length > FILTER_LIMITS.chars * 4) {
    return { error: `That is too long for filters: at most ${FILTER_LIMITS.chars} characters each.` };
  }
  let source: string | null = null;
  const kept: string[] = [];
  for (const word of words.split(/\s+/)) {
    if (word.toLowerCase().startsWith('source:')) {
      const id = word.slice('source:'.length);
      if (!knownSources.includes(id)) {
        const close = closestMatches(id.slice(0, 60), knownSources, 2);
        return {
          error: `There is no source "${id.slice(0, 60)}"${close.length ? `: did you mean ${close.map((c) => `source:${c}`).join(' or ')}?` : '.'} /sources lists their ids.`,
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
    return { error: `Say which words: /filter add ${kind} huawei, or a phrase in quotes.` };
  }
  const rules: FilterRule[] = [];
  for (const part of parts) {
    const tokens = ruleTokens(part);
    if ('error' in tokens) return { error: `"${part.slice(0, 40)}": ${tokens.error}` };
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
): { rules: FilterRule[]; already: FilterRule[] } | { error: string } {
  const fresh = added.filter((rule) => !current.some((existing) => sameRule(existing, rule)));
  const already = added.filter((rule) => !fresh.includes(rule));
  if (current.length + fresh.length > FILTER_LIMITS.rules) {
    return {
      error: `A chat can have at most ${FILTER_LIMITS.rules} filters; this one has ${current.length}. /filter remove some first.`,
    };
  }
  return { rules: [...current, ...fresh], already };
}

/** The list as /filter shows it, numbered for /filter remove <number>. */
export function ruleLines(rules: readonly FilterRule[]): string[] {
  return rules.map((rule, i) => `${i + 1}. ${describeRule(rule)}`);
}
