import { defineCommand } from '../src/chat/command-definition.js';
import { heading, list, paragraph, reply, type Span } from '../src/chat/reply.js';
import type { Services } from '../src/chat/services.js';
import { chatKey, isGlobal, type SourceRecord } from '../src/sources/source-catalog.js';
import type { SourceStatus } from '../src/sources/source-status.js';
import type { Translate } from '../src/i18n/translations.js';
import { lastErrorText } from '../src/i18n/problem-text.js';

/**
 * /sources: every source with where it comes from (the config file, or added in chat by whom), its
 * status, last fetch and last error; then the config sources an operator removed.
 */
export const sourcesCommand = defineCommand({
  name: 'sources',
  description: "This chat's own sources and those every chat reads, with their status",
  options: {},
  async run({ services, caller, t }) {
    const chat = caller.platform === 'terminal' ? null : chatKey(caller.platform, caller.chatId);
    const [all, hidden, own] = await Promise.all([
      services.catalog.list(),
      services.catalog.hidden(),
      chat ? services.chatSources.ofChat(chat) : Promise.resolve([]),
    ]);
    const global = all.filter(isGlobal);
    const blocks = [];
    const limit = services.config.chatSources.maxPerChat;
    if (chat && (own.length > 0 || limit > 0)) {
      blocks.push(heading(t('sources-chat-title', { count: own.length, limit })));
      blocks.push(
        own.length > 0 ? list(await describeAll(own, services, t), t) : paragraph(t('sources-chat-none')),
      );
    }
    if (global.length === 0) {
      blocks.push(paragraph(t('sources-global-none')));
    } else {
      blocks.push(
        heading(t('sources-global-title', { count: global.length })),
        list(await describeAll(global, services, t), t),
      );
    }
    // The operator at the terminal sees what chats read too: it is fetched by this server.
    const chats = chat ? [] : all.filter((source) => !isGlobal(source));
    if (chats.length > 0) {
      blocks.push(
        heading(t('sources-chats-title', { count: chats.length })),
        list(await describeAll(chats, services, t), t),
      );
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
      blocks.push(paragraph(chat ? t('sources-operators-chat') : t('sources-operators')));
    }
    return reply.of(...blocks);
  },
});

async function describeAll(
  sources: readonly SourceRecord[],
  services: Services,
  t: Translate,
): Promise<Span[][]> {
  const items: Span[][] = [];
  for (const source of sources) items.push(describe(source, await services.statuses.get(source.id), t));
  return items;
}

function describe(source: SourceRecord, status: SourceStatus, t: Translate): Span[] {
  const failing = { count: status.consecutiveFailures, error: lastErrorText(status, t) };
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
  const added = `${
    source.addedBy ? t('sources-origin-added-by', { who: source.addedBy }) : t('sources-origin-added')
  }${source.addedAt ? ` ${source.addedAt.slice(0, 10)}` : ''}`;
  const shared = (source.chats ?? []).length;
  const origin =
    source.origin === 'config'
      ? t('sources-origin-config')
      : source.origin === 'chat' && shared > 1
        ? t('sources-origin-shared', { added, count: shared })
        : added;
  return [
    { text: source.id, bold: true },
    { text: ` (${origin}) ${status.title ? `"${status.title}" ` : ''}` },
    /^https?:/.test(source.url) ? { text: source.url, link: source.url } : { text: source.url, code: true },
    { text: ` — ${state}${problems}` },
  ];
}
