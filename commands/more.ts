import { defineCommand } from '../src/chat/command-definition.js';
import { runNextPage } from '../src/chat/command-runner.js';

/** /more: the next page of the last long answer in this chat (buttons do the same with a token). */
export const moreCommand = defineCommand({
  name: 'more',
  description: 'The next page of the last long answer',
  options: {
    token: { type: 'string', description: 'which list to continue (buttons fill it in)' },
  },
  async run({ options, services, caller }) {
    return runNextPage(options.token, caller, services);
  },
});
