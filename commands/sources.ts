import { defineCommand } from '../src/chat/command-definition.js';
import { heading, list, paragraph, reply, type Span } from '../src/chat/reply.js';
import type { SourceRecord } from '../src/sources/source-catalog.js';
import type { SourceStatus } from '../src/sources/source-status.js';
import type { Translate } from '../src/i18n/translations.js';

/**
 * /sources: every source with where it comes from (the config file, or added in chat by whom), its
 * status, last fetch and last error; then the config sources an operator removed.
 */
export const sourcesCommand = defineCommand({
  name: 'sources',
  description: 'The sources Quotewire reads, with their status',
  options: {},
  async run({ services, caller, t }) {
    const [sources, hidden] = await Promise.all([services.catalog.list(), services.catalog.hidden()]);
    const blocks = [];
    if (sources.length === 0) {
      blocks.push(paragraph(t('sources-none')));
    } else {
      const items: Span[][] = [];
      for (const source of sources) items.push(describe(source, await services.statuses.get(source.id), t));
      blocks.push(heading(t('sources-title', { count: sources.length })), list(items, t));
    }
    if (hidden.length > 0) {
      blocks.push(
        heading(t('sources-removed-title', { count: hidden.length })),
        list(
          hidden.map((source) => [
            { text: source.id, bold: true },
            {
              text: ` ${
                source.removedBy
                  ? t('sources-removed-item-by', {
                      date: source.removedAt.slice(0, 10),
                      who: source.removedBy,
                    })
                  : t('sources-removed-item', { date: source.removedAt.slice(0, 10) })
              } `,
            },
            { text: `/source restore ${source.id}`, code: true },
          ]),
          t,
        ),
      );
    }
    if (caller.isOperator) {
      blocks.push(paragraph(t('sources-operators')));
    }
    return reply.of(...blocks);
  },
});

function describe(source: SourceRecord, status: SourceStatus, t: Translate): Span[] {
  const failing = { count: status.consecutiveFailures, error: status.lastError ?? '' };
  const state = status.lastError
    ? status.nextAttemptAt
      ? t('sources-failing-next', { ...failing, next: status.nextAttemptAt })
      : t('sources-failing', failing)
    : status.lastSuccessAt
      ? t('sources-ok', { at: status.lastSuccessAt, count: status.articlesStored })
      : t('sources-not-fetched');
  const problems = status.problems.length
    ? `; ${t('sources-unreadable', { count: status.problems.length, problems: status.problems.join('; ') })}`
    : '';
  const added = source.addedBy
    ? t('sources-origin-added-by', { who: source.addedBy })
    : t('sources-origin-added');
  const origin =
    source.origin === 'config'
      ? t('sources-origin-config')
      : `${added}${source.addedAt ? ` ${source.addedAt.slice(0, 10)}` : ''}`;
  return [
    { text: source.id, bold: true },
    { text: ` (${origin}) ${status.title ? `"${status.title}" ` : ''}` },
    /^https?:/.test(source.url) ? { text: source.url, link: source.url } : { text: source.url, code: true },
    { text: ` — ${state}${problems}` },
  ];
}
