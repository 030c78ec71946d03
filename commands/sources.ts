import { defineCommand } from '../src/chat/command-definition.js';
import { heading, list, paragraph, reply, type Span } from '../src/chat/reply.js';
import type { Services } from '../src/chat/services.js';
import { chatKey, isGlobal, type SourceRecord } from '../src/sources/source-catalog.js';
import type { SourceStatus } from '../src/sources/source-status.js';

/**
 * /sources: every source with where it comes from (the config file, or added in chat by whom), its
 * status, last fetch and last error; then the config sources an operator removed.
 */
export const sourcesCommand = defineCommand({
  name: 'sources',
  description: "This chat's own sources and those every chat reads, with their status",
  options: {},
  async run({ services, caller }) {
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
      blocks.push(heading(`This chat's sources (${own.length} of ${limit})`));
      blocks.push(
        own.length > 0
          ? list(await describeAll(own, services))
          : paragraph("None yet. This chat's administrators can add one with /source add <url>."),
      );
    }
    if (global.length === 0) {
      blocks.push(
        paragraph('No sources for every chat yet. An operator can add one with /source add <url> global.'),
      );
    } else {
      blocks.push(
        heading(`Sources for every chat (${global.length})`),
        list(await describeAll(global, services)),
      );
    }
    // The operator at the terminal sees what chats read too: it is fetched by this server.
    const chats = chat ? [] : all.filter((source) => !isGlobal(source));
    if (chats.length > 0) {
      blocks.push(heading(`Chats' own sources (${chats.length})`), list(await describeAll(chats, services)));
    }
    if (hidden.length > 0) {
      blocks.push(
        heading(`Removed from the config's list (${hidden.length})`),
        list(
          hidden.map((source) => [
            { text: source.id, bold: true },
            {
              text: ` removed ${source.removedAt.slice(0, 10)}${source.removedBy ? ` by ${source.removedBy}` : ''}: `,
            },
            { text: `/source restore ${source.id}`, code: true },
          ]),
        ),
      );
    }
    if (caller.isOperator) {
      blocks.push(
        paragraph(
          chat
            ? 'Operators: /source add <url> global adds for every chat; /source remove <id>, /source restore <id>.'
            : 'Operators: /source add <url>, /source remove <id>, /source restore <id>.',
        ),
      );
    }
    return reply.of(...blocks);
  },
});

async function describeAll(sources: readonly SourceRecord[], services: Services): Promise<Span[][]> {
  const items: Span[][] = [];
  for (const source of sources) items.push(describe(source, await services.statuses.get(source.id)));
  return items;
}

function describe(source: SourceRecord, status: SourceStatus): Span[] {
  const state = status.lastError
    ? `failing (${status.consecutiveFailures}x): ${status.lastError}${status.nextAttemptAt ? `; next try ${status.nextAttemptAt}` : ''}`
    : status.lastSuccessAt
      ? `ok, last fetch ${status.lastSuccessAt}, ${status.articlesStored} article(s) stored`
      : 'not fetched yet';
  const problems = status.problems.length
    ? `; ${status.problems.length} file(s) unreadable: ${status.problems.join('; ')}`
    : '';
  const added = `added${source.addedBy ? ` by ${source.addedBy}` : ''}${source.addedAt ? ` ${source.addedAt.slice(0, 10)}` : ''}`;
  const shared = (source.chats ?? []).length;
  const origin =
    source.origin === 'config'
      ? 'config file'
      : source.origin === 'chat' && shared > 1
        ? `${added}, read by ${shared} chats`
        : added;
  return [
    { text: source.id, bold: true },
    { text: ` (${origin}) ${status.title ? `"${status.title}" ` : ''}` },
    /^https?:/.test(source.url) ? { text: source.url, link: source.url } : { text: source.url, code: true },
    { text: ` — ${state}${problems}` },
  ];
}
