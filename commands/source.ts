import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';

/** /source add <url> | remove <id> | restore <id>: operators change what the bot reads. */
export const sourceCommand = defineCommand({
  name: 'source',
  description: 'Add a feed or page URL, remove a source, or restore a removed one (operators only)',
  access: 'operator',
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
  },
  async run({ options, services, caller }) {
    if (options.action === 'remove') {
      const removed = await services.catalog.remove(
        options.target,
        services.clock(),
        `${caller.platform}:${caller.userId}`,
      );
      if (!removed) return reply.text(`No source "${options.target}". /sources lists the ids.`);
      const fromConfig = (await services.catalog.hidden()).some((source) => source.id === options.target);
      return reply.text(
        fromConfig
          ? `Removed ${options.target}, a source of the config file: it stays off after a restart until /source restore ${options.target}. Its articles stay in the store.`
          : `Removed ${options.target}. Its articles stay in the store.`,
      );
    }
    if (options.action === 'restore') {
      const source = await services.catalog.restore(options.target);
      if (!source) {
        const hidden = (await services.catalog.hidden()).map((entry) => entry.id);
        return reply.text(
          `"${options.target}" is not a removed config source.${hidden.length ? ` Removed ones: ${hidden.join(', ')}.` : ''} /source add <url> adds a new one.`,
        );
      }
      const poll = await services.poller.pollSource(source, true);
      return reply.text(`Restored ${source.id} (${source.url}): ${poll.newArticles} new article(s).`);
    }
    const result = await services.admission.add(options.target, {
      id: `${caller.platform}:${caller.userId}`,
      // At the terminal, the operator is on the machine itself; in a chat, a path would read its disk.
      mayAddLocalFiles: caller.platform === 'terminal',
    });
    if (result.kind === 'refused') return reply.text(`Not added: ${result.reason}`);
    const verb = result.kind === 'restored' ? 'Restored the config source' : 'Added';
    return reply.text(
      `${verb} ${result.source.id} (${result.source.url}): ${result.poll.newArticles} article(s) stored so far.`,
    );
  },
});
