import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';

/** /source add <url> | /source remove <id>: operators change what the bot reads. */
export const sourceCommand = defineCommand({
  name: 'source',
  description: 'Add a feed or page URL, or remove a source (operators only)',
  access: 'operator',
  slow: true,
  options: {
    action: { type: 'string', description: 'add or remove', required: true, choices: ['add', 'remove'] },
    target: {
      type: 'string',
      description: 'the URL to add, or the id to remove (see /sources)',
      required: true,
    },
  },
  async run({ options, services, caller }) {
    if (options.action === 'remove') {
      const removed = await services.catalog.remove(options.target, services.clock());
      if (!removed) return reply.text(`No source "${options.target}". /sources lists the ids.`);
      await services.statuses.delete(options.target);
      return reply.text(`Removed ${options.target}. Its articles stay in the store.`);
    }
    const result = await services.admission.add(options.target, `${caller.platform}:${caller.userId}`);
    if (result.kind === 'refused') return reply.text(`Not added: ${result.reason}`);
    return reply.text(
      `Added ${result.source.id} (${result.source.url}): ${result.poll.newArticles} article(s) stored so far.`,
    );
  },
});
