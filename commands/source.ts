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
  async run({ options, services, caller, t }) {
    if (options.action === 'remove') {
      const removed = await services.catalog.remove(
        options.target,
        services.clock(),
        `${caller.platform}:${caller.userId}`,
      );
      if (!removed) return reply.text(t('source-not-found', { id: options.target }));
      const fromConfig = (await services.catalog.hidden()).some((source) => source.id === options.target);
      return reply.text(
        fromConfig
          ? t('source-removed-config', { id: options.target })
          : t('source-removed', { id: options.target }),
      );
    }
    if (options.action === 'restore') {
      const source = await services.catalog.restore(options.target);
      if (!source) {
        const hidden = (await services.catalog.hidden()).map((entry) => entry.id);
        return reply.text(
          hidden.length
            ? t('source-not-removed-list', { id: options.target, hidden: hidden.join(', ') })
            : t('source-not-removed', { id: options.target }),
        );
      }
      const poll = await services.poller.pollSource(source, true);
      return reply.text(t('source-restored', { id: source.id, url: source.url, count: poll.newArticles }));
    }
    const result = await services.admission.add(options.target, {
      id: `${caller.platform}:${caller.userId}`,
      // At the terminal, the operator is on the machine itself; in a chat, a path would read its disk.
      mayAddLocalFiles: caller.platform === 'terminal',
    });
    if (result.kind === 'refused') return reply.text(t('source-refused', { reason: result.reason }));
    const added = { id: result.source.id, url: result.source.url, count: result.poll.newArticles };
    return reply.text(
      result.kind === 'restored' ? t('source-restored-config', added) : t('source-added', added),
    );
  },
});
