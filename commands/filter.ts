import { defineCommand } from '../src/chat/command-definition.js';
import type { Translate } from '../src/i18n/translations.js';
import { list, paragraph, reply } from '../src/chat/reply.js';
import { chatPreferences } from '../src/delivery/chat-subscription.js';
import { describeRule } from '../src/delivery/chat-filters.js';
import { filterKind, parseRules, ruleLines, sameRule, withRules } from '../src/delivery/filter-changes.js';
import { notSubscribed } from '../src/delivery/subscription-reply.js';
import type { FilterRule } from '../src/delivery/subscription.js';

/**
 * /filter [add|remove|list|clear] [include|exclude|<number>] [words...]: this chat's include and
 * exclude filters. Several at once are separated by commas; `source:<id>` limits them to a source.
 */
export const filterCommand = defineCommand({
  name: 'filter',
  description: 'Include or exclude stories by words or "phrases", for the chat or one source:<id>',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    action: { type: 'string', description: 'what to do', choices: ['add', 'remove', 'list', 'clear'] },
    kind: { type: 'string', description: 'include or exclude (remove: or the number in the list)' },
    words: {
      type: 'string',
      description: 'words or "a phrase"; commas between several; source:<id>',
      rest: true,
    },
  },
  async run({ options, services, caller, t }) {
    const found = await chatPreferences(services.subscriptions, caller, t);
    if ('refusal' in found) return found.refusal;
    const { address, current } = found;
    const rules = current.filters ?? [];
    if (!options.action || options.action === 'list') {
      if (rules.length === 0) return reply.text(`${t('filter-none')} ${t('filter-how')}`);
      return reply.of(
        paragraph(t('filter-title')),
        list(
          ruleLines(rules).map((line) => [line]),
          t,
        ),
        paragraph(t('filter-how')),
      );
    }
    if (options.action === 'clear') {
      await services.subscriptions.update(address, { filters: [] });
      return reply.text(rules.length ? t('filter-cleared', { count: rules.length }) : t('filter-were-none'));
    }
    // `/filter remove 2`: by its number in the list.
    if (options.action === 'remove' && options.kind && /^\d+$/.test(options.kind) && !options.words) {
      const number = Number(options.kind);
      const outcome = await services.subscriptions.modify<string>(address, (existing) => {
        const list = existing.filters ?? [];
        const rule = list[number - 1];
        if (!rule)
          return {
            refused: t('filter-no-number', { number, count: list.length }),
          };
        return { changes: { filters: list.filter((other) => other !== rule) } };
      });
      if (!outcome) return notSubscribed(t);
      if (outcome.refused) return reply.text(outcome.refused);
      return reply.text(
        `${t('filter-removed-number', { number })} ${remaining(outcome.subscription.filters ?? [], t)}`,
      );
    }
    const kind = filterKind(options.kind, t);
    if (typeof kind !== 'string') return reply.text(kind.error);
    const sources = (await services.catalog.list()).map((source) => source.id);
    const parsed = parseRules(kind, options.words ?? '', sources, t);
    if ('error' in parsed) return reply.text(parsed.error);

    if (options.action === 'add') {
      const outcome = await services.subscriptions.modify<string>(address, (existing) => {
        const next = withRules(existing.filters ?? [], parsed.rules, t);
        return 'error' in next ? { refused: next.error } : { changes: { filters: next.rules } };
      });
      if (!outcome) return notSubscribed(t);
      if (outcome.refused) return reply.text(outcome.refused);
      return reply.text(
        `${t('filter-added', { rules: parsed.rules.map(describeRule).join(', ') })} ${remaining(outcome.subscription.filters ?? [], t)}`,
      );
    }
    let missing: FilterRule[] = [];
    const outcome = await services.subscriptions.modify(address, (existing) => {
      const list = existing.filters ?? [];
      missing = parsed.rules.filter((rule) => !list.some((other) => sameRule(other, rule)));
      return {
        changes: { filters: list.filter((other) => !parsed.rules.some((rule) => sameRule(other, rule))) },
      };
    });
    if (!outcome) return notSubscribed(t);
    if (missing.length === parsed.rules.length) {
      return reply.text(t('filter-not-found', { rules: parsed.rules.map(describeRule).join(', ') }));
    }
    return reply.text(`${t('filter-removed')} ${remaining(outcome.subscription.filters ?? [], t)}`);
  },
});

function remaining(rules: readonly FilterRule[], t: Translate): string {
  return rules.length ? t('filter-remaining', { count: rules.length }) : t('filter-none-now');
}
