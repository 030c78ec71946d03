import { defineCommand, type Caller } from '../src/chat/command-definition.js';
import { paragraph, reply, type Reply } from '../src/chat/reply.js';
import type { Services } from '../src/chat/services.js';
import type { Translate } from '../src/i18n/translations.js';
import { refusalReason } from '../src/i18n/problem-text.js';
import { chatKey, isGlobal } from '../src/sources/source-catalog.js';
import type { AdmissionResult } from '../src/sources/source-admission.js';

/**
 * /source add <url> [chat|global] | remove <id> | restore <id>. In a chat, its administrators add
 * and remove the chat's own sources (read for that chat's digest only); operators add with `global`
 * what every chat reads, remove any source, and restore config sources. At the terminal every change
 * is global.
 */
export const sourceCommand = defineCommand({
  name: 'source',
  description: "Add or remove a feed or page for this chat (operators: for every chat with 'global')",
  access: 'chat-admin',
  adminAction: 'admin-action-sources',
  slow: true,
  options: {
    action: {
      type: 'string',
      description: 'add, remove or restore',
      required: true,
      choices: ['add', 'remove', 'restore'],
    },
    target: {
      type: 'string',
      description: 'the URL to add (a file or folder at the terminal), or the id (see /sources)',
      required: true,
    },
    scope: {
      type: 'string',
      description: "add for this chat (the default in a chat) or for every chat ('global', operators)",
      choices: ['chat', 'global'],
    },
  },
  async run({ options, services, caller, t }) {
    const chat = caller.platform === 'terminal' ? null : chatKey(caller.platform, caller.chatId);
    if (options.action === 'remove') return remove(options.target, chat, caller, services, t);
    if (options.action === 'restore') {
      if (!caller.isOperator) return reply.text(operatorsOnly('/source restore', caller, t));
      return restore(options.target, services, t);
    }
    const scope = options.scope ?? (chat ? 'chat' : 'global');
    if (scope === 'chat') {
      if (!chat) return reply.text(t('source-terminal-no-chat'));
      const result = await services.admission.addForChat(
        options.target,
        chat,
        `${caller.platform}:${caller.userId}`,
        services.config.chatSources.maxPerChat,
      );
      if (result.kind === 'refused')
        return reply.text(t('source-refused', { reason: refusalReason(result, t) }));
      const { source } = result;
      return addedReply(
        result,
        result.poll
          ? t('source-added-chat', { id: source.id, url: source.url, count: result.poll.newArticles })
          : t('source-added-chat-shared', { id: source.id, url: source.url }),
        t,
      );
    }
    if (!caller.isOperator) return reply.text(operatorsOnly('/source add … global', caller, t));
    const result = await services.admission.add(options.target, {
      id: `${caller.platform}:${caller.userId}`,
      // At the terminal, the operator is on the machine itself; in a chat, a path would read its disk.
      mayAddLocalFiles: caller.platform === 'terminal',
    });
    if (result.kind === 'refused')
      return reply.text(t('source-refused', { reason: refusalReason(result, t) }));
    const { id, url } = result.source;
    // A source chats already shared is not fetched again: it is read for every chat from now on.
    if (!result.poll) return addedReply(result, t('source-added-everyone', { id, url }), t);
    const added = { id, url, count: result.poll.newArticles };
    return addedReply(
      result,
      result.kind === 'restored' ? t('source-restored-config', added) : t('source-added', added),
      t,
    );
  },
});

/** What was added; first, when the address given was a web page, that its feed was taken instead. */
function addedReply(result: AdmissionResult, said: string, t: Translate): Reply {
  if (result.kind !== 'added' || !result.foundOn) return reply.text(said);
  return reply.of(paragraph(t('source-found-feed', { page: result.foundOn })), paragraph(said));
}

async function remove(
  id: string,
  chat: string | null,
  caller: Caller,
  services: Services,
  t: Translate,
): Promise<Reply> {
  if (chat && (await services.chatSources.unfollow(id, chat))) {
    return reply.text(t('source-removed-chat', { id }));
  }
  const source = await services.catalog.get(id);
  if (!caller.isOperator) {
    return reply.text(
      source && isGlobal(source)
        ? t('source-remove-global-refused', { id })
        : t('source-not-in-chat', { id }),
    );
  }
  const removed = await services.catalog.remove(id, services.clock(), `${caller.platform}:${caller.userId}`);
  if (!removed) return reply.text(t('source-not-found', { id }));
  if (removed.chats.length > 0) {
    await services.notices.removed(removed.source, removed.chats);
    return reply.text(t('source-removed-chats', { id, count: removed.chats.length }));
  }
  const fromConfig = (await services.catalog.hidden()).some((hidden) => hidden.id === id);
  return reply.text(fromConfig ? t('source-removed-config', { id }) : t('source-removed', { id }));
}

async function restore(id: string, services: Services, t: Translate): Promise<Reply> {
  const source = await services.catalog.restore(id);
  if (!source) {
    const hidden = (await services.catalog.hidden()).map((entry) => entry.id);
    return reply.text(
      hidden.length
        ? t('source-not-removed-list', { id, hidden: hidden.join(', ') })
        : t('source-not-removed', { id }),
    );
  }
  const poll = await services.poller.pollSource(source, true);
  return reply.text(t('source-restored', { id: source.id, url: source.url, count: poll.newArticles }));
}

/** Said when a chat administrator asks for what only operators may do. */
function operatorsOnly(what: string, caller: Caller, t: Translate): string {
  return caller.platform === 'terminal'
    ? t('source-operators-only', { what })
    : t('source-operators-only-id', { what, platform: caller.platform, userId: caller.userId });
}
