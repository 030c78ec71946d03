import { defineCommand } from '../src/chat/command-definition.js';
import { speakersReply } from '../src/quotes/quote-reply.js';

/** Speakers per page. */
const PAGE_SIZE = 20;

/** /speakers [letters]: everyone quoted, most quoted first, with how often; letters narrow it down. */
export const speakersCommand = defineCommand({
  name: 'speakers',
  description: 'Everyone quoted, most quoted first; letters narrow it to names starting with them',
  slow: true,
  options: {
    name: { type: 'string', description: 'the start of a first name or surname', rest: true },
  },
  async run({ options, services, page, t }) {
    const found = await services.quotes.speakers({
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
      prefix: options.name,
    });
    return speakersReply(found, options.name, page, PAGE_SIZE, t);
  },
});
