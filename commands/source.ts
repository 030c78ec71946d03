import { defineCommand, type Caller } from '../src/chat/command-definition.js';
import { reply, type Reply } from '../src/chat/reply.js';
import type { Services } from '../src/chat/services.js';
import { chatKey, isGlobal } from '../src/sources/source-catalog.js';

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
  adminAction: "change this chat's sources",
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
  async run({ options, services, caller }) {
    const chat = caller.platform === 'terminal' ? null : chatKey(caller.platform, caller.chatId);
    if (options.action === 'remove') return remove(options.target, chat, caller, services);
    if (options.action === 'restore') {
      if (!caller.isOperator) return reply.text(operatorsOnly('/source restore', caller));
      return restore(options.target, services);
    }
    const scope = options.scope ?? (chat ? 'chat' : 'global');
    if (scope === 'chat') {
      if (!chat) {
        return reply.text(
          'The terminal has no chat of its own: /source add <url> adds a source for every chat.',
        );
      }
      const result = await services.admission.addForChat(
        options.target,
        chat,
        `${caller.platform}:${caller.userId}`,
        services.config.chatSources.maxPerChat,
      );
      if (result.kind === 'refused') return reply.text(`Not added: ${result.reason}`);
      const { source } = result;
      return reply.text(
        result.poll
          ? `Added ${source.id} (${source.url}) for this chat: ${result.poll.newArticles} article(s) stored so far. Its news goes into this chat's digest; /source remove ${source.id} stops it.`
          : `Added ${source.id} (${source.url}) for this chat. Other chats read it already, so it is shared; /source remove ${source.id} stops it here.`,
      );
    }
    if (!caller.isOperator) return reply.text(operatorsOnly('/source add … global', caller));
    const result = await services.admission.add(options.target, {
      id: `${caller.platform}:${caller.userId}`,
      // At the terminal, the operator is on the machine itself; in a chat, a path would read its disk.
      mayAddLocalFiles: caller.platform === 'terminal',
    });
    if (result.kind === 'refused') return reply.text(`Not added: ${result.reason}`);
    const verb = result.kind === 'restored' ? 'Restored the config source' : 'Added';
    const stored = result.poll
      ? `${result.poll.newArticles} article(s) stored so far`
      : 'it is read for every chat now';
    return reply.text(`${verb} ${result.source.id} (${result.source.url}): ${stored}.`);
  },
});

async function remove(id: string, chat: string | null, caller: Caller, services: Services): Promise<Reply> {
  if (chat && (await services.chatSources.unfollow(id, chat))) {
    return reply.text(`Removed ${id} from this chat's sources. Its articles stay in the store.`);
  }
  const source = await services.catalog.get(id);
  if (!caller.isOperator) {
    return reply.text(
      source && isGlobal(source)
        ? `${id} is read for every chat; only the bot's operators can remove it.`
        : `This chat has no source "${id}". /sources lists the ids.`,
    );
  }
  const removed = await services.catalog.remove(id, services.clock(), `${caller.platform}:${caller.userId}`);
  if (!removed) return reply.text(`No source "${id}". /sources lists the ids.`);
  if (removed.chats.length > 0) {
    await services.notices.removed(removed.source, removed.chats);
    return reply.text(
      `Removed ${id}, a source of ${removed.chats.length} chat(s); they have been told. Its articles stay in the store.`,
    );
  }
  const fromConfig = (await services.catalog.hidden()).some((hidden) => hidden.id === id);
  return reply.text(
    fromConfig
      ? `Removed ${id}, a source of the config file: it stays off after a restart until /source restore ${id}. Its articles stay in the store.`
      : `Removed ${id}. Its articles stay in the store.`,
  );
}

async function restore(id: string, services: Services): Promise<Reply> {
  const source = await services.catalog.restore(id);
  if (!source) {
    const hidden = (await services.catalog.hidden()).map((entry) => entry.id);
    return reply.text(
      `"${id}" is not a removed config source.${hidden.length ? ` Removed ones: ${hidden.join(', ')}.` : ''} /source add <url> adds a new one.`,
    );
  }
  const poll = await services.poller.pollSource(source, true);
  return reply.text(`Restored ${source.id} (${source.url}): ${poll.newArticles} new article(s).`);
}

/** Said when a chat administrator asks for what only operators may do. */
function operatorsOnly(what: string, caller: Caller): string {
  const who =
    caller.platform === 'terminal'
      ? ''
      : ` Your ${caller.platform} user id is ${caller.userId}: an operator can add it to ${caller.platform}.operators in the config.`;
  return `${what} changes what every chat reads, so it is for the bot's operators only; /source add <url> adds a source for this chat.${who}`;
}
